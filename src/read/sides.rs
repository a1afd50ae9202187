//! Sorts the tokens of a rendered redline into the old and the new text.
//!
//! Text outside marks belongs to both revisions, deleted text to the old one,
//! inserted text to the new one. A moved entry's text is held apart: its new
//! text stands where it is, its old text where its `moved to` note stands.

use super::scan::{Scanner, Token};
use super::{Problem, Revisions};
use crate::model::LineIndex;
use crate::model::Op;
use crate::render::markers::{LAYOUT_NOTE, MoveNote, Notation, parse_layout_note, whole_entry_op};
use std::collections::BTreeMap;

/// Which mark is open, and where it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Outside,
    Deleted(usize, &'static str),
    Inserted(usize, &'static str),
    SubstitutedOld(usize, &'static str),
    SubstitutedNew(usize, &'static str),
    Highlighted(usize, &'static str),
}

/// Where the reader stands with an entry written whole (`ADD` or `SUP`, see
/// [`whole_entry_op`]): the white space after its run belongs to the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// No such entry.
    No,
    /// Its action was read; its run opens next.
    Announced(Op),
    /// Inside its run.
    Open(Op),
    /// After its run: white space goes to the run's side.
    After(Op),
}

/// A place in the text: plain text, a move stub, or a moved entry.
#[derive(Debug)]
enum Part {
    Text(Revisions),
    Stub(usize),
    Moved(usize),
}

/// A moved entry being read: its text and where its notes stand.
#[derive(Debug, Default)]
struct Moved {
    text: Revisions,
    from: Option<usize>,
    to: Option<usize>,
}

struct Reader<'a> {
    text: &'a str,
    notation: &'static Notation,
    state: State,
    parts: Vec<Part>,
    /// Plain text read since the last stub or moved entry.
    pending: Revisions,
    moved: BTreeMap<usize, Moved>,
    /// The move id of the moved entry being read, and its `moved from` offset.
    inside: Option<(usize, usize)>,
    /// An entry written whole being read.
    whole: Whole,
    /// The changes of white space noted after the text: at which offset, how
    /// many characters of new white space, and the old white space.
    layouts: Layouts,
    /// Characters left of the new white space of a change being read.
    new_only: usize,
}

/// Reads both revisions from `text` written in `notation`.
pub(super) fn read(text: &str, notation: &'static Notation) -> Result<Revisions, Problem> {
    let (text, layouts) = split_layout_note(text, notation)?;
    let mut reader = Reader {
        text,
        notation,
        state: State::Outside,
        parts: Vec::new(),
        pending: Revisions::default(),
        moved: BTreeMap::new(),
        inside: None,
        whole: Whole::No,
        layouts,
        new_only: 0,
    };
    let mut scanner = Scanner::new(text, notation);
    while let Some(token) = scanner.next_token(reader.state == State::Outside) {
        let (offset, token) = token?;
        reader.layout_at(offset);
        if reader.token(offset, token)? {
            scanner.skip_newline();
        }
    }
    reader.layout_at(text.len());
    reader.finish()
}

/// Changes of white space by the byte offset where each starts: how many
/// characters of new white space, and the old white space.
type Layouts = BTreeMap<usize, (usize, String)>;

/// The text without its note of white space changes (the last note, after
/// the text), and those changes by the byte offset where each starts.
fn split_layout_note<'a>(
    text: &'a str,
    notation: &Notation,
) -> Result<(&'a str, Layouts), Problem> {
    let Some((open, close)) = notation.note else { return Ok((text, BTreeMap::new())) };
    let last = text.strip_suffix('\n').unwrap_or(text);
    let opening = format!("{open}{LAYOUT_NOTE}");
    let start = last.rfind(&opening).filter(|_| last.ends_with(close));
    let Some(start) = start else { return Ok((text, BTreeMap::new())) };
    let words = &last[start + open.len()..last.len() - close.len()];
    let Some(changes) = parse_layout_note(words) else { return Ok((text, BTreeMap::new())) };
    let body = &text[..start];
    let starts: Vec<usize> =
        std::iter::once(0).chain(body.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let mut layouts = BTreeMap::new();
    for change in changes {
        let offset = starts.get(change.line.wrapping_sub(1)).and_then(|&line| {
            let column = change.column.checked_sub(1)?;
            let rest = &body[line..];
            rest.char_indices().map(|(at, _)| line + at).chain([body.len()]).nth(column)
        });
        let offset = offset.ok_or_else(|| {
            Problem::new(
                start,
                format!("white space noted at {}:{}, outside the text", change.line, change.column),
            )
        })?;
        layouts.insert(offset, (change.chars, change.old));
    }
    Ok((body, layouts))
}

impl Reader<'_> {
    /// `line:column` of byte `offset`, for messages that point at a second place.
    fn place(&self, offset: usize) -> String {
        let (line, column) = LineIndex::new(self.text).line_col(self.text, offset);
        format!("{line}:{column}")
    }

    /// Takes one token; `true` when the newline after it belongs to it: with
    /// action lines, a closing marker that starts a line takes the newline after it.
    fn token(&mut self, offset: usize, token: Token<'_>) -> Result<bool, Problem> {
        let whole = std::mem::replace(&mut self.whole, Whole::No);
        match token {
            Token::Char(c) => self.char(c, whole),
            Token::Marker(marker) => {
                let was_open = self.state != State::Outside;
                self.state = self.marker(offset, marker)?;
                let closed = was_open && self.state == State::Outside;
                let line_start = offset == 0 || self.text[..offset].ends_with('\n');
                // A run closed at a line start kept its white space inside
                // (as redline wrote it before runs closed before it).
                self.whole = match (whole, self.state) {
                    (Whole::Announced(Op::Insert), State::Inserted(..)) => Whole::Open(Op::Insert),
                    (Whole::Announced(Op::Delete), State::Deleted(..)) => Whole::Open(Op::Delete),
                    (Whole::Open(op), State::Outside) if !line_start => Whole::After(op),
                    _ => Whole::No,
                };
                return Ok(closed && line_start && self.notation.action_lines);
            }
            Token::Note(words) => {
                self.note(offset, words)?;
                self.whole = whole_entry_op(words).map_or(Whole::No, Whole::Announced);
            }
            Token::ActionLine(words) => {
                self.whole = whole_entry_op(words).map_or(Whole::No, Whole::Announced);
            }
        }
        Ok(false)
    }

    /// Where a change of white space starts: its old white space goes to the
    /// old text, and the characters of its new white space to the new text only.
    fn layout_at(&mut self, offset: usize) {
        if let Some((chars, old)) = self.layouts.remove(&offset) {
            self.text_mut().old.push_str(&old);
            self.new_only = chars;
        }
    }

    fn char(&mut self, c: char, whole: Whole) {
        if self.new_only > 0 && self.state == State::Outside {
            self.new_only -= 1;
            self.text_mut().new.push(c);
            return;
        }
        let (old, new) = match (self.state, whole) {
            (State::Outside, Whole::After(op)) if c.is_whitespace() => {
                self.whole = whole;
                (op == Op::Delete, op == Op::Insert)
            }
            (State::Outside | State::Highlighted(..), _) => (true, true),
            (State::Deleted(..) | State::SubstitutedOld(..), _) => (true, false),
            (State::Inserted(..) | State::SubstitutedNew(..), _) => (false, true),
        };
        if let Whole::Open(_) = whole {
            self.whole = whole;
        }
        let text = self.text_mut();
        if old {
            text.old.push(c);
        }
        if new {
            text.new.push(c);
        }
    }

    /// The revisions text goes to now: the moved entry being read, or plain text.
    fn text_mut(&mut self) -> &mut Revisions {
        match self.inside {
            Some((id, _)) => &mut self.moved.entry(id).or_default().text,
            None => &mut self.pending,
        }
    }

    /// Ends the plain text read so far and appends `part` after it.
    fn push_part(&mut self, part: Part) {
        let text = std::mem::take(&mut self.pending);
        self.parts.push(Part::Text(text));
        self.parts.push(part);
    }

    /// The state after `marker` at `offset`.
    fn marker(&self, offset: usize, marker: &'static str) -> Result<State, Problem> {
        let n = self.notation;
        let closes = |pair: Option<(&str, &str)>| pair.is_some_and(|(_, close)| close == marker);
        match self.state {
            State::Deleted(..) if n.delete.1 == marker => Ok(State::Outside),
            State::Inserted(..) if closes(n.insert) => Ok(State::Outside),
            State::Highlighted(..) if closes(n.highlight) => Ok(State::Outside),
            State::SubstitutedOld(at, open) if n.substitute.is_some_and(|s| s.1 == marker) => {
                Ok(State::SubstitutedNew(at, open))
            }
            State::SubstitutedNew(..) if n.substitute.is_some_and(|s| s.2 == marker) => {
                Ok(State::Outside)
            }
            State::Outside => self.open(offset, marker),
            _ => Err(self.misplaced(offset, marker)),
        }
    }

    /// The state a marker opens outside any mark.
    fn open(&self, offset: usize, marker: &'static str) -> Result<State, Problem> {
        let n = self.notation;
        let opens = |pair: Option<(&str, &str)>| pair.is_some_and(|(open, _)| open == marker);
        if n.delete.0 == marker {
            Ok(State::Deleted(offset, marker))
        } else if opens(n.insert) {
            Ok(State::Inserted(offset, marker))
        } else if opens(n.highlight) {
            Ok(State::Highlighted(offset, marker))
        } else if n.substitute.is_some_and(|s| s.0 == marker) {
            Ok(State::SubstitutedOld(offset, marker))
        } else {
            Err(Problem::new(offset, format!("`{marker}` closes nothing: no mark is open")))
        }
    }

    /// The error for a marker that neither closes nor continues the open mark.
    fn misplaced(&self, offset: usize, marker: &str) -> Problem {
        let (at, open) = self.opened().unwrap_or((offset, ""));
        Problem::new(
            offset,
            format!("`{marker}` inside `{open}` opened at {}: marks cannot nest", self.place(at)),
        )
    }

    fn opened(&self) -> Option<(usize, &'static str)> {
        match self.state {
            State::Outside => None,
            State::Deleted(at, open)
            | State::Inserted(at, open)
            | State::SubstitutedOld(at, open)
            | State::SubstitutedNew(at, open)
            | State::Highlighted(at, open) => Some((at, open)),
        }
    }

    fn note(&mut self, offset: usize, words: &str) -> Result<(), Problem> {
        if let Some((at, open)) = self.opened() {
            let message =
                format!("a note inside `{open}` opened at {}: marks cannot nest", self.place(at));
            return Err(Problem::new(offset, message));
        }
        match MoveNote::parse(words) {
            Some(MoveNote::To(id)) => self.stub(offset, id),
            Some(MoveNote::From(id)) => self.moved_from(offset, id),
            Some(MoveNote::End(id)) => self.moved_end(offset, id),
            None if self.notation.comments => Ok(()),
            None => {
                Err(Problem::new(offset, format!("unknown note {words:?}: expected a move note")))
            }
        }
    }

    fn stub(&mut self, offset: usize, id: usize) -> Result<(), Problem> {
        if self.inside.is_some() {
            return Err(Problem::new(offset, format!("`moved to #{id}` inside a moved entry")));
        }
        let moved = self.moved.entry(id).or_default();
        if moved.to.replace(offset).is_some() {
            return Err(Problem::new(offset, format!("a second `moved to #{id}`")));
        }
        self.push_part(Part::Stub(id));
        Ok(())
    }

    fn moved_from(&mut self, offset: usize, id: usize) -> Result<(), Problem> {
        if let Some((open, at)) = self.inside {
            let message = format!(
                "`moved from #{id}` inside moved entry #{open} opened at {}",
                self.place(at)
            );
            return Err(Problem::new(offset, message));
        }
        let moved = self.moved.entry(id).or_default();
        if moved.from.replace(offset).is_some() {
            return Err(Problem::new(offset, format!("a second `moved from #{id}`")));
        }
        self.inside = Some((id, offset));
        self.push_part(Part::Moved(id));
        Ok(())
    }

    fn moved_end(&mut self, offset: usize, id: usize) -> Result<(), Problem> {
        match self.inside.take() {
            Some((open, _)) if open == id => Ok(()),
            Some((open, at)) => Err(Problem::new(
                offset,
                format!("`/moved #{id}` ends moved entry #{open} opened at {}", self.place(at)),
            )),
            None => Err(Problem::new(offset, format!("`/moved #{id}` without `moved from #{id}`"))),
        }
    }

    fn finish(self) -> Result<Revisions, Problem> {
        if let Some((at, open)) = self.opened() {
            return Err(Problem::new(at, format!("`{open}` is never closed")));
        }
        if let Some((id, at)) = self.inside {
            return Err(Problem::new(
                at,
                format!("moved entry #{id} is never closed with `/moved #{id}`"),
            ));
        }
        for (id, moved) in &self.moved {
            match (moved.from, moved.to) {
                (Some(at), None) => {
                    return Err(Problem::new(
                        at,
                        format!("moved entry #{id} has no `moved to #{id}` note"),
                    ));
                }
                (None, Some(at)) => {
                    return Err(Problem::new(
                        at,
                        format!("`moved to #{id}` has no moved entry #{id}"),
                    ));
                }
                _ => {}
            }
        }
        Ok(self.assemble())
    }

    /// Old text: moved entries' old text at their stubs; new text: at their place.
    fn assemble(mut self) -> Revisions {
        let rest = std::mem::take(&mut self.pending);
        self.parts.push(Part::Text(rest));
        let mut out = Revisions::default();
        for part in &self.parts {
            match part {
                Part::Text(text) => {
                    out.old.push_str(&text.old);
                    out.new.push_str(&text.new);
                }
                Part::Stub(id) => out.old.push_str(&self.moved[id].text.old),
                Part::Moved(id) => out.new.push_str(&self.moved[id].text.new),
            }
        }
        out
    }
}
