//! `redline batch`: render every series folder of a directory, with an index.

use super::{EXIT_ERROR, EXIT_OK, InputArgs, LangArgs, Notes};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use redline::batch::{self, BatchOptions};
use redline::render::Format;
use redline::series::SeriesOptions;
use std::io::IsTerminal;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  Render every series under fixtures/batch to out/, as HTML and JSON, two at a time:
    redline batch fixtures/batch -o out --format html,json --jobs 2

  Then open out/index.html: one row per series with its counts and links.

  Word documents with tracked changes too (NAME.docx, NAME.1-2.docx ...):
    redline batch fixtures/batch -o out --format html,docx

Exit status: 0 when every series was written, 2 when any series failed (each
failure is one line on stderr and a row of the index; the others are still
written) or the batch could not run at all (unreadable DIR, unwritable OUT).";

/// Render whole folders of revision series, in parallel, with an index page.
///
/// DIR holds one folder per series. A series folder holds its revisions,
/// ordered by file name, or a series.toml naming the order, the labels and
/// the header fields (every key but `revisions` is optional):
///
///     title = "Resolution 140 (demonstration series)"
///     document = "DL/23-E (Rev.2)"
///     date = "31 October 2014"
///     origin = "English"
///     committee = "Working Group of the Plenary"
///     draft_title = "DRAFT RESOLUTION 140"
///     status = "WORK IN PROGRESS"
///     proposal = "MOD WGPL/23/1"
///
///     [[revisions]]
///     file = "01-guadalajara-2010.txt"
///     label = "Guadalajara 2010 (reconstructed)"
///
///     [[revisions]]
///     file = "02-busan-2014-dl23-rev2.txt"
///     label = "Busan 2014, DL/23 Rev.2"
///
/// Each series is written to OUT/NAME/: its cumulative redline as NAME.html,
/// NAME.txt, NAME.json, NAME.docx (the formats asked for) and each
/// consecutive pair's redline as NAME.1-2.EXT ... Then OUT/index.html lists
/// every series with its counts (ADD, SUP, MOD, NOC, moved, renumbered, open
/// brackets), links and warnings, or the reason it failed.
///
/// Every file is written atomically: an interrupted run never leaves a
/// half-written file. Output is byte-identical between runs and whatever
/// --jobs is. A progress bar is drawn on stderr when it is a terminal.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES, verbatim_doc_comment)]
pub struct Args {
    /// The folder holding one folder per series.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// The output folder (created if missing).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// Render at most N series at once [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Formats to write, comma-separated.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "FORMATS",
        default_value = "html",
        value_parser = super::format::parser(&Format::SERIES)
    )]
    format: Vec<Format>,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    lang: LangArgs,
}

/// Runs the batch; exit 2 when any series failed.
pub fn run(args: Args, notes: Notes) -> anyhow::Result<u8> {
    let options = BatchOptions {
        jobs: args.jobs.map(usize::from),
        formats: args.format.clone(),
        series: SeriesOptions {
            read: args.lang.apply(args.input.read_options()?),
            ..SeriesOptions::default()
        },
        word: redline::render::docx::WordOptions {
            date: super::word::date_of_changes(None),
            ..Default::default()
        },
    };
    let bar = progress_bar(batch::discover(&args.dir)?.len());
    let report = batch::run(&args.dir, &args.output, &options, &|name: &str| {
        bar.set_message(name.to_string());
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    let mut code = EXIT_OK;
    for (name, reason) in report.failures() {
        eprintln!("redline: {name}: {reason}");
        code = EXIT_ERROR;
    }
    let failed = report.failures().count();
    let files: usize =
        report.outcomes.iter().filter_map(|o| o.result.as_ref().ok()).map(|w| w.files.len()).sum();
    notes.say(format_args!(
        "wrote {} ({} series, {failed} failed: {files} files and {})",
        args.output.display(),
        report.outcomes.len(),
        batch::INDEX_FILE
    ));
    Ok(code)
}

/// A bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} series {msg}");
    bar.set_style(style.unwrap_or_else(|_| ProgressStyle::default_bar()));
    bar
}
