//! One revision of a series as the reports name it: number, label, origin.

use super::Source;
use serde::Serialize;

/// One revision of a series (or of a bracket report across revisions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// Its number (1-based), as `inserted_in` and `deleted_in` give it.
    pub number: usize,
    /// Its label in legends and reports (`Busan 2014`, a file name ...).
    pub label: String,
    /// The path as given.
    pub path: String,
    /// The encoding its bytes were decoded from.
    pub encoding: String,
}

impl Revision {
    /// A revision description.
    pub fn new(
        number: usize,
        label: impl Into<String>,
        path: impl Into<String>,
        encoding: impl Into<String>,
    ) -> Self {
        let (label, path, encoding) = (label.into(), path.into(), encoding.into());
        Revision { number, label, path, encoding }
    }

    /// Where the revision came from, as a redline names it.
    pub fn source(&self) -> Source {
        Source { path: self.path.clone(), encoding: self.encoding.clone() }
    }
}
