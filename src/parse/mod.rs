//! Parsing: decoded text to a [`Document`]. Total: never fails, never panics.

use crate::model::Document;

/// Parses decoded text into a document. Stub: the whole text as the lead.
pub fn parse_text(text: &str, encoding: &str) -> Document {
    Document {
        text: text.to_string(),
        encoding: encoding.to_string(),
        lead: 0..text.len(),
        ..Document::default()
    }
}
