//! Finding and pairing: one linear pass over each scope, with an explicit stack.
//!
//! A scope is a section (its heading and its pieces) or the title block. A
//! `[` still open at the end of its scope, or a `]` with nothing open, is
//! unbalanced. Brackets inside [`InlineKind::Artefact`] inlines and inside
//! [`InlineKind::Struck`] text (an exported redline's deletions: no longer
//! text of the revision) are skipped; reference brackets
//! ([`super::exclude`]) are dropped after pairing.

use super::exclude;
use crate::model::{Bracket, Document, InlineKind, Piece};
use std::ops::Range;

/// Every negotiation bracket of `document`, balanced or not, in text order
/// (by the `[`, or by the `]` of an unopened one).
pub fn find_brackets(document: &Document) -> Vec<Bracket> {
    let mut found = Vec::new();
    for scope in scopes(&document.pieces) {
        pair_scope(document, scope, &mut found);
    }
    found.retain(|bracket| !is_reference(document, bracket));
    found.sort_by_key(start_of);
    found
}

/// Where a bracket starts: its `[`, or its `]` when it was never opened.
pub fn start_of(bracket: &Bracket) -> usize {
    bracket.open.or(bracket.close).unwrap_or_default()
}

/// Runs of consecutive pieces that share a section (the title block is one run).
fn scopes(pieces: &[Piece]) -> Vec<Range<usize>> {
    let mut scopes: Vec<Range<usize>> = Vec::new();
    for (index, piece) in pieces.iter().enumerate() {
        match scopes.last_mut() {
            Some(scope) if pieces[scope.start].section == piece.section => scope.end = index + 1,
            _ => scopes.push(index..index + 1),
        }
    }
    scopes
}

/// Pairs the brackets of one scope with a stack; never recurses.
fn pair_scope(document: &Document, scope: Range<usize>, found: &mut Vec<Bracket>) {
    let bytes = document.text.as_bytes();
    let mut open: Vec<(usize, usize)> = Vec::new();
    for piece in scope {
        for offset in bracket_offsets(document, piece) {
            if bytes[offset] == b'[' {
                open.push((offset, piece));
                continue;
            }
            let bracket = match open.pop() {
                Some((at, owner)) => paired(at, offset, open.len() + 1, owner),
                None => Bracket { open: None, close: Some(offset), depth: 1, piece },
            };
            found.push(bracket);
        }
    }
    for (level, (at, piece)) in open.into_iter().enumerate() {
        found.push(Bracket { open: Some(at), close: None, depth: level + 1, piece });
    }
}

fn paired(open: usize, close: usize, depth: usize, piece: usize) -> Bracket {
    Bracket { open: Some(open), close: Some(close), depth, piece }
}

/// Offsets of `[` and `]` in the piece's raw text, outside its artefacts and struck text.
fn bracket_offsets(document: &Document, piece: usize) -> impl Iterator<Item = usize> + '_ {
    let piece = &document.pieces[piece];
    let artefacts = skipped_ranges(piece);
    let raw = piece.raw.clone();
    let bytes = &document.text.as_bytes()[raw.clone()];
    bytes
        .iter()
        .enumerate()
        .filter(|(_, byte)| matches!(byte, b'[' | b']'))
        .map(move |(at, _)| raw.start + at)
        .filter(move |offset| !inside_any(&artefacts, *offset))
}

/// The ranges of a piece whose brackets are no negotiation brackets (its
/// artefacts and its struck text), sorted and merged where they overlap.
fn skipped_ranges(piece: &Piece) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = (piece.inlines.iter())
        .filter(|inline| matches!(inline.kind, InlineKind::Artefact | InlineKind::Struck))
        .map(|inline| inline.range.clone())
        .collect();
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// `true` when `offset` lies in one of `ranges` (sorted, disjoint).
fn inside_any(ranges: &[Range<usize>], offset: usize) -> bool {
    let after = ranges.partition_point(|range| range.start <= offset);
    after > 0 && ranges[after - 1].contains(&offset)
}

fn is_reference(document: &Document, bracket: &Bracket) -> bool {
    match (bracket.open, bracket.close) {
        (Some(open), Some(close)) => exclude::is_reference(&document.text[open + 1..close]),
        _ => false,
    }
}
