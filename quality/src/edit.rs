//! The editor: turns a copy of the old revision into the new one, one edit
//! at a time, keeping what the truth needs (which units the generator moved)
//! and the rules that keep the truth unambiguous:
//!
//! - every provision's text stays unique on each side;
//! - a section either gains provisions or loses them, never both, so an
//!   added provision never stands where a suppressed one stood (where a
//!   reader could not tell ADD + SUP from MOD);
//! - a provision is word-edited at most twice, and keeps more than half of
//!   its words (Dice coefficient 0.55 at least), so it stays recognisably itself;
//! - a moved provision crosses at least five units, and a move that another
//!   set of moves as small would explain as well is refused.
//!
//! After the edits, [`crate::apart`] keeps added provisions unlike
//! suppressed or moved ones, and modified ones clearly apart from their neighbours.
//!
//! Unit-level edits are here; structural ones (insert, delete, move, split,
//! merge, UN paragraphs) are in [`crate::structure`].

use crate::build::Builder;
use crate::doc::{Doc, ListStyle, Section, Unit, UnitId, UnitKind};
use crate::layout;
use crate::norm::{Keys, unit_key};
use crate::texts::{self, words};
use crate::wording::{self, Ctx, WordEdit};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where a unit stands: section, item, and sub-provision if any.
pub type Pos = (usize, usize, Option<usize>);

/// Whether a section has gained or lost provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Growth {
    Grew,
    Shrank,
}

/// Makes the new revision from the old one.
pub struct Editor<'a, 'b> {
    /// The builder of the old revision: words, random choices, texts used.
    pub builder: &'b mut Builder<'a>,
    /// The new revision, under way.
    pub doc: Doc,
    /// Texts of the new revision's provisions.
    pub keys: Keys,
    /// Units the generator moved.
    pub moved: HashSet<UnitId>,
    /// How many edits of each kind were made.
    pub counts: BTreeMap<&'static str, usize>,
    pub(crate) touched: HashSet<UnitId>,
    pub(crate) word_edits: HashMap<UnitId, u8>,
    /// Units as they were before their first word edit.
    pub(crate) originals: HashMap<UnitId, Unit>,
    pub(crate) growth: HashMap<UnitId, Growth>,
    /// Headings of the old revision (an ITU heading never becomes one of them).
    old_headings: HashSet<String>,
    /// Position of each unit in the old revision's reading order.
    old_index: HashMap<UnitId, usize>,
}

/// The bracket edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BracketEdit {
    /// Brackets around a phrase.
    Phrase,
    /// A pair of brackets removed.
    Remove,
    /// Words replaced inside brackets.
    Inside,
    /// The whole provision bracketed.
    Whole,
    /// The brackets around the whole provision removed.
    Unwhole,
    /// The last words bracketed, then the whole provision: `...Agenda];]`.
    EndThenWhole,
}

impl<'a, 'b> Editor<'a, 'b> {
    /// An editor of a copy of `old`.
    pub fn new(builder: &'b mut Builder<'a>, old: &Doc) -> Self {
        Editor {
            builder,
            keys: Keys::of(old.units()),
            doc: old.clone(),
            moved: HashSet::new(),
            counts: BTreeMap::new(),
            touched: HashSet::new(),
            word_edits: HashMap::new(),
            originals: HashMap::new(),
            growth: HashMap::new(),
            old_headings: old
                .sections
                .iter()
                .filter_map(|s| s.heading.as_ref())
                .map(heading_text)
                .collect(),
            old_index: old.units().iter().enumerate().map(|(i, u)| (u.id, i)).collect(),
        }
    }

    /// `true` when the moves made so far can be read two ways: another set of
    /// as many units, moved instead, would explain the new order as well.
    pub(crate) fn moves_ambiguous(&self) -> bool {
        let olds: Vec<(usize, bool)> = (self.doc.units().iter())
            .filter_map(|u| self.old_index.get(&u.id).map(|&o| (o, self.moved.contains(&u.id))))
            .collect();
        let len = self.old_index.len();
        crate::truth::kept_in_order(&olds, len, true)
            != crate::truth::kept_in_order(&olds, len, false)
    }

    pub(crate) fn rng(&mut self) -> &mut fastrand::Rng {
        self.builder.rng
    }

    pub(crate) fn count(&mut self, kind: &'static str) {
        *self.counts.entry(kind).or_default() += 1;
    }

    /// The unit at `pos`.
    pub fn unit(&self, (s, i, c): Pos) -> &Unit {
        let item = &self.doc.sections[s].items[i];
        c.map_or(&item.unit, |c| &item.children[c])
    }

    /// A random provision passing `keep`, sub-provisions included when `children`.
    pub fn pick(&mut self, children: bool, keep: impl Fn(&Self, Pos) -> bool) -> Option<Pos> {
        let total: usize = self.doc.sections.iter().map(|s| s.items.len()).sum();
        for _ in 0..200 {
            let mut at = self.rng().usize(..total.max(1));
            let s = self.doc.sections.iter().position(|section| {
                let inside = at < section.items.len();
                if !inside {
                    at -= section.items.len();
                }
                inside
            })?;
            let item = &self.doc.sections[s].items[at];
            let child_count = if children { item.children.len() } else { 0 };
            let pick = self.rng().usize(..=child_count);
            let pos = (s, at, (pick < child_count).then_some(pick));
            if self.unit(pos).kind == UnitKind::Provision && keep(self, pos) {
                return Some(pos);
            }
        }
        None
    }

    /// Edits the unit at `pos` with `edit`; refused (and undone) when the text
    /// would become the text of another provision.
    pub fn with_unit(
        &mut self,
        pos: Pos,
        edit: impl FnOnce(&mut Unit, &mut Ctx<'_>) -> bool,
    ) -> bool {
        let Editor { builder, doc, keys, .. } = self;
        let Doc { sections, ids, .. } = doc;
        let item = &mut sections[pos.0].items[pos.1];
        let unit = match pos.2 {
            Some(c) => &mut item.children[c],
            None => &mut item.unit,
        };
        let before = unit.clone();
        let old_key = unit_key(unit);
        let mut cx = Ctx { ids, rng: &mut *builder.rng, source: builder.source };
        if !edit(unit, &mut cx) {
            *unit = before;
            return false;
        }
        let new_key = unit_key(unit);
        if new_key != old_key && (keys.has(&new_key) || builder.keys.has(&new_key)) {
            *unit = before;
            return false;
        }
        keys.remove(&old_key);
        keys.add(&new_key);
        builder.keys.add(&new_key);
        true
    }

    fn editable(&self, pos: Pos) -> bool {
        let unit = self.unit(pos);
        unit.word_count() >= 8 && self.word_edits.get(&unit.id).copied().unwrap_or(0) < 2
    }

    /// A word edit of `kind` (any kind when `None`) on a random provision.
    pub fn word(&mut self, kind: Option<WordEdit>) -> bool {
        let Some(pos) = self.pick(true, |e, pos| e.editable(pos)) else { return false };
        self.word_at(pos, kind)
    }

    /// A word edit on the provision at `pos`; refused when the provision would
    /// keep less than 55% of its words (Dice coefficient against the old text).
    pub fn word_at(&mut self, pos: Pos, kind: Option<WordEdit>) -> bool {
        let kind = kind.unwrap_or_else(|| {
            *texts::pick(self.rng(), &[WordEdit::Replace, WordEdit::Insert, WordEdit::Delete])
        });
        let id = self.unit(pos).id;
        let original = self.originals.get(&id).cloned().unwrap_or_else(|| self.unit(pos).clone());
        let edited = self.with_unit(pos, |unit, cx| {
            wording::word_edit(unit, cx, kind) && crate::likeness::dice(&original, unit) >= 0.55
        });
        if !edited {
            return false;
        }
        self.originals.entry(id).or_insert(original);
        *self.word_edits.entry(id).or_default() += 1;
        self.touched.insert(id);
        self.count(match kind {
            WordEdit::Replace => "words replaced",
            WordEdit::Insert => "words inserted",
            WordEdit::Delete => "words deleted",
            WordEdit::Rewrite => "phrases rewritten (30-40% of the words)",
            WordEdit::Vocabulary => "list words swapped",
        });
        true
    }

    /// One bracket edit on a random provision that allows it.
    pub fn bracket(&mut self, kind: BracketEdit) -> bool {
        let has = |e: &Self, pos: Pos, text: &str| e.unit(pos).toks.iter().any(|t| t.text == text);
        let fits = move |e: &Self, pos: Pos| match kind {
            BracketEdit::Phrase => !has(e, pos, "["),
            BracketEdit::Remove | BracketEdit::Inside => has(e, pos, "["),
            BracketEdit::Whole => e.unit(pos).open.is_none(),
            BracketEdit::Unwhole => e.unit(pos).open.is_some(),
            BracketEdit::EndThenWhole => !has(e, pos, "[") && e.unit(pos).open.is_none(),
        };
        let Some(pos) =
            self.pick(true, |e, pos| !e.touched.contains(&e.unit(pos).id) && fits(e, pos))
        else {
            return false;
        };
        self.bracket_at(pos, kind)
    }

    /// One bracket edit on the provision at `pos`.
    pub fn bracket_at(&mut self, pos: Pos, kind: BracketEdit) -> bool {
        let done = self.with_unit(pos, |unit, cx| match kind {
            BracketEdit::Phrase => wording::bracket_phrase(unit, cx),
            BracketEdit::Remove => wording::unbracket(unit),
            BracketEdit::Inside => wording::edit_in_brackets(unit, cx),
            BracketEdit::Whole => wording::bracket_whole(unit, cx.ids),
            BracketEdit::Unwhole => wording::unbracket_whole(unit),
            BracketEdit::EndThenWhole => {
                wording::bracket_end(unit, cx) && wording::bracket_whole(unit, cx.ids)
            }
        });
        if done {
            self.touched.insert(self.unit(pos).id);
            self.count(match kind {
                BracketEdit::Phrase => "brackets added",
                BracketEdit::Remove => "brackets removed",
                BracketEdit::Inside => "edits inside brackets",
                BracketEdit::Whole => "provisions bracketed whole",
                BracketEdit::Unwhole => "whole brackets removed",
                BracketEdit::EndThenWhole => "provisions ending `];]`",
            });
        }
        done
    }

    /// Typographic variants in a random provision (its text unchanged).
    pub fn typography(&mut self) -> bool {
        let Some(pos) = self.pick(true, |_, _| true) else { return false };
        let done = self.with_unit(pos, |unit, cx| layout::typography(unit, cx.rng));
        if done {
            self.count("typography");
        }
        done
    }

    /// A whitespace-only change in a random provision.
    pub fn whitespace(&mut self) -> bool {
        let Some(pos) = self.pick(true, |_, _| true) else { return false };
        let done = self.with_unit(pos, |unit, cx| layout::whitespace(unit, cx.rng));
        if done {
            self.count("whitespace");
        }
        done
    }

    /// Lines of a random provision rewrapped (blank-line documents only).
    pub fn reflow(&mut self) -> bool {
        if !self.doc.blank_lines {
            return false;
        }
        let Some(pos) = self.pick(true, |e, pos| e.unit(pos).word_count() >= 10) else {
            return false;
        };
        let done = self.with_unit(pos, |unit, cx| layout::reflow(unit, cx.rng));
        if done {
            self.count("reflowed");
        }
        done
    }

    /// A blank line added or removed after a random provision (blank-line documents).
    pub fn paragraph_break(&mut self) -> bool {
        if !self.doc.blank_lines {
            return false;
        }
        let Some(pos) = self.pick(false, |_, _| true) else { return false };
        let next_labelled = self.next_is_labelled(pos);
        let done =
            self.with_unit(pos, |unit, cx| layout::paragraph_break(unit, next_labelled, cx.rng));
        if done {
            self.count("paragraph breaks");
        }
        done
    }

    /// `true` when the unit after the item at `pos` starts with a label.
    fn next_is_labelled(&self, (s, i, _): Pos) -> bool {
        let section = &self.doc.sections[s];
        let item = &section.items[i];
        if let Some(child) = item.children.first() {
            return child.labelled && section.child_style != ListStyle::Unlabelled;
        }
        let next = section.items.get(i + 1).map(|next| &next.unit);
        let labelled = next.is_some_and(|u| u.kind == UnitKind::Provision && u.labelled);
        labelled && section.style != ListStyle::Unlabelled
    }

    /// The whole document relaid out: blank lines between paragraphs removed
    /// and wrapped paragraphs unwrapped (one paragraph per line, as a Word
    /// export), or blank lines added between all paragraphs.
    pub fn relayout(&mut self) -> bool {
        let to_blank = !self.doc.blank_lines;
        let Doc { title, sections, blank_lines, .. } = &mut self.doc;
        let units = title.iter_mut().chain(sections.iter_mut().flat_map(|section| {
            let items = section
                .items
                .iter_mut()
                .flat_map(|item| std::iter::once(&mut item.unit).chain(&mut item.children));
            section.heading.iter_mut().chain(items)
        }));
        for unit in units.filter(|u| u.after.starts_with('\n')) {
            if to_blank {
                unit.after = "\n\n".to_string();
            } else {
                unit.after = "\n".to_string();
                crate::build::unwrap(&mut unit.toks);
            }
        }
        *blank_lines = to_blank;
        self.count(if to_blank {
            "relaid out with blank lines"
        } else {
            "relaid out one paragraph per line"
        });
        true
    }

    /// A heading turned into one of its variants (`considering` to
    /// `considering further`, `Recalling further` to `Recalling`).
    pub fn heading(&mut self) -> bool {
        let candidates: Vec<usize> = (0..self.doc.sections.len())
            .filter(|&s| {
                self.doc.sections[s].heading.as_ref().is_some_and(|h| !self.touched.contains(&h.id))
            })
            .collect();
        if candidates.is_empty() {
            return false;
        }
        let s = candidates[self.rng().usize(..candidates.len())];
        let Some(heading) = self.doc.sections[s].heading.clone() else { return false };
        let text = heading_text(&heading);
        let tables =
            [texts::ITU_PREAMBLE_HEADINGS, texts::ITU_OPERATIVE_HEADINGS, texts::UN_PHRASES];
        let Some(variants) =
            tables.iter().flat_map(|t| t.iter()).find(|(h, _)| *h == text).map(|e| e.1)
        else {
            return false;
        };
        let un = heading.after == " ";
        let existing: HashSet<String> = (self.doc.sections.iter())
            .filter_map(|section| section.heading.as_ref())
            .map(heading_text)
            .collect();
        // An ITU heading never becomes a heading found elsewhere in either
        // revision (UN phrases repeat, as in the seeds).
        let fresh = |v: &&str| !existing.contains(*v) && !self.old_headings.contains(*v);
        let variants: Vec<&str> = variants.iter().copied().filter(|v| un || fresh(v)).collect();
        if variants.is_empty() {
            return false;
        }
        let variant = words(variants[self.rng().usize(..variants.len())]);
        let Editor { doc, touched, .. } = self;
        let Section { heading: Some(unit), .. } = &mut doc.sections[s] else { return false };
        wording::rephrase(unit, &variant, &mut doc.ids);
        touched.insert(unit.id);
        self.count("headings rephrased");
        true
    }

    /// The revision place and year of an ITU title changed (`REV. BUSAN, 2014`).
    pub fn title(&mut self) -> bool {
        let Some(first) = self.doc.title.first() else { return false };
        let text: Vec<String> = first.toks.iter().map(|t| t.text.clone()).collect();
        if text.first().is_none_or(|w| w != "RESOLUTION") || text.len() < 5 {
            return false;
        }
        let (place, year) = *texts::pick(
            self.rng(),
            &[("PLENIPOTENTIARY", 2018), ("DUBAI", 2018), ("BUCHAREST", 2022)],
        );
        let new = words(&format!("{} {} (REV. {place}, {year})", text[0], text[1]));
        let Doc { title, ids, .. } = &mut self.doc;
        wording::rephrase(&mut title[0], &new, ids);
        self.count("title changed");
        true
    }
}

/// A heading's words joined by spaces.
fn heading_text(heading: &Unit) -> String {
    heading.toks.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::Shape;
    use crate::texts::Source;

    #[test]
    fn an_edit_that_would_duplicate_a_text_is_refused() {
        let source = Source::new(&crate::pool());
        let mut rng = fastrand::Rng::with_seed(3);
        let mut builder = Builder::new(&source, &mut rng, Shape::ordinary(3_000));
        let old = builder.itu();
        let mut editor = Editor::new(&mut builder, &old);
        let pos = editor.pick(false, |_, _| true).unwrap();
        let other = editor.pick(false, |e, p| e.unit(p).id != e.unit(pos).id).unwrap();
        let copy = editor.unit(other).toks.clone();
        assert!(!editor.with_unit(pos, |unit, _| {
            unit.toks = copy;
            true
        }));
        assert_eq!(editor.doc, old);
    }
}
