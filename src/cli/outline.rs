//! `redline outline`: the tree a reader would check.

use super::{EXIT_OK, InputArgs, LangArgs};
use redline::render::{self, Format};
use std::path::PathBuf;

/// Show the structure found in a resolution: sections, provisions, diagnostics.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resolution to read (`-` for standard input).
    file: PathBuf,
    /// Output format: `text` for reading, `json` for programs.
    #[arg(
        long,
        value_name = "FORMAT",
        default_value = "text",
        value_parser = super::format::parser(&[Format::Text, Format::Json])
    )]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    lang: LangArgs,
}

/// Reads the file and prints its outline.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let document = args.input.load(&args.file, args.lang.lang)?;
    let out = render::outline(&document, args.format)?;
    redline::output::emit(None, out.as_bytes())?;
    Ok(EXIT_OK)
}
