//! Rendering: one [`Redline`] in one format. Renderers only read the redline;
//! they never recompute the diff.
//!
//! | format | module | reads back |
//! | --- | --- | --- |
//! | `text` (`~~`/`++` or wdiff markers) | [`text`] | yes ([`crate::read`]) |
//! | `critic` (CriticMarkup) | [`critic`] | yes |
//! | `html` (standalone page) | [`html`] | no |
//! | `ansi` (terminal colours) | [`ansi`] | no |
//! | `json` (the model's contract) | [`json`] | it *is* the model |
//!
//! `--stat` replaces the redline by per-section counts ([`stat`]).

pub mod ansi;
pub mod critic;
pub mod html;
pub mod json;
pub mod markers;
mod plain;
pub mod stat;
pub mod text;
pub mod view;

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod testkit;

pub use crate::model::Header;
pub use text::Markers;
pub use view::View;

use crate::error::{Error, Result};
use crate::model::Redline;

/// An output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text: action lines, `~~deleted~~`, `++inserted++`.
    #[default]
    Text,
    /// The redline model as pretty JSON.
    Json,
    /// A standalone HTML page.
    Html,
    /// CriticMarkup.
    Critic,
    /// Coloured text for a terminal.
    Ansi,
}

impl Format {
    /// The format a file name's extension asks for: `.html`/`.htm`, `.txt`/`.text`,
    /// `.json`, `.critic`/`.md`; `None` for any other (or no) extension.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "critic" | "md" => Some(Format::Critic),
            _ => None,
        }
    }

    /// The name as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Html => "html",
            Format::Critic => "critic",
            Format::Ansi => "ansi",
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
}

impl Options {
    /// Refuses combinations that would silently do nothing.
    pub fn check(&self) -> Result<()> {
        let format = self.format;
        let problem = if self.view != View::Full && !matches!(format, Format::Html | Format::Ansi) {
            Some(format!("--view {} is for --format html or ansi", self.view.name()))
        } else if self.view == View::SideBySide && format == Format::Ansi {
            Some("--view side-by-side is for --format html".to_string())
        } else if self.markers != Markers::Tilde && format != Format::Text {
            Some("--markers is for --format text".to_string())
        } else if self.header != Header::default() && format != Format::Html {
            Some("--doc-number, --date, --origin, --committee, --status and --proposal are for --format html".to_string())
        } else {
            None
        };
        match problem {
            Some(message) if !self.stat => Err(Error::Other(message)),
            _ => Ok(()),
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
        Format::Text => text::render(redline, options.markers),
        Format::Critic => critic::render(redline),
        Format::Json => json::render(redline),
        Format::Ansi => ansi::render(redline, options.view, options.color),
        Format::Html => html::render(redline, options.view, &options.header)?,
    })
}
