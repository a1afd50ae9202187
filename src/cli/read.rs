//! `redline accept` and `redline reject`: read a rendered redline back, or a
//! Word document's tracked changes.

use super::{EXIT_OK, InputArgs, Notes};
use redline::decode::ReadOptions;
use redline::docx::View;
use redline::read::{Markup, read};
use std::path::PathBuf;

/// Print the new revision: the redline with every change accepted.
#[derive(Debug, clap::Args)]
pub struct AcceptArgs {
    #[command(flatten)]
    common: Common,
}

/// Print the old revision: the redline with every change rejected.
#[derive(Debug, clap::Args)]
pub struct RejectArgs {
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct Common {
    /// The redline to read (`-` for stdin), in the text, wdiff or critic format,
    /// or a DL/23 export with `~~struck~~` text; or a Word document (.docx)
    /// with tracked changes, whose text with every change accepted (rejected) is written.
    file: PathBuf,
    /// Its notation [default: auto, detected from the markers present].
    #[arg(long, value_enum, default_value_t = FromArg::Auto, hide_default_value = true)]
    from: FromArg,
    /// Write to FILE instead of stdout (`-` is stdout); written atomically.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FromArg {
    Auto,
    Text,
    Wdiff,
    Critic,
    Dl23,
}

pub fn accept(args: AcceptArgs, notes: Notes) -> anyhow::Result<u8> {
    run(&args.common, true, notes)
}

pub fn reject(args: RejectArgs, notes: Notes) -> anyhow::Result<u8> {
    run(&args.common, false, notes)
}

fn run(args: &Common, accept: bool, notes: Notes) -> anyhow::Result<u8> {
    let view = if accept { View::Accepted } else { View::Original };
    let options = ReadOptions { view, ..args.input.read_options()? };
    let decoded = super::input::read_decoded(&args.file, &options)?;
    let out = if decoded.docx.is_some() {
        decoded.text
    } else {
        let revisions =
            read(&decoded.text, markup(args.from)).map_err(|problem| problem.at(&args.file))?;
        if accept { revisions.new } else { revisions.old }
    };
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    let side = if accept { "new" } else { "old" };
    let lines = out.lines().count();
    notes.wrote(args.output.as_deref(), format_args!("the {side} revision, {lines} lines"));
    Ok(EXIT_OK)
}

fn markup(from: FromArg) -> Markup {
    match from {
        FromArg::Auto => Markup::Auto,
        FromArg::Text => Markup::Text,
        FromArg::Wdiff => Markup::Wdiff,
        FromArg::Critic => Markup::Critic,
        FromArg::Dl23 => Markup::Dl23,
    }
}
