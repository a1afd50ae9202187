//! Reading a revision: bytes decoded and parsed into a [`model::Document`],
//! with what a Word document adds to its diagnostics.

use crate::decode::WordSource;
use crate::error::Result;
use crate::{decode, docx, model, parse};
use std::path::Path;

/// Reads, decodes and parses a file into a document. A Word document's
/// diagnostics also name the Word paragraph, and a note says when it has
/// tracked changes (see [`tracked_changes_warning`]).
pub fn load(path: &Path, options: &decode::ReadOptions) -> Result<model::Document> {
    let bytes = decode::read_bytes(path)?;
    load_bytes(path, &bytes, options)
}

/// Like [`load`], and keeps a Word document's package and source map for a
/// writer that rewrites it (`--format docx`); `None` for a text.
pub fn load_keeping_word(
    path: &Path,
    options: &decode::ReadOptions,
) -> Result<(model::Document, Option<WordSource>)> {
    load_bytes_keeping_word(path, decode::read_bytes(path)?, options)
}

/// Decodes and parses the bytes of the file (or stream) `path`.
pub fn load_bytes(
    path: &Path,
    bytes: &[u8],
    options: &decode::ReadOptions,
) -> Result<model::Document> {
    let decoded = decode::decode_file(path, bytes, options)?;
    Ok(document_of(path, &decoded, options))
}

/// Like [`load_bytes`], keeping a Word document's package (`bytes`) and
/// source map.
pub fn load_bytes_keeping_word(
    path: &Path,
    bytes: Vec<u8>,
    options: &decode::ReadOptions,
) -> Result<(model::Document, Option<WordSource>)> {
    let decoded = decode::decode_file(path, &bytes, options)?;
    let document = document_of(path, &decoded, options);
    let word = decoded.docx.map(|source| WordSource { package: bytes, source: *source });
    Ok((document, word))
}

/// Parses decoded text into the document of `path`.
fn document_of(
    path: &Path,
    decoded: &decode::Decoded,
    options: &decode::ReadOptions,
) -> model::Document {
    let parse_options = parse::ParseOptions { language: options.language };
    let mut document = parse::parse_with(&decoded.text, decoded.encoding, &parse_options);
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
