//! Which entries a view shows: all of them, only the changes (with their
//! section headings), or the new text alone.

use crate::model::{Action, Entry, EntryKind, Redline, Role};
use crate::series::SeriesSpan;

/// What part of the redline to show (HTML and ANSI).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// Every entry, changes marked.
    #[default]
    Full,
    /// Only changed entries, each under its section heading.
    Changes,
    /// The new text without marks.
    Clean,
    /// Old and new in two columns, entry by entry (HTML only).
    SideBySide,
}

impl View {
    /// The name as `--view` spells it.
    pub fn name(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Changes => "changes",
            View::Clean => "clean",
            View::SideBySide => "side-by-side",
        }
    }
}

/// The entries `view` shows, in reading order.
pub fn select(redline: &Redline, view: View) -> Vec<&Entry> {
    match view {
        View::Full | View::SideBySide => redline.entries.iter().collect(),
        View::Clean => redline.entries.iter().filter(|e| in_new_text(e)).collect(),
        View::Changes => changes_with_headings(&redline.entries),
    }
}

/// `true` for an entry that is marked as a change (move stubs included).
pub fn is_change(entry: &Entry) -> bool {
    entry.kind == EntryKind::MoveStub || entry.is_changed()
}

fn in_new_text(entry: &Entry) -> bool {
    entry.kind != EntryKind::MoveStub && entry.action != Action::Sup
}

/// Changed entries, each preceded by the headings above it not shown yet.
fn changes_with_headings(entries: &[Entry]) -> Vec<&Entry> {
    let mut shown = Vec::new();
    let mut headings: Vec<&Entry> = Vec::new();
    for entry in entries {
        if entry.kind == EntryKind::Heading {
            headings.retain(|heading| heading.level < entry.level);
        }
        if is_change(entry) {
            shown.append(&mut headings);
            shown.push(entry);
        } else if entry.kind == EntryKind::Heading {
            headings.push(entry);
        }
    }
    shown
}

/// The spans of a series a reader sees: layout and typographic spans only
/// where they stand in the latest revision, and then without marks (they are
/// not changes).
pub fn display_spans(spans: &[SeriesSpan]) -> Vec<SeriesSpan> {
    let shown = spans.iter().filter(|span| !is_layout(span) || span.is_alive());
    shown
        .map(|span| {
            let mut span = span.clone();
            if is_layout(&span) {
                span.inserted_in = None;
            }
            span
        })
        .collect()
}

fn is_layout(span: &SeriesSpan) -> bool {
    matches!(span.role, Role::Layout | Role::Typographic)
}

/// `c) → h) → g)` when a provision's label changed through a series (the
/// series page and the series text); empty when it never did.
pub fn label_trail(history: &crate::series::History) -> String {
    let mut trail: Vec<&str> = Vec::new();
    for at in &history.labels {
        let label = at.label.as_deref().unwrap_or("–");
        if trail.last() != Some(&label) {
            trail.push(label);
        }
    }
    if trail.len() > 1 { trail.join(" → ") } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn check(entries: Vec<Entry>, view: View, expected: &[&str]) {
        let redline = doc(entries);
        let shown: Vec<String> = select(&redline, view).iter().map(|e| e.new_text()).collect();
        assert_eq!(shown, expected);
    }

    #[test]
    fn changes_come_under_their_headings() {
        let entries = vec![
            heading("recalling"),
            unchanged("a"),
            heading("considering"),
            unchanged("b"),
            added("c"),
            added("d"),
            heading("resolves"),
            unchanged("e"),
        ];
        check(entries, View::Changes, &["considering", "c", "d"]);
    }

    #[test]
    fn sub_heading_shown_with_its_section_heading() {
        let mut sub = heading("Internet governance");
        sub.level = 2;
        let entries = vec![heading("Recalling"), sub, added("x")];
        check(entries, View::Changes, &["Recalling", "Internet governance", "x"]);
    }

    #[test]
    fn clean_drops_suppressed_entries_and_stubs() {
        let entries = vec![unchanged("a"), suppressed("b"), stub(1), moved(1, vec![eq("c")])];
        check(entries, View::Clean, &["a", "c"]);
    }
}
