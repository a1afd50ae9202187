//! The document model: one revision of a resolution, as the parser reads it.
//!
//! A [`Document`] owns its decoded text and describes it as a flat list of
//! [`Piece`]s in reading order (title lines, headings, sub-headings,
//! provisions, footnotes), grouped into [`Section`]s. Pieces refer to the text
//! by byte ranges, so nothing is copied and nothing is lost.
//!
//! # Invariants
//! - `lead` followed by the `raw` ranges of all pieces, in order, tiles
//!   `0..text.len()` exactly: every byte belongs to exactly one place.
//! - `content` and `label.range` of a piece lie inside its `raw` range.
//! - Every non-whitespace character outside `lead` is inside the `raw` range
//!   of exactly one piece (the lead holds only whitespace).
//! - Nested provisions point at their parent by index; parents come first.

use serde::Serialize;
use std::ops::Range;

/// One revision of a resolution: its text and the structure found in it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    /// The decoded text with line endings normalised to `\n`; all ranges index it.
    #[serde(skip)]
    pub text: String,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `windows-1252` ...).
    pub encoding: String,
    /// The path it was read from, as given; empty for a text parsed in memory.
    #[serde(skip)]
    pub path: String,
    /// Whitespace before the first piece.
    #[serde(skip)]
    pub lead: Range<usize>,
    /// Every piece of the document in reading order.
    #[serde(skip)]
    pub pieces: Vec<Piece>,
    /// The sections in reading order; the title block is not a section.
    #[serde(skip)]
    pub sections: Vec<Section>,
    /// Square-bracket spans of negotiation text (artefacts and references excluded).
    #[serde(skip)]
    pub brackets: Vec<Bracket>,
    /// Problems found while parsing; parsing itself never fails.
    pub diagnostics: Vec<Diagnostic>,
    /// The language the text is written in (detected, or given by the caller).
    #[serde(skip)]
    pub language: super::Language,
}

/// What a piece of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PieceKind {
    /// A line (or paragraph) of the title block before the first section.
    Title,
    /// The heading that opens a section (`recalling`, `resolves`, `ANNEX`).
    Heading,
    /// A heading inside a section that groups the provisions after it
    /// (the ECOSOC seed's "Internet governance").
    SubHeading,
    /// A provision: a labelled or unlabelled paragraph of a section.
    Provision,
    /// A footnote text (the ECOSOC seed's `� See A/C.2/59/3 ...` lines).
    Footnote,
}

/// A unit of the document that is aligned, diffed and rendered as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// What this piece is.
    pub kind: PieceKind,
    /// Index into [`Document::sections`]; `None` in the title block.
    pub section: Option<usize>,
    /// Index of the enclosing provision for nested sub-provisions.
    pub parent: Option<usize>,
    /// Nesting depth: 0 for top-level provisions, 1 for their sub-items ...
    pub depth: usize,
    /// The label as written (`a)`, `1.`, `(a)`, `–`), if any.
    pub label: Option<Label>,
    /// Everything this piece owns: indentation, label, text, trailing whitespace.
    pub raw: Range<usize>,
    /// The text proper: after the label and its separator, without trailing whitespace.
    pub content: Range<usize>,
    /// First and last source line (1-based, inclusive) of the text.
    pub lines: (usize, usize),
    /// Inline spans found in the text (emphasis, footnote markers, artefacts).
    pub inlines: Vec<Inline>,
    /// For a provision whose text opens with its section's heading (UN style,
    /// "Recalling also its resolution ..."), `true`: the opening phrase is
    /// an [`InlineKind::OpeningPhrase`] inline, and part of the text that is
    /// aligned and diffed, so a changed or moved phrase changes no heading.
    pub inline_heading: bool,
}

/// A provision label exactly as written, with what it counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The label exactly as written (`a)`, `(a)`, `1.`, `12`, `iv)`, `–`, `·`).
    pub text: String,
    /// Byte range of the label in [`Document::text`].
    pub range: Range<usize>,
    /// What kind of sequence the label belongs to.
    pub kind: LabelKind,
    /// Position in its sequence (`c)` is 3, `iv)` is 4); `None` for bullets.
    pub ordinal: Option<u32>,
}

/// The kind of sequence a label belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// `a)`, `(b)`, `c.`; Arabic letters in abjad order (`أ)`, `ب)`, `ج)`)
    /// and Cyrillic letters (`а)`, `б)`, `в)`).
    Letter,
    /// `1`, `1.`, `(2)`, `3)`, `1、`; Arabic-Indic digits (`١)`) too.
    Number,
    /// `i)`, `(iv)`.
    Roman,
    /// `–`, `-`, `·`, `•`.
    Bullet,
    /// Chinese numerals: `一、`, `（二）`.
    Ideographic,
}

/// A section: a heading and the pieces under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Index of the heading piece; `None` for a section without one, and for
    /// a UN preambular paragraph, whose heading opens its provision's text.
    pub heading: Option<usize>,
    /// The heading text as written (trimmed), if any.
    pub heading_text: Option<String>,
    /// Preambular, operative, annex or other.
    pub kind: SectionKind,
    /// The pieces of this section (heading included), as a range of piece indices.
    pub pieces: Range<usize>,
}

/// The role of a section in a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// `recalling`, `considering`, `noting` ...: the reasons.
    Preamble,
    /// `resolves`, `instructs`, `invites` ...: the decisions.
    Operative,
    /// An `ANNEX` and what follows it.
    Annex,
    /// Anything the parser could not classify.
    Other,
}

/// An inline span inside a piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inline {
    /// What the span is.
    pub kind: InlineKind,
    /// Byte range in [`Document::text`], delimiters included.
    pub range: Range<usize>,
}

/// The kind of an inline span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InlineKind {
    /// `**bold**`.
    Bold,
    /// `*italic*`.
    Italic,
    /// `~~struck~~`, as in a redline exported to text.
    Struck,
    /// A footnote marker (`⁴`, `�`).
    FootnoteMarker,
    /// A Word-export artefact such as `[bookmark: Signature]`: not text.
    Artefact,
    /// The opening phrase of a UN preambular paragraph ("Recalling also"),
    /// its section's heading, printed in italics.
    OpeningPhrase,
}

/// A square-bracket span of text not yet agreed.
///
/// Brackets pair within a section; one that finds no partner there is
/// unbalanced and has `None` on the missing side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bracket {
    /// Byte offset of `[`, if the bracket was opened.
    pub open: Option<usize>,
    /// Byte offset of `]`, if the bracket was closed.
    pub close: Option<usize>,
    /// 1 for an outermost bracket, 2 inside another ...
    pub depth: usize,
    /// Index of the piece holding the `[` (or the `]` when unopened).
    pub piece: usize,
}

/// A problem found while parsing, at a 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// 1-based line in the decoded text.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What was found, in a sentence.
    pub message: String,
}

impl Document {
    /// The whole raw text of piece `index`: label, text and trailing whitespace.
    pub fn raw(&self, index: usize) -> &str {
        &self.text[self.pieces[index].raw.clone()]
    }

    /// The text proper of piece `index`, without label and trailing whitespace.
    pub fn content(&self, index: usize) -> &str {
        &self.text[self.pieces[index].content.clone()]
    }

    /// The text of piece `index` after its opening phrase (UN style, see
    /// [`Piece::inline_heading`]); its content otherwise.
    pub fn after_opening_phrase(&self, index: usize) -> &str {
        let piece = &self.pieces[index];
        let phrase = piece.inlines.iter().find(|inline| inline.kind == InlineKind::OpeningPhrase);
        match phrase {
            Some(phrase) => self.text[phrase.range.end..piece.content.end].trim_start(),
            None => self.content(index),
        }
    }

    /// The leading whitespace before the first piece.
    pub fn lead_text(&self) -> &str {
        &self.text[self.lead.clone()]
    }

    /// The heading text of the section piece `index` belongs to, if any.
    pub fn section_heading(&self, index: usize) -> Option<&str> {
        let section = self.pieces[index].section?;
        self.sections[section].heading_text.as_deref()
    }

    /// 1-based line and column (in characters) of byte `offset` in the text.
    ///
    /// Linear in the size of the text: for many look-ups build a [`LineIndex`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        LineIndex::new(&self.text).line_col(&self.text, offset)
    }
}

/// Start offsets of the lines of a text, for offset to line:column look-ups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Per line, `true` when it is all ASCII: its columns are byte offsets,
    /// found without counting characters (a line can be a whole provision).
    ascii: Vec<bool>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let starts: Vec<usize> =
            std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        let ascii = starts.iter().zip(ends).map(|(&start, end)| text[start..end].is_ascii());
        Self { ascii: ascii.collect(), starts }
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`,
    /// the text this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let before = &text[start..offset];
        let column = if self.ascii[line - 1] { before.len() } else { before.chars().count() } + 1;
        (line, column)
    }

    /// 1-based line of byte `offset`: a binary search, without counting the
    /// characters of the line as [`LineIndex::line_col`] does.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    /// Line and column by walking the text character by character.
    fn walked(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
    }

    proptest::proptest! {
        #[test]
        fn line_and_column_are_those_of_a_walk(text in "[ab\né€\n]{0,40}", at in 0usize..50) {
            let offset = text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(at);
            let offset = offset.unwrap_or(text.len());
            let index = LineIndex::new(&text);
            proptest::prop_assert_eq!(index.line_col(&text, offset), walked(&text, offset));
            proptest::prop_assert_eq!(index.line(offset), walked(&text, offset).0);
        }
    }
}
