//! The redline of a pair as one standalone page that looks like an ITU working document.
//!
//! The page data is built by plain functions (`page`, `blocks`, `summary`,
//! `legend`) from the redline; the askama template (`templates/redline.html`)
//! only prints it, escaping every string.

use super::CSS;
use super::blocks::{self, Block, Row};
use super::fragment::Column;
use super::legend::{self, LegendItem};
use super::print::{self, Print};
use super::summary::{self, SummaryData};
use crate::error::Result;
use crate::model::{Header, Redline};
use crate::render::view::{self, View};
use crate::render::{FrontMatter, Options};
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
    /// The running head of printed pages, as CSS.
    print: Print,
    header: &'a Header,
    /// `view-full front-auto`, `view-side-by-side front-after` ...
    body_class: String,
    /// Legend, summary and tables, shown before the resolution.
    front_before: bool,
    /// The same, shown after it (on paper only, in the `auto` placement).
    front_after: bool,
    legend: Vec<LegendItem>,
    summary: SummaryData<'a>,
    /// Old and new names, for the side-by-side column heads.
    old_name: String,
    new_name: String,
    blocks: Vec<Block>,
    rows: Vec<Row>,
}

/// Renders the redline as a standalone HTML page.
pub fn render(redline: &Redline, options: &Options) -> Result<String> {
    // Reserved once, generously: growing a page of megabytes by doubling
    // copies it each time, and capacity never written costs no memory.
    let mut html = String::with_capacity(2 * redline.text_len() + CSS.len() + 64 * 1024);
    page(redline, options).render_into(&mut html).map_err(super::template_error)?;
    html.push('\n');
    Ok(html)
}

/// The page data of `redline` (mdBook's `make_data`).
fn page<'a>(redline: &'a Redline, options: &'a Options) -> Page<'a> {
    let view = options.view;
    let entries = view::select(redline, view);
    let show_noc = options.show_noc;
    let (blocks, rows) = match view {
        View::SideBySide => (Vec::new(), blocks::rows(&entries, show_noc)),
        View::Clean => (blocks::blocks(&entries, Column::Clean, false), Vec::new()),
        View::Full | View::Changes => {
            (blocks::blocks(&entries, Column::Both, show_noc), Vec::new())
        }
    };
    let front = if view == View::Clean { FrontMatter::Omit } else { options.front_matter };
    let [old_name, new_name] = names(redline, options);
    Page {
        title: title(&options.header, &old_name, &new_name),
        lang: redline.language.tag(),
        rtl: redline.language.is_rtl(),
        css: CSS,
        print: print::running_head(&options.header),
        header: &options.header,
        body_class: format!("{} front-{}", view_class(view), front.name()),
        front_before: front == FrontMatter::Before,
        front_after: matches!(front, FrontMatter::After | FrontMatter::Auto),
        legend: legend::legend(&blocks, &rows),
        summary: summary::summary(redline, &entries),
        old_name,
        new_name,
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

fn title(header: &Header, old: &str, new: &str) -> String {
    match &header.doc_number {
        Some(number) => format!("Document {number}"),
        None => format!("Redline: {old} → {new}"),
    }
}

/// The revisions' names: the labels given, else the file names (never the
/// paths: a page is passed around, the folders it was made in are not).
fn names(redline: &Redline, options: &Options) -> [String; 2] {
    let [old_label, new_label] = &options.labels;
    [
        old_label.clone().unwrap_or_else(|| file_name(&redline.old.path, "Old text")),
        new_label.clone().unwrap_or_else(|| file_name(&redline.new.path, "New text")),
    ]
}

/// The last component of `path`, or `fallback` for none.
pub(super) fn file_name(path: &str, fallback: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or_default();
    match name {
        "" => fallback.to_string(),
        "-" => "stdin".to_string(),
        name => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn names_are_file_names_never_paths() {
        assert_eq!(file_name("/home/someone/drafts/rev2.txt", "x"), "rev2.txt");
        assert_eq!(file_name(r"C:\drafts\rev2.txt", "x"), "rev2.txt");
        assert_eq!(file_name("", "Old text"), "Old text");
        assert_eq!(file_name("-", "Old text"), "stdin");
    }
}
