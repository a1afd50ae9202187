//! Reading a rendered redline back: `accept` (the new revision) and `reject` (the old one).
//!
//! Reads the `text` (`~~`/`++`), `wdiff` and `critic` formats written by
//! [`crate::render`], and the DL/23 export convention (`~~struck~~` only,
//! insertions unmarked). The grammar is in [`crate::render::markers`].
//!
//! # Invariants
//! - For every redline `r` and plain format `f`,
//!   `read(render(r, f))` gives exactly `r.old_text()` and `r.new_text()`.
//! - Malformed input (an unclosed, stray or nested marker, a move note without
//!   its partner) is an error at a line and column, never a guess.

mod detect;
mod scan;
mod sides;

use crate::error::{Error, Remedy};
use crate::render::markers::{self, Notation};
use std::path::Path;

/// The notation of a redline to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Markup {
    /// Detect it from the markers present.
    #[default]
    Auto,
    /// `~~deleted~~`, `++inserted++`, action lines, `<<moved ...>>` notes.
    Text,
    /// `[-deleted-]`, `{+inserted+}`, action lines, `<<moved ...>>` notes.
    Wdiff,
    /// CriticMarkup: `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}`, `{>>comments<<}`.
    Critic,
    /// The DL/23 export: `~~struck~~` only; insertions were not marked.
    Dl23,
}

/// Both revisions read from a redline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Revisions {
    /// Every change rejected.
    pub old: String,
    /// Every change accepted.
    pub new: String,
}

/// Why a redline could not be read, before a path is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What the user can do about it (name the notation), if anything.
    pub remedy: Option<Remedy>,
}

impl SyntaxProblem {
    /// `problem`, found in `text`, at its line and column.
    fn located(text: &str, problem: Problem) -> Self {
        let (line, column) = crate::model::LineIndex::new(text).line_col(text, problem.offset);
        SyntaxProblem { line, column, message: problem.message, remedy: problem.remedy }
    }

    /// The problem as an [`Error::Syntax`] about `path`.
    pub fn at(self, path: &Path) -> Error {
        let SyntaxProblem { line, column, message, remedy } = self;
        Error::Syntax { path: path.into(), line, column, message, remedy }
    }
}

impl std::fmt::Display for SyntaxProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// A problem at a byte offset, turned into line and column at the top.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    offset: usize,
    message: String,
    remedy: Option<Remedy>,
}

impl Problem {
    fn new(offset: usize, message: impl Into<String>) -> Self {
        Problem { offset, message: message.into(), remedy: None }
    }
}

/// Reads both revisions from a rendered redline.
pub fn read(text: &str, markup: Markup) -> Result<Revisions, SyntaxProblem> {
    let resolve = |problem: Problem| SyntaxProblem::located(text, problem);
    let notation = notation(text, markup).map_err(resolve)?;
    sides::read(text, notation).map_err(resolve)
}

/// The new revision: every change accepted.
pub fn accept(text: &str, markup: Markup) -> Result<String, SyntaxProblem> {
    read(text, markup).map(|revisions| revisions.new)
}

/// The old revision: every change rejected.
pub fn reject(text: &str, markup: Markup) -> Result<String, SyntaxProblem> {
    read(text, markup).map(|revisions| revisions.old)
}

/// The notation `markup` names, or the one detected in `text`.
pub fn detect(text: &str, markup: Markup) -> Result<Markup, SyntaxProblem> {
    let notation =
        notation(text, markup).map_err(|problem| SyntaxProblem::located(text, problem))?;
    Ok(match notation.name {
        "critic" => Markup::Critic,
        "wdiff" => Markup::Wdiff,
        "dl23" => Markup::Dl23,
        _ => Markup::Text,
    })
}

fn notation(text: &str, markup: Markup) -> Result<&'static Notation, Problem> {
    match markup {
        Markup::Auto => detect::detect(text),
        Markup::Text => Ok(&markers::TILDE),
        Markup::Wdiff => Ok(&markers::WDIFF),
        Markup::Critic => Ok(&markers::CRITIC),
        Markup::Dl23 => Ok(&markers::DL23),
    }
}

#[cfg(test)]
mod tests;
