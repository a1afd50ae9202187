//! The summary at the top of the page: counts per action and per section, and
//! a link to each change.

use super::blocks::{Link, anchor, describe};
use crate::redline::{Entry, Redline};
use crate::render::stat::{COLUMNS, stat};
use crate::render::view::is_change;

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
pub struct SummaryData {
    /// Column heads after the section name.
    pub columns: Vec<&'static str>,
    /// One row per section.
    pub rows: Vec<SummaryRow>,
    /// The total row.
    pub total: SummaryRow,
    /// A link to each change shown, in reading order.
    pub changes: Vec<Link>,
}

/// The summary of `redline`, with links to the changes among `shown`.
pub fn summary(redline: &Redline, shown: &[&Entry]) -> SummaryData {
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
