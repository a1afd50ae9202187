//! Writing a generated document as text, remembering where every unit and token went.

use crate::doc::{Doc, ListStyle, TokId, Unit, UnitId, UnitKind, label};
use std::ops::Range;

/// A document written out: the text and, per unit in reading order, its place.
#[derive(Debug, Clone)]
pub struct Written {
    /// The text, as a revision file would hold it.
    pub text: String,
    /// Every unit in reading order (the order of [`Doc::units`]).
    pub units: Vec<Placed>,
}

/// Where one unit was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The unit's id.
    pub id: UnitId,
    /// The unit's kind.
    pub kind: UnitKind,
    /// Its first character: the `[` before the label, the label, or the first word.
    pub anchor: usize,
    /// The label as written.
    pub label: Option<String>,
    /// Each token's id and byte range, the opening `[` first.
    pub toks: Vec<(TokId, Range<usize>)>,
    /// From the anchor to the end of the whitespace after the unit.
    pub range: Range<usize>,
}

/// Writes `doc`.
pub fn write(doc: &Doc) -> Written {
    let mut out = Written { text: String::new(), units: Vec::new() };
    for unit in &doc.title {
        place(&mut out, unit, None);
    }
    for section in &doc.sections {
        if let Some(heading) = &section.heading {
            place(&mut out, heading, None);
        }
        for (index, item) in section.items.iter().enumerate() {
            place(&mut out, &item.unit, section.label(index));
            for (number, child) in item.children.iter().enumerate() {
                let label = child_label(section.child_style, number, child);
                place(&mut out, child, label);
            }
        }
    }
    out
}

fn child_label(style: ListStyle, number: usize, child: &Unit) -> Option<String> {
    if child.labelled { label(style, number) } else { None }
}

fn place(out: &mut Written, unit: &Unit, label: Option<String>) {
    let anchor = out.text.len();
    let mut toks = Vec::with_capacity(unit.toks.len() + 1);
    if let Some(open) = &unit.open {
        toks.push((open.id, push(&mut out.text, &open.text)));
        out.text.push_str(&open.space);
    }
    if let Some(label) = &label {
        out.text.push_str(label);
        out.text.push_str(&unit.sep);
    }
    for tok in &unit.toks {
        toks.push((tok.id, push(&mut out.text, &tok.text)));
        out.text.push_str(&tok.space);
    }
    out.text.push_str(&unit.after);
    let range = anchor..out.text.len();
    out.units.push(Placed { id: unit.id, kind: unit.kind, anchor, label, toks, range });
}

fn push(text: &mut String, part: &str) -> Range<usize> {
    let start = text.len();
    text.push_str(part);
    start..text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Item, Section};

    #[test]
    fn units_and_tokens_are_placed_where_written() {
        let mut doc = Doc::new(true);
        let heading = doc.unit(UnitKind::Heading, &["recalling"], "\n\n");
        let mut unit = doc.unit(UnitKind::Provision, &["that", "ITU", "is;"], "\n\n");
        unit.labelled = true;
        unit.sep = "\t".into();
        doc.sections.push(Section {
            id: 0,
            heading: Some(heading),
            style: ListStyle::Letters,
            child_style: ListStyle::Bullets,
            preamble: true,
            near: false,
            items: vec![Item { unit, children: Vec::new() }],
        });
        let written = write(&doc);
        assert_eq!(written.text, "recalling\n\na)\tthat ITU is;\n\n");
        let provision = &written.units[1];
        assert_eq!(provision.anchor, 11);
        assert_eq!(provision.label.as_deref(), Some("a)"));
        assert_eq!(&written.text[provision.toks[1].1.clone()], "ITU");
        assert_eq!(provision.range.end, written.text.len());
    }
}
