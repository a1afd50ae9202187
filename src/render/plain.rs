//! The plain formats' common ground: a redline flattened into pieces, and an
//! output buffer that escapes literal text (see [`super::markers`] for the grammar).
//!
//! # Invariants
//! - Reading the output back ([`crate::read`]) gives exactly
//!   [`Redline::old_text`] and [`Redline::new_text`].
//! - Adjacent spans with the same operation are merged, so a marker never
//!   stands between two runs of the same kind.

use super::markers::{MoveNote, Notation, action_words, layout_note, needs_escape, whole_entry_op};
use crate::model::{Entry, EntryKind, Op, Redline, Role, Span};
use std::collections::HashSet;

/// One element of a plain redline, before a notation is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text in both revisions.
    Equal(String),
    /// Text only in the old revision.
    Delete(String),
    /// Text only in the new revision.
    Insert(String),
    /// The action of the changed entry that follows (`MOD`, `SUP (moved)` ...).
    Action(String),
    /// A move note: where a moved entry stood, or the bounds of the moved entry.
    Move(MoveNote),
    /// A change of white space only (layout, not a change of the text): the
    /// new white space is written as it is, the old one in a note after the
    /// text (see [`super::markers`]).
    Layout {
        /// The old white space.
        old: String,
        /// The new white space.
        new: String,
    },
}

/// Flattens a redline into pieces: the lead, then each entry with its action
/// and move notes; white-space-only changes are [`Piece::Layout`] unless `inline`.
pub(crate) fn pieces(redline: &Redline, inline: bool) -> Vec<Piece> {
    let mut pieces = Vec::new();
    push_spans(&mut pieces, &redline.lead, inline);
    let moves = redline.complete_moves();
    for entry in &redline.entries {
        push_entry(&mut pieces, &moves, entry, inline);
    }
    pieces
}

fn push_entry(pieces: &mut Vec<Piece>, moves: &HashSet<usize>, entry: &Entry, inline: bool) {
    let move_id = entry.move_id.filter(|id| moves.contains(id));
    if entry.kind == EntryKind::MoveStub {
        pieces.extend(move_id.map(|id| Piece::Move(MoveNote::To(id))));
        return;
    }
    if entry.is_changed() {
        let words = action_words(entry.action.as_str(), entry.moved, entry.renumbered);
        pieces.push(Piece::Action(words));
    }
    let move_id = move_id.filter(|_| entry.moved);
    pieces.extend(move_id.map(|id| Piece::Move(MoveNote::From(id))));
    push_spans(pieces, &entry.spans, inline);
    pieces.extend(move_id.map(|id| Piece::Move(MoveNote::End(id))));
}

fn push_spans(pieces: &mut Vec<Piece>, spans: &[Span], inline: bool) {
    for span in spans.iter().filter(|span| !span.text.is_empty()) {
        let layout = !inline && span.role == Role::Layout && span.text.trim().is_empty();
        let piece = match span.op {
            Op::Equal => Piece::Equal(span.text.clone()),
            Op::Delete if layout => Piece::Layout { old: span.text.clone(), new: String::new() },
            Op::Insert if layout => Piece::Layout { old: String::new(), new: span.text.clone() },
            Op::Delete => Piece::Delete(span.text.clone()),
            Op::Insert => Piece::Insert(span.text.clone()),
        };
        push_merged(pieces, piece);
    }
}

/// Appends a piece, joining a run to the previous run of the same kind.
fn push_merged(pieces: &mut Vec<Piece>, piece: Piece) {
    match (pieces.last_mut(), piece) {
        (Some(Piece::Equal(text)), Piece::Equal(more))
        | (Some(Piece::Delete(text)), Piece::Delete(more))
        | (Some(Piece::Insert(text)), Piece::Insert(more)) => text.push_str(&more),
        (Some(Piece::Layout { old, new }), Piece::Layout { old: more_old, new: more_new }) => {
            old.push_str(&more_old);
            new.push_str(&more_new);
        }
        (_, piece) => pieces.push(piece),
    }
}

/// Drops the action lines that would not start a line of the output, and
/// joins the runs they separated (`++a++++b++` becomes `++ab++`).
///
/// The output is at a line start after text ending in a newline (a closing
/// marker after such text takes a newline of its own), after an action line,
/// and after a move note that itself started a line (it takes one too).
fn settle_action_lines(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut settled = Vec::with_capacity(pieces.len());
    let mut line_start = true;
    for piece in pieces {
        match &piece {
            Piece::Action(_) if !line_start => continue,
            Piece::Action(_) | Piece::Move(_) => {}
            Piece::Equal(text) | Piece::Delete(text) | Piece::Insert(text) => {
                line_start = text.ends_with('\n');
            }
            Piece::Layout { new, .. } if !new.is_empty() => line_start = new.ends_with('\n'),
            Piece::Layout { .. } => {}
        }
        push_merged(&mut settled, piece);
    }
    settled
}

/// Writes a redline in a notation that marks insertions (tilde, wdiff,
/// CriticMarkup); changes of white space only are marked `inline`, or noted
/// after the text.
pub(crate) fn write(redline: &Redline, notation: &Notation, inline: bool) -> String {
    let mut pieces = pieces(redline, inline);
    if notation.action_lines {
        pieces = settle_action_lines(pieces);
    }
    let mut out = Output::default();
    let mut at = 0;
    // The operation of the entry written whole whose action was just written.
    let mut whole = None;
    while let Some(piece) = pieces.get(at) {
        let whole_op = whole.take();
        let next = pieces.get(at + 1);
        at += 1;
        match piece {
            Piece::Equal(text) => out.literal(text),
            Piece::Delete(old) if whole_op == Some(Op::Delete) => {
                out.whole(notation, notation.delete, old);
            }
            Piece::Delete(old) => match (notation.substitute, next) {
                (Some(markers), Some(Piece::Insert(new))) => {
                    out.substitution(markers, old, new);
                    at += 1;
                }
                _ => out.marked(notation, notation.delete, old),
            },
            Piece::Insert(text) => {
                let markers = notation.insert.expect("a notation that is written marks insertions");
                if whole_op == Some(Op::Insert) {
                    out.whole(notation, markers, text);
                } else {
                    out.marked(notation, markers, text);
                }
            }
            Piece::Action(words) => {
                let op = whole_entry_op(words);
                let run = next.and_then(|run| whole_run(op?, run, pieces.get(at + 1)));
                if op.is_some() && run.is_none() {
                    continue;
                }
                if out.action(notation, words) {
                    whole = run;
                }
            }
            Piece::Move(note) => out.move_note(notation, *note),
            Piece::Layout { old, new } => out.layout(old, new),
        }
    }
    out.layout_note(notation);
    out.finish()
}

/// The operation of an entry written whole (`op`, its action's) whose run is
/// `run`, when the white space after its text can be read as its own: it
/// ends with a newline and what follows does not start with white space.
/// `None` when it cannot, and the action is then not written (the reader
/// would give the white space after it to the run).
fn whole_run(op: Op, run: &Piece, after: Option<&Piece>) -> Option<Op> {
    let text = match (op, run) {
        (Op::Delete, Piece::Delete(text)) | (Op::Insert, Piece::Insert(text)) => text,
        _ => return None,
    };
    let body = text.trim_end();
    let space = &text[body.len()..];
    let readable = !body.is_empty() && space.ends_with('\n') && !starts_with_space(after);
    readable.then_some(op)
}

/// `true` when `piece` is text that starts with white space.
fn starts_with_space(piece: Option<&Piece>) -> bool {
    match piece {
        Some(Piece::Equal(text) | Piece::Delete(text) | Piece::Insert(text)) => {
            text.starts_with(char::is_whitespace)
        }
        _ => false,
    }
}

/// Raw output: literal text and markers, escaped when finished.
#[derive(Debug, Default)]
pub(crate) struct Output {
    raw: String,
    /// Byte range of each chunk in `raw`, and whether it is literal text.
    chunks: Vec<(usize, usize, bool)>,
    /// Changes of white space written as their new side: where in `raw`, how
    /// many characters, and the old white space.
    layouts: Vec<(usize, usize, String)>,
    /// The note markers to write the layouts with, after the text.
    note: Option<(&'static str, &'static str)>,
}

impl Output {
    /// Appends text that must read back as itself.
    pub(crate) fn literal(&mut self, text: &str) {
        self.push(text, true);
    }

    /// Appends a marker.
    pub(crate) fn mark(&mut self, text: &str) {
        self.push(text, false);
    }

    fn push(&mut self, text: &str, literal: bool) {
        if !text.is_empty() {
            let start = self.raw.len();
            self.raw.push_str(text);
            self.chunks.push((start, self.raw.len(), literal));
        }
    }

    /// `true` when the next character starts a line.
    pub(crate) fn at_line_start(&self) -> bool {
        self.raw.is_empty() || self.raw.ends_with('\n')
    }

    /// A marked run; with action lines, a closing marker that starts a line
    /// takes a newline of its own, so that an action line can follow it.
    fn marked(&mut self, notation: &Notation, (open, close): (&str, &str), text: &str) {
        self.mark(open);
        self.literal(text);
        let own_line = notation.action_lines && self.at_line_start();
        self.mark(close);
        if own_line {
            self.mark("\n");
        }
    }

    /// The text of an entry written whole (after its `ADD` or `SUP` action):
    /// marked, then the white space after it unmarked (it belongs to the run;
    /// see [`whole_entry_op`] and [`whole_run`]).
    fn whole(&mut self, notation: &Notation, markers: (&str, &str), text: &str) {
        let body = text.trim_end();
        self.marked(notation, markers, body);
        self.literal(&text[body.len()..]);
    }

    fn substitution(&mut self, (open, separator, close): (&str, &str, &str), old: &str, new: &str) {
        self.mark(open);
        self.literal(old);
        self.mark(separator);
        self.literal(new);
        self.mark(close);
    }

    /// An action line at a line start (tilde, wdiff), or a comment
    /// (CriticMarkup); `true` when one was written.
    fn action(&mut self, notation: &Notation, words: &str) -> bool {
        match notation.note {
            Some((open, close)) if notation.comments => self.mark(&format!("{open}{words}{close}")),
            _ if notation.action_lines && self.at_line_start() => self.mark(&format!("{words}\n")),
            _ => return false,
        }
        true
    }

    /// A move note; one that starts a line takes a newline of its own.
    fn move_note(&mut self, notation: &Notation, note: MoveNote) {
        let Some((open, close)) = notation.note else { return };
        let own_line = self.at_line_start();
        self.mark(&format!("{open}{}{close}", note.words()));
        if own_line {
            self.mark("\n");
        }
    }

    /// A change of white space: the new white space as it is, the old one remembered.
    fn layout(&mut self, old: &str, new: &str) {
        self.layouts.push((self.raw.len(), new.chars().count(), old.to_string()));
        self.literal(new);
    }

    /// Notes the white space changes after the text (in `finish`), when the
    /// notation has notes.
    fn layout_note(&mut self, notation: &Notation) {
        self.note = notation.note.filter(|_| !self.layouts.is_empty());
    }

    /// The output, with `\` before every literal character that would read
    /// as markup, then the note of the white space changes.
    pub(crate) fn finish(self) -> String {
        let mut out = String::with_capacity(self.raw.len() + self.raw.len() / 64);
        let mut mark_before = None;
        // Where each layout starts in the output (layouts start on chunk bounds).
        let mut layout_at = Vec::with_capacity(self.layouts.len());
        let mut layouts = self.layouts.iter().peekable();
        for &(start, end, literal) in &self.chunks {
            while layouts.next_if(|(raw, ..)| *raw <= start).is_some() {
                layout_at.push(out.len());
            }
            let chunk = &self.raw[start..end];
            if !literal {
                out.push_str(chunk);
                mark_before = Some(chunk);
                continue;
            }
            for (offset, c) in chunk.char_indices() {
                let at = start + offset;
                let line_start = at == 0 || self.raw[..at].ends_with('\n');
                let before = if offset == 0 { mark_before } else { None };
                if needs_escape(&self.raw[at..], before, line_start) {
                    out.push(super::markers::ESCAPE);
                }
                out.push(c);
            }
            mark_before = None;
        }
        layout_at.extend(layouts.map(|_| out.len()));
        if let Some((open, close)) = self.note {
            let places: Vec<_> = self
                .layouts
                .iter()
                .zip(layout_at)
                .map(|((_, n, old), at)| (at, *n, old.as_str()))
                .collect();
            out.push_str(&layout_note(&out, &places, (open, close)));
        }
        out
    }
}
