//! `word/styles.xml`: what a paragraph style contributes to numbering
//! (style-linked lists) and what a character style contributes to emphasis.

use super::xml::{is_w, on_off, w_attr, w_child, w_val};
use roxmltree::Node;
use std::collections::HashMap;

/// Longest `w:basedOn` chain followed (a loop in a damaged file stops here).
const MAX_CHAIN: usize = 32;

/// A numbering reference: `w:numPr` of a paragraph or a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumRef {
    /// `w:numId`; 0 removes numbering.
    pub num_id: Option<u32>,
    /// `w:ilvl`.
    pub level: Option<u8>,
}

impl NumRef {
    /// Reads `w:numPr` from a `w:pPr`.
    pub fn of_ppr(ppr: Node) -> Option<NumRef> {
        let num_pr = w_child(ppr, "numPr")?;
        let num_id = w_val(num_pr, "numId").and_then(|v| v.trim().parse().ok());
        let level = w_val(num_pr, "ilvl").and_then(|v| v.trim().parse().ok()).map(|l: u8| l.min(8));
        Some(NumRef { num_id, level })
    }
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num: Option<NumRef>,
    bold: Option<bool>,
    italic: Option<bool>,
}

/// The styles of a document, by id.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
}

impl Styles {
    /// Reads the `w:styles` root; anything missing is simply absent.
    pub fn read(root: Node) -> Styles {
        let styles = root
            .children()
            .filter(|node| is_w(*node, "style"))
            .filter_map(|node| Some((w_attr(node, "styleId")?.to_string(), style(node))))
            .collect();
        Styles { styles }
    }

    /// The numbering a paragraph style gives, through its `w:basedOn` chain.
    pub fn numbering(&self, id: &str) -> Option<NumRef> {
        self.chain(id).find_map(|style| style.num)
    }

    /// Bold and italic that a character style gives, through its chain.
    pub fn emphasis(&self, id: &str) -> (Option<bool>, Option<bool>) {
        let bold = self.chain(id).find_map(|style| style.bold);
        let italic = self.chain(id).find_map(|style| style.italic);
        (bold, italic)
    }

    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = self.styles.get(id);
        std::iter::from_fn(move || {
            let style = next?;
            next = style.based_on.as_deref().and_then(|id| self.styles.get(id));
            Some(style)
        })
        .take(MAX_CHAIN)
    }
}

fn style(node: Node) -> Style {
    let rpr = w_child(node, "rPr");
    Style {
        based_on: w_val(node, "basedOn").map(str::to_string),
        num: w_child(node, "pPr").and_then(NumRef::of_ppr),
        bold: rpr.and_then(|rpr| on_off(rpr, "b")),
        italic: rpr.and_then(|rpr| on_off(rpr, "i")),
    }
}
