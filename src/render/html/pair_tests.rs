//! The HTML page: structure, marks, views and escaping.

use super::pair::render;
use crate::model::{Header, Redline, Source};
use crate::render::{Format, FrontMatter, Options, View};
use crate::testkit::redline::*;

fn page_of(redline: &Redline, view: View, header: &Header) -> String {
    let options =
        Options { format: Format::Html, view, header: header.clone(), ..Options::default() };
    render(redline, &options).unwrap()
}

fn page_with(redline: &Redline, options: Options) -> String {
    render(redline, &Options { format: Format::Html, ..options }).unwrap()
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
    assert!(html.contains(r#"<span class="action quiet">renumbered</span>"#), "{html}");
    assert!(!html.contains("quiet\">NOC<"), "NOC only when asked: {html}");
}

#[test]
fn noc_marks_when_asked() {
    let html = page_with(&sample(), Options { show_noc: true, ..Options::default() });
    assert!(
        html.contains(r#"<span class="action quiet">NOC</span></div><div class="text">b) same;"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<span class="action quiet">NOC</span> in the margin: no change"#),
        "{html}"
    );
}

/// Where the front matter stands in the page: before or after `<main>`, or absent.
fn front_place(html: &str) -> Option<&'static str> {
    let front = html.find(r#"<div class="front">"#)?;
    Some(if front < html.find("<main").unwrap() { "before" } else { "after" })
}

#[test]
fn front_matter_before_after_or_left_out() {
    let place = |front_matter| {
        let html = page_with(&sample(), Options { front_matter, ..Options::default() });
        let class = format!("front-{}", front_matter.name());
        assert!(html.contains(&class), "{class}");
        front_place(&html)
    };
    assert_eq!(
        place(FrontMatter::Auto),
        Some("after"),
        "after in the page, first on screen by CSS"
    );
    assert_eq!(place(FrontMatter::After), Some("after"));
    assert_eq!(place(FrontMatter::Before), Some("before"));
    assert_eq!(place(FrontMatter::Omit), None);
    let clean = page_of(&sample(), View::Clean, &Header::default());
    assert_eq!(front_place(&clean), None);
}

#[test]
fn running_head_from_the_document_number() {
    let header = Header { doc_number: Some("PP14/DL/23-E".into()), ..Header::default() };
    let html = page_of(&sample(), View::Full, &header);
    assert!(html.contains(r#"counter(page) " -" "\A " "PP14/DL/23-E""#), "{html}");
}

#[test]
fn names_are_labels_or_file_names_never_paths() {
    let mut redline = sample();
    redline.old = Source { path: "/home/someone/drafts/r1.txt".into(), encoding: "UTF-8".into() };
    redline.new = Source { path: "drafts/r2.txt".into(), encoding: "UTF-8".into() };
    let html = page_of(&redline, View::SideBySide, &Header::default());
    assert!(html.contains("<th>r1.txt</th><th>r2.txt</th>"), "{html}");
    assert!(html.contains("<title>Redline: r1.txt → r2.txt</title>"), "{html}");
    assert!(!html.contains("someone") && !html.contains("drafts/"), "{html}");
    let labels = [Some("Guadalajara 2010".to_string()), Some("Busan 2014".to_string())];
    let options = Options { view: View::SideBySide, labels, ..Options::default() };
    let html = page_with(&redline, options);
    assert!(html.contains("<th>Guadalajara 2010</th><th>Busan 2014</th>"), "{html}");
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

#[test]
fn a_list_marker_before_a_label_is_not_printed_and_a_dash_bullet_is() {
    let redline = doc(vec![
        labelled(unchanged("- a) one;\n"), Some("a)"), Some("a)")),
        labelled(unchanged("- a bullet;\n"), Some("-"), Some("-")),
    ]);
    let html = page_of(&redline, View::Full, &Header::default());
    assert!(html.contains(r#"<div class="text">a) one;</div>"#), "{html}");
    assert!(html.contains(r#"<div class="text">- a bullet;</div>"#), "{html}");
}

#[test]
fn the_halves_of_a_split_link_to_each_other() {
    let mut first =
        modified(vec![eq("1 to act"), del(", as stated in the Tunis Agenda"), eq(";\n\n")]);
    first.links.split_into = Some(1);
    let mut second = added("2 as stated in the Tunis Agenda;\n");
    second.links.split_from = Some(1);
    let html = page_of(&doc(vec![first, second]), View::Full, &Header::default());
    assert!(html.contains(r##"<a class="half" href="#change-2">split, rest ↓</a>"##), "{html}");
    assert!(html.contains(r##"<a class="half" href="#change-1">split from ↑</a>"##), "{html}");
}
