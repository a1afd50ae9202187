//! The outline of a document, as `redline outline --format json` prints it:
//! the tree a reader checks (sections, provisions with their labels,
//! diagnostics), built from the document model.

use crate::model::{Diagnostic, Document, LabelKind, Language, Piece, PieceKind, SectionKind};
use serde::Serialize;

/// The outline of a document: the JSON printed by `redline outline --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// The encoding the file was decoded from.
    pub encoding: String,
    /// The language of the text; left out for English.
    #[serde(skip_serializing_if = "Language::is_english")]
    pub language: Language,
    /// The paragraphs of the title block, as written.
    pub title: Vec<String>,
    /// The sections in reading order.
    pub sections: Vec<OutlineSection>,
    /// Problems found while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// A section of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineSection {
    /// The heading as written, or `null` for a section without one.
    pub heading: Option<String>,
    /// `preamble`, `operative`, `annex` or `other`.
    pub kind: SectionKind,
    /// The heading opens the sentence of its provision (UN style).
    pub inline_heading: bool,
    /// First and last source line of the section (1-based, inclusive).
    pub lines: (usize, usize),
    /// Provisions and footnotes as a tree: sub-provisions under their parent.
    pub provisions: Vec<OutlineProvision>,
    /// Every piece after the heading, in order, sub-headings included.
    pub pieces: Vec<OutlineItem>,
}

/// A provision (or footnote) with its sub-provisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineProvision {
    /// `provision` or `footnote`.
    pub kind: ItemKind,
    /// The label as written, if any.
    pub label: Option<String>,
    /// `letter`, `number`, `roman`, `bullet` or `ideographic`.
    pub label_kind: Option<LabelKind>,
    /// Position of the label in its sequence.
    pub ordinal: Option<u32>,
    /// The text after the label, as written.
    pub text: String,
    /// First and last source line (1-based, inclusive).
    pub lines: (usize, usize),
    /// Nested sub-provisions.
    pub children: Vec<OutlineProvision>,
}

/// One piece of a section, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineItem {
    /// `provision`, `sub_heading` or `footnote`.
    pub kind: ItemKind,
    /// The label as written, if any.
    pub label: Option<String>,
    /// `letter`, `number`, `roman`, `bullet` or `ideographic`.
    pub label_kind: Option<LabelKind>,
    /// Position of the label in its sequence.
    pub ordinal: Option<u32>,
    /// Nesting depth: 0 at the top of the section.
    pub depth: usize,
    /// The text after the label, as written.
    pub text: String,
    /// First and last source line (1-based, inclusive).
    pub lines: (usize, usize),
}

/// What an item of a section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A provision.
    Provision,
    /// A sub-heading grouping the provisions after it.
    SubHeading,
    /// A footnote text.
    Footnote,
}

/// Builds the outline of a document.
pub fn outline(document: &Document) -> Outline {
    let title = document
        .pieces
        .iter()
        .enumerate()
        .filter(|(_, piece)| piece.kind == PieceKind::Title)
        .map(|(index, _)| document.content(index).to_string())
        .collect();
    let sections = (0..document.sections.len()).map(|at| section(document, at)).collect();
    Outline {
        encoding: document.encoding.clone(),
        language: document.language,
        title,
        sections,
        diagnostics: document.diagnostics.clone(),
    }
}

fn section(document: &Document, at: usize) -> OutlineSection {
    let section = &document.sections[at];
    let body: Vec<usize> =
        section.pieces.clone().filter(|&index| Some(index) != section.heading).collect();
    let inline_heading =
        document.pieces.get(section.pieces.start).is_some_and(|piece| piece.inline_heading);
    let pieces = &document.pieces[section.pieces.clone()];
    let lines = match (pieces.first(), pieces.last()) {
        (Some(first), Some(last)) => (first.lines.0, last.lines.1),
        _ => (0, 0),
    };
    OutlineSection {
        heading: section.heading_text.clone(),
        kind: section.kind,
        inline_heading,
        lines,
        provisions: tree(document, &body),
        pieces: body.iter().map(|&index| item(document, index)).collect(),
    }
}

fn item_kind(piece: &Piece) -> ItemKind {
    match piece.kind {
        PieceKind::SubHeading => ItemKind::SubHeading,
        PieceKind::Footnote => ItemKind::Footnote,
        _ => ItemKind::Provision,
    }
}

fn item(document: &Document, index: usize) -> OutlineItem {
    let piece = &document.pieces[index];
    let label = piece.label.as_ref();
    OutlineItem {
        kind: item_kind(piece),
        label: label.map(|label| label.text.clone()),
        label_kind: label.map(|label| label.kind),
        ordinal: label.and_then(|label| label.ordinal),
        depth: piece.depth,
        text: document.after_opening_phrase(index).to_string(),
        lines: piece.lines,
    }
}

/// The provisions and footnotes of `body` as a tree (parents come before children).
fn tree(document: &Document, body: &[usize]) -> Vec<OutlineProvision> {
    let nodes: Vec<usize> = body
        .iter()
        .copied()
        .filter(|&index| document.pieces[index].kind != PieceKind::SubHeading)
        .collect();
    let mut children: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    let mut roots = Vec::new();
    for &index in &nodes {
        match document.pieces[index].parent {
            Some(parent) => children.entry(parent).or_default().push(index),
            None => roots.push(index),
        }
    }
    roots.iter().map(|&index| node(document, index, &children)).collect()
}

fn node(
    document: &Document,
    index: usize,
    children: &std::collections::HashMap<usize, Vec<usize>>,
) -> OutlineProvision {
    let item = item(document, index);
    let nested = children.get(&index).map(Vec::as_slice).unwrap_or_default();
    OutlineProvision {
        kind: item.kind,
        label: item.label,
        label_kind: item.label_kind,
        ordinal: item.ordinal,
        text: item.text,
        lines: item.lines,
        children: nested.iter().map(|&child| node(document, child, children)).collect(),
    }
}
