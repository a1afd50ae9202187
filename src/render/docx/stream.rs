//! The redline as one stream of marked text, in reading order of the newest
//! revision: what Word shows, whoever made each change.
//!
//! A pair's redline and a series' cumulative redline both become a
//! [`Stream`]: text pieces each inserted and/or deleted by an author (an
//! index into the authors: the one `--author` of a pair, one per revision
//! of a series), grouped by the entry they belong to, whose ITU action and
//! brackets become a comment. The stream holds the old text exactly (text
//! not inserted) and the new text exactly (text not deleted), in order: a
//! moved piece is deleted at its old place and inserted at its new one.

use crate::model::{Action, Emphasis, Entry, EntryKind, Op, Redline};
use crate::series::{Cumulative, History};
use std::collections::HashMap;

/// An index into the authors of the changes.
pub type Author = u16;

/// Who inserted and who deleted a piece of text (`None`: nobody).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct State {
    /// The author who inserted it; `None` when it is in the old text.
    pub ins: Option<Author>,
    /// The author who deleted it; `None` when it is in the new text.
    pub del: Option<Author>,
    /// Part of a moved piece (written as a move with `--moves`).
    pub moved: bool,
}

impl State {
    /// In the old text.
    pub fn in_old(self) -> bool {
        self.ins.is_none()
    }

    /// In the new text.
    pub fn in_new(self) -> bool {
        self.del.is_none()
    }

    /// Unchanged text.
    pub fn is_equal(self) -> bool {
        self.ins.is_none() && self.del.is_none()
    }
}

/// A piece of text with its state and style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The exact text.
    pub text: &'a str,
    /// Who inserted and deleted it.
    pub state: State,
    /// Bold, italic, or an emphasis delimiter (`**`) of a plain text.
    pub emphasis: Emphasis,
    /// The entry it belongs to; `None` for the lead.
    pub entry: Option<usize>,
}

/// What one entry of the stream is, for its paragraph style and its comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryInfo {
    /// Title line, heading, provision (a move stub has its moved piece's kind).
    pub kind: EntryKind,
    /// Heading level, or 1 + nesting depth of a provision.
    pub level: usize,
    /// The comment on it (action, renumbering, move, brackets); `None` for none.
    pub comment: Option<String>,
    /// For a moved piece: its move number and whether this is where it came from.
    pub moved: Option<(usize, bool)>,
}

/// The whole redline as marked text.
#[derive(Debug, Clone, Default)]
pub struct Stream<'a> {
    /// The pieces in reading order of the new text.
    pub pieces: Vec<Piece<'a>>,
    /// One per entry index the pieces name.
    pub entries: Vec<EntryInfo>,
    /// The author of a change the redline does not attribute (a paragraph
    /// break only one revision's layout has): the newest revision's.
    pub default_author: Author,
}

impl<'a> Stream<'a> {
    fn push(&mut self, text: &'a str, state: State, emphasis: Emphasis, entry: Option<usize>) {
        if !text.is_empty() {
            self.pieces.push(Piece { text, state, emphasis, entry });
        }
    }

    /// The text in the old revision (nothing inserted).
    pub fn old_text(&self) -> String {
        self.pieces.iter().filter(|p| p.state.in_old()).map(|p| p.text).collect()
    }

    /// The text in the new revision (nothing deleted).
    pub fn new_text(&self) -> String {
        self.pieces.iter().filter(|p| p.state.in_new()).map(|p| p.text).collect()
    }
}

/// The stream of a pair's redline; every change is author 0's. With
/// `comments`, each changed entry (and each entry with brackets) carries one.
pub fn pair(redline: &Redline, comments: bool) -> Stream<'_> {
    let mut stream = Stream::default();
    for span in &redline.lead {
        stream.push(&span.text, pair_state(span.op, false), span.emphasis, None);
    }
    let complete = redline.complete_moves();
    let moved: HashMap<usize, &Entry> = (redline.entries.iter())
        .filter(|e| e.kind != EntryKind::MoveStub && e.moved)
        .filter_map(|e| Some((e.move_id?, e)))
        .filter(|(id, _)| complete.contains(id))
        .collect();
    let brackets = bracket_notes(redline);
    for (index, entry) in redline.entries.iter().enumerate() {
        let move_id = entry.move_id.filter(|id| complete.contains(id));
        let info = match (entry.kind, move_id) {
            (EntryKind::MoveStub, Some(id)) => {
                let Some(target) = moved.get(&id) else { continue };
                for span in target.spans.iter().filter(|s| s.in_old()) {
                    stream.push(
                        &span.text,
                        pair_state(Op::Delete, true),
                        span.emphasis,
                        Some(index),
                    );
                }
                let comment = comments.then(|| moved_to_note(target));
                EntryInfo {
                    kind: target.kind,
                    level: target.level,
                    comment,
                    moved: Some((id, true)),
                }
            }
            (EntryKind::MoveStub, None) => continue,
            (_, Some(id)) => {
                for span in entry.spans.iter().filter(|s| s.in_new()) {
                    stream.push(
                        &span.text,
                        pair_state(Op::Insert, true),
                        span.emphasis,
                        Some(index),
                    );
                }
                let comment = comments.then(|| pair_comment(entry, brackets.get(&index)));
                EntryInfo {
                    kind: entry.kind,
                    level: entry.level,
                    comment,
                    moved: Some((id, false)),
                }
            }
            _ => {
                for span in &entry.spans {
                    stream.push(&span.text, pair_state(span.op, false), span.emphasis, Some(index));
                }
                let notes = brackets.get(&index);
                let commented = comments && (entry.is_changed() || notes.is_some());
                let comment = commented.then(|| pair_comment(entry, notes));
                EntryInfo { kind: entry.kind, level: entry.level, comment, moved: None }
            }
        };
        set_entry(&mut stream.entries, index, info);
    }
    stream
}

fn set_entry(entries: &mut Vec<EntryInfo>, index: usize, info: EntryInfo) {
    let blank = EntryInfo { kind: EntryKind::Provision, level: 1, comment: None, moved: None };
    if entries.len() <= index {
        entries.resize(index + 1, blank);
    }
    entries[index] = info;
}

fn pair_state(op: Op, moved: bool) -> State {
    match op {
        Op::Equal => State { moved, ..State::default() },
        Op::Delete => State { ins: None, del: Some(0), moved },
        Op::Insert => State { ins: Some(0), del: None, moved },
    }
}

/// `MOD (moved, renumbered)`, then the labels and the brackets, one per line.
fn pair_comment(entry: &Entry, brackets: Option<&Vec<String>>) -> String {
    let flags: Vec<&str> = [(entry.moved, "moved"), (entry.renumbered, "renumbered")]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
    let mut comment = entry.action.as_str().to_string();
    if !flags.is_empty() {
        comment.push_str(&format!(" ({})", flags.join(", ")));
    }
    if entry.renumbered {
        let label = |label: &Option<String>| label.clone().unwrap_or_else(|| "(none)".into());
        comment.push_str(&format!("\n{} → {}", label(&entry.old_label), label(&entry.new_label)));
    }
    if entry.moved {
        let place = place(entry.section.as_deref(), entry.old_label.as_deref());
        comment.push_str(&format!("\nmoved here; its old place{place} is marked deleted"));
    }
    for note in brackets.into_iter().flatten() {
        comment.push('\n');
        comment.push_str(note);
    }
    comment
}

fn moved_to_note(target: &Entry) -> String {
    let place = place(target.section.as_deref(), target.new_label.as_deref());
    format!("moved to{place}")
}

/// ` resolves · 4` (or empty).
fn place(section: Option<&str>, label: Option<&str>) -> String {
    let parts: Vec<&str> = [section, label].into_iter().flatten().collect();
    if parts.is_empty() { String::new() } else { format!(" {}", parts.join(" · ")) }
}

/// Each entry's brackets and their states: `[text]: agreed`.
fn bracket_notes(redline: &Redline) -> HashMap<usize, Vec<String>> {
    let mut notes: HashMap<usize, Vec<String>> = HashMap::new();
    for bracket in &redline.brackets {
        let Some(entry) = bracket.entry else { continue };
        let text: String = bracket.span.text.chars().take(80).collect();
        let cut = if text.len() < bracket.span.text.len() { "…" } else { "" };
        let note = format!("[{text}{cut}]: {}", bracket.span.state.as_str());
        notes.entry(entry).or_default().push(note);
    }
    notes
}

/// The stream of a series' cumulative redline: text inserted in revision
/// `n` is author `n - 1`'s (revision numbers are 1-based), and so is text
/// deleted there; revisions before the base never show.
pub fn series(cumulative: &Cumulative, comments: bool) -> Stream<'_> {
    let mut stream = Stream::default();
    let author = |revision: Option<usize>| {
        revision.map(|n| n.saturating_sub(1).min(usize::from(Author::MAX)) as Author)
    };
    for span in &cumulative.lead {
        let state =
            State { ins: author(span.inserted_in), del: author(span.deleted_in), moved: false };
        stream.push(&span.text, state, span.emphasis, None);
    }
    for (index, history) in cumulative.provisions.iter().enumerate() {
        for span in &history.spans {
            let state =
                State { ins: author(span.inserted_in), del: author(span.deleted_in), moved: false };
            stream.push(&span.text, state, span.emphasis, Some(index));
        }
        let commented = comments && (history.action != Action::Noc || !history.changes.is_empty());
        let comment = commented.then(|| series_comment(history));
        let info = EntryInfo { kind: history.kind, level: history.level, comment, moved: None };
        set_entry(&mut stream.entries, index, info);
    }
    stream.default_author = author(Some(cumulative.latest)).unwrap_or(0);
    stream
}

/// `MOD`, then one line per step (`2: MOD (renumbered)`) and the labels.
fn series_comment(history: &History) -> String {
    let mut comment = history.action.as_str().to_string();
    for change in &history.changes {
        let flags: Vec<&str> = [(change.moved, "moved"), (change.renumbered, "renumbered")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        comment.push_str(&format!("\n{}: {}", change.revision, change.action.as_str()));
        if !flags.is_empty() {
            comment.push_str(&format!(" ({})", flags.join(", ")));
        }
    }
    if history.renumbered() {
        let labels: Vec<String> = (history.labels.iter())
            .map(|at| format!("{}: {}", at.revision, at.label.as_deref().unwrap_or("(none)")))
            .collect();
        comment.push_str(&format!("\nlabels {}", labels.join(", ")));
    }
    comment
}
