//! Lines and what each one starts with: a label, a heading, a footnote, or plain text.
//!
//! Classifying a line looks only at the line itself (and, for a dash, at
//! whether the list before it used dashes as Markdown markers); the passes
//! that need neighbouring lines are in [`super::paragraphs`].

use super::headings::{self, Table};
use super::inline::artefact_at;
use super::labels::{LabelToken, label_at};
use crate::model::SectionKind;

/// One line of the text, with its indentation and trailing white space measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line {
    /// First byte of the line.
    pub start: usize,
    /// End of the line, before its `\n`.
    pub end: usize,
    /// First non-blank byte (`end` for a blank line).
    pub text_start: usize,
    /// Where the text proper starts: after indentation and leading Word-export artefacts.
    pub body: usize,
    /// End of the last non-blank character (`text_start` for a blank line).
    pub text_end: usize,
}

impl Line {
    /// True for an empty line or one of white space only.
    pub fn is_blank(&self) -> bool {
        self.text_start >= self.text_end
    }
}

/// Splits `text` into lines (a final line without `\n` included).
pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
        lines.push(measure(text, start, end));
        start = end + 1;
    }
    lines
}

fn measure(text: &str, start: usize, end: usize) -> Line {
    let line = &text[start..end];
    let text_start = start + (line.len() - line.trim_start().len());
    let text_end = (start + line.trim_end().len()).max(text_start);
    let body = skip_artefacts(text, text_start, text_end);
    Line { start, end, text_start, body, text_end }
}

/// Skips Word-export artefacts (and the white space after each) from `at`.
fn skip_artefacts(text: &str, mut at: usize, text_end: usize) -> usize {
    while let Some(end) = artefact_at(text, at).filter(|&end| end <= text_end) {
        let rest = &text[end..text_end];
        at = end + (rest.len() - rest.trim_start().len());
    }
    at
}

/// What a line starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Start {
    /// Nothing: the line is blank.
    Blank,
    /// Plain text: a paragraph, or the continuation of one.
    Text,
    /// A list item: a label, a Markdown list marker, or both.
    Item(Item),
    /// An ITU heading on a line of its own.
    Heading(SectionKind),
    /// A UN opening phrase ("Recalling also"), ending at this byte.
    UnPhrase(usize),
    /// A sub-heading that groups the numbered paragraphs after it.
    SubHeading,
    /// A footnote text (`� See ...`).
    Footnote,
    /// The enacting formula of the title block (`The Council,`).
    Formula,
    /// A separator line (`_________________`).
    Separator,
}

impl Start {
    /// The item, if the line starts one.
    pub fn item(&self) -> Option<&Item> {
        match self {
            Start::Item(item) => Some(item),
            _ => None,
        }
    }
}

/// The start of a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Item {
    /// A Markdown list marker (`- `) stands before the label, or instead of one.
    pub marker: bool,
    /// The label, if any.
    pub label: Option<LabelToken>,
    /// Where the text starts on this line (the line's end when the label is alone).
    pub text: usize,
    /// The label stands alone on its line; its text is on the next one.
    pub alone: bool,
}

/// Classifies one line of the body, with the heading words of `table`.
/// `dash_lists` says whether the list item before used `- ` as a Markdown
/// marker (then `- ~~4~~ text` is a marker too).
pub(super) fn classify(text: &str, line: &Line, dash_lists: bool, table: &Table) -> Start {
    if line.is_blank() {
        return Start::Blank;
    }
    let body = &text[line.body..line.text_end];
    if headings::is_footnote(body) {
        return Start::Footnote;
    }
    if headings::is_separator(body) {
        return Start::Separator;
    }
    if let Some(item) = item(text, line, dash_lists) {
        return Start::Item(item);
    }
    if let Some(kind) = headings::itu_heading(body, table) {
        return Start::Heading(kind);
    }
    match headings::un_phrase(body, table) {
        Some(len) => Start::UnPhrase(line.body + len),
        None => Start::Text,
    }
}

/// Markdown list markers: one of these and a space or a tab, before a label.
const MARKERS: [&str; 6] = ["- ", "* ", "+ ", "-\t", "*\t", "+\t"];

fn item(text: &str, line: &Line, dash_lists: bool) -> Option<Item> {
    let at = line.body;
    let marked = MARKERS.iter().find(|marker| text[at..line.text_end].starts_with(*marker));
    if let Some(marker) = marked {
        let after = skip_blanks(text, at + marker.len(), line.text_end);
        if let Some(item) = labelled(text, line, after, true) {
            return Some(item);
        }
        if dash_lists || !marker.starts_with('-') {
            return Some(Item { marker: true, label: None, text: after, alone: false });
        }
    }
    labelled(text, line, at, false)
}

/// A label at `at` (after any `[` opening it), and where its text starts.
fn labelled(text: &str, line: &Line, at: usize, marker: bool) -> Option<Item> {
    let brackets = text[at..line.text_end].bytes().take_while(|&b| b == b'[').count();
    let token = label_at(text, at + brackets, line.text_end)?;
    let after = skip_blanks(text, token.range.end, line.text_end);
    let alone = after >= line.text_end;
    Some(Item { marker, label: Some(token), text: after, alone })
}

/// The first non-blank byte from `at` (at most `end`), line breaks included.
pub(super) fn skip_blanks(text: &str, at: usize, end: usize) -> usize {
    let at = at.min(end);
    let rest = &text[at..end];
    at + (rest.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> (Line, Start) {
        let line = split_lines(text)[0];
        (line, classify(text, &line, false, headings::table(crate::model::Language::En)))
    }

    #[test]
    fn lines_keep_every_byte() {
        let lines = split_lines("a\n\n  b \nc");
        let spans: Vec<_> =
            lines.iter().map(|l| (l.start, l.end, l.text_start, l.text_end)).collect();
        assert_eq!(spans, [(0, 1, 0, 1), (2, 2, 2, 2), (3, 7, 5, 6), (8, 9, 8, 9)]);
    }

    #[test]
    fn artefacts_are_skipped_before_the_body() {
        let text = "[bookmark: Signature]b)\ttext";
        let (line, start) = first(text);
        assert_eq!(line.body, "[bookmark: Signature]".len());
        let item = start.item().unwrap();
        assert_eq!(&text[item.label.clone().unwrap().range], "b)");
    }

    #[test]
    fn markdown_markers_and_dash_bullets() {
        let (_, start) = first("- a) text");
        let item = start.item().unwrap();
        assert!(item.marker && item.label.is_some());
        let (_, start) = first("- WSIS+10 Statement");
        assert!(!start.item().unwrap().marker);
        let text = "- ~~4~~ to elaborate";
        let line = split_lines(text)[0];
        let item = classify(text, &line, true, headings::table(crate::model::Language::En));
        assert_eq!(item.item().map(|i| (i.marker, i.label.is_none())), Some((true, true)));
    }

    #[test]
    fn a_tab_after_the_marker_is_a_marker_too() {
        let text = "-\ta) text";
        let (_, start) = first(text);
        let item = start.item().unwrap();
        assert!(item.marker, "{item:?}");
        assert_eq!(&text[item.label.clone().unwrap().range], "a)");
        let (_, start) = first("-\ttext of a bullet");
        let item = start.item().unwrap();
        assert!(!item.marker, "a tab-separated dash bullet keeps its label: {item:?}");
    }

    #[test]
    fn label_alone_and_bracketed_label() {
        let (_, start) = first("a) ");
        assert!(start.item().unwrap().alone);
        let text = "[d) that";
        let (_, start) = first(text);
        assert_eq!(start.item().unwrap().text, 4);
    }
}
