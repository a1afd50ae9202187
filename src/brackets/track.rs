//! Life across revisions: each bracket of the old revision followed to the new one.
//!
//! A bracket of the old revision finds its partner in the new one through the
//! redline's spans: its `[` (or else its `]`) kept and still a bracket there,
//! or else a bracket inserted where the old one was deleted. Without a partner
//! it was `agreed` (some of its words kept) or `dropped` (none kept). A new
//! bracket without a partner is `rebracketed` when what it encloses is mostly
//! (two thirds of its letters and digits) text that was agreed (outside
//! brackets) in the old revision, `new` otherwise: a new proposal that reuses
//! a few agreed words is new.

use super::locate::TextIndex;
use super::locate::{excerpt, inner_text, is_balanced, likely_inner, likely_range};
use super::offsets::SpanMap;

use super::scan::start_of;
use crate::model::{Bracket, BracketSpan, BracketState, Document, Side, TrackedBracket};
use crate::model::{Entry, Op, Span};
use std::collections::HashMap;
use std::ops::Range;

/// Follows every balanced bracket of `old` and `new` through the aligner's
/// output (`lead` and `entries`, the redline of `old` against `new`); in
/// reading order of the new text.
///
/// An unbalanced bracket is followed by its likely span
/// (`locate::likely_range`): its `[` (or `]`) kept and still
/// unbalanced the same way is the same bracket, `unchanged` or `changed` by
/// its likely text; without a partner it was `agreed` (the likely text kept)
/// or `dropped`; a new one is `new`. One whose span cannot be told is not followed.
pub fn track(
    old: &Document,
    new: &Document,
    lead: &[Span],
    entries: &[Entry],
) -> Vec<TrackedBracket> {
    let tracker = Tracker::new(old, new, lead, entries);
    let mut partner_of_new = vec![None; new.brackets.len()];
    let mut tracked = Vec::new();
    for (index, bracket) in old.brackets.iter().enumerate().filter(|(_, b)| is_balanced(b)) {
        let partner = tracker.partner(bracket).filter(|&partner| partner_of_new[partner].is_none());
        match partner {
            Some(partner) => {
                partner_of_new[partner] = Some(index);
                tracked.push(tracker.kept(index, partner));
            }
            None => tracked.push(tracker.lost(index)),
        }
    }
    for (index, bracket) in old.brackets.iter().enumerate().filter(|(_, b)| !is_balanced(b)) {
        let Some(old_range) = likely_range(old, bracket) else { continue };
        let partner = tracker.unbalanced_partner(bracket).filter(|&p| partner_of_new[p].is_none());
        match partner {
            Some(partner) => {
                partner_of_new[partner] = Some(index);
                tracked.push(tracker.kept_unbalanced(index, partner, old_range));
            }
            None => tracked.push(tracker.lost_unbalanced(index, old_range)),
        }
    }
    for (index, bracket) in new.brackets.iter().enumerate() {
        if partner_of_new[index].is_some() {
            continue;
        }
        if is_balanced(bracket) {
            tracked.push(tracker.appeared(index));
        } else if let Some(range) = likely_range(new, bracket) {
            tracked.push(tracker.on_new_unbalanced(index, BracketState::New, range));
        }
    }
    tracked.sort_by_key(|bracket| tracker.order_key(bracket));
    tracked
}

/// What classifying needs: both documents, their line indexes and the span map.
struct Tracker<'a> {
    old: &'a Document,
    new: &'a Document,
    old_lines: TextIndex,
    new_lines: TextIndex,
    map: SpanMap,
    /// Outermost balanced spans of the old revision (bracketed text), sorted.
    old_bracketed: Vec<Range<usize>>,
    /// Balanced brackets of the new revision by the offset of their `]`.
    new_by_close: HashMap<usize, usize>,
}

impl<'a> Tracker<'a> {
    fn new(old: &'a Document, new: &'a Document, lead: &[Span], entries: &[Entry]) -> Self {
        Self {
            old,
            new,
            old_lines: TextIndex::new(old),
            new_lines: TextIndex::new(new),
            map: SpanMap::new(old, new, lead, entries),
            old_bracketed: outermost(old),
            new_by_close: by_close(new),
        }
    }

    /// The new bracket that continues old `bracket`, if any.
    fn partner(&self, bracket: &Bracket) -> Option<usize> {
        let (open, close) = (bracket.open?, bracket.close?);
        let by_open = self.map.old_to_new(open).and_then(|at| opening_at(self.new, at));
        let by_close =
            || self.map.old_to_new(close).and_then(|at| self.new_by_close.get(&at).copied());
        by_open.or_else(by_close).or_else(|| self.replacement(open, close))
    }

    /// A new bracket inserted where old bracket `open..=close` was deleted,
    /// in the same entry.
    fn replacement(&self, open: usize, close: usize) -> Option<usize> {
        let entry = self.map.at_old(open)?.entry;
        let from = self.map.project_old(open)?;
        let first = self.new.brackets.partition_point(|bracket| start_of(bracket) < from);
        let inserted_here = |at: usize| {
            let segment = self.map.at_new(at);
            segment.is_some_and(|segment| segment.entry == entry && segment.op == Op::Insert)
        };
        (self.new.brackets[first..].iter().enumerate())
            .filter_map(|(index, bracket)| Some((first + index, bracket.open?, bracket.close?)))
            .take_while(|&(_, at, _)| self.map.project_new(at).is_some_and(|old| old <= close + 1))
            .find(|&(_, at, _)| inserted_here(at))
            .map(|(index, _, _)| index)
    }

    /// An old bracket with a partner: `unchanged` or `changed`.
    fn kept(&self, old_index: usize, new_index: usize) -> TrackedBracket {
        let old_bracket = &self.old.brackets[old_index];
        let old_text = inner_text(self.old, old_bracket);
        let new_text = inner_text(self.new, &self.new.brackets[new_index]);
        let mut tracked = self.on_new(new_index, BracketState::Unchanged);
        if old_text != new_text {
            tracked.span.state = BracketState::Changed;
            tracked.old_text = Some(excerpt(old_text).0);
        }
        tracked.old_bracket = Some(old_index);
        tracked.old_range = range(old_bracket);
        tracked
    }

    /// An old bracket without a partner: `agreed` or `dropped`.
    fn lost(&self, index: usize) -> TrackedBracket {
        let bracket = &self.old.brackets[index];
        let (open, close) = (bracket.open.unwrap_or_default(), bracket.close.unwrap_or_default());
        let kept = self.map.equal_in_old(open + 1..close).any(|segment| {
            let from = segment.old.max(open + 1);
            let to = (segment.old + segment.len).min(close);
            self.old.text[from..to].chars().any(char::is_alphanumeric)
        });
        let state = if kept { BracketState::Agreed } else { BracketState::Dropped };
        let mut span = BracketSpan::new(self.old, &self.old_lines, bracket);
        span.state = state;
        let new_range = kept.then(|| self.projected(open, close)).flatten();
        TrackedBracket {
            span,
            revision: Side::Old,
            old_text: None,
            entry: self.map.at_old(open).and_then(|segment| segment.entry),
            old_bracket: Some(index),
            new_bracket: None,
            old_range: range(bracket),
            new_range,
        }
    }

    /// A new bracket without a partner: `rebracketed` or `new`.
    fn appeared(&self, index: usize) -> TrackedBracket {
        let bracket = &self.new.brackets[index];
        let (open, close) = (bracket.open.unwrap_or_default(), bracket.close.unwrap_or_default());
        let mut agreed = 0;
        for segment in self.map.equal_in_new(open + 1..close) {
            let from = segment.new.max(open + 1);
            let to = (segment.new + segment.len).min(close);
            let old_from = segment.old + (from - segment.new);
            let was_bracketed = |at: usize| inside(&self.old_bracketed, old_from + at);
            agreed += (self.new.text[from..to].char_indices())
                .filter(|&(at, c)| c.is_alphanumeric() && !was_bracketed(at))
                .count();
        }
        let inside_chars = self.new.text[open + 1..close].chars().filter(|c| c.is_alphanumeric());
        let rebracketed = agreed > 0 && agreed * 3 >= inside_chars.count() * 2;
        let state = if rebracketed { BracketState::Rebracketed } else { BracketState::New };
        self.on_new(index, state)
    }

    /// A tracked bracket described by new bracket `index`.
    fn on_new(&self, index: usize, state: BracketState) -> TrackedBracket {
        let bracket = &self.new.brackets[index];
        let mut span = BracketSpan::new(self.new, &self.new_lines, bracket);
        span.state = state;
        let open = bracket.open.unwrap_or_default();
        TrackedBracket {
            span,
            revision: Side::New,
            old_text: None,
            entry: self.map.at_new(open).and_then(|segment| segment.entry),
            old_bracket: None,
            new_bracket: Some(index),
            old_range: None,
            new_range: range(bracket),
        }
    }

    /// The new text where old bytes `open..=close` stand.
    fn projected(&self, open: usize, close: usize) -> Option<Range<usize>> {
        let start = self.map.project_old(open)?;
        let end = self.map.project_old(close)?;
        (start <= end).then_some(start..end)
    }

    /// The unbalanced new bracket that continues unbalanced old `bracket`: its
    /// `[` (or `]`) kept, and unbalanced the same way there.
    fn unbalanced_partner(&self, bracket: &Bracket) -> Option<usize> {
        let at = self.map.old_to_new(bracket.open.or(bracket.close)?)?;
        let index = self.new.brackets.partition_point(|b| start_of(b) < at);
        let candidate = self.new.brackets.get(index)?;
        let same = (candidate.open.is_some(), candidate.close.is_some())
            == (bracket.open.is_some(), bracket.close.is_some());
        let followed = likely_range(self.new, candidate).is_some();
        (same && followed && start_of(candidate) == at).then_some(index)
    }

    /// An unbalanced old bracket with a partner: `unchanged` or `changed` by its likely text.
    fn kept_unbalanced(
        &self,
        old_index: usize,
        new_index: usize,
        old_range: Range<usize>,
    ) -> TrackedBracket {
        let old_bracket = &self.old.brackets[old_index];
        let new_bracket = &self.new.brackets[new_index];
        let old_text = likely_inner(self.old, old_bracket).unwrap_or_default();
        let new_range = likely_range(self.new, new_bracket);
        let new_text = likely_inner(self.new, new_bracket).unwrap_or_default();
        let state =
            if old_text == new_text { BracketState::Unchanged } else { BracketState::Changed };
        let range = new_range.unwrap_or_else(|| start_of(new_bracket)..start_of(new_bracket) + 1);
        let mut tracked = self.on_new_unbalanced(new_index, state, range);
        if state == BracketState::Changed {
            tracked.old_text = Some(excerpt(old_text).0);
        }
        tracked.old_bracket = Some(old_index);
        tracked.old_range = Some(old_range);
        tracked
    }

    /// An unbalanced old bracket without a partner: `agreed` when words of
    /// its likely text were kept, else `dropped`.
    fn lost_unbalanced(&self, index: usize, old_range: Range<usize>) -> TrackedBracket {
        let bracket = &self.old.brackets[index];
        let kept = self.map.equal_in_old(old_range.clone()).any(|segment| {
            let from = segment.old.max(old_range.start);
            let to = (segment.old + segment.len).min(old_range.end);
            self.old.text[from..to].chars().any(char::is_alphanumeric)
        });
        let mut span = BracketSpan::new(self.old, &self.old_lines, bracket);
        span.state = if kept { BracketState::Agreed } else { BracketState::Dropped };
        describe_likely(&mut span, self.old, &self.old_lines, bracket);
        let at = start_of(bracket);
        TrackedBracket {
            span,
            revision: Side::Old,
            old_text: None,
            entry: self.map.at_old(at).and_then(|segment| segment.entry),
            old_bracket: Some(index),
            new_bracket: None,
            new_range: kept.then(|| self.projected(old_range.start, old_range.end - 1)).flatten(),
            old_range: Some(old_range),
        }
    }

    /// A tracked bracket described by unbalanced new bracket `index`, over its likely range.
    fn on_new_unbalanced(
        &self,
        index: usize,
        state: BracketState,
        range: Range<usize>,
    ) -> TrackedBracket {
        let bracket = &self.new.brackets[index];
        let mut span = BracketSpan::new(self.new, &self.new_lines, bracket);
        span.state = state;
        describe_likely(&mut span, self.new, &self.new_lines, bracket);
        TrackedBracket {
            span,
            revision: Side::New,
            old_text: None,
            entry: self.map.at_new(start_of(bracket)).and_then(|segment| segment.entry),
            old_bracket: None,
            new_bracket: Some(index),
            old_range: None,
            new_range: Some(range),
        }
    }

    /// Sort key: place in the new text (projected for old-only brackets), then depth.
    fn order_key(&self, tracked: &TrackedBracket) -> (usize, usize, usize) {
        let place = match (&tracked.new_range, &tracked.old_range) {
            (Some(range), _) if tracked.new_bracket.is_some() => range.start,
            (_, Some(range)) => self.map.project_old(range.start).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        (place, tracked.span.depth, usize::from(tracked.new_bracket.is_some()))
    }
}

/// An unbalanced bracket's span described by its likely range and text.
fn describe_likely(
    span: &mut BracketSpan,
    document: &Document,
    index: &TextIndex,
    bracket: &Bracket,
) {
    let text = likely_inner(document, bracket).unwrap_or_default();
    (span.text, span.excerpt) = excerpt(text);
    span.words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    if let Some(range) = likely_range(document, bracket) {
        (span.line, span.column) = index.line_col(&document.text, range.start);
        let last = document.text[..range.end].chars().next_back().map_or(0, char::len_utf8);
        (span.end_line, span.end_column) = index.line_col(&document.text, range.end - last);
    }
}

/// The bytes from `[` to `]` inclusive of a balanced bracket.
fn range(bracket: &Bracket) -> Option<Range<usize>> {
    Some(bracket.open?..bracket.close? + 1)
}

/// The balanced bracket of `document` whose `[` is at `offset`.
fn opening_at(document: &Document, offset: usize) -> Option<usize> {
    let index = document.brackets.partition_point(|bracket| start_of(bracket) < offset);
    let bracket = document.brackets.get(index)?;
    (bracket.open == Some(offset) && is_balanced(bracket)).then_some(index)
}

/// The balanced brackets of `document` by the offset of their `]`.
fn by_close(document: &Document) -> HashMap<usize, usize> {
    (document.brackets.iter().enumerate())
        .filter(|(_, bracket)| is_balanced(bracket))
        .filter_map(|(index, bracket)| Some((bracket.close?, index)))
        .collect()
}

/// The outermost balanced spans of a document, `[` to `]` inclusive, sorted.
fn outermost(document: &Document) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    for range in document.brackets.iter().filter_map(range) {
        match spans.last() {
            Some(last) if range.start < last.end => {}
            _ => spans.push(range),
        }
    }
    spans
}

/// `true` when `offset` lies in one of `ranges` (sorted, disjoint).
fn inside(ranges: &[Range<usize>], offset: usize) -> bool {
    let after = ranges.partition_point(|range| range.start <= offset);
    after > 0 && ranges[after - 1].contains(&offset)
}
