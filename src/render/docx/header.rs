//! The header block of an ITU working document (committee and document
//! number, date, origin, draft title, status, proposal mark) in the first
//! page's header: not in the body, so that every change accepted still
//! gives the new revision. A document of redline's own gets a header part of its own; a
//! rewritten Word revision gets the block at the top of its first-page
//! header, or a new first-page header.

use super::package::template_error;
use super::package::{CONTENT_TYPES, Parts};
use super::properties::element;
use super::relations::{insert_before_end, join};
use super::xml;
use crate::error::Result;
use crate::model::Header;
use askama::Template;

#[derive(Template)]
#[template(path = "docx/header-block.xml")]
struct Block {
    committee: String,
    number: String,
    right: Vec<String>,
    draft_title: Option<String>,
    status: Option<String>,
    proposal: Option<String>,
}

#[derive(Template)]
#[template(path = "docx/header.xml")]
struct Part {
    block: String,
}

const HEADER_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
const HEADER_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";

/// The block's paragraphs; `None` when the header has no field to show.
pub fn block(header: &Header) -> Result<Option<String>> {
    if !header.has_block() && header.proposal.is_none() {
        return Ok(None);
    }
    let clean = |value: &Option<String>| value.as_deref().map(xml::clean);
    let mut right: Vec<String> = Vec::new();
    right.extend(clean(&header.date));
    right.extend(clean(&header.origin).map(|origin| format!("Original: {origin}")));
    let block = Block {
        committee: clean(&header.committee).unwrap_or_default(),
        number: clean(&header.doc_number).map(|n| format!("Document {n}")).unwrap_or_default(),
        right,
        draft_title: clean(&header.draft_title),
        status: clean(&header.status),
        proposal: clean(&header.proposal),
    };
    block.render().map(Some).map_err(template_error)
}

/// A whole header part holding `block`.
pub fn part(block: &str) -> Result<String> {
    Part { block: block.to_string() }.render().map_err(template_error)
}

/// Puts `block` at the top of the first-page header of the package's main
/// part (made, with its relationship, when there is none). A document
/// that does not declare the relationships namespace is left as it is.
pub fn add_to_package(parts: &mut Parts, main: &str, rels_name: &str, block: &str) -> Result<()> {
    let (Some(document), Some(rels)) = (parts.text(main), parts.text(rels_name)) else {
        return Ok(());
    };
    if !document.contains("xmlns:r=\"") {
        return Ok(());
    }
    let Some(start) = document.rfind("<w:sectPr") else { return Ok(()) };
    let Some(tag_end) = document[start..].find('>').map(|at| start + at + 1) else { return Ok(()) };
    let mut document = document.clone();
    if document[..tag_end].ends_with("/>") {
        // `<w:sectPr/>`: opened and closed, to take children.
        let open = document[start..tag_end - 2].trim_end().to_string();
        document.replace_range(start..tag_end, &format!("{open}></w:sectPr>"));
    }
    let tag_end = start + document[start..].find('>').map_or(0, |at| at + 1);
    let end = document[start..].find("</w:sectPr>").map_or(tag_end, |at| start + at);
    let section = &document[start..end];
    let first = section.match_indices("<w:headerReference ").find_map(|(at, _)| {
        let reference = element(&section[at..], "w:headerReference")?;
        reference.contains("w:type=\"first\"").then_some(reference)
    });
    let id_of = |reference: &str| {
        let at = reference.find("r:id=\"")? + 6;
        Some(reference[at..at + reference[at..].find('"')?].to_string())
    };
    let existing = first.and_then(id_of).and_then(|id| part_of(&rels, main, &id));
    let mut section_edit = String::new();
    if let Some(name) = existing.filter(|name| parts.get(name).is_some()) {
        let header = parts.text(&name).unwrap_or_default();
        let Some(at) = header.find("<w:hdr").and_then(|at| Some(at + header[at..].find('>')? + 1))
        else {
            return Ok(());
        };
        parts.set(&name, format!("{}{block}{}", &header[..at], &header[at..]).into_bytes());
    } else {
        let dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
        let file = (0..)
            .map(|n| format!("header-redline{n}.xml"))
            .find(|file| parts.get(&join(dir, file)).is_none())
            .unwrap_or_default();
        parts.set(&join(dir, &file), part(block)?.into_bytes());
        let id = (0..)
            .map(|n| format!("rIdRedlineHeader{n}"))
            .find(|id| !rels.contains(&format!("\"{id}\"")));
        let id = id.unwrap_or_default();
        let relationship =
            format!(r#"<Relationship Id="{id}" Type="{HEADER_TYPE}" Target="{file}"/>"#);
        parts.set(
            rels_name,
            insert_before_end(&rels, "</Relationships>", &relationship).into_bytes(),
        );
        let types = parts.text(CONTENT_TYPES).unwrap_or_default();
        let line = format!(
            r#"<Override PartName="/{}" ContentType="{HEADER_CONTENT_TYPE}"/>"#,
            join(dir, &file)
        );
        parts.set(CONTENT_TYPES, insert_before_end(&types, "</Types>", &line).into_bytes());
        section_edit = format!(r#"<w:headerReference w:type="first" r:id="{id}"/>"#);
    }
    let title_page = !section.contains("<w:titlePg");
    if title_page {
        // After the elements CT_SectPr puts before it (titlePg comes late in the sequence).
        let later = [
            "<w:textDirection",
            "<w:bidi",
            "<w:rtlGutter",
            "<w:docGrid",
            "<w:printerSettings",
            "<w:sectPrChange",
        ];
        let at =
            later.iter().filter_map(|tag| section.find(tag)).min().map_or(end, |at| start + at);
        document.insert_str(at, "<w:titlePg/>");
    }
    document.insert_str(tag_end, &section_edit);
    parts.set(main, document.into_bytes());
    Ok(())
}

/// The part a relationship id of the main part names.
fn part_of(rels: &str, main: &str, id: &str) -> Option<String> {
    let document = roxmltree::Document::parse(rels).ok()?;
    let node = document.root_element().children().find(|n| n.attribute("Id") == Some(id))?;
    let dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    Some(crate::docx::resolve(dir, node.attribute("Target")?))
}
