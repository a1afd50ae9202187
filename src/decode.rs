//! Decoding at the edge, once: bytes to text, with the encoding reported.
//!
//! Order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), then valid UTF-8,
//! else Windows-1252. `--encoding LABEL` forces any encoding `encoding_rs`
//! knows. CRLF and lone CR become LF. NUL bytes mean a binary file.
//! A Word document (a zip holding `word/document.xml`) is read by
//! [`crate::docx`], its encoding reported as `docx`; an old `.doc`, RTF or
//! OpenDocument file is refused with how to get a `.docx`.
//!
//! # Invariants
//! - The text returned never contains `\r` or a byte-order mark.
//! - A forced encoding never substitutes U+FFFD: invalid bytes are an error.

use crate::docx::{self, DocxSource, View, package::Container};
use crate::error::{Error, Result, describe_io};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::path::Path;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, line endings normalised to `\n`.
    pub text: String,
    /// The encoding's canonical name (`UTF-8`, `UTF-16LE`, `windows-1252` ...), or `docx`.
    pub encoding: &'static str,
    /// For a Word document, where its text came from.
    pub docx: Option<Box<DocxSource>>,
}

/// A Word document kept whole for a writer that rewrites it: its package
/// (the bytes of the `.docx`) and the source map of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSource {
    /// The bytes of the `.docx`.
    pub package: Vec<u8>,
    /// Where each byte of its text came from.
    pub source: DocxSource,
}

/// Looks up an encoding by any WHATWG label `encoding_rs` knows.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| Error::UnknownEncoding { label: label.to_string() })
}

/// How input files are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Decode with this encoding instead of detecting it.
    pub encoding: Option<&'static Encoding>,
    /// Read a file with no text as a revision with no provisions instead of
    /// refusing it (a new resolution redlined against nothing).
    pub allow_empty: bool,
    /// Which text of a Word document with tracked changes to read.
    pub view: View,
    /// The language the text is written in; `None` detects it.
    pub language: Option<crate::model::Language>,
}

impl ReadOptions {
    /// Detects the encoding and reads an empty file as a revision with no
    /// provisions (`--allow-empty`).
    pub const EVEN_EMPTY: ReadOptions =
        ReadOptions { encoding: None, allow_empty: true, view: View::Accepted, language: None };
}

/// Reads and decodes a file; a file with no text is refused unless
/// [`ReadOptions::allow_empty`].
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Decoded> {
    decode_file(path, &read_bytes(path)?, options)
}

/// The bytes of the file `path`; a directory is refused.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        return Err(Error::Read { path: path.into(), reason: "is a directory".into() });
    }
    std::fs::read(path)
        .map_err(|error| Error::Read { path: path.into(), reason: describe_io(&error) })
}

/// Decodes the bytes of the file (or stream) `path`, refusing binary data,
/// bytes invalid in a forced encoding and, unless allowed, a text with nothing in it.
pub fn decode_file(path: &Path, bytes: &[u8], options: &ReadOptions) -> Result<Decoded> {
    let decoded = match Container::sniff(bytes) {
        Container::Text => decode(bytes, options.encoding).map_err(|problem| problem.at(path))?,
        _ => read_word(path, bytes, options.view)?,
    };
    if !options.allow_empty && decoded.text.trim().is_empty() {
        return Err(Error::Empty { path: path.into(), bytes: bytes.len() });
    }
    Ok(decoded)
}

/// Reads a Word document, or refuses what only looks like one.
fn read_word(path: &Path, bytes: &[u8], view: View) -> Result<Decoded> {
    let word =
        docx::read(bytes, view).map_err(|problem| Error::Word { path: path.into(), problem })?;
    Ok(Decoded { text: word.text, encoding: docx::ENCODING, docx: Some(Box::new(word.source)) })
}

/// Comparing a file with itself is a mistake on the command line (two paths
/// naming one file, by any route: `a.txt`, `./a.txt`, a link), not a
/// redline with nothing in it. Paths that cannot be opened pass: reading
/// them reports the problem.
pub fn refuse_same_file(old: &Path, new: &Path) -> Result<()> {
    match (same_file::Handle::from_path(old), same_file::Handle::from_path(new)) {
        (Ok(a), Ok(b)) if a == b => Err(Error::SameFile { path: old.into() }),
        _ => Ok(()),
    }
}

/// Why bytes could not be decoded, before a path is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// A NUL byte at this offset: binary data.
    Binary(usize),
    /// Invalid in the forced encoding at this offset.
    Invalid {
        /// The encoding's name.
        encoding: &'static str,
        /// Offset of the first invalid sequence.
        offset: usize,
    },
}

impl DecodeProblem {
    /// The problem as an [`Error`] about `path`.
    pub fn at(self, path: &Path) -> Error {
        match self {
            DecodeProblem::Binary(offset) => Error::Binary { path: path.into(), offset },
            DecodeProblem::Invalid { encoding, offset } => {
                Error::Undecodable { path: path.into(), encoding: encoding.into(), offset }
            }
        }
    }
}

/// Decodes bytes: BOM, then UTF-8, then Windows-1252, unless `forced`.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeProblem> {
    let (encoding, body) = match forced {
        Some(encoding) => (encoding, strip_bom(bytes, encoding)),
        None => sniff(bytes),
    };
    if let Some(offset) = find_nul(body, encoding) {
        return Err(DecodeProblem::Binary(offset));
    }
    let text = decode_strict(body, encoding, forced.is_some())?;
    Ok(Decoded { text: normalize_newlines(text), encoding: encoding.name(), docx: None })
}

fn sniff(bytes: &[u8]) -> (&'static Encoding, &[u8]) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, &bytes[bom_len..]);
    }
    if std::str::from_utf8(bytes).is_ok() { (UTF_8, bytes) } else { (WINDOWS_1252, bytes) }
}

fn strip_bom<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((found, bom_len)) if found == encoding => &bytes[bom_len..],
        _ => bytes,
    }
}

/// Offset of the first NUL code unit: a NUL byte, or a zero 16-bit unit in UTF-16.
fn find_nul(bytes: &[u8], encoding: &'static Encoding) -> Option<usize> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return bytes.chunks_exact(2).position(|unit| unit == [0, 0]).map(|at| at * 2);
    }
    bytes.iter().position(|&b| b == 0)
}

fn decode_strict(
    bytes: &[u8],
    encoding: &'static Encoding,
    forced: bool,
) -> Result<String, DecodeProblem> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors && forced {
        let offset = first_invalid_offset(bytes, encoding);
        return Err(DecodeProblem::Invalid { encoding: encoding.name(), offset });
    }
    Ok(text.into_owned())
}

/// Finds where decoding first fails by decoding in growing prefixes' worth of one call.
fn first_invalid_offset(bytes: &[u8], encoding: &'static Encoding) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, extra) => {
            read.saturating_sub(bad as usize + extra as usize)
        }
        _ => read,
    }
}

/// CRLF and lone CR become LF.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], forced: Option<&str>, text: &str, encoding: &str) {
        let forced = forced.map(|label| encoding_for_label(label).unwrap());
        let decoded = decode(bytes, forced).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, encoding);
    }

    #[test]
    fn utf8_without_bom() {
        check("a\u{a0}b – “c”".as_bytes(), None, "a\u{a0}b – “c”", "UTF-8");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        check(b"\xEF\xBB\xBFabc", None, "abc", "UTF-8");
    }

    #[test]
    fn utf16_boms() {
        check(b"\xFF\xFEa\x00\n\x00", None, "a\n", "UTF-16LE");
        check(b"\xFE\xFF\x00a\x00\n", None, "a\n", "UTF-16BE");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        check(b"caf\xE9 \x93q\x94", None, "café “q”", "windows-1252");
    }

    #[test]
    fn line_endings_become_lf() {
        check(b"a\r\nb\rc\n", None, "a\nb\nc\n", "UTF-8");
    }

    #[test]
    fn empty_input_is_an_empty_text() {
        check(b"", None, "", "UTF-8");
    }

    #[test]
    fn nul_byte_is_binary() {
        assert_eq!(decode(b"ab\0c", None), Err(DecodeProblem::Binary(2)));
    }

    #[test]
    fn forced_encoding_rejects_invalid_bytes() {
        let utf8 = encoding_for_label("utf-8").unwrap();
        assert_eq!(
            decode(b"ok \xFF!", Some(utf8)),
            Err(DecodeProblem::Invalid { encoding: "UTF-8", offset: 3 })
        );
    }

    #[test]
    fn forced_encoding_is_used() {
        check(b"\xE9", Some("latin1"), "é", "windows-1252");
    }

    #[test]
    fn rtf_and_old_word_are_refused_with_how_to_get_a_docx() {
        let path = Path::new("draft.rtf");
        let options = ReadOptions::default();
        for bytes in [&b"{\\rtf1 recalling}"[..], b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"] {
            let error = decode_file(path, bytes, &options).unwrap_err().to_string();
            assert!(
                error.starts_with("draft.rtf: ") && error.contains("--convert-to docx"),
                "{error}"
            );
        }
    }

    #[test]
    fn unknown_label_is_an_error_listing_examples() {
        let error = encoding_for_label("klingon").unwrap_err().to_string();
        assert!(error.contains("klingon") && error.contains("windows-1252"), "{error}");
    }
}
