//! Documents built by hand for unit tests, independent of the parser: the
//! one test document builder of the crate.
//!
//! [`doc`] reads a small notation: paragraphs separated by a blank line; a
//! paragraph whose first word is a heading word (`recalling`, `considering`,
//! `noting`, `resolves`, `instructs`, `invites`) opens a section (operative
//! for `resolves`, `instructs` and `invites`, else preambular); paragraphs
//! before the first heading are title lines; other paragraphs are provisions,
//! labelled when their first word looks like `a)`, `(b)`, `1` or `2.`.
//! `[bookmark: ...]` is marked as an artefact inline. [`paragraphs`] reads
//! every paragraph as an unlabelled provision, outside any section.

use crate::model::{Action, Entry, EntryKind, Op, Redline, Span};
use crate::model::{
    Document, Inline, InlineKind, Label, LabelKind, LineIndex, Piece, PieceKind, Section,
    SectionKind,
};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

const HEADINGS: &[&str] =
    &["recalling", "considering", "noting", "resolves", "instructs", "invites"];

/// Builds a document from the notation above and scans its brackets.
pub fn doc(text: &str) -> Document {
    build(text, push_piece)
}

/// A document of paragraphs, each one unlabelled provision outside any
/// section (no title, no heading), brackets scanned.
pub fn paragraphs(text: &str) -> Document {
    build(text, |document, lines, text, raw_end| {
        let mut piece = bare_piece(document, lines, text, raw_end);
        piece.kind = PieceKind::Provision;
        document.pieces.push(piece);
    })
}

type PushPiece = fn(&mut Document, &LineIndex, Range<usize>, usize);

/// Splits `text` into blank-line separated paragraphs and pushes each as a piece.
fn build(text: &str, push: PushPiece) -> Document {
    let mut document =
        Document { text: text.to_string(), encoding: "UTF-8".into(), ..Default::default() };
    let lines = LineIndex::new(text);
    let mut at = text.len() - text.trim_start().len();
    document.lead = 0..at;
    while at < text.len() {
        let end = text[at..].find("\n\n").map_or(text.len(), |found| at + found);
        let raw_end = end + text[end..].len() - text[end..].trim_start().len();
        push(&mut document, &lines, at..end, raw_end);
        at = raw_end;
    }
    crate::brackets::scan_document(&mut document);
    document
}

/// A title piece over `text`, in the current section, with its artefacts.
fn bare_piece(document: &Document, lines: &LineIndex, text: Range<usize>, raw_end: usize) -> Piece {
    Piece {
        kind: PieceKind::Title,
        section: document.sections.len().checked_sub(1),
        parent: None,
        depth: 0,
        label: None,
        raw: text.start..raw_end,
        content: text.clone(),
        lines: (
            lines.line_col(&document.text, text.start).0,
            lines.line_col(&document.text, text.end).0,
        ),
        inlines: artefacts(&document.text, text.clone()),
        inline_heading: false,
    }
}

fn push_piece(document: &mut Document, lines: &LineIndex, text: Range<usize>, raw_end: usize) {
    let first_word = document.text[text.clone()].split_whitespace().next().unwrap_or("");
    let index = document.pieces.len();
    let mut piece = bare_piece(document, lines, text.clone(), raw_end);
    if HEADINGS.contains(&first_word) {
        piece.kind = PieceKind::Heading;
        piece.section = Some(document.sections.len());
        document.sections.push(Section {
            heading: Some(index),
            heading_text: Some(document.text[text].to_string()),
            kind: section_kind(first_word),
            pieces: index..index + 1,
        });
    } else if let Some(section) = piece.section {
        piece.kind = PieceKind::Provision;
        piece.label = label(first_word, text.start);
        if let Some(label) = &piece.label {
            let after = &document.text[label.range.end..text.end];
            piece.content = text.end - after.trim_start().len()..text.end;
        }
        document.sections[section].pieces.end = index + 1;
    }
    document.pieces.push(piece);
}

/// Operative for the decisions, preambular for the reasons.
fn section_kind(heading: &str) -> SectionKind {
    match heading {
        "resolves" | "instructs" | "invites" => SectionKind::Operative,
        _ => SectionKind::Preamble,
    }
}

fn label(word: &str, at: usize) -> Option<Label> {
    let core = word.trim_start_matches('(').trim_end_matches([')', '.']);
    let is_label = !core.is_empty()
        && core.len() <= 3
        && (core.chars().all(|c| c.is_ascii_digit())
            || (word.ends_with(')') && core.chars().all(|c| c.is_ascii_lowercase())));
    let kind = if core.chars().all(|c| c.is_ascii_digit()) {
        LabelKind::Number
    } else {
        LabelKind::Letter
    };
    is_label.then(|| Label {
        text: word.to_string(),
        range: at..at + word.len(),
        kind,
        ordinal: None,
    })
}

fn artefacts(text: &str, range: Range<usize>) -> Vec<Inline> {
    let mut found = Vec::new();
    let mut at = range.start;
    while let Some(start) = text[at..range.end].find("[bookmark:").map(|found| at + found) {
        let Some(end) = text[start..range.end].find(']').map(|found| start + found + 1) else {
            break;
        };
        found.push(Inline { kind: InlineKind::Artefact, range: start..end });
        at = end;
    }
    found
}

/// A word-level redline of `old` against `new` for tests: piece `i` of one
/// against piece `i` of the other; extra pieces are SUP or ADD.
pub fn redline_of(old: &Document, new: &Document) -> Redline {
    let count = old.pieces.len().max(new.pieces.len());
    let present =
        |document: &Document, index: usize| (index < document.pieces.len()).then_some(index);
    let pairs: Vec<_> =
        (0..count).map(|index| (present(old, index), present(new, index))).collect();
    redline_with(old, new, &pairs)
}

/// A word-level redline pairing pieces as `pairs` says (`(old, new)` piece indices).
pub fn redline_with(
    old: &Document,
    new: &Document,
    pairs: &[(Option<usize>, Option<usize>)],
) -> Redline {
    let entries = pairs.iter().map(|&(old_piece, new_piece)| {
        let old_text = old_piece.map_or("", |piece| old.raw(piece));
        let new_text = new_piece.map_or("", |piece| new.raw(piece));
        let action = match (old_piece, new_piece) {
            (None, _) => Action::Add,
            (_, None) => Action::Sup,
            _ if old_text == new_text => Action::Noc,
            _ => Action::Mod,
        };
        Entry {
            old_piece,
            new_piece,
            ..Entry::new(EntryKind::Provision, action, word_spans(old_text, new_text))
        }
    });
    Redline {
        lead: word_spans(old.lead_text(), new.lead_text()),
        entries: entries.collect(),
        ..Redline::default()
    }
}

/// Equal, deleted and inserted spans of two texts, diffed by Unicode word boundaries.
fn word_spans(old: &str, new: &str) -> Vec<Span> {
    let old_tokens: Vec<&str> = old.split_word_bounds().collect();
    let new_tokens: Vec<&str> = new.split_word_bounds().collect();
    let mut spans = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_tokens, &new_tokens) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let old_text = old_tokens[old_range].concat();
        let new_text = new_tokens[new_range].concat();
        match tag {
            similar::DiffTag::Equal => spans.push(Span::new(Op::Equal, old_text)),
            _ => {
                if !old_text.is_empty() {
                    spans.push(Span::new(Op::Delete, old_text));
                }
                if !new_text.is_empty() {
                    spans.push(Span::new(Op::Insert, new_text));
                }
            }
        }
    }
    spans
}
