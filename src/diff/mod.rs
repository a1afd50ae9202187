//! Alignment and word diff: two documents to a [`Redline`].
//!
//! Two levels keep the cost near linear: pieces are aligned first
//! (`align`), then words are diffed inside each matched pair whose text
//! differs (`words`). Nothing here formats: the result is plain data.
//!
//! # Invariants
//! - `redline.old_text() == old.text` and `redline.new_text() == new.text`.
//! - The same inputs give the same redline, byte for byte (no clocks, no
//!   random hashing decides anything).

mod align;
mod anchored;
mod assemble;
mod cleanup;
mod han;
mod links;
mod matching;
mod normalize;
mod order;
mod pairing;
mod similarity;
mod style;
mod tokens;
mod words;

use crate::model::Document;
use crate::model::{Op, Redline, Role, SCHEMA_VERSION, Source, Span, Summary};
use assemble::{Context, assemble};
use style::StyleMap;

/// Options of the aligner.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// Show typographic variants (quotes, dashes, no-break spaces) as changes.
    pub strict: bool,
}

/// Aligns two documents into a redline, with each bracket's state since the
/// old revision ([`crate::brackets::track`], fed the aligned entries).
///
/// The redline names its revisions by the documents' `path` and `encoding`.
pub fn diff(old: &Document, new: &Document, options: &DiffOptions) -> Redline {
    let alignment = align::align(old, new, options.strict);
    let cx = Context {
        old,
        new,
        old_styles: StyleMap::new(old),
        new_styles: StyleMap::new(new),
        strict: options.strict,
        warnings: Default::default(),
    };
    let mut entries = assemble(&cx, &alignment.pairs);
    links::link_splits_and_merges(&mut entries);
    let mut warnings = alignment.warnings;
    warnings.append(&mut cx.warnings.borrow_mut());
    warnings.extend(crate::brackets::nesting_warning("old", old));
    warnings.extend(crate::brackets::nesting_warning("new", new));
    let lead = lead_spans(old.lead_text(), new.lead_text());
    let brackets = crate::brackets::track(old, new, &lead, &entries);
    Redline {
        schema: SCHEMA_VERSION,
        old: source(old),
        new: source(new),
        language: new.language,
        summary: Summary::count(&entries),
        lead,
        entries,
        brackets,
        warnings,
    }
}

/// Where a document came from, as the redline names it.
fn source(document: &Document) -> Source {
    Source { path: document.path.clone(), encoding: document.encoding.clone() }
}

/// The whitespace before the first piece: equal, or a layout change.
fn lead_spans(old: &str, new: &str) -> Vec<Span> {
    if old == new {
        return if old.is_empty() { Vec::new() } else { vec![Span::new(Op::Equal, old)] };
    }
    [(Op::Delete, old), (Op::Insert, new)]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(op, text)| Span::new(op, text).with_role(Role::Layout))
        .collect()
}

#[cfg(test)]
mod tests;
