//! Scanning and the one-document report, through one `check` helper.

use crate::brackets::*;
use crate::testkit::doc::doc;
use std::fmt::Write;

/// Scans `input` and compares a one-line-per-item description with `expected`.
fn check(input: &str, expected: &str) {
    let document = doc(input);
    let actual = describe(&DocumentReport::new("test", &document));
    assert_eq!(actual.trim(), expected.trim(), "\n--- actual ---\n{actual}");
}

/// `1:5 d1 [text] 2w (section label) choice 0`, then choices and unbalanced brackets.
fn describe(report: &DocumentReport) -> String {
    let mut out = String::new();
    for span in &report.brackets {
        let place = [&span.section, &span.label].into_iter().flatten().cloned().collect::<Vec<_>>();
        let _ = write!(
            out,
            "{}:{} d{} [{}] {}w ({})",
            span.line,
            span.column,
            span.depth,
            span.text,
            span.words,
            place.join(" ")
        );
        if let Some(choice) = span.choice {
            let _ = write!(out, " choice {choice}");
        }
        out.push('\n');
    }
    for choice in &report.choices {
        let _ = writeln!(out, "choice {}", choice.options.join(" | "));
    }
    for bracket in &report.unbalanced {
        let place =
            [&bracket.section, &bracket.label].into_iter().flatten().cloned().collect::<Vec<_>>();
        let _ = write!(
            out,
            "unbalanced {:?} {}:{} d{} ({})",
            bracket.kind,
            bracket.line,
            bracket.column,
            bracket.depth,
            place.join(" ")
        );
        if let Some(likely) = &bracket.likely_text {
            let _ = write!(out, " likely {likely:?}");
        }
        out.push('\n');
    }
    out
}

#[test]
fn one_bracket_with_its_place() {
    check(
        "considering\n\na) that ITU has a role; [not decided]\n",
        "3:25 d1 [not decided] 2w (considering a))",
    );
}

#[test]
fn nested_brackets_have_depths() {
    check(
        "resolves\n\n1 that [[a] b] and [c [d [e]]]\n",
        "
3:8 d1 [[a] b] 2w (resolves 1)
3:9 d2 [a] 1w (resolves 1)
3:20 d1 [c [d [e]]] 3w (resolves 1)
3:23 d2 [d [e]] 2w (resolves 1)
3:26 d3 [e] 1w (resolves 1)",
    );
}

#[test]
fn alternatives_side_by_side_are_one_choice() {
    check(
        "resolves\n\n1 that ITU [shall][should] act\n\n2 to keep warming [below 2 °C] / [below 1.5 °C]\n",
        "
3:12 d1 [shall] 1w (resolves 1) choice 0
3:19 d1 [should] 1w (resolves 1) choice 0
5:19 d1 [below 2 °C] 3w (resolves 2) choice 1
5:34 d1 [below 1.5 °C] 3w (resolves 2) choice 1
choice shall | should
choice below 2 °C | below 1.5 °C",
    );
}

#[test]
fn alternatives_inside_one_bracket_are_a_choice() {
    check(
        "resolves\n\n[Encourage/ Instructs] the Secretary-General to act\n\n2 as in [A/68/302] and [moderator/facilitator of the many action lines here]\n",
        "
3:1 d1 [Encourage/ Instructs] 2w (resolves) choice 0
5:9 d1 [A/68/302] 3w (resolves 2)
5:24 d1 [moderator/facilitator of the many action lines here] 8w (resolves 2)
choice Encourage | Instructs",
    );
}

#[test]
fn three_options_and_bold_alternatives() {
    check(
        "resolves\n\n1 **[a]** / **[b]** [c] then [d]\n",
        "
3:5 d1 [a] 1w (resolves 1) choice 0
3:15 d1 [b] 1w (resolves 1) choice 0
3:21 d1 [c] 1w (resolves 1) choice 0
3:30 d1 [d] 1w (resolves 1)
choice a | b | c",
    );
}

#[test]
fn brackets_with_text_between_or_in_other_pieces_are_not_alternatives() {
    check(
        "resolves\n\n1 [a] or [b], [[c] [d]]\n\n[2 whole]\n\n[3 whole]\n",
        "
3:3 d1 [a] 1w (resolves 1)
3:10 d1 [b] 1w (resolves 1)
3:15 d1 [[c] [d]] 2w (resolves 1)
3:16 d2 [c] 1w (resolves 1) choice 0
3:20 d2 [d] 1w (resolves 1) choice 0
5:1 d1 [2 whole] 2w (resolves)
7:1 d1 [3 whole] 2w (resolves)
choice c | d",
    );
}

#[test]
fn unclosed_bracket_stops_at_the_end_of_its_section() {
    check(
        "considering\n\na) [that ITU has a role;\n\nb) [agreed] text\n\nnoting\n\na) [later]\n",
        "
5:4 d2 [agreed] 1w (considering b))
9:4 d1 [later] 1w (noting a))
unbalanced Open 3:4 d1 (considering a)) likely \"that ITU has a role;\"",
    );
}

#[test]
fn unopened_bracket_at_the_end_of_a_provision_likely_spans_it() {
    check(
        "noting\n\n1. the holding of the Forum in Paris in 2013];\n",
        "unbalanced Close 3:45 d1 (noting 1.) likely \"the holding of the Forum in Paris in 2013\"",
    );
}

#[test]
fn unopened_bracket_inside_a_provision_has_no_likely_span() {
    check("noting\n\n1. the holding] of the Forum\n", "unbalanced Close 3:15 d1 (noting 1.)");
}

#[test]
fn heading_bracket_is_closed_by_a_later_provision_of_its_section() {
    check(
        "resolves\n\n1 done\n\ninstructs [Encourage/ Instructs the Secretary-General\n\n1 to present\n\n2 to set out [and looks forward].]\n",
        "
5:11 d1 [Encourage/ Instructs the Secretary-General\n\n1 to present\n\n2 to set out [and looks forward].] 15w (instructs [Encourage/ Instructs the Secretary-General)
9:14 d2 [and looks forward] 3w (instructs [Encourage/ Instructs the Secretary-General 2)",
    );
}

#[test]
fn title_block_is_one_scope() {
    check(
        "DRAFT [REVISION\n\nof resolution] 140\n\nrecalling\n\na) text]\n",
        "
1:7 d1 [REVISION\n\nof resolution] 3w ()
unbalanced Close 7:8 d1 (recalling a)) likely \"text\"",
    );
}

#[test]
fn bookmarks_and_references_are_not_negotiation_text() {
    check(
        "considering\n\n[bookmark: Signature]b) text[1] and [*] [sic] [12] [a] [ ]\n",
        "
3:52 d1 [a] 1w (considering) choice 0
3:56 d1 [ ] 0w (considering) choice 0
choice a |  ",
    );
}

#[test]
fn brackets_inside_an_artefact_are_skipped_even_unbalanced() {
    let mut document = doc("considering\n\na) text [kept] [bookmark: x[y]\n");
    let piece = document.pieces.len() - 1;
    let start = document.text.find("[bookmark").unwrap();
    document.pieces[piece].inlines = vec![crate::model::Inline {
        kind: crate::model::InlineKind::Artefact,
        range: start..document.text.len() - 1,
    }];
    scan_document(&mut document);
    assert_eq!(
        describe(&DocumentReport::new("t", &document)),
        "3:9 d1 [kept] 1w (considering a))\n"
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    check("considering\n\na) « é » [x]\n", "3:10 d1 [x] 1w (considering a))");
}

#[test]
fn unbalanced_brackets_become_diagnostics_once() {
    let mut document = doc("noting\n\n1. a] b\n\n2. [c\n");
    let messages: Vec<String> = document
        .diagnostics
        .iter()
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(
        messages,
        [
            "3:5 unbalanced `]`: no `[` open before it in its section",
            "5:4 unbalanced `[`: not closed before the end of its section",
        ]
    );
    scan_document(&mut document);
    assert_eq!(document.diagnostics.len(), 2);
}

#[test]
fn summary_counts_words_once_and_provisions_touched() {
    let document = doc("resolves\n\n1 [a [b c]] d\n\n2 [e\n\nf] g\n\n3 plain\n\n4 h]\n");
    let summary = DocumentReport::new("t", &document).summary;
    let expected =
        ReportSummary { brackets: 3, choices: 0, words: 5, provisions: 4, unbalanced: 1 };
    assert_eq!(summary, expected);
}

#[test]
fn five_thousand_nested_levels_do_not_overflow() {
    let depth = 5000;
    let text = format!("resolves\n\n1 {}x{}\n", "[".repeat(depth), "]".repeat(depth));
    let document = doc(&text);
    assert_eq!(document.brackets.len(), depth);
    assert_eq!(document.brackets.iter().map(|b| b.depth).max(), Some(depth));
    let report = DocumentReport::new("deep", &document);
    assert_eq!((report.summary.words, report.summary.unbalanced), (1, 0));
}

#[test]
fn json_has_the_documented_fields() {
    let document = doc("noting\n\n1. [a] b]\n");
    let json = serde_json::to_value(DocumentReport::new("t", &document)).unwrap();
    let span = &json["brackets"][0];
    for field in ["section", "label", "line", "column", "depth", "text", "words", "state"] {
        assert!(span.get(field).is_some(), "brackets[0] lacks {field}: {span}");
    }
    assert_eq!(span["state"], "open");
    let unbalanced = &json["unbalanced"][0];
    assert_eq!((unbalanced["line"].as_u64(), unbalanced["column"].as_u64()), (Some(3), Some(9)));
    assert_eq!(
        (&unbalanced["kind"], &unbalanced["section"], &unbalanced["label"]),
        (&"close".into(), &"noting".into(), &"1.".into())
    );
    for field in ["brackets", "choices", "words", "provisions", "unbalanced"] {
        assert!(json["summary"].get(field).is_some(), "summary lacks {field}");
    }
}
