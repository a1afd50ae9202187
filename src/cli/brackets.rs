//! `redline brackets`: bracketed text of one document, or followed across revisions.

use super::{EXIT_CHECK_FAILED, EXIT_OK, InputArgs, LangArgs, Notes};
use anyhow::bail;
use redline::brackets::{DocumentReport, RevisionsReport};
use redline::diff::DiffOptions;
use redline::model::{Document, Revision};
use redline::render::{self, Format, Options};
use redline::series::{SeriesSpec, series_folder};
use std::path::{Path, PathBuf};

const EXAMPLES: &str = "\
Examples:
  Every bracketed span, choice and unbalanced bracket of one draft:
    redline brackets DL-23-Rev2.txt

  The same as JSON, or as an HTML page:
    redline brackets DL-23-Rev2.txt --format json
    redline brackets DL-23-Rev2.txt -o brackets.html

  Fail a pre-plenary script when a bracket is unbalanced:
    redline brackets DL-23-Rev2.txt --check > /dev/null || echo 'unbalanced brackets'

  What was agreed, dropped, changed or added since the last drafts:
    redline brackets rev1.txt rev2.txt rev3.txt --label Rev.1 --label Rev.2 --label Rev.3

  The same for a series folder (its files by name, or its series.toml with labels),
  every bracketed text whole:
    redline brackets fixtures/res140 --full

Exit status: 0 when the report was written, 1 with --check when a bracket is
unbalanced, 2 on an error (unreadable file, bad flag, unwritable output).";

/// Bracketed text review: what is still open, what was agreed since the last draft.
///
/// Each report starts with what is still open (in the latest revision), in
/// reading order, by section and label.
///
/// With one file: every [bracketed] span (text not yet agreed) with its
/// section, label, line:column, nesting depth, text and word count;
/// alternatives written side by side ([shall][should], [shall] / [should])
/// grouped as one choice; every unbalanced bracket with its place and the
/// span it most likely meant; and a summary.
///
/// With two or more revisions, oldest first (or a series folder, or its
/// series.toml, as `redline series` reads them): each bracket followed to the
/// next revision and classified as new, unchanged, changed (text inside
/// edited), agreed (brackets removed, text kept), dropped (bracketed text
/// deleted) or rebracketed (agreed text put back in brackets), with the
/// counts per revision ("Rev.2: 41 open, 12 agreed since Rev.1, 3 new").
///
/// Brackets pair within a section; a `[` still open at the end of its
/// section, or a `]` with nothing open, is unbalanced. Word-export artefacts
/// ([bookmark: ...]) and reference marks ([1], [*], [sic], [...]) are not
/// negotiation text.
///
/// The JSON of one file is {"name", "encoding", "brackets": [{"section",
/// "label", "line", "column", "end_line", "end_column", "depth", "text",
/// "words", "state", "choice"}], "choices": [...], "unbalanced": [{"line",
/// "column", "kind", "section", "label", "depth", "likely_text"}],
/// "summary": {...}}; of revisions {"revisions": [...], "steps": [{"from",
/// "to", "brackets": [...]}]}.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// One resolution, or successive revisions of it, oldest first (`-` for
    /// standard input), or a series folder (or its series.toml).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Show every bracketed text whole (text format) instead of cut to a line.
    #[arg(long)]
    full: bool,
    /// Output format [default: from the -o extension (.html, .txt, .json), else text].
    #[arg(long, value_name = "FORMAT", value_parser = super::format::parser(&Format::DOCUMENTS))]
    format: Option<Format>,
    /// Exit with status 1 when any bracket is unbalanced.
    #[arg(long)]
    check: bool,
    /// Write the report to FILE (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A revision's name in the report; repeat it, once per file in order
    /// [default: the file name without extension].
    #[arg(long = "label", value_name = "NAME")]
    labels: Vec<String>,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    lang: LangArgs,
}

/// Reads the files, writes the report, and says whether `--check` failed.
pub fn run(args: Args, notes: Notes) -> anyhow::Result<u8> {
    let format =
        Format::decide(args.format, args.output.as_deref(), &Format::DOCUMENTS, Format::Text)?;
    if args.full && format != Format::Text {
        bail!("--full is for --format text (html and json give every text whole)");
    }
    let options = Options { format, full: args.full, ..Options::default() };
    let (revisions, documents) = load(&args)?;
    let (out, unbalanced, counts) = match (revisions.as_slice(), documents.as_slice()) {
        ([single], [document]) => {
            let report = DocumentReport::new(&single.label, document);
            let counts = (report.brackets.len(), report.unbalanced.len());
            (render::document_brackets(&report, &options)?, report.has_unbalanced(), counts)
        }
        _ => {
            let steps = redline::series::steps(&documents, &DiffOptions::default());
            let report = RevisionsReport::new(&revisions, &documents, &steps);
            let unbalanced = report.revisions.last().map_or(0, |r| r.unbalanced.len());
            let counts = (report.open.len(), unbalanced);
            (render::revisions_brackets(&report, &options)?, report.has_unbalanced(), counts)
        }
    };
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    let (open, unbalanced_latest) = counts;
    let latest = revisions.last().map_or("", |revision| revision.label.as_str());
    notes.wrote(
        args.output.as_deref(),
        format_args!("{format}: {open} open, {unbalanced_latest} unbalanced in {latest}"),
    );
    Ok(if args.check && unbalanced { EXIT_CHECK_FAILED } else { EXIT_OK })
}

/// Reads every file (or the series a folder names) and names each revision
/// by its `--label`, its `series.toml` label or its file name.
fn load(args: &Args) -> anyhow::Result<(Vec<Revision>, Vec<Document>)> {
    let folder = match args.files.as_slice() {
        [path] => series_folder(path),
        _ => None,
    };
    let named: Vec<(PathBuf, String)> = match folder {
        Some(dir) => SeriesSpec::from_folder(&dir)?
            .revisions
            .into_iter()
            .map(|revision| (revision.path, revision.label))
            .collect(),
        None => args.files.iter().map(|path| (path.clone(), revision_name(path))).collect(),
    };
    if args.labels.len() > named.len() {
        bail!("{} --label given for {} files", args.labels.len(), named.len());
    }
    let read = args.lang.apply(args.input.read_options()?);
    let mut revisions = Vec::new();
    let mut documents = Vec::new();
    for (number, (path, name)) in (1..).zip(named) {
        let label = args.labels.get(number - 1).cloned().unwrap_or(name);
        let document = super::input::load(&path, &read)?;
        args.input.warn_tracked_changes(&path, &document);
        revisions.push(Revision::new(number, label, &document.path, &document.encoding));
        documents.push(document);
    }
    Ok((revisions, documents))
}

/// The file name without extension (`stdin` for `-`).
fn revision_name(path: &Path) -> String {
    if super::input::is_stdin(path) {
        return "stdin".to_string();
    }
    path.file_stem()
        .map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}
