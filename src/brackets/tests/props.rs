//! Properties: scanning, reporting and tracking never panic; reported spans
//! are balanced substrings of the input; every bracket is followed once.

use super::track;
use crate::brackets::DocumentReport;
use crate::brackets::locate::TextIndex;
use crate::diff::{DiffOptions, diff};
use crate::model::Redline;
use crate::model::{Bracket, Document, InlineKind};
use crate::parse::parse_text;
use crate::render::{Format, document_brackets};
use crate::testkit::doc::{doc, redline_of};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Texts made of the pieces that matter: brackets, headings, labels, artefacts, non-ASCII.
fn text() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "[",
        "]",
        "[",
        "]",
        "a",
        "word",
        "é",
        "°C",
        " ",
        " / ",
        "\n",
        "\n\n",
        "[bookmark: x]",
        "[1]",
        "considering\n\n",
        "resolves\n\n",
        "1 ",
        "b) ",
        "**",
        "~~",
        ";",
        "\u{a0}",
    ]);
    prop::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

/// Offsets inside the document's artefact inlines and struck text, whose
/// brackets are no negotiation brackets.
fn in_artefact(document: &Document, offset: usize) -> bool {
    let artefacts = document.pieces.iter().flat_map(|piece| &piece.inlines);
    artefacts
        .filter(|inline| matches!(inline.kind, InlineKind::Artefact | InlineKind::Struck))
        .any(|inline| inline.range.contains(&offset))
}

/// `true` when the brackets of `text[range]` (outside artefacts) pair up exactly.
fn is_balanced_substring(document: &Document, range: std::ops::Range<usize>) -> bool {
    let mut depth = 0usize;
    for (at, byte) in document.text.as_bytes()[range.clone()].iter().enumerate() {
        if in_artefact(document, range.start + at) {
            continue;
        }
        match byte {
            b'[' => depth += 1,
            b']' if depth == 0 => return false,
            b']' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

/// Every balanced bracket is a balanced substring; the report agrees with the document.
fn check_spans(document: &Document) -> Result<(), TestCaseError> {
    for bracket in &document.brackets {
        prop_assert!(bracket.depth >= 1);
        if let (Some(open), Some(close)) = (bracket.open, bracket.close) {
            prop_assert!(open < close);
            let bytes = document.text.as_bytes();
            prop_assert_eq!((bytes[open], bytes[close]), (b'[', b']'));
            let span = &document.text[open..=close];
            prop_assert!(is_balanced_substring(document, open..close + 1), "{:?}", span);
        }
    }
    let report = DocumentReport::new("prop", document);
    let bracket_diagnostics =
        document.diagnostics.iter().filter(|d| d.message.starts_with("unbalanced")).count();
    prop_assert_eq!(report.unbalanced.len(), bracket_diagnostics);
    prop_assert_eq!(report.brackets.len() + report.unbalanced.len(), document.brackets.len());
    prop_assert!(!document_brackets(&report, &Format::Text.into()).unwrap().is_empty());
    prop_assert!(
        document_brackets(&report, &Format::Html.into()).unwrap().starts_with("<!DOCTYPE html>")
    );
    Ok(())
}

proptest! {
    #[test]
    fn reported_spans_are_balanced_substrings(input in text()) {
        check_spans(&doc(&input))?;
    }

    #[test]
    fn through_the_parser_spans_are_balanced_substrings(input in text(), noise in ".{0,40}") {
        check_spans(&parse_text(&format!("{input}{noise}"), "UTF-8"))?;
    }

    #[test]
    fn words_are_counted_as_in_the_bracket_alone(input in text(), noise in ".{0,40}") {
        let document = parse_text(&format!("{input}{noise}"), "UTF-8");
        let index = TextIndex::new(&document);
        for bracket in &document.brackets {
            let (Some(open), Some(close)) = (bracket.open, bracket.close) else { continue };
            let alone = document.text[open + 1..close].unicode_words().count();
            prop_assert_eq!(index.count_words(open + 1..close), alone, "{:?}", bracket);
        }
    }


    #[test]
    fn every_balanced_bracket_is_followed_once(old in text(), new in text()) {
        let (built_old, built_new) = (doc(&old), doc(&new));
        check_followed_once(&built_old, &built_new, &redline_of(&built_old, &built_new))?;
        let (old, new) = (parse_text(&old, "UTF-8"), parse_text(&new, "UTF-8"));
        check_followed_once(&old, &new, &diff(&old, &new, &DiffOptions::default()))?;
    }
}

/// Each followed bracket of `old` and of `new` (balanced, or unbalanced with
/// a likely span) appears in exactly one tracked bracket.
fn check_followed_once(
    old: &Document,
    new: &Document,
    redline: &Redline,
) -> Result<(), TestCaseError> {
    let tracked = track(old, new, redline);
    let mut old_seen: Vec<usize> = tracked.iter().filter_map(|t| t.old_bracket).collect();
    let mut new_seen: Vec<usize> = tracked.iter().filter_map(|t| t.new_bracket).collect();
    old_seen.sort_unstable();
    new_seen.sort_unstable();
    prop_assert_eq!(old_seen, followed(old));
    prop_assert_eq!(new_seen, followed(new));
    Ok(())
}

/// Indices of the brackets of a document that are followed: balanced ones,
/// and unbalanced ones whose likely span can be told.
fn followed(document: &Document) -> Vec<usize> {
    let is_balanced = |bracket: &Bracket| bracket.open.is_some() && bracket.close.is_some();
    let is_followed = |bracket: &Bracket| {
        is_balanced(bracket) || crate::brackets::locate::likely_range(document, bracket).is_some()
    };
    (document.brackets.iter().enumerate()).filter(|(_, b)| is_followed(b)).map(|(i, _)| i).collect()
}
