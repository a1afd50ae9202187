//! The figures of a scored pair, added up per scenario and in total.

use std::time::Duration;

/// True positives, predictions and truths of one kind of answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that are right.
    pub hits: usize,
    /// Predictions made.
    pub predicted: usize,
    /// Answers in the truth.
    pub truth: usize,
}

impl Counts {
    /// Share of the predictions that are right (1 when none was made).
    pub fn precision(&self) -> f64 {
        ratio(self.hits, self.predicted)
    }

    /// Share of the truth found (1 when there was none).
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.truth)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn add(&mut self, other: &Counts) {
        self.hits += other.hits;
        self.predicted += other.predicted;
        self.truth += other.truth;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

/// A count out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    /// How many.
    pub count: usize,
    /// Out of how many.
    pub of: usize,
}

impl Share {
    fn add(&mut self, other: &Share) {
        self.count += other.count;
        self.of += other.of;
    }
}

/// The action marks, in the order of [`Stats::actions`].
pub const ACTIONS: [&str; 4] = ["ADD", "SUP", "MOD", "NOC"];
/// The kinds of unchanged provisions that must not be MOD, in the order of [`Stats::false_mod`].
pub const NOC_KINDS: [&str; 3] = ["renumbered", "whitespace", "typography"];
/// The ways a redline is read back, in the order of [`Stats::exact`].
pub const READ_BACKS: [&str; 4] = ["model", "text", "wdiff", "critic"];

/// Everything measured on some pairs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Revision pairs scored.
    pub pairs: usize,
    /// Bytes of old and new text.
    pub bytes: usize,
    /// Units of both sides in the truth.
    pub units: usize,
    /// ADD, SUP, MOD, NOC.
    pub actions: [Counts; 4],
    /// Moved entries (pairs whose move is ambiguous left out).
    pub moves: Counts,
    /// Pairs of the truth whose move is ambiguous (two readings as short), not scored.
    pub ambiguous_moves: usize,
    /// Pairs of the truth found with the right partner.
    pub pairing: Counts,
    /// `NOC` pairs renumbered / with whitespace changes / with typographic
    /// changes: how many of them the redline marked `MOD`.
    pub false_mod: [Share; 3],
    /// The same pairs: how many the redline did not show as `NOC` of the right pair.
    pub not_noc: [Share; 3],
    /// Truth `MOD` pairs found as `MOD` of the right pair (where words are compared).
    pub word_pairs: usize,
    /// Words struck by the redline in those pairs.
    pub struck: usize,
    /// Words really deleted in those pairs.
    pub deleted: usize,
    /// Words inserted by the redline in those pairs.
    pub inserted: usize,
    /// Words really inserted in those pairs.
    pub really_inserted: usize,
    /// Struck words beyond the words really deleted, per pair, summed.
    pub excess_struck: usize,
    /// Inserted words beyond the words really inserted, per pair, summed.
    pub excess_inserted: usize,
    /// Runs of three or more unchanged words struck (the rule: never).
    pub long_runs: usize,
    /// Pairs whose only change is inserted words, and how many of them strike a word.
    pub pure_insertions: Share,
    /// Units that are not a piece of their own in the parsed text (merged into another).
    pub merged_units: usize,
    /// Pieces of the parsed text holding no unit's start (a unit cut in two).
    pub extra_pieces: usize,
    /// Read-backs that gave both texts exactly: model, text, wdiff, critic.
    pub exact: [Share; 4],
    /// Time of parsing both sides and aligning them.
    pub align_time: Duration,
}

impl Stats {
    /// Adds `other`'s figures to these.
    pub fn add(&mut self, other: &Stats) {
        self.pairs += other.pairs;
        self.bytes += other.bytes;
        self.units += other.units;
        for (a, b) in self.actions.iter_mut().zip(&other.actions) {
            a.add(b);
        }
        self.moves.add(&other.moves);
        self.ambiguous_moves += other.ambiguous_moves;
        self.pairing.add(&other.pairing);
        for (a, b) in self.false_mod.iter_mut().zip(&other.false_mod) {
            a.add(b);
        }
        for (a, b) in self.not_noc.iter_mut().zip(&other.not_noc) {
            a.add(b);
        }
        self.word_pairs += other.word_pairs;
        self.struck += other.struck;
        self.deleted += other.deleted;
        self.inserted += other.inserted;
        self.really_inserted += other.really_inserted;
        self.excess_struck += other.excess_struck;
        self.excess_inserted += other.excess_inserted;
        self.long_runs += other.long_runs;
        self.pure_insertions.add(&other.pure_insertions);
        self.merged_units += other.merged_units;
        self.extra_pieces += other.extra_pieces;
        for (a, b) in self.exact.iter_mut().zip(&other.exact) {
            a.add(b);
        }
        self.align_time += other.align_time;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_perfect_and_empty_answers_is_one() {
        assert_eq!(Counts { hits: 3, predicted: 3, truth: 3 }.f1(), 1.0);
        assert_eq!(Counts::default().f1(), 1.0);
    }

    #[test]
    fn f1_is_the_harmonic_mean() {
        let counts = Counts { hits: 1, predicted: 2, truth: 1 };
        assert!((counts.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts { hits: 0, predicted: 1, truth: 1 }.f1(), 0.0);
    }
}
