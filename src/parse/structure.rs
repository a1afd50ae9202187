//! From paragraphs to pieces and sections: titles, headings, sub-headings,
//! provisions (nested by [`super::lists`]) and footnotes.

use super::inline;
use super::labels::LabelToken;
use super::lines::{Item, Start, skip_blanks};
use super::lists::{Candidate, Lists};
use super::paragraphs::{Block, Layout};
use crate::model::{
    Inline, InlineKind, Label, LabelKind, LineIndex, Piece, PieceKind, Section, SectionKind,
};
use std::ops::Range;

/// Message of the diagnostic for a dropped Word-export artefact.
pub(super) const ARTEFACT_DROPPED: &str = "Word-export artefact dropped";

/// Message of the diagnostic for text that no heading introduces.
pub(super) const NO_HEADING: &str =
    "no section heading before this text: placed in a section of kind other";

/// Message of the diagnostic for a separator line.
pub(super) const SEPARATOR: &str = "separator line placed in a section of kind other";

/// Pieces, sections and diagnostics (at byte offsets) built from a layout.
#[derive(Debug, Default)]
pub(super) struct Structure {
    pub pieces: Vec<Piece>,
    pub sections: Vec<Section>,
    pub notes: Vec<(usize, String)>,
}

/// Builds the structure of `text` from its layout.
pub(super) fn build(text: &str, layout: &Layout) -> Structure {
    let mut builder = Builder::new(text, layout);
    for (at, block) in layout.blocks.iter().enumerate() {
        let end =
            layout.blocks.get(at + 1).map_or(text.len(), |next| layout.lines[next.first].start);
        builder.block(block, layout.lines[block.first].start..end);
    }
    builder.finish()
}

struct Builder<'a> {
    text: &'a str,
    layout: &'a Layout,
    line_index: LineIndex,
    out: Structure,
    lists: Lists,
    in_annex: bool,
    footnotes: Option<usize>,
}

/// Where a piece goes in the lists of its section.
type Place = (Option<usize>, usize);

impl<'a> Builder<'a> {
    fn new(text: &'a str, layout: &'a Layout) -> Self {
        Builder {
            text,
            layout,
            line_index: LineIndex::new(text),
            out: Structure::default(),
            lists: Lists::default(),
            in_annex: false,
            footnotes: None,
        }
    }

    fn finish(mut self) -> Structure {
        let starts: Vec<usize> = self.out.sections.iter().map(|s| s.pieces.start).collect();
        let total = self.out.pieces.len();
        for (at, section) in self.out.sections.iter_mut().enumerate() {
            section.pieces.end = starts.get(at + 1).copied().unwrap_or(total);
        }
        self.out
    }

    /// The end of the text of a block: after its last non-blank character.
    fn text_end(&self, block: &Block) -> usize {
        self.layout.lines[block.last].text_end
    }

    fn body(&self, block: &Block) -> usize {
        self.layout.lines[block.first].body
    }

    fn block(&mut self, block: &Block, raw: Range<usize>) {
        let content = self.body(block)..self.text_end(block);
        if block.title {
            self.push(PieceKind::Title, raw, content, None, (None, 0));
            return;
        }
        match &self.layout.starts[block.first] {
            Start::Heading(kind) => self.heading(*kind, raw, content),
            Start::UnPhrase(end) => self.un_paragraph(*end, raw, content),
            Start::SubHeading => self.sub_heading(raw, content),
            Start::Footnote => self.footnote(raw, content),
            Start::Item(item) => self.item(item, raw, content),
            Start::Separator => self.separator(raw, content),
            Start::Text | Start::Formula | Start::Blank => self.text(raw, content),
        }
    }

    fn heading(&mut self, kind: SectionKind, raw: Range<usize>, content: Range<usize>) {
        self.in_annex |= kind == SectionKind::Annex;
        self.open_section(kind, Some(content.clone()));
        self.push(PieceKind::Heading, raw, content, None, (None, 0));
    }

    /// "Recalling also its resolution ...,": a section whose heading opens the
    /// sentence of its one provision, when it ends with `,`. The phrase stays
    /// in the provision's text: it is aligned and diffed with it.
    fn un_paragraph(&mut self, phrase_end: usize, raw: Range<usize>, content: Range<usize>) {
        let text_start = skip_blanks(self.text, phrase_end, content.end);
        let comma = self.text[content.clone()].ends_with(super::headings::COMMAS);
        if !comma || text_start >= content.end {
            return self.text(raw, content);
        }
        let phrase = content.start..phrase_end;
        self.open_inline_section(SectionKind::Preamble, phrase.clone());
        let index = self.provision(None, "", raw, content);
        let piece = &mut self.out.pieces[index];
        piece.inline_heading = true;
        piece.inlines.insert(0, Inline { kind: InlineKind::OpeningPhrase, range: phrase });
    }

    fn sub_heading(&mut self, raw: Range<usize>, content: Range<usize>) {
        if self.in_un_preamble() || self.out.sections.is_empty() {
            self.open_section(SectionKind::Operative, None);
        }
        self.lists.close_nested();
        self.push(PieceKind::SubHeading, raw, content, None, (None, 0));
    }

    fn footnote(&mut self, raw: Range<usize>, content: Range<usize>) {
        if !self.in_footnotes() {
            self.open_section(SectionKind::Other, None);
            self.footnotes = Some(self.out.sections.len() - 1);
        }
        self.push(PieceKind::Footnote, raw, content, None, (None, 0));
    }

    fn item(&mut self, item: &Item, raw: Range<usize>, content: Range<usize>) {
        let Some(token) = &item.label else {
            let content = item.text.min(content.end)..content.end;
            return self.text(raw, content);
        };
        let numbered = token.reading_of(LabelKind::Number).is_some();
        if numbered && self.in_un_preamble() {
            self.open_section(SectionKind::Operative, None);
        }
        let text_start = skip_blanks(self.text, token.range.end, content.end);
        let label_text = &self.text[token.range.clone()];
        self.provision(Some(token), label_text, raw, text_start..content.end);
    }

    /// A separator line belongs to no section of the resolution: it gets one of its own.
    fn separator(&mut self, raw: Range<usize>, content: Range<usize>) {
        self.out.notes.push((content.start, SEPARATOR.to_string()));
        self.open_section(SectionKind::Other, None);
        self.provision(None, "", raw, content);
    }

    fn text(&mut self, raw: Range<usize>, content: Range<usize>) {
        if self.in_footnotes() {
            return self.footnote(raw, content);
        }
        self.provision(None, "", raw, content);
    }

    fn provision(
        &mut self,
        token: Option<&LabelToken>,
        label_text: &str,
        raw: Range<usize>,
        content: Range<usize>,
    ) -> usize {
        self.ensure_section(raw.start);
        let colon = self.text[content.clone()].ends_with(super::headings::COLONS);
        let index = self.out.pieces.len();
        let placed = self.lists.place(Candidate { index, token, label_text, colon });
        if let (Some(problem), Some(token)) = (placed.problem, token) {
            self.out.notes.push((token.range.start, problem));
        }
        let label = token.zip(placed.reading).map(|(token, reading)| Label {
            text: label_text.to_string(),
            range: token.range.clone(),
            kind: reading.kind,
            ordinal: reading.ordinal,
        });
        self.push(PieceKind::Provision, raw, content, label, (placed.parent, placed.depth))
    }

    /// True when the current section is the footnotes' section.
    fn in_footnotes(&self) -> bool {
        self.footnotes.is_some() && self.footnotes == self.out.sections.len().checked_sub(1)
    }

    fn in_un_preamble(&self) -> bool {
        let Some(section) = self.out.sections.last() else { return false };
        self.out.pieces.get(section.pieces.start).is_some_and(|piece| piece.inline_heading)
    }

    /// Opens a section of kind other for text that no heading introduces.
    fn ensure_section(&mut self, at: usize) {
        if self.out.sections.is_empty() {
            self.out.notes.push((at, NO_HEADING.to_string()));
            self.open_section(SectionKind::Other, None);
        }
    }

    /// Opens a section whose heading `phrase` opens its first provision's text.
    fn open_inline_section(&mut self, kind: SectionKind, phrase: Range<usize>) {
        self.open_section(kind, None);
        let section = self.out.sections.last_mut().expect("just opened");
        section.heading_text = Some(self.text[phrase].to_string());
    }

    /// Opens a section; its heading, if any, is the next piece pushed.
    fn open_section(&mut self, kind: SectionKind, heading: Option<Range<usize>>) {
        let kind =
            if self.in_annex && kind != SectionKind::Other { SectionKind::Annex } else { kind };
        let start = self.out.pieces.len();
        self.out.sections.push(Section {
            heading: heading.as_ref().map(|_| start),
            heading_text: heading.map(|range| self.text[range].to_string()),
            kind,
            pieces: start..start,
        });
        self.lists.reset();
    }

    fn push(
        &mut self,
        kind: PieceKind,
        raw: Range<usize>,
        content: Range<usize>,
        label: Option<Label>,
        (parent, depth): Place,
    ) -> usize {
        let visible = visible(self.text, &raw);
        let inlines = inline::scan(self.text, visible.clone());
        for artefact in inlines.iter().filter(|inline| inline.kind == InlineKind::Artefact) {
            self.out.notes.push((artefact.range.start, ARTEFACT_DROPPED.to_string()));
        }
        let section = (kind != PieceKind::Title).then(|| self.out.sections.len() - 1);
        let last_char = self.text[visible.clone()].char_indices().next_back();
        let last = last_char.map_or(visible.start, |(at, _)| visible.start + at);
        let lines = (self.line_of(visible.start), self.line_of(last));
        self.out.pieces.push(Piece {
            kind,
            section,
            parent,
            depth,
            label,
            raw,
            content,
            lines,
            inlines,
            inline_heading: false,
        });
        self.out.pieces.len() - 1
    }

    /// 1-based line of byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_index.line(offset)
    }
}

/// `range` without the white space at either end.
fn visible(text: &str, range: &Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = (range.start + slice.trim_end().len()).max(start);
    start..end
}
