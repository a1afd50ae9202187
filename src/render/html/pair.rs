//! The redline of a pair as one standalone page that looks like an ITU working document.
//!
//! The page data is built by plain functions (`page`, `blocks`, `summary`)
//! from the redline; the askama template (`templates/redline.html`) only
//! prints it, escaping every string.

use super::CSS;
use super::blocks::{self, Block, Row};
use super::fragment::Column;
use super::summary::{self, SummaryData};
use crate::error::Result;
use crate::model::{Header, Redline};
use crate::render::view::{self, View};
use askama::Template;

/// Everything the template prints.
#[derive(Template)]
#[template(path = "redline.html")]
struct Page<'a> {
    title: String,
    /// The language of the new revision, as a BCP 47 tag (`<html lang>`).
    lang: &'static str,
    /// Written right to left (Arabic): `<html dir="rtl">`.
    rtl: bool,
    css: &'static str,
    header: &'a Header,
    /// `view-full`, `view-changes` ...
    view: &'static str,
    /// Legend and summary are shown (not in the clean view).
    marks: bool,
    summary: SummaryData<'a>,
    /// Old and new source names, for the side-by-side column heads.
    old_name: String,
    new_name: String,
    blocks: Vec<Block>,
    rows: Vec<Row>,
}

/// Renders the redline as a standalone HTML page.
pub fn render(redline: &Redline, view: View, header: &Header) -> Result<String> {
    // Reserved once, generously: growing a page of megabytes by doubling
    // copies it each time, and capacity never written costs no memory.
    let mut html = String::with_capacity(2 * redline.text_len() + CSS.len() + 64 * 1024);
    page(redline, view, header).render_into(&mut html).map_err(super::template_error)?;
    html.push('\n');
    Ok(html)
}

/// The page data of `redline` in `view` (mdBook's `make_data`).
fn page<'a>(redline: &'a Redline, view: View, header: &'a Header) -> Page<'a> {
    let entries = view::select(redline, view);
    let (blocks, rows) = match view {
        View::SideBySide => (Vec::new(), blocks::rows(&entries)),
        View::Clean => (blocks::blocks(&entries, Column::Clean), Vec::new()),
        View::Full | View::Changes => (blocks::blocks(&entries, Column::Both), Vec::new()),
    };
    Page {
        title: title(redline, header),
        lang: redline.language.tag(),
        rtl: redline.language.is_rtl(),
        css: CSS,
        header,
        view: view_class(view),
        marks: view != View::Clean,
        summary: summary::summary(redline, &entries),
        old_name: name_or(&redline.old.path, "Old text"),
        new_name: name_or(&redline.new.path, "New text"),
        blocks,
        rows,
    }
}

fn view_class(view: View) -> &'static str {
    match view {
        View::Full => "view-full",
        View::Changes => "view-changes",
        View::Clean => "view-clean",
        View::SideBySide => "view-side-by-side",
    }
}

fn title(redline: &Redline, header: &Header) -> String {
    if let Some(number) = &header.doc_number {
        return format!("Document {number}");
    }
    match (redline.old.path.as_str(), redline.new.path.as_str()) {
        ("", "") => "Redline".to_string(),
        (old, new) => format!("Redline: {old} → {new}"),
    }
}

fn name_or(path: &str, fallback: &str) -> String {
    if path.is_empty() { fallback.to_string() } else { path.to_string() }
}
