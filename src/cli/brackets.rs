//! `redline brackets`: bracketed text of one document, or followed across revisions.

use super::{EXIT_CHECK_FAILED, EXIT_OK, InputArgs, LangArgs};
use redline::brackets::{DocumentReport, RevisionsReport};
use redline::diff::DiffOptions;
use redline::model::{Document, Revision};
use redline::render::{self, Format};
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

Exit status: 0 when the report was written, 1 with --check when a bracket is
unbalanced, 2 on an error (unreadable file, bad flag, unwritable output).";

/// Bracketed text review: what is still open, what was agreed since the last draft.
///
/// With one file: every [bracketed] span (text not yet agreed) with its
/// section, label, line:column, nesting depth, text and word count;
/// alternatives written side by side ([shall][should], [shall] / [should])
/// grouped as one choice; every unbalanced bracket with its place and the
/// span it most likely meant; and a summary.
///
/// With two or more revisions, oldest first: each bracket followed to the
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
    /// One resolution, or successive revisions of it, oldest first.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
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
pub fn run(args: Args) -> anyhow::Result<u8> {
    let format =
        Format::decide(args.format, args.output.as_deref(), &Format::DOCUMENTS, Format::Text)?;
    let (revisions, documents) = load(&args)?;
    let (out, unbalanced) = match (revisions.as_slice(), documents.as_slice()) {
        ([single], [document]) => {
            let report = DocumentReport::new(&single.label, document);
            (render::document_brackets(&report, format)?, report.has_unbalanced())
        }
        _ => {
            let steps = redline::series::steps(&documents, &DiffOptions::default());
            let report = RevisionsReport::new(&revisions, &documents, &steps);
            (render::revisions_brackets(&report, format)?, report.has_unbalanced())
        }
    };
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    Ok(if args.check && unbalanced { EXIT_CHECK_FAILED } else { EXIT_OK })
}

/// Reads every file and names it by its `--label` or its file name.
fn load(args: &Args) -> anyhow::Result<(Vec<Revision>, Vec<Document>)> {
    if args.labels.len() > args.files.len() {
        anyhow::bail!("{} --label given for {} files", args.labels.len(), args.files.len());
    }
    let read = args.lang.apply(args.input.read_options()?);
    let names = args.files.iter().enumerate().map(|(index, path)| {
        args.labels.get(index).cloned().unwrap_or_else(|| revision_name(path))
    });
    let mut revisions = Vec::new();
    let mut documents = Vec::new();
    for (number, (path, label)) in (1..).zip(args.files.iter().zip(names)) {
        let document = redline::load(path, &read)?;
        args.input.warn_tracked_changes(path, &document);
        revisions.push(Revision::new(number, label, &document.path, &document.encoding));
        documents.push(document);
    }
    Ok((revisions, documents))
}

/// The file name without extension.
fn revision_name(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}
