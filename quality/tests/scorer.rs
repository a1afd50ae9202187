//! The truth and the scorer on small hand-made pairs whose counts are known,
//! and on redlines spoiled on purpose.

use quality::doc::{Doc, Ids, Item, ListStyle, Section, Unit, UnitKind};
use quality::score::{Case, Scored, score, score_redline};
use quality::stats::Stats;
use quality::texts::words;
use quality::truth::{Truth, truth};
use quality::write::write;
use redline::diff::{DiffOptions, diff};
use redline::model::{Action, Op, Redline, Span};
use redline::parse::parse_text;
use std::collections::HashSet;

fn unit(ids: &mut Ids, kind: UnitKind, text: &str) -> Unit {
    let mut unit = ids.unit(kind, &words(text), "\n\n");
    unit.labelled = kind == UnitKind::Provision;
    unit.sep = "\t".to_string();
    unit
}

fn section(ids: &mut Ids, heading: &str, style: ListStyle, texts: &[&str]) -> Section {
    let items = texts
        .iter()
        .map(|text| Item { unit: unit(ids, UnitKind::Provision, text), children: Vec::new() })
        .collect();
    Section {
        id: ids.unit_id(),
        heading: Some(unit(ids, UnitKind::Heading, heading)),
        style,
        child_style: ListStyle::Bullets,
        preamble: style == ListStyle::Letters,
        near: false,
        items,
    }
}

/// A small ITU resolution.
fn old_doc() -> Doc {
    let mut doc = Doc::new(true);
    let title = unit(&mut doc.ids, UnitKind::Title, "RESOLUTION 140 (REV. BUSAN, 2014)");
    doc.title.push(title);
    let recalling = [
        "the outcomes of the World Summit on the Information Society,",
        "Resolution 73 of the Plenipotentiary Conference on the holding of both phases,",
        "the Geneva Declaration of Principles and the Geneva Plan of Action adopted in 2003,",
        "the Tunis Commitment and the Tunis Agenda for the Information Society,",
    ];
    let resolves = [
        "that ITU's work shall continue within its mandate and existing resources;",
        "to report on progress to the Council every year until the next conference;",
        "to invite Member States to take part in the 2016-2019 review of the outcomes;",
    ];
    let s = section(&mut doc.ids, "recalling", ListStyle::Letters, &recalling);
    doc.sections.push(s);
    let s = section(&mut doc.ids, "resolves", ListStyle::Numbers, &resolves);
    doc.sections.push(s);
    doc
}

/// The known edits: one provision added (its followers relettered), one
/// deleted (its follower renumbered), one word replaced, one apostrophe
/// curled, one double space.
fn new_doc(old: &Doc) -> Doc {
    let mut doc = old.clone();
    let added = unit(
        &mut doc.ids,
        UnitKind::Provision,
        "the decisions of the Council on cybersecurity and child online protection,",
    );
    doc.sections[0].items.insert(0, Item { unit: added, children: Vec::new() });
    doc.sections[1].items.remove(1);
    let replaced = doc.ids.tok("Istanbul");
    let tunis = &mut doc.sections[0].items[4].unit;
    tunis.toks[1] = quality::doc::Tok { space: " ".into(), ..replaced };
    doc.sections[1].items[0].unit.toks[1].text = "ITU\u{2019}s".to_string();
    doc.sections[0].items[2].unit.toks[3].space = "  ".to_string();
    doc
}

fn generated() -> (String, String, Truth) {
    let (old, new) = (old_doc(), new_doc(&old_doc()));
    let (old_written, new_written) = (write(&old), write(&new));
    let truth = truth((&old, &old_written), (&new, &new_written), &HashSet::new());
    (old_written.text, new_written.text, truth)
}

#[test]
fn the_truth_of_known_edits() {
    let (old, new, truth) = generated();
    assert!(old.contains("d)\tthe Tunis Commitment"));
    assert!(new.contains("e)\tthe Istanbul Commitment"));
    assert_eq!(truth.new_pair.iter().filter(|p| p.is_none()).count(), 1, "one ADD");
    assert_eq!(truth.old_pair.iter().filter(|p| p.is_none()).count(), 1, "one SUP");
    let modified: Vec<_> = truth.pairs.iter().filter(|p| p.modified).collect();
    assert_eq!(modified.len(), 1, "one MOD");
    let deleted: Vec<&str> = modified[0].deleted.iter().map(|r| &old[r.clone()]).collect();
    let inserted: Vec<&str> = modified[0].inserted.iter().map(|r| &new[r.clone()]).collect();
    assert_eq!((deleted, inserted), (vec!["Tunis"], vec!["Istanbul"]));
    let renumbered = truth.pairs.iter().filter(|p| p.renumbered).count();
    assert_eq!(renumbered, 5, "four relettered, one renumbered");
    assert_eq!(truth.pairs.iter().filter(|p| p.typographic).count(), 1);
    assert_eq!(truth.pairs.iter().filter(|p| p.layout).count(), 1);
    assert!(truth.pairs.iter().all(|p| !p.moved));
}

fn scored(spoil: impl FnOnce(&mut Redline)) -> Scored {
    let (old, new, truth) = generated();
    let (old_doc, new_doc) = (parse_text(&old, "UTF-8"), parse_text(&new, "UTF-8"));
    let mut redline = diff(&old_doc, &new_doc, &DiffOptions::default());
    spoil(&mut redline);
    score_redline(Case { old: &old, new: &new, truth: &truth }, (&old_doc, &new_doc), &redline)
}

fn f1s(stats: &Stats) -> [f64; 4] {
    stats.actions.map(|a| a.f1())
}

#[test]
fn an_identical_pair_is_all_noc() {
    let old = write(&old_doc());
    let truth = truth((&old_doc(), &old), (&old_doc(), &old), &HashSet::new());
    let stats = score(Case { old: &old.text, new: &old.text, truth: &truth }).stats;
    assert_eq!(stats.actions[3].f1(), 1.0);
    assert_eq!(stats.actions[3].truth, stats.units / 2);
    assert!(stats.actions[..3].iter().all(|a| a.predicted == 0 && a.truth == 0));
    assert!(stats.exact.iter().all(|e| e.count == 1));
}

#[test]
fn a_right_redline_scores_perfectly() {
    let stats = scored(|_| {}).stats;
    assert_eq!(f1s(&stats), [1.0; 4]);
    assert_eq!(stats.pairing.recall(), 1.0);
    assert_eq!(stats.false_mod.map(|s| (s.count, s.of)), [(0, 4), (0, 1), (0, 1)]);
    assert_eq!((stats.word_pairs, stats.struck, stats.deleted, stats.excess_struck), (1, 1, 1, 0));
}

#[test]
fn a_typographic_change_marked_mod_is_a_false_mod() {
    let stats = scored(|redline| {
        let entry =
            redline.entries.iter_mut().find(|e| e.typographic).expect("the typographic entry");
        entry.action = Action::Mod;
    })
    .stats;
    assert_eq!(stats.false_mod[2].count, 1);
    assert_eq!(stats.actions[2].predicted, 2);
    assert_eq!(stats.actions[2].hits, 1);
    assert_eq!(stats.actions[3].hits, stats.actions[3].truth - 1);
}

#[test]
fn two_headings_swapped_are_two_wrong_pairs() {
    let stats = scored(|redline| {
        let unchanged: Vec<usize> = (0..redline.entries.len())
            .filter(|&e| redline.entries[e].kind == redline::model::EntryKind::Heading)
            .collect();
        let (a, b) = (unchanged[0], unchanged[1]);
        let old_a = redline.entries[a].old_piece;
        redline.entries[a].old_piece = redline.entries[b].old_piece;
        redline.entries[b].old_piece = old_a;
    })
    .stats;
    assert_eq!(stats.pairing.hits, stats.pairing.truth - 2);
    assert_eq!(stats.actions[3].hits, stats.actions[3].truth - 2);
}

#[test]
fn a_rewritten_provision_strikes_unchanged_words() {
    let stats = scored(|redline| {
        let entry =
            redline.entries.iter_mut().find(|e| e.action == Action::Mod).expect("the MOD entry");
        let (old, new) = (entry.old_text(), entry.new_text());
        entry.spans = vec![Span::new(Op::Delete, old), Span::new(Op::Insert, new)];
    })
    .stats;
    assert_eq!(stats.word_pairs, 1);
    assert_eq!(stats.deleted, 1);
    assert!(stats.struck > 5 && stats.excess_struck == stats.struck - 1, "{stats:?}");
    assert!(stats.long_runs >= 1);
    assert_eq!(stats.exact[0].count, 1, "the texts still read back");
}
