//! Property tests of the aligner: random revisions of random documents.

use super::*;
use crate::model::EntryKind;
use crate::testkit::doc::doc;
use crate::testkit::edits::{apply, edit};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "of",
    "ITU",
    "role",
    "WSIS",
    "2010",
    "2014",
    "[not",
    "decided]",
    "Member",
    "States",
    "\u{201C}quoted\u{201D}",
    "ITU\u{2019}s",
    "High\u{2011}Level",
    "2003\u{2013}2005",
    "§",
    "⁴",
    "**bold**",
    "*italic*",
    "~~struck~~",
    "[[a]",
    "b]",
    "]",
    "[",
    "resolves",
    "a)",
    "-",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| w.join(" "))
}

/// Provisions as (label, text) pairs.
fn provisions() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(sentence(), 0..12)
}

fn render(items: &[String]) -> String {
    let mut text = String::from("TITLE LINE\n\nrecalling\n\n");
    for (index, item) in items.iter().enumerate() {
        let label = char::from(b'a' + (index % 26) as u8);
        text.push_str(&format!("{label}) {item}\n\n"));
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn accept_and_reject_give_the_texts_back(items in provisions(), edits in prop::collection::vec(edit(sentence, true), 0..6), strict in any::<bool>()) {
        let (old, new) = (doc(&render(&items)), doc(&render(&apply(&items, &edits))));
        let redline = diff(&old, &new, &DiffOptions { strict });
        prop_assert_eq!(redline.old_text(), old.text.clone());
        prop_assert_eq!(redline.new_text(), new.text.clone());
    }

    #[test]
    fn every_piece_appears_once_and_output_is_deterministic(items in provisions(), edits in prop::collection::vec(edit(sentence, true), 0..6)) {
        let (old, new) = (doc(&render(&items)), doc(&render(&apply(&items, &edits))));
        let redline = diff(&old, &new, &DiffOptions::default());
        let mut old_seen = vec![0; old.pieces.len()];
        let mut new_seen = vec![0; new.pieces.len()];
        for entry in &redline.entries {
            if entry.kind == EntryKind::MoveStub {
                continue;
            }
            if let Some(i) = entry.old_piece {
                old_seen[i] += 1;
            }
            if let Some(i) = entry.new_piece {
                new_seen[i] += 1;
            }
        }
        prop_assert!(old_seen.iter().all(|&n| n == 1));
        prop_assert!(new_seen.iter().all(|&n| n == 1));
        let again = diff(&old, &new, &DiffOptions::default());
        prop_assert_eq!(serde_json::to_string(&redline).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn relabelling_alone_is_never_a_text_change(items in provisions(), at in any::<usize>(), extra in sentence()) {
        let mut edited = items.clone();
        edited.insert(at % (items.len() + 1), format!("{extra} unique-inserted-marker"));
        let redline = diff(&doc(&render(&items)), &doc(&render(&edited)), &DiffOptions::default());
        for entry in redline.entries.iter().filter(|e| e.renumbered && !e.moved) {
            prop_assert!(entry.spans.iter().all(|s| s.op == crate::model::Op::Equal || s.role != crate::model::Role::Text),
                "renumbered entry has text changes: {:?}", entry.spans);
        }
    }
}
