//! Square brackets: text not yet agreed, found in a document and followed through revisions.
//!
//! In negotiation, `[square brackets]` enclose text that is not agreed yet.
//! This module treats each bracketed span as an object of its own.
//!
//! # Rules
//! - **Pairing scope.** Brackets pair within a section (its heading and its
//!   pieces); the title block is one scope. A `[` still open at the end of its
//!   section, or a `]` with nothing open, is *unbalanced*: one missing `]`
//!   never swallows the rest of the document. Pairing is one linear pass with
//!   an explicit stack, so any nesting depth is safe.
//! - **Exclusions.** Text inside [`InlineKind::Artefact`](crate::model::InlineKind)
//!   inlines (`[bookmark: Signature]`) and struck text (`~~[66~~` in an
//!   exported redline: deleted, no longer text of the revision) is skipped; a
//!   balanced pair whose content is only a reference marker (`[1]`, `[⁴]`,
//!   `[*]`, `[sic]`, `[...]`) is dropped (the exact rule is in `exclude.rs`).
//!   Everything else is negotiation text.
//! - **Alternatives.** Balanced brackets at the same depth, in the same piece,
//!   separated only by whitespace, `/` or emphasis marks (`*`), form one
//!   [`Choice`] with several options: `[shall][should]`, `[shall] / [should]`.
//! - **Likely span of an unbalanced bracket.** A `]` whose `[` is missing and
//!   that ends its provision (nothing but punctuation after it) likely closes
//!   a span from the start of the provision's text; a `[` never closed likely
//!   opens a span to the end of its provision. Reported as `likely_text`.
//! - **Life across revisions.** [`track`] follows each bracket from one
//!   revision to the next through the redline's spans and classifies it as
//!   one of [`BracketState`](crate::model::BracketState)'s states.

mod choices;
mod exclude;
pub(crate) mod locate;
mod offsets;
mod report;
mod revisions;
mod scan;
mod track;

#[cfg(test)]
mod tests;

pub use choices::{Choice, find_choices};
pub use report::{ChoiceReport, DocumentReport, ReportSummary, UnbalancedKind, UnbalancedReport};
pub use revisions::{RevisionSummary, RevisionsReport, StateCounts, Step};
pub use track::track;

use crate::model::{Bracket, Diagnostic, Document, LineIndex};

/// Finds the negotiation brackets of a parsed document and fills
/// [`Document::brackets`], adding a diagnostic per unbalanced bracket.
///
/// Runs on a finished document (pieces, sections and artefact inlines set);
/// replaces any brackets found before, so running it twice changes nothing.
pub fn scan_document(document: &mut Document) {
    document.brackets = scan::find_brackets(document);
    let lines = LineIndex::new(&document.text);
    let found: Vec<Diagnostic> = document
        .brackets
        .iter()
        .filter_map(|bracket| diagnostic(document, &lines, bracket))
        .collect();
    document.diagnostics.retain(|known| ![UNCLOSED, UNOPENED].contains(&known.message.as_str()));
    document.diagnostics.extend(found);
}

/// Brackets nested deeper than this are no negotiation text (a delegate's
/// draft rarely goes past three) but a fault of the input: a warning says so.
pub const DEEP_NESTING: usize = 20;

/// A warning when brackets of `document` (the `side` revision) nest deeper
/// than [`DEEP_NESTING`].
pub fn nesting_warning(side: &str, document: &Document) -> Option<String> {
    let deepest = document.brackets.iter().max_by_key(|bracket| bracket.depth)?;
    (deepest.depth > DEEP_NESTING).then(|| {
        let at = deepest.open.or(deepest.close).unwrap_or_default();
        let line = LineIndex::new(&document.text).line(at);
        format!(
            "{side} line {line}: brackets nested {} deep; the bracket reports quote long \
             bracketed texts as excerpts",
            deepest.depth
        )
    })
}

const UNCLOSED: &str = "unbalanced `[`: not closed before the end of its section";
const UNOPENED: &str = "unbalanced `]`: no `[` open before it in its section";

/// The diagnostic for an unbalanced bracket; `None` for a balanced one.
fn diagnostic(document: &Document, lines: &LineIndex, bracket: &Bracket) -> Option<Diagnostic> {
    let (offset, message) = match (bracket.open, bracket.close) {
        (Some(open), None) => (open, UNCLOSED),
        (None, Some(close)) => (close, UNOPENED),
        _ => return None,
    };
    let (line, column) = lines.line_col(&document.text, offset);
    Some(Diagnostic { line, column, message: message.to_string() })
}
