//! The stream cut into Word paragraphs: each holds marked text and ends with
//! a paragraph mark that is in both revisions, only in the new one
//! (inserted) or only in the old one (deleted).
//!
//! Every piece of the stream is cut where either revision's [`SideMap`]
//! changes class. Text kept by a revision is written; a break of a revision
//! closes the paragraph with a mark in that revision (one mark per break,
//! and a break of the other revision right after, with nothing written in
//! between, shares it). Text one revision keeps where the other has a
//! break is written deleted or inserted next to the mark. So the paragraphs
//! hold exactly the old text with every change rejected and the new text
//! with every change accepted, each paragraph as its revision breaks them.

use super::sides::{Class, SideMap};
use super::stream::{Author, State, Stream};
use crate::model::Emphasis;

/// Where a piece of text of a paragraph comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Written anew.
    None,
    /// A run of the new revision's Word document.
    New {
        /// Its paragraph in the new source map.
        para: u32,
        /// Its run.
        run: u32,
    },
    /// A run of the old revision's Word document.
    Old {
        /// Its paragraph in the old source map.
        para: u32,
        /// Its run.
        run: u32,
    },
}

/// Text of one state, style and origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text.
    pub text: String,
    /// Who inserted and deleted it.
    pub state: State,
    /// Bold and italic.
    pub emphasis: Emphasis,
    /// Where it comes from.
    pub origin: Origin,
}

/// One thing in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// Marked text.
    Text(Text),
    /// The start of entry `n`'s comment.
    CommentStart(usize),
    /// The end of entry `n`'s comment (and its reference).
    CommentEnd(usize),
    /// The start of moved entry `n` (`from`: its old place).
    MoveStart(usize, bool),
    /// The end of moved entry `n`.
    MoveEnd(usize, bool),
}

/// The mark that ends a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    /// The new revision's paragraph it ends, when it is in the new revision.
    pub new: Option<u32>,
    /// The old revision's paragraph it ends, when it is in the old revision.
    pub old: Option<u32>,
    /// Inserted (only in the new revision) by, or deleted (only in the old) by.
    pub author: Author,
    /// Part of a moved piece.
    pub moved: bool,
    /// The last mark: in both revisions whatever they break.
    pub last: bool,
    /// The insertion this mark carries instead of its own (see [`lean_insertions`]).
    pub lean: Lean,
}

/// Where the insertion of a run of new paragraphs is marked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lean {
    /// On each inserted paragraph's own mark.
    #[default]
    Own,
    /// This unchanged mark is marked inserted by this author, for the new paragraphs after it.
    Takes(Author),
    /// This inserted mark is left unmarked: the mark before the new
    /// paragraphs carries it (the new and old paragraphs it ends).
    Gives {
        /// The new paragraph the carrying mark ends.
        new: Option<u32>,
        /// The old paragraph the carrying mark ends.
        old: Option<u32>,
    },
}

impl Mark {
    /// Who inserted and who deleted the mark.
    pub fn state(&self) -> State {
        let own = !self.last && !matches!(self.lean, Lean::Gives { .. });
        let ins = (self.new.is_some() && self.old.is_none() && own).then_some(self.author);
        let del = (self.old.is_some() && self.new.is_none() && own).then_some(self.author);
        let ins = match self.lean {
            Lean::Takes(author) => Some(author),
            _ => ins,
        };
        State { ins, del, moved: self.moved }
    }
}

/// New paragraphs inserted after an unchanged mark are marked by that mark
/// (`A¶` inserted before `B`) rather than by their own last mark (`B¶`):
/// the same text either way, but LibreOffice, rejecting `B¶` right after
/// an insertion at the end of `A`, also removes the paragraph after `B`.
/// Only where `same(a, b)`: both marks' paragraphs stand in one container
/// (the paragraph that remains on rejection has `B`'s mark, which records
/// `A`'s properties when they differ).
pub fn lean_insertions(paragraphs: &mut [Paragraph], same: impl Fn(&Mark, &Mark) -> bool) {
    let inserted = |p: &Paragraph| {
        let state = p.mark.state();
        state.ins.is_some()
            && state.del.is_none()
            && !p.mark.moved
            && p.texts().all(|text| text.state.ins.is_some() && text.state.del.is_none())
    };
    let mut at = 1;
    while at < paragraphs.len() {
        if !inserted(&paragraphs[at]) {
            at += 1;
            continue;
        }
        let end =
            (at..paragraphs.len()).take_while(|&i| inserted(&paragraphs[i])).last().unwrap_or(at);
        let before = &paragraphs[at - 1].mark;
        let unchanged =
            before.state().ins.is_none() && before.state().del.is_none() && !before.last;
        if unchanged && before.new.is_some() && same(before, &paragraphs[end].mark) {
            let author = paragraphs[end].mark.author;
            paragraphs[at - 1].mark.lean = Lean::Takes(author);
            let (new, old) = (paragraphs[at - 1].mark.new, paragraphs[at - 1].mark.old);
            paragraphs[end].mark.lean = Lean::Gives { new, old };
        }
        at = end + 1;
    }
}

/// A paragraph of the output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// Its content.
    pub items: Vec<Item>,
    /// Its mark.
    pub mark: Mark,
    /// The entry of its first text (its style), if any.
    pub entry: Option<usize>,
}

impl Paragraph {
    /// Its text items.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(text) => Some(text),
            _ => None,
        })
    }
}

/// What each revision's text is.
pub struct Sides<'m> {
    /// The old revision's classes.
    pub old: &'m SideMap,
    /// The new revision's classes.
    pub new: &'m SideMap,
    /// Unchanged text the new Word document shows without writing it (a
    /// numbering label, a cell separator) is Word's in both revisions: the
    /// old revision is a Word document too, rewritten alike.
    pub shared_numbering: bool,
}

/// Cuts the stream into paragraphs.
pub fn paragraphs(stream: &Stream, sides: &Sides, moves: bool) -> Vec<Paragraph> {
    let mut builder = Builder { default_author: stream.default_author, ..Builder::default() };
    let (mut old_at, mut new_at) = (0, 0);
    let mut cuts = Vec::new();
    for piece in &stream.pieces {
        builder.enter(piece.entry, stream, moves);
        let len = piece.text.len();
        cuts.clear();
        cuts.extend([0, len]);
        if piece.state.in_old() {
            sides.old.cuts(old_at..old_at + len, &mut cuts);
        }
        if piece.state.in_new() {
            sides.new.cuts(new_at..new_at + len, &mut cuts);
        }
        cuts.sort_unstable();
        cuts.dedup();
        for window in cuts.windows(2) {
            let (a, b) = (window[0], window[1]);
            let old = piece.state.in_old().then(|| sides.old.class_at(old_at + a));
            let new = piece.state.in_new().then(|| sides.new.class_at(new_at + a));
            let shown_by_word =
                sides.shared_numbering && piece.state.is_equal() && new == Some(Class::Skip);
            let old = if shown_by_word { Some(Class::Skip) } else { old };
            builder.segment(&piece.text[a..b], piece.state, piece.emphasis, old, new);
        }
        if piece.state.in_old() {
            old_at += len;
        }
        if piece.state.in_new() {
            new_at += len;
        }
    }
    builder.enter(None, stream, moves);
    builder.finish()
}

#[derive(Default)]
struct Builder {
    done: Vec<Paragraph>,
    current: Paragraph,
    /// Text written since the last mark.
    written: bool,
    last_old_break: Option<u32>,
    last_new_break: Option<u32>,
    default_author: Author,
    entry: Option<usize>,
    /// The entry's comment and move markers, written before its first text.
    opening: Vec<Item>,
    closing: Vec<Item>,
    /// Where the entry's last text ends: paragraph (`done.len()` = current) and item.
    end: Option<(usize, usize)>,
}

impl Builder {
    /// Moves to `entry`: closes the previous entry's markers, prepares the next.
    fn enter(&mut self, entry: Option<usize>, stream: &Stream, moves: bool) {
        if entry == self.entry {
            return;
        }
        if let Some((para, at)) = self.end.take() {
            let items = if para == self.done.len() {
                &mut self.current.items
            } else {
                &mut self.done[para].items
            };
            for (offset, item) in self.closing.drain(..).enumerate() {
                items.insert(at + offset, item);
            }
        }
        self.closing.clear();
        self.opening.clear();
        self.entry = entry;
        let Some(info) = entry.and_then(|index| stream.entries.get(index)) else { return };
        let index = entry.unwrap_or_default();
        if info.comment.is_some() {
            self.opening.push(Item::CommentStart(index));
        }
        if let (true, Some((_, from))) = (moves, info.moved) {
            self.opening.push(Item::MoveStart(index, from));
            self.closing.push(Item::MoveEnd(index, from));
        }
        if info.comment.is_some() {
            self.closing.push(Item::CommentEnd(index));
        }
    }

    fn segment(
        &mut self,
        text: &str,
        state: State,
        emphasis: Emphasis,
        old: Option<Class>,
        new: Option<Class>,
    ) {
        let kept = |class: Option<Class>| matches!(class, Some(Class::Text | Class::Run { .. }));
        let (keep_old, keep_new) = (kept(old), kept(new));
        let old_break = match old {
            Some(Class::Break { para }) => Some(para),
            _ => None,
        };
        let new_break = match new {
            Some(Class::Break { para }) => Some(para),
            _ => None,
        };
        let origin = match (new, old) {
            (Some(Class::Run { para, run }), _) if keep_new => Origin::New { para, run },
            (_, Some(Class::Run { para, run })) if keep_old => Origin::Old { para, run },
            _ => Origin::None,
        };
        let written_state = match (keep_old, keep_new) {
            (true, true) => Some(State { ins: None, del: None, ..state }),
            (false, true) => {
                Some(State { ins: state.ins.or(Some(self.default_author)), del: None, ..state })
            }
            (true, false) => {
                Some(State { ins: None, del: state.del.or(Some(self.default_author)), ..state })
            }
            (false, false) if old.is_none() && new.is_none() => Some(state),
            (false, false) => None,
        };
        if let Some(written_state) = written_state {
            self.write(text, written_state, emphasis, origin);
        }
        if old_break.is_some() || new_break.is_some() {
            let author = state.ins.or(state.del).unwrap_or(self.default_author);
            self.mark(old_break, new_break, author, state.moved);
        }
    }

    fn write(&mut self, text: &str, state: State, emphasis: Emphasis, origin: Origin) {
        self.items_opening();
        self.written = true;
        if self.current.entry.is_none() {
            self.current.entry = self.entry;
        }
        if let Some(Item::Text(last)) = self.current.items.last_mut() {
            if last.state == state && last.emphasis == emphasis && last.origin == origin {
                last.text.push_str(text);
                self.end = Some((self.done.len(), self.current.items.len()));
                return;
            }
        }
        self.current.items.push(Item::Text(Text {
            text: text.to_string(),
            state,
            emphasis,
            origin,
        }));
        self.end = Some((self.done.len(), self.current.items.len()));
    }

    fn items_opening(&mut self) {
        if !self.opening.is_empty() {
            self.current.items.append(&mut self.opening);
        }
    }

    /// A break of the old and/or the new revision: a new mark, or the last
    /// one when nothing was written since.
    fn mark(&mut self, old: Option<u32>, new: Option<u32>, author: Author, moved: bool) {
        let old = old.filter(|&para| self.last_old_break != Some(para));
        let new = new.filter(|&para| self.last_new_break != Some(para));
        if old.is_none() && new.is_none() {
            return;
        }
        self.last_old_break = old.or(self.last_old_break);
        self.last_new_break = new.or(self.last_new_break);
        if let Some(last) = self.done.last_mut().filter(|_| !self.written) {
            let fits = (old.is_none() || last.mark.old.is_none())
                && (new.is_none() || last.mark.new.is_none());
            if fits && self.current.items.iter().all(|item| !matches!(item, Item::Text(_))) {
                last.mark.old = last.mark.old.or(old);
                last.mark.new = last.mark.new.or(new);
                return;
            }
        }
        let mark = Mark { new, old, author, moved, last: false, lean: Lean::Own };
        let paragraph = std::mem::take(&mut self.current);
        self.done.push(Paragraph { mark, ..paragraph });
        self.written = false;
    }

    fn finish(mut self) -> Vec<Paragraph> {
        let mut paragraph = std::mem::take(&mut self.current);
        paragraph.mark = Mark { last: true, ..Mark::default() };
        self.done.push(paragraph);
        self.done
    }
}
