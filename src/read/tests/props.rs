//! Property: reading a plain rendering back gives exactly the old and the new text,
//! for random redlines whose texts are full of marker-like strings.

use crate::model::{Action, Entry, EntryKind, Op, Redline, Role, Span};
use crate::read::{Markup, read};
use crate::render::{Format, Markers, Options, render};
use crate::testkit::redline::{entry, stub};
use proptest::prelude::*;

/// `redline` written in a plain format.
fn rendered(redline: &Redline, format: Format, markers: Markers) -> String {
    render(redline, &Options { format, markers, ..Options::default() }).unwrap()
}

/// Fragments that look like markup in some notation, and ordinary text.
const FRAGMENTS: &[&str] = &[
    "~~",
    "++",
    "[-",
    "-]",
    "{+",
    "+}",
    "{--",
    "--}",
    "{++",
    "++}",
    "{~~",
    "~>",
    "~~}",
    "{>>",
    "<<}",
    "{==",
    "==}",
    "<<",
    ">>",
    "\\",
    "\n",
    "MOD",
    "MOD\n",
    "\nSUP\n",
    "ADD",
    " (moved)",
    "<<moved to #1>>",
    "~",
    "+",
    "-",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "=",
    "a",
    "b c",
    "é",
    "\u{a0}",
    " ",
    "\t",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..5).prop_map(|parts| parts.concat())
}

fn span() -> impl Strategy<Value = Span> {
    let op = prop::sample::select(vec![Op::Equal, Op::Delete, Op::Insert]);
    let role = prop::sample::select(vec![Role::Text, Role::Label, Role::Layout, Role::Typographic]);
    (op, role, text()).prop_map(|(op, role, text)| Span::new(op, text).with_role(role))
}

/// An entry, whether it is moved, and where its stub goes (as a fraction of the list).
fn entry_plan() -> impl Strategy<Value = (Entry, bool, usize)> {
    let kind =
        prop::sample::select(vec![EntryKind::Title, EntryKind::Heading, EntryKind::Provision]);
    (kind, prop::collection::vec(span(), 0..5), any::<bool>(), any::<bool>(), 0..100usize).prop_map(
        |(kind, spans, renumbered, moved, stub_at)| {
            let mut entry = entry(kind, spans);
            entry.renumbered |= renumbered;
            (entry, moved, stub_at)
        },
    )
}

fn redline() -> impl Strategy<Value = Redline> {
    (prop::collection::vec(span(), 0..3), prop::collection::vec(entry_plan(), 0..7)).prop_map(
        |(lead, plans)| {
            let mut entries: Vec<Entry> = Vec::new();
            let mut stubs = Vec::new();
            for (id, (mut entry, moved, stub_at)) in plans.into_iter().enumerate() {
                if moved {
                    entry.moved = true;
                    entry.move_id = Some(id + 1);
                    stubs.push((stub_at, id + 1));
                }
                entries.push(entry);
            }
            for (stub_at, id) in stubs {
                let at = stub_at * (entries.len() + 1) / 100;
                entries.insert(at, Entry { action: Action::Noc, ..stub(id) });
            }
            Redline { lead, entries, ..Redline::default() }
        },
    )
}

fn check_round_trip(
    redline: &Redline,
    rendered: &str,
    markup: Markup,
) -> Result<(), TestCaseError> {
    for markup in [markup, Markup::Auto] {
        let revisions = read(rendered, markup)
            .map_err(|problem| TestCaseError::fail(format!("{problem} in {rendered:?}")))?;
        prop_assert_eq!(&revisions.old, &redline.old_text(), "old of {:?}", rendered);
        prop_assert_eq!(&revisions.new, &redline.new_text(), "new of {:?}", rendered);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tilde_reads_back(redline in redline()) {
        check_round_trip(&redline, &rendered(&redline, Format::Text, Markers::Tilde), Markup::Text)?;
    }

    #[test]
    fn wdiff_reads_back(redline in redline()) {
        check_round_trip(&redline, &rendered(&redline, Format::Text, Markers::Wdiff), Markup::Wdiff)?;
    }

    #[test]
    fn critic_reads_back(redline in redline()) {
        check_round_trip(&redline, &rendered(&redline, Format::Critic, Markers::Tilde), Markup::Critic)?;
    }
}
