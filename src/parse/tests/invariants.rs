//! Nothing lost: the model's invariants checked on every fixture, on the
//! seeds' outlines (insta snapshots) and on arbitrary text (proptest).

use super::parse_text;
use crate::model::Document;
use crate::render::{Format, outline};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Asserts every invariant `src/model.rs` documents, and that the outline can be built.
pub(super) fn assert_invariants(document: &Document) {
    assert_tiling(document);
    assert_nothing_lost(document);
    let line_count = document.text.split('\n').count();
    for index in 0..document.pieces.len() {
        assert_piece(document, index, line_count);
    }
    assert_sections(document);
    assert_diagnostics(document);
    let _ = outline(document, Format::Json).unwrap();
}

/// `lead` and the `raw` ranges of the pieces, in order, tile the text exactly.
fn assert_tiling(document: &Document) {
    assert_eq!(document.lead.start, 0);
    let mut at = document.lead.end;
    for piece in &document.pieces {
        assert_eq!(piece.raw.start, at, "pieces must follow each other");
        assert!(piece.raw.end > piece.raw.start, "empty piece at {at}");
        at = piece.raw.end;
    }
    assert_eq!(at, document.text.len(), "the pieces must reach the end of the text");
}

/// Every non-blank character is in exactly one piece: the lead is blank, and
/// the raw ranges (disjoint by the tiling) hold all non-blank characters.
fn assert_nothing_lost(document: &Document) {
    let solid = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(solid(document.lead_text()), 0, "the lead holds only white space");
    let in_pieces: usize = (0..document.pieces.len()).map(|index| solid(document.raw(index))).sum();
    assert_eq!(in_pieces, solid(&document.text));
}

fn assert_piece(document: &Document, index: usize, line_count: usize) {
    let piece = &document.pieces[index];
    let inside = |range: &std::ops::Range<usize>| {
        piece.raw.start <= range.start && range.start <= range.end && range.end <= piece.raw.end
    };
    assert!(inside(&piece.content), "content outside raw in piece {index}");
    let content = document.content(index);
    assert_eq!(content, content.trim_end(), "content ends with white space in piece {index}");
    if let Some(label) = &piece.label {
        assert!(inside(&label.range), "label outside raw in piece {index}");
        assert_eq!(document.text[label.range.clone()], label.text);
        assert!(label.range.end <= piece.content.start, "label after content in piece {index}");
    }
    assert!(piece.inlines.iter().all(|inline| inside(&inline.range)));
    assert!(1 <= piece.lines.0 && piece.lines.0 <= piece.lines.1 && piece.lines.1 <= line_count);
    if let Some(parent) = piece.parent {
        assert!(parent < index, "parents come first");
        assert_eq!(document.pieces[parent].depth + 1, piece.depth);
        assert_eq!(document.pieces[parent].section, piece.section);
    } else {
        assert_eq!(piece.depth, 0);
    }
}

/// Sections hold consecutive pieces, in order, and every piece but titles is in one.
fn assert_sections(document: &Document) {
    let titles = document.pieces.iter().take_while(|piece| piece.section.is_none()).count();
    let mut at = titles;
    for (number, section) in document.sections.iter().enumerate() {
        assert_eq!(section.pieces.start, at);
        assert!(section.pieces.end > section.pieces.start, "empty section {number}");
        at = section.pieces.end;
        for index in section.pieces.clone() {
            assert_eq!(document.pieces[index].section, Some(number));
        }
        if let Some(heading) = section.heading {
            assert_eq!(heading, section.pieces.start);
            assert_eq!(section.heading_text.as_deref(), Some(document.content(heading)));
        }
    }
    assert_eq!(at, document.pieces.len());
}

fn assert_diagnostics(document: &Document) {
    let line_count = document.text.split('\n').count();
    for diagnostic in &document.diagnostics {
        assert!(1 <= diagnostic.line && diagnostic.line <= line_count, "{diagnostic:?}");
        assert!(diagnostic.column >= 1, "{diagnostic:?}");
    }
}

/// Every `.txt` file under `dir`, recursively, sorted.
fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(text_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "txt") {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn nothing_is_lost_in_any_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let files = text_files(&fixtures);
    assert!(files.len() >= 6, "the five seeds and the outline fixtures at least");
    for path in files {
        // A binary file (a broken-series fixture) never reaches the parser.
        let Ok(document) = crate::load(&path, &crate::decode::ReadOptions::EVEN_EMPTY) else {
            continue;
        };
        let blank = document.text.trim().is_empty();
        assert_eq!(document.pieces.is_empty(), blank, "{}", path.display());
        assert_invariants(&document);
    }
}

#[test]
fn seed_outlines() {
    insta::glob!("../../../fixtures/seeds", "*.txt", |path| {
        let document = crate::load(path, &Default::default()).unwrap();
        insta::assert_snapshot!(outline(&document, Format::Text).unwrap());
    });
}

/// Pieces of resolutions, to build texts that look like them.
const FRAGMENTS: &[&str] = &[
    "recalling",
    "considering further",
    "resolves to instruct",
    "ANNEX",
    "Annex",
    "noting ",
    "Recalling also ",
    "Taking note of ",
    "1. Notes ",
    "The Council,",
    "Internet governance",
    "a)",
    "b) ",
    "(a) ",
    "i)",
    "ii)\t",
    "if)",
    "h)e) ",
    "1",
    "12 ",
    "2015 ",
    "- ",
    "– ",
    "·",
    "* ",
    "[",
    "]",
    "[[[",
    "]]",
    "**",
    "*",
    "~~",
    "[bookmark: x]",
    "[bookmark: ",
    "\u{FFFD}",
    "⁴",
    "\u{a0}",
    "\t",
    " ",
    ",",
    ";",
    ":",
    ".",
    "\n",
    "\n\n",
    "\n \n",
    "that the Council",
    "_____",
    "é",
    "“",
    "§",
    "considérant",
    "Rappelant également ",
    "décide ",
    "\u{202F}",
    "«",
    "»",
    "а) ",
    "решает",
    "忆及",
    "又回顾",
    "做出决议",
    "一、",
    "（一）",
    "1、",
    "，",
    "；",
    "إذ يذكّر",
    "وإذ تشير ",
    "يقرر",
    "أ) ",
    "هـ)",
    "،",
    "ـ",
];

fn resolution_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_keeps_the_invariants(text in "\\PC*(\n\\PC*){0,6}") {
        assert_invariants(&parse_text(&text, "UTF-8"));
    }

    #[test]
    fn resolution_like_text_keeps_the_invariants(text in resolution_like()) {
        assert_invariants(&parse_text(&text, "UTF-8"));
    }

    #[test]
    fn resolution_like_text_keeps_the_invariants_in_every_language(text in resolution_like()) {
        for language in crate::model::Language::ALL {
            let options = super::super::ParseOptions { language: Some(language) };
            assert_invariants(&super::super::parse_with(&text, "UTF-8", &options));
        }
    }

    #[test]
    fn any_unicode_keeps_the_invariants(text in any::<String>()) {
        assert_invariants(&parse_text(&text, "UTF-8"));
    }
}

#[test]
fn huge_lines_and_deep_brackets_stay_linear_and_whole() {
    let deep = format!("recalling\n\na) {}x{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert_invariants(&parse_text(&deep, "UTF-8"));
    let long = format!("recalling\n{}\n", "word *and* [bookmark: x] ~~y~~ ".repeat(200_000));
    assert_invariants(&parse_text(&long, "UTF-8"));
    let bookmarks = "[bookmark:".repeat(200_000);
    assert_invariants(&parse_text(&bookmarks, "UTF-8"));
    let nested = "a) x:\n1 y:\n".repeat(5_000);
    let document = parse_text(&format!("resolves\n{nested}"), "UTF-8");
    assert!(document.pieces.iter().all(|piece| piece.depth <= super::super::lists::MAX_DEPTH));
    assert_invariants(&document);
}
