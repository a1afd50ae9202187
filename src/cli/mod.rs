//! Command-line parsing and dispatch: flags into arguments, arguments into library calls.

mod batch;
mod brackets;
mod completions;
mod diff;
mod outline;
mod read;
mod series;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit status: the command did its job.
pub const EXIT_OK: u8 = 0;
/// Exit status: a `--check` found problems (unbalanced brackets ...).
pub const EXIT_CHECK_FAILED: u8 = 1;
/// Exit status: an error (bad input, unwritable output, bad flags).
pub const EXIT_ERROR: u8 = 2;

/// Redlines of successive revisions of UN/ITU resolutions.
#[derive(Debug, Parser)]
#[command(name = "redline", version, about, long_about = None)]
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
    match dispatch(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("redline: {error}");
            ExitCode::from(EXIT_ERROR)
        }
    }
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
    }
}

/// The `--encoding` flag shared by every command that reads resolutions.
#[derive(Debug, Clone, clap::Args)]
pub struct EncodingArg {
    /// Decode input with this encoding (any WHATWG label: utf-8, windows-1252,
    /// utf-16le ...) instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
}

impl EncodingArg {
    /// The forced encoding, if any; an unknown label is an error.
    pub fn forced(&self) -> redline::Result<Option<&'static encoding_rs::Encoding>> {
        self.encoding.as_deref().map(redline::decode::encoding_for_label).transpose()
    }
}
