//! `redline outline`: the tree a reader would check.

use super::{EXIT_OK, InputArgs};
use redline::parse::outline;
use std::path::PathBuf;

/// Show the structure found in a resolution: sections, provisions, diagnostics.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The resolution to read.
    file: PathBuf,
    /// Output format: `text` for reading, `json` for programs.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Reads the file and prints its outline.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let document = redline::load(&args.file, &args.input.read_options()?)?;
    super::warn_tracked_changes(&args.file, &document);
    let out = match args.format {
        Format::Text => outline::render_text(&document),
        Format::Json => serde_json::to_string_pretty(&outline::outline(&document))? + "\n",
    };
    redline::output::emit(None, out.as_bytes())?;
    Ok(EXIT_OK)
}
