//! `redline diff`: the redline of two revisions, in one format.

use super::page::{HeaderArgs, PageArgs};
use super::{EXIT_OK, InputArgs};
use redline::diff::{DiffOptions, diff};
use redline::render::{self, Format, Markers, Options, View};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Show what changed between two revisions of a resolution.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old revision.
    old: PathBuf,
    /// The new revision.
    new: PathBuf,
    /// Output format [default: from the -o extension (.html, .txt, .json, .critic, .md);
    /// else ansi on a terminal, text otherwise].
    #[arg(long, value_name = "FORMAT", value_parser = super::format::parser(&Format::ALL))]
    format: Option<Format>,
    /// Markers of --format text: ~~deleted~~ ++inserted++, or [-deleted-] {+inserted+}.
    #[arg(long, value_enum, default_value_t = MarkersArg::Tilde)]
    markers: MarkersArg,
    /// What to show (html, ansi): everything, only the changes, the clean new text,
    /// or old and new side by side (html).
    #[arg(long, value_enum, default_value_t = ViewArg::Full)]
    view: ViewArg,
    /// Print counts of actions per section instead of the redline.
    #[arg(long)]
    stat: bool,
    /// Show typographic variants (quotes, dashes, no-break spaces) as changes.
    #[arg(long)]
    strict: bool,
    /// Write to FILE instead of stdout (`-` is stdout); written atomically.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    page: PageArgs,
    /// Name of the old, then of the new revision in the side-by-side column heads
    /// and the page title, as `diff -L` [default: the file names].
    #[arg(short = 'L', long = "label", value_name = "NAME", help_heading = "HTML page")]
    #[arg(num_args = 1, action = clap::ArgAction::Append)]
    labels: Vec<String>,
    #[command(flatten)]
    header: HeaderArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum MarkersArg {
    Tilde,
    Wdiff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ViewArg {
    Full,
    Changes,
    Clean,
    SideBySide,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let options = options(&args)?;
    options.check()?;
    let read = args.input.read_options()?;
    redline::decode::refuse_same_file(&args.old, &args.new)?;
    // One after the other, on this thread: parsing them on two threads was 15%
    // faster but put them in two malloc arenas, and the freed documents could
    // not be reused for the page (a third more peak memory).
    let (old, new) = (redline::load(&args.old, &read)?, redline::load(&args.new, &read)?);
    let redline = diff(&old, &new, &DiffOptions { strict: args.strict });
    // The redline holds all it renders: free the documents before the page
    // is built, so the two are never in memory at once.
    drop((old, new));
    for warning in &redline.warnings {
        eprintln!("redline: warning: {warning}");
    }
    let out = render::render(&redline, &options)?;
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    // The process ends here: the system takes the memory back faster than
    // freeing every span one by one would.
    std::mem::forget((redline, out));
    Ok(EXIT_OK)
}

/// The render options the flags ask for.
fn options(args: &Args) -> anyhow::Result<Options> {
    let format = format(args.format, args.output.as_deref())?;
    Ok(Options {
        format,
        markers: match args.markers {
            MarkersArg::Tilde => Markers::Tilde,
            MarkersArg::Wdiff => Markers::Wdiff,
        },
        view: match args.view {
            ViewArg::Full => View::Full,
            ViewArg::Changes => View::Changes,
            ViewArg::Clean => View::Clean,
            ViewArg::SideBySide => View::SideBySide,
        },
        header: args.header.header(),
        stat: args.stat,
        color: format == Format::Ansi && !no_color(),
        show_noc: args.page.show_noc,
        front_matter: args.page.front_matter(),
        labels: labels(&args.labels)?,
        full: false,
    })
}

/// `--label OLD --label NEW`: at most two.
fn labels(given: &[String]) -> anyhow::Result<[Option<String>; 2]> {
    match given {
        [] => Ok([None, None]),
        [old] => Ok([Some(old.clone()), None]),
        [old, new] => Ok([Some(old.clone()), Some(new.clone())]),
        _ => anyhow::bail!(
            "--label given {} times: once for the old, once for the new revision",
            given.len()
        ),
    }
}

/// `--format`, else the output file's extension, else ansi on a terminal and text otherwise.
fn format(flag: Option<Format>, output: Option<&Path>) -> redline::Result<Format> {
    let default = if std::io::stdout().is_terminal() { Format::Ansi } else { Format::Text };
    let by_extension = [Format::Html, Format::Text, Format::Json, Format::Critic];
    Format::decide(flag, output, &by_extension, default)
}

/// `NO_COLOR` set to anything but the empty string (<https://no-color.org>).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}
