//! The generator keeps its promises: deterministic from the seed, and a
//! ground truth that never hinges on a coin toss.

use quality::doc::{Unit, UnitId, UnitKind};
use quality::likeness::{APART, dice};
use quality::scenario::{Generated, SCENARIOS};
use quality::texts::Source;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static SOURCE: LazyLock<Source> = LazyLock::new(quality::source);

/// Two small pairs of every scenario.
static PAIRS: LazyLock<Vec<(&'static str, Generated)>> = LazyLock::new(|| {
    let small = |s: &quality::scenario::Scenario| s.sized(12_000);
    (SCENARIOS.iter().map(small))
        .flat_map(|s| (0..2).map(move |i| (s.name, s.generate(&SOURCE, 5, i))))
        .collect()
});

fn by_id(units: Vec<&Unit>) -> HashMap<UnitId, &Unit> {
    units.into_iter().map(|u| (u.id, u)).collect()
}

/// The old and new units of a pair, by id.
fn units(generated: &Generated) -> (HashMap<UnitId, &Unit>, HashMap<UnitId, &Unit>) {
    (by_id(generated.old_doc.units()), by_id(generated.new_doc.units()))
}

#[test]
fn the_same_seed_gives_the_same_pairs_and_another_seed_others() {
    let scenario = SCENARIOS[0].sized(8_000);
    let (a, b) = (scenario.generate(&SOURCE, 1, 0), scenario.generate(&SOURCE, 1, 0));
    assert_eq!((&a.old, &a.new), (&b.old, &b.new));
    let c = scenario.generate(&SOURCE, 2, 0);
    assert_ne!(a.old, c.old);
}

#[test]
fn every_scenario_makes_edits_and_the_texts_change() {
    for (name, generated) in PAIRS.iter() {
        assert!(!generated.edits.is_empty(), "{name}: no edit");
        assert_ne!(generated.old, generated.new, "{name}");
    }
}

#[test]
fn provision_texts_are_unique_on_each_side() {
    for (name, generated) in PAIRS.iter() {
        for units in [&generated.truth.old, &generated.truth.new] {
            let mut seen = HashSet::new();
            for unit in units.iter().filter(|u| u.kind == UnitKind::Provision) {
                assert!(seen.insert(unit.class), "{name}: two provisions with one text");
            }
        }
    }
}

#[test]
fn units_are_written_in_order_and_cover_the_text() {
    for (name, generated) in PAIRS.iter() {
        for (units, text) in
            [(&generated.truth.old, &generated.old), (&generated.truth.new, &generated.new)]
        {
            let mut end = 0;
            for unit in units {
                assert_eq!(unit.range.start, end, "{name}: a gap before a unit");
                assert_eq!(unit.anchor, unit.range.start, "{name}");
                assert!(!text[unit.anchor..].starts_with(char::is_whitespace), "{name}");
                end = unit.range.end;
            }
            assert_eq!(end, text.len(), "{name}");
        }
    }
}

#[test]
fn modified_units_keep_more_than_half_of_their_words() {
    for (name, generated) in PAIRS.iter() {
        let (old, new) = units(generated);
        for pair in generated.truth.pairs.iter().filter(|p| p.modified) {
            let id = generated.truth.new[pair.new].id;
            let similarity = dice(old[&id], new[&id]);
            assert!(similarity > 0.5, "{name}: a MOD pair keeps too few words ({similarity})");
        }
    }
}

#[test]
fn added_provisions_are_unlike_suppressed_ones() {
    for (name, generated) in PAIRS.iter() {
        let (old, new) = units(generated);
        let truth = &generated.truth;
        let added = (0..truth.new.len())
            .filter(|&n| truth.new_pair[n].is_none())
            .map(|n| new[&truth.new[n].id]);
        let suppressed: Vec<&Unit> = (0..truth.old.len())
            .filter(|&o| truth.old_pair[o].is_none())
            .map(|o| old[&truth.old[o].id])
            .collect();
        for a in added.filter(|u| u.kind == UnitKind::Provision) {
            for s in suppressed.iter().filter(|u| u.kind == UnitKind::Provision) {
                assert!(dice(a, s) < APART, "{name}: an added provision is like a suppressed one");
            }
        }
    }
}

#[test]
fn moves_are_made_and_never_ambiguous_when_made_alone() {
    let moves: Vec<&Generated> =
        PAIRS.iter().filter(|(name, _)| *name == "moves").map(|(_, g)| g).collect();
    let moved: usize = moves.iter().map(|g| g.truth.pairs.iter().filter(|p| p.moved).count()).sum();
    assert!(moved > 0);
    assert!(moves.iter().all(|g| g.truth.pairs.iter().all(|p| !p.move_ambiguous)));
}

#[test]
fn layout_and_typography_scenarios_change_no_text() {
    for (name, generated) in
        PAIRS.iter().filter(|(name, _)| ["layout", "typography"].contains(name))
    {
        let truth = &generated.truth;
        assert!(truth.pairs.iter().all(|p| !p.modified), "{name}");
        assert!(truth.new_pair.iter().chain(&truth.old_pair).all(Option::is_some), "{name}");
        let flagged = truth.pairs.iter().filter(|p| p.layout || p.typographic).count();
        assert!(flagged > 0, "{name}");
    }
}

#[test]
fn near_identical_lists_set_rival_traps() {
    let traps: usize = (PAIRS.iter())
        .filter(|(name, _)| *name == "near-duplicates")
        .filter_map(|(_, g)| {
            g.edits.iter().find(|(kind, _)| kind.starts_with("rival traps")).map(|(_, n)| *n)
        })
        .sum();
    assert!(traps > 0);
}
