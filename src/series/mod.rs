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
//! use redline::model::Revision;
//! use redline::series::{SeriesOptions, from_documents};
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
mod overlay;
mod spec;

pub use compose::compose;
pub use cumulative::{Change, Cumulative, History, LabelAt, SeriesSpan};
pub use spec::{RevisionSpec, SERIES_TOML, SeriesSpec, series_folder};

use crate::decode::WordSource;
use crate::diff::{DiffOptions, diff};
use crate::error::{Error, Result};
use crate::model::Document;
use crate::model::{Header, Redline, Revision};
use rayon::prelude::*;
use serde::Serialize;

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

impl Series {
    /// The language of the latest revision.
    pub fn language(&self) -> crate::model::Language {
        self.steps.last().map(|step| step.language).unwrap_or_default()
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
    Ok(build_with(spec, options, &without_word)?.0)
}

/// [`build`], each revision read by `read` (the command line reads `-` as
/// standard input), with the revisions as read (their Word packages kept
/// when `read` keeps them, for a Word redline).
pub fn build_with(
    spec: &SeriesSpec,
    options: &SeriesOptions,
    read: &Reader,
) -> Result<(Series, Loaded)> {
    let loaded = load_with(spec, options, read)?;
    let mut series = from_documents(loaded.revisions.clone(), &loaded.documents, options)?;
    series.header = spec.header.clone();
    Ok((series, loaded))
}

/// Reads and parses one revision, keeping its Word package or not.
pub type Reader =
    dyn Fn(&std::path::Path, &crate::decode::ReadOptions) -> Result<(Document, Option<WordSource>)>;

/// Reads and parses the revisions of `spec`, checking first that the series
/// has two revisions and that the base is one of them.
pub fn load(spec: &SeriesSpec, options: &SeriesOptions) -> Result<(Vec<Revision>, Vec<Document>)> {
    let loaded = load_with(spec, options, &without_word)?;
    Ok((loaded.revisions, loaded.documents))
}

/// The revisions of a series as read, with each Word revision's package
/// and source map when kept for a Word redline (`None` for a text).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The revisions, numbered from 1.
    pub revisions: Vec<Revision>,
    /// Their documents.
    pub documents: Vec<Document>,
    /// Their Word documents, when the reader kept them.
    pub words: Vec<Option<WordSource>>,
}

/// Like [`load`], keeping the Word revisions' packages.
pub fn load_keeping_word(spec: &SeriesSpec, options: &SeriesOptions) -> Result<Loaded> {
    load_with(spec, options, &crate::load_keeping_word)
}

/// A [`Reader`] that reads a revision without keeping its Word package.
pub fn without_word(
    path: &std::path::Path,
    options: &crate::decode::ReadOptions,
) -> Result<(Document, Option<WordSource>)> {
    Ok((crate::load(path, options)?, None))
}

/// [`load`], each revision read by `read`.
pub fn load_with(spec: &SeriesSpec, options: &SeriesOptions, read: &Reader) -> Result<Loaded> {
    check_shape(spec.revisions.len(), options.base)?;
    for pair in spec.revisions.windows(2) {
        crate::decode::refuse_same_file(&pair[0].path, &pair[1].path)?;
    }
    let (documents, words): (Vec<Document>, Vec<Option<WordSource>>) = spec
        .revisions
        .iter()
        .map(|revision| read(&revision.path, &options.read))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
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
    Ok(Loaded { revisions, documents, words })
}

/// Diffs consecutive `documents` and composes the steps from `options.base` on.
pub fn from_documents(
    revisions: Vec<Revision>,
    documents: &[Document],
    options: &SeriesOptions,
) -> Result<Series> {
    check_shape(documents.len(), options.base)?;
    let mut steps = steps(documents, &options.diff);
    for (step, described) in steps.iter_mut().zip(revisions.windows(2)) {
        step.old = described[0].source();
        step.new = described[1].source();
    }
    let mut cumulative = compose(&steps[options.base - 1..], options.base);
    let word = documents.iter().zip(&revisions);
    cumulative
        .warnings
        .extend(word.filter_map(|(d, r)| crate::tracked_changes_warning(&r.path, d)));
    Ok(Series { header: Header::default(), revisions, steps, cumulative })
}

/// The redline of each document against the one before it, diffed in
/// parallel: `steps[k]` is `documents[k]` against `documents[k + 1]`.
pub fn steps(documents: &[Document], options: &DiffOptions) -> Vec<Redline> {
    documents.par_windows(2).map(|pair| diff(&pair[0], &pair[1], options)).collect()
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

#[cfg(test)]
mod tests;
