//! The cleanup pass: no islands of short common words between changes.
//!
//! A raw token diff of a rewritten sentence keeps every `the`, `of` and `,`
//! the two versions share, and reads as confetti. The rule (after the
//! semantic cleanup of diff-match-patch): an equal run standing between two
//! *replacements* (changes that delete and insert) is absorbed into them when
//! its weight is at most [`ISLAND_RATIO`] times the weight of the smaller
//! neighbouring change, where weight counts the characters of non-whitespace
//! tokens and a change weighs as much as the larger of its deleted and
//! inserted sides. Whitespace-only islands between replacements are always
//! absorbed. Absorbing can make a change heavier, so the rule is applied
//! again to the island before it, until nothing changes.
//!
//! Two limits keep every mark true:
//! - an island next to a pure insertion or a pure deletion is never
//!   absorbed: that would strike and re-insert words that did not change;
//! - an island of [`MAX_ISLAND_WORDS`] words or more is never absorbed.
//!
//! Bracket removal around unchanged words stays as it is: the words between
//! the struck `[` and `]` weigh far more than either bracket.
//!
//! Before the islands, fragments are gathered ([`gather_fragments`]): the
//! word diff may keep a phrase in pieces matched to an earlier place
//! ("United Nations" here, "Development" there) when the same words stand
//! whole at the end of the change. Between two equal runs of
//! [`MAX_ISLAND_WORDS`] words or more, a stretch whose old and new texts
//! share a beginning or an end that keeps at least as many words in fewer
//! pieces is written as that beginning, one change and that end.
//!
//! # Invariants
//! - Runs stay contiguous and in order; only their grouping changes.

use super::tokens::{SPACE_KEY, Token};
use std::ops::Range;

/// An island of equal text is absorbed when it weighs at most this times the
/// lighter of the two changes around it.
pub const ISLAND_RATIO: f64 = 1.0;

/// An island of this many words or more is never absorbed: three unchanged
/// words in a row are never struck.
pub const MAX_ISLAND_WORDS: usize = 3;

impl Run {
    /// The same run with both sides' token indices moved `by` further on.
    pub fn shifted(self, by: usize) -> Run {
        let shift = |range: Range<usize>| range.start + by..range.end + by;
        match self {
            Run::Equal { old, new } => Run::Equal { old: shift(old), new: shift(new) },
            Run::Change { old, new } => Run::Change { old: shift(old), new: shift(new) },
        }
    }
}

/// A run of the token-level edit script (token index ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Tokens equal by key on both sides.
    Equal {
        /// Old token indices.
        old: Range<usize>,
        /// New token indices.
        new: Range<usize>,
    },
    /// Old tokens replaced by new tokens (either side may be empty).
    Change {
        /// Old token indices.
        old: Range<usize>,
        /// New token indices.
        new: Range<usize>,
    },
}

/// Appends a run, merging it with the previous one when both are changes or
/// both are equal (runs are always contiguous).
pub fn push_run(runs: &mut Vec<Run>, run: Run) {
    match (runs.last_mut(), &run) {
        (Some(Run::Change { old, new }), Run::Change { old: o, new: n })
        | (Some(Run::Equal { old, new }), Run::Equal { old: o, new: n }) => {
            old.end = o.end;
            new.end = n.end;
        }
        _ => runs.push(run),
    }
}

/// Gathers the equal fragments of each stretch between anchors (equal runs
/// of [`MAX_ISLAND_WORDS`] words or more) into the stretch's common
/// beginning and end, when that keeps at least as many words in fewer pieces.
pub fn gather_fragments(runs: Vec<Run>, old: &[Token], new: &[Token]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let mut stretch: Vec<Run> = Vec::new();
    for run in runs {
        let anchor = matches!(&run, Run::Equal { old: o, .. } if words(old, o) >= MAX_ISLAND_WORDS);
        if anchor {
            gather_stretch(std::mem::take(&mut stretch), old, new, &mut out);
            push_run(&mut out, run);
        } else {
            stretch.push(run);
        }
    }
    gather_stretch(stretch, old, new, &mut out);
    out
}

/// Appends `stretch` (runs between two anchors) to `out`, as its common
/// beginning, one change and its common end when that is better.
fn gather_stretch(stretch: Vec<Run>, old: &[Token], new: &[Token], out: &mut Vec<Run>) {
    let (Some(first), Some(last)) = (stretch.first(), stretch.last()) else { return };
    let (o, n) = (
        first.old_range().start..last.old_range().end,
        first.new_range().start..last.new_range().end,
    );
    // The words the word diff kept, and in how many pieces.
    let (kept, kept_pieces) = (stretch.iter())
        .filter_map(|run| match run {
            Run::Equal { old: range, .. } => Some(words(old, range)),
            Run::Change { .. } => None,
        })
        .filter(|&count| count > 0)
        .fold((0, 0), |(words, pieces), count| (words + count, pieces + 1));
    // A beginning and an end are at most two pieces, and fewer than two
    // pieces cannot be gathered into fewer holding as many words.
    if kept_pieces < 2 {
        stretch.into_iter().for_each(|run| push_run(out, run));
        return;
    }
    let same = |a: &Token, b: &Token| a.key == b.key;
    let (old_part, new_part) = (&old[o.clone()], &new[n.clone()]);
    let prefix = old_part.iter().zip(new_part).take_while(|(a, b)| same(a, b)).count();
    let (old_rest, new_rest) = (&old_part[prefix..], &new_part[prefix..]);
    let suffix =
        old_rest.iter().rev().zip(new_rest.iter().rev()).take_while(|(a, b)| same(a, b)).count();
    let begin = words(old, &(o.start..o.start + prefix));
    let end = words(old, &(o.end - suffix..o.end));
    let pieces = usize::from(begin > 0) + usize::from(end > 0);
    let better = begin + end >= kept && pieces < kept_pieces;
    if !better {
        stretch.into_iter().for_each(|run| push_run(out, run));
        return;
    }
    let (old_mid, new_mid) = (o.start + prefix..o.end - suffix, n.start + prefix..n.end - suffix);
    let gathered = [
        Run::Equal { old: o.start..old_mid.start, new: n.start..new_mid.start },
        Run::Change { old: old_mid.clone(), new: new_mid.clone() },
        Run::Equal { old: old_mid.end..o.end, new: new_mid.end..n.end },
    ];
    for run in gathered
        .into_iter()
        .filter(|run| !run.old_range().is_empty() || !run.new_range().is_empty())
    {
        push_run(out, run);
    }
}

impl Run {
    fn old_range(&self) -> &Range<usize> {
        match self {
            Run::Equal { old, .. } | Run::Change { old, .. } => old,
        }
    }

    fn new_range(&self) -> &Range<usize> {
        match self {
            Run::Equal { new, .. } | Run::Change { new, .. } => new,
        }
    }
}

/// Applies the island rule to a run list.
pub fn absorb_islands(runs: Vec<Run>, old: &[Token], new: &[Token]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        let is_change = matches!(run, Run::Change { .. });
        out.push(run);
        while is_change && absorb_last_island(&mut out, old, new) {}
    }
    out
}

/// If `runs` ends with change, island, change and the island is light enough,
/// merges the three into one change.
fn absorb_last_island(runs: &mut Vec<Run>, old: &[Token], new: &[Token]) -> bool {
    let [.., left, island, right] = runs.as_slice() else { return false };
    let (
        Run::Change { old: lo, new: ln },
        Run::Equal { old: io, .. },
        Run::Change { old: ro, new: rn },
    ) = (left, island, right)
    else {
        return false;
    };
    let replaces = |o: &Range<usize>, n: &Range<usize>| !o.is_empty() && !n.is_empty();
    if !replaces(lo, ln) || !replaces(ro, rn) || words(old, io) >= MAX_ISLAND_WORDS {
        return false;
    }
    let lighter = change_weight(old, lo, new, ln).min(change_weight(old, ro, new, rn));
    let island_weight = weight(old, io);
    if island_weight > 0 && island_weight as f64 > ISLAND_RATIO * lighter as f64 {
        return false;
    }
    let merged = Run::Change { old: lo.start..ro.end, new: ln.start..rn.end };
    runs.truncate(runs.len() - 3);
    runs.push(merged);
    true
}

fn change_weight(old: &[Token], o: &Range<usize>, new: &[Token], n: &Range<usize>) -> usize {
    weight(old, o).max(weight(new, n))
}

/// Words (tokens holding a letter or a digit) in `range`.
fn words(tokens: &[Token], range: &Range<usize>) -> usize {
    tokens[range.clone()].iter().filter(|t| t.is_word).count()
}

/// Characters (bytes) of the non-whitespace tokens in `range`.
fn weight(tokens: &[Token], range: &Range<usize>) -> usize {
    tokens[range.clone()].iter().filter(|t| t.key != SPACE_KEY).map(|t| t.end - t.start).sum()
}
