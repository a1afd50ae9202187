//! Scoring: redline's answer for a generated pair against the truth.
//!
//! Both texts are parsed and diffed as the command line does. Each parsed
//! piece is mapped to the unit whose first character it holds (a piece
//! holding two units' starts merged them; a piece holding none cut a unit in
//! two: both are counted). Each entry of the redline then stands for units,
//! and is right when a secretariat would have drawn the same: the same
//! action, the same partner (or one with the very same text), the same move.

use crate::examples::{Example, markup, snippet};
use crate::stats::{NOC_KINDS, Stats};
use crate::truth::{Truth, TruthPair};
use redline::diff::{DiffOptions, diff};
use redline::model::Document;
use redline::model::{Action, Entry, EntryKind, Op, Redline, Role};
use redline::parse::parse_text;
use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

/// A generated pair and its truth.
#[derive(Debug, Clone, Copy)]
pub struct Case<'a> {
    /// The old revision.
    pub old: &'a str,
    /// The new revision.
    pub new: &'a str,
    /// What a secretariat would draw.
    pub truth: &'a Truth,
}

/// The figures of one pair and examples of what went wrong.
#[derive(Debug, Clone, Default)]
pub struct Scored {
    /// The figures.
    pub stats: Stats,
    /// Failures, each with the texts involved.
    pub examples: Vec<Example>,
}

/// Pairs of at least this many bytes (old and new) are timed [`TIMED_RUNS`] times.
const TIMED_BYTES: usize = 2_000_000;
/// Runs of a large pair, the fastest kept (the machine may be shared).
const TIMED_RUNS: usize = 3;

/// Parses, aligns and scores one pair.
pub fn score(case: Case<'_>) -> Scored {
    let runs = if case.old.len() + case.new.len() >= TIMED_BYTES { TIMED_RUNS } else { 1 };
    let mut fastest = std::time::Duration::MAX;
    let mut result = None;
    for _ in 0..runs {
        let start = Instant::now();
        let old = parse_text(case.old, "UTF-8");
        let new = parse_text(case.new, "UTF-8");
        let redline = diff(&old, &new, &DiffOptions::default());
        fastest = fastest.min(start.elapsed());
        result = Some((old, new, redline));
    }
    let Some((old, new, redline)) = result else { return Scored::default() };
    let mut scored = score_redline(case, (&old, &new), &redline);
    scored.stats.align_time = fastest;
    scored
}

/// Scores `redline`, the redline of the parsed documents `old` and `new` of `case`.
pub fn score_redline(
    case: Case<'_>,
    (old, new): (&Document, &Document),
    redline: &Redline,
) -> Scored {
    let mut scorer = Scorer::new(case, old, new, redline);
    scorer.score_new_units();
    scorer.score_sup();
    scorer.stats.exact = crate::exact::read_backs(redline, case.old, case.new);
    Scored { stats: scorer.stats, examples: scorer.examples }
}

/// Which unit each piece of one side stands for.
struct Side {
    /// Per piece, the first unit whose start it holds.
    primary: Vec<Option<usize>>,
    /// Per unit, the piece holding its start.
    piece: Vec<usize>,
    /// Per piece, how many units start in it.
    starts: Vec<usize>,
}

impl Side {
    fn new(document: &Document, anchors: impl Iterator<Item = usize>) -> Self {
        let pieces = &document.pieces;
        let mut side = Side {
            primary: vec![None; pieces.len()],
            piece: Vec::new(),
            starts: vec![0; pieces.len()],
        };
        let mut p = 0;
        for (unit, anchor) in anchors.enumerate() {
            while p + 1 < pieces.len() && pieces[p].raw.end <= anchor {
                p += 1;
            }
            side.piece.push(p);
            if let Some(count) = side.starts.get_mut(p) {
                *count += 1;
                side.primary[p].get_or_insert(unit);
            }
        }
        side
    }

    /// The unit the piece stands for, if it is that unit's piece.
    fn unit(&self, piece: usize) -> Option<usize> {
        self.primary.get(piece).copied().flatten()
    }

    /// `true` when `unit` is the only unit of its piece.
    fn alone(&self, unit: usize) -> bool {
        self.piece.get(unit).is_some_and(|&p| self.starts[p] == 1)
    }
}

/// The entry showing each piece (move stubs aside).
struct Shown {
    by_new: HashMap<usize, usize>,
    by_old: HashMap<usize, usize>,
}

impl Shown {
    fn new(redline: &Redline) -> Self {
        let mut shown = Shown { by_new: HashMap::new(), by_old: HashMap::new() };
        for (index, entry) in redline.entries.iter().enumerate() {
            if entry.kind == EntryKind::MoveStub {
                continue;
            }
            if let Some(piece) = entry.new_piece {
                shown.by_new.insert(piece, index);
            }
            if let Some(piece) = entry.old_piece {
                shown.by_old.insert(piece, index);
            }
        }
        shown
    }
}

struct Scorer<'a> {
    case: Case<'a>,
    old: &'a Document,
    new: &'a Document,
    redline: &'a Redline,
    old_side: Side,
    new_side: Side,
    shown: Shown,
    stats: Stats,
    examples: Vec<Example>,
}

fn action_index(action: Action) -> usize {
    match action {
        Action::Add => 0,
        Action::Sup => 1,
        Action::Mod => 2,
        Action::Noc => 3,
    }
}

impl<'a> Scorer<'a> {
    fn new(case: Case<'a>, old: &'a Document, new: &'a Document, redline: &'a Redline) -> Self {
        let truth = case.truth;
        let old_side = Side::new(old, truth.old.iter().map(|u| u.anchor));
        let new_side = Side::new(new, truth.new.iter().map(|u| u.anchor));
        let mut stats = Stats {
            pairs: 1,
            bytes: case.old.len() + case.new.len(),
            units: truth.old.len() + truth.new.len(),
            ..Stats::default()
        };
        stats.merged_units = (0..truth.old.len())
            .filter(|&u| old_side.unit(old_side.piece[u]) != Some(u))
            .count()
            + (0..truth.new.len()).filter(|&u| new_side.unit(new_side.piece[u]) != Some(u)).count();
        stats.extra_pieces =
            old_side.primary.iter().chain(&new_side.primary).filter(|p| p.is_none()).count();
        for entry in redline.entries.iter().filter(|e| e.kind != EntryKind::MoveStub) {
            stats.actions[action_index(entry.action)].predicted += 1;
            let ambiguous = (entry.new_piece.and_then(|p| new_side.unit(p)))
                .and_then(|n| truth.new_pair[n])
                .is_some_and(|p| truth.pairs[p].move_ambiguous);
            stats.moves.predicted += usize::from(entry.moved && !ambiguous);
            stats.pairing.predicted +=
                usize::from(entry.old_piece.is_some() && entry.new_piece.is_some());
        }
        stats.actions[0].truth = truth.new_pair.iter().filter(|p| p.is_none()).count();
        stats.actions[1].truth = truth.old_pair.iter().filter(|p| p.is_none()).count();
        for pair in &truth.pairs {
            stats.actions[action_index(pair.action())].truth += 1;
            stats.moves.truth += usize::from(pair.moved && !pair.move_ambiguous);
            stats.ambiguous_moves += usize::from(pair.move_ambiguous);
        }
        stats.pairing.truth = truth.pairs.len();
        let shown = Shown::new(redline);
        Scorer { case, old, new, redline, old_side, new_side, shown, stats, examples: Vec::new() }
    }

    /// The entry showing new unit `n`, when the unit has a piece of its own.
    fn entry_of_new(&self, n: usize) -> Option<&'a Entry> {
        let piece = self.new_side.piece[n];
        if self.new_side.unit(piece) != Some(n) {
            return None;
        }
        self.shown.by_new.get(&piece).map(|&e| &self.redline.entries[e])
    }

    /// The old unit an entry pairs with, when its piece stands for one.
    fn partner(&self, entry: &Entry) -> Option<usize> {
        entry.old_piece.and_then(|p| self.old_side.unit(p))
    }

    fn score_new_units(&mut self) {
        for n in 0..self.case.truth.new.len() {
            let entry = self.entry_of_new(n);
            match self.case.truth.new_pair[n] {
                None => self.score_added(n, entry),
                Some(pair) => self.score_pair(&self.case.truth.pairs[pair], entry),
            }
        }
    }

    fn score_added(&mut self, n: usize, entry: Option<&Entry>) {
        match entry {
            Some(entry) if entry.action == Action::Add => self.stats.actions[0].hits += 1,
            Some(entry) => {
                let old = self.partner(entry).map(|o| self.old_snippet(o)).unwrap_or_default();
                let shown = format!("{} paired with old `{old}`", entry.action.as_str());
                self.example("ADD shown paired with an old provision", None, Some(n), shown);
            }
            None => self.example(
                "not a piece of its own (merged by the parser)",
                None,
                Some(n),
                String::new(),
            ),
        }
    }

    fn score_pair(&mut self, pair: &TruthPair, entry: Option<&Entry>) {
        let flags = [pair.renumbered, pair.layout, pair.typographic];
        if !pair.modified {
            for (kind, _) in flags.iter().enumerate().filter(|(_, f)| **f) {
                self.stats.false_mod[kind].of += 1;
                self.stats.not_noc[kind].of += 1;
            }
        }
        let Some(entry) = entry else {
            self.example(
                "not a piece of its own (merged by the parser)",
                Some(pair.old),
                Some(pair.new),
                String::new(),
            );
            self.count_not_noc(pair, false, false);
            return;
        };
        let partner = self.partner(entry);
        let truth = self.case.truth;
        let right_pair = partner.is_some_and(|o| truth.old[o].class == truth.old[pair.old].class);
        let right_action = right_pair && entry.action == pair.action();
        self.stats.pairing.hits += usize::from(right_pair);
        self.stats.actions[action_index(pair.action())].hits += usize::from(right_action);
        self.stats.moves.hits +=
            usize::from(right_pair && pair.moved && entry.moved && !pair.move_ambiguous);
        self.count_not_noc(pair, right_action, entry.action == Action::Mod);
        if right_action && pair.modified {
            self.score_words(pair, entry);
        }
        self.explain(pair, entry, partner, right_pair);
    }

    fn count_not_noc(&mut self, pair: &TruthPair, right: bool, shown_mod: bool) {
        if pair.modified {
            return;
        }
        let flags = [pair.renumbered, pair.layout, pair.typographic];
        for (kind, _) in flags.iter().enumerate().filter(|(_, f)| **f) {
            self.stats.not_noc[kind].count += usize::from(!right);
            self.stats.false_mod[kind].count += usize::from(shown_mod);
        }
    }

    /// Records an example of what went wrong with a pair, if anything did.
    fn explain(
        &mut self,
        pair: &TruthPair,
        entry: &Entry,
        partner: Option<usize>,
        right_pair: bool,
    ) {
        let (o, n) = (Some(pair.old), Some(pair.new));
        let wanted = pair.action().as_str();
        if !right_pair {
            let category = match (entry.action, self.old_entry_action(pair.old)) {
                (Action::Add, Some(Action::Sup)) => format!("{wanted} shown as SUP + ADD"),
                _ => format!("{wanted} paired with the wrong old provision"),
            };
            let shown = match partner {
                Some(p) => {
                    format!("{} paired with old `{}`", entry.action.as_str(), self.old_snippet(p))
                }
                None => format!(
                    "{}; the old provision: {}",
                    entry.action.as_str(),
                    self.old_fate(pair.old)
                ),
            };
            self.example_owned(category, o, n, shown);
        } else if entry.action != pair.action() {
            let mut flags = Vec::new();
            for (flag, name) in [
                (pair.renumbered, NOC_KINDS[0]),
                (pair.layout, NOC_KINDS[1]),
                (pair.typographic, NOC_KINDS[2]),
            ] {
                if flag {
                    flags.push(name);
                }
            }
            let category = if pair.modified {
                "MOD shown as NOC".to_string()
            } else {
                format!("NOC ({}) shown as MOD", flags.join(", "))
            };
            self.example_owned(category, o, n, markup(entry));
        } else if pair.moved != entry.moved && !pair.move_ambiguous {
            let category = if pair.moved { "move missed" } else { "false move" };
            self.example(
                category,
                o,
                n,
                format!("{} moved={}", entry.action.as_str(), entry.moved),
            );
        }
    }

    fn old_entry_action(&self, o: usize) -> Option<Action> {
        let piece = self.old_side.piece[o];
        self.shown.by_old.get(&piece).map(|&e| self.redline.entries[e].action)
    }

    fn old_fate(&self, o: usize) -> String {
        let piece = self.old_side.piece[o];
        match self.shown.by_old.get(&piece).map(|&e| &self.redline.entries[e]) {
            Some(entry) if entry.action == Action::Sup => "SUP".to_string(),
            Some(entry) => match entry.new_piece.and_then(|p| self.new_side.unit(p)) {
                Some(n) => format!("{} with new `{}`", entry.action.as_str(), self.new_snippet(n)),
                None => format!("{} with a piece of no unit", entry.action.as_str()),
            },
            None => "not shown".to_string(),
        }
    }

    /// SUP: matched by class, since either of two identical old units may be the suppressed one.
    fn score_sup(&mut self) {
        let truth = self.case.truth;
        let mut classes: HashMap<u32, (usize, usize)> = HashMap::new();
        for (o, unit) in truth.old.iter().enumerate() {
            if truth.old_pair[o].is_none() {
                classes.entry(unit.class).or_default().0 += 1;
            }
        }
        for (&piece, &e) in &self.shown.by_old {
            if self.redline.entries[e].action != Action::Sup {
                continue;
            }
            if let Some(o) = self.old_side.unit(piece) {
                classes.entry(truth.old[o].class).or_default().1 += 1;
            }
        }
        self.stats.actions[1].hits = classes.values().map(|&(t, p)| t.min(p)).sum();
        for o in truth.old_pair.iter().enumerate().filter(|(_, p)| p.is_none()).map(|(o, _)| o) {
            if let Some(action) = self.old_entry_action(o).filter(|a| *a != Action::Sup) {
                let shown = format!("{}: {}", action.as_str(), self.old_fate(o));
                self.example("SUP shown paired with a new provision", Some(o), None, shown);
            }
        }
    }

    fn score_words(&mut self, pair: &TruthPair, entry: &Entry) {
        if !self.old_side.alone(pair.old) || !self.new_side.alone(pair.new) {
            return;
        }
        let old_raw = self.old.pieces[self.old_side.piece[pair.old]].raw.clone();
        let new_raw = self.new.pieces[self.new_side.piece[pair.new]].raw.clone();
        let Some(changes) = changed_spans(entry, old_raw.clone(), new_raw.clone()) else {
            return;
        };
        let old_words = Words::new(
            &self.case.old[old_raw.clone()],
            old_raw.start,
            &changes.struck,
            &pair.deleted,
        );
        let new_words = Words::new(
            &self.case.new[new_raw.clone()],
            new_raw.start,
            &changes.inserted,
            &pair.inserted,
        );
        let (struck, inserted) = (old_words.marked(), new_words.marked());
        let stats = &mut self.stats;
        stats.word_pairs += 1;
        stats.struck += struck;
        stats.deleted += pair.deleted.len();
        stats.inserted += inserted;
        stats.really_inserted += pair.inserted.len();
        stats.excess_struck += struck.saturating_sub(pair.deleted.len());
        stats.excess_inserted += inserted.saturating_sub(pair.inserted.len());
        let runs = old_words.unchanged_runs(3);
        stats.long_runs += runs;
        if pair.deleted.is_empty() {
            stats.pure_insertions.of += 1;
            stats.pure_insertions.count += usize::from(struck > 0);
            if struck > 0 {
                self.example(
                    "words struck next to a pure insertion",
                    Some(pair.old),
                    Some(pair.new),
                    markup(entry),
                );
            }
        }
        if runs > 0 {
            self.example(
                "a run of 3+ unchanged words struck",
                Some(pair.old),
                Some(pair.new),
                markup(entry),
            );
        }
    }

    fn old_snippet(&self, o: usize) -> String {
        snippet(&self.case.old[self.case.truth.old[o].range.clone()])
    }

    fn new_snippet(&self, n: usize) -> String {
        snippet(&self.case.new[self.case.truth.new[n].range.clone()])
    }

    fn example(&mut self, category: &str, old: Option<usize>, new: Option<usize>, shown: String) {
        self.example_owned(category.to_string(), old, new, shown);
    }

    fn example_owned(
        &mut self,
        category: String,
        old: Option<usize>,
        new: Option<usize>,
        shown: String,
    ) {
        let old = old.map(|o| self.old_snippet(o)).unwrap_or_default();
        let new = new.map(|n| self.new_snippet(n)).unwrap_or_default();
        self.examples.push(Example { scenario: String::new(), category, old, new, shown });
    }
}

/// What an entry strikes and inserts (text, not layout), as byte ranges of the old and new texts.
struct Changes {
    struck: Vec<Range<usize>>,
    inserted: Vec<Range<usize>>,
}

/// The entry's deleted and inserted text spans, placed by walking its spans
/// from the start of each piece; `None` when the spans do not rebuild the
/// pieces (then nothing can be placed).
fn changed_spans(entry: &Entry, old: Range<usize>, new: Range<usize>) -> Option<Changes> {
    let (mut at_old, mut at_new) = (old.start, new.start);
    let mut changes = Changes { struck: Vec::new(), inserted: Vec::new() };
    for span in &entry.spans {
        let len = span.text.len();
        let counted = span.role == Role::Text;
        match span.op {
            Op::Equal => {
                at_old += len;
                at_new += len;
            }
            Op::Delete => {
                if counted {
                    changes.struck.push(at_old..at_old + len);
                }
                at_old += len;
            }
            Op::Insert => {
                if counted {
                    changes.inserted.push(at_new..at_new + len);
                }
                at_new += len;
            }
        }
    }
    (at_old == old.end && at_new == new.end).then_some(changes)
}

/// The words of a piece (tokens between spaces holding a letter or a digit):
/// per word, whether the redline marked it (struck or inserted: a letter or
/// digit of it inside a marked span) and whether it really changed.
struct Words {
    marked: Vec<bool>,
    changed: Vec<bool>,
}

impl Words {
    fn new(text: &str, base: usize, marked: &[Range<usize>], changed: &[Range<usize>]) -> Self {
        let overlaps = |r: &Range<usize>, set: &[Range<usize>]| {
            set.iter().any(|s| s.start < r.end && r.start < s.end)
        };
        let mut words = Words { marked: Vec::new(), changed: Vec::new() };
        let mut at = 0;
        for chunk in text.split(char::is_whitespace) {
            let start = base + at;
            at += chunk.len() + text[at + chunk.len()..].chars().next().map_or(0, char::len_utf8);
            let alnum: Vec<Range<usize>> = crate::norm::word_ranges(chunk)
                .into_iter()
                .map(|r| start + r.start..start + r.end)
                .collect();
            if alnum.is_empty() {
                continue;
            }
            words.marked.push(alnum.iter().any(|r| overlaps(r, marked)));
            words.changed.push(overlaps(&(start..start + chunk.len()), changed));
        }
        words
    }

    fn marked(&self) -> usize {
        self.marked.iter().filter(|m| **m).count()
    }

    /// Runs of at least `length` consecutive words marked though unchanged.
    fn unchanged_runs(&self, length: usize) -> usize {
        let mut runs = 0;
        let mut current = 0;
        for (marked, changed) in self.marked.iter().zip(&self.changed) {
            if *marked && !*changed {
                current += 1;
                runs += usize::from(current == length);
            } else {
                current = 0;
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init, reason = "lists of byte ranges, one here")]
    fn runs_of_three_unchanged_struck_words_are_counted_once() {
        let text = "one two-2 three four five";
        let struck = [0..18];
        let words = Words::new(text, 0, &struck, &[]);
        assert_eq!(words.marked(), 4);
        assert_eq!(words.unchanged_runs(3), 1);
        assert_eq!(Words::new(text, 0, &struck, &[4..9]).unchanged_runs(3), 0);
        assert_eq!(Words::new(text, 0, &[0..7], &[]).unchanged_runs(3), 0);
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init, reason = "a list of byte ranges, one here")]
    fn a_word_with_only_its_punctuation_struck_is_not_struck() {
        let words = Words::new("Union, and", 10, &[15..16], &[]);
        assert_eq!(words.marked(), 0);
    }
}
