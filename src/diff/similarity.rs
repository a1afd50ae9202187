//! How alike two pieces are: the Dice coefficient of their bags of words.
//!
//! `2 × |common words| / (|old words| + |new words|)`, counting repeated words
//! as often as they occur. A pair at or above [`MOD_THRESHOLD`] is similar
//! enough to be shown as a modification with word changes; below it, the old
//! piece is suppressed and the new one added.

use std::cmp::Ordering;

/// Similarity from which two pieces are one modified piece (MOD) rather than
/// a suppressed one and an added one (SUP + ADD).
pub const MOD_THRESHOLD: f64 = 0.5;

/// A piece's words as sorted interned keys (a multiset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bag(Vec<u32>);

impl Bag {
    /// A bag from word keys in any order.
    pub fn new(mut words: Vec<u32>) -> Self {
        words.sort_unstable();
        Bag(words)
    }

    /// The distinct words of the bag, in key order.
    pub fn distinct(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.0.iter().copied().filter(move |&w| {
            let fresh = last != Some(w);
            last = Some(w);
            fresh
        })
    }

    /// Number of words, repeats included.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `true` for a piece without words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The Dice coefficient of two bags, in `0.0..=1.0`; 0 when either is empty.
pub fn dice(a: &Bag, b: &Bag) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * common(&a.0, &b.0) as f64 / (a.len() + b.len()) as f64
}

/// Size of the multiset intersection of two sorted lists.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_counts_repeats() {
        let a = Bag::new(vec![1, 2, 2, 3]);
        let b = Bag::new(vec![2, 2, 4, 5]);
        assert_eq!(dice(&a, &b), 0.5);
        assert_eq!(dice(&a, &a), 1.0);
        assert_eq!(dice(&a, &Bag::default()), 0.0);
    }

    #[test]
    fn distinct_words() {
        assert_eq!(Bag::new(vec![3, 1, 3]).distinct().collect::<Vec<_>>(), [1, 3]);
    }
}
