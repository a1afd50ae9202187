//! The plain formats' common ground: a redline flattened into pieces, and an
//! output buffer that escapes literal text (see [`super::markers`] for the grammar).
//!
//! # Invariants
//! - Reading the output back ([`crate::read`]) gives exactly
//!   [`Redline::old_text`] and [`Redline::new_text`].
//! - Adjacent spans with the same operation are merged, so a marker never
//!   stands between two runs of the same kind.

use super::markers::{MoveNote, Notation, action_words, needs_escape, whole_entry_op};
use crate::model::{Entry, EntryKind, Op, Redline, Span};
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
}

/// Flattens a redline into pieces: the lead, then each entry with its action and move notes.
pub(crate) fn pieces(redline: &Redline) -> Vec<Piece> {
    let mut pieces = Vec::new();
    push_spans(&mut pieces, &redline.lead);
    let moves = redline.complete_moves();
    for entry in &redline.entries {
        push_entry(&mut pieces, &moves, entry);
    }
    pieces
}

fn push_entry(pieces: &mut Vec<Piece>, moves: &HashSet<usize>, entry: &Entry) {
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
    push_spans(pieces, &entry.spans);
    pieces.extend(move_id.map(|id| Piece::Move(MoveNote::End(id))));
}

fn push_spans(pieces: &mut Vec<Piece>, spans: &[Span]) {
    for span in spans.iter().filter(|span| !span.text.is_empty()) {
        let piece = match span.op {
            Op::Equal => Piece::Equal(span.text.clone()),
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
        }
        push_merged(&mut settled, piece);
    }
    settled
}

/// Writes a redline in a notation that marks insertions (tilde, wdiff, CriticMarkup).
pub(crate) fn write(redline: &Redline, notation: &Notation) -> String {
    let mut pieces = pieces(redline);
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
        }
    }
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

    /// The output, with `\` before every literal character that would read as markup.
    pub(crate) fn finish(self) -> String {
        let mut out = String::with_capacity(self.raw.len() + self.raw.len() / 64);
        let mut mark_before = None;
        for &(start, end, literal) in &self.chunks {
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
        out
    }
}
