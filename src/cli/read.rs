//! `redline accept` and `redline reject`: read a rendered redline back, or a
//! Word document's tracked changes.

use super::{EXIT_OK, InputArgs};
use redline::decode::{Decoded, ReadOptions};
use redline::docx::View;
use redline::read::{Markup, read};
use std::io::Read;
use std::path::{Path, PathBuf};

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
    /// Its notation [default: detected from the markers present].
    #[arg(long, value_enum, default_value_t = FromArg::Auto)]
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

pub fn accept(args: AcceptArgs) -> anyhow::Result<u8> {
    run(&args.common, true)
}

pub fn reject(args: RejectArgs) -> anyhow::Result<u8> {
    run(&args.common, false)
}

fn run(args: &Common, accept: bool) -> anyhow::Result<u8> {
    let view = if accept { View::Accepted } else { View::Original };
    let decoded = load(&args.file, &args.input, view)?;
    let out = if decoded.docx.is_some() {
        decoded.text
    } else {
        let revisions =
            read(&decoded.text, markup(args.from)).map_err(|problem| problem.at(&args.file))?;
        if accept { revisions.new } else { revisions.old }
    };
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    Ok(EXIT_OK)
}

/// The decoded text of `path`, or of stdin for `-` (a Word document in `view`).
fn load(path: &Path, input: &InputArgs, view: View) -> redline::Result<Decoded> {
    let options = ReadOptions { view, ..input.read_options()? };
    if path.as_os_str() != "-" {
        return redline::decode::read_file(path, &options);
    }
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|error| redline::Error::Read {
        path: path.into(),
        reason: redline::error::describe_io(&error),
    })?;
    redline::decode::decode_file(path, &bytes, &options)
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
