//! Tests of the Word writer: every output read back by the project's own
//! Word reader (every change accepted gives the new revision, every change
//! rejected the old one), and checked for what Word refuses (repeated ids,
//! `w:t` inside `w:del`, a tracked last paragraph mark, XML that does not parse).

use super::*;
use crate::decode::WordSource;
use crate::diff::{DiffOptions, diff};
use crate::docx::{View, read};
use crate::model::Document;
use crate::parse::parse_text;
use crate::series::{SeriesOptions, from_documents};
use crate::testkit::edits::{apply, edit};
use proptest::prelude::*;
use roxmltree::Node;
use std::collections::HashSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A plain text as the Word reader gives it back: paragraphs (broken at blank
/// lines, white space around the break dropped) joined by one blank line.
fn canonical(text: &str) -> String {
    let blank = |c: char| matches!(c, ' ' | '\t' | '\n');
    let mut out = String::new();
    let mut rest = text.trim_matches(blank);
    while let Some(at) = rest.find('\n') {
        let run_start = rest[..at].trim_end_matches([' ', '\t']).len();
        let run_end = at + rest[at..].len() - rest[at..].trim_start_matches(blank).len();
        if rest[run_start..run_end].matches('\n').count() >= 2 {
            out.push_str(&rest[..run_start]);
            out.push_str("\n\n");
        } else {
            out.push_str(&rest[..run_end]);
        }
        rest = &rest[run_end..];
    }
    out.push_str(rest);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// A revision read from a file, with its Word source when it is one.
struct Revision {
    document: Document,
    word: Option<WordSource>,
}

fn load(path: &Path) -> Revision {
    let (document, word) =
        crate::load_keeping_word(path, &crate::decode::ReadOptions::EVEN_EMPTY).unwrap();
    Revision { document, word }
}

fn inputs<'a>(old: &'a Revision, new: &'a Revision) -> WordInputs<'a> {
    let input = |revision: &'a Revision| {
        revision.word.as_ref().map(|word| WordInput { word, text: &revision.document.text })
    };
    WordInputs { old: input(old), new: input(new) }
}

fn word(old: &Revision, new: &Revision, options: &WordOptions) -> Vec<u8> {
    let redline = diff(&old.document, &new.document, &DiffOptions::default());
    pair(&redline, inputs(old, new), options).unwrap()
}

/// The text the Word reader reads in `view`.
fn read_back(bytes: &[u8], view: View) -> String {
    read(bytes, view).unwrap().text
}

/// The text `revision` must read back as: its own text for a Word document,
/// the canonical form of a plain one.
fn expected(revision: &Revision) -> String {
    match revision.word {
        Some(_) => revision.document.text.clone(),
        None => canonical(&revision.document.text),
    }
}

fn check_round_trip(old: &Revision, new: &Revision, bytes: &[u8]) {
    check_package(bytes);
    assert_eq!(read_back(bytes, View::Accepted), expected(new), "every change accepted");
    assert_eq!(read_back(bytes, View::Original), expected(old), "every change rejected");
}

/// Every part parses; ids are unique; no `w:t` inside `w:del` or
/// `w:moveFrom`; the last paragraph mark of the body is never tracked.
fn check_package(bytes: &[u8]) {
    let parts = package::Parts::read(bytes).unwrap();
    let mut ids = HashSet::new();
    for (name, data) in &parts.entries {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let text = std::str::from_utf8(data).unwrap();
        let xml = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for node in xml.descendants().filter(Node::is_element) {
            let local = node.tag_name().name();
            let tracked = matches!(
                local,
                "ins" | "del" | "moveFrom" | "moveTo" | "pPrChange" | "rPrChange" | "comment"
            ) || local.ends_with("RangeStart") && local.starts_with("move");
            if tracked && node.tag_name().namespace() == Some(W) {
                let id = node
                    .attribute((W, "id"))
                    .unwrap_or_else(|| panic!("{name}: {local} without an id"));
                assert!(ids.insert(id.to_string()), "{name}: id {id} repeated");
            }
            if local == "t"
                && node.ancestors().any(|a| matches!(a.tag_name().name(), "del" | "moveFrom"))
            {
                panic!("{name}: w:t inside a deletion");
            }
        }
        if name == "word/document.xml" {
            let body = xml.descendants().find(|n| n.tag_name().name() == "body").unwrap();
            let last = body.children().rfind(|n| n.tag_name().name() == "p");
            if let Some(last) = last {
                let marked = last.children().filter(|n| n.tag_name().name() == "pPr").any(|ppr| {
                    ppr.children().filter(|n| n.tag_name().name() == "rPr").any(|rpr| {
                        rpr.children().any(|n| matches!(n.tag_name().name(), "ins" | "del"))
                    })
                });
                assert!(!marked, "the last paragraph mark of the body is tracked");
            }
        }
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn the_canonical_text_breaks_paragraphs_at_blank_lines() {
    assert_eq!(canonical("\n a) one \n two \n \n\n b)\tthree\n"), "a) one \n two\n\nb)\tthree\n");
    assert_eq!(canonical(""), "");
}

#[test]
fn every_text_fixture_pair_reads_back_exactly() {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("fixtures/diff"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 24);
    for dir in dirs {
        let (old, new) = (load(&dir.join("old.txt")), load(&dir.join("new.txt")));
        for moves in [false, true] {
            let options = WordOptions { moves, ..WordOptions::default() };
            let bytes = word(&old, &new, &options);
            check_round_trip(&old, &new, &bytes);
            assert_eq!(
                bytes,
                word(&old, &new, &options),
                "{}: the same bytes twice",
                dir.display()
            );
        }
    }
}

#[test]
fn word_pairs_and_mixed_pairs_read_back_exactly() {
    let pairs = [
        ("res140/docx/01-guadalajara-2010.docx", "res140/docx/02-busan-2014-dl23-rev2.docx"),
        ("docx/res140-01-libreoffice.docx", "docx/res140-02-libreoffice.docx"),
        ("res140/01-guadalajara-2010.txt", "res140/docx/02-busan-2014-dl23-rev2.docx"),
        ("res140/docx/01-guadalajara-2010.docx", "res140/02-busan-2014-dl23-rev2.txt"),
        ("res140/01-guadalajara-2010.txt", "res140/02-busan-2014-dl23-rev2.txt"),
        ("docx/nested-lists.docx", "docx/edited/nested-lists.docx"),
        ("docx/table-layout.docx", "docx/edited/table-layout.docx"),
        ("docx/footnotes.docx", "docx/edited/footnotes.docx"),
        ("docx/edited/nested-lists.docx", "docx/nested-lists.docx"),
        ("docx/edited/table-layout.docx", "docx/table-layout.docx"),
        ("docx/edited/footnotes.docx", "docx/footnotes.docx"),
    ];
    for (old, new) in pairs {
        let old = load(&root().join("fixtures").join(old));
        let new = load(&root().join("fixtures").join(new));
        let bytes = word(&old, &new, &WordOptions::default());
        check_round_trip(&old, &new, &bytes);
    }
}

#[test]
fn an_old_table_row_the_new_revision_lacks_is_a_deleted_row() {
    let old = load(&root().join("fixtures/docx/edited/table-layout.docx"));
    let new = load(&root().join("fixtures/docx/table-layout.docx"));
    let bytes = word(&old, &new, &WordOptions::default());
    check_round_trip(&old, &new, &bytes);
    let document = package::Parts::read(&bytes).unwrap().text("word/document.xml").unwrap();
    assert!(document.contains(r#"<w:tr><w:trPr><w:cantSplit w:val="off"/><w:del "#), "{document}");
}

/// FIXME: a new revision that already holds tracked changes is read with
/// them accepted, and its runs' insertions and deletions are accepted in the
/// output; its paragraph marks' changes stay, so every change rejected
/// does not give the old revision exactly.
#[test]
fn a_new_revision_with_tracked_changes_of_its_own_is_taken_accepted() {
    let old = load(&root().join("fixtures/res140/01-guadalajara-2010.txt"));
    let new = load(&root().join("fixtures/docx/res140-compare-libreoffice.docx"));
    let bytes = word(&old, &new, &WordOptions::default());
    check_package(&bytes);
    assert_eq!(read_back(&bytes, View::Accepted), expected(&new));
    // Read as it was before its changes (--original), it is not rewritten: a
    // document of redline's own holds its text.
    let options = crate::decode::ReadOptions { view: View::Original, ..Default::default() };
    let path = root().join("fixtures/docx/res140-compare-libreoffice.docx");
    let (document, word_source) = crate::load_keeping_word(&path, &options).unwrap();
    let original = Revision { document, word: word_source };
    let written = word(&old, &original, &WordOptions::default());
    assert_eq!(read_back(&written, View::Accepted), canonical(&original.document.text));
    assert!(package::Parts::read(&written).unwrap().get("word/header1.xml").is_none());
    let document = package::Parts::read(&bytes).unwrap().text("word/document.xml").unwrap();
    assert!(!document.contains("Unknown Author\" w:date=\"2026-12-01T04:37:41Z\"><w:r>"));
}

#[test]
fn a_word_revision_keeps_its_parts_and_only_its_changed_runs_are_rewritten() {
    let old = load(&root().join("fixtures/res140/docx/01-guadalajara-2010.docx"));
    let new = load(&root().join("fixtures/res140/docx/02-busan-2014-dl23-rev2.docx"));
    let bytes = word(&old, &new, &WordOptions::default());
    let (input, output) = (
        package::Parts::read(&new.word.as_ref().unwrap().package).unwrap(),
        package::Parts::read(&bytes).unwrap(),
    );
    for (name, data) in &input.entries {
        let kept = ["word/document.xml", "word/comments.xml", "word/numbering.xml"];
        if !kept.contains(&name.as_str()) {
            assert_eq!(output.get(name), Some(data.as_slice()), "{name} kept as it was");
        }
    }
    let document = output.text("word/document.xml").unwrap();
    assert!(document.contains(r#"<w:pStyle w:val="FirstParagraph" />"#), "pandoc's own XML kept");
    assert!(document.contains("<w:delText>GUADALAJARA, 2010</w:delText>"));
    assert!(output.text("word/comments.xml").unwrap().contains(">MOD<"));
}

#[test]
fn comments_carry_the_action_and_can_be_left_out() {
    let old = load(&root().join("fixtures/diff/04-moved-to-other-section-and-edited/old.txt"));
    let new = load(&root().join("fixtures/diff/04-moved-to-other-section-and-edited/new.txt"));
    let bytes = word(&old, &new, &WordOptions::default());
    let comments = package::Parts::read(&bytes).unwrap().text("word/comments.xml").unwrap();
    assert!(comments.contains(">MOD (moved, renumbered)<"), "{comments}");
    assert!(comments.contains(">moved to resolves · 4<"), "{comments}");
    let none = word(&old, &new, &WordOptions { comments: false, ..WordOptions::default() });
    let parts = package::Parts::read(&none).unwrap();
    assert!(parts.get("word/comments.xml").is_none());
    assert!(!parts.text("word/document.xml").unwrap().contains("comment"));
}

#[test]
fn moves_are_word_moves_with_paired_ranges_on_request() {
    let old = load(&root().join("fixtures/diff/04-moved-to-other-section-and-edited/old.txt"));
    let new = load(&root().join("fixtures/diff/04-moved-to-other-section-and-edited/new.txt"));
    let document = |moves| {
        let bytes = word(&old, &new, &WordOptions { moves, ..WordOptions::default() });
        package::Parts::read(&bytes).unwrap().text("word/document.xml").unwrap()
    };
    let (plain, moved) = (document(false), document(true));
    assert!(!plain.contains("moveFrom") && !plain.contains("moveTo"));
    for element in ["<w:moveFrom ", "<w:moveTo ", "<w:moveFromRangeStart ", "<w:moveToRangeEnd "] {
        assert!(moved.contains(element), "{element}");
    }
    let names: Vec<&str> =
        moved.match_indices("w:name=\"").map(|(at, _)| &moved[at + 8..at + 14]).collect();
    assert_eq!(names.len(), 2);
    assert_eq!(names[0], names[1], "the two ranges of a move share their name");
}

#[test]
fn author_date_and_header_block() {
    let old = load(&root().join("fixtures/res140/01-guadalajara-2010.txt"));
    let new = load(&root().join("fixtures/res140/02-busan-2014-dl23-rev2.txt"));
    let header = Header {
        doc_number: Some("DL/23-E (Rev.2)".into()),
        committee: Some("WORKING GROUP <OF> THE PLENARY".into()),
        draft_title: Some("DRAFT RESOLUTION 140".into()),
        proposal: Some("WGPL/23/1".into()),
        ..Header::default()
    };
    let options = WordOptions {
        author: "Secretariat & Co".into(),
        date: parse_date("31 October 2014"),
        header,
        ..WordOptions::default()
    };
    let parts = package::Parts::read(&word(&old, &new, &options)).unwrap();
    let document = parts.text("word/document.xml").unwrap();
    assert!(document.contains(r#"w:author="Secretariat &amp; Co" w:date="2014-10-31T00:00:00Z""#));
    assert!(document.contains(r#"<w:headerReference w:type="first""#));
    let header = parts.text("word/header1.xml").unwrap();
    assert!(header.contains("WORKING GROUP &#60;OF&#62; THE PLENARY"), "{header}");
    assert!(header.contains("Document DL/23-E (Rev.2)") && header.contains("WGPL/23/1"));
    assert!(header.contains(">DRAFT RESOLUTION 140<"), "{header}");
}

#[test]
fn a_document_of_its_own_is_in_the_language_of_the_text() {
    let styles = |tag: &str| {
        let dir = root().join("fixtures/languages").join(tag);
        let (old, new) = (load(&dir.join("01-draft.txt")), load(&dir.join("02-revision-1.txt")));
        let parts = package::Parts::read(&word(&old, &new, &WordOptions::default())).unwrap();
        let fonts = parts.text("word/fontTable.xml").unwrap().to_string();
        (parts.text("word/styles.xml").unwrap().to_string(), fonts)
    };
    let (arabic, _) = styles("ar");
    assert!(arabic.contains(r#"<w:lang w:val="ar-SA""#), "{arabic}");
    assert!(arabic.contains("<w:rtl/>") && arabic.contains("<w:bidi/>"), "right to left");
    let (chinese, fonts) = styles("zh");
    assert!(
        chinese.contains(r#"<w:lang w:val="zh-CN""#) && chinese.contains(r#"w:eastAsia="SimSun""#)
    );
    assert!(fonts.contains(r#"<w:font w:name="SimSun">"#), "{fonts}");
    assert!(!chinese.contains("<w:bidi/>"), "left to right");
    let (french, _) = styles("fr");
    assert!(french.contains(r#"<w:lang w:val="fr-FR""#) && !french.contains("<w:rtl/>"));
    let english = root().join("fixtures/res140");
    let (old, new) = (
        load(&english.join("01-guadalajara-2010.txt")),
        load(&english.join("02-busan-2014-dl23-rev2.txt")),
    );
    let parts = package::Parts::read(&word(&old, &new, &WordOptions::default())).unwrap();
    assert!(parts.text("word/styles.xml").unwrap().contains(r#"<w:lang w:val="en-GB""#));
}

#[test]
fn a_word_revision_gets_the_header_block_in_its_first_page_header() {
    let header = Header { committee: Some("COMMITTEE 5".into()), ..Header::default() };
    let options = WordOptions { header, ..WordOptions::default() };
    for (old, new) in [
        ("res140/docx/01-guadalajara-2010.docx", "res140/docx/02-busan-2014-dl23-rev2.docx"),
        ("docx/res140-01-libreoffice.docx", "docx/res140-02-libreoffice.docx"),
    ] {
        let old = load(&root().join("fixtures").join(old));
        let new = load(&root().join("fixtures").join(new));
        let bytes = word(&old, &new, &options);
        check_round_trip(&old, &new, &bytes);
        let parts = package::Parts::read(&bytes).unwrap();
        let document = parts.text("word/document.xml").unwrap();
        let section = &document[document.rfind("<w:sectPr").unwrap()..];
        assert!(
            section.contains(r#"<w:headerReference w:type="first" r:id="rIdRedlineHeader0"/>"#)
        );
        assert!(
            section.contains("<w:titlePg/>")
                && section.ends_with("</w:sectPr></w:body></w:document>")
        );
        let header = parts.text("word/header-redline0.xml").unwrap();
        assert!(header.contains(">COMMITTEE 5<"), "{header}");
        let rels = parts.text("word/_rels/document.xml.rels").unwrap();
        assert!(rels.contains(r#"Id="rIdRedlineHeader0""#));
    }
}

#[test]
fn a_series_is_one_author_per_revision() {
    let dir = root().join("fixtures/res140");
    let files = [
        "01-guadalajara-2010.txt",
        "02-busan-2014-dl23-rev2.txt",
        "03-later-draft-constructed.txt",
    ];
    let documents: Vec<Document> = files.iter().map(|f| load(&dir.join(f)).document).collect();
    let revisions = (1..=3)
        .map(|n| crate::model::Revision::new(n, format!("Rev {n} <&>"), files[n - 1], "UTF-8"))
        .collect();
    let series = from_documents(revisions, &documents, &SeriesOptions::default()).unwrap();
    let bytes = super::series(&series, WordInputs::default(), &WordOptions::default()).unwrap();
    check_package(&bytes);
    assert_eq!(read_back(&bytes, View::Accepted), canonical(&documents[2].text));
    let document = package::Parts::read(&bytes).unwrap().text("word/document.xml").unwrap();
    for author in ["Rev 2 &lt;&amp;&gt;", "Rev 3 &lt;&amp;&gt;"] {
        assert!(document.contains(&format!(r#"w:author="{author}""#)), "{author}");
    }
    assert!(!document.contains(r#"w:author="Rev 1"#), "the base revision made no change");
}

/// A Word document of `text` made by the writer itself (a redline with no change).
fn word_document(text: &str) -> Revision {
    let document = parse_text(text, "UTF-8");
    let redline = diff(&document, &document, &DiffOptions::default());
    let bytes = pair(&redline, WordInputs::default(), &WordOptions::default()).unwrap();
    let source = read(&bytes, View::Accepted).unwrap();
    Revision {
        document: parse_text(&source.text, crate::docx::ENCODING),
        word: Some(WordSource { package: bytes, source: source.source }),
    }
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "ITU",
    "WSIS",
    "2014",
    "[not",
    "decided]",
    "“quoted”",
    "High\u{2011}Level",
    "§",
    "a)",
    "-",
    "<b>",
    "&amp;",
    "x\u{1}y",
    "  ",
    "\t",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..10).prop_map(|w| w.join(" "))
}

fn revision_text(items: &[String]) -> String {
    let mut text = String::from("TITLE LINE\n\nrecalling\n\n");
    for (index, item) in items.iter().enumerate() {
        let label = char::from(b'a' + (index % 26) as u8);
        text.push_str(&format!("{label}) {item}\n\n"));
    }
    text
}

/// XML cannot hold control characters: the reader gets them back dropped.
fn without_controls(text: &str) -> String {
    text.chars().filter(|&c| c == '\t' || c == '\n' || c >= ' ').collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_read_back_exactly(
        items in prop::collection::vec(sentence(), 0..8),
        edits in prop::collection::vec(edit(sentence, true), 0..6),
        moves in any::<bool>(),
    ) {
        let old_text = revision_text(&items);
        let new_text = revision_text(&apply(&items, &edits));
        let old = Revision { document: parse_text(&old_text, "UTF-8"), word: None };
        let new = Revision { document: parse_text(&new_text, "UTF-8"), word: None };
        let bytes = word(&old, &new, &WordOptions { moves, ..WordOptions::default() });
        check_package(&bytes);
        prop_assert_eq!(read_back(&bytes, View::Accepted), canonical(&without_controls(&new_text)));
        prop_assert_eq!(read_back(&bytes, View::Original), canonical(&without_controls(&old_text)));
        // The new revision as a Word document: its package is rewritten.
        let new_word = word_document(&new_text);
        let bytes = word(&old, &new_word, &WordOptions { moves, ..WordOptions::default() });
        check_package(&bytes);
        prop_assert_eq!(read_back(&bytes, View::Accepted), new_word.document.text.clone());
        prop_assert_eq!(read_back(&bytes, View::Original), canonical(&without_controls(&old_text)));
    }
}

#[test]
fn markdown_emphasis_becomes_bold_runs_and_reads_back_with_its_markers() {
    let old = load(&root().join("fixtures/res140/01-guadalajara-2010.txt"));
    let new = load(&root().join("fixtures/res140/02-busan-2014-dl23-rev2.txt"));
    let bytes = word(&old, &new, &WordOptions::default());
    let parts = package::Parts::read(&bytes).unwrap();
    let document = parts.text("word/document.xml").unwrap();
    let at = document.find("role in implementing the outcomes").expect("the title");
    let run_start = document[..at].rfind("<w:r>").unwrap();
    assert!(document[run_start..at].contains("<w:b/>"), "the title is a bold run");
    let paragraph = &document[document[..at].rfind("<w:p>").unwrap()..];
    let paragraph = &paragraph[..paragraph.find("</w:p>").unwrap()];
    assert!(!paragraph.contains("**"), "its markers are not text: {paragraph}");
    check_round_trip(&old, &new, &bytes);
}
