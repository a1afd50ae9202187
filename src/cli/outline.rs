//! `redline outline`: the tree a reader would check.

use super::{EXIT_OK, EncodingArg};
use std::path::PathBuf;

/// Show the structure found in a resolution: sections, provisions, diagnostics.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resolution to read.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    encoding: EncodingArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let document = redline::load(&args.file, args.encoding.forced()?)?;
    let out = match args.format {
        Format::Text => format!("{} pieces\n", document.pieces.len()),
        Format::Json => serde_json::to_string_pretty(&document)? + "\n",
    };
    redline::output::emit(None, out.as_bytes())?;
    Ok(EXIT_OK)
}
