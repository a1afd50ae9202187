//! Span styles: bracket depth and emphasis, read off the document model so that
//! renderers never look for `[`, `**` or `~~` themselves.
//!
//! # Invariants
//! - Splitting a span by style never changes its text: the pieces join back
//!   to the span.

use crate::model::Emphasis;
use crate::model::{Document, InlineKind};
use std::ops::Range;

/// The style of a run of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Bracket nesting depth.
    pub depth: usize,
    /// Bold, italic, struck, delimiter.
    pub emphasis: Emphasis,
}

/// Counters swept over a document; a style is on while its counter is positive.
#[derive(Debug, Clone, Copy, Default)]
struct Counters {
    depth: i64,
    bold: i64,
    italic: i64,
    struck: i64,
    delimiter: i64,
}

impl Counters {
    fn style(&self) -> Style {
        Style {
            depth: usize::try_from(self.depth.max(0)).unwrap_or(0),
            emphasis: Emphasis {
                bold: self.bold > 0,
                italic: self.italic > 0,
                struck: self.struck > 0,
                delimiter: self.delimiter > 0,
            },
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Counter {
    Depth,
    Bold,
    Italic,
    Struck,
    Delimiter,
}

/// Where styles change in one document: sorted `(offset, style from there on)`.
#[derive(Debug, Clone, Default)]
pub struct StyleMap {
    runs: Vec<(usize, Style)>,
}

impl StyleMap {
    /// Reads bracket spans and emphasis inlines of a document.
    pub fn new(document: &Document) -> Self {
        let mut events = bracket_events(document);
        events.extend(inline_events(document));
        events.sort_by_key(|&(at, _, delta)| (at, delta));
        let mut counters = Counters::default();
        let mut runs: Vec<(usize, Style)> = vec![(0, Style::default())];
        for (at, counter, delta) in events {
            apply(&mut counters, counter, delta);
            let style = counters.style();
            match runs.last_mut() {
                Some(last) if last.0 == at => last.1 = style,
                Some(last) if last.1 == style => {}
                _ => runs.push((at, style)),
            }
        }
        StyleMap { runs }
    }

    /// The runs of `range` with their styles, in order.
    pub fn split(&self, range: Range<usize>) -> Vec<(Range<usize>, Style)> {
        if range.is_empty() {
            return Vec::new();
        }
        let first = self.runs.partition_point(|&(at, _)| at <= range.start).saturating_sub(1);
        let mut out = Vec::new();
        for (index, &(at, style)) in self.runs.iter().enumerate().skip(first) {
            let end = self.runs.get(index + 1).map_or(usize::MAX, |next| next.0);
            let (start, stop) = (at.max(range.start), end.min(range.end));
            if start >= range.end {
                break;
            }
            if start < stop {
                out.push((start..stop, style));
            }
        }
        out
    }
}

fn apply(counters: &mut Counters, counter: Counter, delta: i64) {
    let slot = match counter {
        Counter::Depth => &mut counters.depth,
        Counter::Bold => &mut counters.bold,
        Counter::Italic => &mut counters.italic,
        Counter::Struck => &mut counters.struck,
        Counter::Delimiter => &mut counters.delimiter,
    };
    *slot += delta;
}

fn bracket_events(document: &Document) -> Vec<(usize, Counter, i64)> {
    let mut events = Vec::new();
    for bracket in &document.brackets {
        let Some(open) = bracket.open else { continue };
        let end = match bracket.close {
            Some(close) => close + 1,
            None => document.pieces.get(bracket.piece).map_or(open + 1, |p| p.content.end),
        };
        events.push((open, Counter::Depth, 1));
        events.push((end.max(open + 1), Counter::Depth, -1));
    }
    events
}

fn inline_events(document: &Document) -> Vec<(usize, Counter, i64)> {
    let mut events = Vec::new();
    for inline in document.pieces.iter().flat_map(|p| &p.inlines) {
        let (counter, width) = match inline.kind {
            InlineKind::Bold => (Counter::Bold, 2),
            InlineKind::Italic => (Counter::Italic, 1),
            InlineKind::Struck => (Counter::Struck, 2),
            InlineKind::OpeningPhrase => {
                events.push((inline.range.start, Counter::Italic, 1));
                events.push((inline.range.end, Counter::Italic, -1));
                continue;
            }
            _ => continue,
        };
        let Range { start, end } = inline.range;
        if end < start + 2 * width {
            continue;
        }
        events.push((start, counter, 1));
        events.push((end, counter, -1));
        for delimiter in [start..start + width, end - width..end] {
            events.push((delimiter.start, Counter::Delimiter, 1));
            events.push((delimiter.end, Counter::Delimiter, -1));
        }
    }
    events
}
