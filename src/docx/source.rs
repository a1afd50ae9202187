//! The source map: where each paragraph, label and run of the text came from
//! in the Word package, so that a later writer can put changes back into the
//! document's own XML. Plain data, independent of the text parser.

use super::View;
use std::ops::Range;

/// What a `.docx` was read from and how its text maps back onto it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxSource {
    /// The view of tracked changes the text shows.
    pub view: View,
    /// How many tracked changes the package holds (insertions, deletions,
    /// moves, paragraph-mark and formatting changes, in every part read).
    pub tracked_changes: usize,
    /// The name of the main part (`word/document.xml`).
    pub main_part: String,
    /// One entry per paragraph of the text, in text order.
    pub paragraphs: Vec<SourceParagraph>,
}

/// The XML part a paragraph comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The main document.
    Document,
    /// `word/footnotes.xml`.
    Footnotes,
    /// `word/endnotes.xml`.
    Endnotes,
}

/// Where in the document a paragraph of the text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A paragraph of the body (outside tables).
    Body,
    /// A whole table row whose cells hold one paragraph each, cells joined by tabs.
    TableRow {
        /// The table, counted in document order from 0 (nested tables count too).
        table: usize,
        /// The row, from 0.
        row: usize,
    },
    /// A paragraph of one table cell.
    TableCell {
        /// The table, counted in document order from 0.
        table: usize,
        /// The row, from 0.
        row: usize,
        /// The cell, from 0.
        cell: usize,
    },
    /// A paragraph of a footnote.
    Footnote {
        /// `w:id` of the footnote.
        id: i64,
        /// Its number in the text (the superscript marker).
        number: u32,
    },
    /// A paragraph of an endnote.
    Endnote {
        /// `w:id` of the endnote.
        id: i64,
        /// Its number in the text (after the footnotes').
        number: u32,
    },
}

/// One `w:p` element of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlParagraph {
    /// Its place among the part's `w:p` elements in document order, from 0
    /// (Word's `Paragraphs(index + 1)` for the main document).
    pub index: usize,
    /// Its bytes in the part's XML text.
    pub xml: Range<usize>,
}

/// One paragraph of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceParagraph {
    /// Its bytes in the text (label and emphasis markers included, no blank line).
    pub text: Range<usize>,
    /// The part it comes from.
    pub part: Part,
    /// Where it stands.
    pub origin: Origin,
    /// The `w:p` elements it was made from: one, or several when paragraph
    /// marks are deleted (accepted view) or inserted (original view), or a table row.
    pub xml: Vec<XmlParagraph>,
    /// The raw `w:pPr` of the paragraph whose mark ends it, as written.
    pub ppr: Option<String>,
    /// The label written from automatic numbering, if any.
    pub label: Option<SourceLabel>,
    /// The runs, in text order.
    pub runs: Vec<SourceRun>,
    /// Text the reader added that is not in the document.
    pub added: Vec<Added>,
}

/// A label materialised from automatic numbering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLabel {
    /// The label's bytes in the text (`a)`), without the tab or space after it.
    pub range: Range<usize>,
    /// `w:numId`.
    pub num_id: u32,
    /// `w:ilvl`.
    pub level: u8,
}

/// One `w:r` element's visible text (or an `m:oMath` element's, without `w:rPr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRun {
    /// Its bytes in the text (emphasis markers may fall inside, see [`Added`]).
    pub text: Range<usize>,
    /// Its bytes in the part's XML text.
    pub xml: Range<usize>,
    /// Its raw `w:rPr`, as written.
    pub rpr: Option<String>,
    /// The tracked change it lies in, if any.
    pub change: Option<Change>,
}

/// A tracked change around a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// `w:ins`.
    Inserted,
    /// `w:del`.
    Deleted,
    /// `w:moveFrom`.
    MovedFrom,
    /// `w:moveTo`.
    MovedTo,
}

/// Text added by the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: AddedKind,
}

/// Kinds of added text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddedKind {
    /// The tab or space after an automatic label.
    LabelSuffix,
    /// `**` or `*` around bold or italic text.
    Emphasis,
    /// The tab between two cells of a table row.
    CellSeparator,
    /// A footnote's marker or the space after it, where the note text lacks them.
    NoteMarker,
}

impl DocxSource {
    /// The paragraph whose text holds byte `offset` (or the nearest before it).
    pub fn paragraph_at(&self, offset: usize) -> Option<&SourceParagraph> {
        let after = self.paragraphs.partition_point(|paragraph| paragraph.text.start <= offset);
        after.checked_sub(1).map(|index| &self.paragraphs[index])
    }
}
