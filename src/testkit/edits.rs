//! Random revisions for property tests: edits of a list of provisions (tests only).

use proptest::prelude::*;

/// One edit of a list of provision texts; indices wrap around the list.
#[derive(Debug, Clone)]
pub enum Edit {
    /// A new provision at this place.
    Insert(usize, String),
    /// The provision at this place removed.
    Delete(usize),
    /// Words added to the provision at this place.
    Reword(usize, String),
    /// The provision at the first place moved to the second.
    Move(usize, usize),
    /// The first space of the provision at this place made a line break.
    Reflow(usize),
}

/// Any edit, with new text from `sentence()`; `Reflow` only when `reflow`.
pub fn edit<S>(sentence: fn() -> S, reflow: bool) -> BoxedStrategy<Edit>
where
    S: Strategy<Value = String> + 'static,
{
    let edits = prop_oneof![
        (any::<usize>(), sentence()).prop_map(|(i, s)| Edit::Insert(i, s)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), sentence()).prop_map(|(i, s)| Edit::Reword(i, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
    ];
    if reflow {
        prop_oneof![4 => edits, 1 => any::<usize>().prop_map(Edit::Reflow)].boxed()
    } else {
        edits.boxed()
    }
}

/// The list after the edits, in order.
pub fn apply(items: &[String], edits: &[Edit]) -> Vec<String> {
    let mut items = items.to_vec();
    for edit in edits {
        let len = items.len();
        match edit.clone() {
            Edit::Insert(at, text) => items.insert(at % (len + 1), text),
            Edit::Delete(at) if len > 0 => drop(items.remove(at % len)),
            Edit::Reword(at, text) if len > 0 => items[at % len].push_str(&format!(" {text}")),
            Edit::Move(from, to) if len > 0 => {
                let item = items.remove(from % len);
                items.insert(to % len, item);
            }
            Edit::Reflow(at) if len > 0 => items[at % len] = items[at % len].replacen(' ', "\n", 1),
            _ => {}
        }
    }
    items
}
