//! Splits and merges: the halves of a provision split in two, and two
//! provisions merged into one, linked (see [`Links`]).
//!
//! The aligner pairs the first half of a split with the old provision (`MOD`,
//! its tail struck) and shows the second half as new (`ADD`); a merge is the
//! survivor `MOD` (the other's words inserted) and the other `SUP`. This pass
//! only recognises the halves, next to each other in reading order: a
//! modified provision whose struck words mostly make its added neighbour, or
//! whose inserted words mostly come from its suppressed neighbour.
//!
//! # Invariants
//! - Links are pairs: each id is on exactly two entries, one of each kind.
//! - Nothing but the links changes: actions and spans stay as the aligner made them.

use crate::model::{Action, Entry, EntryKind, Links, Op, Role};
use std::collections::HashMap;

/// Share of a modified provision's struck (or inserted) words that must be
/// words of its added (or suppressed) neighbour.
pub const HALF_SHARE: f64 = 0.6;
/// Fewest words the halves must share: a word or two in common prove nothing.
pub const HALF_WORDS: usize = 3;

/// Links the splits and merges of `entries` (in reading order), numbering them from 1.
pub fn link_splits_and_merges(entries: &mut [Entry]) {
    let mut next_id = 1;
    for index in 0..entries.len() {
        if entries[index].action != Action::Mod || entries[index].links.any() {
            continue;
        }
        for neighbour in [index + 1, index.wrapping_sub(1)] {
            let Some(other) = entries.get(neighbour) else { continue };
            if other.links.any() || other.kind != entries[index].kind {
                continue;
            }
            let kind = match other.action {
                Action::Add if is_half(other, &entries[index], Op::Delete) => Half::Split,
                Action::Sup if is_half(other, &entries[index], Op::Insert) => Half::Merge,
                _ => continue,
            };
            link(entries, index, neighbour, kind, next_id);
            next_id += 1;
            break;
        }
    }
}

/// Which kind of link joins a modified entry and its neighbour.
#[derive(Debug, Clone, Copy)]
enum Half {
    /// The neighbour was split from it.
    Split,
    /// The neighbour was merged into it.
    Merge,
}

fn link(entries: &mut [Entry], modified: usize, other: usize, half: Half, id: usize) {
    match half {
        Half::Split => {
            entries[modified].links = Links { split_into: Some(id), ..Links::default() };
            entries[other].links = Links { split_from: Some(id), ..Links::default() };
        }
        Half::Merge => {
            entries[modified].links = Links { merged_from: Some(id), ..Links::default() };
            entries[other].links = Links { merged_into: Some(id), ..Links::default() };
        }
    }
}

/// `true` when most of the words `whole` changed with `op` (struck for a
/// split, inserted for a merge) are words of `half`: they went there, or
/// came from there.
fn is_half(half: &Entry, whole: &Entry, op: Op) -> bool {
    let words = |entry: &Entry, op: Op| -> Vec<String> {
        let text = (entry.spans.iter())
            .filter(|span| span.op == op && span.role == Role::Text)
            .map(|span| span.text.as_str());
        text.flat_map(words_of).collect()
    };
    let own_op = if half.action == Action::Add { Op::Insert } else { Op::Delete };
    let changed = words(whole, op);
    if half.kind == EntryKind::MoveStub || changed.len() < HALF_WORDS {
        return false;
    }
    let mut available: HashMap<String, usize> = HashMap::new();
    for word in words(half, own_op) {
        *available.entry(word).or_default() += 1;
    }
    let mut take = |word: &String| match available.get_mut(word) {
        Some(count) if *count > 0 => {
            *count -= 1;
            true
        }
        _ => false,
    };
    let shared = changed.iter().filter(|word| take(word)).count();
    shared >= HALF_WORDS && shared as f64 >= HALF_SHARE * changed.len() as f64
}

/// The words of `text`, lower-cased: runs of letters and digits.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn links(entries: &mut [Entry]) -> Vec<Links> {
        link_splits_and_merges(entries);
        entries.iter().map(|entry| entry.links).collect()
    }

    #[test]
    fn the_struck_tail_that_makes_the_next_provision_is_a_split() {
        let mut entries = [
            modified(vec![eq("1 to act"), del(", as stated in the Tunis Agenda"), eq(";\n")]),
            added("2 as stated in the Tunis Agenda;\n"),
        ];
        let found = links(&mut entries);
        assert_eq!(found[0], Links { split_into: Some(1), ..Links::default() });
        assert_eq!(found[1], Links { split_from: Some(1), ..Links::default() });
    }

    #[test]
    fn words_inserted_from_the_suppressed_neighbour_are_a_merge() {
        let mut entries = [
            modified(vec![
                eq("a) Resolution 73 "),
                ins("and Resolution 113 (Marrakesh) "),
                eq("of;"),
            ]),
            suppressed("b) Resolution 113 (Marrakesh) of the Conference;\n"),
        ];
        let found = links(&mut entries);
        assert_eq!(found[0].merged_from, Some(1));
        assert_eq!(found[1].merged_into, Some(1));
    }

    #[test]
    fn a_word_or_two_in_common_is_no_link() {
        let mut entries = [
            modified(vec![eq("a) to act "), del("in the"), eq(";")]),
            added("b) in the end something else entirely;\n"),
        ];
        assert!(links(&mut entries).iter().all(|links| !links.any()));
    }
}
