//! Test helpers shared by every stage's unit tests (built only for tests).
//!
//! - [`doc`]: documents built by hand from a small notation, independent of
//!   the parser, and word-level redlines of them;
//! - [`redline`]: redlines built span by span, for the renderers and readers;
//! - [`edits`]: random edits of a list of provisions, for property tests;
//! - [`slots`]: revisions as slots and the redlines between them, for
//!   composition tests.

pub mod doc;
pub mod edits;
pub mod redline;
pub mod slots;
