//! How alike two units are: the Dice coefficient of their words (a multiset).

use crate::doc::Unit;
use crate::norm::{fold, word_ranges};

/// Similarity (Dice coefficient of words) from which two provisions could be one.
pub const APART: f64 = 0.4;
/// The lower-case words of a unit, sorted (a multiset).
pub fn bag(unit: &Unit) -> Vec<String> {
    let mut words = Vec::new();
    for tok in unit.text_toks() {
        let text = fold(&tok.text).to_lowercase();
        words.extend(word_ranges(&text).into_iter().map(|r| text[r].to_string()));
    }
    words.sort();
    words
}

/// The Dice coefficient of two units' words.
pub fn dice(a: &Unit, b: &Unit) -> f64 {
    bag_dice(&bag(a), &bag(b))
}

/// The Dice coefficient of two sorted bags of words; 0 when either is empty.
pub fn bag_dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}
