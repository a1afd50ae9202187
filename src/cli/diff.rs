//! `redline diff`: the redline of two revisions, in one format.

use super::page::{HeaderArgs, PageArgs};
use super::word::WordArgs;
use super::{EXIT_CHECK_FAILED, EXIT_OK, InputArgs, LangArgs, Notes};
use redline::diff::{DiffOptions, diff};
use redline::model::{Redline, Summary};
use redline::render::docx::{WordInput, WordInputs};
use redline::render::{self, Format, Markers, Options, View};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  The redline of two revisions in the terminal (colours), or as plain text:
    redline diff res140-2010.txt res140-2014.txt
    redline diff res140-2010.txt res140-2014.txt --format text > redline.txt

  The working document as an HTML page to open, print on A4 or send round, with
  DL/23's header block (the front matter, legend and summary, prints after the
  resolution; --front-matter none leaves it out):
    redline diff res140-2010.txt res140-2014.txt -o dl23.html \\
      --doc-number 'DL/23-E (Rev.2)' --date '31 October 2014' --origin English \\
      --committee 'WORKING GROUP OF THE PLENARY' --draft-title 'DRAFT RESOLUTION 140' \\
      --status 'WORK IN PROGRESS' --proposal WGPL/23/1

  Old and new side by side, the columns named as diff -L names them:
    redline diff r1.txt r2.txt --view side-by-side -L 'Guadalajara 2010' -L 'Busan 2014' -o sbs.html

  Counts per section; the new revision from a pipe; a script that acts on changes:
    redline diff r1.txt r2.txt --stat
    export-draft | redline diff r1.txt - --format json > redline.json
    redline diff r1.txt r2.txt --exit-code -q -o /dev/null || echo 'the text changed'

Exit status: 0 when the redline was written (with --exit-code: and the texts
do not differ), 1 with --exit-code when they differ, 2 on an error (unreadable
revision, bad flag, unwritable output).";

/// Show what changed between two revisions of a resolution.
///
/// Aligns the provisions of OLD and NEW by their content and writes the
/// redline: each provision marked ADD, SUP, MOD or NOC, deletions struck,
/// insertions underlined, renumbered labels and moved provisions shown as
/// such. Two revisions with the same text say "no differences" on stderr.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The old revision (`-` for standard input).
    old: PathBuf,
    /// The new revision (`-` for standard input).
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
    /// Show typographic variants (quotes, dashes, no-break spaces) as changes, and mark
    /// changes of white space only inline in the plain formats (not in a note after the text).
    #[arg(long)]
    strict: bool,
    /// Write to FILE instead of stdout (`-` is stdout); written atomically.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit with status 1 when the revisions differ, as `git diff --exit-code`.
    #[arg(long)]
    exit_code: bool,
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
    lang: LangArgs,
    #[command(flatten)]
    header: HeaderArgs,
    #[command(flatten)]
    word: WordArgs,
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

pub fn run(args: Args, notes: Notes) -> anyhow::Result<u8> {
    let options = options(&args)?;
    options.check()?;
    args.word.check(options.format)?;
    redline::decode::refuse_same_file(&args.old, &args.new)?;
    if options.format == Format::Docx && !options.stat {
        return run_word(&args, &options, notes);
    }
    // One after the other, on this thread: parsing them on two threads was 15%
    // faster but put them in two malloc arenas, and the freed documents could
    // not be reused for the page (a third more peak memory).
    let lang = args.lang.lang;
    let (old, new) = (args.input.load(&args.old, lang)?, args.input.load(&args.new, lang)?);
    let redline = diff(&old, &new, &DiffOptions { strict: args.strict });
    // The redline holds all it renders: free the documents before the page
    // is built, so the two are never in memory at once.
    drop((old, new));
    for warning in &redline.warnings {
        eprintln!("redline: warning: {warning}");
    }
    let out = render::render(&redline, &options)?;
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    let code = finish(&args, options.format, &redline, notes);
    // The process ends here: the system takes the memory back faster than
    // freeing every span one by one would.
    std::mem::forget((redline, out));
    Ok(code)
}

/// Says what was written, and whether the texts differ; the exit code.
fn finish(args: &Args, format: Format, redline: &Redline, notes: Notes) -> u8 {
    notes.wrote(args.output.as_deref(), counts(format, &redline.summary));
    let differ = differs(&redline.summary);
    if !differ {
        notes.say(no_differences(redline));
    }
    if args.exit_code && differ { EXIT_CHECK_FAILED } else { EXIT_OK }
}

/// `true` when the texts differ: a piece added, suppressed, modified, moved or renumbered.
fn differs(summary: &Summary) -> bool {
    summary.add + summary.sup + summary.modified + summary.moved + summary.renumbered > 0
}

/// `no differences`, and what differs besides the text, if anything.
fn no_differences(redline: &Redline) -> &'static str {
    let layout = redline.entries.iter().any(|entry| entry.layout || entry.typographic);
    if layout { "no differences (only layout or typography)" } else { "no differences" }
}

/// `html: 3 ADD, 1 SUP, 12 MOD, 40 NOC, 1 moved, 9 renumbered`.
fn counts(format: Format, s: &Summary) -> String {
    format!(
        "{format}: {} ADD, {} SUP, {} MOD, {} NOC, {} moved, {} renumbered",
        s.add, s.sup, s.modified, s.noc, s.moved, s.renumbered
    )
}

/// The redline as a Word document with tracked changes.
fn run_word(args: &Args, options: &Options, notes: Notes) -> anyhow::Result<u8> {
    super::word::refuse_terminal(args.output.as_deref())?;
    let lang = args.lang.lang;
    let (old, old_word) = args.input.load_keeping_word(&args.old, lang)?;
    let (new, new_word) = args.input.load_keeping_word(&args.new, lang)?;
    let redline = diff(&old, &new, &DiffOptions { strict: args.strict });
    for warning in &redline.warnings {
        eprintln!("redline: warning: {warning}");
    }
    let inputs = WordInputs {
        old: old_word.as_ref().map(|word| WordInput { word, text: &old.text }),
        new: new_word.as_ref().map(|word| WordInput { word, text: &new.text }),
    };
    let mut word = args.word.options(options.header.date.as_deref());
    word.header = options.header.clone();
    let bytes = render::docx::pair(&redline, inputs, &word)?;
    redline::output::emit(args.output.as_deref(), &bytes)?;
    Ok(finish(args, options.format, &redline, notes))
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
        inline_whitespace: args.strict,
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
    let by_extension = [Format::Html, Format::Text, Format::Json, Format::Critic, Format::Docx];
    Format::decide(flag, output, &by_extension, default)
}

/// `NO_COLOR` set to anything but the empty string (<https://no-color.org>).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}
