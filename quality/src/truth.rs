//! The ground truth of a generated pair: what a secretariat would draw.
//!
//! A new unit with the id of an old unit is that unit: `MOD` when its words
//! changed (layout and typography folded away, see [`crate::norm`]), else
//! `NOC`, flagged renumbered (label changed), layout or typographic. Old units
//! without a counterpart are `SUP`, new ones `ADD`. Moved units are those off
//! the longest run of pairs that keeps the old order, preferring to keep the
//! units the generator did not move (so a generated move is the move).

use crate::doc::{Doc, Tok, TokId, Unit, UnitId, UnitKind};
use crate::norm::{fold, unit_key};
use crate::write::{Placed, Written};
use redline::model::Action;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// One unit of one side, as the scorer needs it.
#[derive(Debug, Clone)]
pub struct TruthUnit {
    /// Its id.
    pub id: UnitId,
    /// What it is.
    pub kind: UnitKind,
    /// Units of one side with the same kind and text share a class: a
    /// redline may pair either of them.
    pub class: u32,
    /// Its first character in the text.
    pub anchor: usize,
    /// From the anchor to the end of its trailing whitespace.
    pub range: Range<usize>,
}

/// One pair of the truth.
#[derive(Debug, Clone, Default)]
pub struct TruthPair {
    /// Index of the old unit.
    pub old: usize,
    /// Index of the new unit.
    pub new: usize,
    /// `MOD` or `NOC`.
    pub modified: bool,
    /// Off the longest ordered run.
    pub moved: bool,
    /// Another run as long keeps this pair moved the other way: which of two
    /// units moved cannot be told, and the move is not scored.
    pub move_ambiguous: bool,
    /// The label changed.
    pub renumbered: bool,
    /// Whitespace changed (a `NOC` pair only).
    pub layout: bool,
    /// A typographic variant changed (a `NOC` pair only).
    pub typographic: bool,
    /// Byte ranges (old text) of the words really deleted (a word: a token
    /// between spaces holding a letter or a digit).
    pub deleted: Vec<Range<usize>>,
    /// Byte ranges (new text) of the words really inserted.
    pub inserted: Vec<Range<usize>>,
}

impl TruthPair {
    /// The action a secretariat would mark.
    pub fn action(&self) -> Action {
        if self.modified { Action::Mod } else { Action::Noc }
    }
}

/// The truth of a pair of revisions.
#[derive(Debug, Clone, Default)]
pub struct Truth {
    /// Old units in reading order.
    pub old: Vec<TruthUnit>,
    /// New units in reading order.
    pub new: Vec<TruthUnit>,
    /// Per new unit, its pair (index into `pairs`).
    pub new_pair: Vec<Option<usize>>,
    /// Per old unit, its pair (index into `pairs`).
    pub old_pair: Vec<Option<usize>>,
    /// Every pair, in new order.
    pub pairs: Vec<TruthPair>,
}

/// The truth of `old` against `new`, written as `old_written` and `new_written`;
/// `moved` are the units the generator moved.
pub fn truth(
    (old, old_written): (&Doc, &Written),
    (new, new_written): (&Doc, &Written),
    moved: &HashSet<UnitId>,
) -> Truth {
    let mut classes = HashMap::new();
    let (old_units, old_written) = &fold_opening_phrases(old, old_written);
    let (new_units, new_written) = &fold_opening_phrases(new, new_written);
    let old_units: Vec<&Unit> = old_units.iter().collect();
    let new_units: Vec<&Unit> = new_units.iter().collect();
    let mut truth = Truth {
        old: truth_units(&old_units, old_written, &mut classes),
        new: truth_units(&new_units, new_written, &mut classes),
        new_pair: vec![None; new_units.len()],
        old_pair: vec![None; old_units.len()],
        pairs: Vec::new(),
    };
    let old_index: HashMap<UnitId, usize> =
        old_units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    for (n, unit) in new_units.iter().enumerate() {
        let Some(&o) = old_index.get(&unit.id) else { continue };
        let sides = Sides {
            old: (old_units[o], &old_written.units[o], &old_written.text),
            new: (unit, &new_written.units[n], &new_written.text),
        };
        truth.old_pair[o] = Some(truth.pairs.len());
        truth.new_pair[n] = Some(truth.pairs.len());
        truth.pairs.push(pair(o, n, &sides));
    }
    let olds: Vec<(usize, bool)> =
        (truth.pairs.iter()).map(|p| (p.old, moved.contains(&new_units[p.new].id))).collect();
    let kept = kept_in_order(&olds, old_units.len(), true);
    let other = kept_in_order(&olds, old_units.len(), false);
    for ((pair, kept), other) in truth.pairs.iter_mut().zip(kept).zip(other) {
        pair.moved = !kept;
        pair.move_ambiguous = kept != other;
    }
    truth
}

/// The units of `doc` as a secretariat reads them, and where they were
/// written: a UN preambular paragraph is one unit, its opening phrase
/// ("Recalling also") the first words of its text. The phrase heads the
/// paragraph's section but belongs to the paragraph: a changed phrase is a
/// change of the paragraph's words, and a moved paragraph moves with it.
fn fold_opening_phrases(doc: &Doc, written: &Written) -> (Vec<Unit>, Written) {
    let units = doc.units();
    let mut folded = Vec::with_capacity(units.len());
    let mut placed = Vec::with_capacity(units.len());
    let mut at = 0;
    while at < units.len() {
        let (unit, where_) = (units[at], &written.units[at]);
        let next = units.get(at + 1).zip(written.units.get(at + 1));
        match next {
            Some((paragraph, paragraph_at))
                if unit.kind == UnitKind::Heading && unit.after == " " =>
            {
                let mut toks = unit.toks.clone();
                if let Some(last) = toks.last_mut() {
                    last.space.clone_from(&unit.after);
                }
                toks.extend(paragraph.toks.iter().cloned());
                folded.push(Unit { toks, kind: UnitKind::Provision, ..(*paragraph).clone() });
                let mut joined = paragraph_at.clone();
                joined.anchor = where_.anchor;
                joined.range = where_.range.start..paragraph_at.range.end;
                joined.toks = where_.toks.iter().chain(&paragraph_at.toks).cloned().collect();
                placed.push(joined);
                at += 2;
            }
            _ => {
                folded.push(unit.clone());
                placed.push(where_.clone());
                at += 1;
            }
        }
    }
    (folded, Written { text: written.text.clone(), units: placed })
}

fn truth_units(
    units: &[&Unit],
    written: &Written,
    classes: &mut HashMap<(UnitKind, String), u32>,
) -> Vec<TruthUnit> {
    let mut out = Vec::with_capacity(units.len());
    for (unit, placed) in units.iter().zip(&written.units) {
        let next = u32::try_from(classes.len()).unwrap_or(u32::MAX);
        let class = *classes.entry((unit.kind, unit_key(unit))).or_insert(next);
        let (id, kind, anchor, range) = (unit.id, unit.kind, placed.anchor, placed.range.clone());
        out.push(TruthUnit { id, kind, class, anchor, range });
    }
    out
}

/// Both units of a pair with where they were written.
struct Sides<'a> {
    old: (&'a Unit, &'a Placed, &'a str),
    new: (&'a Unit, &'a Placed, &'a str),
}

fn pair(old: usize, new: usize, sides: &Sides<'_>) -> TruthPair {
    let (o, o_placed, o_text) = sides.old;
    let (n, n_placed, n_text) = sides.new;
    let o_toks: Vec<&Tok> = o.text_toks().collect();
    let n_toks: Vec<&Tok> = n.text_toks().collect();
    let modified = !o_toks.iter().map(|t| fold(&t.text)).eq(n_toks.iter().map(|t| fold(&t.text)));
    let mut truth = TruthPair {
        old,
        new,
        modified,
        renumbered: o_placed.label != n_placed.label,
        ..TruthPair::default()
    };
    if modified {
        truth.deleted = changed_words(o_placed, o_text, &ids(&n_toks));
        truth.inserted = changed_words(n_placed, n_text, &ids(&o_toks));
        return truth;
    }
    truth.typographic = o_toks.iter().zip(&n_toks).any(|(a, b)| a.text != b.text);
    for (a, b) in o_toks.iter().zip(&n_toks) {
        if a.space != b.space {
            let folded = fold(&a.space) == fold(&b.space);
            truth.typographic |= folded;
            truth.layout |= !folded;
        }
    }
    let labelled = o_placed.label.is_some() && n_placed.label.is_some();
    truth.layout |= (labelled && o.sep != n.sep) || o.after != n.after;
    truth
}

fn ids(toks: &[&Tok]) -> HashSet<TokId> {
    toks.iter().map(|t| t.id).collect()
}

/// Ranges of the words (tokens holding a letter or a digit) whose ids the other side does not have.
fn changed_words(placed: &Placed, text: &str, other: &HashSet<TokId>) -> Vec<Range<usize>> {
    (placed.toks.iter())
        .filter(|(id, range)| {
            !other.contains(id) && text[range.clone()].chars().any(char::is_alphanumeric)
        })
        .map(|(_, range)| range.clone())
        .collect()
}

/// The truth as a table: one line per unit of either side, in new order
/// with suppressed units after, `action old-line new-line flags text`.
pub fn describe(truth: &Truth, old: &str, new: &str) -> String {
    let line = |text: &str, at: usize| text[..at].matches('\n').count() + 1;
    let first_line = |text: &str, range: &Range<usize>| {
        text[range.clone()].lines().next().unwrap_or("").chars().take(90).collect::<String>()
    };
    let mut out = String::from("action\told line\tnew line\tflags\ttext\n");
    for (n, unit) in truth.new.iter().enumerate() {
        let new_line = line(new, unit.anchor);
        let text = first_line(new, &unit.range);
        let Some(pair) = truth.new_pair[n].map(|p| &truth.pairs[p]) else {
            out.push_str(&format!("ADD\t\t{new_line}\t\t{text}\n"));
            continue;
        };
        let old_line = line(old, truth.old[pair.old].anchor);
        let flags: Vec<&str> = [
            (pair.moved, "moved"),
            (pair.renumbered, "renumbered"),
            (pair.layout, "layout"),
            (pair.typographic, "typographic"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| *name)
        .collect();
        let action = pair.action().as_str();
        out.push_str(&format!("{action}\t{old_line}\t{new_line}\t{}\t{text}\n", flags.join(",")));
    }
    for (o, unit) in truth.old.iter().enumerate().filter(|(o, _)| truth.old_pair[*o].is_none()) {
        let _ = o;
        out.push_str(&format!(
            "SUP\t{}\t\t\t{}\n",
            line(old, unit.anchor),
            first_line(old, &unit.range)
        ));
    }
    out
}

/// Which pairs (given as old index and "moved by the generator", in new
/// order) are on the longest run that keeps the old order; among the longest
/// runs, the one keeping most pairs the generator did not move (when
/// `prefer_unmoved`; else the one keeping most pairs it moved).
pub fn kept_in_order(olds: &[(usize, bool)], old_len: usize, prefer_unmoved: bool) -> Vec<bool> {
    let big = olds.len() as u64 + 1;
    let mut tree = MaxTree::new(old_len + 1);
    let mut best: Vec<(u64, Option<usize>)> = Vec::with_capacity(olds.len());
    for (index, &(old, moved)) in olds.iter().enumerate() {
        let (before, from) = tree.max_below(old);
        let value = before + big + u64::from(moved != prefer_unmoved);
        best.push((value, from));
        tree.raise(old, value, index);
    }
    let mut kept = vec![false; olds.len()];
    let mut at = (0..best.len()).max_by_key(|&i| (best[i].0, std::cmp::Reverse(i)));
    while let Some(index) = at {
        kept[index] = true;
        at = best[index].1;
    }
    kept
}

/// A Fenwick tree of maxima over old indices: the best run ending below an index.
struct MaxTree {
    nodes: Vec<(u64, Option<usize>)>,
}

impl MaxTree {
    fn new(len: usize) -> Self {
        MaxTree { nodes: vec![(0, None); len + 1] }
    }

    /// The best value at an index below `index`, and where it ends.
    fn max_below(&self, index: usize) -> (u64, Option<usize>) {
        let mut at = index;
        let mut best = (0, None);
        while at > 0 {
            if self.nodes[at].0 > best.0 {
                best = self.nodes[at];
            }
            at &= at - 1;
        }
        best
    }

    fn raise(&mut self, index: usize, value: u64, from: usize) {
        let mut at = index + 1;
        while at < self.nodes.len() {
            if value > self.nodes[at].0 {
                self.nodes[at] = (value, Some(from));
            }
            at += at & at.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_s_move_is_the_move() {
        // Old order 0 1 2 3 4; the generator moved 4 to the front.
        let olds = [(4, true), (0, false), (1, false), (2, false), (3, false)];
        assert_eq!(kept_in_order(&olds, 5, true), [false, true, true, true, true]);
        // A swap of two: either could be the move; the generator's is.
        let olds = [(0, false), (2, false), (1, true), (3, false)];
        assert_eq!(kept_in_order(&olds, 4, true), [true, true, false, true]);
        let olds = [(0, false), (2, true), (1, false), (3, false)];
        assert_eq!(kept_in_order(&olds, 4, true), [true, false, true, true]);
        // Preferring the moved ones shows the other reading: the swap is ambiguous.
        assert_eq!(kept_in_order(&olds, 4, false), [true, true, false, true]);
    }

    #[test]
    fn the_longest_run_wins_over_the_generator() {
        // The generator "moved" three units past one: the one moved.
        let olds = [(1, true), (2, true), (3, true), (0, false)];
        assert_eq!(kept_in_order(&olds, 4, true), [true, true, true, false]);
    }
}
