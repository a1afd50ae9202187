//! The HTML page: structure, marks, views and escaping.

use super::pair::render;
use crate::model::{Header, Redline};
use crate::render::View;
use crate::testkit::redline::*;

fn page_of(redline: &Redline, view: View, header: &Header) -> String {
    render(redline, view, header).unwrap()
}

fn sample() -> Redline {
    doc(vec![
        heading("recalling\n\n"),
        in_section(
            modified(vec![eq("a) one "), del("two"), ins("three"), eq(";\n\n")]),
            "recalling",
        ),
        in_section(unchanged("b) same;\n\n"), "recalling"),
        in_section(
            renumbered(vec![label_del("d)"), label_ins("c)"), eq(" text\n\n")]),
            "recalling",
        ),
    ])
}

#[test]
fn standalone_page_without_scripts_or_requests() {
    let html = page_of(&sample(), View::Full, &Header::default());
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<style>") && html.contains("@page { size: A4"),
        "CSS inlined with A4 print rules"
    );
    for forbidden in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden} in the page");
    }
}

#[test]
fn marks_anchors_and_navigation() {
    let html = page_of(&sample(), View::Full, &Header::default());
    assert!(html.contains("a) one <del>two</del><ins>three</ins>;</div>"), "{html}");
    assert!(
        html.contains(r#"<del class="label">d)</del><ins class="label">c)</ins> text"#),
        "{html}"
    );
    assert!(html.contains(r#"id="change-1""#) && html.contains(r#"id="change-2""#), "{html}");
    assert!(html.contains(r##"<a class="next" href="#change-2""##), "{html}");
    assert!(html.contains(r##"<a href="#change-1">MOD · recalling</a>"##), "{html}");
    assert!(html.contains(r#"<span class="action">MOD</span>"#), "{html}");
}

#[test]
fn header_block_and_proposal_mark() {
    let header = Header {
        doc_number: Some("DL/23-E (Rev.2)".into()),
        date: Some("31 October 2014".into()),
        origin: Some("English".into()),
        committee: Some("WORKING GROUP OF THE PLENARY".into()),
        draft_title: Some("DRAFT RESOLUTION 140".into()),
        status: Some("WORK IN PROGRESS".into()),
        proposal: Some("WGPL/23/1".into()),
        title: None,
    };
    let html = page_of(&sample(), View::Full, &header);
    assert!(html.contains("<title>Document DL/23-E (Rev.2)</title>"), "{html}");
    assert!(html.contains("Original: English") && html.contains("31 October 2014"), "{html}");
    assert!(html.contains(r#"<p class="status">WORK IN PROGRESS</p>"#), "{html}");
    let draft = html.find(r#"<p class="draft-title">DRAFT RESOLUTION 140</p>"#);
    assert!(draft.is_some_and(|at| at < html.find("WORK IN PROGRESS").unwrap()), "{html}");
    assert!(html.contains(r#"<p class="proposal">MOD WGPL/23/1</p>"#), "{html}");
}

#[test]
fn hostile_text_is_inert() {
    let hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> </style> <!--";
    let redline = doc(vec![
        modified(vec![eq(hostile), del(hostile), ins(hostile)]),
        modified(vec![with_emphasis(ins(hostile), true, true)]),
    ]);
    let header = Header { committee: Some(hostile.into()), ..Header::default() };
    let html = page_of(&redline, View::Full, &header);
    for forbidden in ["<script", "<img", "<a href=\"javascript", "</style> ", "<!--"] {
        assert!(!html.contains(forbidden), "{forbidden} in {html}");
    }
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"), "{html}");
    assert!(html.contains("<strong><em>&lt;script&gt;"), "{html}");
}

#[test]
fn clean_view_has_no_marks() {
    let html = page_of(&sample(), View::Clean, &Header::default());
    assert!(html.contains("a) one three;"), "{html}");
    for mark in ["<del", "<ins", "change-1", "class=\"legend\"", "class=\"summary\""] {
        assert!(!html.contains(mark), "{mark} in {html}");
    }
}

#[test]
fn side_by_side_rows() {
    let html = page_of(&sample(), View::SideBySide, &Header::default());
    assert!(
        html.contains(r#"<td class="old"><div class="text">a) one <del>two</del>;</div></td>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<td class="new"><div class="text">a) one <ins>three</ins>;</div></td>"#),
        "{html}"
    );
}

#[test]
fn changes_view_keeps_section_headings() {
    let html = page_of(&sample(), View::Changes, &Header::default());
    assert!(html.contains("recalling</div>") && !html.contains("b) same"), "{html}");
}
