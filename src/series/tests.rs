//! Composition tests on hand-made redlines, so they hold whatever the aligner does.
//!
//! Revisions are written as slots: `slots[i]` is the text of piece `i`, or
//! `None` where the revision lacks it. The same slot in two consecutive
//! revisions is the same piece, so the test aligner never moves anything.

use super::*;
use crate::model::Document;
use crate::model::{Action, Entry, EntryKind, Op, Span};
use crate::test_edits::{apply, edit};
use proptest::prelude::*;

type Slots = Vec<Option<String>>;

fn slots(items: &[Option<&str>]) -> Slots {
    items.iter().map(|item| item.map(str::to_string)).collect()
}

/// The text of a revision: its pieces' raw texts in slot order.
fn revision_text(revision: &Slots) -> String {
    revision.iter().flatten().map(|text| format!("{text}\n")).collect()
}

/// Piece index of each slot in a revision.
fn piece_indices(revision: &Slots) -> Vec<Option<usize>> {
    let mut next = 0;
    revision
        .iter()
        .map(|slot| {
            slot.as_ref().map(|_| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

fn char_spans(old: &str, new: &str) -> Vec<Span> {
    let diff = similar::TextDiff::from_chars(old, new);
    let op = |tag| match tag {
        similar::ChangeTag::Equal => Op::Equal,
        similar::ChangeTag::Delete => Op::Delete,
        similar::ChangeTag::Insert => Op::Insert,
    };
    diff.iter_all_changes().map(|change| Span::new(op(change.tag()), change.value())).collect()
}

fn entry(old_piece: Option<usize>, new_piece: Option<usize>, spans: Vec<Span>) -> Entry {
    let changed = spans.iter().any(|span| span.op != Op::Equal);
    let action = match (old_piece, new_piece) {
        (None, _) => Action::Add,
        (_, None) => Action::Sup,
        _ if changed => Action::Mod,
        _ => Action::Noc,
    };
    Entry {
        kind: EntryKind::Provision,
        action,
        level: 1,
        section: None,
        section_kind: None,
        old_label: old_piece.map(|piece| format!("{piece})")),
        new_label: new_piece.map(|piece| format!("{piece})")),
        moved: false,
        renumbered: false,
        typographic: false,
        layout: false,
        move_id: None,
        old_piece,
        new_piece,
        old_lines: None,
        new_lines: None,
        spans,
    }
}

/// The redline of two slot revisions, as an aligner that never moves would write it.
fn step(old: &Slots, new: &Slots) -> Redline {
    let (old_pieces, new_pieces) = (piece_indices(old), piece_indices(new));
    let mut entries = Vec::new();
    for slot in 0..old.len().max(new.len()) {
        let old_text = old.get(slot).cloned().flatten().map(|t| t + "\n").unwrap_or_default();
        let new_text = new.get(slot).cloned().flatten().map(|t| t + "\n").unwrap_or_default();
        let (old_piece, new_piece) =
            (old_pieces.get(slot).copied().flatten(), new_pieces.get(slot).copied().flatten());
        if old_piece.is_some() || new_piece.is_some() {
            entries.push(entry(old_piece, new_piece, char_spans(&old_text, &new_text)));
        }
    }
    Redline { entries, ..Redline::default() }
}

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

/// A small series built from slots, with a header, for the rendering snapshots.
fn small_series() -> Series {
    let revisions = [
        slots(&[Some("a) one <b> & \"two\""), Some("b) gone"), None]),
        slots(&[Some("a) one <b> & \"three\""), None, Some("c) added")]),
        slots(&[Some("a) one & \"three\""), None, Some("b) added, then edited")]),
    ];
    let steps: Vec<Redline> = revisions.windows(2).map(|pair| step(&pair[0], &pair[1])).collect();
    let cumulative = compose(&steps, 1);
    let labels = ["First (constructed)", "Second", "Third"];
    let revisions =
        (1..).zip(labels).map(|(n, label)| Revision::new(n, label, format!("r{n}.txt"), "UTF-8"));
    let header = Header {
        doc_number: Some("TEST/1".into()),
        proposal: Some("MOD TEST/1/1".into()),
        ..Header::default()
    };
    Series { header, revisions: revisions.collect(), steps, cumulative }
}

#[test]
fn text_rendering() {
    insta::assert_snapshot!(render(&small_series(), Format::Text).unwrap());
}

#[test]
fn html_rendering() {
    insta::assert_snapshot!(render(&small_series(), Format::Html).unwrap());
}

#[test]
fn json_rendering_has_the_contract_keys() {
    let json: serde_json::Value =
        serde_json::from_str(&render(&small_series(), Format::Json).unwrap()).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["cumulative", "header", "revisions", "steps"], "serde_json sorts keys");
    assert_eq!(
        json["revisions"][0],
        serde_json::json!({"number": 1, "label": "First (constructed)", "path": "r1.txt", "encoding": "UTF-8"})
    );
    let span = &json["cumulative"]["provisions"][1]["spans"][0];
    assert_eq!((span["inserted_in"].as_u64(), span["deleted_in"].as_u64()), (None, Some(2)));
}

/// A document of paragraphs (one unlabelled provision each), for running the real aligner
/// without the parser.
fn paragraphs(text: &str) -> Document {
    use crate::model::{Piece, PieceKind};
    let mut document =
        Document { text: text.to_string(), encoding: "UTF-8".into(), ..Document::default() };
    let mut at = text.len() - text.trim_start().len();
    document.lead = 0..at;
    while at < text.len() {
        let end = text[at..].find("\n\n").map_or(text.len(), |i| at + i);
        let raw_end = end + (text[end..].len() - text[end..].trim_start().len());
        let line = text[..at].matches('\n').count() + 1;
        document.pieces.push(Piece {
            kind: PieceKind::Provision,
            section: None,
            parent: None,
            depth: 0,
            label: None,
            raw: at..raw_end,
            content: at..end,
            lines: (line, line + text[at..end].matches('\n').count()),
            inlines: Vec::new(),
            inline_heading: false,
        });
        at = raw_end;
    }
    document
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
