//! The redline model: what changed between two revisions, piece by piece.
//!
//! The aligner ([`crate::diff`]) builds a [`Redline`]; every renderer only
//! reads it. It is plain data, serialisable as the versioned JSON contract.
//!
//! # Invariants
//! - Joining the `equal` and `delete` span texts of `lead` and of every entry,
//!   in order, gives the old text exactly, taking a moved entry's old text at
//!   its [`EntryKind::MoveStub`] instead of at the entry
//!   ([`Redline::old_text`]); joining `equal` and `insert` gives the new text
//!   exactly. A stub has no spans: the moved entry carries both texts, and
//!   readers of a rendered redline put the old text back at the stub.
//! - Entries are in reading order of the new text; suppressed pieces stand
//!   where they stood in the old text.
//! - A `delete`/`insert` pair with role `layout` or `typographic` is not a
//!   change of the text: it never makes an entry `MOD`.

use super::SectionKind;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Version of the JSON contract; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The redline of one revision against another.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Redline {
    /// Version of this JSON contract ([`SCHEMA_VERSION`]).
    pub schema: u32,
    /// Where the old revision came from.
    pub old: Source,
    /// Where the new revision came from.
    pub new: Source,
    /// The language of the new revision; left out of the JSON for English.
    #[serde(skip_serializing_if = "super::Language::is_english")]
    pub language: super::Language,
    /// Counts of each action and flag.
    pub summary: Summary,
    /// Whitespace before the first piece, old against new.
    pub lead: Vec<Span>,
    /// Every piece of both revisions, in reading order of the new one.
    #[serde(rename = "provisions")]
    pub entries: Vec<Entry>,
    /// Every `[bracketed]` span of both revisions, followed from old to new
    /// and classified (`new`, `unchanged`, `changed`, `agreed`, `dropped`,
    /// `rebracketed`) by [`crate::brackets::track`].
    pub brackets: Vec<super::TrackedBracket>,
    /// Where the aligner fell back to a coarser answer, and why.
    pub warnings: Vec<String>,
}

/// A revision's origin: path and the encoding it was decoded from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The path as given on the command line (or a name for in-memory text).
    pub path: String,
    /// The encoding the bytes were decoded from.
    pub encoding: String,
}

/// How many entries carry each action and flag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Pieces only in the new revision.
    #[serde(rename = "ADD")]
    pub add: usize,
    /// Pieces only in the old revision.
    #[serde(rename = "SUP")]
    pub sup: usize,
    /// Pieces whose text changed.
    #[serde(rename = "MOD")]
    pub modified: usize,
    /// Pieces whose text did not change.
    #[serde(rename = "NOC")]
    pub noc: usize,
    /// Pieces found at another place.
    pub moved: usize,
    /// Pieces whose label changed.
    pub renumbered: usize,
}

/// What an entry of the redline stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A line of the title block.
    Title,
    /// A section heading or a sub-heading (see [`Entry::level`]).
    Heading,
    /// A provision or a footnote.
    Provision,
    /// The place a moved piece came from; the piece itself is rendered once,
    /// at its new place, with the same [`Entry::move_id`].
    MoveStub,
}

/// The ITU action mark of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Action {
    /// New in the new revision.
    #[serde(rename = "ADD")]
    Add,
    /// Suppressed: only in the old revision.
    #[serde(rename = "SUP")]
    Sup,
    /// Modified: the text changed.
    #[serde(rename = "MOD")]
    Mod,
    /// No change of the text (the label may have been renumbered).
    #[serde(rename = "NOC")]
    Noc,
}

impl Action {
    /// The mark as printed: `ADD`, `SUP`, `MOD`, `NOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Add => "ADD",
            Action::Sup => "SUP",
            Action::Mod => "MOD",
            Action::Noc => "NOC",
        }
    }
}

/// One piece of the redline: a title line, heading or provision of either revision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// What the entry stands for.
    pub kind: EntryKind,
    /// Its action mark.
    pub action: Action,
    /// Headings: 1 for a section heading, 2 for a sub-heading.
    /// Provisions: 1 + nesting depth.
    pub level: usize,
    /// Heading of the section it stands in (new section; old one for `SUP`).
    pub section: Option<String>,
    /// Kind of that section.
    pub section_kind: Option<SectionKind>,
    /// Label in the old revision.
    pub old_label: Option<String>,
    /// Label in the new revision.
    pub new_label: Option<String>,
    /// Found at another place than in the old revision.
    pub moved: bool,
    /// The label changed (not a change of the text).
    pub renumbered: bool,
    /// Old and new differ in typography only somewhere (quotes, dashes, spaces).
    pub typographic: bool,
    /// Old and new differ in layout somewhere (line breaks, spacing).
    pub layout: bool,
    /// Links a moved entry and its [`EntryKind::MoveStub`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub move_id: Option<usize>,
    /// Links the halves of a provision split in two, or of two merged.
    #[serde(flatten)]
    pub links: Links,
    /// Index of the piece in the old document.
    pub old_piece: Option<usize>,
    /// Index of the piece in the new document.
    pub new_piece: Option<usize>,
    /// Source lines (1-based, inclusive) in the old text.
    pub old_lines: Option<(usize, usize)>,
    /// Source lines (1-based, inclusive) in the new text.
    pub new_lines: Option<(usize, usize)>,
    /// The text, old against new, as equal, deleted and inserted spans.
    pub spans: Vec<Span>,
}

/// The links between the entries of a split or a merge, each pair sharing an
/// id: a provision split in two is `MOD` (`split_into`) and `ADD`
/// (`split_from`); two merged are `MOD` (`merged_from`) and `SUP`
/// (`merged_into`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Links {
    /// On an added entry: made of words struck from the entry with this `split_into`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split_from: Option<usize>,
    /// On a modified entry: its struck words make the entry with this `split_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split_into: Option<usize>,
    /// On a suppressed entry: its words were inserted into the entry with this `merged_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<usize>,
    /// On a modified entry: its inserted words come from the entry with this `merged_into`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_from: Option<usize>,
}

impl Links {
    /// `true` when the entry is one half of a split or a merge.
    pub fn any(&self) -> bool {
        *self != Links::default()
    }
}

/// Whether a span is in both revisions, only the old one or only the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both.
    Equal,
    /// Only in the old revision.
    Delete,
    /// Only in the new revision.
    Insert,
}

/// What a span's text is, for a reader deciding how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Words, numbers and punctuation of the provision.
    #[default]
    Text,
    /// The provision's label (`c)` struck and `d)` inserted is a renumbering).
    Label,
    /// Whitespace that only differs in layout: not a change of the text.
    Layout,
    /// A typographic variant (curly quote, no-break space ...): not a change.
    Typographic,
}

/// A run of text with one operation and one style.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Equal, deleted or inserted.
    pub op: Op,
    /// The exact source text, whitespace included.
    pub text: String,
    /// What the text is.
    #[serde(skip_serializing_if = "is_text_role")]
    pub role: Role,
    /// Bracket nesting depth of the text (0 outside brackets).
    #[serde(skip_serializing_if = "is_zero")]
    pub bracket_depth: usize,
    /// Bold, italic or struck in the source (`**`, `*`, `~~`).
    #[serde(skip_serializing_if = "Emphasis::is_plain")]
    pub emphasis: Emphasis,
}

/// Emphasis of a span's text, from `**`, `*` and `~~` in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Emphasis {
    /// Inside `**...**`.
    pub bold: bool,
    /// Inside `*...*`.
    pub italic: bool,
    /// Inside `~~...~~` (a struck mark in an exported redline).
    pub struck: bool,
    /// The span is a delimiter itself (`**`, `*`, `~~`): shown only in plain text.
    pub delimiter: bool,
}

impl Emphasis {
    /// No emphasis at all.
    pub fn is_plain(&self) -> bool {
        *self == Emphasis::default()
    }
}

fn is_text_role(role: &Role) -> bool {
    *role == Role::Text
}

fn is_zero(value: &usize) -> bool {
    *value == 0
}

impl Span {
    /// A plain text span.
    pub fn new(op: Op, text: impl Into<String>) -> Self {
        Span {
            op,
            text: text.into(),
            role: Role::Text,
            bracket_depth: 0,
            emphasis: Emphasis::default(),
        }
    }

    /// The same span with another role.
    pub fn with_role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    /// `true` for the parts of the old text: equal and deleted spans.
    pub fn in_old(&self) -> bool {
        self.op != Op::Insert
    }

    /// `true` for the parts of the new text: equal and inserted spans.
    pub fn in_new(&self) -> bool {
        self.op != Op::Delete
    }

    /// `true` when this span is a change a reader should see: a deletion or
    /// insertion of text or label, not of layout or typography.
    pub fn is_visible_change(&self) -> bool {
        self.op != Op::Equal && matches!(self.role, Role::Text | Role::Label)
    }
}

impl Entry {
    /// An entry of `kind` with `action` and `spans`: no section, no labels,
    /// no flags, no pieces; set the rest with struct update syntax.
    pub fn new(kind: EntryKind, action: Action, spans: Vec<Span>) -> Self {
        Entry {
            kind,
            action,
            level: 1,
            section: None,
            section_kind: None,
            old_label: None,
            new_label: None,
            moved: false,
            renumbered: false,
            typographic: false,
            layout: false,
            move_id: None,
            links: Links::default(),
            old_piece: None,
            new_piece: None,
            old_lines: None,
            new_lines: None,
            spans,
        }
    }

    /// The entry's old text: its equal and deleted spans joined.
    pub fn old_text(&self) -> String {
        self.spans.iter().filter(|s| s.in_old()).map(|s| s.text.as_str()).collect()
    }

    /// The entry's new text: its equal and inserted spans joined.
    pub fn new_text(&self) -> String {
        self.spans.iter().filter(|s| s.in_new()).map(|s| s.text.as_str()).collect()
    }

    /// `true` unless the entry is `NOC` and neither moved nor renumbered.
    pub fn is_changed(&self) -> bool {
        self.action != Action::Noc || self.moved || self.renumbered
    }
}

impl Summary {
    /// Counts the actions and flags of `entries` (move stubs are not counted).
    pub fn count(entries: &[Entry]) -> Summary {
        let mut summary = Summary::default();
        for entry in entries.iter().filter(|e| e.kind != EntryKind::MoveStub) {
            match entry.action {
                Action::Add => summary.add += 1,
                Action::Sup => summary.sup += 1,
                Action::Mod => summary.modified += 1,
                Action::Noc => summary.noc += 1,
            }
            summary.moved += usize::from(entry.moved);
            summary.renumbered += usize::from(entry.renumbered);
        }
        summary
    }
}

impl Redline {
    /// Bytes of text in all spans (old and new together): a size hint for
    /// renderers, which reserve their output once instead of growing it.
    pub fn text_len(&self) -> usize {
        self.entries.iter().flat_map(|entry| &entry.spans).map(|span| span.text.len()).sum()
    }

    /// The old revision's text, rebuilt from the spans: a moved entry's old
    /// text stands at its move stub.
    pub fn old_text(&self) -> String {
        let moved: HashMap<usize, &Entry> = (self.entries.iter())
            .filter(|e| e.kind != EntryKind::MoveStub)
            .filter_map(|e| Some((e.move_id?, e)))
            .collect();
        let mut text: String =
            self.lead.iter().filter(|s| s.in_old()).map(|s| s.text.as_str()).collect();
        for entry in &self.entries {
            match entry.kind {
                EntryKind::MoveStub => {
                    if let Some(moved) = entry.move_id.and_then(|id| moved.get(&id)) {
                        text.push_str(&moved.old_text());
                    }
                }
                _ if entry.moved => {}
                _ => text.push_str(&entry.old_text()),
            }
        }
        text
    }

    /// The new revision's text, rebuilt from the spans.
    pub fn new_text(&self) -> String {
        let spans = self.lead.iter().chain(self.entries.iter().flat_map(|e| &e.spans));
        spans.filter(|s| s.in_new()).map(|s| s.text.as_str()).collect()
    }

    /// The move ids that have both a moved entry and its stub.
    pub fn complete_moves(&self) -> HashSet<usize> {
        let ids = |stub: bool| -> HashSet<usize> {
            let with_kind = self.entries.iter().filter(|e| (e.kind == EntryKind::MoveStub) == stub);
            with_kind.filter(|e| stub || e.moved).filter_map(|e| e.move_id).collect()
        };
        let stubs = ids(true);
        ids(false).into_iter().filter(|id| stubs.contains(id)).collect()
    }
}
