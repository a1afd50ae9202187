//! Word documents (`.docx`) read as text for the parser, with a source map.
//!
//! The reader turns a Word package into the text its plain-text twin would
//! have, so that the same parser finds the same document:
//!
//! - one paragraph per Word paragraph, separated by blank lines; a line
//!   break (`w:br`) is a line break inside the paragraph;
//! - automatic numbering (`w:numPr`, through `numbering.xml` and the styles)
//!   written out as the label Word shows, then a tab or a space: `a)`, `1`,
//!   `1.1`, `iv)`, bullets as `•`, `▪` or `–`;
//! - bold as `**bold**`, italic as `*italic*` (bold italic as bold), the
//!   markers kept off white space and away from other `*`;
//! - tabs, no-break hyphens (U+2011), symbols and fields' shown text as
//!   Word shows them; bookmarks, comments, proofing marks, hidden text and
//!   field instructions left out;
//! - footnotes and endnotes numbered in order of reference: the reference is
//!   the superscript number (`¹`, `¹²`), and the notes' texts follow the body,
//!   each opening with its marker and a space, as the parser reads footnotes
//!   (endnotes are numbered on after the footnotes);
//! - a table row whose cells hold one paragraph each is one paragraph, cells
//!   joined by tabs (`a)<TAB>text`: a provision per row); other cells give
//!   their paragraphs one by one;
//! - tracked changes in the [`View`] asked for: accepted (the default) or original.
//!
//! [`read`] returns the text and a [`DocxSource`]: for every paragraph of the
//! text, where it came from, its automatic label, its runs with their raw
//! `w:rPr`, and the text the reader added.
//!
//! Bad input is refused with a [`Problem`], never a panic: an old `.doc`, an
//! encrypted document, RTF, OpenDocument, a zip that is not Word, a damaged
//! zip, a zip bomb (limits in [`package`]), XML with a DTD.

mod body;
mod changes;
mod numbering;
pub mod package;
mod source;
mod styles;
mod text;
pub(crate) mod xml;

#[cfg(test)]
mod tests;

pub use changes::View;
pub use source::{
    Added, AddedKind, Change, DocxSource, Origin, Part, SourceLabel, SourceParagraph, SourceRun,
    XmlParagraph,
};

use body::{NoteNumbers, Paragraph, Segment, Walker, note_marker};
use numbering::Numbering;
use package::{Container, Package};
use roxmltree::{Document, Node};
use styles::Styles;
use xml::{is_w, w_attr};

/// The encoding name reported for a Word document.
pub const ENCODING: &str = "docx";

/// A Word document read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docx {
    /// The text for the parser (paragraphs separated by blank lines, ending with a line break).
    pub text: String,
    /// Where the text came from.
    pub source: DocxSource,
}

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// An OLE2 compound file that is not encrypted: Word 97-2003.
    #[error(
        "an old Word 97-2003 document (.doc), not a .docx: save it as \"Word Document (.docx)\" in Word or LibreOffice, or convert it with `soffice --headless --convert-to docx FILE`"
    )]
    OldWord,
    /// An encrypted (password-protected) Office document.
    #[error(
        "a password-protected (encrypted) Word document: open it in Word, remove the password (File > Info > Protect Document) and save it again"
    )]
    Encrypted,
    /// Rich Text Format.
    #[error(
        "an RTF document, not a .docx: save it as \"Word Document (.docx)\", or convert it with `soffice --headless --convert-to docx FILE`"
    )]
    Rtf,
    /// OpenDocument text.
    #[error(
        "an OpenDocument text (.odt), not a .docx: save it as \"Word 2007-365 (.docx)\" in LibreOffice, or convert it with `soffice --headless --convert-to docx FILE`"
    )]
    Odt,
    /// A zip archive without a Word document in it.
    #[error("a zip archive but not a Word document (no word/document.xml){}", looks_like.as_ref().map(|what| format!("; it looks like {what}")).unwrap_or_default())]
    NotWord {
        /// What it seems to be instead.
        looks_like: Option<String>,
    },
    /// A damaged or truncated zip archive.
    #[error("a damaged Word document (zip: {0}); it may be truncated: save or copy it again")]
    Corrupt(String),
    /// A zip feature the reader does not support.
    #[error(
        "a Word document in a zip form redline cannot read ({0}); save it again from Word or LibreOffice"
    )]
    Unsupported(String),
    /// More entries than [`package::MAX_ENTRIES`].
    #[error(
        "refused: the zip archive lists {count} entries (at most {} are read; a zip bomb?)",
        package::MAX_ENTRIES
    )]
    TooManyEntries {
        /// How many it lists.
        count: usize,
    },
    /// A part that unpacks past the limits.
    #[error("refused: {part} unpacks to more than the limit (a zip bomb?)")]
    TooLarge {
        /// The part.
        part: String,
    },
    /// A part that is not UTF-8 or UTF-16 with a BOM.
    #[error("{part}: not UTF-8 text")]
    NotUtf8 {
        /// The part.
        part: String,
    },
    /// Malformed XML, or XML with a DTD.
    #[error("{part}:{line}:{column}: {message}")]
    Xml {
        /// The part.
        part: String,
        /// 1-based line in the part.
        line: u32,
        /// 1-based column in the part.
        column: u32,
        /// What is wrong.
        message: String,
    },
}

/// The parts read besides the main document, by relationship type.
const PARTS: [(&str, &str); 4] = [
    ("styles", "styles.xml"),
    ("numbering", "numbering.xml"),
    ("footnotes", "footnotes.xml"),
    ("endnotes", "endnotes.xml"),
];

/// Reads a Word document (the bytes of a `.docx`) as text in `view`.
pub fn read(bytes: &[u8], view: View) -> Result<Docx, Problem> {
    match Container::sniff(bytes) {
        Container::Zip => {}
        Container::Ole => return Err(package::ole_problem(bytes)),
        Container::Rtf => return Err(Problem::Rtf),
        Container::Text => return Err(Problem::NotWord { looks_like: None }),
    }
    let mut package = Package::open(bytes)?;
    let main = main_part(&mut package)?;
    let Some(document) = package.read_text(&main)? else { return Err(package.not_word()) };
    let targets = related_parts(&mut package, &main)?;
    let mut texts: [Option<String>; 4] = Default::default();
    for (slot, target) in texts.iter_mut().zip(targets) {
        if let Some(target) = target {
            *slot = package.read_text(&target)?;
        }
    }
    let [styles, numbering, footnotes, endnotes] = &texts;
    let parts = Parts {
        document: parse_part(&main, Some(&document))?.expect("the main part was read"),
        styles: parse_part("word/styles.xml", styles.as_deref())?,
        numbering: parse_part("word/numbering.xml", numbering.as_deref())?,
        footnotes: parse_part("word/footnotes.xml", footnotes.as_deref())?,
        endnotes: parse_part("word/endnotes.xml", endnotes.as_deref())?,
    };
    let body = body_of(&parts.document).ok_or_else(|| package.not_word())?;
    Ok(parts.read(body, view, main))
}

fn parse_part<'t>(name: &str, text: Option<&'t str>) -> Result<Option<Document<'t>>, Problem> {
    text.map(|text| xml::parse(name, text)).transpose()
}

fn body_of<'a, 'i>(document: &'a Document<'i>) -> Option<Node<'a, 'i>> {
    let root = document.root_element();
    if !is_w(root, "document") {
        return None;
    }
    root.children().find(|node| is_w(*node, "body"))
}

/// The main part named by `_rels/.rels`, else `word/document.xml`.
fn main_part(package: &mut Package) -> Result<String, Problem> {
    let named = match package.read_text("_rels/.rels")? {
        Some(text) => xml::parse("_rels/.rels", &text)
            .ok()
            .and_then(|rels| target_of(&rels, "", "officeDocument")),
        None => None,
    };
    match named.filter(|name| package.has(name)) {
        Some(name) => Ok(name),
        None if package.has(package::DEFAULT_MAIN_PART) => Ok(package::DEFAULT_MAIN_PART.into()),
        None => Err(package.not_word()),
    }
}

/// The styles, numbering, footnotes and endnotes parts of `main`, from its
/// relationships, else at their usual names beside it.
fn related_parts(package: &mut Package, main: &str) -> Result<[Option<String>; 4], Problem> {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let rels_text = package.read_text(&rels_name)?;
    let rels = rels_text.as_deref().and_then(|text| xml::parse(&rels_name, text).ok());
    Ok(PARTS.map(|(kind, usual)| {
        let named = rels.as_ref().and_then(|rels| target_of(rels, dir, kind));
        let usual = if dir.is_empty() { usual.to_string() } else { format!("{dir}/{usual}") };
        Some(named.unwrap_or(usual)).filter(|name| package.has(name))
    }))
}

/// The target of the first internal relationship whose type ends with `/kind`,
/// as a part name relative to the package root (the reader's and the Word
/// writer's one reading of relationships).
pub(crate) fn target_of(rels: &Document, dir: &str, kind: &str) -> Option<String> {
    let relationship = rels.root_element().children().find(|node| {
        node.tag_name().name() == "Relationship"
            && node.attribute("TargetMode") != Some("External")
            && node.attribute("Type").is_some_and(|t| t.rsplit('/').next() == Some(kind))
    })?;
    let target = relationship.attribute("Target")?;
    Some(resolve(dir, target))
}

/// A relationship target as a part name: `/word/x.xml` is absolute, `x.xml`
/// and `../x.xml` are relative to `dir`.
pub(crate) fn resolve(dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => dir.split('/').filter(|s| !s.is_empty()).collect(),
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

struct Parts<'t> {
    document: Document<'t>,
    styles: Option<Document<'t>>,
    numbering: Option<Document<'t>>,
    footnotes: Option<Document<'t>>,
    endnotes: Option<Document<'t>>,
}

impl Parts<'_> {
    fn read(&self, body: Node, view: View, main_part: String) -> Docx {
        let styles =
            self.styles.as_ref().map(|d| Styles::read(d.root_element())).unwrap_or_default();
        let mut numbering =
            self.numbering.as_ref().map(|d| Numbering::read(d.root_element())).unwrap_or_default();
        let mut notes = NoteNumbers::default();
        let mut paragraphs = self.body(body, view, &styles, &mut notes, 0);
        let footnote_count = notes.footnotes.numbered();
        if footnote_count > 0 && notes.endnotes.numbered() > 0 {
            // Endnotes are numbered on after the footnotes: read again knowing how many.
            notes = NoteNumbers::default();
            paragraphs = self.body(body, view, &styles, &mut notes, footnote_count);
        }
        paragraphs.extend(self.notes(view, &styles, &mut notes, footnote_count));
        let mut writer = text::Writer::new(&mut numbering, &styles);
        for paragraph in paragraphs {
            writer.paragraph(paragraph);
        }
        let (text, paragraphs) = writer.finish();
        let tracked_changes =
            [Some(&self.document), self.footnotes.as_ref(), self.endnotes.as_ref()]
                .into_iter()
                .flatten()
                .map(|document| changes::count(document.root_element()))
                .sum();
        Docx { text, source: DocxSource { view, tracked_changes, main_part, paragraphs } }
    }

    fn body(
        &self,
        body: Node,
        view: View,
        styles: &Styles,
        notes: &mut NoteNumbers,
        endnote_offset: u32,
    ) -> Vec<Paragraph> {
        let text = self.document.input_text();
        let mut walker = Walker::new(text, Part::Document, view, styles, notes);
        walker.endnote_offset = endnote_offset;
        walker.blocks(body, Origin::Body);
        walker.finish();
        walker.out
    }

    /// The texts of the notes referenced, footnotes then endnotes, in order of reference.
    fn notes(
        &self,
        view: View,
        styles: &Styles,
        notes: &mut NoteNumbers,
        footnote_count: u32,
    ) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let kinds = [
            (Part::Footnotes, self.footnotes.as_ref(), "footnote"),
            (Part::Endnotes, self.endnotes.as_ref(), "endnote"),
        ];
        for (part, document, element) in kinds {
            let Some(document) = document else { continue };
            let by_id = notes_by_id(document, element);
            let (order, offset) = match part {
                Part::Footnotes => (notes.footnotes.order.clone(), 0),
                _ => (notes.endnotes.order.clone(), footnote_count),
            };
            let mut walker = Walker::new(document.input_text(), part, view, styles, notes);
            for (id, number) in order {
                let Some(note) = by_id.get(&id) else { continue };
                let number = number.map(|number| number + offset);
                let shown = number.unwrap_or(0);
                let origin = match part {
                    Part::Footnotes => Origin::Footnote { id, number: shown },
                    _ => Origin::Endnote { id, number: shown },
                };
                let marker = number.map(note_marker);
                walker.note_marker.clone_from(&marker);
                let first = walker.out.len();
                walker.blocks(*note, origin);
                walker.finish();
                if let Some(marker) = marker {
                    open_note(&mut walker.out[first..], &marker);
                }
            }
            out.append(&mut walker.out);
        }
        out
    }
}

fn notes_by_id<'a, 'i>(
    document: &'a Document<'i>,
    element: &str,
) -> std::collections::HashMap<i64, Node<'a, 'i>> {
    document
        .root_element()
        .children()
        .filter(|node| is_w(*node, element))
        .filter_map(|node| Some((w_attr(node, "id")?.trim().parse::<i64>().ok()?, node)))
        .collect()
}

/// Marks a note's first paragraph and puts a space after its marker if the note has none.
fn open_note(paragraphs: &mut [Paragraph], marker: &str) {
    let Some(first) = paragraphs.iter_mut().find(|p| !body::is_blank(p)) else { return };
    first.opens_note = Some(marker.to_string());
    let Some(at) = first.segments.iter().position(|segment| segment.text.trim() == marker) else {
        return;
    };
    let next = first.segments.get(at + 1).and_then(|segment| segment.text.chars().next());
    if !next.is_some_and(char::is_whitespace) {
        first.segments.insert(at + 1, Segment::added(" ", AddedKind::NoteMarker));
    }
}

/// A diagnostic's position in Word's terms: ` (Word paragraph 12: “first words …”)`.
pub fn describe_position(source: &DocxSource, text: &str, offset: usize) -> Option<String> {
    let paragraph = source.paragraph_at(offset)?;
    let words = excerpt(&text[paragraph.text.clone()]);
    let place = match paragraph.origin {
        Origin::Footnote { number, .. } => format!("footnote {number}"),
        Origin::Endnote { number, .. } => format!("endnote {number}"),
        _ => format!("Word paragraph {}", paragraph.xml.last()?.index + 1),
    };
    Some(format!("{place}: “{words}”"))
}

/// The first words of a paragraph, at most about 40 characters.
fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 40 {
        return flat;
    }
    let cut: String = flat.chars().take(40).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_string();
    format!("{cut} …")
}
