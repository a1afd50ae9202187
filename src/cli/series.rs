//! `redline series`: the cumulative redline of a revision series, each change attributed.

use super::page::{HeaderArgs, PageArgs};
use super::word::WordArgs;
use super::{EXIT_OK, InputArgs, LangArgs, Notes};
use anyhow::{Context, bail};
use redline::render::docx::{WordInputs, WordOptions};
use redline::render::{self, Format, FrontMatter, Options};
use redline::series::{self, Loaded, Series, SeriesOptions, SeriesSpec};
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  Render the bundled Resolution 140 series (its folder has a series.toml) to HTML:
    redline series fixtures/res140 -o res140.html

  Three revisions named on the command line, shown from the second one on, as text:
    redline series r1.txt r2.txt r3.txt --label 2010 --label 2014 --label 2018 --base 2

  The whole series as JSON, plus each consecutive pair's redline beside it
  (res140.1-2.json, res140.2-3.json):
    redline series fixtures/res140 --pairs -o res140.json

  A Word document with tracked changes, each revision the author of its own
  changes (its label), so that Word and LibreOffice colour them apart:
    redline series fixtures/res140/docx -o res140.docx

Exit status: 0 when the redline was written, 2 on an error (unreadable revision,
bad flag, unwritable output).";

/// Cumulative redline of a revision series: every change carries the revision that made it.
///
/// Reads two or more revisions of a resolution, oldest first, aligns each
/// consecutive pair and composes the pairwise redlines into one: text
/// inserted in one revision and deleted in a later one shows both, each
/// provision is followed through the whole series (added, renumbered,
/// modified: one line of history), and in HTML every revision has its own
/// colour and label in a legend.
///
/// The revisions are files, or one folder holding them (ordered by file
/// name, or by the `series.toml` in it, which also gives labels and the
/// header: document number, date, committee, status ...), or that
/// `series.toml`. Header flags override the `series.toml` keys.
///
/// The JSON output is `{"revisions": [...], "steps": [one redline per
/// consecutive pair], "cumulative": {"provisions": [... spans with
/// "inserted_in" and "deleted_in" revision numbers ...]}}`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The revisions, oldest first (at least two; `-` for standard input), or
    /// one series folder (or its series.toml).
    #[arg(required = true, value_name = "REV")]
    revisions: Vec<PathBuf>,
    /// A revision's label in the legend; repeat it, once per revision in order
    /// [default: the file name without extension, or the series.toml label].
    #[arg(long = "label", value_name = "NAME")]
    labels: Vec<String>,
    /// The baseline revision (1-based): text in it is plain, changes are shown from it on.
    #[arg(long, value_name = "N", default_value_t = 1)]
    base: usize,
    /// Also write each consecutive pair's redline beside the output file,
    /// named STEM.1-2.EXT, STEM.2-3.EXT ... (needs -o FILE).
    #[arg(long)]
    pairs: bool,
    /// Write the redline to FILE (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format [default: from the -o extension (.html, .txt, .json, .docx), else text].
    #[arg(long, value_name = "FORMAT", value_parser = super::format::parser(&Format::SERIES))]
    format: Option<Format>,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    header: HeaderArgs,
    #[command(flatten)]
    lang: LangArgs,
    #[command(flatten)]
    word: WordArgs,
}

/// Builds the series, writes its redline (and the pairs with `--pairs`).
pub fn run(args: Args, notes: Notes) -> anyhow::Result<u8> {
    let format =
        Format::decide(args.format, args.output.as_deref(), &Format::SERIES, Format::Text)?;
    args.word.check(format)?;
    if format == Format::Docx {
        super::word::refuse_terminal(args.output.as_deref())?;
    }
    let pairs_path = match (&args.output, args.pairs) {
        (Some(path), true) if !redline::output::is_stdout(Some(path)) => Some(path.as_path()),
        (_, true) => bail!("--pairs writes files beside the output: give -o FILE"),
        (_, false) => None,
    };
    let page = Options {
        format,
        show_noc: args.page.show_noc,
        front_matter: args.page.front_matter(),
        ..Options::default()
    };
    if format != Format::Html && (page.show_noc || page.front_matter != FrontMatter::Auto) {
        bail!("--show-noc and --front-matter are for --format html");
    }
    let mut spec = spec(&args.revisions, &args.labels)?;
    spec.header = args.header.header().or(std::mem::take(&mut spec.header));
    let options = SeriesOptions {
        base: args.base,
        read: args.lang.apply(args.input.read_options()?),
        ..SeriesOptions::default()
    };
    let read: &series::Reader = match format {
        Format::Docx => &super::input::load_keeping_word,
        _ => &super::input::load_without_word,
    };
    let (series, loaded) = series::build_with(&spec, &options, read)?;
    for warning in &series.cumulative.warnings {
        eprintln!("redline: warning: {warning}");
    }
    let word = WordOptions { header: series.header.clone(), ..args.word.options(None) };
    let out = match format {
        Format::Docx => {
            let last = loaded.documents.len() - 1;
            let inputs = WordInputs::of(&loaded.documents, &loaded.words, args.base - 1, last);
            render::docx::series(&series, inputs, &word)?
        }
        _ => render::series(&series, &page)?.into_bytes(),
    };
    redline::output::emit(args.output.as_deref(), &out)?;
    let s = series.cumulative.summary;
    notes.wrote(
        args.output.as_deref(),
        format_args!(
            "{format}, {} revisions: {} ADD, {} SUP, {} MOD, {} NOC, {} moved, {} renumbered",
            series.revisions.len(),
            s.add,
            s.sup,
            s.modified,
            s.noc,
            s.moved,
            s.renumbered
        ),
    );
    if let Some(path) = pairs_path {
        let written = write_pairs(&series, &loaded, path, format, &word)?;
        notes.say(format_args!("wrote {} beside it", written.join(", ")));
    }
    Ok(EXIT_OK)
}

/// The series: one folder, or the files given; `--label`s override the labels.
fn spec(paths: &[PathBuf], labels: &[String]) -> anyhow::Result<SeriesSpec> {
    let folder = match paths {
        [path] => series::series_folder(path),
        _ => None,
    };
    let mut spec = match folder {
        Some(dir) => SeriesSpec::from_folder(&dir)?,
        None => SeriesSpec::from_files(paths, &[]),
    };
    if labels.len() > spec.revisions.len() {
        bail!("{} --label given for {} revisions", labels.len(), spec.revisions.len());
    }
    for (revision, label) in spec.revisions.iter_mut().zip(labels) {
        revision.label.clone_from(label);
    }
    Ok(spec)
}

/// Writes each step beside `path`: `res140.html` gives `res140.1-2.html` ...;
/// returns the names written.
fn write_pairs(
    series: &Series,
    loaded: &Loaded,
    path: &Path,
    format: Format,
    word: &WordOptions,
) -> anyhow::Result<Vec<String>> {
    let stem = path.file_stem().context("the output file has no name")?.to_string_lossy();
    let mut names = Vec::new();
    for (index, step) in series.steps.iter().enumerate() {
        let bytes = match format {
            Format::Docx => {
                let inputs = WordInputs::of(&loaded.documents, &loaded.words, index, index + 1);
                render::docx::pair(step, inputs, word)?
            }
            _ => render::step(step, format)?.into_bytes(),
        };
        let name = redline::batch::step_file_name(&stem, index, format);
        redline::output::write_atomic(&path.with_file_name(&name), &bytes)?;
        names.push(name);
    }
    Ok(names)
}
