//! Parsing: decoded text to a [`Document`]. Total: never fails, never panics.
//!
//! The stages, one file each:
//! - `lines` splits the text into lines and says what each starts
//!   (a label, an ITU heading, a UN opening phrase, a footnote, text);
//! - `paragraphs` finds the title block, decides the paragraph rule of the
//!   document and groups lines into paragraphs;
//! - `structure` turns paragraphs into pieces and sections, with `lists`
//!   nesting sub-provisions and checking label sequences;
//! - `inline` finds emphasis, footnote markers and Word-export artefacts;
//! - `detect` finds the language of the text, whose `headings` table the
//!   stages read (one table per language, `headings/en.rs` ... `ar.rs`).
//!
//! The layout rules are written for users in `docs/parsing.md`.

mod detect;
mod headings;
mod inline;
mod labels;
mod lines;
mod lists;
mod paragraphs;
mod structure;

#[cfg(test)]
mod tests;

pub use detect::detect_language;

use crate::model::{Diagnostic, Document, Language};

/// How a text is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// The language the text is written in; `None` detects it
    /// ([`detect_language`]).
    pub language: Option<Language>,
}

/// Parses decoded text into a document, detecting its language: see [`parse_with`].
pub fn parse_text(text: &str, encoding: &str) -> Document {
    parse_with(text, encoding, &ParseOptions::default())
}

/// Parses decoded text into a document: pieces, sections, inline spans and
/// diagnostics, then the negotiation brackets ([`crate::brackets::scan_document`]).
/// Headings are those of the language given in `options`, or detected.
pub fn parse_with(text: &str, encoding: &str, options: &ParseOptions) -> Document {
    let language = options.language.unwrap_or_else(|| detect_language(text));
    let layout = paragraphs::layout(text, headings::table(language));
    let structure = structure::build(text, &layout);
    let lead_end = structure.pieces.first().map_or(text.len(), |piece| piece.raw.start);
    let mut document = Document {
        text: text.to_string(),
        encoding: encoding.to_string(),
        path: String::new(),
        lead: 0..lead_end,
        pieces: structure.pieces,
        sections: structure.sections,
        brackets: Vec::new(),
        diagnostics: locate(text, structure.notes),
        language,
    };
    crate::brackets::scan_document(&mut document);
    document
}

/// Turns diagnostics at byte offsets into diagnostics at line and column, in
/// text order, counting characters once per line (linear in the text).
fn locate(text: &str, mut notes: Vec<(usize, String)>) -> Vec<Diagnostic> {
    notes.sort_by_key(|(offset, _)| *offset);
    let mut line = 1;
    let mut counted = (0, 0);
    notes
        .into_iter()
        .map(|(offset, message)| {
            let segment = &text[counted.0..offset];
            if let Some(last_newline) = segment.rfind('\n') {
                line += segment.matches('\n').count();
                counted = (counted.0 + last_newline + 1, 0);
            }
            let column = counted.1 + text[counted.0..offset].chars().count();
            counted = (offset, column);
            Diagnostic { line, column: column + 1, message }
        })
        .collect()
}
