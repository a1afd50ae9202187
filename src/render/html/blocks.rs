//! Entries to page blocks: anchors, action marks, move links and the link to
//! the next change. Plain functions over the redline; the template only prints.
//!
//! # Invariants
//! - Every changed entry shown (move stubs included) has an anchor
//!   `change-N`, numbered in reading order from 1, and every one but the last
//!   links to the next.
//! - A moved entry and its stub link to each other when both are shown.

use super::fragment::{Column, Fragment, fragments};
use crate::model::{Action, Entry, EntryKind};
use crate::render::list_marker;
use crate::render::markers::action_words;
use crate::render::view::is_change;
use std::collections::HashMap;

/// The mark in the margin of an entry: an ITU action, or the words for an
/// unchanged text that was renumbered or moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// `MOD`, `ADD`, `SUP`, `NOC`, `renumbered`, `moved`, `moved, renumbered`.
    pub text: &'static str,
    /// `action` (boxed: the text changed) or `action quiet` (it did not).
    pub class: &'static str,
}

impl Mark {
    /// The mark of `entry`, shown as a change or not; `NOC` only with `show_noc`.
    pub fn of(entry: &Entry, change: bool, show_noc: bool) -> Option<Mark> {
        if entry.kind == EntryKind::MoveStub {
            return None;
        }
        Mark::new(entry.action, entry.moved, entry.renumbered, change, show_noc)
    }

    /// The mark of a piece with `action`, moved or renumbered, shown as a
    /// change or not; `NOC` only with `show_noc`.
    pub fn new(
        action: Action,
        moved: bool,
        renumbered: bool,
        change: bool,
        show_noc: bool,
    ) -> Option<Mark> {
        let quiet = |text| Some(Mark { text, class: "action quiet" });
        match action {
            Action::Noc if change => quiet(unchanged_words(moved, renumbered)),
            Action::Noc if show_noc => quiet("NOC"),
            Action::Noc => None,
            action => Some(Mark { text: action.as_str(), class: "action" }),
        }
    }
}

/// What happened to a provision whose text did not change.
fn unchanged_words(moved: bool, renumbered: bool) -> &'static str {
    match (moved, renumbered) {
        (true, true) => "moved, renumbered",
        (true, false) => "moved",
        (false, true) => "renumbered",
        (false, false) => "NOC",
    }
}

/// A link within the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// `#change-N`.
    pub href: String,
    /// What the link says.
    pub text: String,
}

/// One entry of the page, in the full, changes and clean views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Anchor of a change, `change-N`.
    pub id: Option<String>,
    /// Class names: kind, level, action.
    pub class: String,
    /// The mark in the margin (`MOD`, `ADD`, `SUP`, `renumbered` ...).
    pub mark: Option<Mark>,
    /// The moved entry's link to its old place (in the margin).
    pub note: Option<Link>,
    /// The link to the other half of a split or a merge (in the margin).
    pub half: Option<Link>,
    /// The stub's link to the moved entry's new place (in the text column).
    pub stub_link: Option<Link>,
    /// Anchor of the next change.
    pub next: Option<String>,
    /// The text.
    pub fragments: Vec<Fragment>,
}

/// One row of the side-by-side view: the old text left, the new text right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The entry's block, with the new side's fragments.
    pub block: Block,
    /// The old side's fragments.
    pub old: Vec<Fragment>,
}

/// Anchors and move targets of the entries shown.
struct Anchors {
    /// The change number of each entry shown, if it is a change.
    numbers: Vec<Option<usize>>,
    /// Change number and index of the stub (`true`) or the moved entry
    /// (`false`) of each move id, and where the moved entry stands.
    moves: HashMap<(usize, bool), (usize, usize, String)>,
    /// Change number and index of each half of a split or merge, by link id and half.
    halves: HashMap<(usize, Half), (usize, usize)>,
}

/// One half of a split or a merge (see [`crate::model::Links`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Half {
    SplitFrom,
    SplitInto,
    MergedInto,
    MergedFrom,
}

impl Half {
    /// The entry's half and link id, if it is one.
    fn of(entry: &Entry) -> Option<(Half, usize)> {
        let links = &entry.links;
        let halves = [
            (Half::SplitFrom, links.split_from),
            (Half::SplitInto, links.split_into),
            (Half::MergedInto, links.merged_into),
            (Half::MergedFrom, links.merged_from),
        ];
        halves.into_iter().find_map(|(half, id)| Some((half, id?)))
    }

    /// The other half of the same link.
    fn other(self) -> Half {
        match self {
            Half::SplitFrom => Half::SplitInto,
            Half::SplitInto => Half::SplitFrom,
            Half::MergedInto => Half::MergedFrom,
            Half::MergedFrom => Half::MergedInto,
        }
    }

    /// What the link to the other half says.
    fn words(self, arrow: &str) -> String {
        match self {
            Half::SplitFrom => format!("split from {arrow}"),
            Half::SplitInto => format!("split, rest {arrow}"),
            Half::MergedInto => format!("merged into {arrow}"),
            Half::MergedFrom => format!("merged with {arrow}"),
        }
    }
}

impl Anchors {
    fn new(entries: &[&Entry], marks: bool) -> Self {
        let mut numbers = Vec::with_capacity(entries.len());
        let mut moves = HashMap::new();
        let mut halves = HashMap::new();
        let mut count = 0;
        for (index, entry) in entries.iter().enumerate() {
            let change = marks && is_change(entry);
            count += usize::from(change);
            numbers.push(change.then_some(count));
            if let Some(id) = entry.move_id.filter(|_| change) {
                let place = location(entry);
                moves.insert((id, entry.kind == EntryKind::MoveStub), (count, index, place));
            }
            if let Some((half, id)) = Half::of(entry).filter(|_| change) {
                halves.insert((id, half), (count, index));
            }
        }
        Anchors { numbers, moves, halves }
    }

    /// The link from entry `index` to the other half of its split or merge.
    fn half_link(&self, index: usize, entry: &Entry) -> Option<Link> {
        let (half, id) = Half::of(entry)?;
        let (number, other) = self.halves.get(&(id, half.other()))?;
        let arrow = if *other > index { "↓" } else { "↑" };
        Some(Link { href: format!("#{}", anchor(*number)), text: half.words(arrow) })
    }

    fn next_after(&self, index: usize) -> Option<String> {
        self.numbers[index + 1..].iter().flatten().next().map(|n| anchor(*n))
    }

    /// The link from entry `index` to its move counterpart.
    fn move_link(&self, index: usize, entry: &Entry) -> Option<Link> {
        let stub = entry.kind == EntryKind::MoveStub;
        let (number, other, place) = self.moves.get(&(entry.move_id?, !stub))?;
        let arrow = if *other > index { "↓" } else { "↑" };
        let text = match stub {
            true if place.is_empty() => format!("moved to its new place {arrow}"),
            true => format!("moved to {place} {arrow}"),
            false => format!("moved from {arrow}"),
        };
        let number = *number;
        Some(Link { href: format!("#{}", anchor(number)), text })
    }
}

/// The anchor of change `number`.
pub fn anchor(number: usize) -> String {
    format!("change-{number}")
}

/// The blocks of `entries`, seen from `side`; unless the side is clean,
/// changes get anchors and marks (and unchanged entries `NOC` with `show_noc`).
pub fn blocks(entries: &[&Entry], side: Column, show_noc: bool) -> Vec<Block> {
    let marks = side != Column::Clean;
    let anchors = Anchors::new(entries, marks);
    let show_noc = show_noc && marks;
    let block = |(index, entry)| block(&anchors, index, entry, side, show_noc);
    entries.iter().copied().enumerate().map(block).collect()
}

/// The side-by-side rows of `entries`.
pub fn rows(entries: &[&Entry], show_noc: bool) -> Vec<Row> {
    let anchors = Anchors::new(entries, true);
    let row = |(index, entry): (usize, &&Entry)| Row {
        block: block(&anchors, index, entry, Column::New, show_noc),
        old: fragments(&shown_spans(entry), Column::Old),
    };
    entries.iter().enumerate().map(row).collect()
}

fn block(anchors: &Anchors, index: usize, entry: &Entry, side: Column, show_noc: bool) -> Block {
    let number = anchors.numbers[index];
    let mark = Mark::of(entry, number.is_some(), show_noc);
    let link = number.and_then(|_| anchors.move_link(index, entry));
    let (stub_link, note) = match entry.kind {
        EntryKind::MoveStub => (link, None),
        _ => (None, link),
    };
    let half = number.and_then(|_| anchors.half_link(index, entry));
    Block {
        id: number.map(anchor),
        class: classes(entry, number.is_some()),
        mark,
        note,
        half,
        stub_link,
        next: number.and_then(|_| anchors.next_after(index)),
        fragments: fragments(&shown_spans(entry), side),
    }
}

/// The entry's spans as a page shows them: without a list marker before the label.
fn shown_spans(entry: &Entry) -> std::borrow::Cow<'_, [crate::model::Span]> {
    list_marker::strip(&entry.spans, [entry.old_label.as_deref(), entry.new_label.as_deref()])
}

fn classes(entry: &Entry, change: bool) -> String {
    let kind = match entry.kind {
        EntryKind::Title => "title",
        EntryKind::Heading if entry.level > 1 => "subheading",
        EntryKind::Heading => "heading",
        EntryKind::Provision => "provision",
        EntryKind::MoveStub => "stub",
    };
    let level = entry.level.clamp(1, 4);
    let action = entry.action.as_str().to_ascii_lowercase();
    let change = if change { " change" } else { "" };
    format!("{kind} level-{level} act-{action}{change}")
}

/// A line describing a change for the summary's list: action, section and label.
pub fn describe(entry: &Entry) -> String {
    let action = match (entry.kind, entry.action) {
        (EntryKind::MoveStub, _) => "moved from here".to_string(),
        (_, Action::Noc) => unchanged_words(entry.moved, entry.renumbered).to_string(),
        (_, action) => action_words(action.as_str(), entry.moved, entry.renumbered),
    };
    let section = entry.section.as_deref().unwrap_or(match entry.kind {
        EntryKind::Title => "title",
        _ => "",
    });
    join_parts(&[action.as_str(), section, label_of(entry)])
}

/// Where an entry stands: its section and label (`resolves · 4`).
fn location(entry: &Entry) -> String {
    join_parts(&[entry.section.as_deref().unwrap_or_default(), label_of(entry)])
}

fn label_of(entry: &Entry) -> &str {
    entry.new_label.as_deref().or(entry.old_label.as_deref()).unwrap_or_default()
}

fn join_parts(parts: &[&str]) -> String {
    parts.iter().filter(|part| !part.is_empty()).copied().collect::<Vec<_>>().join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn check(entries: &[Entry], expected: &[&str]) {
        let shown: Vec<&Entry> = entries.iter().collect();
        let actual: Vec<String> = blocks(&shown, Column::Both, false)
            .iter()
            .map(|b| {
                let opt = |value: &Option<String>| value.clone().unwrap_or("-".into());
                let link = b.note.as_ref().or(b.stub_link.as_ref());
                let note = link.map_or("-".into(), |l| format!("{}>{}", l.text, l.href));
                let mark = b.mark.as_ref().map_or("-", |mark| mark.text);
                format!("{} {} {mark} {note} {}", opt(&b.id), b.class, opt(&b.next))
            })
            .collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn changes_are_numbered_and_linked_in_order() {
        let entries = [
            heading("recalling\n"),
            modified(vec![eq("a) "), del("x"), ins("y")]),
            unchanged("b) same\n"),
            added("c) new\n"),
        ];
        check(
            &entries,
            &[
                "- heading level-1 act-noc - - -",
                "change-1 provision level-1 act-mod change MOD - change-2",
                "- provision level-1 act-noc - - -",
                "change-2 provision level-1 act-add change ADD - -",
            ],
        );
    }

    #[test]
    fn moved_entry_and_stub_link_to_each_other() {
        let entries =
            [stub(7), unchanged("b)\n"), labelled(moved(7, vec![eq("a)\n")]), None, Some("a)"))];
        check(
            &entries,
            &[
                "change-1 stub level-1 act-noc change - moved to a) ↓>#change-2 change-2",
                "- provision level-1 act-noc - - -",
                "change-2 provision level-1 act-noc change moved moved from ↑>#change-1 -",
            ],
        );
    }

    #[test]
    fn renumbered_text_is_named_so_and_noc_is_shown_only_when_asked() {
        let relabelled = renumbered(vec![label_del("c)"), label_ins("b)"), eq(" same\n")]);
        let entries = [relabelled, unchanged("d) same\n"), stub(3)];
        let shown: Vec<&Entry> = entries.iter().collect();
        let marks = |show_noc| -> Vec<Option<(&str, &str)>> {
            let blocks = blocks(&shown, Column::Both, show_noc);
            blocks.iter().map(|b| b.mark.as_ref().map(|m| (m.text, m.class))).collect()
        };
        let renumbered = Some(("renumbered", "action quiet"));
        assert_eq!(marks(false), [renumbered, None, None]);
        assert_eq!(marks(true), [renumbered, Some(("NOC", "action quiet")), None]);
        assert_eq!(describe(&entries[0]), "renumbered");
        let clean = blocks(&shown, Column::Clean, true);
        assert!(clean.iter().all(|b| b.mark.is_none()), "no marks on the clean text");
    }

    #[test]
    fn description_names_action_section_and_label() {
        let entry = labelled(in_section(added("d) x"), "considering"), None, Some("d)"));
        assert_eq!(describe(&entry), "ADD · considering · d)");
        assert_eq!(describe(&stub(1)), "moved from here");
    }
}
