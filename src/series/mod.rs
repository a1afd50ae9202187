//! Revision series: the consecutive redlines of several revisions and their
//! composition into one cumulative redline with attribution.
//!
//! A [`Series`] holds the revisions, one [`Redline`] per consecutive pair
//! (`steps`) and the [`Cumulative`] redline composed from the steps (never
//! re-diffed): each inserted or deleted span carries the revision that made
//! the change, and each piece is followed through the whole series.
//!
//! # Example
//! ```
//! use redline::parse::parse_text;
//! use redline::series::{Revision, SeriesOptions, from_documents};
//! let texts = ["a) one\n", "a) one two\n", "a) two\n"];
//! let documents: Vec<_> = texts.iter().map(|text| parse_text(text, "UTF-8")).collect();
//! let revisions: Vec<_> =
//!     (1..=3).map(|n| Revision::new(n, format!("Rev {n}"), format!("r{n}.txt"), "UTF-8")).collect();
//! let series = from_documents(revisions, &documents, &SeriesOptions::default()).unwrap();
//! assert_eq!(series.steps.len(), 2);
//! for (number, text) in (1..).zip(texts) {
//!     assert_eq!(series.cumulative.text_at(number), text);
//! }
//! ```

mod compose;
mod cumulative;
mod html;
mod overlay;
mod spec;
mod text;

pub use compose::compose;
pub use cumulative::{Change, Cumulative, History, LabelAt, SeriesSpan};
pub use spec::{Header, RevisionSpec, SERIES_TOML, SeriesSpec};

use crate::diff::{DiffOptions, diff};
use crate::error::{Error, Result};
use crate::model::Document;
use crate::redline::{Redline, Role, Source};
use serde::Serialize;
use std::path::Path;

/// A revision series: its revisions, the consecutive redlines and their composition.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Header fields (document number, committee, proposal id), when known.
    #[serde(skip_serializing_if = "Header::is_empty")]
    pub header: Header,
    /// The revisions, oldest first; revision `n` is `revisions[n - 1]`.
    pub revisions: Vec<Revision>,
    /// The redline of each consecutive pair: `steps[k]` is revision `k + 1`
    /// against revision `k + 2`.
    pub steps: Vec<Redline>,
    /// The composition of the steps from the base revision on.
    pub cumulative: Cumulative,
}

/// One revision of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// Its number (1-based), as `inserted_in` and `deleted_in` give it.
    pub number: usize,
    /// Its label in the legend.
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
}

/// How to build a series.
#[derive(Debug, Clone)]
pub struct SeriesOptions {
    /// The revision the cumulative redline starts at (1-based).
    pub base: usize,
    /// How every revision is read (encoding, empty files).
    pub read: crate::decode::ReadOptions,
    /// Options of the aligner.
    pub diff: DiffOptions,
}

impl Default for SeriesOptions {
    fn default() -> Self {
        SeriesOptions { base: 1, read: Default::default(), diff: DiffOptions::default() }
    }
}

/// Reads, parses and diffs the revisions of `spec` and composes them.
pub fn build(spec: &SeriesSpec, options: &SeriesOptions) -> Result<Series> {
    let (revisions, documents) = load(spec, options)?;
    let mut series = from_documents(revisions, &documents, options)?;
    series.header = spec.header.clone();
    Ok(series)
}

/// Reads and parses the revisions of `spec`, checking first that the series
/// has two revisions and that the base is one of them.
pub fn load(spec: &SeriesSpec, options: &SeriesOptions) -> Result<(Vec<Revision>, Vec<Document>)> {
    check_shape(spec.revisions.len(), options.base)?;
    for pair in spec.revisions.windows(2) {
        crate::decode::refuse_same_file(&pair[0].path, &pair[1].path)?;
    }
    let documents = spec
        .revisions
        .iter()
        .map(|revision| crate::load(&revision.path, &options.read))
        .collect::<Result<Vec<Document>>>()?;
    let revisions = spec
        .revisions
        .iter()
        .zip(&documents)
        .enumerate()
        .map(|(index, (revision, document))| {
            let path = revision.path.display().to_string();
            Revision::new(index + 1, &revision.label, path, &document.encoding)
        })
        .collect();
    Ok((revisions, documents))
}

/// Diffs consecutive `documents` and composes the steps from `options.base` on.
pub fn from_documents(
    revisions: Vec<Revision>,
    documents: &[Document],
    options: &SeriesOptions,
) -> Result<Series> {
    check_shape(documents.len(), options.base)?;
    let steps: Vec<Redline> = documents
        .windows(2)
        .zip(revisions.windows(2))
        .map(|(pair, described)| {
            let mut step = diff(&pair[0], &pair[1], &options.diff);
            step.old = source(&described[0]);
            step.new = source(&described[1]);
            step
        })
        .collect();
    let mut cumulative = compose(&steps[options.base - 1..], options.base);
    let word = documents.iter().zip(&revisions);
    cumulative
        .warnings
        .extend(word.filter_map(|(d, r)| crate::tracked_changes_warning(&r.path, d)));
    Ok(Series { header: Header::default(), revisions, steps, cumulative })
}

fn source(revision: &Revision) -> Source {
    Source { path: revision.path.clone(), encoding: revision.encoding.clone() }
}

/// A series needs two revisions and a base that leaves at least one step.
fn check_shape(count: usize, base: usize) -> Result<()> {
    if count < 2 {
        return Err(Error::Other(format!("a series needs at least two revisions; {count} given")));
    }
    if base == 0 || base >= count {
        return Err(Error::Other(format!(
            "base revision {base} is out of range: with {count} revisions the base is 1 to {}",
            count - 1
        )));
    }
    Ok(())
}

/// An output format of a series or of one of its steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// A standalone HTML page.
    Html,
    /// Plain text with `{+2:inserted+}` and `[-3:deleted-]` marks.
    Text,
    /// The JSON contract.
    Json,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }

    /// The format a file name's extension asks for (`.html`, `.htm`, `.txt`,
    /// `.json`), by the same rule as [`crate::render::Format::from_path`].
    pub fn from_path(path: &Path) -> Option<Format> {
        match crate::render::Format::from_path(path)? {
            crate::render::Format::Html => Some(Format::Html),
            crate::render::Format::Text => Some(Format::Text),
            crate::render::Format::Json => Some(Format::Json),
            _ => None,
        }
    }

    /// The same format for a pairwise redline.
    fn for_step(self) -> crate::render::Format {
        match self {
            Format::Html => crate::render::Format::Html,
            Format::Text => crate::render::Format::Text,
            Format::Json => crate::render::Format::Json,
        }
    }
}

/// Renders the series (its cumulative redline; JSON: the whole series).
pub fn render(series: &Series, format: Format) -> Result<String> {
    match format {
        Format::Html => html::render(series),
        Format::Text => Ok(text::render(series)),
        Format::Json => to_json(series),
    }
}

/// Renders one step, returning the format actually written.
///
/// The one place that formats a pairwise redline: the redline renderers, in `format`.
pub fn render_step(step: &Redline, format: Format) -> Result<String> {
    let options = crate::render::Options { format: format.for_step(), ..Default::default() };
    crate::render::render(step, &options)
}

/// The file name of step `index` (0-based) of a series written as `stem`:
/// `stem.1-2.json` for the first step.
pub fn step_file_name(stem: &str, index: usize, format: Format) -> String {
    format!("{stem}.{}-{}.{}", index + 1, index + 2, format.extension())
}

fn to_json(value: &impl Serialize) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|json| json + "\n")
        .map_err(|error| Error::Other(format!("cannot write JSON: {error}")))
}

/// The spans a reader sees: layout and typographic spans only where they
/// stand in the latest revision, and then without marks (they are not changes).
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

#[cfg(test)]
mod tests;
