//! The header block of a working document: document number, date, committee ...
//!
//! One type for the pair page, the series page and the batch index; set from
//! flags (`--doc-number` ...) or from a series folder's `series.toml`.

use serde::Serialize;

/// The action words a proposal mark may already start with (`MOD WGPL/23/1`).
const PROPOSAL_ACTIONS: [&str; 4] = ["ADD ", "SUP ", "MOD ", "NOC "];

/// The optional header block of an ITU working document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    /// A title for the page (a series' name, "Resolution 140 ...").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `DL/23-E (Rev.2)`, shown as "Document DL/23-E (Rev.2)" and in the
    /// running head of every printed page after the first.
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
    /// The draft's own title line, `DRAFT RESOLUTION 140`, centred above the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft_title: Option<String>,
    /// `WORK IN PROGRESS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `WGPL/23/1`, shown as the proposal mark "MOD WGPL/23/1" (a value that
    /// already starts with an action, `MOD WGPL/23/1`, is shown as it is).
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
        let fields = [&self.doc_number, &self.date, &self.origin, &self.committee];
        fields.into_iter().chain([&self.draft_title, &self.status]).any(Option::is_some)
    }

    /// Each field of `self`, else of `other` (flags over a `series.toml`).
    pub fn or(self, other: Header) -> Header {
        Header {
            title: self.title.or(other.title),
            doc_number: self.doc_number.or(other.doc_number),
            date: self.date.or(other.date),
            origin: self.origin.or(other.origin),
            committee: self.committee.or(other.committee),
            draft_title: self.draft_title.or(other.draft_title),
            status: self.status.or(other.status),
            proposal: self.proposal.or(other.proposal),
        }
    }

    /// The proposal mark as printed: `MOD WGPL/23/1`.
    pub fn proposal_mark(&self) -> Option<String> {
        let proposal = self.proposal.as_deref()?.trim();
        let marked = PROPOSAL_ACTIONS.iter().any(|action| proposal.starts_with(action));
        Some(if marked { proposal.to_string() } else { format!("MOD {proposal}") })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proposal_mark_is_prefixed_once() {
        let header =
            |proposal: &str| Header { proposal: Some(proposal.into()), ..Header::default() };
        assert_eq!(header("WGPL/23/1").proposal_mark().as_deref(), Some("MOD WGPL/23/1"));
        assert_eq!(header("MOD WGPL/23/1").proposal_mark().as_deref(), Some("MOD WGPL/23/1"));
        assert_eq!(header("ADD PP/1").proposal_mark().as_deref(), Some("ADD PP/1"));
        assert_eq!(Header::default().proposal_mark(), None);
    }

    #[test]
    fn flags_win_field_by_field() {
        let flags = Header { date: Some("1 May".into()), ..Header::default() };
        let toml = Header {
            date: Some("31 October".into()),
            status: Some("WORK IN PROGRESS".into()),
            ..Header::default()
        };
        let merged = flags.or(toml);
        assert_eq!(merged.date.as_deref(), Some("1 May"));
        assert_eq!(merged.status.as_deref(), Some("WORK IN PROGRESS"));
    }

    #[test]
    fn every_field_but_title_and_proposal_makes_a_block() {
        let draft =
            Header { draft_title: Some("DRAFT RESOLUTION 140".into()), ..Header::default() };
        assert!(draft.has_block());
        let titled = Header { title: Some("t".into()), proposal: Some("p".into()), ..draft };
        assert!(!Header { draft_title: None, ..titled }.has_block());
    }
}
