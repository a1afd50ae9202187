//! redline: redlines of successive revisions of UN/ITU resolutions.
//!
//! The pipeline is a one-way flow, one module per stage:
//!
//! ```text
//! bytes --decode--> text --parse--> Document --diff--> Redline --render--> html | text | json ...
//! ```
//!
//! - [`decode`] turns bytes into text once, at the edge, and says which encoding it chose;
//!   [`docx`] reads Word documents into the same kind of text.
//! - [`parse`] reads the text into a [`model::Document`]; it never fails.
//! - [`diff`] aligns two documents into a [`model::Redline`]; it never formats.
//! - [`render`] writes a redline in one format; it never recomputes the diff.
//! - [`read`] reads a rendered redline back (`accept` / `reject`).
//! - [`brackets`] follows `[square brackets]` through revisions.
//! - [`series`] and [`batch`] run the pipeline over revision series.
//!
//! # Example
//! ```
//! let old = redline::parse::parse_text("recalling\n\na) one;\n\nb) two,\n", "UTF-8");
//! let new = redline::parse::parse_text("recalling\n\na) one;\n\nb) three,\n", "UTF-8");
//! let redline = redline::diff::diff(&old, &new, &redline::diff::DiffOptions::default());
//! assert_eq!(redline.old_text(), old.text);
//! assert_eq!(redline.new_text(), new.text);
//! ```

pub mod batch;
pub mod brackets;
pub mod decode;
pub mod diff;
pub mod docx;
pub mod error;
pub mod model;
pub mod output;
pub mod parse;
pub mod read;
pub mod render;
pub mod series;
#[cfg(test)]
mod testkit;

pub use error::{Error, Result};

use std::path::Path;

/// Reads, decodes and parses a file into a document. A Word document's
/// diagnostics also name the Word paragraph, and a note says when it has
/// tracked changes (see [`tracked_changes_warning`]).
pub fn load(path: &Path, options: &decode::ReadOptions) -> Result<model::Document> {
    let decoded = decode::read_file(path, options)?;
    Ok(document_of(path, decoded))
}

/// Like [`load`], and keeps a Word document's package and source map for a
/// writer that rewrites it (`--format docx`).
pub fn load_keeping_word(
    path: &Path,
    options: &decode::ReadOptions,
) -> Result<(model::Document, Option<decode::WordSource>)> {
    let (decoded, word) = decode::read_file_keeping_word(path, options)?;
    Ok((document_of(path, decoded), word))
}

fn document_of(path: &Path, decoded: decode::Decoded) -> model::Document {
    let mut document = parse::parse_text(&decoded.text, decoded.encoding);
    document.path = path.display().to_string();
    if let Some(source) = &decoded.docx {
        note_word_source(&mut document, source);
    }
    document
}

/// How the diagnostic about a Word document's tracked changes begins.
pub const TRACKED_CHANGES_NOTE: &str = "Word document with tracked changes";

/// Word paragraphs in the diagnostics, and a first diagnostic when the text
/// is one view of tracked changes.
fn note_word_source(document: &mut model::Document, source: &docx::DocxSource) {
    let starts: Vec<usize> =
        std::iter::once(0).chain(document.text.match_indices('\n').map(|(at, _)| at + 1)).collect();
    for diagnostic in &mut document.diagnostics {
        let line_start = starts.get(diagnostic.line.saturating_sub(1)).copied().unwrap_or(0);
        if let Some(place) = docx::describe_position(source, &document.text, line_start) {
            diagnostic.message = format!("{} ({place})", diagnostic.message);
        }
    }
    if source.tracked_changes > 0 {
        let view = match source.view {
            docx::View::Accepted => "read with every change accepted",
            docx::View::Original => "read as it was before them",
        };
        let message = format!("{TRACKED_CHANGES_NOTE} ({}): {view}", source.tracked_changes);
        document.diagnostics.insert(0, model::Diagnostic { line: 1, column: 1, message });
    }
}

/// The warning to print for a Word document read from one view of its
/// tracked changes: `PATH: Word document with tracked changes (12): ...`.
pub fn tracked_changes_warning(path: &str, document: &model::Document) -> Option<String> {
    let note = document.diagnostics.first()?;
    note.message.starts_with(TRACKED_CHANGES_NOTE).then(|| format!("{path}: {}", note.message))
}
