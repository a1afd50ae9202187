//! `redline diff`: the redline of two revisions, in one format.

use super::word::WordArgs;
use super::{EXIT_OK, InputArgs};
use anyhow::bail;
use redline::decode::ReadOptions;
use redline::diff::{DiffOptions, diff};
use redline::render::docx::{WordInput, WordInputs};
use redline::render::{self, Format, Header, Markers, Options, View};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Show what changed between two revisions of a resolution.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old revision.
    old: PathBuf,
    /// The new revision.
    new: PathBuf,
    /// Output format [default: from the -o extension (.html, .txt, .json, .critic, .md,
    /// .docx); else ansi on a terminal, text otherwise].
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
    header: HeaderArgs,
    #[command(flatten)]
    word: WordArgs,
}

/// The header block of an HTML or Word redline, as in an ITU working document.
#[derive(Debug, Clone, clap::Args)]
struct HeaderArgs {
    /// Document number for the header block, e.g. "DL/23-E (Rev.2)".
    #[arg(long, value_name = "S", help_heading = "Header (html, docx)")]
    doc_number: Option<String>,
    /// Date for the header block, e.g. "31 October 2014"; in a Word redline also
    /// the date of every change (2014-10-31 or 31 October 2014).
    #[arg(long, value_name = "S", help_heading = "Header (html, docx)")]
    date: Option<String>,
    /// Original language, shown as "Original: S".
    #[arg(long, value_name = "S", help_heading = "Header (html, docx)")]
    origin: Option<String>,
    /// Committee, e.g. "WORKING GROUP OF THE PLENARY".
    #[arg(long, value_name = "S", help_heading = "Header (html, docx)")]
    committee: Option<String>,
    /// Status line, e.g. "WORK IN PROGRESS".
    #[arg(long, value_name = "S", help_heading = "Header (html, docx)")]
    status: Option<String>,
    /// Proposal mark, e.g. WGPL/23/1, shown as "MOD WGPL/23/1".
    #[arg(long, value_name = "S", help_heading = "Header (html, docx)")]
    proposal: Option<String>,
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
    args.word.check(options.format)?;
    let read = args.input.read_options()?;
    redline::decode::refuse_same_file(&args.old, &args.new)?;
    if options.format == Format::Docx && !options.stat {
        return run_word(&args, &options, &read);
    }
    // One after the other, on this thread: parsing them on two threads was 15%
    // faster but put them in two malloc arenas, and the freed documents could
    // not be reused for the page (a third more peak memory).
    let (old, new) = (redline::load(&args.old, &read)?, redline::load(&args.new, &read)?);
    args.input.warn_tracked_changes(&args.old, &old);
    args.input.warn_tracked_changes(&args.new, &new);
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

/// The redline as a Word document with tracked changes.
fn run_word(args: &Args, options: &Options, read: &ReadOptions) -> anyhow::Result<u8> {
    if redline::output::is_stdout(args.output.as_deref()) && std::io::stdout().is_terminal() {
        bail!("a Word document is not written to a terminal: give -o FILE.docx");
    }
    let (old, old_word) = redline::load_keeping_word(&args.old, read)?;
    let (new, new_word) = redline::load_keeping_word(&args.new, read)?;
    args.input.warn_tracked_changes(&args.old, &old);
    args.input.warn_tracked_changes(&args.new, &new);
    let redline = diff(&old, &new, &DiffOptions { strict: args.strict });
    for warning in &redline.warnings {
        eprintln!("redline: warning: {warning}");
    }
    let inputs = WordInputs {
        old: old_word.as_ref().map(|word| WordInput { word, text: &old.text }),
        new: new_word.as_ref().map(|word| WordInput { word, text: &new.text }),
    };
    let mut word = args.word.options(args.header.date.as_deref());
    word.header = options.header.clone();
    let bytes = render::docx::pair(&redline, inputs, &word)?;
    redline::output::emit(args.output.as_deref(), &bytes)?;
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
        header: header(&args.header),
        stat: args.stat,
        color: format == Format::Ansi && !no_color(),
    })
}

/// `--format`, else the output file's extension, else ansi on a terminal and text otherwise.
fn format(flag: Option<Format>, output: Option<&Path>) -> redline::Result<Format> {
    let default = if std::io::stdout().is_terminal() { Format::Ansi } else { Format::Text };
    let by_extension = [Format::Html, Format::Text, Format::Json, Format::Critic, Format::Docx];
    Format::decide(flag, output, &by_extension, default)
}

/// `NO_COLOR` set to anything but the empty string (<https://no-color.org>).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

fn header(args: &HeaderArgs) -> Header {
    let HeaderArgs { doc_number, date, origin, committee, status, proposal } = args.clone();
    Header { title: None, doc_number, date, origin, committee, status, proposal }
}
