//! `--format html`: standalone pages, one per view, each built as plain page
//! data by a function and printed by an askama template that extends
//! `templates/base.html` (one `<head>`, every string escaped).
//!
//! - [`pair`]: the redline of two revisions (`templates/redline.html`), from
//!   [`blocks`] (entries to blocks and rows), [`fragment`] (spans to marked
//!   fragments, the one builder of trusted markup) and [`summary`];
//! - [`series`]: the cumulative redline of a series (`templates/series.html`);
//! - [`brackets`]: the bracket reports (`templates/brackets.html`);
//! - [`index`]: a batch's index page (`templates/index.html`).
//!
//! The pages make no request and need no JavaScript.

mod blocks;
mod brackets;
mod fragment;
mod index;
mod legend;
mod pair;
mod print;
mod series;
mod summary;

#[cfg(test)]
mod pair_tests;

pub use brackets::{document_html, revisions_html};
pub use index::render as index;
pub use pair::render as pair;
pub use series::render as series;

/// The stylesheet of the redline page, inlined in it.
const CSS: &str = include_str!("../../../templates/redline.css");

/// An askama error as a library error.
fn template_error(error: askama::Error) -> crate::error::Error {
    crate::error::Error::Other(format!("cannot render HTML: {error}"))
}
