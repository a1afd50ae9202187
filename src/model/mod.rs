//! The models every stage reads and writes: plain data, no behaviour beyond
//! accessors.
//!
//! - [`document`]: one revision as the parser reads it (`Document`, `Piece`,
//!   `Section`, `Label`, `Bracket` ...);
//! - [`redline`]: what changed between two revisions (`Redline`, `Entry`,
//!   `Span` ...), the versioned JSON contract;
//! - [`brackets`]: a bracketed span and its state across revisions;
//! - [`header`]: the header block of a working document;
//! - [`language`]: the language a revision is written in;
//! - [`revision`]: a revision of a series as reports name it;
//! - [`batch`]: what a batch of series produced.

pub mod batch;
pub mod brackets;
pub mod document;
pub mod header;
pub mod language;
pub mod redline;
pub mod revision;

pub use batch::{BatchReport, Outcome, Written};
pub use brackets::{BracketSpan, BracketState, Side, TrackedBracket};
pub use document::{
    Bracket, Diagnostic, Document, Inline, InlineKind, Label, LabelKind, LineIndex, Piece,
    PieceKind, Section, SectionKind,
};
pub use header::Header;
pub use language::{Language, UnknownLanguage};
pub use redline::{
    Action, Emphasis, Entry, EntryKind, Links, Op, Redline, Role, SCHEMA_VERSION, Source, Span,
    Summary,
};
pub use revision::Revision;
