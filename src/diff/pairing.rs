//! Left-over pieces paired by similarity, the nearest first.
//!
//! After the exact matches, the pieces left are the rewritten, added, deleted
//! and moved ones. A rewritten provision nearly always stays where it stood,
//! between the same matched neighbours; a move is a claim that needs strong
//! evidence. So, after a pass for provisions that moved past each other
//! ([`pair_clear_moves`]), in three passes:
//!
//! 1. [`pair_within_gaps`]: in each gap between exact anchors, the left-over
//!    pieces are paired *in order* by the best total similarity (a weighted
//!    longest common subsequence), each pair at or above [`MOD_THRESHOLD`];
//!    then the gap's other candidates at or above it, best first (moves
//!    within the gap).
//! 2. [`pair_across_gaps`]: the pieces still left pair across gaps, best
//!    first, only at or above [`MOVE_THRESHOLD`]; ties go to the nearer.
//! 3. [`pair_lone_rewrites`]: when exactly one old and one new piece of a
//!    kind are still left between the same two neighbours that kept their
//!    order, both labelled or both not, they are one piece rewritten unless
//!    they share almost nothing ([`REWRITE_THRESHOLD`]).
//!
//! # Invariants
//! - Near-linear: a gap is scored whole only within [`GAP_PAIR_BUDGET`], and
//!   all gaps together within [`TOTAL_PAIR_BUDGET`]; beyond, candidates come
//!   from an index of rare words (and a warning says so).
//! - Deterministic: every choice breaks ties on positions.

use super::matching::{Matcher, Profile};
use super::similarity::{MOD_THRESHOLD, dice};
use std::collections::HashMap;

/// Similarity from which two pieces in different gaps are one moved piece.
pub const MOVE_THRESHOLD: f64 = 0.6;
/// Similarity from which the one old and the one new piece left between the
/// same neighbours are one piece rewritten (below it: SUP and ADD).
pub const REWRITE_THRESHOLD: f64 = 0.3;
/// Candidate pairs of one gap scored whole (old × new pieces left in it).
pub const GAP_PAIR_BUDGET: usize = 250_000;
/// Candidate pairs scored whole over all gaps, and across gaps.
pub const TOTAL_PAIR_BUDGET: usize = 1_000_000;
/// A word found in more left-over old pieces than this is too common to index.
const MAX_POSTINGS: usize = 64;
/// Candidates scored per new piece in the indexed search.
const CANDIDATES_PER_PIECE: usize = 8;

/// Similarity from which a piece in another gap may win over the candidates
/// of a piece's own gap (pass 0).
pub const CLEAR_MOVE_THRESHOLD: f64 = 0.75;
/// How much more alike than any candidate of their own gaps two pieces in
/// different gaps must be to pair before the gaps are paired (pass 0).
pub const CLEAR_MOVE_MARGIN: f64 = 0.3;

/// Pass 0: provisions that moved and were edited, whose places a gap would
/// give to another. Pairs an old and a new piece in different gaps when
/// they are alike ([`CLEAR_MOVE_THRESHOLD`]) and far more alike
/// ([`CLEAR_MOVE_MARGIN`]) than either is to its best partner in its own
/// gap, and when each partner so passed over has a partner of its own as
/// alike elsewhere. Without that last rule a deleted provision that looks
/// like an edited one far away would take it from its own old text: the
/// edited provision keeps its place. Near-linear: partners in other gaps
/// are looked for among pieces sharing rare words, a gap is scored whole
/// only within [`GAP_PAIR_BUDGET`].
pub fn pair_clear_moves(old: &[Profile], new: &[Profile], matcher: &mut Matcher) {
    let (olds, news) = (matcher.old_left(), matcher.new_left());
    let mut olds_best: HashMap<usize, Best> = HashMap::new();
    let mut news_best: HashMap<usize, Best> = HashMap::new();
    let similarity =
        |o: usize, n: usize| (old[o].kind == new[n].kind).then(|| dice(&old[o].bag, &new[n].bag));
    for (gap_olds, gap_news) in gaps(old, new, &olds, &news) {
        if gap_olds.len().saturating_mul(gap_news.len()) > GAP_PAIR_BUDGET {
            continue;
        }
        for (o, n) in all_pairs(&gap_olds, &gap_news) {
            let Some(similarity) = similarity(o, n) else { continue };
            olds_best.entry(o).or_default().in_gap(n, similarity);
            news_best.entry(n).or_default().in_gap(o, similarity);
        }
    }
    let mut across: Vec<(u64, usize, usize)> = Vec::new();
    for (o, n) in indexed_pairs(old, new, &olds, &news) {
        if old[o].gap == new[n].gap {
            continue;
        }
        match similarity(o, n) {
            Some(similarity) if similarity >= CLEAR_MOVE_THRESHOLD => {
                olds_best.entry(o).or_default().elsewhere(n);
                news_best.entry(n).or_default().elsewhere(o);
                across.push(((similarity * 1e6) as u64, o, n));
            }
            _ => {}
        }
    }
    across.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (score, o, n) in across {
        let similarity = score as f64 / 1e6;
        let (old_best, new_best) = (&olds_best[&o], &news_best[&n]);
        let far_better = similarity >= old_best.own.1.max(new_best.own.1) + CLEAR_MOVE_MARGIN;
        // The partners passed over: each must have another partner as alike.
        let placed = |best: &HashMap<usize, Best>, own: Option<usize>, not: usize| {
            own.is_none_or(|own| best[&own].has_other_than(not))
        };
        let passed_over_placed =
            placed(&news_best, old_best.own.0, o) && placed(&olds_best, new_best.own.0, n);
        if far_better && passed_over_placed && matcher.both_free(o, n) {
            matcher.pair(o, n);
        }
    }
}

/// A piece's best partner in its own gap (at [`MOD_THRESHOLD`] or above)
/// and the first two partners found in other gaps at
/// [`CLEAR_MOVE_THRESHOLD`] or above (enough to tell whether it has one
/// other than a given piece).
#[derive(Debug, Default)]
struct Best {
    own: (Option<usize>, f64),
    elsewhere: [Option<usize>; 2],
}

impl Best {
    fn in_gap(&mut self, partner: usize, similarity: f64) {
        if similarity >= MOD_THRESHOLD && similarity > self.own.1 {
            self.own = (Some(partner), similarity);
        }
    }

    fn elsewhere(&mut self, partner: usize) {
        match self.elsewhere {
            [None, _] => self.elsewhere[0] = Some(partner),
            [Some(_), None] => self.elsewhere[1] = Some(partner),
            _ => {}
        }
    }

    /// True when a partner in another gap other than `not` is alike enough.
    fn has_other_than(&self, not: usize) -> bool {
        self.elsewhere.iter().flatten().any(|&partner| partner != not)
    }
}

/// Pass 1: pairs left-over pieces gap by gap, in order first.
pub fn pair_within_gaps(old: &[Profile], new: &[Profile], matcher: &mut Matcher) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut budget = TOTAL_PAIR_BUDGET;
    for (olds, news) in gaps(old, new, &matcher.old_left(), &matcher.new_left()) {
        let size = olds.len().saturating_mul(news.len());
        if size <= GAP_PAIR_BUDGET.min(budget) {
            budget -= size;
            pair_gap_in_order(old, new, &olds, &news, matcher);
            let mut candidates = all_pairs(&olds, &news);
            greedy(old, new, &mut candidates, MOD_THRESHOLD, matcher);
        } else {
            warnings.push(indexed_warning(olds.len(), news.len()));
            let mut candidates = indexed_pairs(old, new, &olds, &news);
            greedy(old, new, &mut candidates, MOD_THRESHOLD, matcher);
        }
    }
    warnings
}

/// Pass 2: pairs the pieces still left across gaps, at a higher bar.
pub fn pair_across_gaps(old: &[Profile], new: &[Profile], matcher: &mut Matcher) -> Vec<String> {
    let (olds, news) = (matcher.old_left(), matcher.new_left());
    let mut warnings = Vec::new();
    let mut candidates = if olds.len().saturating_mul(news.len()) <= TOTAL_PAIR_BUDGET {
        all_pairs(&olds, &news)
    } else {
        warnings.push(indexed_warning(olds.len(), news.len()));
        indexed_pairs(old, new, &olds, &news)
    };
    candidates.retain(|&(o, n)| old[o].gap != new[n].gap);
    greedy(old, new, &mut candidates, MOVE_THRESHOLD, matcher);
    warnings
}

/// Pass 3: the one old and one new piece of a kind left between two kept
/// neighbours (`kept`: matched pairs in order on both sides) pair at a low bar.
pub fn pair_lone_rewrites(
    old: &[Profile],
    new: &[Profile],
    kept: &[(usize, usize)],
    matcher: &mut Matcher,
) {
    let bounds = std::iter::once((0, 0))
        .chain(kept.iter().map(|&(o, n)| (o + 1, n + 1)))
        .zip(kept.iter().copied().chain(std::iter::once((old.len(), new.len()))));
    for ((old_from, new_from), (old_to, new_to)) in bounds {
        let olds: Vec<usize> =
            (old_from..old_to).filter(|&o| matcher.old_taken[o].is_none()).collect();
        let news: Vec<usize> =
            (new_from..new_to).filter(|&n| matcher.new_taken[n].is_none()).collect();
        for (o, n) in lone_pairs_by_kind(old, new, &olds, &news) {
            let same_form = old[o].labelled == new[n].labelled;
            if same_form && dice(&old[o].bag, &new[n].bag) >= REWRITE_THRESHOLD {
                matcher.pair(o, n);
            }
        }
    }
}

/// For each kind with exactly one old and one new piece among `olds` and
/// `news`, that pair.
fn lone_pairs_by_kind(
    old: &[Profile],
    new: &[Profile],
    olds: &[usize],
    news: &[usize],
) -> Vec<(usize, usize)> {
    let only = |ids: &[usize], profiles: &[Profile], o: usize| {
        let kind = profiles[o].kind;
        ids.iter().filter(|&&i| profiles[i].kind == kind).count() == 1
    };
    let mut pairs = Vec::new();
    for &o in olds.iter().filter(|&&o| only(olds, old, o)) {
        let same_kind: Vec<usize> =
            news.iter().copied().filter(|&n| new[n].kind == old[o].kind).collect();
        if let [n] = same_kind[..] {
            pairs.push((o, n));
        }
    }
    pairs
}

/// The left-over pieces grouped by gap: `(old pieces, new pieces)` of each
/// gap holding some of both, in order.
fn gaps(
    old: &[Profile],
    new: &[Profile],
    olds: &[usize],
    news: &[usize],
) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut by_gap: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> =
        Default::default();
    for &o in olds {
        by_gap.entry(old[o].gap).or_default().0.push(o);
    }
    for &n in news {
        by_gap.entry(new[n].gap).or_default().1.push(n);
    }
    by_gap.into_values().filter(|(o, n)| !o.is_empty() && !n.is_empty()).collect()
}

/// Pairs `olds` with `news` in order, maximising the total similarity of the
/// pairs at or above [`MOD_THRESHOLD`] (a weighted longest common subsequence).
fn pair_gap_in_order(
    old: &[Profile],
    new: &[Profile],
    olds: &[usize],
    news: &[usize],
    matcher: &mut Matcher,
) {
    let (rows, columns) = (olds.len(), news.len());
    let score = |i: usize, j: usize| {
        let (a, b) = (&old[olds[i]], &new[news[j]]);
        let similarity = if a.kind == b.kind { dice(&a.bag, &b.bag) } else { 0.0 };
        (similarity >= MOD_THRESHOLD).then_some(similarity)
    };
    let scores: Vec<Option<f64>> = (0..rows)
        .flat_map(|i| (0..columns).map(move |j| (i, j)))
        .map(|(i, j)| score(i, j))
        .collect();
    let mut best = vec![0.0f64; (rows + 1) * (columns + 1)];
    let at = |i: usize, j: usize| i * (columns + 1) + j;
    for i in 1..=rows {
        for j in 1..=columns {
            let take = scores[(i - 1) * columns + j - 1].map(|s| best[at(i - 1, j - 1)] + s);
            let skip = best[at(i - 1, j)].max(best[at(i, j - 1)]);
            best[at(i, j)] = take.map_or(skip, |take| take.max(skip));
        }
    }
    let (mut i, mut j) = (rows, columns);
    while i > 0 && j > 0 {
        let here = best[at(i, j)];
        if here == best[at(i - 1, j)] {
            i -= 1;
        } else if here == best[at(i, j - 1)] {
            j -= 1;
        } else {
            matcher.pair(olds[i - 1], news[j - 1]);
            i -= 1;
            j -= 1;
        }
    }
}

/// Pairs `candidates` at or above `threshold`, best first; ties go to the
/// pair nearer in gaps, then in positions.
fn greedy(
    old: &[Profile],
    new: &[Profile],
    candidates: &mut Vec<(usize, usize)>,
    threshold: f64,
    matcher: &mut Matcher,
) {
    let mut scored: Vec<(u64, usize, usize, usize, usize)> = Vec::new();
    for &(o, n) in candidates.iter().filter(|&&(o, n)| matcher.both_free(o, n)) {
        let (a, b) = (&old[o], &new[n]);
        if a.kind != b.kind {
            continue;
        }
        let similarity = dice(&a.bag, &b.bag);
        if similarity >= threshold {
            let score = (similarity * 1e6) as u64;
            scored.push((score, a.gap.abs_diff(b.gap), o.abs_diff(n), o, n));
        }
    }
    candidates.clear();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2, a.3, a.4).cmp(&(b.1, b.2, b.3, b.4))));
    for (_, _, _, o, n) in scored {
        if matcher.both_free(o, n) {
            matcher.pair(o, n);
        }
    }
}

fn indexed_warning(olds: usize, news: usize) -> String {
    format!(
        "{olds} old and {news} new pieces left unmatched: similar pieces were searched among pieces sharing rare words only"
    )
}

fn all_pairs(olds: &[usize], news: &[usize]) -> Vec<(usize, usize)> {
    olds.iter().flat_map(|&o| news.iter().map(move |&n| (o, n))).collect()
}

/// Candidate pairs through an index of rare words: near-linear in the input.
fn indexed_pairs(
    old: &[Profile],
    new: &[Profile],
    olds: &[usize],
    news: &[usize],
) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for &o in olds {
        for word in old[o].bag.distinct() {
            postings.entry(word).or_default().push(o);
        }
    }
    postings.retain(|_, list| list.len() <= MAX_POSTINGS);
    let mut pairs = Vec::new();
    for &n in news {
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for word in new[n].bag.distinct() {
            for &o in postings.get(&word).map_or(&[][..], Vec::as_slice) {
                *hits.entry(o).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = hits.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        pairs.extend(ranked.into_iter().take(CANDIDATES_PER_PIECE).map(|(o, _)| (o, n)));
    }
    pairs
}
