//! Inline spans inside a piece: `**bold**`, `*italic*`, `~~struck~~`,
//! footnote markers and Word-export artefacts (`[bookmark: _Hlk142034137]`).
//!
//! Emphasis pairs within one piece: an opening delimiter is followed by a
//! non-blank character, a closing one preceded by one; a delimiter left
//! without a partner is plain text. Every scan is a single pass.

use super::headings::is_footnote_marker;
use crate::model::{Inline, InlineKind};
use std::ops::Range;

/// How Word-export artefacts start; they end at the next `]` on the line.
const ARTEFACT_OPENINGS: &[&str] = &["[bookmark:"];

/// Longest artefact read, `[` to `]`: Word's bookmark names are short.
const MAX_ARTEFACT_BYTES: usize = 200;

/// End of the Word-export artefact starting at byte `at`, if one does.
pub(super) fn artefact_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text.as_bytes()[at..];
    ARTEFACT_OPENINGS.iter().find(|opening| rest.starts_with(opening.as_bytes()))?;
    let window = &rest[..rest.len().min(MAX_ARTEFACT_BYTES)];
    let close = window.iter().position(|&b| b == b']' || b == b'\n')?;
    (window[close] == b']').then_some(at + close + 1)
}

/// Every inline span in `range` of `text`, ordered by start.
pub(super) fn scan(text: &str, range: Range<usize>) -> Vec<Inline> {
    let mut found = artefacts(text, range.clone());
    found.extend(footnote_markers(text, range.clone()));
    found.extend(emphasis(text, range));
    found.sort_by_key(|inline| (inline.range.start, std::cmp::Reverse(inline.range.end)));
    found
}

fn artefacts(text: &str, range: Range<usize>) -> Vec<Inline> {
    let mut found = Vec::new();
    let mut from = range.start;
    while let Some(offset) = text[from..range.end].find('[') {
        let at = from + offset;
        match artefact_at(text, at).filter(|&end| end <= range.end) {
            Some(end) => {
                found.push(Inline { kind: InlineKind::Artefact, range: at..end });
                from = end;
            }
            None => from = at + 1,
        }
    }
    found
}

fn footnote_markers(text: &str, range: Range<usize>) -> Vec<Inline> {
    let mut found: Vec<Inline> = Vec::new();
    if text[range.clone()].is_ascii() {
        return found; // every marker is outside ASCII
    }
    for (offset, c) in text[range.clone()].char_indices().filter(|&(_, c)| is_footnote_marker(c)) {
        let at = range.start + offset;
        let end = at + c.len_utf8();
        match found.last_mut() {
            Some(last) if last.range.end == at && c != '\u{FFFD}' => last.range.end = end,
            _ => found.push(Inline { kind: InlineKind::FootnoteMarker, range: at..end }),
        }
    }
    found
}

/// A run of `*` or `~` characters that may open or close a span.
#[derive(Debug, Clone, Copy)]
struct Delimiter {
    kind: InlineKind,
    at: usize,
    len: usize,
    can_open: bool,
    can_close: bool,
}

fn emphasis(text: &str, range: Range<usize>) -> Vec<Inline> {
    let all: Vec<Delimiter> = delimiters(text, range).collect();
    let mut found = Vec::new();
    for kind in [InlineKind::Bold, InlineKind::Italic, InlineKind::Struck] {
        let mut open: Option<Delimiter> = None;
        for &delimiter in all.iter().filter(|d| d.kind == kind) {
            match open {
                Some(start) if delimiter.can_close => {
                    let range = start.at..delimiter.at + delimiter.len;
                    found.push(Inline { kind, range });
                    open = None;
                }
                _ if delimiter.can_open => open = Some(delimiter),
                _ => {}
            }
        }
    }
    found
}

/// The delimiter runs of `range`: `**` bold, `*` italic, `~~` struck.
fn delimiters(text: &str, range: Range<usize>) -> impl Iterator<Item = Delimiter> + '_ {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let byte = bytes[at];
            if byte != b'*' && byte != b'~' {
                at += 1;
                continue;
            }
            let len = bytes[at..].iter().take_while(|&&b| b == byte).count();
            let start = at;
            at += len;
            if let Some(kind) = delimiter_kind(byte, len) {
                let before = slice[..start].chars().next_back();
                let after = slice[start + len..].chars().next();
                let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
                return Some(Delimiter {
                    kind,
                    at: range.start + start,
                    len,
                    can_open: solid(after),
                    can_close: solid(before),
                });
            }
        }
        None
    })
}

fn delimiter_kind(byte: u8, len: usize) -> Option<InlineKind> {
    match (byte, len) {
        (b'*', 1) => Some(InlineKind::Italic),
        (b'*', 2) => Some(InlineKind::Bold),
        (b'~', 2) => Some(InlineKind::Struck),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InlineKind::*;

    fn check(text: &str, expected: &[(InlineKind, &str)]) {
        let found: Vec<_> =
            scan(text, 0..text.len()).into_iter().map(|i| (i.kind, &text[i.range])).collect();
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn emphasis_pairs() {
        check("**bold** and *it*", &[(Bold, "**bold**"), (Italic, "*it*")]);
        check("a ~~b~~c ~~d~~", &[(Struck, "~~b~~"), (Struck, "~~d~~")]);
        check("**[x]**and", &[(Bold, "**[x]**")]);
    }

    #[test]
    fn nested_emphasis_is_kept_whole() {
        check("~~*x*~~", &[(Struck, "~~*x*~~"), (Italic, "*x*")]);
    }

    #[test]
    fn lone_or_spaced_delimiters_are_text() {
        check("5 * 3 * 2", &[]);
        check("**open only", &[]);
        check("***", &[]);
    }

    #[test]
    fn footnote_markers_and_artefacts() {
        check("2015⁴ UNGA", &[(FootnoteMarker, "⁴")]);
        check("\u{FFFD}\u{FFFD} x", &[(FootnoteMarker, "\u{FFFD}"), (FootnoteMarker, "\u{FFFD}")]);
        check("[bookmark: Signature]b)", &[(Artefact, "[bookmark: Signature]")]);
        check("[bookmark: open", &[]);
    }
}
