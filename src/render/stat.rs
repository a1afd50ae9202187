//! `--stat`: counts of actions per section, an aggregation of the entries.
//!
//! # Invariants
//! - The total row is the sum of the section rows, and counts what
//!   [`Summary::count`] counts (move stubs are not counted).

use crate::model::{Action, Entry, EntryKind, Redline, Summary};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;

/// The name of the rows of entries outside any section (the title block).
pub const NO_SECTION: &str = "(title block)";

/// The counts of one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionStat {
    /// The section heading, or [`NO_SECTION`].
    pub section: String,
    /// Counts of each action and flag.
    #[serde(flatten)]
    pub counts: Summary,
    /// Entries with `[bracketed]` text in the new revision (the old one for `SUP`).
    pub bracketed: usize,
}

/// Every section's counts and their total, as `--stat --format json` writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stat {
    /// One row per section, in reading order.
    pub sections: Vec<SectionStat>,
    /// The sum of the rows.
    pub total: SectionStat,
}

/// Counts the entries of `redline` per section, in order of first appearance.
pub fn stat(redline: &Redline) -> Stat {
    let mut sections: Vec<SectionStat> = Vec::new();
    let mut rows: HashMap<&str, usize> = HashMap::new();
    let mut total = empty("total");
    for entry in redline.entries.iter().filter(|e| e.kind != EntryKind::MoveStub) {
        let name = entry.section.as_deref().unwrap_or(NO_SECTION);
        let at = *rows.entry(name).or_insert_with(|| {
            sections.push(empty(name));
            sections.len() - 1
        });
        tally(&mut sections[at], entry);
        tally(&mut total, entry);
    }
    Stat { sections, total }
}

fn empty(name: &str) -> SectionStat {
    SectionStat { section: name.to_string(), counts: Summary::default(), bracketed: 0 }
}

fn tally(row: &mut SectionStat, entry: &Entry) {
    let counts = &mut row.counts;
    match entry.action {
        Action::Add => counts.add += 1,
        Action::Sup => counts.sup += 1,
        Action::Mod => counts.modified += 1,
        Action::Noc => counts.noc += 1,
    }
    counts.moved += usize::from(entry.moved);
    counts.renumbered += usize::from(entry.renumbered);
    row.bracketed += usize::from(has_brackets(entry));
}

/// `true` if the entry's text (new, or old for `SUP`) has bracketed spans.
pub fn has_brackets(entry: &Entry) -> bool {
    let sup = entry.action == Action::Sup;
    entry.spans.iter().any(|s| s.bracket_depth > 0 && if sup { s.in_old() } else { s.in_new() })
}

/// The column heads of the table, after the section name.
pub const COLUMNS: [&str; 7] = ["ADD", "SUP", "MOD", "NOC", "moved", "renumbered", "bracketed"];

impl SectionStat {
    /// The counts in the order of [`COLUMNS`].
    pub fn values(&self) -> [usize; 7] {
        let c = &self.counts;
        [c.add, c.sup, c.modified, c.noc, c.moved, c.renumbered, self.bracketed]
    }
}

/// The table as text: one row per section, then the total.
pub fn table(redline: &Redline) -> String {
    let stat = stat(redline);
    let names = stat.sections.iter().map(|row| row.section.chars().count());
    let width = names.chain([7]).max().unwrap_or(7).min(40);
    let mut out = format!("{:<width$}", "section");
    for column in COLUMNS {
        write!(out, "  {column:>w$}", w = column.len().max(3)).unwrap();
    }
    out.push('\n');
    for row in stat.sections.iter().chain([&stat.total]) {
        write!(out, "{:<width$}", clip(&row.section, width)).unwrap();
        for (column, value) in COLUMNS.iter().zip(row.values()) {
            write!(out, "  {value:>w$}", w = column.len().max(3)).unwrap();
        }
        out.push('\n');
    }
    out
}

/// `--stat --format json`: the table as JSON.
pub fn json(redline: &Redline) -> String {
    serde_json::to_string_pretty(&stat(redline)).expect("counts always serialise") + "\n"
}

/// The name cut to `width` characters, with `…` when cut.
fn clip(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        return name.to_string();
    }
    let kept: String = name.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn check(redline: &Redline, expected: &str) {
        assert_eq!(table(redline), expected);
    }

    #[test]
    fn rows_per_section_and_a_total() {
        let redline = doc(vec![
            modified(vec![eq("RESOLUTION "), del("1"), ins("2")]),
            heading("recalling"),
            in_section(added("a) x"), "recalling"),
            in_section(modified(vec![label_del("b)"), label_ins("c)"), eq(" y")]), "recalling"),
            in_section(modified(vec![bracketed(eq("[z]"), 1)]), "recalling"),
            stub(1),
            in_section(moved(1, vec![eq("w")]), "recalling"),
        ]);
        check(
            &redline,
            "section        ADD  SUP  MOD  NOC  moved  renumbered  bracketed\n\
             (title block)    0    0    1    0      0           0          0\n\
             recalling        1    0    0    4      1           1          1\n\
             total            1    0    1    4      1           1          1\n",
        );
    }

    #[test]
    fn total_agrees_with_the_summary() {
        let redline = doc(vec![added("a"), suppressed("b"), stub(1), moved(1, vec![eq("c")])]);
        assert_eq!(stat(&redline).total.counts, Summary::count(&redline.entries));
    }

    #[test]
    fn long_section_names_are_clipped() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn json_rows() {
        let json = json(&doc(vec![added("a")]));
        assert!(json.contains("\"section\": \"(title block)\""), "{json}");
        assert!(json.contains("\"ADD\": 1") && json.contains("\"bracketed\": 0"), "{json}");
    }
}
