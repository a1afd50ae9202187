//! Tracked changes: which view of a document with revisions is read.
//!
//! The accepted view shows `w:ins` and `w:moveTo`, drops `w:del` and
//! `w:moveFrom`, joins a paragraph whose mark is deleted to the next one and
//! uses the current formatting; the original view does the opposite and uses
//! the formatting recorded in `w:rPrChange` and `w:pPrChange`.

use super::source::Change;
use super::xml::{w_child, w_name};
use roxmltree::Node;

/// Which text of a document with tracked changes to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// Every change accepted: the new revision (the default).
    #[default]
    Accepted,
    /// Every change rejected: the text before the changes.
    Original,
}

/// Elements that record a tracked change, counted for the warning.
const CHANGE_ELEMENTS: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rPrChange",
    "pPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "tblGridChange",
    "cellIns",
    "cellDel",
    "cellMerge",
    "numberingChange",
];

/// The tracked change an element records, when it wraps content.
pub fn wrapper(node: Node) -> Option<Change> {
    match w_name(node)? {
        "ins" => Some(Change::Inserted),
        "del" => Some(Change::Deleted),
        "moveFrom" => Some(Change::MovedFrom),
        "moveTo" => Some(Change::MovedTo),
        _ => None,
    }
}

impl View {
    /// Whether content inside `change` is shown in this view.
    pub fn shows(self, change: Change) -> bool {
        let added = matches!(change, Change::Inserted | Change::MovedTo);
        added == (self == View::Accepted)
    }

    /// Whether a paragraph mark is shown: a mark inserted or deleted
    /// (`w:pPr/w:rPr/w:ins` ...) counts like content.
    pub fn shows_mark(self, ppr: Option<Node>) -> bool {
        let Some(rpr) = ppr.and_then(|ppr| w_child(ppr, "rPr")) else { return true };
        rpr.children().filter_map(wrapper).all(|change| self.shows(change))
    }

    /// The properties in force (`w:rPr` or `w:pPr`): in the original view,
    /// those recorded in the property change (`w:rPrChange`, `w:pPrChange`).
    pub fn properties<'a, 'i>(self, props: Node<'a, 'i>, change: &str) -> Node<'a, 'i> {
        if self == View::Accepted {
            return props;
        }
        w_child(props, change).and_then(|recorded| recorded.first_element_child()).unwrap_or(props)
    }

    /// Whether a table row is shown (`w:trPr/w:ins`, `w:trPr/w:del`).
    pub fn shows_row(self, row: Node) -> bool {
        let Some(trpr) = w_child(row, "trPr") else { return true };
        trpr.children().filter_map(wrapper).all(|change| self.shows(change))
    }
}

/// How many tracked changes a part holds.
pub fn count(root: Node) -> usize {
    root.descendants()
        .filter(|node| w_name(*node).is_some_and(|name| CHANGE_ELEMENTS.contains(&name)))
        .count()
}
