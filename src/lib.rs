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
pub mod load;
pub mod model;
pub mod output;
pub mod parse;
pub mod read;
pub mod render;
pub mod series;
#[cfg(test)]
mod testkit;

pub use error::{Error, Result};
pub use load::{
    TRACKED_CHANGES_NOTE, load, load_bytes, load_bytes_keeping_word, load_keeping_word,
    tracked_changes_warning,
};
