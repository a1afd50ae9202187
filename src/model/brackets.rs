//! The bracket model: a bracketed span as reports describe it, and its
//! state across revisions (the `brackets` of a [`super::Redline`]).
//!
//! Built by [`crate::brackets`] (reports, tracking); read by the renderers.

use serde::Serialize;
use std::ops::Range;

/// One bracketed span: where it is, what it holds and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BracketSpan {
    /// Heading of the section holding the `[` (`null` in the title block).
    pub section: Option<String>,
    /// Label of the piece holding the `[`, as written.
    pub label: Option<String>,
    /// 1-based line of the `[`.
    pub line: usize,
    /// 1-based column of the `[`, in characters.
    pub column: usize,
    /// 1-based line of the `]`.
    pub end_line: usize,
    /// 1-based column of the `]`, in characters.
    pub end_column: usize,
    /// 1 for an outermost bracket, 2 inside another ...
    pub depth: usize,
    /// The text between the brackets, exactly as written; over 600 bytes,
    /// its beginning and end joined by ` … ` (and `excerpt` is `true`).
    pub text: String,
    /// `true` when `text` is an excerpt.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub excerpt: bool,
    /// Words in that text.
    pub words: usize,
    /// `open` in a single document; its life since the previous revision otherwise.
    pub state: BracketState,
    /// Index into the report's `choices` when the span is one option of a choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<usize>,
}

/// The state of a bracketed span, since the previous revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BracketState {
    /// In a single revision: bracketed, not followed anywhere.
    Open,
    /// Not in the previous revision.
    New,
    /// Same brackets, same text inside.
    Unchanged,
    /// Same brackets, text inside edited.
    Changed,
    /// Brackets removed, text kept: agreed.
    Agreed,
    /// Bracketed text deleted with its brackets.
    Dropped,
    /// Text that was agreed put back in brackets.
    Rebracketed,
}

impl BracketState {
    /// Every state a tracked bracket can have, in report order.
    pub const TRACKED: [BracketState; 6] = [
        BracketState::Agreed,
        BracketState::New,
        BracketState::Changed,
        BracketState::Dropped,
        BracketState::Rebracketed,
        BracketState::Unchanged,
    ];

    /// The state as written in reports: `new`, `agreed` ...
    pub fn as_str(self) -> &'static str {
        match self {
            BracketState::Open => "open",
            BracketState::New => "new",
            BracketState::Unchanged => "unchanged",
            BracketState::Changed => "changed",
            BracketState::Agreed => "agreed",
            BracketState::Dropped => "dropped",
            BracketState::Rebracketed => "rebracketed",
        }
    }
}

/// One bracket followed from the old revision to the new one.
///
/// `span` describes the bracket of the new revision; for `agreed` and
/// `dropped`, which have none, it describes the bracket of the old revision
/// (lines and columns in the old text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackedBracket {
    /// Where the bracket is, what it holds, and its state.
    #[serde(flatten)]
    pub span: BracketSpan,
    /// The revision `span` describes: `new`, or `old` for `agreed` and `dropped`.
    pub revision: Side,
    /// For `changed`: the text inside the brackets in the old revision (an
    /// excerpt when long, as the span's `text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_text: Option<String>,
    /// Index into [`super::Redline::entries`] of the entry holding the bracket
    /// (the new bracket, or the old one when there is none); `None` in the lead.
    pub entry: Option<usize>,
    /// Index into the old document's brackets.
    pub old_bracket: Option<usize>,
    /// Index into the new document's brackets.
    pub new_bracket: Option<usize>,
    /// Bytes of the old text from `[` to `]` inclusive.
    pub old_range: Option<Range<usize>>,
    /// Bytes of the new text from `[` to `]` inclusive; for `agreed`, the
    /// place of the kept text in the new text (the old brackets struck).
    pub new_range: Option<Range<usize>>,
}

/// One of the two revisions of a redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The older revision.
    Old,
    /// The newer revision.
    New,
}
