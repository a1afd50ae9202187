//! Reading revisions: the flags every command that reads one shares, and
//! `-` for standard input, read once.

use redline::decode::{ReadOptions, decode_file};
use redline::model::Document;
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
}

impl InputArgs {
    /// How input files are read; an unknown encoding label is an error.
    pub fn read_options(&self) -> redline::Result<ReadOptions> {
        let encoding =
            self.encoding.as_deref().map(redline::decode::encoding_for_label).transpose()?;
        Ok(ReadOptions { encoding, allow_empty: self.allow_empty })
    }

    /// Reads and parses the revision at `path`, or standard input for `-`.
    pub fn load(&self, path: &Path) -> redline::Result<Document> {
        load(path, &self.read_options()?)
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
    let decoded = decode_file(path, &read_stdin()?, options)?;
    let mut document = redline::parse::parse_text(&decoded.text, decoded.encoding);
    document.path = "-".to_string();
    Ok(document)
}

/// The decoded text of `path`, or of standard input for `-`.
pub fn read_text(path: &Path, options: &ReadOptions) -> redline::Result<String> {
    if !is_stdin(path) {
        return Ok(redline::decode::read_file(path, options)?.text);
    }
    Ok(decode_file(path, &read_stdin()?, options)?.text)
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
