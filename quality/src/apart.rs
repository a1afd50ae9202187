//! The truth must never hinge on a coin toss, so after the edits:
//!
//! - an added provision whose words mostly match a provision suppressed or
//!   moved anywhere (it could as well be that provision, moved and edited)
//!   is rewritten, or left out when no text unlike them is found
//!   ([`Editor::keep_added_apart`]);
//! - a modified provision must be clearly more like its old self than like
//!   any other changed provision near it (where position cannot tell them
//!   apart either); otherwise its edit is undone ([`Editor::keep_neighbours_apart`]).
//!   Far apart, position tells: there the likeness of a distant provision is
//!   exactly the trap the yardstick sets.

use crate::doc::{Doc, Unit, UnitId, UnitKind};
use crate::edit::Editor;
use crate::likeness::{APART, bag, bag_dice};
use crate::norm::unit_key;
use std::collections::HashSet;

/// How much more a modified provision must be like its old self than like a neighbour.
const MARGIN: f64 = 0.1;
/// Units (in reading order, same section) within which two provisions are neighbours.
const NEAR: usize = 3;

impl Editor<'_, '_> {
    /// Rewrites every added provision that is too much like a suppressed or moved one.
    pub fn keep_added_apart(&mut self, old: &Doc) {
        let new_ids: HashSet<UnitId> = self.doc.units().iter().map(|u| u.id).collect();
        let old_ids: HashSet<UnitId> = old.units().iter().map(|u| u.id).collect();
        // Suppressed provisions, and moved ones: neither has its place to tell it apart.
        let suppressed: Vec<Vec<String>> = (old.units().into_iter())
            .filter(|u| u.kind == UnitKind::Provision)
            .filter(|u| !new_ids.contains(&u.id) || self.moved.contains(&u.id))
            .map(bag)
            .collect();
        if suppressed.is_empty() {
            return;
        }
        let too_close = |unit: &Unit| {
            let words = bag(unit);
            suppressed.iter().any(|other| bag_dice(&words, other) >= APART)
        };
        for s in 0..self.doc.sections.len() {
            let mut i = 0;
            while i < self.doc.sections[s].items.len() {
                let unit = &self.doc.sections[s].items[i].unit;
                let added = unit.kind == UnitKind::Provision && !old_ids.contains(&unit.id);
                if added
                    && too_close(unit)
                    && !self.rewrite_added(s, i, &too_close)
                    && self.removable(s, i)
                {
                    let item = self.doc.sections[s].items.remove(i);
                    self.keys.remove(&unit_key(&item.unit));
                    self.count("added provisions left out (no text unlike the suppressed ones)");
                    continue;
                }
                i += 1;
            }
        }
    }

    /// Undoes the word edits of modified provisions that are not clearly more
    /// like their old selves than like a changed neighbour.
    pub fn keep_neighbours_apart(&mut self, old: &Doc) {
        for _ in 0..3 {
            let conflicts = neighbour_conflicts(old, &self.doc);
            if conflicts.is_empty() {
                return;
            }
            for pos in conflicts {
                self.undo_edit(old, pos);
            }
        }
    }

    /// Gives the unit at `pos` its old words back (its layout as in the old revision).
    fn undo_edit(&mut self, old: &Doc, pos: crate::edit::Pos) {
        let id = self.unit(pos).id;
        let Some(before) = old.units().into_iter().find(|u| u.id == id).cloned() else { return };
        let item = &mut self.doc.sections[pos.0].items[pos.1];
        let unit = match pos.2 {
            Some(c) => &mut item.children[c],
            None => &mut item.unit,
        };
        self.keys.remove(&unit_key(unit));
        self.keys.add(&unit_key(&before));
        unit.toks = before.toks;
        unit.open = before.open;
        self.count("edits undone (too like a changed neighbour)");
    }

    /// Gives the added provision at item `i` of section `s` a new text unlike
    /// any suppressed provision, keeping its place and its layout.
    /// A list of near-identical provisions may have no text left that is
    /// unlike all of them: after twenty tries, an ordinary text is tried.
    fn rewrite_added(&mut self, s: usize, i: usize, too_close: &dyn Fn(&Unit) -> bool) -> bool {
        for attempt in 0..40 {
            let mut fresh = self.fresh_unit(s);
            if attempt >= 20 && self.doc.sections[s].near {
                let end = if self.doc.sections[s].preamble { ',' } else { ';' };
                let labelled = fresh.labelled;
                fresh = self.builder.provision(&mut self.doc, end);
                fresh.labelled = labelled;
            }
            if too_close(&fresh) {
                continue;
            }
            let unit = &mut self.doc.sections[s].items[i].unit;
            self.keys.remove(&unit_key(unit));
            self.keys.add(&unit_key(&fresh));
            unit.toks = fresh.toks;
            unit.open = None;
            self.count("added provisions rewritten (too like a suppressed or moved one)");
            return true;
        }
        false
    }
}

/// One provision of one side: where it stands and its words.
struct Placed {
    id: UnitId,
    section: usize,
    words: Vec<String>,
    key: String,
    pos: crate::edit::Pos,
}

fn provisions(doc: &Doc) -> Vec<Placed> {
    let mut out = Vec::new();
    for (s, section) in doc.sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            let units = std::iter::once((&item.unit, None))
                .chain(item.children.iter().enumerate().map(|(c, u)| (u, Some(c))));
            for (unit, child) in units {
                if unit.kind == UnitKind::Provision {
                    let (words, key) = (bag(unit), unit_key(unit));
                    out.push(Placed { id: unit.id, section: s, words, key, pos: (s, i, child) });
                }
            }
        }
    }
    out
}

/// Positions (in `new`) of modified provisions too much like a changed neighbour.
fn neighbour_conflicts(old: &Doc, new: &Doc) -> Vec<crate::edit::Pos> {
    let (old_units, new_units) = (provisions(old), provisions(new));
    let old_by_id: std::collections::HashMap<UnitId, &Placed> =
        old_units.iter().map(|p| (p.id, p)).collect();
    let old_at: std::collections::HashMap<UnitId, usize> =
        old_units.iter().enumerate().map(|(at, p)| (p.id, at)).collect();
    let new_by_id: std::collections::HashMap<UnitId, &Placed> =
        new_units.iter().map(|p| (p.id, p)).collect();
    let changed_old = |p: &Placed| new_by_id.get(&p.id).is_none_or(|n| n.key != p.key);
    let changed_new = |p: &Placed| old_by_id.get(&p.id).is_none_or(|o| o.key != p.key);
    let mut conflicts = Vec::new();
    for (n_at, n) in new_units.iter().enumerate() {
        let Some(o) = old_by_id.get(&n.id).filter(|o| o.key != n.key) else { continue };
        let own = bag_dice(&o.words, &n.words) - MARGIN;
        let o_at = old_at[&o.id];
        let near = |list: &[Placed], at: usize, section: usize| -> Vec<usize> {
            (at.saturating_sub(NEAR)..(at + NEAR + 1).min(list.len()))
                .filter(|&j| j != at && list[j].section == section)
                .collect()
        };
        let old_rival = near(&old_units, o_at, o.section)
            .into_iter()
            .map(|j| &old_units[j])
            .filter(|p| changed_old(p))
            .any(|p| bag_dice(&p.words, &n.words) >= own);
        let new_rival = near(&new_units, n_at, n.section)
            .into_iter()
            .map(|j| &new_units[j])
            .filter(|p| changed_new(p))
            .any(|p| bag_dice(&o.words, &p.words) >= own);
        if old_rival || new_rival {
            conflicts.push(n.pos);
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Ids;
    use crate::likeness::dice;
    use crate::texts::words;

    #[test]
    fn dice_counts_shared_words() {
        let mut ids = Ids::default();
        let a = ids.unit(UnitKind::Provision, &words("to take [all] measures;"), "\n");
        let b = ids.unit(UnitKind::Provision, &words("to take some steps;"), "\n");
        assert!((dice(&a, &b) - 0.5).abs() < 1e-9);
        assert_eq!(dice(&a, &a), 1.0);
    }
}
