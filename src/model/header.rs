//! The header block of a working document: document number, date, committee ...
//!
//! One type for the pair page, the series page and the batch index; set from
//! flags (`--doc-number` ...) or from a series folder's `series.toml`.

use serde::Serialize;

/// The optional header block of an ITU working document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    /// A title for the page (a series' name, "Resolution 140 ...").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `DL/23-E (Rev.2)`, shown as "Document DL/23-E (Rev.2)".
    #[serde(rename = "document", skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// `31 October 2014`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `English`, shown as "Original: English".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// `WORKING GROUP OF THE PLENARY`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// `WORK IN PROGRESS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `WGPL/23/1`, shown as the proposal mark "MOD WGPL/23/1".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
}

impl Header {
    /// `true` when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Header::default()
    }

    /// `true` if any field of the header block (not the title or the
    /// proposal) is set.
    pub fn has_block(&self) -> bool {
        [&self.doc_number, &self.date, &self.origin, &self.committee, &self.status]
            .iter()
            .any(|field| field.is_some())
    }
}
