//! Composing consecutive redlines into one cumulative redline, never re-diffing.
//!
//! Step `k`'s entry for new piece `j` and step `k + 1`'s entry for old piece
//! `j` are the same piece, so each entry extends the history its old piece
//! belongs to ([`super::overlay`] lays its spans over the history's spans).
//! After each step the histories are put in the step's reading order; a
//! history removed earlier stays after the history it followed.
//!
//! # Invariants
//! - Every history created is in [`Cumulative::provisions`] exactly once.
//! - A step that does not fit a history (an aligner bug) replaces that
//!   history's text whole and adds a warning; composing never panics.

use super::cumulative::{Change, Cumulative, History, LabelAt, SeriesSpan};
use super::overlay::{overlay, replace_whole};
use crate::model::{Action, Entry, EntryKind, Redline, Span, Summary};
use std::collections::{HashMap, HashSet};

/// Composes the consecutive redlines `steps` of revisions `base`,
/// `base + 1` ... `base + steps.len()` (1-based) into a cumulative redline.
pub fn compose(steps: &[Redline], base: usize) -> Cumulative {
    let mut composer = Composer::start(steps.first(), base);
    for (offset, step) in steps.iter().enumerate() {
        composer.apply(step, base + offset + 1);
    }
    composer.finish(base + steps.len())
}

/// The histories built so far and where the current revision's pieces are.
struct Composer {
    base: usize,
    lead: Vec<SeriesSpan>,
    histories: Vec<History>,
    /// History indices in reading order.
    order: Vec<usize>,
    /// Piece index in the current revision -> history index.
    by_piece: HashMap<usize, usize>,
    warnings: Vec<String>,
}

impl Composer {
    /// One history per piece of the base revision, from the first step's old side.
    fn start(first: Option<&Redline>, base: usize) -> Self {
        let mut composer = Composer {
            base,
            lead: Vec::new(),
            histories: Vec::new(),
            order: Vec::new(),
            by_piece: HashMap::new(),
            warnings: Vec::new(),
        };
        let Some(first) = first else { return composer };
        composer.lead = old_side(&first.lead);
        let mut pieces: Vec<(usize, &Entry)> = first
            .entries
            .iter()
            .filter(|entry| entry.kind != EntryKind::MoveStub)
            .filter_map(|entry| entry.old_piece.map(|piece| (piece, entry)))
            .collect();
        pieces.sort_by_key(|(piece, _)| *piece);
        for (piece, entry) in pieces {
            let history = composer.new_history(entry, None);
            composer.histories[history].spans = old_side(&entry.spans);
            composer.histories[history].labels =
                vec![LabelAt { revision: base, label: entry.old_label.clone() }];
            composer.by_piece.insert(piece, history);
            composer.order.push(history);
        }
        composer
    }

    /// Extends every history with step `step`, which leads to `revision`.
    fn apply(&mut self, step: &Redline, revision: usize) {
        self.lead =
            overlay_or_replace(&self.lead, &step.lead, revision, "the lead", &mut self.warnings);
        let mut placer = Placer::new(&self.order, &self.histories);
        let stubbed = stubbed_pieces(step);
        let mut by_piece = HashMap::new();
        for entry in &step.entries {
            if entry.kind == EntryKind::MoveStub {
                let history = stub_piece(step, entry).and_then(|p| self.by_piece.get(&p));
                history.into_iter().for_each(|&history| placer.release(history));
                continue;
            }
            let history = self.history_for(entry, revision);
            self.extend(history, entry, revision);
            placer.place(history, entry.old_piece.is_some_and(|p| stubbed.contains(&p)));
            if let Some(piece) = entry.new_piece {
                by_piece.insert(piece, history);
            }
        }
        self.order = placer.finish(&mut self.warnings, revision);
        self.by_piece = by_piece;
    }

    /// The history of the entry's old piece, or a new one for an added piece.
    fn history_for(&mut self, entry: &Entry, revision: usize) -> usize {
        match entry.old_piece.and_then(|piece| self.by_piece.get(&piece)) {
            Some(&history) => history,
            None => {
                if entry.old_piece.is_some() {
                    self.warnings.push(format!(
                        "revision {revision}: old piece {:?} of the step is unknown; shown as added",
                        entry.old_piece
                    ));
                }
                self.new_history(entry, Some(revision))
            }
        }
    }

    fn new_history(&mut self, entry: &Entry, added_in: Option<usize>) -> usize {
        self.histories.push(History {
            kind: entry.kind,
            action: Action::Noc,
            level: entry.level,
            section: entry.section.clone(),
            section_kind: entry.section_kind,
            added_in,
            removed_in: None,
            labels: Vec::new(),
            changes: Vec::new(),
            spans: Vec::new(),
        });
        self.histories.len() - 1
    }

    /// Lays the entry over its history: text, label, place, changes.
    fn extend(&mut self, history: usize, entry: &Entry, revision: usize) {
        let name = describe(entry);
        let history = &mut self.histories[history];
        history.spans =
            overlay_or_replace(&history.spans, &entry.spans, revision, &name, &mut self.warnings);
        history.level = entry.level;
        history.section.clone_from(&entry.section);
        history.section_kind = entry.section_kind;
        if entry.new_piece.is_some() {
            history.labels.push(LabelAt { revision, label: entry.new_label.clone() });
        } else {
            history.removed_in = Some(revision);
        }
        if entry.is_changed() {
            let (action, moved, renumbered) = (entry.action, entry.moved, entry.renumbered);
            history.changes.push(Change { revision, action, moved, renumbered });
        }
    }

    fn finish(mut self, latest: usize) -> Cumulative {
        for history in &mut self.histories {
            history.action = overall_action(history);
        }
        let provisions: Vec<History> =
            self.order.iter().map(|&index| self.histories[index].clone()).collect();
        let summary = summarize(&provisions);
        Cumulative {
            base: self.base,
            latest,
            summary,
            lead: self.lead,
            provisions,
            warnings: self.warnings,
        }
    }
}

/// Puts histories in a step's reading order, keeping removed ones where they stood.
struct Placer {
    /// Removed histories before the first alive one.
    leading: Vec<usize>,
    /// Removed histories following each alive one.
    trailing: HashMap<usize, Vec<usize>>,
    order: Vec<usize>,
    placed: HashSet<usize>,
    previous: Vec<usize>,
}

impl Placer {
    /// Anchors each removed history of `previous` to the alive one before it.
    fn new(previous: &[usize], histories: &[History]) -> Self {
        let mut leading = Vec::new();
        let mut trailing: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut anchor = None;
        for &history in previous {
            match (histories[history].removed_in.is_none(), anchor) {
                (true, _) => anchor = Some(history),
                (false, Some(anchor)) => trailing.entry(anchor).or_default().push(history),
                (false, None) => leading.push(history),
            }
        }
        let order = leading.clone();
        let placed = leading.iter().copied().collect();
        Placer { leading, trailing, order, placed, previous: previous.to_vec() }
    }

    /// Places `history`; the removed histories after it follow unless its
    /// move stub (`stubbed`) takes them to its old place.
    fn place(&mut self, history: usize, stubbed: bool) {
        if self.placed.insert(history) {
            self.order.push(history);
        }
        if !stubbed {
            self.release(history);
        }
    }

    /// Places the removed histories that followed `history`.
    fn release(&mut self, history: usize) {
        for follower in self.trailing.remove(&history).unwrap_or_default() {
            if self.placed.insert(follower) {
                self.order.push(follower);
            }
        }
    }

    /// The order; histories the step forgot go last, with a warning.
    fn finish(mut self, warnings: &mut Vec<String>, revision: usize) -> Vec<usize> {
        let forgotten: Vec<usize> =
            self.previous.iter().copied().filter(|h| !self.placed.contains(h)).collect();
        if !forgotten.is_empty() {
            warnings.push(format!(
                "revision {revision}: the step left out {} earlier piece(s); shown at the end",
                forgotten.len()
            ));
        }
        self.order.extend(forgotten);
        debug_assert!(self.leading.iter().all(|h| self.order.contains(h)));
        self.order
    }
}

/// Lays `step` over `history`; when it does not fit, replaces the text whole and warns.
fn overlay_or_replace(
    history: &[SeriesSpan],
    step: &[Span],
    revision: usize,
    name: &str,
    warnings: &mut Vec<String>,
) -> Vec<SeriesSpan> {
    overlay(history, step, revision).unwrap_or_else(|_| {
        warnings.push(format!(
            "revision {revision}: {name}: the step does not fit the text of revision {}; shown as replaced whole",
            revision - 1
        ));
        replace_whole(history, step, revision)
    })
}

/// The old pieces whose move stub is in the step (they moved away).
fn stubbed_pieces(step: &Redline) -> HashSet<usize> {
    let stubs = step.entries.iter().filter(|entry| entry.kind == EntryKind::MoveStub);
    stubs.filter_map(|stub| stub_piece(step, stub)).collect()
}

/// The old piece a move stub stands for: its own, or its moved entry's.
fn stub_piece(step: &Redline, stub: &Entry) -> Option<usize> {
    stub.old_piece.or_else(|| {
        let moved = step.entries.iter().filter(|entry| entry.kind != EntryKind::MoveStub);
        moved
            .filter(|entry| stub.move_id.is_some() && entry.move_id == stub.move_id)
            .find_map(|entry| entry.old_piece)
    })
}

/// The equal and deleted spans, as text of the base.
fn old_side(spans: &[Span]) -> Vec<SeriesSpan> {
    let old = spans.iter().filter(|span| span.in_old() && !span.text.is_empty());
    old.map(|span| SeriesSpan::styled(span, None, None)).collect()
}

fn describe(entry: &Entry) -> String {
    let label = entry.new_label.as_ref().or(entry.old_label.as_ref());
    match (label, &entry.section) {
        (Some(label), Some(section)) => format!("{section} {label}"),
        (Some(label), None) => label.clone(),
        (None, Some(section)) => format!("a piece of {section}"),
        (None, None) => "a piece".to_string(),
    }
}

fn overall_action(history: &History) -> Action {
    if history.removed_in.is_some() {
        Action::Sup
    } else if history.added_in.is_some() {
        Action::Add
    } else if history.changes.iter().any(|change| change.action == Action::Mod) {
        Action::Mod
    } else {
        Action::Noc
    }
}

fn summarize(provisions: &[History]) -> Summary {
    let mut summary = Summary::default();
    for history in provisions {
        match history.action {
            Action::Add => summary.add += 1,
            Action::Sup => summary.sup += 1,
            Action::Mod => summary.modified += 1,
            Action::Noc => summary.noc += 1,
        }
        summary.moved += usize::from(history.moved());
        summary.renumbered += usize::from(history.renumbered());
    }
    summary
}
