//! `--format` on the command line: the library's one [`Format`], parsed by
//! clap and decided by [`Format::decide`].

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use redline::render::Format;

/// A value parser for `--format` that accepts the formats in `allowed`.
pub fn parser(allowed: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    let values =
        allowed.iter().map(|&format| PossibleValue::new(format.name()).help(about(format)));
    PossibleValuesParser::new(values)
        .map(|name| Format::from_name(&name).expect("clap accepts only the possible values"))
}

/// What each format is, for `--help`.
fn about(format: Format) -> &'static str {
    match format {
        Format::Html => "A standalone HTML page",
        Format::Text => "Plain text",
        Format::Json => "JSON (the versioned contract)",
        Format::Critic => "CriticMarkup",
        Format::Ansi => "Coloured text for a terminal",
        Format::Docx => "A Word document with tracked changes",
    }
}
