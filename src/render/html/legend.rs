//! The legend of the pair page: one line for each mark the page uses, and
//! only for those (a page without moves does not explain moves).

use super::blocks::{Block, Row};
use super::fragment::Fragment;
use std::collections::BTreeSet;

/// One element of a legend line's sample: tag, class and text, all fixed words.
pub type Sample = (&'static str, &'static str, &'static str);

/// One line of the legend: a sample of the mark and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendItem {
    /// The mark as the page shows it.
    pub sample: Vec<Sample>,
    /// What it means.
    pub text: &'static str,
}

/// A kind of mark a page can use, in the order the legend explains them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Used {
    Action(&'static str),
    Unchanged(&'static str),
    Deleted,
    Inserted,
    Label,
    MoveLink,
    Bracket(usize),
    Struck,
}

/// The legend of the page showing `blocks` (or `rows`, side by side).
pub fn legend(blocks: &[Block], rows: &[Row]) -> Vec<LegendItem> {
    let mut used = BTreeSet::new();
    for block in blocks.iter().chain(rows.iter().map(|row| &row.block)) {
        note_block(&mut used, block);
    }
    for row in rows {
        note_fragments(&mut used, &row.old);
    }
    explain(used)
}

/// The legend lines of the marks `used`, in the legend's order.
pub(super) fn explain(used: BTreeSet<Used>) -> Vec<LegendItem> {
    used.into_iter().filter_map(item).collect()
}

/// The marks a run of text with `classes` (space-separated) shows.
pub(super) fn note_classes(used: &mut BTreeSet<Used>, classes: &str) {
    for class in classes.split_whitespace() {
        match class {
            "br1" => used.insert(Used::Bracket(1)),
            "br2" | "br3" => used.insert(Used::Bracket(2)),
            "struck" => used.insert(Used::Struck),
            _ => false,
        };
    }
}

/// The mark in a margin.
pub(super) fn note_mark(used: &mut BTreeSet<Used>, mark: &super::blocks::Mark) {
    used.insert(match mark.class {
        "action" => Used::Action(mark.text),
        _ => Used::Unchanged(mark.text),
    });
}

fn note_block(used: &mut BTreeSet<Used>, block: &Block) {
    if let Some(mark) = &block.mark {
        note_mark(used, mark);
    }
    if block.note.is_some() || block.stub_link.is_some() {
        used.insert(Used::MoveLink);
    }
    note_fragments(used, &block.fragments);
}

fn note_fragments(used: &mut BTreeSet<Used>, fragments: &[Fragment]) {
    for fragment in fragments {
        let label = fragment.class.split_whitespace().any(|class| class == "label");
        match fragment.tag {
            "del" | "ins" if label => used.insert(Used::Label),
            "del" => used.insert(Used::Deleted),
            "ins" => used.insert(Used::Inserted),
            _ => false,
        };
        note_classes(used, &fragment.class);
    }
}

fn item(used: Used) -> Option<LegendItem> {
    let mark = |class, text| vec![("span", class, text)];
    let (sample, text) = match used {
        Used::Action("MOD") => (mark("action", "MOD"), "in the margin: the text was modified"),
        Used::Action("ADD") => (mark("action", "ADD"), "in the margin: added"),
        Used::Action("SUP") => {
            (mark("action", "SUP"), "in the margin: suppressed (struck through)")
        }
        Used::Unchanged("renumbered") => (
            mark("action quiet", "renumbered"),
            "in the margin: only the label changed; the text is unchanged",
        ),
        Used::Unchanged("moved") => (
            mark("action quiet", "moved"),
            "in the margin: moved from another place; the text is unchanged",
        ),
        Used::Unchanged("moved, renumbered") => (
            mark("action quiet", "moved, renumbered"),
            "in the margin: moved and relabelled; the text is unchanged",
        ),
        Used::Unchanged("NOC") => (mark("action quiet", "NOC"), "in the margin: no change"),
        Used::Action(_) | Used::Unchanged(_) => return None,
        Used::Deleted => (vec![("del", "", "deleted text")], "struck through"),
        Used::Inserted => (vec![("ins", "", "inserted text")], "underlined"),
        Used::Label => (
            vec![("del", "label", "c)"), ("ins", "label", "d)")],
            "a label changed: the old one struck, the new one underlined",
        ),
        Used::MoveLink => (
            vec![("a", "move", "moved to ↓"), ("span", "", " "), ("a", "move", "moved from ↑")],
            "link a moved provision and the place it came from",
        ),
        Used::Bracket(1) => {
            (vec![("span", "br br1", "[text not yet agreed]")], "in square brackets")
        }
        Used::Bracket(_) => {
            (vec![("span", "br br2", "[nested brackets]")], "inside other brackets, darker")
        }
        Used::Struck => (
            vec![("span", "struck", "struck in the input")],
            "struck through in the revision itself (an exported redline)",
        ),
    };
    Some(LegendItem { sample, text })
}

#[cfg(test)]
mod tests {
    use super::super::blocks::blocks;
    use super::super::fragment::Column;
    use super::*;
    use crate::model::Entry;
    use crate::testkit::redline::*;

    fn texts(entries: &[Entry], show_noc: bool) -> Vec<&'static str> {
        let shown: Vec<&Entry> = entries.iter().collect();
        let items = legend(&blocks(&shown, Column::Both, show_noc), &[]);
        items.iter().map(|item| item.sample.last().unwrap().2).collect()
    }

    #[test]
    fn only_the_marks_used_are_explained() {
        let entries = [modified(vec![eq("a) one "), del("two"), ins("three")]), unchanged("b)\n")];
        assert_eq!(texts(&entries, false), ["MOD", "deleted text", "inserted text"]);
        assert_eq!(texts(&entries, true), ["MOD", "NOC", "deleted text", "inserted text"]);
    }

    #[test]
    fn renumbering_moves_and_brackets() {
        let entries = [
            renumbered(vec![label_del("c)"), label_ins("b)"), eq(" "), bracketed(eq("[x]"), 1)]),
            stub(4),
            moved(4, vec![eq("d) moved\n")]),
        ];
        let expected = ["moved", "renumbered", "d)", "moved from ↑", "[text not yet agreed]"];
        assert_eq!(texts(&entries, false), expected);
    }
}
