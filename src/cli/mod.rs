//! Command-line parsing and dispatch: flags into arguments, arguments into library calls.

mod batch;
mod brackets;
mod completions;
mod diff;
mod format;
mod interrupt;
mod outline;
mod read;
mod series;
mod word;

use clap::{Parser, Subcommand};
use redline::docx::View;
use std::process::ExitCode;

/// Exit status: the command did its job.
pub const EXIT_OK: u8 = 0;
/// Exit status: a `--check` found problems (unbalanced brackets ...).
pub const EXIT_CHECK_FAILED: u8 = 1;
/// Exit status: interrupted by Ctrl-C or SIGTERM (unfinished files removed).
pub const EXIT_INTERRUPTED: u8 = 130;
/// Exit status: an error (bad input, unwritable output, bad flags).
pub const EXIT_ERROR: u8 = 2;

const LONG_ABOUT: &str = "\
Redlines of successive revisions of UN/ITU resolutions.

redline reads revisions of a resolution as plain text (UTF-8, UTF-16 with a BOM or \
Windows-1252) or as Word documents (.docx, tracked changes accepted unless --original), finds their structure (sections, labelled provisions, [square brackets] of \
text not yet agreed) and writes redlines: each provision marked ADD, SUP, MOD or NOC, \
deletions struck, insertions underlined, renumbered labels and moved provisions shown as such. \
Output goes to stdout, or atomically to the file given with -o; its format follows --format or \
the -o extension (.html, .txt, .json, .docx: a Word document with tracked changes).";

const EXAMPLES: &str = "\
Examples:
  redline diff old.txt new.txt -o redline.html
  redline diff old.docx new.docx -o redline.docx
  redline series fixtures/res140 -o res140.html
  redline batch fixtures/batch -o out --jobs 2
  redline completions bash > ~/.local/share/bash-completion/completions/redline

Exit status:
  0  the command did its job
  1  a --check found problems (unbalanced brackets ...)
  2  an error: unreadable input, bad flags, unwritable output, a failed series in a batch

Run 'redline help COMMAND' for each command's manual and examples.";

/// Redlines of successive revisions of UN/ITU resolutions.
#[derive(Debug, Parser)]
#[command(name = "redline", version, about, long_about = LONG_ABOUT, after_long_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Outline(outline::Args),
    Diff(diff::Args),
    Accept(read::AcceptArgs),
    Reject(read::RejectArgs),
    Brackets(brackets::Args),
    Series(series::Args),
    Batch(batch::Args),
    Completions(completions::Args),
    #[command(hide = true)]
    Man(completions::ManArgs),
}

/// Parses the command line, runs the command and maps the outcome to an exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    if let Err(error) = interrupt::remove_unfinished_on_interrupt(EXIT_INTERRUPTED.into()) {
        eprintln!("redline: {error}");
        return ExitCode::from(EXIT_ERROR);
    }
    match dispatch(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("redline: {}", describe(&error));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// One line for an error: the library's words, with the flags that help
/// (the library never names a flag).
pub fn describe(error: &anyhow::Error) -> String {
    use redline::error::{Remedy, RenderOption};
    let Some(error) = error.downcast_ref::<redline::Error>() else {
        return error.to_string();
    };
    if let redline::Error::UnusedOption { option, formats } = error {
        let flags = match option {
            RenderOption::View(view) => format!("--view {view} is"),
            RenderOption::Markers => "--markers is".to_string(),
            RenderOption::Header => {
                "--doc-number, --date, --origin, --committee, --status and --proposal are"
                    .to_string()
            }
        };
        return format!("{flags} for --format {formats}");
    }
    let remedy = match (error.remedy(), error) {
        (Some(Remedy::AllowEmpty), _) => {
            "; --allow-empty reads it as a revision with no provisions".to_string()
        }
        (Some(Remedy::ChooseNotation), _) => "; choose one with --from".to_string(),
        (Some(Remedy::ChooseFormat), redline::Error::UnknownExtension { formats, .. }) => {
            format!(", or --format {formats}")
        }
        _ => String::new(),
    };
    format!("{error}{remedy}")
}

fn dispatch(command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Outline(args) => outline::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Accept(args) => read::accept(args),
        Command::Reject(args) => read::reject(args),
        Command::Brackets(args) => brackets::run(args),
        Command::Series(args) => series::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::man(args),
    }
}

/// The `--encoding` flag shared by every command that reads resolutions.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Decode input with this encoding (any WHATWG label: utf-8, windows-1252,
    /// utf-16le ...) instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Read a file with no text as a revision with no provisions (a new
    /// resolution against nothing) instead of refusing it.
    #[arg(long)]
    pub allow_empty: bool,
    /// Read Word documents (.docx) with their tracked changes rejected: the
    /// text before the changes [default: every change accepted, with a warning].
    #[arg(long)]
    pub original: bool,
}

impl InputArgs {
    /// How input files are read; an unknown encoding label is an error.
    pub fn read_options(&self) -> redline::Result<redline::decode::ReadOptions> {
        let encoding =
            self.encoding.as_deref().map(redline::decode::encoding_for_label).transpose()?;
        let view = if self.original { View::Original } else { View::Accepted };
        Ok(redline::decode::ReadOptions { encoding, allow_empty: self.allow_empty, view })
    }
}

impl InputArgs {
    /// Prints the warning of a Word document read from one view of its
    /// tracked changes, with the flag that reads the other.
    pub fn warn_tracked_changes(
        &self,
        path: &std::path::Path,
        document: &redline::model::Document,
    ) {
        let path = path.display().to_string();
        if let Some(warning) = redline::tracked_changes_warning(&path, document) {
            let flag = if self.original {
                " (--original)"
            } else {
                "; --original reads the text before them"
            };
            eprintln!("redline: warning: {warning}{flag}");
        }
    }
}
