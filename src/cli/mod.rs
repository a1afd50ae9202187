//! Command-line parsing and dispatch: flags into arguments, arguments into library calls.

mod batch;
mod brackets;
mod completions;
mod diff;
mod format;
mod input;
mod interrupt;
mod outline;
mod page;
mod read;
mod series;
mod word;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub use input::{InputArgs, LangArgs};

/// Exit status: the command did its job.
pub const EXIT_OK: u8 = 0;
/// Exit status: a check found something: `brackets --check` an unbalanced
/// bracket, `diff --exit-code` a difference.
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
  1  brackets --check found an unbalanced bracket; diff --exit-code found differences
  2  an error: unreadable input, bad flags, unwritable output, a failed series in a batch

Run 'redline help COMMAND' for each command's manual and examples.";

/// Redlines of successive revisions of UN/ITU resolutions.
#[derive(Debug, Parser)]
#[command(name = "redline", version, about, long_about = LONG_ABOUT, after_long_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Say nothing on stderr but errors and warnings (not what was written,
    /// not "no differences").
    #[arg(short, long, global = true)]
    quiet: bool,
}

/// What a command tells on stderr besides errors and warnings: the file it
/// wrote and its counts, "no differences". Silenced by `-q`.
#[derive(Debug, Clone, Copy)]
pub struct Notes {
    quiet: bool,
}

impl Notes {
    /// One line on stderr, unless quiet.
    pub fn say(self, line: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("redline: {line}");
        }
    }

    /// `wrote FILE (what)` when `output` is a file, not stdout.
    pub fn wrote(self, output: Option<&std::path::Path>, what: impl std::fmt::Display) {
        if let Some(path) = output.filter(|path| !redline::output::is_stdout(Some(path))) {
            self.say(format_args!("wrote {} ({what})", path.display()));
        }
    }
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
    match dispatch(cli.command, Notes { quiet: cli.quiet }) {
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
                "--doc-number, --date, --origin, --committee, --draft-title, --status and \
                 --proposal are"
                    .to_string()
            }
            RenderOption::ShowNoc => "--show-noc is".to_string(),
            RenderOption::FrontMatter(place) => format!("--front-matter {place} is"),
            RenderOption::Labels => "--label is".to_string(),
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

fn dispatch(command: Command, notes: Notes) -> anyhow::Result<u8> {
    match command {
        Command::Outline(args) => outline::run(args),
        Command::Diff(args) => diff::run(args, notes),
        Command::Accept(args) => read::accept(args, notes),
        Command::Reject(args) => read::reject(args, notes),
        Command::Brackets(args) => brackets::run(args, notes),
        Command::Series(args) => series::run(args, notes),
        Command::Batch(args) => batch::run(args, notes),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::man(args),
    }
}
