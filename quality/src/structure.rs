//! Structural edits: provisions inserted, deleted, moved, split and merged
//! (the merged one at most three fifths of the survivor, and unlike it),
//! UN preambular paragraphs inserted, deleted and moved (see [`crate::edit`]
//! for the rules that keep the truth unambiguous).

use crate::doc::{Item, ListStyle, Section, Unit, UnitId, UnitKind};
use crate::edit::{Editor, Growth, Pos};
use crate::norm::unit_key;
use crate::texts::may_start_line;

/// Growth key of the UN preambular paragraphs as a whole.
const UN_PREAMBLE: UnitId = UnitId::MAX;
/// Fewest units a moved provision crosses.
const MOVE_DISTANCE: usize = 5;

/// `true` for a UN preambular paragraph (a section of its own, opened by a phrase).
pub fn is_un_preamble(section: &Section) -> bool {
    section.heading.as_ref().is_some_and(|h| h.after == " ")
}

/// `true` for a section whose provisions carry labels (moves go between those).
fn labelled(section: &Section) -> bool {
    !is_un_preamble(section) && section.style != ListStyle::Unlabelled
}

impl Editor<'_, '_> {
    fn growth_allows(&self, section: UnitId, wanted: Growth) -> bool {
        self.growth.get(&section).is_none_or(|&g| g == wanted)
    }

    fn grow(&mut self, section: UnitId, growth: Growth) {
        self.growth.insert(section, growth);
    }

    fn untouched(&self, pos: Pos) -> bool {
        let item = &self.doc.sections[pos.0].items[pos.1];
        let ids = std::iter::once(item.unit.id).chain(item.children.iter().map(|c| c.id));
        ids.into_iter().all(|id| !self.touched.contains(&id) && !self.moved.contains(&id))
    }

    /// `true` when item `i` of section `s` can go without breaking the layout:
    /// the section keeps an item, and no sub-heading is left without a provision after it.
    pub(crate) fn removable(&self, s: usize, i: usize) -> bool {
        let items = &self.doc.sections[s].items;
        let sub = |at: usize| items.get(at).is_none_or(|it| it.unit.kind == UnitKind::SubHeading);
        items.len() >= 2 && !(i > 0 && sub(i - 1) && sub(i + 1))
    }

    /// Index in reading order of the first unit of item `i` of section `s`.
    fn flat(&self, s: usize, i: usize) -> usize {
        let size = |section: &Section| {
            let items = section.items.iter().map(|it| 1 + it.children.len()).sum::<usize>();
            usize::from(section.heading.is_some()) + items
        };
        let before: usize = self.doc.sections[..s].iter().map(size).sum();
        let section = &self.doc.sections[s];
        let items: usize = section.items[..i].iter().map(|it| 1 + it.children.len()).sum();
        self.doc.title.len() + before + usize::from(section.heading.is_some()) + items
    }

    fn set_keys(&mut self, units: &[&Unit], add: bool) {
        for unit in units {
            let key = unit_key(unit);
            if add {
                self.keys.add(&key);
                self.builder.keys.add(&key);
            } else {
                self.keys.remove(&key);
            }
        }
    }

    /// A new provision inserted in a random section that may grow.
    pub fn insert(&mut self) -> bool {
        let sections: Vec<usize> = (0..self.doc.sections.len())
            .filter(|&s| !is_un_preamble(&self.doc.sections[s]))
            .filter(|&s| self.growth_allows(self.doc.sections[s].id, Growth::Grew))
            .collect();
        if sections.is_empty() {
            return false;
        }
        let s = sections[self.rng().usize(..sections.len())];
        let len = self.doc.sections[s].items.len();
        let at = self.rng().usize(..=len);
        self.insert_at(s, at)
    }

    /// A new provision inserted as item `at` of section `s`.
    pub fn insert_at(&mut self, s: usize, at: usize) -> bool {
        let unit = self.fresh_unit(s);
        self.set_keys(&[&unit], true);
        self.touched.insert(unit.id);
        self.doc.sections[s].items.insert(at, Item { unit, children: Vec::new() });
        let id = self.doc.sections[s].id;
        self.grow(id, Growth::Grew);
        self.count("provisions inserted");
        true
    }

    /// A new provision fit for section `s` (its list, its labels, its separator),
    /// with a text used nowhere yet.
    pub(crate) fn fresh_unit(&mut self, s: usize) -> Unit {
        let section = &self.doc.sections[s];
        let (near, style, preamble) = (section.near, section.style, section.preamble);
        let un_preamble = is_un_preamble(section);
        let sep = section.items.first().map_or(" ".to_string(), |it| it.unit.sep.clone());
        let doc = &mut self.doc;
        let mut unit = match style {
            _ if un_preamble => {
                let mut section = self.builder.un_preamble(doc);
                section.items.remove(0).unit
            }
            _ if near && style == ListStyle::DottedNumbers => {
                self.builder.near_duplicate(doc, "Invites Member States", ';')
            }
            _ if near => self.builder.near_duplicate(doc, "", ';'),
            ListStyle::Unlabelled => self.builder.unlabelled(doc),
            ListStyle::DottedNumbers => self.builder.un_paragraph(doc),
            _ => self.builder.provision(doc, if preamble { ',' } else { ';' }),
        };
        unit.labelled = style != ListStyle::Unlabelled;
        unit.sep = sep;
        unit
    }

    /// A random untouched provision deleted from a section that may shrink.
    pub fn delete(&mut self) -> bool {
        let Some((s, i, _)) = self.pick(false, |e, (s, i, _)| {
            let section = &e.doc.sections[s];
            !is_un_preamble(section)
                && e.growth_allows(section.id, Growth::Shrank)
                && e.untouched((s, i, None))
                && e.removable(s, i)
        }) else {
            return false;
        };
        self.delete_at(s, i)
    }

    /// Item `i` of section `s` deleted, with its sub-provisions.
    pub fn delete_at(&mut self, s: usize, i: usize) -> bool {
        let item = self.doc.sections[s].items.remove(i);
        let units: Vec<&Unit> = std::iter::once(&item.unit).chain(&item.children).collect();
        self.set_keys(&units, false);
        let id = self.doc.sections[s].id;
        self.grow(id, Growth::Shrank);
        self.count("provisions deleted");
        true
    }

    /// A random untouched provision moved (to another section when `across`),
    /// and word-edited there when `edit`.
    pub fn move_item(&mut self, across: bool, edit: bool) -> bool {
        let Some((s, i, _)) = self.pick(false, |e, (s, i, _)| {
            labelled(&e.doc.sections[s]) && e.untouched((s, i, None)) && e.removable(s, i)
        }) else {
            return false;
        };
        let Some((to_s, to_i)) = self.move_target(s, i, across) else { return false };
        let item = self.doc.sections[s].items.remove(i);
        let to_i = if to_s == s && to_i > i { to_i - 1 } else { to_i };
        let ids: Vec<UnitId> =
            std::iter::once(item.unit.id).chain(item.children.iter().map(|c| c.id)).collect();
        self.moved.extend(&ids);
        self.doc.sections[to_s].items.insert(to_i, item);
        if self.moves_ambiguous() {
            let item = self.doc.sections[to_s].items.remove(to_i);
            self.doc.sections[s].items.insert(i, item);
            ids.iter().for_each(|id| {
                self.moved.remove(id);
            });
            return false;
        }
        self.count(if across { "moved to another section" } else { "moved within a section" });
        if edit && self.unit((to_s, to_i, None)).word_count() >= 8 {
            self.word_at((to_s, to_i, None), None);
        }
        true
    }

    /// Where item `i` of section `s` may go: `MOVE_DISTANCE` units away at least.
    fn move_target(&mut self, s: usize, i: usize, across: bool) -> Option<(usize, usize)> {
        let from = self.flat(s, i);
        for _ in 0..50 {
            let count = self.doc.sections.len();
            let to_s = if across { self.rng().usize(..count) } else { s };
            if (across && to_s == s) || !labelled(&self.doc.sections[to_s]) {
                continue;
            }
            let len = self.doc.sections[to_s].items.len();
            let to_i = self.rng().usize(..=len);
            let to = if to_i == len && to_i > 0 {
                self.flat(to_s, to_i - 1) + 1
            } else {
                self.flat(to_s, to_i.min(len.saturating_sub(1)))
            };
            let inside = to_s == s && (to_i == i || to_i == i + 1);
            if !inside && from.abs_diff(to) >= MOVE_DISTANCE {
                return Some((to_s, to_i));
            }
        }
        None
    }

    /// A provision split in two: the first part stays (modified), the second is new.
    pub fn split(&mut self) -> bool {
        let Some((s, i, _)) = self.pick(false, |e, (s, i, _)| {
            let section = &e.doc.sections[s];
            let item = &section.items[i];
            !is_un_preamble(section)
                && e.growth_allows(section.id, Growth::Grew)
                && e.untouched((s, i, None))
                && item.children.is_empty()
                && item.unit.open.is_none()
                && item.unit.word_count() >= 14
                && item.unit.toks.iter().all(|t| t.text != "[" && t.text != "]")
        }) else {
            return false;
        };
        let unit = self.doc.sections[s].items[i].unit.clone();
        // The first part keeps 65% to 80% of the words: clearly the provision itself.
        let len = unit.toks.len();
        let cut = (len * 13 / 20..=len * 4 / 5).find(|&c| {
            c > 0 && c < len && !unlabelled_start(&self.doc.sections[s], &unit.toks[c].text)
        });
        let Some(cut) = cut else { return false };
        let mut first = unit.clone();
        let mut second_toks = first.toks.split_off(cut);
        let end = second_toks.last().and_then(|t| t.text.chars().last()).unwrap_or(';');
        if let Some(last) = first.toks.last_mut() {
            let kept = last.text.trim_end_matches([';', ',', '.', ':']).len();
            last.text.truncate(kept);
            last.text.push(end);
            last.space.clear();
        }
        if let Some(last) = second_toks.last_mut() {
            last.space.clear();
        }
        let second = Unit { id: self.doc.ids.unit_id(), toks: second_toks, ..first.clone() };
        let (first_key, second_key) = (unit_key(&first), unit_key(&second));
        if [&first_key, &second_key].iter().any(|k| self.keys.has(k) || self.builder.keys.has(k)) {
            return false;
        }
        self.set_keys(&[&unit], false);
        self.set_keys(&[&first, &second], true);
        self.touched.extend([first.id, second.id]);
        let items = &mut self.doc.sections[s].items;
        items[i].unit = first;
        items.insert(i + 1, Item { unit: second, children: Vec::new() });
        let id = self.doc.sections[s].id;
        self.grow(id, Growth::Grew);
        self.count("provisions split");
        true
    }

    /// Two neighbouring provisions merged: the first stays (modified), the second goes.
    pub fn merge(&mut self) -> bool {
        let Some((s, i, _)) = self.pick(false, |e, (s, i, _)| {
            let section = &e.doc.sections[s];
            let Some(next) = section.items.get(i + 1) else { return false };
            let item = &section.items[i];
            let plain = |it: &Item| {
                it.unit.kind == UnitKind::Provision
                    && it.children.is_empty()
                    && it.unit.open.is_none()
            };
            !is_un_preamble(section)
                && e.growth_allows(section.id, Growth::Shrank)
                && e.untouched((s, i, None))
                && e.untouched((s, i + 1, None))
                && plain(item)
                && plain(next)
                && next.unit.word_count() * 5 <= item.unit.word_count() * 3
                && crate::likeness::dice(&item.unit, &next.unit) < crate::likeness::APART
                && e.removable(s, i + 1)
        }) else {
            return false;
        };
        let next = self.doc.sections[s].items[i + 1].unit.clone();
        let mut merged = self.doc.sections[s].items[i].unit.clone();
        let before = merged.clone();
        if let Some(last) = merged.toks.last_mut() {
            let kept = last.text.trim_end_matches([';', ',', '.', ':']).len();
            last.text.truncate(kept);
            last.text.push(',');
            last.space = " ".to_string();
        }
        merged.toks.push(self.doc.ids.tok("and"));
        merged.toks.extend(next.toks.iter().cloned());
        let key = unit_key(&merged);
        if self.keys.has(&key) || self.builder.keys.has(&key) {
            return false;
        }
        self.set_keys(&[&before, &next], false);
        self.set_keys(&[&merged], true);
        self.touched.insert(merged.id);
        self.doc.sections[s].items[i].unit = merged;
        self.doc.sections[s].items.remove(i + 1);
        let id = self.doc.sections[s].id;
        self.grow(id, Growth::Shrank);
        self.count("provisions merged");
        true
    }

    /// The trap of a position-blind aligner: a provision edited in place so
    /// that it comes closer to a provision far away (in another section, or
    /// ten places off), which is deleted. The truth draws the simpler story:
    /// the provision modified where it stands, the distant one suppressed
    /// (not: the distant one moved here and edited, this one suppressed).
    pub fn rival_trap(&mut self) -> bool {
        let Some(pos) =
            self.pick(false, |e, pos| e.untouched(pos) && e.unit(pos).word_count() >= 8)
        else {
            return false;
        };
        let Some(rival) = self.rival_of(pos) else { return false };
        let (p, q) = (self.unit(pos).clone(), self.unit(rival).clone());
        let differing: Vec<usize> =
            (0..p.toks.len()).filter(|&i| p.toks[i].text != q.toks[i].text).collect();
        // All the differences but one: the edited text stays unlike the rival's.
        let taken = &differing[..differing.len() - 1];
        let edited = self.with_unit(pos, |unit, cx| {
            for &i in taken {
                let space = unit.toks[i].space.clone();
                unit.toks[i] = crate::doc::Tok { space, ..cx.ids.tok(&q.toks[i].text) };
            }
            let own = crate::likeness::dice(&p, unit);
            own >= 0.55 && crate::likeness::dice(&q, unit) > own + 0.05
        });
        if !edited {
            return false;
        }
        self.touched.insert(p.id);
        self.delete_at(rival.0, rival.1);
        self.count("rival traps (edited towards a distant provision, which is deleted)");
        true
    }

    /// A distant untouched provision that differs from the one at `pos` in
    /// two to four words at the same places, and may be deleted.
    fn rival_of(&mut self, pos: Pos) -> Option<Pos> {
        let p = self.unit(pos).clone();
        let mut found = Vec::new();
        for (s, section) in self.doc.sections.iter().enumerate() {
            for (i, item) in section.items.iter().enumerate() {
                let q = &item.unit;
                let far = s != pos.0 || i.abs_diff(pos.1) >= 10;
                let same_shape = q.kind == UnitKind::Provision && q.toks.len() == p.toks.len();
                if !far || !same_shape || !item.children.is_empty() {
                    continue;
                }
                let differing =
                    (p.toks.iter().zip(&q.toks)).filter(|(a, b)| a.text != b.text).count();
                let free = self.untouched((s, i, None)) && self.removable(s, i);
                if (2..=4).contains(&differing)
                    && free
                    && self.growth_allows(section.id, Growth::Shrank)
                {
                    found.push((s, i, None));
                }
            }
        }
        (!found.is_empty()).then(|| found[self.rng().usize(..found.len())])
    }

    /// An insertion or deletion early in a labelled section, then word edits
    /// of one or two provisions after it: relabelled and edited in place.
    pub fn relabel_and_edit(&mut self) -> bool {
        let sections: Vec<usize> = (0..self.doc.sections.len())
            .filter(|&s| labelled(&self.doc.sections[s]) && self.doc.sections[s].items.len() >= 4)
            .collect();
        if sections.is_empty() {
            return false;
        }
        let s = sections[self.rng().usize(..sections.len())];
        let at = self.rng().usize(..2);
        let grows = self.rng().bool();
        let id = self.doc.sections[s].id;
        let done = if grows && self.growth_allows(id, Growth::Grew) {
            self.insert_at(s, at)
        } else if self.growth_allows(id, Growth::Shrank)
            && self.untouched((s, at, None))
            && self.removable(s, at)
        {
            self.delete_at(s, at)
        } else {
            false
        };
        if !done {
            return false;
        }
        let edits = self.rng().usize(1..=2);
        let len = self.doc.sections[s].items.len();
        for index in (at + 1..len).take(edits) {
            let pos = (s, index, None);
            if self.untouched(pos) && self.unit(pos).word_count() >= 8 {
                let rewrite = self.rng().bool().then_some(crate::wording::WordEdit::Rewrite);
                self.word_at(pos, rewrite);
            }
        }
        true
    }

    fn un_preambles(&self) -> Vec<usize> {
        (0..self.doc.sections.len()).filter(|&s| is_un_preamble(&self.doc.sections[s])).collect()
    }

    fn section_untouched(&self, s: usize) -> bool {
        let section = &self.doc.sections[s];
        let ids = section.heading.iter().chain(section.items.iter().map(|it| &it.unit));
        ids.into_iter().all(|u| !self.touched.contains(&u.id) && !self.moved.contains(&u.id))
    }

    /// A UN preambular paragraph moved to another place among them.
    pub fn un_move(&mut self) -> bool {
        let preambles = self.un_preambles();
        if preambles.len() < 6 {
            return false;
        }
        for _ in 0..50 {
            let from = preambles[self.rng().usize(..preambles.len())];
            let to = preambles[self.rng().usize(..preambles.len())];
            if from.abs_diff(to) < 3 || !self.section_untouched(from) {
                continue;
            }
            let section = self.doc.sections.remove(from);
            let ids: Vec<UnitId> = section
                .heading
                .iter()
                .map(|h| h.id)
                .chain(section.items.iter().map(|it| it.unit.id))
                .collect();
            self.moved.extend(&ids);
            let to = if to > from { to - 1 } else { to };
            self.doc.sections.insert(to, section);
            if self.moves_ambiguous() {
                let section = self.doc.sections.remove(to);
                self.doc.sections.insert(from, section);
                ids.iter().for_each(|id| {
                    self.moved.remove(id);
                });
                continue;
            }
            self.count("UN paragraphs moved");
            return true;
        }
        false
    }

    /// A new UN preambular paragraph, before a random one.
    pub fn un_insert(&mut self) -> bool {
        let preambles = self.un_preambles();
        if preambles.is_empty() || !self.growth_allows(UN_PREAMBLE, Growth::Grew) {
            return false;
        }
        let at = preambles[self.rng().usize(..preambles.len())];
        let section = self.builder.un_preamble(&mut self.doc);
        let units: Vec<&Unit> = section.items.iter().map(|it| &it.unit).collect();
        self.set_keys(&units, true);
        self.touched.extend(section.heading.iter().map(|h| h.id));
        self.touched.extend(section.items.iter().map(|it| it.unit.id));
        self.doc.sections.insert(at, section);
        self.grow(UN_PREAMBLE, Growth::Grew);
        self.count("UN paragraphs inserted");
        true
    }

    /// A random untouched UN preambular paragraph deleted.
    pub fn un_delete(&mut self) -> bool {
        let preambles = self.un_preambles();
        if preambles.len() < 3 || !self.growth_allows(UN_PREAMBLE, Growth::Shrank) {
            return false;
        }
        let s = preambles[self.rng().usize(..preambles.len())];
        if !self.section_untouched(s) {
            return false;
        }
        let section = self.doc.sections.remove(s);
        let units: Vec<&Unit> = section.items.iter().map(|it| &it.unit).collect();
        self.set_keys(&units, false);
        self.grow(UN_PREAMBLE, Growth::Shrank);
        self.count("UN paragraphs deleted");
        true
    }
}

/// `true` when `word` may not open an unlabelled provision of `section`.
fn unlabelled_start(section: &Section, word: &str) -> bool {
    section.style == ListStyle::Unlabelled && !may_start_line(word)
}
