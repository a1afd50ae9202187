//! Alignment and word diff: two documents to a [`Redline`].

use crate::model::Document;
use crate::redline::{Op, Redline, Span};

/// Options of the aligner.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// Show typographic variants (quotes, dashes, no-break spaces) as changes.
    pub strict: bool,
}

/// Aligns two documents. Stub: the whole texts as one deleted and one inserted span.
pub fn diff(old: &Document, new: &Document, _options: &DiffOptions) -> Redline {
    Redline {
        lead: vec![
            Span::new(Op::Delete, old.text.clone()),
            Span::new(Op::Insert, new.text.clone()),
        ],
        ..Redline::default()
    }
}
