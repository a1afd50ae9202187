//! Alternatives written side by side (`[shall][should]`) grouped as options
//! of one choice, and alternatives inside one bracket (`[Encourage/ Instructs]`).

use super::locate::{is_balanced, piece_at};
use crate::model::{Bracket, Document};
use serde::Serialize;

/// Alternatives offered for one place: balanced brackets at the same depth, in
/// the same piece, separated only by whitespace, `/` or emphasis marks; or one
/// bracket holding short alternatives separated by `/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The options, as indices into [`Document::brackets`], in text order
    /// (two or more; one for alternatives inside one bracket).
    pub options: Vec<usize>,
    /// The alternatives inside one bracket (`Encourage`, `Instructs`), when
    /// the choice is written `[Encourage/ Instructs]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<String>,
}

/// Most words of one alternative written inside a bracket with `/`.
pub const MAX_ALTERNATIVE_WORDS: usize = 4;

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
            choices.push(Choice { options, within: Vec::new() });
        } else if let Some(within) = slashed(super::locate::inner_text(document, &brackets[first]))
        {
            choices.push(Choice { options, within });
        }
    }
    choices
}

/// The alternatives of a bracket's text written `shall/ should`: two or more
/// short parts separated by `/`, each starting with a letter (`A/68/302` and
/// a sentence that happens to hold a `/` are no choice).
fn slashed(text: &str) -> Option<Vec<String>> {
    if !text.contains('/') || text.contains(['.', ';', ',', ':']) {
        return None;
    }
    let parts: Vec<String> = text.split('/').map(|part| part.trim().to_string()).collect();
    let short = |part: &String| {
        let words = part.split_whitespace().count();
        let letters = part.chars().filter(|c| c.is_alphabetic()).count();
        (1..=MAX_ALTERNATIVE_WORDS).contains(&words)
            && letters >= 2
            && part.starts_with(char::is_alphabetic)
    };
    (parts.len() >= 2 && parts.iter().all(short)).then_some(parts)
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
