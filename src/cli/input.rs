//! Reading revisions: the flags every command that reads one shares, and
//! `-` for standard input, read once.

use redline::decode::{Decoded, ReadOptions, WordSource, decode_file};
use redline::docx::View;
use redline::model::{Document, Language};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Standard input has been read (a second `-` finds it empty).
static STDIN_READ: AtomicBool = AtomicBool::new(false);

/// The `--encoding` flag shared by every command that reads resolutions.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Decode input with this encoding (any WHATWG label: utf-8, windows-1252,
    /// utf-16le ...) instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Read a file with no text as a revision with no provisions (a new
    /// resolution against nothing) instead of refusing it.
    #[arg(long)]
    pub allow_empty: bool,
    /// Read Word documents (.docx) with their tracked changes rejected: the
    /// text before the changes [default: every change accepted, with a warning].
    #[arg(long)]
    pub original: bool,
}

impl InputArgs {
    /// How input files are read; an unknown encoding label is an error.
    pub fn read_options(&self) -> redline::Result<ReadOptions> {
        let encoding =
            self.encoding.as_deref().map(redline::decode::encoding_for_label).transpose()?;
        let view = if self.original { View::Original } else { View::Accepted };
        Ok(ReadOptions { encoding, allow_empty: self.allow_empty, view, language: None })
    }

    /// Reads and parses the revision at `path`, or standard input for `-`
    /// (in `language`, or the one detected), warning when it is a Word
    /// document read from one view of its tracked changes.
    pub fn load(&self, path: &Path, language: Option<Language>) -> redline::Result<Document> {
        let options = ReadOptions { language, ..self.read_options()? };
        let document = load(path, &options)?;
        self.warn_tracked_changes(path, &document);
        Ok(document)
    }

    /// Like [`InputArgs::load`], keeping a Word document's package and source
    /// map for a Word redline.
    pub fn load_keeping_word(
        &self,
        path: &Path,
        language: Option<Language>,
    ) -> redline::Result<(Document, Option<WordSource>)> {
        let options = ReadOptions { language, ..self.read_options()? };
        let (document, word) = load_keeping_word(path, &options)?;
        self.warn_tracked_changes(path, &document);
        Ok((document, word))
    }

    /// Prints the warning of a Word document read from one view of its
    /// tracked changes, with the flag that reads the other.
    pub fn warn_tracked_changes(&self, path: &Path, document: &Document) {
        let path = path.display().to_string();
        if let Some(warning) = redline::tracked_changes_warning(&path, document) {
            let flag = if self.original {
                " (--original)"
            } else {
                "; --original reads the text before them"
            };
            eprintln!("redline: warning: {warning}{flag}");
        }
    }
}

/// `true` for the path that names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads and parses the revision at `path`, or standard input for `-`.
pub fn load(path: &Path, options: &ReadOptions) -> redline::Result<Document> {
    if !is_stdin(path) {
        return redline::load(path, options);
    }
    redline::load_bytes(path, &read_stdin()?, options)
}

/// Like [`load`], keeping a Word document's package and source map.
pub fn load_keeping_word(
    path: &Path,
    options: &ReadOptions,
) -> redline::Result<(Document, Option<WordSource>)> {
    if !is_stdin(path) {
        return redline::load_keeping_word(path, options);
    }
    redline::load_bytes_keeping_word(path, read_stdin()?, options)
}

/// Like [`load`], as a [`redline::series::Reader`] that keeps no Word package.
pub fn load_without_word(
    path: &Path,
    options: &ReadOptions,
) -> redline::Result<(Document, Option<WordSource>)> {
    Ok((load(path, options)?, None))
}

/// The decoded `path`, or standard input for `-`.
pub fn read_decoded(path: &Path, options: &ReadOptions) -> redline::Result<Decoded> {
    if !is_stdin(path) {
        return redline::decode::read_file(path, options);
    }
    decode_file(path, &read_stdin()?, options)
}

/// All of standard input; an error the second time (`-` given twice).
fn read_stdin() -> redline::Result<Vec<u8>> {
    if STDIN_READ.swap(true, Ordering::SeqCst) {
        return Err(redline::Error::Other(
            "-: standard input can be read only once; give `-` for one revision".into(),
        ));
    }
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|error| redline::Error::Read {
        path: "-".into(),
        reason: redline::error::describe_io(&error),
    })?;
    Ok(bytes)
}

/// The `--lang` flag of the commands that read a resolution's structure.
#[derive(Debug, Clone, clap::Args)]
pub struct LangArgs {
    /// The language of the revisions: en, fr, es, ru, zh or ar [default:
    /// detected from each text's script and words]. It decides the heading
    /// words looked for and tags the HTML (lang, and dir=rtl for Arabic).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<redline::model::Language>,
}

impl LangArgs {
    /// `options` with the language given, if one is.
    pub fn apply(&self, options: ReadOptions) -> ReadOptions {
        ReadOptions { language: self.lang, ..options }
    }
}
