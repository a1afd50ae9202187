//! Alternatives written side by side (`[shall][should]`) grouped as options of one choice.

use super::locate::{is_balanced, piece_at};
use crate::model::{Bracket, Document};
use serde::Serialize;

/// Alternatives offered for one place: balanced brackets at the same depth, in
/// the same piece, separated only by whitespace, `/` or emphasis marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The options, as indices into [`Document::brackets`], in text order (two or more).
    pub options: Vec<usize>,
}

/// Groups the balanced brackets of a scanned document into choices.
///
/// Linear: each gap after a `]` is read once.
pub fn find_choices(document: &Document) -> Vec<Choice> {
    let brackets = &document.brackets;
    let mut taken = vec![false; brackets.len()];
    let mut choices = Vec::new();
    for first in 0..brackets.len() {
        if taken[first] || !is_balanced(&brackets[first]) {
            continue;
        }
        let mut options = vec![first];
        while let Some(next) = next_option(document, *options.last().unwrap_or(&first)) {
            taken[next] = true;
            options.push(next);
        }
        if options.len() > 1 {
            choices.push(Choice { options });
        }
    }
    choices
}

/// The bracket that follows `index` as another option of the same choice, if any.
fn next_option(document: &Document, index: usize) -> Option<usize> {
    let bracket = &document.brackets[index];
    let close = bracket.close?;
    let at = skip_separators(&document.text, close + 1);
    let next = bracket_opening_at(&document.brackets, at)?;
    let candidate = &document.brackets[next];
    let same_piece = piece_at(document, close) == Some(candidate.piece);
    (is_balanced(candidate) && candidate.depth == bracket.depth && same_piece).then_some(next)
}

/// The first offset from `from` that is not whitespace, `/` or `*`.
fn skip_separators(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let gap = rest.find(|c: char| !(c.is_whitespace() || c == '/' || c == '*'));
    from + gap.unwrap_or(rest.len())
}

/// The index of the bracket whose `[` is at `offset` (brackets sorted by start).
fn bracket_opening_at(brackets: &[Bracket], offset: usize) -> Option<usize> {
    let index = brackets.partition_point(|bracket| super::scan::start_of(bracket) < offset);
    (brackets.get(index)?.open == Some(offset)).then_some(index)
}
