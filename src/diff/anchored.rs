//! Word diff of very long pieces, bounded: stretches of text that occur once
//! on each side anchor the alignment, and only the gaps between anchors are
//! word-diffed.
//!
//! Myers' word diff takes time proportional to size times changes: for a
//! rewritten provision of a megabyte that is minutes. Above
//! [`WORD_DIFF_LIMIT`] tokens a piece is cut into chunks at word boundaries
//! chosen by content (a word whose key hashes to a set pattern ends a chunk,
//! so an insertion shifts no boundary after it), chunks found once on each
//! side are matched in order (the longest increasing subsequence), and each
//! gap between them is word-diffed if it is small enough, or shown as one
//! change if not. Cost: linear in the tokens, plus at most
//! [`WORD_DIFF_LIMIT`] squared per gap.
//!
//! # Invariants
//! - The runs returned tile both token sequences in order, as the word diff's do.
//! - Deterministic: nothing depends on hash-map order or on time.

use super::cleanup::{Run, push_run};
use super::order::longest_increasing;
use super::tokens::Token;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Above this many tokens (both sides together, words and spaces) a piece is
/// anchored on its chunks first, and a gap between anchors is word-diffed
/// only up to this size. A long provision has about 600.
pub const WORD_DIFF_LIMIT: usize = 4_000;

/// About one word in this many ends a chunk (a power of two).
const CHUNK_WORDS: u32 = 16;

/// Runs for two long token sequences; `fine` word-diffs one gap (token
/// ranges) and returns its runs with absolute token indices.
pub fn anchored_runs(
    old: &[Token],
    new: &[Token],
    fine: impl Fn(Range<usize>, Range<usize>) -> Vec<Run>,
) -> Vec<Run> {
    let (old_chunks, new_chunks) = (chunks(old), chunks(new));
    let mut runs = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    for (o, n) in anchors(old, &old_chunks, new, &new_chunks) {
        let (old_chunk, new_chunk) = (old_chunks[o].clone(), new_chunks[n].clone());
        gap(old_at..old_chunk.start, new_at..new_chunk.start, &fine, &mut runs);
        (old_at, new_at) = (old_chunk.end, new_chunk.end);
        runs.push(Run::Equal { old: old_chunk, new: new_chunk });
    }
    gap(old_at..old.len(), new_at..new.len(), &fine, &mut runs);
    runs
}

/// One gap between anchors: word-diffed if small enough, else one change.
fn gap(
    old: Range<usize>,
    new: Range<usize>,
    fine: &impl Fn(Range<usize>, Range<usize>) -> Vec<Run>,
    runs: &mut Vec<Run>,
) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    if old.len() + new.len() <= WORD_DIFF_LIMIT {
        fine(old, new).into_iter().for_each(|run| push_run(runs, run));
    } else {
        push_run(runs, Run::Change { old, new });
    }
}

/// Token ranges of the chunks of `tokens`, tiling them in order.
fn chunks(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (index, token) in tokens.iter().enumerate() {
        if token.is_word && ends_chunk(token.key) {
            out.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// `true` for about one key in [`CHUNK_WORDS`] (a multiplicative hash, so
/// that the interner's numbering does not make the chunks regular).
fn ends_chunk(key: u32) -> bool {
    key.wrapping_mul(0x9E37_79B9) >> (32 - CHUNK_WORDS.trailing_zeros()) == 0
}

/// Chunks whose keys occur exactly once on each side, as (old, new) chunk
/// indices, the longest run of them in the same order on both sides.
fn anchors(
    old: &[Token],
    old_chunks: &[Range<usize>],
    new: &[Token],
    new_chunks: &[Range<usize>],
) -> Vec<(usize, usize)> {
    let old_keys: Vec<u32> = old.iter().map(|token| token.key).collect();
    let new_keys: Vec<u32> = new.iter().map(|token| token.key).collect();
    let mut seen: FxHashMap<&[u32], Seen> = FxHashMap::default();
    for (index, chunk) in old_chunks.iter().enumerate() {
        seen.entry(&old_keys[chunk.clone()]).or_default().seen_old(index);
    }
    for (index, chunk) in new_chunks.iter().enumerate() {
        seen.entry(&new_keys[chunk.clone()]).or_default().seen_new(index);
    }
    let mut pairs: Vec<(usize, usize)> = seen.values().filter_map(Seen::unique_pair).collect();
    pairs.sort_unstable_by_key(|&(_, new)| new);
    let olds: Vec<usize> = pairs.iter().map(|&(old, _)| old).collect();
    longest_increasing(&olds).into_iter().map(|index| pairs[index]).collect()
}

/// How often a chunk was seen on each side, and where last.
#[derive(Debug, Default)]
struct Seen {
    old_count: usize,
    new_count: usize,
    old_index: usize,
    new_index: usize,
}

impl Seen {
    fn seen_old(&mut self, index: usize) {
        self.old_count += 1;
        self.old_index = index;
    }

    fn seen_new(&mut self, index: usize) {
        self.new_count += 1;
        self.new_index = index;
    }

    fn unique_pair(&self) -> Option<(usize, usize)> {
        (self.old_count == 1 && self.new_count == 1).then_some((self.old_index, self.new_index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tokens::{Interner, tokenize};

    fn tokens(text: &str, interner: &mut Interner) -> Vec<Token> {
        tokenize(text, 0..text.len(), false, interner)
    }

    /// A long text of distinct numbered words.
    fn words(from: usize, count: usize) -> String {
        (from..from + count).map(|n| format!("w{n}")).collect::<Vec<_>>().join(" ")
    }

    fn tiles(runs: &[Run], old_len: usize, new_len: usize) -> bool {
        let (mut old_at, mut new_at) = (0, 0);
        for run in runs {
            let (Run::Equal { old, new } | Run::Change { old, new }) = run;
            if old.start != old_at || new.start != new_at {
                return false;
            }
            (old_at, new_at) = (old.end, new.end);
        }
        old_at == old_len && new_at == new_len
    }

    #[test]
    fn an_insertion_in_a_long_text_leaves_the_rest_anchored() {
        let mut interner = Interner::new();
        let old_text = words(0, 5_000);
        let new_text = format!("{} inserted here {}", words(0, 2_500), words(2_500, 2_500));
        let (old, new) = (tokens(&old_text, &mut interner), tokens(&new_text, &mut interner));
        let runs = anchored_runs(&old, &new, |o, n| vec![Run::Change { old: o, new: n }]);
        assert!(tiles(&runs, old.len(), new.len()));
        let changed: usize = runs
            .iter()
            .filter_map(|run| match run {
                Run::Change { new, .. } => Some(new.len()),
                Run::Equal { .. } => None,
            })
            .sum();
        assert!(changed < 200, "{changed} new tokens in changes, for 4 inserted");
    }

    /// Tokens with the given keys, every one a word, one byte each.
    fn keyed(keys: &[u32]) -> Vec<Token> {
        let token =
            |(at, &key): (usize, &u32)| Token { start: at, end: at + 1, key, is_word: true };
        keys.iter().enumerate().map(token).collect()
    }

    proptest::proptest! {
        #[test]
        fn runs_tile_both_sides_and_anchors_are_equal(
            old in proptest::collection::vec(0u32..40, 0..400),
            new in proptest::collection::vec(0u32..40, 0..400),
        ) {
            let (old_tokens, new_tokens) = (keyed(&old), keyed(&new));
            let whole = |o, n| vec![Run::Change { old: o, new: n }];
            let runs = anchored_runs(&old_tokens, &new_tokens, whole);
            proptest::prop_assert!(tiles(&runs, old.len(), new.len()), "{:?}", runs);
            for run in &runs {
                if let Run::Equal { old: o, new: n } = run {
                    proptest::prop_assert_eq!(&old[o.clone()], &new[n.clone()]);
                }
            }
            proptest::prop_assert_eq!(runs, anchored_runs(&old_tokens, &new_tokens, whole));
        }
    }

    #[test]
    fn a_rewritten_long_text_is_one_change() {
        let mut interner = Interner::new();
        let (old_text, new_text) = (words(0, 5_000), words(10_000, 5_000));
        let (old, new) = (tokens(&old_text, &mut interner), tokens(&new_text, &mut interner));
        let runs = anchored_runs(&old, &new, |_, _| panic!("a gap this long is not word-diffed"));
        assert_eq!(runs, [Run::Change { old: 0..old.len(), new: 0..new.len() }]);
    }
}
