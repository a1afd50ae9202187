//! Square brackets: text not yet agreed, found in a document and followed through revisions.

use crate::model::Document;

/// Finds the negotiation brackets of a parsed document and fills
/// [`Document::brackets`], adding a diagnostic per unbalanced bracket.
/// Stub: finds none.
pub fn scan_document(document: &mut Document) {
    document.brackets.clear();
}
