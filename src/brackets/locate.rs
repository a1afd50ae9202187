//! Where a bracket sits and what it holds: piece, section, label, words.

use crate::model::{Bracket, Document, LineIndex};
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

/// Line and word look-ups into one document text, built once: counting the
/// words of every bracket from it stays linear however deep brackets nest.
#[derive(Debug, Clone)]
pub struct TextIndex {
    lines: LineIndex,
    /// Start and end offsets of every word, in order (words never overlap).
    words: Vec<(usize, usize)>,
}

impl TextIndex {
    /// Indexes the lines and words of `text`.
    pub fn new(text: &str) -> Self {
        let words = text.unicode_word_indices().map(|(at, word)| (at, at + word.len())).collect();
        TextIndex { lines: LineIndex::new(text), words }
    }

    /// 1-based line and column (in characters) of `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        self.lines.line_col(text, offset)
    }

    /// The number of words lying wholly inside `range` (Unicode word
    /// boundaries; punctuation and emphasis marks are not words).
    pub fn count_words(&self, range: std::ops::Range<usize>) -> usize {
        let first = self.words.partition_point(|&(start, _)| start < range.start);
        let end = self.words.partition_point(|&(_, end)| end <= range.end);
        end.saturating_sub(first)
    }
}

/// `true` when a bracket has both its `[` and its `]`.
pub fn is_balanced(bracket: &Bracket) -> bool {
    bracket.open.is_some() && bracket.close.is_some()
}
