//! The cumulative redline of a series: every provision's whole history, each span attributed.
//!
//! # Invariants
//! - Revisions are numbered from 1 in the order given; `inserted_in` and
//!   `deleted_in` hold such numbers. A span with `inserted_in: None` was in
//!   the base revision.
//! - The text alive at revision `r` (`base <= r <= latest`) of one provision,
//!   its spans with `inserted_in <= r` (or `None`) and not `deleted_in <= r`,
//!   is exactly that provision's raw text in revision `r`; joined over the lead
//!   and all provisions in order it is revision `r`'s text whenever no
//!   provision moved after `r` (see [`Cumulative::text_at`]).

use crate::model::SectionKind;
use crate::model::{Action, Emphasis, EntryKind, Role, Span, Summary};
use serde::Serialize;

/// The composition of the consecutive redlines of a series.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Cumulative {
    /// The revision the composition starts at (1-based).
    pub base: usize,
    /// The last revision of the series (1-based).
    pub latest: usize,
    /// Counts of the provisions' overall actions, base against latest.
    pub summary: Summary,
    /// Whitespace before the first piece, through the series.
    pub lead: Vec<SeriesSpan>,
    /// Every piece that ever stood in the series, in reading order of the
    /// latest revision; removed pieces stand where they last stood.
    pub provisions: Vec<History>,
    /// Where the composition fell back to a coarser answer, and why.
    pub warnings: Vec<String>,
}

/// One line of history: a piece followed through every revision it stands in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// What the piece is (title line, heading, provision).
    pub kind: EntryKind,
    /// Overall action, base against latest: `ADD` (added after the base and
    /// still there), `SUP` (removed; `added_in` tells whether it was ever in
    /// the base), `MOD` (some step modified it), `NOC`.
    pub action: Action,
    /// Headings: 1 or 2; provisions: 1 + nesting depth (latest revision it stands in).
    pub level: usize,
    /// Heading of the section it last stood in.
    pub section: Option<String>,
    /// Kind of that section.
    pub section_kind: Option<SectionKind>,
    /// The revision that added it; `None` when it was in the base.
    pub added_in: Option<usize>,
    /// The revision that removed it; `None` when it is in the latest.
    pub removed_in: Option<usize>,
    /// Its label in every revision it stands in, in order.
    pub labels: Vec<LabelAt>,
    /// Every step that changed it (action, move or renumbering).
    pub changes: Vec<Change>,
    /// Its text through the series, each span attributed.
    pub spans: Vec<SeriesSpan>,
}

/// A piece's label in one revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelAt {
    /// The revision (1-based).
    pub revision: usize,
    /// The label as written there, if any.
    pub label: Option<String>,
}

/// What one step did to a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The revision the step leads to (1-based).
    pub revision: usize,
    /// The step's action mark for the piece.
    pub action: Action,
    /// The step found it at another place.
    pub moved: bool,
    /// The step changed its label.
    pub renumbered: bool,
}

/// A run of text with the revisions that inserted and deleted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesSpan {
    /// The exact source text.
    pub text: String,
    /// The revision that inserted it; `None` when it was in the base.
    pub inserted_in: Option<usize>,
    /// The revision that deleted it; `None` when it is in the latest.
    pub deleted_in: Option<usize>,
    /// What the text is, as the last step that saw it said.
    #[serde(skip_serializing_if = "is_text_role")]
    pub role: Role,
    /// Bracket nesting depth of the text, as the last step that saw it said.
    #[serde(skip_serializing_if = "is_zero")]
    pub bracket_depth: usize,
    /// Emphasis of the text, as the last step that saw it said.
    #[serde(skip_serializing_if = "Emphasis::is_plain")]
    pub emphasis: Emphasis,
}

fn is_text_role(role: &Role) -> bool {
    *role == Role::Text
}

fn is_zero(value: &usize) -> bool {
    *value == 0
}

impl SeriesSpan {
    /// A span with the text and style of `span`, inserted and deleted as given.
    pub fn styled(span: &Span, inserted_in: Option<usize>, deleted_in: Option<usize>) -> Self {
        SeriesSpan {
            text: span.text.clone(),
            inserted_in,
            deleted_in,
            role: span.role,
            bracket_depth: span.bracket_depth,
            emphasis: span.emphasis,
        }
    }

    /// `true` when the span's text stands in revision `revision` of a series
    /// starting at `base`.
    pub fn alive_at(&self, revision: usize, base: usize) -> bool {
        self.inserted_in.unwrap_or(base) <= revision
            && self.deleted_in.is_none_or(|deleted| deleted > revision)
    }

    /// `true` when the span is still in the latest revision.
    pub fn is_alive(&self) -> bool {
        self.deleted_in.is_none()
    }

    /// `true` when both spans have the same attribution and style, so they can be joined.
    pub fn joins(&self, other: &SeriesSpan) -> bool {
        self.inserted_in == other.inserted_in
            && self.deleted_in == other.deleted_in
            && self.role == other.role
            && self.bracket_depth == other.bracket_depth
            && self.emphasis == other.emphasis
    }
}

/// Joins the text of the spans alive at `revision`.
pub fn text_at(spans: &[SeriesSpan], revision: usize, base: usize) -> String {
    spans.iter().filter(|span| span.alive_at(revision, base)).map(|s| s.text.as_str()).collect()
}

impl History {
    /// The piece's text in `revision`: empty where it does not stand.
    pub fn text_at(&self, revision: usize, base: usize) -> String {
        text_at(&self.spans, revision, base)
    }

    /// The label in the latest revision it stands in.
    pub fn latest_label(&self) -> Option<&str> {
        self.labels.last().and_then(|at| at.label.as_deref())
    }

    /// `true` when the label changed between its first and last revision.
    pub fn renumbered(&self) -> bool {
        let first = self.labels.first().map(|at| &at.label);
        first.is_some() && first != self.labels.last().map(|at| &at.label)
    }

    /// `true` when some step moved it.
    pub fn moved(&self) -> bool {
        self.changes.iter().any(|change| change.moved)
    }
}

impl Cumulative {
    /// The whole text of `revision`: the lead and every provision, alive
    /// spans only. Equal to the revision's text unless a provision moved
    /// after `revision` (a moved provision stands at its latest place).
    pub fn text_at(&self, revision: usize) -> String {
        let mut text = text_at(&self.lead, revision, self.base);
        for history in &self.provisions {
            text.push_str(&history.text_at(revision, self.base));
        }
        text
    }
}
