//! Aligner tests on small documents built by the test document builder
//! ([`crate::testkit::doc`]): paragraphs separated by blank lines, `a)`/`1`
//! labels, lower-case heading lines.

mod props;

use super::*;
use crate::model::{Action, EntryKind, Redline};
use crate::testkit::doc::doc;

fn run(old: &str, new: &str) -> Redline {
    let (old, new) = (doc(old), doc(new));
    let redline = diff(&old, &new, &DiffOptions::default());
    assert_eq!(redline.old_text(), old.text, "reject must give the old text");
    assert_eq!(redline.new_text(), new.text, "accept must give the new text");
    redline
}

/// One line per entry: action, flags, labels and the marked text.
pub fn outline(redline: &Redline) -> String {
    let mut out = String::new();
    for entry in &redline.entries {
        let mut flags = String::new();
        for (on, name) in [
            (entry.moved, " moved"),
            (entry.renumbered, " renumbered"),
            (entry.typographic, " typographic"),
            (entry.layout, " layout"),
        ] {
            if on {
                flags.push_str(name);
            }
        }
        let kind = match entry.kind {
            EntryKind::MoveStub => "stub ",
            EntryKind::Heading => "head ",
            EntryKind::Title => "title",
            EntryKind::Provision => "prov ",
        };
        let text: String = entry.spans.iter().map(marked).collect();
        out.push_str(&format!("{kind} {}{flags} | {}\n", entry.action.as_str(), text.trim_end()));
    }
    out
}

fn marked(span: &crate::model::Span) -> String {
    use crate::model::{Op, Role};
    match (span.op, span.role) {
        (Op::Equal, _) => span.text.clone(),
        (Op::Delete, Role::Layout | Role::Typographic) => String::new(),
        (Op::Insert, Role::Layout | Role::Typographic) => span.text.clone(),
        (Op::Delete, _) => format!("[-{}-]", span.text),
        (Op::Insert, _) => format!("{{+{}+}}", span.text),
    }
}

fn check(old: &str, new: &str, expected: &str) {
    let redline = run(old, new);
    assert_eq!(outline(&redline), expected, "\n{}", outline(&redline));
}

#[test]
fn identical_documents_are_all_noc() {
    let text = "RES 1\n\nrecalling\n\na) one thing;\n\nb) another,\n";
    check(
        text,
        text,
        "title NOC | RES 1\nhead  NOC | recalling\nprov  NOC | a) one thing;\nprov  NOC | b) another,\n",
    );
}

#[test]
fn title_year_and_place_replaced_word_by_word() {
    check(
        "RESOLUTION 140 (REV. GUADALAJARA, 2010)\n",
        "RESOLUTION 140 (REV. BUSAN, 2014)\n",
        "title MOD | RESOLUTION 140 (REV. [-GUADALAJARA, 2010-]{+BUSAN, 2014+})\n",
    );
}

#[test]
fn item_inserted_mid_list_renumbers_followers_without_text_changes() {
    check(
        "T\n\nrecalling\n\na) alpha text here;\n\nb) beta text here;\n\nc) gamma text here,\n",
        "T\n\nrecalling\n\na) alpha text here;\n\nb) inserted new item;\n\nc) beta text here;\n\nd) gamma text here,\n",
        "title NOC | T\nhead  NOC | recalling\nprov  NOC | a) alpha text here;\nprov  ADD | {+b) inserted new item;\n\n+}\nprov  NOC renumbered | [-b)-]{+c)+} beta text here;\nprov  NOC renumbered | [-c)-]{+d)+} gamma text here,\n",
    );
}

#[test]
fn item_deleted_with_relabelling() {
    check(
        "T\n\nrecalling\n\na) alpha text here;\n\nb) beta text here;\n\nc) gamma text here,\n",
        "T\n\nrecalling\n\na) alpha text here;\n\nb) gamma text here,\n",
        "title NOC | T\nhead  NOC | recalling\nprov  NOC | a) alpha text here;\nprov  SUP | [-b) beta text here;\n\n-]\nprov  NOC renumbered | [-c)-]{+b)+} gamma text here,\n",
    );
}

#[test]
fn moved_provision_renders_once_with_a_stub() {
    check(
        "T\n\nresolves\n\n1 first decision here;\n\n2 second decision here;\n\n3 third decision here;\n",
        "T\n\nresolves\n\n1 second decision here;\n\n2 third decision here;\n\n3 first decision here;\n",
        "title NOC | T\nhead  NOC | resolves\nstub  NOC moved | \nprov  NOC renumbered | [-2-]{+1+} second decision here;\nprov  NOC renumbered layout | [-3-]{+2+} third decision here;\nprov  NOC moved renumbered layout | [-1-]{+3+} first decision here;\n",
    );
}

#[test]
fn moved_to_another_section_and_edited() {
    check(
        "T\n\nrecalling\n\na) the report on the implementation of outcomes;\n\nb) stays here;\n\nresolves\n\n1 to act now;\n",
        "T\n\nrecalling\n\na) stays here;\n\nresolves\n\n1 to act now;\n\n2 the final report on the implementation of outcomes;\n",
        "title NOC | T\nhead  NOC | recalling\nstub  NOC moved | \nprov  NOC renumbered | [-b)-]{+a)+} stays here;\nhead  NOC | resolves\nprov  NOC layout | 1 to act now;\nprov  MOD moved renumbered layout | [-a)-]{+2+} the {+final +}report on the implementation of outcomes;\n",
    );
}

#[test]
fn too_different_is_sup_and_add() {
    check(
        "T\n\nrecalling\n\na) the quick brown fox jumps over the lazy dog;\n",
        "T\n\nrecalling\n\na) an entirely different provision about spectrum;\n",
        "title NOC | T\nhead  NOC | recalling\nprov  SUP | [-a) the quick brown fox jumps over the lazy dog;\n-]\nprov  ADD | {+a) an entirely different provision about spectrum;\n+}\n",
    );
}

#[test]
fn similar_enough_is_mod() {
    check(
        "T\n\nrecalling\n\na) the role of ITU in building the information society;\n",
        "T\n\nrecalling\n\na) the leading role of ITU in building the inclusive information society;\n",
        "title NOC | T\nhead  NOC | recalling\nprov  MOD | a) the {+leading +}role of ITU in building the {+inclusive +}information society;\n",
    );
}

#[test]
fn changed_heading_is_modified() {
    check(
        "T\n\nconsidering further\n\na) text one here;\n",
        "T\n\nconsidering also\n\na) text one here;\n",
        "title NOC | T\nhead  MOD | considering [-further-]{+also+}\nprov  NOC | a) text one here;\n",
    );
}

#[test]
fn reflow_and_typography_are_noc() {
    let redline = run(
        "T\n\nrecalling\n\na) ITU\u{2019}s role in the\ninformation society;\n",
        "T\n\nrecalling\n\na) ITU's role in the information society;\n",
    );
    let entry = &redline.entries[2];
    assert_eq!((entry.action, entry.typographic, entry.layout), (Action::Noc, true, true));
}

#[test]
fn strict_shows_typography_as_changes() {
    let (old, new) = (
        doc("T\n\nrecalling\n\na) ITU\u{2019}s role;\n"),
        doc("T\n\nrecalling\n\na) ITU's role;\n"),
    );
    let redline = diff(&old, &new, &DiffOptions { strict: true });
    assert_eq!(redline.entries[2].action, Action::Mod);
}

#[test]
fn empty_old_or_new() {
    check("", "T\n\nrecalling\n", "title ADD | {+T\n\n+}\nhead  ADD | {+recalling\n+}\n");
    check("T\n", "", "title SUP | [-T\n-]\n");
    check("", "", "");
}

#[test]
fn summary_counts_actions_and_flags() {
    let redline = run(
        "T\n\nrecalling\n\na) alpha text here;\n\nb) beta text here;\n",
        "T\n\nrecalling\n\na) inserted item text;\n\nb) alpha text here;\n\nc) beta text changed here;\n",
    );
    let s = redline.summary;
    assert_eq!((s.add, s.sup, s.modified, s.noc, s.moved, s.renumbered), (1, 0, 1, 3, 0, 2));
}

#[test]
fn a_hundred_provisions_with_one_text_earn_a_warning() {
    let body: String =
        (1..=120).map(|n| format!("{n}\tto take all possible measures;\n")).collect();
    let old = format!("resolves\n\n{body}");
    let new = old.replacen("possible", "necessary", 1);
    let parse = |text: &str| crate::parse::parse_text(text, "UTF-8");
    let redline = diff(&parse(&old), &parse(&new), &DiffOptions::default());
    let warning = redline.warnings.iter().find(|w| w.contains("same text"));
    let warning = warning.unwrap_or_else(|| panic!("no warning in {:?}", redline.warnings));
    assert!(warning.starts_with("120 provisions of the old text"), "{warning}");
    let few = &old[..old.len() / 2];
    assert!(diff(&parse(few), &parse(few), &DiffOptions::default()).warnings.is_empty());
}

#[test]
fn a_provision_too_long_for_a_word_diff_earns_a_warning() {
    let words: Vec<String> = (0..3_000).map(|n| format!("w{n}")).collect();
    let old = format!("resolves\n\n1\t{}\n", words.join(" "));
    let new = old.replacen("w10 ", "changed ", 1).replacen("w2990 ", "changed ", 1);
    let redline = run(&old, &new);
    assert_eq!(redline.old_text(), old);
    assert_eq!(redline.new_text(), new);
    assert!(redline.warnings.iter().any(|w| w.contains("too long to compare word by word")));
}

#[test]
fn brackets_nested_past_twenty_earn_a_warning() {
    let nested = |depth: usize, word: &str| {
        format!("resolves\n\n1\t{}{word}{};\n", "[".repeat(depth), "]".repeat(depth))
    };
    let parse = |text: &str| crate::parse::parse_text(text, "UTF-8");
    let (old, new) = (parse(&nested(21, "possible")), parse(&nested(21, "necessary")));
    let warnings = diff(&old, &new, &DiffOptions::default()).warnings;
    assert!(
        warnings.iter().any(|w| w.starts_with("old line 3: brackets nested 21 deep")),
        "{warnings:?}"
    );
    let (old, new) = (parse(&nested(20, "possible")), parse(&nested(20, "necessary")));
    assert!(diff(&old, &new, &DiffOptions::default()).warnings.is_empty());
}

#[test]
fn a_lone_rewrite_keeps_its_labelling() {
    // One old and one new provision left between kept neighbours, sharing
    // under half their words: one provision rewritten when both are labelled,
    // two unrelated ones when only one is (a numbered paragraph replaced by an
    // unnumbered one).
    let old = "T\n\nrecalling\n\na) the first;\n\nb) the report of the Council to spectrum management for developing countries;\n\nc) the last;\n";
    let labelled = "T\n\nrecalling\n\na) the first;\n\nb) the plan of the Secretary-General about spectrum matters for all regions;\n\nc) the last;\n";
    let actions = |new: &str| -> Vec<&'static str> {
        run(old, new).entries.iter().map(|entry| entry.action.as_str()).collect()
    };
    assert_eq!(actions(labelled), ["NOC", "NOC", "NOC", "MOD", "NOC"]);
    let unlabelled = labelled.replace("b) the plan", "the plan");
    assert_eq!(actions(&unlabelled), ["NOC", "NOC", "NOC", "SUP", "ADD", "NOC"]);
}
