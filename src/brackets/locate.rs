//! Where a bracket sits and what it holds: piece, section, label, words.

use crate::model::{Bracket, Document};
use unicode_segmentation::UnicodeSegmentation;

/// Index of the piece whose raw range holds byte `offset`, if any.
pub fn piece_at(document: &Document, offset: usize) -> Option<usize> {
    let after = document.pieces.partition_point(|piece| piece.raw.start <= offset);
    let index = after.checked_sub(1)?;
    document.pieces[index].raw.contains(&offset).then_some(index)
}

/// The section heading of piece `index`, trimmed, if it stands in a section.
pub fn section_name(document: &Document, index: usize) -> Option<String> {
    document.section_heading(index).map(|heading| heading.trim().to_string())
}

/// The label of piece `index` as written, if it has one.
pub fn label_name(document: &Document, index: usize) -> Option<String> {
    document.pieces[index].label.as_ref().map(|label| label.text.clone())
}

/// The text between a balanced bracket's `[` and `]`; empty for an unbalanced one.
pub fn inner_text<'a>(document: &'a Document, bracket: &Bracket) -> &'a str {
    match (bracket.open, bracket.close) {
        (Some(open), Some(close)) => &document.text[open + 1..close],
        _ => "",
    }
}

/// The number of words in `text` (Unicode word boundaries; punctuation and
/// emphasis marks are not words).
pub fn count_words(text: &str) -> usize {
    text.unicode_words().count()
}

/// `true` when a bracket has both its `[` and its `]`.
pub fn is_balanced(bracket: &Bracket) -> bool {
    bracket.open.is_some() && bracket.close.is_some()
}
