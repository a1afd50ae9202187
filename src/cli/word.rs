//! The flags of a Word redline (`--format docx`): author, comments, moves.

use anyhow::bail;
use redline::render::Format;
use redline::render::docx::{WordOptions, change_date};
use std::io::IsTerminal;

/// How a Word redline is written.
#[derive(Debug, Clone, clap::Args)]
pub struct WordArgs {
    /// The author of the tracked changes and comments [default: redline].
    #[arg(long, value_name = "NAME", help_heading = "Word (--format docx)")]
    author: Option<String>,
    /// The ITU action (ADD, SUP, MOD, NOC, renumbered, moved) and the brackets of
    /// each changed provision as Word comments.
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        default_missing_value = "true",
        help_heading = "Word (--format docx)"
    )]
    comments: Option<bool>,
    /// Moved provisions as Word moves (w:moveFrom/w:moveTo) instead of a
    /// deletion and an insertion with a comment linking the two places.
    #[arg(long, help_heading = "Word (--format docx)")]
    moves: bool,
}

/// Refuses to write a Word document (binary) to a terminal.
pub fn refuse_terminal(output: Option<&std::path::Path>) -> anyhow::Result<()> {
    if redline::output::is_stdout(output) && std::io::stdout().is_terminal() {
        bail!("a Word document is not written to a terminal: give -o FILE.docx");
    }
    Ok(())
}

/// The date of the changes: `given`, else `SOURCE_DATE_EPOCH`.
pub fn date_of_changes(given: Option<&str>) -> Option<String> {
    change_date(given, std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
}

impl WordArgs {
    /// Refuses the flags when the format is not Word: they would do nothing.
    pub fn check(&self, format: Format) -> anyhow::Result<()> {
        if format != Format::Docx
            && (self.author.is_some() || self.comments.is_some() || self.moves)
        {
            bail!("--author, --comments and --moves are for --format docx");
        }
        Ok(())
    }

    /// The writer's options; the date of the changes is `date` (as given),
    /// else `SOURCE_DATE_EPOCH`, else the new Word document's, never the clock.
    pub fn options(&self, date: Option<&str>) -> WordOptions {
        WordOptions {
            author: self.author.clone().unwrap_or_else(|| "redline".into()),
            date: date_of_changes(date),
            comments: self.comments.unwrap_or(true),
            moves: self.moves,
            header: Default::default(),
        }
    }
}
