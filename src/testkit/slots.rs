//! Revisions written as slots, and the redlines an aligner that never moves
//! would write between them: for composition tests that hold whatever the
//! real aligner does.
//!
//! `slots[i]` is the text of piece `i`, or `None` where the revision lacks it.

use crate::model::{Action, Entry, EntryKind, Header, Op, Redline, Revision, Span};
use crate::series::{Series, compose};

/// A revision: the text of each slot, or `None`.
pub type Slots = Vec<Option<String>>;

/// Slots from borrowed texts.
pub fn slots(items: &[Option<&str>]) -> Slots {
    items.iter().map(|item| item.map(str::to_string)).collect()
}

/// The text of a revision: its pieces' raw texts in slot order.
pub fn revision_text(revision: &Slots) -> String {
    revision.iter().flatten().map(|text| format!("{text}\n")).collect()
}

/// Piece index of each slot in a revision.
fn piece_indices(revision: &Slots) -> Vec<Option<usize>> {
    let mut next = 0;
    revision
        .iter()
        .map(|slot| {
            slot.as_ref().map(|_| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

fn char_spans(old: &str, new: &str) -> Vec<Span> {
    let diff = similar::TextDiff::from_chars(old, new);
    let op = |tag| match tag {
        similar::ChangeTag::Equal => Op::Equal,
        similar::ChangeTag::Delete => Op::Delete,
        similar::ChangeTag::Insert => Op::Insert,
    };
    diff.iter_all_changes().map(|change| Span::new(op(change.tag()), change.value())).collect()
}

/// A provision entry of `spans`, its action from the pieces and the spans.
pub fn entry(old_piece: Option<usize>, new_piece: Option<usize>, spans: Vec<Span>) -> Entry {
    let changed = spans.iter().any(|span| span.op != Op::Equal);
    let action = match (old_piece, new_piece) {
        (None, _) => Action::Add,
        (_, None) => Action::Sup,
        _ if changed => Action::Mod,
        _ => Action::Noc,
    };
    Entry {
        kind: EntryKind::Provision,
        action,
        level: 1,
        section: None,
        section_kind: None,
        old_label: old_piece.map(|piece| format!("{piece})")),
        new_label: new_piece.map(|piece| format!("{piece})")),
        moved: false,
        renumbered: false,
        typographic: false,
        layout: false,
        move_id: None,
        links: Default::default(),
        old_piece,
        new_piece,
        old_lines: None,
        new_lines: None,
        spans,
    }
}

/// The redline of two slot revisions, as an aligner that never moves would write it.
pub fn step(old: &Slots, new: &Slots) -> Redline {
    let (old_pieces, new_pieces) = (piece_indices(old), piece_indices(new));
    let mut entries = Vec::new();
    for slot in 0..old.len().max(new.len()) {
        let old_text = old.get(slot).cloned().flatten().map(|t| t + "\n").unwrap_or_default();
        let new_text = new.get(slot).cloned().flatten().map(|t| t + "\n").unwrap_or_default();
        let (old_piece, new_piece) =
            (old_pieces.get(slot).copied().flatten(), new_pieces.get(slot).copied().flatten());
        if old_piece.is_some() || new_piece.is_some() {
            entries.push(entry(old_piece, new_piece, char_spans(&old_text, &new_text)));
        }
    }
    Redline { entries, ..Redline::default() }
}

/// A small series built from slots, with a header, for the rendering snapshots.
pub fn small_series() -> Series {
    let revisions = [
        slots(&[Some("a) one <b> & \"two\""), Some("b) gone"), None]),
        slots(&[Some("a) one <b> & \"three\""), None, Some("c) added")]),
        slots(&[Some("a) one & \"three\""), None, Some("b) added, then edited")]),
    ];
    let steps: Vec<Redline> = revisions.windows(2).map(|pair| step(&pair[0], &pair[1])).collect();
    let cumulative = compose(&steps, 1);
    let labels = ["First (constructed)", "Second", "Third"];
    let revisions =
        (1..).zip(labels).map(|(n, label)| Revision::new(n, label, format!("r{n}.txt"), "UTF-8"));
    let header = Header {
        doc_number: Some("TEST/1".into()),
        proposal: Some("MOD TEST/1/1".into()),
        ..Header::default()
    };
    Series { header, revisions: revisions.collect(), steps, cumulative }
}
