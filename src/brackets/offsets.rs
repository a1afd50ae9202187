//! Old and new byte offsets of a redline's spans, to map a position across revisions.
//!
//! Within the lead and within each entry, the spans in order partition the
//! old raw text (equal + delete) and the new raw text (equal + insert), so
//! walking them from the piece's `raw.start` gives every span's offsets.

use crate::model::{Document, Entry, Op, Span};

/// One span of the redline with its place in both texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Equal, deleted or inserted.
    pub op: Op,
    /// Start in the old text (for an insertion: where it stands in the old text).
    pub old: usize,
    /// Start in the new text (for a deletion: where it stands in the new text).
    pub new: usize,
    /// Length in bytes of the span's text.
    pub len: usize,
    /// Index of the entry holding the span; `None` for the lead.
    pub entry: Option<usize>,
}

/// Every segment of a redline, indexed by old and by new offset.
#[derive(Debug, Clone, Default)]
pub struct SpanMap {
    /// Equal and deleted segments, sorted by old offset.
    by_old: Vec<Segment>,
    /// Equal and inserted segments, sorted by new offset.
    by_new: Vec<Segment>,
}

impl SpanMap {
    /// Walks the spans of `lead` and `entries`, the redline of `old` against `new`.
    pub fn new(old: &Document, new: &Document, lead: &[Span], entries: &[Entry]) -> Self {
        let mut map = Self::default();
        let mut walk = Walk { old: 0, new: 0, entry: None };
        walk.spans(lead, &mut map);
        for (index, entry) in entries.iter().enumerate() {
            let start = |document: &Document, piece: Option<usize>| {
                piece.and_then(|piece| document.pieces.get(piece)).map(|piece| piece.raw.start)
            };
            walk.old = start(old, entry.old_piece).unwrap_or(walk.old);
            walk.new = start(new, entry.new_piece).unwrap_or(walk.new);
            walk.entry = Some(index);
            walk.spans(&entry.spans, &mut map);
        }
        map.by_old.sort_by_key(|segment| segment.old);
        map.by_new.sort_by_key(|segment| segment.new);
        map
    }

    /// The equal or deleted segment holding old byte `offset`.
    pub fn at_old(&self, offset: usize) -> Option<&Segment> {
        let after = self.by_old.partition_point(|segment| segment.old <= offset);
        let segment = self.by_old.get(after.checked_sub(1)?)?;
        (offset < segment.old + segment.len).then_some(segment)
    }

    /// The equal or inserted segment holding new byte `offset`.
    pub fn at_new(&self, offset: usize) -> Option<&Segment> {
        let after = self.by_new.partition_point(|segment| segment.new <= offset);
        let segment = self.by_new.get(after.checked_sub(1)?)?;
        (offset < segment.new + segment.len).then_some(segment)
    }

    /// The new offset of old byte `offset` when that byte is in both texts.
    pub fn old_to_new(&self, offset: usize) -> Option<usize> {
        let segment = self.at_old(offset)?;
        (segment.op == Op::Equal).then(|| segment.new + offset - segment.old)
    }

    /// Where old byte `offset` stands in the new text: its new offset when
    /// kept, the place of the deletion when deleted.
    pub fn project_old(&self, offset: usize) -> Option<usize> {
        let segment = self.at_old(offset)?;
        Some(match segment.op {
            Op::Equal => segment.new + offset - segment.old,
            _ => segment.new,
        })
    }

    /// Where new byte `offset` stands in the old text: its old offset when
    /// kept, the place of the insertion when inserted.
    pub fn project_new(&self, offset: usize) -> Option<usize> {
        let segment = self.at_new(offset)?;
        Some(match segment.op {
            Op::Equal => segment.old + offset - segment.new,
            _ => segment.old,
        })
    }

    /// The equal segments overlapping old bytes `range`.
    pub fn equal_in_old(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &Segment> {
        let first = self.by_old.partition_point(|segment| segment.old + segment.len <= range.start);
        (self.by_old[first..].iter())
            .take_while(move |segment| segment.old < range.end)
            .filter(|segment| segment.op == Op::Equal)
    }

    /// The equal segments overlapping new bytes `range`.
    pub fn equal_in_new(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &Segment> {
        let first = self.by_new.partition_point(|segment| segment.new + segment.len <= range.start);
        (self.by_new[first..].iter())
            .take_while(move |segment| segment.new < range.end)
            .filter(|segment| segment.op == Op::Equal)
    }
}

/// The walk through a redline: where the next span starts in each text.
struct Walk {
    old: usize,
    new: usize,
    entry: Option<usize>,
}

impl Walk {
    fn spans(&mut self, spans: &[Span], map: &mut SpanMap) {
        for span in spans {
            let len = span.text.len();
            if len == 0 {
                continue;
            }
            let segment =
                Segment { op: span.op, old: self.old, new: self.new, len, entry: self.entry };
            if span.in_old() {
                map.by_old.push(segment);
                self.old += len;
            }
            if span.in_new() {
                map.by_new.push(segment);
                self.new += len;
            }
        }
    }
}
