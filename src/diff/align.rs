//! Piece alignment: which old piece is which new piece, by content, never by label.
//!
//! 1. Pieces with the same normalised text are matched in order by a patience
//!    diff over their keys (unique texts anchor first, then the rest between).
//! 2. Left-over pieces with the same text elsewhere are matched (moves).
//! 3. Left-over pieces are matched by similarity ([`super::similarity`]), the
//!    nearest first ([`super::pairing`]): in order within each gap between
//!    anchors, then across gaps at a higher bar, then the one old and one new
//!    piece left between the same neighbours at a lower one.
//! 4. Pairs outside the longest run that keeps old order are moved.
//!
//! # Invariants
//! - A piece is in at most one pair; pairs only join pieces of the same kind.
//! - Deterministic: ties break on positions, never on hashing or time.

use super::matching::{Matcher, Profile};
use super::normalize::comparison_key;
use super::order::longest_increasing;
use super::pairing;
use super::similarity::Bag;
use super::tokens::{Interner, tokenize};
use crate::model::{Document, PieceKind};
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::borrow::Cow;
use std::collections::HashMap;

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

/// Aligns the pieces of two documents.
pub fn align(old: &Document, new: &Document, strict: bool) -> Alignment {
    let (old_keys, new_keys) = (keys(old, strict), keys(new, strict));
    let mut ids = FxHashMap::default();
    let mut old_profiles = profiles(old, old_keys, &mut ids);
    let mut new_profiles = profiles(new, new_keys, &mut ids);
    let mut matcher = Matcher::new(old.pieces.len(), new.pieces.len());
    match_in_order(&mut matcher, &mut old_profiles, &mut new_profiles);
    match_exact_moves(&mut matcher, &old_profiles, &new_profiles);
    let mut interner = Interner::new();
    fill_bags(old, &mut old_profiles, &matcher.old_taken, strict, &mut interner);
    fill_bags(new, &mut new_profiles, &matcher.new_taken, strict, &mut interner);
    pairing::pair_clear_moves(&old_profiles, &new_profiles, &mut matcher);
    let mut warnings = pairing::pair_within_gaps(&old_profiles, &new_profiles, &mut matcher);
    warnings.extend(pairing::pair_across_gaps(&old_profiles, &new_profiles, &mut matcher));
    let kept: Vec<(usize, usize)> = pairs(&matcher)
        .iter()
        .filter(|pair| !pair.moved)
        .map(|pair| (pair.old, pair.new))
        .collect();
    pairing::pair_lone_rewrites(&old_profiles, &new_profiles, &kept, &mut matcher);
    warnings.extend(repeated_text("old", old, &old_profiles));
    warnings.extend(repeated_text("new", new, &new_profiles));
    Alignment { pairs: pairs(&matcher), warnings }
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
        let labelled = piece.label.is_some();
        out.push(Profile { kind: piece.kind, id, bag: Bag::default(), gap: 0, labelled });
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

/// Step 1: equal texts in order; also numbers the gaps between anchors.
fn match_in_order(matcher: &mut Matcher, old: &mut [Profile], new: &mut [Profile]) {
    let old_ids: Vec<u32> = old.iter().map(|p| p.id).collect();
    let new_ids: Vec<u32> = new.iter().map(|p| p.id).collect();
    let mut gap = 0;
    for op in capture_diff_slices(Algorithm::Patience, &old_ids, &new_ids) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (o, n) in old_range.zip(new_range) {
                matcher.pair(o, n);
            }
            gap += 1;
            continue;
        }
        old[old_range].iter_mut().for_each(|p| p.gap = gap);
        new[new_range].iter_mut().for_each(|p| p.gap = gap);
    }
}

/// Step 2: left-over pieces whose text is found elsewhere, first come first served.
fn match_exact_moves(matcher: &mut Matcher, old: &[Profile], new: &[Profile]) {
    let mut waiting: HashMap<u32, std::collections::VecDeque<usize>> = HashMap::new();
    for (index, profile) in old.iter().enumerate() {
        if matcher.old_taken[index].is_none() {
            waiting.entry(profile.id).or_default().push_back(index);
        }
    }
    for (index, profile) in new.iter().enumerate() {
        if matcher.new_taken[index].is_some() {
            continue;
        }
        if let Some(o) = waiting.get_mut(&profile.id).and_then(|q| q.pop_front()) {
            matcher.pair(o, index);
        }
    }
}

/// Step 4: the pairs sorted by new index; those off the longest ordered run are moved.
fn pairs(matcher: &Matcher) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = (matcher.new_taken.iter().enumerate())
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
