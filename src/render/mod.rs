//! Rendering: the models in one format each. Renderers only read the models;
//! they never recompute the diff.
//!
//! One folder or file per format, each rendering every view it supports (the
//! redline of a pair, a series' cumulative redline, the bracket reports, a
//! document's outline, a batch's index):
//!
//! | format | module | views | reads back |
//! | --- | --- | --- | --- |
//! | `text` (`~~`/`++` or wdiff markers) | `text/` | pair, series, brackets, outline | pair ([`crate::read`]) |
//! | `critic` (CriticMarkup) | `critic` | pair | yes |
//! | `html` (standalone pages) | `html/` | pair, series, brackets, index | no |
//! | `ansi` (terminal colours) | `ansi` | pair | no |
//! | `json` (the models' contracts) | `json` | pair, series, brackets, outline | it *is* the model |
//! | `docx` (Word, tracked changes) | `docx/` | pair, series (bytes: [`docx::pair`], [`docx::series`]) | Word's accept / reject, and [`crate::docx`] |
//!
//! `--stat` replaces a pair's redline by per-section counts (`stat`). The
//! format itself is chosen once, by [`Format::decide`]. Adding an output
//! format means adding its module here and a variant to [`Format`].

mod ansi;
mod critic;
pub mod docx;
mod format;
mod html;
mod json;
mod list_marker;
pub mod markers;
mod outline;
mod plain;
mod stat;
mod text;
mod view;

#[cfg(test)]
mod tests;

pub use crate::model::Header;
pub use format::Format;
pub use outline::{ItemKind, Outline, OutlineItem, OutlineProvision, OutlineSection};
pub use text::Markers;
pub use view::View;

use crate::brackets::{DocumentReport, RevisionsReport};
use crate::error::{Error, RenderOption, Result};
use crate::model::{Document, Redline};
use crate::series::Series;

/// Where an HTML page puts its front matter: the legend, the summary, the
/// list of changes and the bracket table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FrontMatter {
    /// Before the resolution on screen, after it on paper.
    #[default]
    Auto,
    /// Before the resolution, on screen and on paper.
    Before,
    /// After the resolution, on screen and on paper.
    After,
    /// Left out.
    Omit,
}

impl FrontMatter {
    /// The name as `--front-matter` spells it (`auto` is no flag).
    pub fn name(self) -> &'static str {
        match self {
            FrontMatter::Auto => "auto",
            FrontMatter::Before => "before",
            FrontMatter::After => "after",
            FrontMatter::Omit => "none",
        }
    }
}

/// How to render a redline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The output format.
    pub format: Format,
    /// Markers of `--format text`.
    pub markers: Markers,
    /// What part to show (`html` and `ansi`; the other formats show everything).
    pub view: View,
    /// Header block and proposal mark (`html` only).
    pub header: Header,
    /// Per-section counts instead of the redline.
    pub stat: bool,
    /// Colours for `ansi`; without them (`NO_COLOR`), `~~` and `++` mark the changes.
    pub color: bool,
    /// `NOC` in the margin of unchanged provisions too (`html` only).
    pub show_noc: bool,
    /// Where the legend, summary and tables go (`html` only).
    pub front_matter: FrontMatter,
    /// Names of the old and new revision, for the side-by-side column heads
    /// and the page title (`html` only) [default: the file names].
    pub labels: [Option<String>; 2],
    /// Bracketed texts in full rather than cut to a line (bracket reports as `text`).
    pub full: bool,
    /// Changes of white space only marked inline in the plain formats
    /// (`--strict`), instead of noted after the text.
    pub inline_whitespace: bool,
}

impl Options {
    /// Refuses combinations that would silently do nothing.
    pub fn check(&self) -> Result<()> {
        let format = self.format;
        let unused = if self.view != View::Full && !matches!(format, Format::Html | Format::Ansi) {
            Some((RenderOption::View(self.view.name()), "html or ansi"))
        } else if self.view == View::SideBySide && format == Format::Ansi {
            Some((RenderOption::View(self.view.name()), "html"))
        } else if self.markers != Markers::Tilde && format != Format::Text {
            Some((RenderOption::Markers, "text"))
        } else if self.header != Header::default() && !matches!(format, Format::Html | Format::Docx)
        {
            Some((RenderOption::Header, "html or docx"))
        } else if format != Format::Html {
            self.page_option().map(|option| (option, "html"))
        } else {
            None
        };
        match unused {
            Some((option, formats)) if !self.stat => Err(Error::UnusedOption { option, formats }),
            _ => Ok(()),
        }
    }
}

impl From<Format> for Options {
    /// The default options of `format`.
    fn from(format: Format) -> Self {
        Options { format, ..Options::default() }
    }
}

impl Options {
    /// The first option set that only an HTML page uses.
    fn page_option(&self) -> Option<RenderOption> {
        if self.header != Header::default() && self.format != Format::Docx {
            Some(RenderOption::Header)
        } else if self.show_noc {
            Some(RenderOption::ShowNoc)
        } else if self.front_matter != FrontMatter::Auto {
            Some(RenderOption::FrontMatter(self.front_matter.name()))
        } else if self.labels.iter().any(Option::is_some) {
            Some(RenderOption::Labels)
        } else {
            None
        }
    }
}

/// Renders `redline` as `options` say.
pub fn render(redline: &Redline, options: &Options) -> Result<String> {
    options.check()?;
    if options.stat {
        return Ok(match options.format {
            Format::Json => stat::json(redline),
            _ => stat::table(redline),
        });
    }
    Ok(match options.format {
        Format::Text => text::render(redline, options.markers, options.inline_whitespace),
        Format::Critic => critic::render(redline, options.inline_whitespace),
        Format::Json => json::pair(redline),
        Format::Ansi => ansi::render(redline, options.view, options.color),
        Format::Html => html::pair(redline, options)?,
        Format::Docx => return Err(binary(Format::Docx)),
    })
}

/// Renders a series' cumulative redline (JSON: the whole series) in one of
/// [`Format::DOCUMENTS`]; the page options of `options` apply to HTML
/// (`show_noc`, `front_matter`), the series' own header to every format.
pub fn series(series: &Series, options: &Options) -> Result<String> {
    match options.format {
        Format::Html => html::series(series, options),
        Format::Text => Ok(text::series::render(series)),
        Format::Json => json::value(series),
        Format::Docx => Err(binary(Format::Docx)),
        other => Err(unsupported(other, "a series")),
    }
}

/// Renders one step of a series (a pair's redline) with default options.
pub fn step(step: &Redline, format: Format) -> Result<String> {
    render(step, &Options { format, ..Options::default() })
}

/// Renders the bracket report of one document in one of [`Format::DOCUMENTS`]
/// (`options.full`: the text format's bracketed texts whole).
pub fn document_brackets(report: &DocumentReport, options: &Options) -> Result<String> {
    match options.format {
        Format::Html => Ok(html::document_html(report)),
        Format::Text => Ok(text::brackets::document_text(report, options.full)),
        Format::Json => json::value(report),
        other => Err(unsupported(other, "a bracket report")),
    }
}

/// Renders the bracket report across revisions in one of [`Format::DOCUMENTS`]
/// (`options.full`: the text format's bracketed texts whole).
pub fn revisions_brackets(report: &RevisionsReport, options: &Options) -> Result<String> {
    match options.format {
        Format::Html => Ok(html::revisions_html(report)),
        Format::Text => Ok(text::brackets::revisions_text(report, options.full)),
        Format::Json => json::value(report),
        other => Err(unsupported(other, "a bracket report")),
    }
}

/// Renders a document's outline as text or JSON.
pub fn outline(document: &Document, format: Format) -> Result<String> {
    match format {
        Format::Text => Ok(text::outline::render(document)),
        Format::Json => json::value(&outline::outline(document)),
        other => Err(unsupported(other, "an outline")),
    }
}

/// Renders a batch's index page (HTML): one row per series.
pub fn index(report: &crate::model::BatchReport) -> Result<String> {
    html::index(report)
}

/// A binary format asked of a text entry point: its bytes come from [`docx`].
fn binary(format: Format) -> Error {
    Error::Other(format!("{format} is written as bytes, by render::docx"))
}

fn unsupported(format: Format, what: &str) -> Error {
    Error::Other(format!("{what} cannot be written as {format}"))
}
