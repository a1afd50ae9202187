//! Batch rendering: every series folder of a directory, in parallel, with an index.
//!
//! `DIR` holds one folder per series (see [`crate::series::SeriesSpec`]).
//! Each series is written to `OUT/<name>/`: its cumulative redline as
//! `<name>.<ext>` in each format asked for, and each consecutive pair's
//! redline as `<name>.1-2.<ext>` ...; `OUT/index.html` lists every series
//! with its counts, links and warnings, or the reason it failed.
//!
//! # Invariants
//! - Every file is written atomically ([`crate::output::write_atomic`]): whole
//!   or not at all. The series' files are synced to disk together, once, before
//!   the index is written ([`crate::output::sync_written`]).
//! - A failing series never stops the others; it is in the index with its reason.
//! - Output does not depend on the number of threads: results are sorted by
//!   series name before the index is written, and nothing records time.

use crate::error::{Error, Result, describe_io};
use crate::model::{BatchReport, Outcome, Written};
use crate::output::{Durability, sync_written, write_atomic, write_atomic_with};
use crate::render::docx::{WordInputs, WordOptions};
use crate::render::{self, Format};
use crate::series::{self, Loaded, Series, SeriesOptions, SeriesSpec};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The name of the index file written in the output folder.
pub const INDEX_FILE: &str = "index.html";

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// At most this many series at once; `None` is one per core.
    pub jobs: Option<usize>,
    /// The formats of the cumulative redlines (and of the pairwise ones).
    pub formats: Vec<Format>,
    /// How each series is built.
    pub series: SeriesOptions,
    /// How Word redlines are written (`docx` among the formats).
    pub word: WordOptions,
}

/// The series folders of `dir`, sorted by name (hidden folders skipped).
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>> {
    let read_error =
        |error: std::io::Error| Error::Read { path: dir.into(), reason: describe_io(&error) };
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let hidden = path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if path.is_dir() && !hidden {
            folders.push(path);
        }
    }
    folders.sort();
    Ok(folders)
}

/// Renders every series of `dir` into `out` and writes the index.
///
/// `on_done` is called with each series' name as it finishes (from any thread).
/// Errors are those that stop the whole batch (unreadable `dir`, unwritable
/// `out`); a failing series is an [`Outcome`] with its reason.
pub fn run(
    dir: &Path,
    out: &Path,
    options: &BatchOptions,
    on_done: &(dyn Fn(&str) + Sync),
) -> Result<BatchReport> {
    let folders = discover(dir)?;
    create_dir(out)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .map_err(|error| Error::Other(format!("cannot start worker threads: {error}")))?;
    let mut outcomes: Vec<Outcome> = pool.install(|| {
        folders
            .par_iter()
            .map(|folder| {
                let outcome = run_one(folder, out, options);
                on_done(&outcome.name);
                outcome
            })
            .collect()
    });
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let report = BatchReport { outcomes };
    sync_written(out, &written_paths(out, &report))?;
    write_atomic(&out.join(INDEX_FILE), crate::render::index(&report)?.as_bytes())?;
    Ok(report)
}

/// Every file the series wrote, under `out`.
fn written_paths(out: &Path, report: &BatchReport) -> Vec<std::path::PathBuf> {
    let written = report.outcomes.iter().filter_map(|outcome| outcome.result.as_ref().ok());
    written.flat_map(|written| &written.files).map(|(file, _)| out.join(file)).collect()
}

/// Series files are written whole (temporary file, then rename) but synced
/// all at once when the batch is done: see [`sync_written`].
fn write_deferred(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, bytes, Durability::Deferred)
}

fn run_one(folder: &Path, out: &Path, options: &BatchOptions) -> Outcome {
    let name = folder.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let result = render_one(folder, &name, out, options).map_err(|error| error.to_string());
    Outcome { name, result }
}

fn render_one(folder: &Path, name: &str, out: &Path, options: &BatchOptions) -> Result<Written> {
    let spec = SeriesSpec::from_folder(folder)?;
    let read: &series::Reader = if options.formats.contains(&Format::Docx) {
        &crate::load_keeping_word
    } else {
        &series::without_word
    };
    let (series, loaded) = series::build_with(&spec, &options.series, read)?;
    let dir = out.join(name);
    create_dir(&dir)?;
    let outputs = Outputs { series: &series, loaded: &loaded, name, dir: &dir, options };
    let mut files = outputs.cumulative()?;
    files.extend(outputs.steps()?);
    let open_brackets = loaded.documents.last().map_or(0, |document| document.brackets.len());
    Ok(Written {
        header: spec.header,
        labels: series.revisions.iter().map(|revision| revision.label.clone()).collect(),
        summary: series.cumulative.summary,
        open_brackets,
        files,
        warnings: warnings(&series),
    })
}

/// What one series writes, in every format asked for.
struct Outputs<'a> {
    series: &'a Series,
    loaded: &'a Loaded,
    name: &'a str,
    dir: &'a Path,
    options: &'a BatchOptions,
}

impl Outputs<'_> {
    fn formats(&self) -> BTreeSet<Format> {
        self.options.formats.iter().copied().collect()
    }

    fn cumulative(&self) -> Result<Vec<(String, String)>> {
        let (name, mut files) = (self.name, Vec::new());
        for format in self.formats() {
            let file = format!("{name}.{}", format.extension());
            let bytes = match format {
                Format::Docx => {
                    let (documents, words) = (&self.loaded.documents, &self.loaded.words);
                    let base = self.series.cumulative.base.saturating_sub(1);
                    let inputs = WordInputs::of(documents, words, base, documents.len() - 1);
                    render::docx::series(self.series, inputs, &self.options.word)?
                }
                _ => {
                    render::series(self.series, &render::Options { format, ..Default::default() })?
                        .into_bytes()
                }
            };
            write_deferred(&self.dir.join(&file), &bytes)?;
            files.push((format!("{name}/{file}"), format!("cumulative ({})", format.extension())));
        }
        Ok(files)
    }

    fn steps(&self) -> Result<Vec<(String, String)>> {
        let (name, mut files) = (self.name, Vec::new());
        for (index, step) in self.series.steps.iter().enumerate() {
            for format in self.formats() {
                let file = step_file_name(name, index, format);
                let bytes = match format {
                    Format::Docx => {
                        let (documents, words) = (&self.loaded.documents, &self.loaded.words);
                        let inputs = WordInputs::of(documents, words, index, index + 1);
                        render::docx::pair(step, inputs, &self.options.word)?
                    }
                    _ => render::step(step, format)?.into_bytes(),
                };
                write_deferred(&self.dir.join(&file), &bytes)?;
                let caption = format!("{}→{} ({})", index + 1, index + 2, format.extension());
                files.push((format!("{name}/{file}"), caption));
            }
        }
        Ok(files)
    }
}

/// The file name of step `index` (0-based) of a series written as `stem`:
/// `stem.1-2.json` for the first step.
pub fn step_file_name(stem: &str, index: usize, format: Format) -> String {
    format!("{stem}.{}-{}.{}", index + 1, index + 2, format.extension())
}

fn warnings(series: &Series) -> Vec<String> {
    let steps = series.steps.iter().enumerate().flat_map(|(index, step)| {
        step.warnings.iter().map(move |warning| format!("{}→{}: {warning}", index + 1, index + 2))
    });
    steps.chain(series.cumulative.warnings.iter().cloned()).collect()
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|error| Error::Write { path: dir.into(), reason: describe_io(&error) })
}
