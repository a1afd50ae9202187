//! Piece alignment: which old piece is which new piece, by content, never by label.
//!
//! 1. Pieces with the same normalised text are matched in order by a patience
//!    diff over their keys (unique texts anchor first, then the rest between).
//! 2. Left-over pieces with the same text elsewhere are matched (moves).
//! 3. Left-over pieces are matched by similarity ([`super::similarity`]),
//!    best pairs first; within one gap between anchors when scores tie.
//! 4. Pairs outside the longest run that keeps old order are moved.
//!
//! # Invariants
//! - A piece is in at most one pair; pairs only join pieces of the same kind.
//! - Deterministic: ties break on positions, never on hashing or time.

use super::normalize::comparison_key;
use super::order::longest_increasing;
use super::similarity::{Bag, MOD_THRESHOLD, dice};
use super::tokens::{Interner, tokenize};
use crate::model::{Document, PieceKind};
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::borrow::Cow;
use std::collections::HashMap;

/// Above this many candidate pairs, similar pieces are only looked for among
/// pieces sharing rare words (a coarser search, reported as a warning).
pub const EXHAUSTIVE_PAIR_BUDGET: usize = 250_000;
/// A word found in more left-over old pieces than this is too common to index.
const MAX_POSTINGS: usize = 64;
/// Candidates scored per new piece in the indexed search.
const CANDIDATES_PER_PIECE: usize = 8;

/// One old piece matched to one new piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Old piece index.
    pub old: usize,
    /// New piece index.
    pub new: usize,
    /// Out of the old order.
    pub moved: bool,
}

/// All pairs, sorted by new index, and what fell back.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Matched pieces.
    pub pairs: Vec<Pair>,
    /// Fallbacks taken, in words.
    pub warnings: Vec<String>,
}

/// What the aligner knows of one piece.
struct Profile {
    kind: PieceKind,
    id: u32,
    bag: Bag,
    gap: usize,
}

/// Aligns the pieces of two documents.
pub fn align(old: &Document, new: &Document, strict: bool) -> Alignment {
    let (old_keys, new_keys) = (keys(old, strict), keys(new, strict));
    let mut ids = FxHashMap::default();
    let mut old_profiles = profiles(old, old_keys, &mut ids);
    let mut new_profiles = profiles(new, new_keys, &mut ids);
    let mut matcher = Matcher::new(old.pieces.len(), new.pieces.len());
    matcher.match_in_order(&mut old_profiles, &mut new_profiles);
    matcher.match_exact_moves(&old_profiles, &new_profiles);
    let mut interner = Interner::new();
    fill_bags(old, &mut old_profiles, &matcher.old_taken, strict, &mut interner);
    fill_bags(new, &mut new_profiles, &matcher.new_taken, strict, &mut interner);
    let mut warnings = matcher.match_similar(&old_profiles, &new_profiles);
    warnings.extend(repeated_text("old", old, &old_profiles));
    warnings.extend(repeated_text("new", new, &new_profiles));
    Alignment { pairs: matcher.finish(), warnings }
}

/// At least this many pieces of one side with the same text earn a warning.
pub const REPEATED_TEXT_WARNING: usize = 100;

/// A warning for text shared by [`REPEATED_TEXT_WARNING`] pieces or more: which
/// of them was inserted, deleted or changed is told by position alone.
fn repeated_text(side: &str, document: &Document, profiles: &[Profile]) -> Option<String> {
    let mut counts: FxHashMap<u32, (usize, usize)> = FxHashMap::default();
    for (index, profile) in profiles.iter().enumerate() {
        counts.entry(profile.id).or_insert((0, index)).0 += 1;
    }
    let (count, first) = counts.into_values().max()?;
    (count >= REPEATED_TEXT_WARNING).then(|| {
        format!(
            "{count} provisions of the {side} text have the same text as the one at line {}: \
             they are told apart by position alone",
            document.pieces[first].lines.0
        )
    })
}

/// The comparison key of each piece (one pass over the text, no tokenising:
/// most pieces match exactly and never need their words).
fn keys(document: &Document, strict: bool) -> Vec<Cow<'_, str>> {
    let content = |piece: &crate::model::Piece| &document.text[piece.content.clone()];
    document.pieces.iter().map(|piece| comparison_key(content(piece), strict)).collect()
}

/// Each piece's kind and the id of its comparison key, ids shared by both sides.
fn profiles<'a>(
    document: &Document,
    keys: Vec<Cow<'a, str>>,
    ids: &mut FxHashMap<(PieceKind, Cow<'a, str>), u32>,
) -> Vec<Profile> {
    let mut out = Vec::with_capacity(document.pieces.len());
    for (piece, key) in document.pieces.iter().zip(keys) {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        let id = *ids.entry((piece.kind, key)).or_insert(next);
        out.push(Profile { kind: piece.kind, id, bag: Bag::default(), gap: 0 });
    }
    out
}

/// Bags of words for the pieces still unmatched, the only ones similarity needs.
fn fill_bags(
    document: &Document,
    profiles: &mut [Profile],
    taken: &[Option<usize>],
    strict: bool,
    interner: &mut Interner,
) {
    for (index, profile) in profiles.iter_mut().enumerate().filter(|(i, _)| taken[*i].is_none()) {
        let content = document.pieces[index].content.clone();
        let tokens = tokenize(&document.text, content, strict, interner);
        profile.bag = Bag::new(tokens.iter().filter(|t| t.is_word).map(|t| t.key).collect());
    }
}

/// The matching under way: which pieces are taken, and the pairs so far.
struct Matcher {
    old_taken: Vec<Option<usize>>,
    new_taken: Vec<Option<usize>>,
}

impl Matcher {
    fn new(old_len: usize, new_len: usize) -> Self {
        Matcher { old_taken: vec![None; old_len], new_taken: vec![None; new_len] }
    }

    fn pair(&mut self, old: usize, new: usize) {
        self.old_taken[old] = Some(new);
        self.new_taken[new] = Some(old);
    }

    /// Step 1: equal texts in order; also numbers the gaps between anchors.
    fn match_in_order(&mut self, old: &mut [Profile], new: &mut [Profile]) {
        let old_ids: Vec<u32> = old.iter().map(|p| p.id).collect();
        let new_ids: Vec<u32> = new.iter().map(|p| p.id).collect();
        let mut gap = 0;
        for op in capture_diff_slices(Algorithm::Patience, &old_ids, &new_ids) {
            let (tag, old_range, new_range) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                for (o, n) in old_range.zip(new_range) {
                    self.pair(o, n);
                }
                gap += 1;
                continue;
            }
            old[old_range].iter_mut().for_each(|p| p.gap = gap);
            new[new_range].iter_mut().for_each(|p| p.gap = gap);
        }
    }

    /// Step 2: left-over pieces whose text is found elsewhere, first come first served.
    fn match_exact_moves(&mut self, old: &[Profile], new: &[Profile]) {
        let mut waiting: HashMap<u32, std::collections::VecDeque<usize>> = HashMap::new();
        for (index, profile) in old.iter().enumerate() {
            if self.old_taken[index].is_none() {
                waiting.entry(profile.id).or_default().push_back(index);
            }
        }
        for (index, profile) in new.iter().enumerate() {
            if self.new_taken[index].is_some() {
                continue;
            }
            if let Some(o) = waiting.get_mut(&profile.id).and_then(|q| q.pop_front()) {
                self.pair(o, index);
            }
        }
    }

    /// Step 3: similar pieces, best pairs first.
    fn match_similar(&mut self, old: &[Profile], new: &[Profile]) -> Vec<String> {
        let old_left: Vec<usize> =
            (0..old.len()).filter(|&i| self.old_taken[i].is_none()).collect();
        let new_left: Vec<usize> =
            (0..new.len()).filter(|&i| self.new_taken[i].is_none()).collect();
        let mut warnings = Vec::new();
        let mut candidates = if old_left.len().saturating_mul(new_left.len())
            <= EXHAUSTIVE_PAIR_BUDGET
        {
            all_pairs(&old_left, &new_left)
        } else {
            warnings.push(format!(
                "{} old and {} new pieces left unmatched: similar pieces were searched among pieces sharing rare words only",
                old_left.len(),
                new_left.len()
            ));
            indexed_pairs(old, new, &old_left, &new_left)
        };
        let mut scored = score(old, new, &mut candidates);
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, o, n) in scored {
            if self.old_taken[o].is_none() && self.new_taken[n].is_none() {
                self.pair(o, n);
            }
        }
        warnings
    }

    /// Step 4: pairs sorted by new index; those off the longest ordered run are moved.
    fn finish(self) -> Vec<Pair> {
        let mut pairs: Vec<Pair> = (self.new_taken.iter().enumerate())
            .filter_map(|(n, o)| o.map(|o| Pair { old: o, new: n, moved: false }))
            .collect();
        let olds: Vec<usize> = pairs.iter().map(|p| p.old).collect();
        let mut kept = vec![false; pairs.len()];
        for index in longest_increasing(&olds) {
            kept[index] = true;
        }
        for (pair, kept) in pairs.iter_mut().zip(kept) {
            pair.moved = !kept;
        }
        pairs
    }
}

fn all_pairs(old_left: &[usize], new_left: &[usize]) -> Vec<(usize, usize)> {
    old_left.iter().flat_map(|&o| new_left.iter().map(move |&n| (o, n))).collect()
}

/// Candidate pairs through an index of rare words: near-linear in the input.
fn indexed_pairs(
    old: &[Profile],
    new: &[Profile],
    old_left: &[usize],
    new_left: &[usize],
) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for &o in old_left {
        for word in old[o].bag.distinct() {
            postings.entry(word).or_default().push(o);
        }
    }
    postings.retain(|_, list| list.len() <= MAX_POSTINGS);
    let mut pairs = Vec::new();
    for &n in new_left {
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

/// Scores candidates of the same kind at or above the threshold:
/// `(score in millionths, (gap mismatch, distance, old, new), old, new)`.
#[allow(clippy::type_complexity, reason = "a sort key local to this module")]
fn score(
    old: &[Profile],
    new: &[Profile],
    candidates: &mut Vec<(usize, usize)>,
) -> Vec<(u64, (bool, usize, usize, usize), usize, usize)> {
    let mut scored = Vec::new();
    for &(o, n) in candidates.iter() {
        let (a, b) = (&old[o], &new[n]);
        if a.kind != b.kind {
            continue;
        }
        let similarity = dice(&a.bag, &b.bag);
        if similarity < MOD_THRESHOLD {
            continue;
        }
        let tie = (a.gap != b.gap, o.abs_diff(n), o, n);
        scored.push(((similarity * 1e6) as u64, tie, o, n));
    }
    candidates.clear();
    scored
}
