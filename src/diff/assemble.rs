//! Entries in reading order: the new text's order, with suppressed pieces and
//! the stubs of moved ones where they stood in the old text.
//!
//! # Invariants
//! - Every old piece appears exactly once (as its pair, a `SUP` entry or a
//!   move stub), every new piece exactly once (as its pair or an `ADD` entry).

use super::align::Pair;
use super::style::StyleMap;
use super::words::{RawSpan, Sides, diff_words};
use crate::model::{Action, Entry, EntryKind, Op, Role, Span};
use crate::model::{Document, Piece, PieceKind};
use std::collections::HashMap;
use std::ops::Range;

/// Both documents, their style maps and the options: what building an entry reads.
pub struct Context<'a> {
    /// The old document.
    pub old: &'a Document,
    /// The new document.
    pub new: &'a Document,
    /// Styles of the old text.
    pub old_styles: StyleMap,
    /// Styles of the new text.
    pub new_styles: StyleMap,
    /// Warnings raised while assembling (a provision diffed coarser).
    pub warnings: std::cell::RefCell<Vec<String>>,
    /// Keep typographic variants apart.
    pub strict: bool,
}

/// Builds the entries from the pairs (sorted by new index).
pub fn assemble(cx: &Context<'_>, pairs: &[Pair]) -> Vec<Entry> {
    let mut old_pair: Vec<Option<Pair>> = vec![None; cx.old.pieces.len()];
    let mut new_pair: Vec<Option<Pair>> = vec![None; cx.new.pieces.len()];
    for &pair in pairs {
        old_pair[pair.old] = Some(pair);
        new_pair[pair.new] = Some(pair);
    }
    let anchors = next_anchors(&new_pair, cx.old.pieces.len());
    let mut walk =
        Walk { cx, old_pair, entries: Vec::new(), move_ids: HashMap::new(), next_old: 0 };
    for (index, pair) in new_pair.iter().enumerate() {
        match pair {
            Some(pair) if !pair.moved => {
                walk.flush_old(pair.old);
                walk.next_old = pair.old + 1;
                walk.push_pair(*pair);
            }
            Some(pair) => walk.push_pair(*pair),
            None => {
                walk.flush_old(anchors[index]);
                walk.entries.push(added(cx, index));
            }
        }
    }
    walk.flush_old(cx.old.pieces.len());
    walk.entries
}

/// For each new index, the old index of the next in-order pair at or after
/// it (the old length when none): suppressed pieces before that anchor are
/// shown before the pieces added in the same gap.
fn next_anchors(new_pair: &[Option<Pair>], old_len: usize) -> Vec<usize> {
    let mut anchors = vec![old_len; new_pair.len()];
    let mut next = old_len;
    for (index, pair) in new_pair.iter().enumerate().rev() {
        if let Some(pair) = pair.filter(|p| !p.moved) {
            next = pair.old;
        }
        anchors[index] = next;
    }
    anchors
}

struct Walk<'a, 'b> {
    cx: &'a Context<'b>,
    old_pair: Vec<Option<Pair>>,
    entries: Vec<Entry>,
    /// The move id handed out for each old piece, numbered from 1 in order of appearance.
    move_ids: HashMap<usize, usize>,
    next_old: usize,
}

impl Walk<'_, '_> {
    /// Emits the old pieces before `until` that are suppressed or moved away.
    fn flush_old(&mut self, until: usize) {
        for index in self.next_old..until {
            match self.old_pair[index] {
                None => self.entries.push(suppressed(self.cx, index)),
                Some(pair) if pair.moved => {
                    let id = self.move_id(index);
                    self.entries.push(stub(self.cx, index, id));
                }
                Some(_) => {}
            }
        }
        self.next_old = self.next_old.max(until);
    }

    fn move_id(&mut self, old: usize) -> usize {
        let next = self.move_ids.len() + 1;
        *self.move_ids.entry(old).or_insert(next)
    }

    fn push_pair(&mut self, pair: Pair) {
        let mut entry = paired(self.cx, pair);
        if pair.moved {
            entry.move_id = Some(self.move_id(pair.old));
        }
        self.entries.push(entry);
    }
}

fn kind_and_level(piece: &Piece) -> (EntryKind, usize) {
    match piece.kind {
        PieceKind::Title => (EntryKind::Title, 0),
        PieceKind::Heading => (EntryKind::Heading, 1),
        PieceKind::SubHeading => (EntryKind::Heading, 2),
        PieceKind::Provision | PieceKind::Footnote => (EntryKind::Provision, piece.depth + 1),
    }
}

/// An entry with no spans yet, placed in `document`'s piece `index`.
fn blank_entry(document: &Document, index: usize, action: Action) -> Entry {
    let piece = &document.pieces[index];
    let (kind, level) = kind_and_level(piece);
    Entry {
        level,
        section: document.section_heading(index).map(str::to_string),
        section_kind: piece.section.map(|s| document.sections[s].kind),
        ..Entry::new(kind, action, Vec::new())
    }
}

fn label_text(piece: &Piece) -> Option<String> {
    piece.label.as_ref().map(|label| label.text.clone())
}

fn added(cx: &Context<'_>, index: usize) -> Entry {
    let piece = &cx.new.pieces[index];
    let mut entry = blank_entry(cx.new, index, Action::Add);
    entry.new_label = label_text(piece);
    entry.new_piece = Some(index);
    entry.new_lines = Some(piece.lines);
    let raw = RawSpan { op: Op::Insert, role: Role::Text, old: 0..0, new: piece.raw.clone() };
    entry.spans = styled(cx, &[raw]);
    entry
}

fn suppressed(cx: &Context<'_>, index: usize) -> Entry {
    let piece = &cx.old.pieces[index];
    let mut entry = blank_entry(cx.old, index, Action::Sup);
    entry.old_label = label_text(piece);
    entry.old_piece = Some(index);
    entry.old_lines = Some(piece.lines);
    let raw = RawSpan { op: Op::Delete, role: Role::Text, old: piece.raw.clone(), new: 0..0 };
    entry.spans = styled(cx, &[raw]);
    entry
}

fn stub(cx: &Context<'_>, index: usize, move_id: usize) -> Entry {
    let piece = &cx.old.pieces[index];
    let mut entry = blank_entry(cx.old, index, Action::Noc);
    entry.kind = EntryKind::MoveStub;
    entry.old_label = label_text(piece);
    entry.old_piece = Some(index);
    entry.old_lines = Some(piece.lines);
    entry.moved = true;
    entry.move_id = Some(move_id);
    entry
}

fn paired(cx: &Context<'_>, pair: Pair) -> Entry {
    let (old, new) = (&cx.old.pieces[pair.old], &cx.new.pieces[pair.new]);
    let raw = piece_spans(cx, old, new);
    let mut entry = blank_entry(cx.new, pair.new, Action::Noc);
    entry.old_label = label_text(old);
    entry.new_label = label_text(new);
    entry.renumbered = entry.old_label != entry.new_label;
    entry.moved = pair.moved;
    entry.old_piece = Some(pair.old);
    entry.new_piece = Some(pair.new);
    entry.old_lines = Some(old.lines);
    entry.new_lines = Some(new.lines);
    entry.typographic = raw.iter().any(|s| s.role == Role::Typographic);
    entry.layout = raw.iter().any(|s| s.role == Role::Layout);
    if raw.iter().any(|s| s.op != Op::Equal && s.role == Role::Text) {
        entry.action = Action::Mod;
    }
    entry.spans = styled(cx, &raw);
    entry
}

/// Characters of a Markdown list marker before a label (`- a)`, `* 1`).
const LIST_MARKERS: [char; 4] = ['-', '*', '+', '\u{2022}'];

/// The four parts of a piece's raw text: what stands before the label, the
/// label, the body (separator and text) and the whitespace after the text.
/// Each part is compared only with the same part of the other piece, so a
/// trailing blank line never pairs with a space inside the text.
fn parts(piece: &Piece) -> [Range<usize>; 4] {
    let (start, end) = match &piece.label {
        Some(label) => (label.range.start, label.range.end),
        None => (piece.content.start, piece.content.start),
    };
    let start = start.clamp(piece.raw.start, piece.raw.end);
    let end = end.clamp(start, piece.raw.end);
    let text_end = piece.content.end.clamp(end, piece.raw.end);
    [piece.raw.start..start, start..end, end..text_end, text_end..piece.raw.end]
}

fn piece_spans(cx: &Context<'_>, old: &Piece, new: &Piece) -> Vec<RawSpan> {
    let [old_prefix, old_label, old_body, old_tail] = parts(old);
    let [new_prefix, new_label, new_body, new_tail] = parts(new);
    let sides = Sides { old_text: &cx.old.text, new_text: &cx.new.text, strict: cx.strict };
    // What stands before a label is indentation, a list marker or an opening
    // bracket: word-diffed, so a bracket put before a label is a change, but
    // a Markdown list marker (`- a)`) is layout.
    let mut spans = diff_words(sides, old_prefix, new_prefix).spans;
    for span in spans.iter_mut().filter(|span| span.op != Op::Equal) {
        let text = match span.op {
            Op::Delete => &cx.old.text[span.old.clone()],
            _ => &cx.new.text[span.new.clone()],
        };
        if text.chars().all(|c| c.is_whitespace() || LIST_MARKERS.contains(&c)) {
            span.role = Role::Layout;
        }
    }
    spans.extend(whole(cx, old_label, new_label, Role::Label));
    let words = diff_words(sides, old_body, new_body);
    if words.anchored {
        cx.warnings.borrow_mut().push(format!(
            "old line {}, new line {}: a provision too long to compare word by word was \
             aligned on its unchanged passages first; changes inside it may show coarser",
            old.lines.0, new.lines.0
        ));
    }
    spans.extend(words.spans);
    spans.extend(whole(cx, old_tail, new_tail, Role::Layout));
    spans
}

/// Compares two ranges as wholes: equal, or deleted and inserted with `role`.
fn whole(cx: &Context<'_>, old: Range<usize>, new: Range<usize>, role: Role) -> Vec<RawSpan> {
    if cx.old.text[old.clone()] == cx.new.text[new.clone()] {
        if old.is_empty() {
            return Vec::new();
        }
        let role = if role == Role::Label { Role::Label } else { Role::Text };
        return vec![RawSpan { op: Op::Equal, role, old, new }];
    }
    let mut spans = Vec::new();
    if !old.is_empty() {
        spans.push(RawSpan { op: Op::Delete, role, old: old.clone(), new: new.start..new.start });
    }
    if !new.is_empty() {
        spans.push(RawSpan { op: Op::Insert, role, old: old.end..old.end, new });
    }
    spans
}

/// Turns raw spans into styled spans carrying their text.
fn styled(cx: &Context<'_>, raw: &[RawSpan]) -> Vec<Span> {
    let mut spans = Vec::with_capacity(raw.len());
    for span in raw {
        let (document, styles, range) = match span.op {
            Op::Delete => (cx.old, &cx.old_styles, span.old.clone()),
            _ => (cx.new, &cx.new_styles, span.new.clone()),
        };
        for (part, style) in styles.split(range) {
            spans.push(Span {
                op: span.op,
                text: document.text[part].to_string(),
                role: span.role,
                bracket_depth: style.depth,
                emphasis: style.emphasis,
            });
        }
    }
    spans
}
