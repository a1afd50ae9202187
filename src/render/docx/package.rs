//! The `.docx` container: parts read from a Word package and written back
//! as a zip in a fixed order with fixed timestamps, so the same input gives
//! the same bytes on every run.

use crate::error::{Error, Result};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The parts of a package, in order: name and bytes.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// Every part, in the order they are written.
    pub entries: Vec<(String, Vec<u8>)>,
}

impl Parts {
    /// Reads every part of a Word package (already read once by the Word reader).
    pub fn read(bytes: &[u8]) -> Result<Parts> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        let mut entries = Vec::with_capacity(archive.len());
        for index in 0..archive.len() {
            let mut file = archive.by_index(index).map_err(zip_error)?;
            if file.is_dir() {
                continue;
            }
            let mut data = Vec::with_capacity(file.size().min(64 << 20) as usize);
            file.read_to_end(&mut data).map_err(|error| zip_error(error.into()))?;
            entries.push((file.name().to_string(), data));
        }
        Ok(Parts { entries })
    }

    /// The bytes of part `name`.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.entries.iter().find(|(entry, _)| entry == name).map(|(_, data)| data.as_slice())
    }

    /// The text of part `name` (UTF-8; a BOM is dropped).
    pub fn text(&self, name: &str) -> Option<String> {
        let bytes = self.get(name)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        String::from_utf8(bytes.to_vec()).ok()
    }

    /// Sets part `name`, adding it at the end when new.
    pub fn set(&mut self, name: &str, data: Vec<u8>) {
        match self.entries.iter_mut().find(|(entry, _)| entry == name) {
            Some((_, old)) => *old = data,
            None => self.entries.push((name.to_string(), data)),
        }
    }

    /// The zip: `[Content_Types].xml` first, as Office expects, then the
    /// other parts in order; deflated, every timestamp 1980-01-01.
    pub fn write(&self) -> Result<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let types = self.entries.iter().filter(|(name, _)| name == CONTENT_TYPES);
        let others = self.entries.iter().filter(|(name, _)| name != CONTENT_TYPES);
        for (name, data) in types.chain(others) {
            zip.start_file(name.as_str(), options).map_err(zip_error)?;
            zip.write_all(data).map_err(|error| zip_error(error.into()))?;
        }
        Ok(zip.finish().map_err(zip_error)?.into_inner())
    }
}

/// The content types part.
pub const CONTENT_TYPES: &str = "[Content_Types].xml";

fn zip_error(error: zip::result::ZipError) -> Error {
    Error::Other(format!("cannot write the Word document: {error}"))
}

/// An askama error (a part made from a template) as a library error.
pub fn template_error(error: askama::Error) -> Error {
    Error::Other(format!("cannot write the Word document: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_parts_give_the_same_bytes_and_read_back() {
        let mut parts = Parts::default();
        parts.set("word/document.xml", b"<doc/>".to_vec());
        parts.set(CONTENT_TYPES, b"<Types/>".to_vec());
        let bytes = parts.write().unwrap();
        assert_eq!(bytes, parts.write().unwrap());
        let read = Parts::read(&bytes).unwrap();
        assert_eq!(read.entries[0].0, CONTENT_TYPES);
        assert_eq!(read.text("word/document.xml").as_deref(), Some("<doc/>"));
    }
}
