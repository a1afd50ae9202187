//! The output formats, decided in one place: a flag, else the output file's
//! extension, else a default.

use crate::error::{Error, Result};
use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// A standalone HTML page.
    Html,
    /// Plain text: action lines, `~~deleted~~`, `++inserted++`.
    #[default]
    Text,
    /// The model as pretty JSON (the versioned contract).
    Json,
    /// CriticMarkup.
    Critic,
    /// Coloured text for a terminal.
    Ansi,
    /// A Word document with tracked changes (bytes: see [`crate::render::docx`]).
    Docx,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 6] =
        [Format::Text, Format::Json, Format::Html, Format::Critic, Format::Ansi, Format::Docx];

    /// The formats a bracket report is written in.
    pub const DOCUMENTS: [Format; 3] = [Format::Html, Format::Text, Format::Json];

    /// The formats a revision series or a batch is written in.
    pub const SERIES: [Format; 4] = [Format::Html, Format::Text, Format::Json, Format::Docx];

    /// The format's name (`text`, `json`, `html`, `critic`, `ansi`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Html => "html",
            Format::Critic => "critic",
            Format::Ansi => "ansi",
            Format::Docx => "docx",
        }
    }

    /// `true` for a format written as bytes, not text (`docx`).
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }

    /// The format called `name`, if any.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| format.name() == name)
    }

    /// The extension of a file in this format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Html => "html",
            Format::Critic => "critic",
            Format::Ansi => "ansi",
            Format::Docx => "docx",
        }
    }

    /// The format a file name's extension asks for: `.html`/`.htm`,
    /// `.txt`/`.text`, `.json`, `.critic`/`.md`, `.docx`; `None` for any other (or no)
    /// extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "critic" | "md" => Some(Format::Critic),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format of an output: `chosen` if given, else the extension of
    /// `output` (a file; `None` or `-` is stdout, and so is a device or a
    /// pipe such as `/dev/null`), else `default`. An extension that names
    /// none of `allowed` is an error.
    pub fn decide(
        chosen: Option<Format>,
        output: Option<&Path>,
        allowed: &[Format],
        default: Format,
    ) -> Result<Format> {
        if let Some(format) = chosen {
            return Ok(format);
        }
        let file = |path: &&Path| !crate::output::is_stdout(Some(path)) && !is_special(path);
        let Some(path) = output.filter(file) else {
            return Ok(default);
        };
        match Format::from_path(path).filter(|format| allowed.contains(format)) {
            Some(format) => Ok(format),
            None => Err(Error::UnknownExtension {
                path: path.into(),
                extensions: extensions(allowed),
                formats: allowed.iter().map(|format| format.name()).collect::<Vec<_>>().join("|"),
            }),
        }
    }
}

/// `true` for a path that exists and is neither a file nor a folder: a
/// device (`/dev/null`) or a pipe, which has no extension to go by.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir())
}

/// `.html, .txt or .json`.
fn extensions(formats: &[Format]) -> String {
    let names: Vec<String> =
        formats.iter().map(|format| format!(".{}", format.extension())).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_read_back() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        for format in Format::SERIES {
            let path = format!("out.{}", format.extension());
            assert_eq!(Format::from_path(Path::new(&path)), Some(format));
        }
    }

    #[test]
    fn the_flag_wins_then_the_extension_then_the_default() {
        let html = Some(Path::new("a.html"));
        let all = &Format::ALL;
        assert_eq!(
            Format::decide(Some(Format::Json), html, all, Format::Text).unwrap(),
            Format::Json
        );
        assert_eq!(Format::decide(None, html, all, Format::Text).unwrap(), Format::Html);
        assert_eq!(Format::decide(None, None, all, Format::Ansi).unwrap(), Format::Ansi);
        assert_eq!(
            Format::decide(None, Some(Path::new("-")), all, Format::Text).unwrap(),
            Format::Text
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_takes_the_default_format() {
        let null = Some(Path::new("/dev/null"));
        assert_eq!(Format::decide(None, null, &Format::ALL, Format::Text).unwrap(), Format::Text);
        let chosen = Format::decide(Some(Format::Html), null, &Format::ALL, Format::Text);
        assert_eq!(chosen.unwrap(), Format::Html);
    }

    #[test]
    fn an_extension_outside_the_allowed_formats_is_an_error() {
        let error = Format::decide(None, Some(Path::new("a.md")), &Format::DOCUMENTS, Format::Text);
        let message = error.unwrap_err().to_string();
        assert!(message.contains("a.md") && message.contains(".html, .txt or .json"), "{message}");
    }
}
