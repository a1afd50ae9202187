//! Composition tests on hand-made redlines, so they hold whatever the aligner does.
//!
//! Revisions are written as slots ([`crate::testkit::slots`]): the same slot
//! in two consecutive revisions is the same piece, so the test aligner never
//! moves anything.

use super::*;
use crate::model::{Action, Document, EntryKind, Op, Span};
use crate::testkit::doc::paragraphs;
use crate::testkit::edits::{apply, edit};
use crate::testkit::slots::{Slots, entry, revision_text, slots, step};
use proptest::prelude::*;

fn compose_slots(revisions: &[Slots], base: usize) -> Cumulative {
    let steps: Vec<Redline> = revisions.windows(2).map(|pair| step(&pair[0], &pair[1])).collect();
    compose(&steps[base - 1..], base)
}

/// Each history in the notation of the overlay tests: `=text`, `+2text`, `-3text`.
fn show(cumulative: &Cumulative) -> Vec<String> {
    let show_span = |span: &SeriesSpan| {
        let inserted = span.inserted_in.map(|r| format!("+{r}")).unwrap_or_default();
        let deleted = span.deleted_in.map(|r| format!("-{r}")).unwrap_or_default();
        let marks = inserted + &deleted;
        let marks = if marks.is_empty() { "=".to_string() } else { marks };
        marks + &span.text.replace('\n', "¶")
    };
    let history = |h: &History| h.spans.iter().map(show_span).collect::<Vec<_>>().join(" ");
    cumulative.provisions.iter().map(history).collect()
}

fn check(revisions: &[&[Option<&str>]], expected: &[&str]) {
    let revisions: Vec<Slots> = revisions.iter().map(|r| slots(r)).collect();
    let cumulative = compose_slots(&revisions, 1);
    assert_eq!(show(&cumulative), expected);
    assert!(cumulative.warnings.is_empty(), "{:?}", cumulative.warnings);
}

#[test]
fn text_added_in_2_and_struck_in_3_shows_both() {
    check(&[&[Some("keep")], &[Some("keep more")], &[Some("keep")]], &["=keep +2-3 more =¶"]);
}

#[test]
fn a_piece_added_then_modified_is_one_history() {
    check(
        &[&[Some("a"), None], &[Some("a"), Some("new")], &[Some("a"), Some("newer")]],
        &["=a¶", "+2new +3er +2¶"],
    );
}

#[test]
fn a_removed_piece_stays_where_it_stood() {
    check(
        &[
            &[Some("a"), Some("b"), Some("c")],
            &[Some("a"), None, Some("c")],
            &[Some("a"), None, Some("c!")],
        ],
        &["=a¶", "-2b¶", "=c +3! =¶"],
    );
}

#[test]
fn histories_carry_added_removed_labels_and_overall_action() {
    let revisions = [
        slots(&[Some("a"), Some("b"), None]),
        slots(&[None, Some("b2"), Some("c")]),
        slots(&[None, Some("b2"), Some("c")]),
    ];
    let cumulative = compose_slots(&revisions, 1);
    let actions: Vec<Action> = cumulative.provisions.iter().map(|h| h.action).collect();
    assert_eq!(actions, [Action::Sup, Action::Mod, Action::Add]);
    let b = &cumulative.provisions[1];
    let labels: Vec<(usize, Option<&str>)> =
        b.labels.iter().map(|at| (at.revision, at.label.as_deref())).collect();
    assert_eq!(labels, [(1, Some("1)")), (2, Some("0)")), (3, Some("0)"))]);
    assert!(b.renumbered());
    assert_eq!(
        (cumulative.provisions[0].removed_in, cumulative.provisions[2].added_in),
        (Some(2), Some(2))
    );
    let summary = cumulative.summary;
    assert_eq!(
        (summary.add, summary.sup, summary.modified, summary.noc, summary.renumbered),
        (1, 1, 1, 0, 1)
    );
}

#[test]
fn base_starts_the_composition_later() {
    let revisions = [slots(&[Some("a")]), slots(&[Some("ab")]), slots(&[Some("abc")])];
    let cumulative = compose_slots(&revisions, 2);
    assert_eq!(show(&cumulative), ["=ab +3c =¶"]);
    assert_eq!((cumulative.base, cumulative.latest), (2, 3));
}

#[test]
fn a_step_that_does_not_fit_is_replaced_whole_with_a_warning() {
    let mut broken = step(&slots(&[Some("abc")]), &slots(&[Some("abd")]));
    broken.entries[0].spans = vec![Span::new(Op::Equal, "zzz\n")];
    let first = step(&slots(&[Some("abc")]), &slots(&[Some("abc")]));
    let cumulative = compose(&[first, broken], 1);
    assert_eq!(show(&cumulative), ["-3abc¶ +3zzz¶"]);
    assert_eq!(cumulative.warnings.len(), 1, "{:?}", cumulative.warnings);
    assert!(cumulative.warnings[0].contains("does not fit"), "{:?}", cumulative.warnings);
}

#[test]
fn a_moved_piece_is_one_history_at_its_new_place() {
    // Revision 1: x, gone, y; revision 2: x, y (gone removed); revision 3: y, x (x moved after y).
    let first =
        step(&slots(&[Some("x"), Some("gone"), Some("y")]), &slots(&[Some("x"), None, Some("y")]));
    let mut moved = entry(Some(0), Some(1), vec![Span::new(Op::Equal, "x\n")]);
    moved.moved = true;
    moved.move_id = Some(0);
    let mut stub = entry(Some(0), None, Vec::new());
    stub.kind = EntryKind::MoveStub;
    stub.move_id = Some(0);
    let y = entry(Some(1), Some(0), vec![Span::new(Op::Equal, "y\n")]);
    let second = Redline { entries: vec![stub, y, moved], ..Redline::default() };
    let cumulative = compose(&[first, second], 1);
    assert_eq!(show(&cumulative), ["-2gone¶", "=y¶", "=x¶"]);
    assert_eq!(cumulative.text_at(3), "y\nx\n");
    assert!(cumulative.provisions[2].moved());
    assert_eq!(cumulative.summary.moved, 1);
}

#[test]
fn from_documents_checks_the_number_of_revisions_and_the_base() {
    let documents =
        [crate::parse::parse_text("a\n", "UTF-8"), crate::parse::parse_text("b\n", "UTF-8")];
    let revisions =
        |count: usize| (1..=count).map(|n| Revision::new(n, "r", "p", "UTF-8")).collect();
    let error = |count, base| {
        let options = SeriesOptions { base, ..SeriesOptions::default() };
        from_documents(revisions(count), &documents[..count], &options).unwrap_err().to_string()
    };
    assert_eq!(error(1, 1), "a series needs at least two revisions; 1 given");
    assert_eq!(error(2, 2), "base revision 2 is out of range: with 2 revisions the base is 1 to 1");
    assert_eq!(error(2, 0), "base revision 0 is out of range: with 2 revisions the base is 1 to 1");
}

fn revision_strategy(width: usize) -> impl Strategy<Value = Slots> {
    prop::collection::vec(prop::option::weighted(0.7, "[ab ]{0,5}"), width)
}

proptest! {
    /// The text alive at revision r is exactly revision r's text, for every r and base.
    #[test]
    fn alive_text_is_each_revisions_text(
        revisions in (1usize..5).prop_flat_map(|width| prop::collection::vec(revision_strategy(width), 2..6)),
        base_pick in 0usize..10,
    ) {
        let base = 1 + base_pick % (revisions.len() - 1);
        let cumulative = compose_slots(&revisions, base);
        prop_assert!(cumulative.warnings.is_empty(), "{:?}", cumulative.warnings);
        for (number, revision) in (1..).zip(&revisions).skip(base - 1) {
            prop_assert_eq!(cumulative.text_at(number), revision_text(revision));
        }
    }
}

fn sentence() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the", "ITU", "role", "WSIS", "2010", "2014", "[not", "decided]", "Member", "States", "§",
        "of",
    ];
    prop::collection::vec(prop::sample::select(WORDS), 1..8).prop_map(|w| w.join(" "))
}

fn render_items(items: &[String]) -> String {
    items.iter().map(|item| format!("{item}\n\n")).collect()
}

fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// With the real aligner: every step fits, the latest text is exact and every earlier
    /// text has the same lines (moved provisions stand at their latest place).
    #[test]
    fn the_real_aligner_composes_without_warnings(
        items in prop::collection::vec(sentence(), 0..8),
        edits in prop::collection::vec(prop::collection::vec(edit(sentence, false), 0..4), 1..4),
    ) {
        let mut texts = vec![render_items(&items)];
        let mut current = items;
        for step_edits in &edits {
            current = apply(&current, step_edits);
            texts.push(render_items(&current));
        }
        let documents: Vec<Document> = texts.iter().map(|text| paragraphs(text)).collect();
        let revisions = (1..=texts.len()).map(|n| Revision::new(n, "r", "p", "UTF-8")).collect();
        let series = from_documents(revisions, &documents, &SeriesOptions::default()).unwrap();
        let cumulative = &series.cumulative;
        prop_assert!(cumulative.warnings.is_empty(), "{:?}", cumulative.warnings);
        prop_assert_eq!(&cumulative.text_at(texts.len()), texts.last().unwrap());
        for (number, text) in (1..).zip(&texts) {
            let rebuilt = cumulative.text_at(number);
            prop_assert_eq!(sorted_lines(&rebuilt), sorted_lines(text), "revision {}", number);
        }
    }
}
