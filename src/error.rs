//! Typed errors of the library: what can go wrong reading input or writing output.
//!
//! Parsing and diffing never fail (they return diagnostics and warnings);
//! only the edges (reading bytes, decoding, writing files) return errors.

use std::path::PathBuf;

/// Everything that can go wrong at the edges of the pipeline.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read (missing, a directory, permission denied ...).
    #[error("{path}: cannot read: {reason}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said, in words.
        reason: String,
    },
    /// The file holds NUL bytes: it is binary, not a text.
    #[error("{path}: binary file (NUL byte at offset {offset}), not a text")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A Word document that cannot be read, or a file format to save as `.docx` first.
    #[error("{path}: {problem}")]
    Word {
        /// The file.
        path: PathBuf,
        /// What is wrong, and what to do.
        problem: crate::docx::Problem,
    },
    /// The bytes are not valid in the encoding that was forced.
    #[error("{path}: invalid {encoding} at byte offset {offset}")]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// The encoding that was forced.
        encoding: String,
        /// Offset of the first invalid byte sequence.
        offset: usize,
    },
    /// The file holds no text (nothing, or only whitespace).
    #[error("{path}: empty file ({bytes} bytes, no text)")]
    Empty {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: usize,
    },
    /// The same file was given as both revisions of a comparison.
    #[error("{path}: the same file given as both the old and the new revision; nothing to compare")]
    SameFile {
        /// The file (as given first).
        path: PathBuf,
    },
    /// `--encoding` named no encoding known to `encoding_rs`.
    #[error(
        "unknown encoding {label:?}: use a WHATWG label such as utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, shift_jis, gbk"
    )]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },
    /// An output file could not be written; nothing was left behind.
    #[error("{path}: cannot write: {reason}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said, in words.
        reason: String,
    },
    /// Input that is not what the command expects (a malformed redline, a bad series folder).
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column in characters.
        column: usize,
        /// What is wrong.
        message: String,
        /// What the user can do about it, if there is a choice to make.
        remedy: Option<Remedy>,
    },
    /// An output file's extension names no format the command writes.
    #[error("{path}: cannot tell the format from the extension: use {extensions}")]
    UnknownExtension {
        /// The output file.
        path: PathBuf,
        /// The extensions that name a format it writes (`.html, .txt or .json`).
        extensions: String,
        /// The names of those formats (`html|text|json`).
        formats: String,
    },
    /// A render option that does nothing in the format asked for.
    #[error("{option} is only for {formats} output")]
    UnusedOption {
        /// What was asked for (`the view "changes"`, `markers`, `the header block`).
        option: RenderOption,
        /// The formats it is for (`html or ansi`).
        formats: &'static str,
    },
    /// Anything else, already phrased for the user.
    #[error("{0}")]
    Other(String),
}

/// A render option, named for an [`Error::UnusedOption`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderOption {
    /// A view other than the full redline, by its name (`changes`).
    View(&'static str),
    /// Markers other than `~~`/`++`.
    Markers,
    /// Header block fields.
    Header,
    /// `NOC` marks on unchanged provisions.
    ShowNoc,
    /// Where the front matter goes, by its name (`after`).
    FrontMatter(&'static str),
    /// Names of the revisions.
    Labels,
}

impl std::fmt::Display for RenderOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderOption::View(view) => write!(f, "the view {view:?}"),
            RenderOption::Markers => f.write_str("choosing markers"),
            RenderOption::Header => f.write_str("the header block"),
            RenderOption::ShowNoc => f.write_str("NOC marks"),
            RenderOption::FrontMatter(place) => write!(f, "front matter {place}"),
            RenderOption::Labels => f.write_str("revision labels"),
        }
    }
}

/// What a user can do about an error: the command line words it with its
/// own flags (the library never names a flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Read an empty file as a revision with no provisions.
    AllowEmpty,
    /// Name the notation of a redline whose markers mix two.
    ChooseNotation,
    /// Name the output format.
    ChooseFormat,
}

impl Error {
    /// What the user can do about this error, if the command line offers a choice.
    pub fn remedy(&self) -> Option<Remedy> {
        match self {
            Error::Empty { .. } => Some(Remedy::AllowEmpty),
            Error::Syntax { remedy, .. } => *remedy,
            Error::UnknownExtension { .. } => Some(Remedy::ChooseFormat),
            _ => None,
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Words for an I/O error, without Rust's `(os error N)` suffix.
pub fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        ErrorKind::StorageFull => "no space left on device".into(),
        ErrorKind::ReadOnlyFilesystem => "read-only file system".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}
