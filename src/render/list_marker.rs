//! A Markdown list marker before a label (`- a) text`, `* 1 text`) is layout:
//! the pages do not print it. The plain formats keep it (they read back
//! exactly), and the aligner already counts a marker added or removed as a
//! change of layout.
//!
//! The parser decides what the label is: a marker is only dropped before the
//! label it found, so a real dash bullet (`- text`, whose label is the dash)
//! keeps its dash.

use crate::model::{Op, Span};
use crate::series::SeriesSpan;
use std::borrow::Cow;

/// Markdown list marker characters.
const MARKERS: [char; 3] = ['-', '*', '+'];

/// The length of the list marker (with the blanks around it) that `text`
/// starts with before `label`; 0 when there is none.
pub fn marker_len(text: &str, label: Option<&str>) -> usize {
    let Some(label) = label.filter(|label| !label.is_empty() && !is_marker(label)) else {
        return 0;
    };
    let rest = text.trim_start_matches([' ', '\t']);
    let Some(marker) = rest.chars().next().filter(|c| MARKERS.contains(c)) else {
        return 0;
    };
    let after = &rest[marker.len_utf8()..];
    let blanks = after.len() - after.trim_start_matches([' ', '\t']).len();
    let label_at = &after[blanks..];
    if blanks == 0 || !label_at.trim_start_matches('[').starts_with(label) {
        return 0;
    }
    text.len() - label_at.len()
}

fn is_marker(label: &str) -> bool {
    let mut chars = label.chars();
    chars.next().is_some_and(|c| MARKERS.contains(&c)) && chars.next().is_none()
}

/// A span that stands in the old text, the new text, or both.
pub trait Sided: Clone {
    /// Its text.
    fn text(&self) -> &str;
    /// Whether it stands in the old and in the new text.
    fn sides(&self) -> (bool, bool);
    /// The same span without its first `bytes` bytes.
    fn drop_front(&mut self, bytes: usize);
}

impl Sided for Span {
    fn text(&self) -> &str {
        &self.text
    }
    fn sides(&self) -> (bool, bool) {
        (self.op != Op::Insert, self.op != Op::Delete)
    }
    fn drop_front(&mut self, bytes: usize) {
        self.text.drain(..bytes);
    }
}

/// Series spans: the old text is the base, the new text the latest revision.
impl Sided for SeriesSpan {
    fn text(&self) -> &str {
        &self.text
    }
    fn sides(&self) -> (bool, bool) {
        (self.inserted_in.is_none(), self.deleted_in.is_none())
    }
    fn drop_front(&mut self, bytes: usize) {
        self.text.drain(..bytes);
    }
}

/// The spans without the list marker before each side's label: `labels`
/// are the old and the new label. Spans emptied are dropped.
pub fn strip<'a, S: Sided>(spans: &'a [S], labels: [Option<&str>; 2]) -> Cow<'a, [S]> {
    let cuts = [0, 1].map(|side| marker_len(&side_start(spans, side), labels[side]));
    if cuts == [0, 0] {
        return Cow::Borrowed(spans);
    }
    let mut offsets = [0, 0];
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let (old, new) = span.sides();
        let on = [old, new];
        // A byte goes only if every side it stands in drops it.
        let cut = (0..2)
            .filter(|&side| on[side])
            .map(|side| cuts[side].saturating_sub(offsets[side]))
            .min()
            .unwrap_or(0)
            .min(span.text().len());
        for side in 0..2 {
            if on[side] {
                offsets[side] += span.text().len();
            }
        }
        let mut span = span.clone();
        if cut > 0 && span.text().is_char_boundary(cut) {
            span.drop_front(cut);
        }
        if !span.text().is_empty() {
            out.push(span);
        }
    }
    Cow::Owned(out)
}

/// Bytes of a side's text enough to hold indentation, a marker and a label.
const START: usize = 64;

/// The first bytes of one side's text (`0` old, `1` new), at most about [`START`].
fn side_start<S: Sided>(spans: &[S], side: usize) -> String {
    let mut text = String::new();
    for span in spans.iter().filter(|span| [span.sides().0, span.sides().1][side]) {
        let part = span.text();
        let mut end = part.len().min(START.saturating_sub(text.len()));
        while !part.is_char_boundary(end) {
            end -= 1;
        }
        text.push_str(&part[..end]);
        if text.len() >= START {
            break;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    #[test]
    fn a_marker_goes_only_before_the_label_the_parser_found() {
        assert_eq!(marker_len("- a) text", Some("a)")), 2);
        assert_eq!(marker_len("  -\ta) text", Some("a)")), 4);
        assert_eq!(marker_len("* 1 to do", Some("1")), 2);
        assert_eq!(marker_len("- [d) that", Some("d)")), 2, "the bracket is text");
        assert_eq!(marker_len("- text of a bullet", Some("-")), 0, "a dash bullet keeps its dash");
        assert_eq!(marker_len("- a) text", None), 0);
        assert_eq!(marker_len("a) text", Some("a)")), 0);
        assert_eq!(marker_len("-a) text", Some("a)")), 0);
        assert_eq!(marker_len("– a) text", Some("a)")), 0, "an en dash is an ITU bullet");
    }

    fn texts(spans: &[Span]) -> Vec<(Op, &str)> {
        spans.iter().map(|span| (span.op, span.text.as_str())).collect()
    }

    #[test]
    fn the_marker_leaves_both_sides_or_the_side_that_has_it() {
        let equal = [
            Span::new(Op::Equal, "- "),
            Span::new(Op::Equal, "a)").with_role(Role::Label),
            Span::new(Op::Equal, " one"),
        ];
        let stripped = strip(&equal, [Some("a)"), Some("a)")]);
        assert_eq!(texts(&stripped), [(Op::Equal, "a)"), (Op::Equal, " one")]);
        let added =
            [Span::new(Op::Insert, "- ").with_role(Role::Layout), Span::new(Op::Equal, "b) two")];
        let stripped = strip(&added, [Some("b)"), Some("b)")]);
        assert_eq!(texts(&stripped), [(Op::Equal, "b) two")]);
        let whole = [Span::new(Op::Insert, "- c) three\n")];
        assert_eq!(texts(&strip(&whole, [None, Some("c)")])), [(Op::Insert, "c) three\n")]);
        let relabelled = [
            Span::new(Op::Equal, "- "),
            Span::new(Op::Delete, "c)").with_role(Role::Label),
            Span::new(Op::Insert, "d)").with_role(Role::Label),
        ];
        let stripped = strip(&relabelled, [Some("c)"), Some("d)")]);
        assert_eq!(texts(&stripped), [(Op::Delete, "c)"), (Op::Insert, "d)")]);
        let bullet = [Span::new(Op::Equal, "- a bullet")];
        assert_eq!(texts(&strip(&bullet, [Some("-"), Some("-")])), [(Op::Equal, "- a bullet")]);
    }
}
