//! The package's relationships and content types: which part the main
//! document names for its notes, styles, numbering and comments, and the
//! comments part added (or extended) with its relationship and content type.

use super::comments;
use super::package::{CONTENT_TYPES, Parts};
use super::runs::Marks;
use super::stream::Stream;
use crate::error::{Error, Result};

/// `word/_rels/document.xml.rels` for `word/document.xml`.
pub fn rels_of(part: &str) -> String {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") }
}

/// The part a relationship of `kind` of the main part names, if any.
pub fn target(rels: &str, main: &str, kind: &str) -> Option<String> {
    let rels = crate::docx::xml::parse("relationships", rels).ok()?;
    let dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    crate::docx::target_of(&rels, dir, kind)
}

const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// The comments written: added to the package's comments part, or in a new one.
pub fn add_comments(
    parts: &mut Parts,
    stream: &Stream,
    marks: &Marks,
    main: &str,
    rels_name: &str,
) -> Result<()> {
    let comments = comments::collect(stream, marks);
    if comments.is_empty() {
        return Ok(());
    }
    let rels = parts.text(rels_name).unwrap_or_else(|| {
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#.to_string()
    });
    let styles =
        target(&rels, main, "styles").and_then(|name| parts.text(&name)).unwrap_or_default();
    let style = styles.contains(r#"w:styleId="CommentText""#).then_some("CommentText");
    if let Some(name) = target(&rels, main, "comments").filter(|name| parts.get(name).is_some()) {
        let text = parts.text(&name).unwrap_or_default();
        let elements = comments::elements(&comments, marks, style)?;
        let merged = match text.rfind("</w:comments>") {
            Some(at) => format!("{}{elements}{}", &text[..at], &text[at..]),
            None => {
                let root =
                    text.find("<w:comments").and_then(|at| Some(at + text[at..].find("/>")?));
                let Some(at) = root else {
                    return Err(Error::Other(format!(
                        "cannot write the Word document: {name} has no end"
                    )));
                };
                format!("{}>{elements}</w:comments>{}", &text[..at], &text[at + 2..])
            }
        };
        parts.set(&name, merged.into_bytes());
        return Ok(());
    }
    let dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    let file = (0..)
        .map(|n| if n == 0 { "comments.xml".to_string() } else { format!("comments{n}.xml") })
        .find(|file| parts.get(&join(dir, file)).is_none())
        .unwrap_or_default();
    parts.set(&join(dir, &file), comments::part(&comments, marks, style)?.into_bytes());
    let id = (0..)
        .map(|n| format!("rIdRedline{n}"))
        .find(|id| !rels.contains(&format!("\"{id}\"")))
        .unwrap_or_default();
    let relationship =
        format!(r#"<Relationship Id="{id}" Type="{COMMENTS_TYPE}" Target="{file}"/>"#);
    parts.set(rels_name, insert_before_end(&rels, "</Relationships>", &relationship).into_bytes());
    let types = parts.text(CONTENT_TYPES).unwrap_or_default();
    let part_name = format!("/{}", join(dir, &file));
    if !types.contains(&format!("PartName=\"{part_name}\"")) {
        let line =
            format!(r#"<Override PartName="{part_name}" ContentType="{COMMENTS_CONTENT_TYPE}"/>"#);
        parts.set(CONTENT_TYPES, insert_before_end(&types, "</Types>", &line).into_bytes());
    }
    Ok(())
}

pub fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() { file.to_string() } else { format!("{dir}/{file}") }
}

pub fn insert_before_end(text: &str, end: &str, insert: &str) -> String {
    match text.rfind(end) {
        Some(at) => format!("{}{insert}{}", &text[..at], &text[at..]),
        None => format!("{text}{insert}"),
    }
}
