//! The state of piece matching: what the aligner knows of each piece, and
//! which pieces are taken by which.

use super::similarity::Bag;
use crate::model::PieceKind;

/// What the aligner knows of one piece.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Title, heading, provision ...: only pieces of one kind pair.
    pub kind: PieceKind,
    /// The id of its comparison key, shared by both sides: equal ids, equal texts.
    pub id: u32,
    /// Its words, filled only for pieces left after the exact matches.
    pub bag: Bag,
    /// The gap between exact anchors it stands in (numbered in both texts alike).
    pub gap: usize,
    /// It has a label (`a)`, `1`, `3.`): a provision rewritten in place keeps
    /// or lacks one on both sides.
    pub labelled: bool,
}

/// The matching under way: which old piece each new piece is, and back.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// For each old piece, the new piece it is matched to.
    pub old_taken: Vec<Option<usize>>,
    /// For each new piece, the old piece it is matched to.
    pub new_taken: Vec<Option<usize>>,
}

impl Matcher {
    /// Nothing matched yet.
    pub fn new(old_len: usize, new_len: usize) -> Self {
        Matcher { old_taken: vec![None; old_len], new_taken: vec![None; new_len] }
    }

    /// Matches old piece `old` to new piece `new`.
    pub fn pair(&mut self, old: usize, new: usize) {
        self.old_taken[old] = Some(new);
        self.new_taken[new] = Some(old);
    }

    /// `true` when neither piece is matched yet.
    pub fn both_free(&self, old: usize, new: usize) -> bool {
        self.old_taken[old].is_none() && self.new_taken[new].is_none()
    }

    /// The old pieces not matched yet, in order.
    pub fn old_left(&self) -> Vec<usize> {
        (0..self.old_taken.len()).filter(|&i| self.old_taken[i].is_none()).collect()
    }

    /// The new pieces not matched yet, in order.
    pub fn new_left(&self) -> Vec<usize> {
        (0..self.new_taken.len()).filter(|&i| self.new_taken[i].is_none()).collect()
    }
}
