//! Paragraphs of a part in document order: runs with their visible text and
//! emphasis, tables, fields, notes' markers and tracked changes of one view.
//!
//! Skipped as not text: bookmarks, comment anchors and references, proofing
//! marks, field instructions, hidden text (`w:vanish`), drawings, soft hyphens.

use super::View;
use super::changes::wrapper;
use super::source::{AddedKind, Change, Origin, Part, XmlParagraph};
use super::styles::{NumRef, Styles};
use super::xml::{is_w, on_off, raw, w_attr, w_child, w_name, w_val};
use roxmltree::Node;
use std::collections::HashMap;

/// Deepest nesting of containers followed (tables in cells, links in fields
/// ...); deeper content is skipped, so a hostile file cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// The math namespace (Office Math inside paragraphs).
const MATH: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

/// A run's visible text and what the reader knows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The visible text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Where it came from.
    pub from: From,
}

/// Where a segment's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// A run.
    Run(RunXml),
    /// Office Math (`m:oMath`): its text, and its bytes in the part.
    Math(std::ops::Range<usize>),
    /// Added by the reader.
    Added(AddedKind),
}

impl Segment {
    /// Text the reader adds, in no emphasis.
    pub fn added(text: &str, kind: AddedKind) -> Segment {
        Segment { text: text.to_string(), bold: false, italic: false, from: From::Added(kind) }
    }
}

/// A run in its part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunXml {
    /// Its bytes in the part.
    pub xml: std::ops::Range<usize>,
    /// Its raw `w:rPr`.
    pub rpr: Option<String>,
    /// The tracked change around it.
    pub change: Option<Change>,
}

/// A paragraph as read, before numbering and emphasis are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its part.
    pub part: Part,
    /// Where it stands.
    pub origin: Origin,
    /// The `w:p` elements joined into it.
    pub xml: Vec<XmlParagraph>,
    /// The raw `w:pPr` of its last `w:p`.
    pub ppr: Option<String>,
    /// Its paragraph style.
    pub style: Option<String>,
    /// Its direct numbering.
    pub num: Option<NumRef>,
    /// Its runs.
    pub segments: Vec<Segment>,
    /// The marker of the note it opens (a note's first paragraph).
    pub opens_note: Option<String>,
}

/// The notes of one kind in order of first reference, and their numbers
/// (`None` for a note with a custom mark, which takes no number).
#[derive(Debug, Clone, Default)]
pub struct Notes {
    numbers: HashMap<i64, Option<u32>>,
    /// Note ids and numbers in order of first reference.
    pub order: Vec<(i64, Option<u32>)>,
    numbered: u32,
}

impl Notes {
    fn refer(&mut self, id: i64, custom: bool) -> Option<u32> {
        if let Some(number) = self.numbers.get(&id) {
            return *number;
        }
        let number = (!custom).then(|| {
            self.numbered += 1;
            self.numbered
        });
        self.numbers.insert(id, number);
        self.order.push((id, number));
        number
    }

    /// How many notes took a number.
    pub fn numbered(&self) -> u32 {
        self.numbered
    }
}

/// Footnotes and endnotes referenced so far.
#[derive(Debug, Clone, Default)]
pub struct NoteNumbers {
    /// The footnotes.
    pub footnotes: Notes,
    /// The endnotes (numbered on after the footnotes in the text).
    pub endnotes: Notes,
}

/// The marker of note `number`: superscript digits, as the text parser reads footnotes.
pub fn note_marker(number: u32) -> String {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    number.to_string().bytes().map(|digit| SUPERSCRIPTS[usize::from(digit - b'0')]).collect()
}

/// Walks one part's blocks into paragraphs.
pub struct Walker<'s> {
    text: &'s str,
    part: Part,
    view: View,
    styles: &'s Styles,
    /// Note numbers, shared between the parts.
    pub notes: &'s mut NoteNumbers,
    /// Endnote numbers start after this (the number of footnotes).
    pub endnote_offset: u32,
    /// The marker `w:footnoteRef` stands for, inside a note.
    pub note_marker: Option<String>,
    paragraphs: usize,
    tables: usize,
    depth: usize,
    fields: Vec<bool>,
    pending: Option<Paragraph>,
    /// The paragraphs read.
    pub out: Vec<Paragraph>,
}

impl<'s> Walker<'s> {
    /// A walker over a part whose XML text is `text`.
    pub fn new(
        text: &'s str,
        part: Part,
        view: View,
        styles: &'s Styles,
        notes: &'s mut NoteNumbers,
    ) -> Self {
        Walker {
            text,
            part,
            view,
            styles,
            notes,
            endnote_offset: 0,
            note_marker: None,
            paragraphs: 0,
            tables: 0,
            depth: 0,
            fields: Vec::new(),
            pending: None,
            out: Vec::new(),
        }
    }

    /// Reads the block content of `container` (a body, a cell, a note).
    pub fn blocks(&mut self, container: Node, origin: Origin) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.blocks_within(container, origin);
        self.depth -= 1;
    }

    fn blocks_within(&mut self, container: Node, origin: Origin) {
        for child in container.children() {
            match w_name(child) {
                Some("p") => self.paragraph(child, origin),
                Some("tbl") => self.table(child),
                Some("sdt") => {
                    if let Some(content) = w_child(child, "sdtContent") {
                        self.blocks(content, origin);
                    }
                }
                Some("customXml") => self.blocks(child, origin),
                Some(_) if wrapper(child).is_some_and(|change| self.view.shows(change)) => {
                    self.blocks(child, origin)
                }
                _ => {}
            }
        }
    }

    /// Ends the part: a paragraph whose mark was removed, with nothing after it, stands alone.
    pub fn finish(&mut self) {
        if let Some(pending) = self.pending.take() {
            self.out.push(pending);
        }
    }

    fn paragraph(&mut self, p: Node, origin: Origin) {
        let index = self.paragraphs;
        self.paragraphs += 1;
        let ppr = w_child(p, "pPr");
        let properties = ppr.map(|ppr| self.view.properties(ppr, "pPrChange"));
        let mut segments = Vec::new();
        self.inline(p, None, &mut segments);
        let mut paragraph = Paragraph {
            part: self.part,
            origin,
            xml: vec![XmlParagraph { index, xml: p.range() }],
            ppr: ppr.map(|ppr| raw(self.text, ppr)),
            style: properties.and_then(|ppr| w_val(ppr, "pStyle")).map(str::to_string),
            num: properties.and_then(NumRef::of_ppr),
            segments,
            opens_note: None,
        };
        if let Some(before) = self.pending.take() {
            paragraph = join(before, paragraph);
        }
        if self.view.shows_mark(ppr) {
            self.out.push(paragraph);
        } else {
            self.pending = Some(paragraph);
        }
    }

    fn table(&mut self, table: Node) {
        self.finish();
        let index = self.tables;
        self.tables += 1;
        let rows = table.children().filter(|node| is_w(*node, "tr"));
        let view = self.view;
        for (row_index, row) in rows.enumerate().filter(|(_, row)| view.shows_row(*row)) {
            let cells: Vec<Vec<Paragraph>> = row
                .children()
                .filter(|node| is_w(*node, "tc"))
                .enumerate()
                .map(|(cell, tc)| {
                    self.cell(tc, Origin::TableCell { table: index, row: row_index, cell })
                })
                .collect();
            self.row(cells, Origin::TableRow { table: index, row: row_index });
        }
    }

    fn cell(&mut self, tc: Node, origin: Origin) -> Vec<Paragraph> {
        let before = std::mem::take(&mut self.out);
        self.blocks(tc, origin);
        self.finish();
        let cell: Vec<Paragraph> =
            std::mem::replace(&mut self.out, before).into_iter().filter(|p| !is_blank(p)).collect();
        cell
    }

    /// A row whose cells hold at most one paragraph each is one paragraph,
    /// its cells joined by tabs (a provision per row); otherwise every cell's
    /// paragraphs stand on their own.
    fn row(&mut self, cells: Vec<Vec<Paragraph>>, origin: Origin) {
        if cells.iter().any(|cell| cell.len() > 1) {
            self.out.extend(cells.into_iter().flatten());
            return;
        }
        let mut joined: Option<Paragraph> = None;
        for paragraph in cells.into_iter().flatten() {
            joined = Some(match joined {
                None => Paragraph { origin, ..paragraph },
                Some(mut row) => {
                    row.segments.push(Segment::added("\t", AddedKind::CellSeparator));
                    row.segments.extend(paragraph.segments);
                    row.xml.extend(paragraph.xml);
                    row
                }
            });
        }
        self.out.extend(joined);
    }

    fn inline(&mut self, parent: Node, change: Option<Change>, out: &mut Vec<Segment>) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.inline_within(parent, change, out);
        self.depth -= 1;
    }

    fn inline_within(&mut self, parent: Node, change: Option<Change>, out: &mut Vec<Segment>) {
        for child in parent.children() {
            if child.tag_name().namespace() == Some(MATH) {
                self.math(child, out);
                continue;
            }
            match w_name(child) {
                Some("r") => self.run(child, change, out),
                Some("hyperlink" | "smartTag" | "customXml" | "fldSimple" | "dir" | "bdo") => {
                    self.inline(child, change, out)
                }
                Some("sdt") => {
                    if let Some(content) = w_child(child, "sdtContent") {
                        self.inline(content, change, out);
                    }
                }
                Some(_) => {
                    if let Some(inner) = wrapper(child).filter(|inner| self.view.shows(*inner)) {
                        self.inline(child, Some(inner), out);
                    }
                }
                None => {}
            }
        }
    }

    fn math(&mut self, node: Node, out: &mut Vec<Segment>) {
        let text: String = node
            .descendants()
            .filter(|n| n.tag_name().namespace() == Some(MATH) && n.tag_name().name() == "t")
            .filter_map(|n| n.text())
            .collect();
        if !text.is_empty() {
            out.push(Segment { text, bold: false, italic: false, from: From::Math(node.range()) });
        }
    }

    fn run(&mut self, r: Node, change: Option<Change>, out: &mut Vec<Segment>) {
        let rpr = w_child(r, "rPr");
        let properties = rpr.map(|rpr| self.view.properties(rpr, "rPrChange"));
        let hidden = properties.and_then(|p| on_off(p, "vanish")).unwrap_or(false);
        let mut text = String::new();
        for child in r.children() {
            self.run_child(child, &mut text);
        }
        if hidden || text.is_empty() {
            return;
        }
        let (bold, italic) = self.emphasis(properties);
        let run = RunXml { xml: r.range(), rpr: rpr.map(|rpr| raw(self.text, rpr)), change };
        out.push(Segment { text, bold, italic, from: From::Run(run) });
    }

    fn emphasis(&self, properties: Option<Node>) -> (bool, bool) {
        let Some(properties) = properties else { return (false, false) };
        let (style_bold, style_italic) =
            w_val(properties, "rStyle").map_or((None, None), |style| self.styles.emphasis(style));
        let bold = on_off(properties, "b").or(style_bold).unwrap_or(false);
        let italic = on_off(properties, "i").or(style_italic).unwrap_or(false);
        (bold, italic)
    }

    /// Appends what one child of a run shows.
    fn run_child(&mut self, child: Node, text: &mut String) {
        let Some(name) = w_name(child) else { return };
        if name == "fldChar" {
            self.field_char(child);
            return;
        }
        if self.fields.iter().any(|&result| !result) {
            return; // inside a field's instructions
        }
        match name {
            "t" | "delText" => push_text(text, child.text().unwrap_or_default()),
            "tab" | "ptab" => text.push('\t'),
            "br" | "cr" => text.push('\n'),
            "noBreakHyphen" => text.push('\u{2011}'),
            "sym" => text.extend(symbol(child)),
            "footnoteReference" | "endnoteReference" => text.push_str(&self.reference(child, name)),
            "footnoteRef" | "endnoteRef" => {
                text.push_str(self.note_marker.as_deref().unwrap_or_default())
            }
            _ => {}
        }
    }

    /// `begin` opens a field's instructions, `separate` starts its shown result, `end` closes it.
    fn field_char(&mut self, node: Node) {
        match w_attr(node, "fldCharType") {
            Some("begin") => self.fields.push(false),
            Some("separate") => {
                if let Some(last) = self.fields.last_mut() {
                    *last = true;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// The marker of a note reference; none for a custom mark, which is the run's own text.
    fn reference(&mut self, node: Node, name: &str) -> String {
        let custom =
            w_attr(node, "customMarkFollows").is_some_and(|v| matches!(v, "1" | "true" | "on"));
        let Some(id) = w_attr(node, "id").and_then(|id| id.trim().parse::<i64>().ok()) else {
            return String::new();
        };
        let number = if name == "footnoteReference" {
            self.notes.footnotes.refer(id, custom)
        } else {
            self.notes.endnotes.refer(id, custom).map(|number| number + self.endnote_offset)
        };
        number.map(note_marker).unwrap_or_default()
    }
}

fn push_text(text: &mut String, value: &str) {
    if value.contains('\r') {
        text.push_str(&value.replace("\r\n", "\n").replace('\r', "\n"));
    } else {
        text.push_str(value);
    }
}

/// The character of a `w:sym` (`w:char` in hex; Symbol-font private-use
/// characters mapped to what they show).
fn symbol(node: Node) -> Option<char> {
    let code = u32::from_str_radix(w_attr(node, "char")?.trim(), 16).ok()?;
    let c = char::from_u32(code)?;
    Some(match c {
        '\u{F0B7}' => '•',
        '\u{F0A7}' => '▪',
        '\u{F02D}' => '−',
        '\u{F0D7}' => '×',
        '\u{F0B1}' => '±',
        '\u{F0B0}' => '°',
        '\u{F0A3}' => '≤',
        '\u{F0B3}' => '≥',
        other => other,
    })
}

fn join(mut before: Paragraph, after: Paragraph) -> Paragraph {
    before.segments.extend(after.segments);
    before.xml.extend(after.xml);
    Paragraph { segments: before.segments, xml: before.xml, ..after }
}

/// A paragraph with no visible text.
pub fn is_blank(paragraph: &Paragraph) -> bool {
    paragraph.num.is_none_or(|num| num.num_id == Some(0))
        && paragraph.segments.iter().all(|segment| segment.text.trim().is_empty())
}
