//! The container: what kind of file the bytes are (text, a Word package, or
//! a format to refuse), and the parts of a Word package, unpacked within limits.
//!
//! Only the parts the reader needs are unpacked, each through a reader that
//! stops at the limit whatever the zip headers claim, so a zip bomb costs at
//! most [`MAX_UNPACKED_BYTES`] of memory before it is refused.

use super::Problem;
use std::io::{Cursor, Read};

/// Most entries a package may list (Word writes a few dozen; images add some).
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes all the parts read may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Most a part may unpack to per byte it takes in the zip, once past
/// [`RATIO_FLOOR`]: Word's XML packs about ten to one, a bomb a thousand to one.
pub const MAX_RATIO: u64 = 200;
/// Parts smaller than this unpacked are never refused for their ratio.
pub const RATIO_FLOOR: u64 = 1024 * 1024;

/// The main part when `_rels/.rels` does not name one.
pub const DEFAULT_MAIN_PART: &str = "word/document.xml";

/// What a file is, from its first bytes and, for a zip, its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// Anything else: decoded as text.
    Text,
    /// A zip archive (a Word package, or something to refuse).
    Zip,
    /// An OLE2 compound file: Word 97-2003, or an encrypted Office document.
    Ole,
    /// Rich Text Format.
    Rtf,
}

const ZIP_MAGICS: [&[u8]; 3] = [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"];
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl Container {
    /// Tells the container from the first bytes.
    pub fn sniff(bytes: &[u8]) -> Container {
        if ZIP_MAGICS.iter().any(|magic| bytes.starts_with(magic)) {
            Container::Zip
        } else if bytes.starts_with(OLE_MAGIC) {
            Container::Ole
        } else if bytes.starts_with(b"{\\rtf") {
            Container::Rtf
        } else {
            Container::Text
        }
    }
}

/// Why an OLE2 file is refused: an encrypted package holds these streams.
pub fn ole_problem(bytes: &[u8]) -> Problem {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(name.len()).any(|window| window == name.as_slice()) {
        Problem::Encrypted
    } else {
        Problem::OldWord
    }
}

/// An opened zip archive whose parts are read within the limits.
pub struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
}

impl<'a> Package<'a> {
    /// Opens the archive, refusing a damaged one or one with too many entries.
    pub fn open(bytes: &'a [u8]) -> Result<Self, Problem> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_problem)?;
        if archive.len() > MAX_ENTRIES {
            return Err(Problem::TooManyEntries { count: archive.len() });
        }
        Ok(Package { archive, unpacked: 0 })
    }

    /// Whether the archive has an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The names of the entries.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.archive.file_names()
    }

    /// The bytes of entry `name`, `None` when there is none.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Problem> {
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(zip_problem(error)),
        };
        let budget = MAX_UNPACKED_BYTES - self.unpacked;
        let ratio_cap = file.compressed_size().saturating_mul(MAX_RATIO).max(RATIO_FLOOR);
        let cap = budget.min(ratio_cap);
        let mut bytes = Vec::with_capacity(file.size().min(cap).min(64 << 20) as usize);
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| Problem::Corrupt(format!("{name}: {}", io_words(&error))))?;
        if bytes.len() as u64 > cap {
            return Err(Problem::TooLarge { part: name.to_string() });
        }
        self.unpacked += bytes.len() as u64;
        Ok(Some(bytes))
    }

    /// The text of entry `name` (UTF-8, or UTF-16 with a byte-order mark).
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, Problem> {
        let Some(bytes) = self.read(name)? else { return Ok(None) };
        xml_text(name, bytes).map(Some)
    }

    /// Why this zip is not a Word package, in words a user can act on.
    pub fn not_word(&mut self) -> Problem {
        if let Ok(Some(mimetype)) = self.read("mimetype") {
            let mimetype = String::from_utf8_lossy(&mimetype).trim().to_string();
            if mimetype == "application/vnd.oasis.opendocument.text" {
                return Problem::Odt;
            }
            return Problem::NotWord {
                looks_like: Some(format!("an OpenDocument file ({mimetype})")),
            };
        }
        let prefixed = |prefix: &str| self.names().any(|name| name.starts_with(prefix));
        let looks_like = if prefixed("xl/") {
            Some("an Excel workbook".to_string())
        } else if prefixed("ppt/") {
            Some("a PowerPoint presentation".to_string())
        } else {
            None
        };
        Problem::NotWord { looks_like }
    }
}

/// Decodes an XML part: UTF-8 (a BOM is dropped), or UTF-16 with a BOM.
fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Problem::NotUtf8 { part: name.to_string() });
        }
        return Ok(text.into_owned());
    }
    String::from_utf8(bytes).map_err(|_| Problem::NotUtf8 { part: name.to_string() })
}

fn zip_problem(error: zip::result::ZipError) -> Problem {
    use zip::result::ZipError;
    match error {
        ZipError::UnsupportedArchive(detail) if detail == ZipError::PASSWORD_REQUIRED => {
            Problem::Encrypted
        }
        ZipError::UnsupportedArchive(detail) => Problem::Unsupported(detail.to_string()),
        ZipError::InvalidPassword => Problem::Encrypted,
        ZipError::Io(error) => Problem::Corrupt(io_words(&error)),
        other => Problem::Corrupt(other.to_string()),
    }
}

fn io_words(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::UnexpectedEof => "unexpected end of data".to_string(),
        _ => error.to_string(),
    }
}
