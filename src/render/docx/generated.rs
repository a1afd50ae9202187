//! A Word document of redline's own, for a new revision read from plain
//! text: ITU layout (Times New Roman 12, A4, the title block centred,
//! section headings in italics, provisions with hanging labels), the header
//! block in the first page's header, every part printed by an askama
//! template in `templates/docx/`.

use super::comments;
use super::layout::{Item, Paragraph, Text};
use super::locale::Locale;
use super::package::{CONTENT_TYPES, Parts, template_error};
use super::runs::Marks;
use super::stream::Stream;
use crate::error::Result;
use crate::model::{EntryKind, Header, Language};
use askama::Template;
use std::collections::HashMap;

/// Deepest provision level with a style of its own (deeper ones use it).
const LEVELS: usize = 6;

#[derive(Template)]
#[template(path = "docx/content-types.xml")]
struct ContentTypes {
    comments: bool,
    header: bool,
}

#[derive(Template)]
#[template(path = "docx/package-rels.xml")]
struct PackageRels;

#[derive(Template)]
#[template(path = "docx/document-rels.xml")]
struct DocumentRels {
    comments: bool,
    header: bool,
}

#[derive(Template)]
#[template(path = "docx/core.xml")]
struct Core<'a> {
    title: &'a str,
    creator: &'a str,
    date: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "docx/settings.xml")]
struct Settings;

#[derive(Template)]
#[template(path = "docx/font-table.xml")]
struct FontTable {
    locale: Locale,
}

#[derive(Template)]
#[template(path = "docx/theme.xml")]
struct Theme;

#[derive(Template)]
#[template(path = "docx/document.xml")]
struct Document {
    body: String,
    header: bool,
}

struct Level {
    number: usize,
    left: usize,
}

#[derive(Template)]
#[template(path = "docx/styles.xml")]
struct Styles {
    levels: Vec<Level>,
    locale: Locale,
}

/// The package of a new document holding `paragraphs`, written in `language`.
pub fn package(
    stream: &Stream,
    paragraphs: &[Paragraph],
    marks: &mut Marks,
    header: &Header,
    title: &str,
    language: Language,
) -> Result<Vec<u8>> {
    let locale = Locale::of(language);
    marks.reference_style = Some("CommentReference");
    let body = body(stream, paragraphs, marks);
    let comments = comments::collect(stream, marks);
    let block = super::header::block(header)?;
    let has_header = block.is_some();
    let mut parts = Parts::default();
    let has_comments = !comments.is_empty();
    put(&mut parts, CONTENT_TYPES, &ContentTypes { comments: has_comments, header: has_header })?;
    put(&mut parts, "_rels/.rels", &PackageRels)?;
    let creator = super::xml::clean(marks.authors.first().map_or("redline", String::as_str));
    let (title, date) = (super::xml::clean(title), marks.date.as_deref());
    put(&mut parts, "docProps/core.xml", &Core { title: &title, creator: &creator, date })?;
    let rels = DocumentRels { comments: has_comments, header: has_header };
    put(&mut parts, "word/_rels/document.xml.rels", &rels)?;
    put(&mut parts, "word/document.xml", &Document { body, header: has_header })?;
    let levels = (1..=LEVELS).map(|number| Level { number, left: 567 * number }).collect();
    put(&mut parts, "word/styles.xml", &Styles { levels, locale })?;
    put(&mut parts, "word/settings.xml", &Settings)?;
    put(&mut parts, "word/fontTable.xml", &FontTable { locale })?;
    put(&mut parts, "word/theme/theme1.xml", &Theme)?;
    if has_comments {
        let xml = comments::part(&comments, marks, Some("CommentText"))?;
        parts.set("word/comments.xml", xml.into_bytes());
    }
    if let Some(block) = block {
        parts.set("word/header1.xml", super::header::part(&block)?.into_bytes());
    }
    parts.write()
}

fn put(parts: &mut Parts, name: &str, template: &impl Template) -> Result<()> {
    let text = template.render().map_err(template_error)?;
    parts.set(name, text.into_bytes());
    Ok(())
}

/// Every paragraph as XML.
fn body(stream: &Stream, paragraphs: &[Paragraph], marks: &mut Marks) -> String {
    let size: usize = paragraphs.iter().flat_map(|p| p.texts()).map(|t| t.text.len()).sum();
    let mut out = String::with_capacity(2 * size + 256 * paragraphs.len());
    let move_ids = move_numbers(stream);
    for paragraph in paragraphs {
        out.push_str("<w:p><w:pPr>");
        out.push_str(&format!(r#"<w:pStyle w:val="{}"/>"#, style(stream, paragraph)));
        let change = marks.mark_change(paragraph.mark.state());
        if !change.is_empty() {
            out.push_str("<w:rPr>");
            out.push_str(&change);
            out.push_str("</w:rPr>");
        }
        out.push_str("</w:pPr>");
        let marked = markers_as_emphasis(paragraph);
        let mut emphasis = (false, false);
        for item in &paragraph.items {
            match item {
                // `**` and `*` of a plain text: the run's bold or italic says it.
                Item::Text(text) if marked && text.emphasis.delimiter => match text.text.as_str() {
                    "**" | "__" => emphasis.0 = !emphasis.0,
                    _ => emphasis.1 = !emphasis.1,
                },
                Item::Text(text) => marks.text(&mut out, text, emphasis_properties(emphasis)),
                marker => marks.marker(&mut out, marker, &move_ids),
            }
        }
        out.push_str("</w:p>");
    }
    out
}

/// The run properties of bold and italic text.
fn emphasis_properties((bold, italic): (bool, bool)) -> Option<&'static str> {
    match (bold, italic) {
        (true, true) => Some("<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>"),
        (true, false) => Some("<w:rPr><w:b/><w:bCs/></w:rPr>"),
        (false, true) => Some("<w:rPr><w:i/><w:iCs/></w:rPr>"),
        (false, false) => None,
    }
}

/// Whether a paragraph's emphasis markers (`**`, `*`) become bold and
/// italic runs: when none of them is itself inserted or deleted, each stands
/// alone in its item, and they pair up. Otherwise they stay text, so that
/// accepting and rejecting still give each revision's markers.
fn markers_as_emphasis(paragraph: &Paragraph) -> bool {
    let delimiters: Vec<&Text> = (paragraph.items.iter())
        .filter_map(|item| match item {
            Item::Text(text) if text.emphasis.delimiter => Some(text),
            _ => None,
        })
        .collect();
    let unchanged = |text: &&Text| text.state.ins.is_none() && text.state.del.is_none();
    let known = |text: &&Text| matches!(text.text.as_str(), "**" | "*" | "__" | "_");
    let count =
        |marks: &[&str]| delimiters.iter().filter(|t| marks.contains(&t.text.as_str())).count();
    !delimiters.is_empty()
        && delimiters.iter().all(|t| unchanged(t) && known(t))
        && count(&["**", "__"]) % 2 == 0
        && count(&["*", "_"]) % 2 == 0
}

/// The move number of each moved entry (shared by its two places).
pub fn move_numbers(stream: &Stream) -> HashMap<usize, usize> {
    (stream.entries.iter().enumerate())
        .filter_map(|(index, info)| Some((index, info.moved?.0)))
        .collect()
}

/// The paragraph style of the entry a paragraph shows.
fn style(stream: &Stream, paragraph: &Paragraph) -> String {
    let Some(info) = paragraph.entry.and_then(|entry| stream.entries.get(entry)) else {
        return "Normal".into();
    };
    match info.kind {
        EntryKind::Title => "RLTitle".into(),
        EntryKind::Heading if info.level > 1 => "RLSubHeading".into(),
        EntryKind::Heading => "RLHeading".into(),
        EntryKind::Provision | EntryKind::MoveStub => {
            format!("RLProvision{}", info.level.clamp(1, LEVELS))
        }
    }
}
