//! `redline brackets`: bracketed text of one document, or followed across revisions.

use super::{EXIT_CHECK_FAILED, EXIT_OK, EncodingArg};
use redline::brackets::{self, DocumentReport, Revision, RevisionsReport};
use std::path::{Path, PathBuf};

/// Report the [bracketed] text not yet agreed: every span, choice and
/// unbalanced bracket of one document, or each bracket's life across revisions.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One resolution, or successive revisions of it, oldest first.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit with status 1 when any bracket is unbalanced.
    #[arg(long)]
    check: bool,
    /// Write the report to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Name of each revision in the report, in the order of the files
    /// (default: the file name).
    #[arg(long = "label", value_name = "NAME")]
    labels: Vec<String>,
    #[command(flatten)]
    encoding: EncodingArg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Html,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let revisions = load(&args)?;
    let (out, unbalanced) = match revisions.as_slice() {
        [single] => {
            let report = DocumentReport::new(&single.label, &single.document);
            (document_output(&report, args.format)?, report.has_unbalanced())
        }
        _ => {
            let report = RevisionsReport::new(&revisions);
            (revisions_output(&report, args.format)?, report.has_unbalanced())
        }
    };
    redline::output::emit(args.output.as_deref(), out.as_bytes())?;
    Ok(if args.check && unbalanced { EXIT_CHECK_FAILED } else { EXIT_OK })
}

/// Reads every file and names it by its `--label` or its file name.
fn load(args: &Args) -> anyhow::Result<Vec<Revision>> {
    if !args.labels.is_empty() && args.labels.len() != args.files.len() {
        anyhow::bail!(
            "--label given {} times for {} files: give one per file, in order",
            args.labels.len(),
            args.files.len()
        );
    }
    let forced = args.encoding.forced()?;
    let names =
        args.files.iter().enumerate().map(|(index, path)| {
            args.labels.get(index).cloned().unwrap_or_else(|| file_name(path))
        });
    let load = |(path, label): (&PathBuf, String)| -> anyhow::Result<Revision> {
        Ok(Revision { label, document: redline::load(path, forced)? })
    };
    args.files.iter().zip(names).map(load).collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

fn document_output(report: &DocumentReport, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Text => brackets::document_text(report),
        Format::Json => serde_json::to_string_pretty(report)? + "\n",
        Format::Html => brackets::document_html(report),
    })
}

fn revisions_output(report: &RevisionsReport, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Text => brackets::revisions_text(report),
        Format::Json => serde_json::to_string_pretty(report)? + "\n",
        Format::Html => brackets::revisions_html(report),
    })
}
