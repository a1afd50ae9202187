//! Life across revisions, through one `check` helper run on two aligners: a
//! plain word diff built here and the project's aligner ([`crate::diff`]).

use super::track;
use crate::decode::ReadOptions;
use crate::diff::{DiffOptions, diff};
use crate::model::BracketState;
use crate::model::Document;
use crate::model::{Action, Op, Redline};
use crate::testkit::doc::{doc, redline_of, redline_with};
use std::fmt::Write;
use unicode_segmentation::UnicodeSegmentation;

/// Follows the brackets of `old` into `new` and compares a description with
/// `expected`, through the test word diff and through the project's aligner.
fn check(old: &str, new: &str, expected: &str) {
    let (old, new) = (doc(old), doc(new));
    let by_words = describe(&old, &new, &redline_of(&old, &new));
    assert_eq!(by_words.trim(), expected.trim(), "word diff:\n{by_words}");
    let by_aligner = describe(&old, &new, &diff(&old, &new, &DiffOptions::default()));
    assert_eq!(by_aligner.trim(), expected.trim(), "aligner:\n{by_aligner}");
}

/// `state [text] line:column`, with `was [...]` for a changed span.
fn describe(old: &Document, new: &Document, redline: &Redline) -> String {
    let mut out = String::new();
    for tracked in track(old, new, redline) {
        let span = &tracked.span;
        let _ =
            write!(out, "{} [{}] {}:{}", span.state.as_str(), span.text, span.line, span.column);
        if let Some(was) = &tracked.old_text {
            let _ = write!(out, " was [{was}]");
        }
        if let Some(range) = tracked.new_range.clone().filter(|_| tracked.new_bracket.is_none()) {
            let _ = write!(out, " now {:?}", &new.text[range]);
        }
        out.push('\n');
    }
    out
}

const OLD: &str = "considering\n\na) that ITU has a role; [not decided]\n\nb) that [all the responsibilities] matter\n";

#[test]
fn same_text_is_unchanged() {
    check(OLD, OLD, "unchanged [not decided] 3:25\nunchanged [all the responsibilities] 5:9");
}

#[test]
fn edited_inside_is_changed() {
    let new = OLD.replace("[not decided]", "[not yet decided]");
    check(
        OLD,
        &new,
        "changed [not yet decided] 3:25 was [not decided]\nunchanged [all the responsibilities] 5:9",
    );
}

#[test]
fn brackets_removed_around_kept_words_are_agreed() {
    let new = OLD.replace("[not decided]", "not decided");
    check(
        OLD,
        &new,
        "agreed [not decided] 3:25 now \"not decided\"\nunchanged [all the responsibilities] 5:9",
    );
}

#[test]
fn bracketed_text_deleted_is_dropped() {
    let new = OLD.replace(" [not decided]", "");
    check(OLD, &new, "dropped [not decided] 3:25\nunchanged [all the responsibilities] 5:9");
}

#[test]
fn agreed_text_put_back_in_brackets_is_rebracketed() {
    let new = OLD.replace("that ITU has a role", "that [ITU has a role]");
    check(
        OLD,
        &new,
        "rebracketed [ITU has a role] 3:9\nunchanged [not decided] 3:27\nunchanged [all the responsibilities] 5:9",
    );
}

#[test]
fn brackets_around_new_words_are_new() {
    let new = OLD.replace("matter", "matter [for the Union]");
    check(
        OLD,
        &new,
        "unchanged [not decided] 3:25\nunchanged [all the responsibilities] 5:9\nnew [for the Union] 5:43",
    );
}

/// "Development Agenda Beyond 2015" becomes "[the Post-2015 Development
/// Agenda]": a new proposal that reuses two agreed words is new, not
/// rebracketed (the res140 series, 02 to 03).
#[test]
fn a_new_proposal_reusing_a_few_agreed_words_is_new() {
    let old = "resolves\n\n1 to contribute to the debate on Development Agenda Beyond 2015 arranged by the Assembly\n";
    let new = "resolves\n\n1 to contribute to the debate on [the Post-2015 Development Agenda] arranged by the Assembly\n";
    check(old, new, "new [the Post-2015 Development Agenda] 3:34");
}

#[test]
fn nested_outer_agreed_inner_kept() {
    let old = "resolves\n\n1 to act [quickly [and fully] now]\n";
    let new = "resolves\n\n1 to act quickly [and fully] now\n";
    check(
        old,
        new,
        "agreed [quickly [and fully] now] 3:10 now \"quickly [and fully] now\"\nunchanged [and fully] 3:18",
    );
}

#[test]
fn a_suppressed_provision_drops_its_brackets_an_added_one_brings_new_ones() {
    let old = "resolves\n\n1 to act\n\n2 to [report] annually\n";
    let new = "resolves\n\n1 to act\n";
    check(old, new, "dropped [report] 5:6");
    check(new, old, "new [report] 5:6");
}

/// The provision whose brackets were removed is MOD, its only visible changes
/// are the two struck bracket characters, and its bracket is agreed.
fn check_only_brackets_struck(old: &Document, new: &Document) {
    let redline = diff(old, new, &DiffOptions::default());
    let entry = redline.entries.iter().find(|entry| entry.action != Action::Noc).unwrap();
    assert_eq!(entry.action, Action::Mod);
    let changes: Vec<(Op, &str)> = (entry.spans.iter())
        .filter(|span| span.is_visible_change())
        .map(|span| (span.op, span.text.as_str()))
        .collect();
    assert_eq!(changes, [(Op::Delete, "["), (Op::Delete, "]")]);
    let tracked = track(old, new, &redline);
    let agreed: Vec<_> = tracked.iter().filter(|t| t.span.state == BracketState::Agreed).collect();
    assert_eq!(agreed.len(), 1);
    let entry_index = redline.entries.iter().position(|e| std::ptr::eq(e, entry));
    assert_eq!(agreed[0].entry, entry_index);
}

#[test]
fn removed_brackets_are_the_only_change_in_the_redline() {
    check_only_brackets_struck(&doc(OLD), &doc(&OLD.replace("[not decided]", "not decided")));
    let fixture = |name: &str| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::load(&root.join("fixtures/diff/18-brackets-agreed").join(name), &Default::default())
            .unwrap()
    };
    check_only_brackets_struck(&fixture("old.txt"), &fixture("new.txt"));
}

#[test]
fn a_moved_provision_keeps_its_brackets() {
    let old = doc("resolves\n\n1 to [act] now\n\n2 to report\n");
    let new = doc("resolves\n\n2 to report\n\n1 to [act] now\n");
    let redline =
        redline_with(&old, &new, &[(Some(0), Some(0)), (Some(2), Some(1)), (Some(1), Some(2))]);
    let tracked = track(&old, &new, &redline);
    assert_eq!(tracked.len(), 1);
    assert_eq!((tracked[0].span.state, tracked[0].span.line), (BracketState::Unchanged, 5));
    assert_eq!(tracked[0].entry, Some(2));
}

#[test]
fn brackets_replaced_whole_are_changed_not_dropped_and_new() {
    let old = doc("resolves\n\n1 to act [now]\n");
    let new = doc("resolves\n\n1 to act [soon]\n");
    let mut redline = redline_of(&old, &new);
    let entry = &mut redline.entries[1];
    entry.spans = vec![
        crate::model::Span::new(Op::Equal, "1 to act "),
        crate::model::Span::new(Op::Delete, "[now]"),
        crate::model::Span::new(Op::Insert, "[soon]"),
        crate::model::Span::new(Op::Equal, "\n"),
    ];
    let tracked = track(&old, &new, &redline);
    assert_eq!(tracked.len(), 1, "{tracked:#?}");
    assert_eq!(tracked[0].span.state, BracketState::Changed);
    assert_eq!(tracked[0].old_text.as_deref(), Some("now"));
}

#[test]
fn tracked_brackets_carry_offsets_and_entry_for_renderers() {
    let old = doc(OLD);
    let new = doc(&OLD.replace("[not decided]", "not decided"));
    let redline = redline_of(&old, &new);
    let agreed = track(&old, &new, &redline).remove(0);
    let old_range = agreed.old_range.clone().unwrap();
    assert_eq!(&old.text[old_range], "[not decided]");
    assert_eq!(&new.text[agreed.new_range.clone().unwrap()], "not decided");
    assert_eq!(agreed.entry, Some(1));
    assert_eq!((agreed.old_bracket, agreed.new_bracket), (Some(0), None));
    let json = serde_json::to_value(&agreed).unwrap();
    for field in ["section", "label", "line", "column", "depth", "text", "words", "state"] {
        assert!(json.get(field).is_some(), "tracked bracket lacks {field}: {json}");
    }
    assert_eq!(json["state"], "agreed");
}

#[test]
fn ranges_point_at_the_brackets_on_every_fixture_pair() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut pairs: Vec<(std::path::PathBuf, std::path::PathBuf)> =
        (std::fs::read_dir(root.join("diff")).unwrap())
            .map(|entry| entry.unwrap().path())
            .map(|dir| (dir.join("old.txt"), dir.join("new.txt")))
            .collect();
    let res140: Vec<_> = [
        "01-guadalajara-2010.txt",
        "02-busan-2014-dl23-rev2.txt",
        "03-later-draft-constructed.txt",
    ]
    .map(|name| root.join("res140").join(name))
    .into();
    pairs.extend(res140.windows(2).map(|pair| (pair[0].clone(), pair[1].clone())));
    let mut followed = 0;
    for (old_path, new_path) in pairs {
        let (old, new) = (
            crate::load(&old_path, &ReadOptions::EVEN_EMPTY).unwrap(),
            crate::load(&new_path, &ReadOptions::EVEN_EMPTY).unwrap(),
        );
        for tracked in track(&old, &new, &diff(&old, &new, &DiffOptions::default())) {
            // A balanced bracket's range runs from its `[` to its `]`; an
            // unbalanced one's likely range starts at its `[` or ends at its `]`.
            let bracketed = |text: &str, balanced: bool| match balanced {
                true => text.starts_with('[') && text.ends_with(']'),
                false => text.starts_with('[') || text.ends_with(']'),
            };
            let balanced = |document: &Document, index: Option<usize>| {
                index.is_none_or(|index| document.brackets[index].close.is_some())
                    && index.is_none_or(|index| document.brackets[index].open.is_some())
            };
            if let Some(range) = tracked.old_range.clone() {
                let text = &old.text[range];
                let whole = balanced(&old, tracked.old_bracket);
                assert!(bracketed(text, whole), "{old_path:?}: {text:?}");
            }
            let new_text = tracked.new_range.clone().map(|range| &new.text[range]);
            match tracked.span.state {
                BracketState::Agreed => {
                    let kept = new_text.unwrap_or_default();
                    let shares_a_word = tracked
                        .span
                        .text
                        .unicode_words()
                        .any(|word| kept.unicode_words().any(|w| w == word));
                    assert!(shares_a_word, "{new_path:?}: {:?} now {kept:?}", tracked.span.text);
                }
                BracketState::Dropped => assert!(new_text.is_none()),
                _ => assert!(
                    new_text
                        .is_some_and(|text| bracketed(text, balanced(&new, tracked.new_bracket))),
                    "{new_path:?}"
                ),
            }
            followed += 1;
        }
    }
    assert!(followed > 40, "only {followed} brackets followed");
}
