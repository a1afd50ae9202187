//! What a batch produced: per series, the files written or why it failed.
//!
//! Built by [`crate::batch`]; read by the index page ([`crate::render`]).

use super::{Header, Summary};

/// What became of one series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The series' folder name.
    pub name: String,
    /// What was written, or why the series failed.
    pub result: std::result::Result<Written, String>,
}

/// What was written for one series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Header fields from its `series.toml`.
    pub header: Header,
    /// The revisions' labels, oldest first.
    pub labels: Vec<String>,
    /// The cumulative redline's counts, base against latest.
    pub summary: Summary,
    /// Bracketed spans still open in the latest revision.
    pub open_brackets: usize,
    /// The files written, relative to the output folder, with a caption each.
    pub files: Vec<(String, String)>,
    /// Warnings of the aligner and of the composition.
    pub warnings: Vec<String>,
}

/// The outcome of every series, sorted by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchReport {
    /// One outcome per series folder.
    pub outcomes: Vec<Outcome>,
}

impl BatchReport {
    /// The series that failed, with their reasons.
    pub fn failures(&self) -> impl Iterator<Item = (&str, &str)> {
        self.outcomes.iter().filter_map(|outcome| {
            Some((outcome.name.as_str(), outcome.result.as_ref().err()?.as_str()))
        })
    }
}
