//! Where a bracket sits and what it holds: piece, section, label, words.

use crate::model::{Bracket, BracketSpan, BracketState, Document, LineIndex};
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

/// The bytes an unbalanced bracket most likely meant to enclose, its own
/// bracket included: a `]` that ends its provision (no letter or digit
/// after it) from the start of the provision's text; a `[` to the end of its
/// provision's text. `None` for a balanced bracket, or when nothing is likely.
pub fn likely_range(document: &Document, bracket: &Bracket) -> Option<std::ops::Range<usize>> {
    let content = document.pieces.get(bracket.piece)?.content.clone();
    match (bracket.open, bracket.close) {
        (None, Some(close)) => {
            let after = document.text.get(close + 1..content.end).unwrap_or("");
            let ends_provision = !after.chars().any(char::is_alphanumeric);
            (ends_provision && content.start < close).then_some(content.start..close + 1)
        }
        (Some(open), None) => (open + 1 < content.end).then_some(open..content.end),
        _ => None,
    }
}

/// The text inside an unbalanced bracket's likely range (see [`likely_range`]), trimmed.
pub fn likely_inner<'a>(document: &'a Document, bracket: &Bracket) -> Option<&'a str> {
    let range = likely_range(document, bracket)?;
    let inner = match bracket.open {
        Some(_) => &document.text[range.start + 1..range.end],
        None => &document.text[range.start..range.end - 1],
    };
    Some(inner.trim()).filter(|text| !text.is_empty())
}

/// Longest bracketed text a report quotes whole, in bytes; a longer one is
/// quoted by its first and last [`EXCERPT_BYTES`]` / 2` bytes or so (cut on
/// character boundaries). Without
/// a limit, brackets nested thousands deep would each quote the text of all
/// the levels inside them, and the report would grow with the square of the input.
pub const EXCERPT_BYTES: usize = 600;

/// `text` whole, or its beginning and end joined by ` … ` when it is longer
/// than [`EXCERPT_BYTES`]; `true` when it was cut.
pub fn excerpt(text: &str) -> (String, bool) {
    if text.len() <= EXCERPT_BYTES {
        return (text.to_string(), false);
    }
    let half = EXCERPT_BYTES / 2;
    let mut head_end = half;
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let mut tail_start = text.len() - half;
    while !text.is_char_boundary(tail_start) {
        tail_start += 1;
    }
    let (head, tail) = (&text[..head_end], &text[tail_start..]);
    let mut quoted = String::with_capacity(head.len() + tail.len() + 5);
    quoted.push_str(head);
    quoted.push_str(" … ");
    quoted.push_str(tail);
    (quoted, true)
}

/// Line and word look-ups into one document text, built once: counting the
/// words of every bracket from it stays linear however deep brackets nest.
#[derive(Debug, Clone)]
pub struct TextIndex {
    lines: LineIndex,
    /// Start and end offsets of every word inside a balanced bracket, in
    /// order (words never overlap).
    words: Vec<(usize, usize)>,
}

impl TextIndex {
    /// Indexes the lines of `document` and the words inside its balanced
    /// brackets, the only words ever counted: the cost follows the bracketed
    /// text, not the whole text (a 10 MB resolution has little of it).
    ///
    /// A `[` or `]` is a word boundary on both sides (no Unicode word rule
    /// reaches across it), so the words of `[...]` are the same as in the
    /// whole text.
    pub fn new(document: &Document) -> Self {
        let text = &document.text;
        let mut words = Vec::new();
        for span in bracketed_spans(document) {
            let words_in_span = text[span.clone()].unicode_word_indices();
            words.extend(
                words_in_span.map(|(at, word)| (span.start + at, span.start + at + word.len())),
            );
        }
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

/// The spans from `[` to `]` of the balanced brackets, nested ones merged
/// into the outermost: sorted and disjoint.
fn bracketed_spans(document: &Document) -> Vec<std::ops::Range<usize>> {
    let mut spans: Vec<std::ops::Range<usize>> = document
        .brackets
        .iter()
        .filter_map(|bracket| Some(bracket.open?..bracket.close? + 1))
        .collect();
    spans.sort_by_key(|span| span.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// `true` when a bracket has both its `[` and its `]`.
pub fn is_balanced(bracket: &Bracket) -> bool {
    bracket.open.is_some() && bracket.close.is_some()
}

impl BracketSpan {
    /// The span of a balanced bracket of `document`, in state `open`.
    pub fn new(document: &Document, index: &TextIndex, bracket: &Bracket) -> Self {
        let open = bracket.open.unwrap_or_default();
        let close = bracket.close.unwrap_or(open);
        let (line, column) = index.line_col(&document.text, open);
        let (end_line, end_column) = index.line_col(&document.text, close);
        let (text, excerpt) = excerpt(inner_text(document, bracket));
        let words = if is_balanced(bracket) { index.count_words(open + 1..close) } else { 0 };
        Self {
            section: section_name(document, bracket.piece),
            label: label_name(document, bracket.piece),
            line,
            column,
            end_line,
            end_column,
            depth: bracket.depth,
            words,
            text,
            excerpt,
            state: BracketState::Open,
            choice: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_limit_is_the_constant() {
        // README ("over 600 bytes") and `BracketSpan::text` name the figure.
        assert_eq!(EXCERPT_BYTES, 600);
    }

    #[test]
    fn short_texts_are_quoted_whole() {
        let text = "é".repeat(EXCERPT_BYTES / 2);
        assert_eq!(excerpt(&text), (text.clone(), false));
    }

    #[test]
    fn long_texts_keep_their_first_and_last_bytes() {
        let text = format!("{}{}{}", "a".repeat(600), "é".repeat(600), "z".repeat(600));
        let (quoted, cut) = excerpt(&text);
        assert!(cut);
        let half = EXCERPT_BYTES / 2;
        assert_eq!(quoted, format!("{} … {}", "a".repeat(half), "z".repeat(half)));
    }

    #[test]
    fn excerpts_cut_on_character_boundaries() {
        for text in ["é".repeat(700), format!("a{}", "€".repeat(500))] {
            let (quoted, cut) = excerpt(&text);
            assert!(cut);
            let (head, tail) = quoted.split_once(" … ").unwrap();
            assert!(text.starts_with(head) && text.ends_with(tail));
            assert!(head.len() <= EXCERPT_BYTES / 2 && head.len() > EXCERPT_BYTES / 2 - 4);
        }
    }
}
