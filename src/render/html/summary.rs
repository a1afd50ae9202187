//! The summary at the top of the page: counts per action and per section, and
//! a link to each change.

use super::blocks::{Link, anchor, describe};
use crate::model::{BracketState, Side, TrackedBracket};
use crate::model::{Entry, Redline};
use crate::render::stat::{COLUMNS, stat};
use crate::render::view::is_change;
use std::collections::HashMap;

/// One row of the summary table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The section heading, `(title block)` or `total`.
    pub name: String,
    /// Counts in the order of [`COLUMNS`].
    pub values: Vec<usize>,
}

/// The summary table and the list of changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryData<'a> {
    /// Column heads after the section name.
    pub columns: Vec<&'static str>,
    /// One row per section.
    pub rows: Vec<SummaryRow>,
    /// The total row.
    pub total: SummaryRow,
    /// A link to each change shown, in reading order.
    pub changes: Vec<Link>,
    /// Bracketed spans counted by their state since the old revision.
    pub bracket_counts: Vec<(&'static str, usize)>,
    /// Every tracked bracket, in reading order.
    pub brackets: Vec<BracketRow<'a>>,
}

/// One bracketed span in the summary's bracket table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BracketRow<'a> {
    /// `agreed`, `new`, `changed` ...
    pub state: &'static str,
    /// Section and label of the `[` (in the revision the state speaks of).
    pub place: String,
    /// The text between the brackets (borrowed: a page can hold thousands).
    pub text: &'a str,
    /// A link to the change holding it, when it is shown as one.
    pub href: Option<String>,
}

/// The summary of `redline`, with links to the changes among `shown`.
pub fn summary<'a>(redline: &'a Redline, shown: &[&Entry]) -> SummaryData<'a> {
    let stat = stat(redline);
    let row = |name: &str, values: [usize; 7]| SummaryRow {
        name: name.to_string(),
        values: values.to_vec(),
    };
    SummaryData {
        columns: COLUMNS.to_vec(),
        rows: stat.sections.iter().map(|s| row(&s.section, s.values())).collect(),
        total: row("total", stat.total.values()),
        changes: change_links(shown),
        bracket_counts: bracket_counts(&redline.brackets),
        brackets: bracket_rows(redline, shown),
    }
}

/// How many tracked brackets are in each state, states in report order, none left out.
fn bracket_counts(brackets: &[TrackedBracket]) -> Vec<(&'static str, usize)> {
    let count = |state: BracketState| brackets.iter().filter(|b| b.span.state == state).count();
    BracketState::TRACKED.iter().map(|&state| (state.as_str(), count(state))).collect()
}

/// The bracket table, each row linked to its change when that change is shown.
fn bracket_rows<'a>(redline: &'a Redline, shown: &[&Entry]) -> Vec<BracketRow<'a>> {
    let changes = shown.iter().filter(|entry| is_change(entry));
    let numbers: HashMap<*const Entry, usize> =
        changes.enumerate().map(|(index, entry)| (std::ptr::from_ref(*entry), index + 1)).collect();
    let href = |entry: Option<usize>| {
        let number = numbers.get(&std::ptr::from_ref(&redline.entries[entry?]))?;
        Some(format!("#{}", anchor(*number)))
    };
    let row = |bracket: &'a TrackedBracket| BracketRow {
        state: bracket.span.state.as_str(),
        place: place(bracket),
        text: &bracket.span.text,
        href: href(bracket.entry),
    };
    redline.brackets.iter().map(row).collect()
}

/// Where a delegate finds the bracket: section and label, and whether only
/// the old text holds it (agreed, dropped).
fn place(bracket: &TrackedBracket) -> String {
    let span = &bracket.span;
    let parts = [span.section.as_deref(), span.label.as_deref()];
    let named: Vec<&str> = parts.into_iter().flatten().collect();
    let named = if named.is_empty() { "(title block)".to_string() } else { named.join(" ") };
    match bracket.revision {
        Side::Old => format!("{named} (old text)"),
        Side::New => named,
    }
}

/// Links to the changes among `shown`, numbered as the blocks number them.
fn change_links(shown: &[&Entry]) -> Vec<Link> {
    let changes = shown.iter().filter(|entry| is_change(entry));
    let link = |(index, entry): (usize, &&Entry)| Link {
        href: format!("#{}", anchor(index + 1)),
        text: describe(entry),
    };
    changes.enumerate().map(link).collect()
}
