//! `redline brackets` from the outside: one document, revisions, `--check`, formats, errors.

use crate::common::*;

const DL23: &str = "fixtures/seeds/001_c6d08fd8f7b644ff.txt";
const NESTED: &str = "fixtures/brackets/01-nested.txt";
const SERIES: [&str; 3] = [
    "fixtures/brackets/10-series/rev1.txt",
    "fixtures/brackets/10-series/rev2.txt",
    "fixtures/brackets/10-series/rev3.txt",
];

fn json(args: &[&str]) -> serde_json::Value {
    let output = redline(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn missing_file_is_one_line_and_exit_2() {
    let output = redline(&["brackets", "no/such/file.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.txt") && err.contains("no such file"), "{err}");
}

#[test]
fn no_file_is_a_usage_error() {
    let output = redline(&["brackets"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("<FILE>"), "{}", stderr(&output));
}

#[test]
fn more_labels_than_files_is_an_error() {
    let output = redline(&["brackets", SERIES[0], "--label", "Rev.1", "--label", "Rev.2"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output).trim(), "redline: 2 --label given for 1 files");
}

#[test]
fn unknown_encoding_is_refused() {
    let output = redline(&["brackets", NESTED, "--encoding", "klingon"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown encoding"), "{}", stderr(&output));
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let output = redline(&["brackets", NESTED, "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(report["name"], "01-nested");
}

#[test]
fn json_of_one_document_has_the_documented_shape() {
    let report = json(&["brackets", NESTED, "--format", "json"]);
    assert!(report["brackets"].is_array() && report["unbalanced"].is_array(), "{report}");
    for field in ["brackets", "choices", "words", "provisions", "unbalanced"] {
        assert!(report["summary"][field].is_u64(), "summary.{field} missing: {report}");
    }
}

#[test]
fn json_across_revisions_has_one_step_per_pair_and_the_labels() {
    let report = json(&[
        "brackets", SERIES[0], SERIES[1], SERIES[2], "--format", "json", "--label", "Rev.1",
        "--label", "Rev.2", "--label", "Rev.3",
    ]);
    let labels: Vec<&str> = report["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Rev.1", "Rev.2", "Rev.3"]);
    let steps: Vec<(&str, &str)> = (report["steps"].as_array().unwrap().iter())
        .map(|step| (step["from"].as_str().unwrap(), step["to"].as_str().unwrap()))
        .collect();
    assert_eq!(steps, [("Rev.1", "Rev.2"), ("Rev.2", "Rev.3")]);
    assert!(report["revisions"][0].get("states").is_none());
    assert!(report["revisions"][1]["states"]["agreed"].is_u64());
}

#[test]
fn html_is_one_standalone_page() {
    let output = redline(&["brackets", NESTED, "--format", "html"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<style>"), "{html}");
    assert!(!html.contains("<script") && !html.contains("<link"), "{html}");
}

/// The states of a step, as `state [text]` lines, for the series fixture.
fn states(step: &serde_json::Value) -> Vec<String> {
    let brackets = step["brackets"].as_array().unwrap();
    brackets
        .iter()
        .map(|b| format!("{} [{}]", b["state"].as_str().unwrap(), b["text"].as_str().unwrap()))
        .collect()
}

#[test]
fn dl23_seed_report_lists_its_spans_and_unbalanced_brackets() {
    let output = redline(&["brackets", DL23]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn dl23_seed_report_as_json() {
    insta::assert_json_snapshot!(json(&["brackets", DL23, "--format", "json"]));
}

#[test]
fn dl23_seed_fails_the_check_with_status_1_and_still_reports() {
    let output = redline(&["brackets", DL23, "--check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("4 unbalanced"), "{}", stdout(&output));
}

#[test]
fn balanced_documents_pass_the_check() {
    for file in [
        NESTED,
        "fixtures/brackets/02-alternatives.txt",
        "fixtures/brackets/05-bookmark-artefacts.txt",
    ] {
        let output = redline(&["brackets", file, "--check"]);
        assert_eq!(output.status.code(), Some(0), "{file}: {}", stdout(&output));
    }
}

#[test]
fn unbalanced_open_and_close_fail_the_check_with_their_places() {
    let report =
        json(&["brackets", "fixtures/brackets/03-unbalanced-open.txt", "--format", "json"]);
    let open = &report["unbalanced"][0];
    assert_eq!(
        (open["line"].as_u64(), open["column"].as_u64(), open["kind"].as_str()),
        (Some(10), Some(32), Some("open"))
    );
    assert_eq!(
        (open["section"].as_str(), open["label"].as_str()),
        (Some("considering"), Some("a)"))
    );
    assert_eq!(open["likely_text"], "in the implementation of the WSIS outcomes;");
    assert_eq!(
        report["brackets"][0]["text"], "continue to",
        "the unclosed [ does not swallow the next section"
    );

    let report =
        json(&["brackets", "fixtures/brackets/04-unbalanced-close.txt", "--format", "json"]);
    let closes: Vec<(u64, u64, &str, bool)> = (report["unbalanced"].as_array().unwrap().iter())
        .map(|u| {
            (
                u["line"].as_u64().unwrap(),
                u["column"].as_u64().unwrap(),
                u["kind"].as_str().unwrap(),
                u["likely_text"].is_string(),
            )
        })
        .collect();
    assert_eq!(closes, [(10, 122, "close", true), (12, 48, "close", false)]);
    for file in
        ["fixtures/brackets/03-unbalanced-open.txt", "fixtures/brackets/04-unbalanced-close.txt"]
    {
        assert_eq!(redline(&["brackets", file, "--check"]).status.code(), Some(1), "{file}");
    }
}

#[test]
fn nested_brackets_have_their_depths() {
    let report = json(&["brackets", NESTED, "--format", "json"]);
    let depths: Vec<(u64, &str)> = (report["brackets"].as_array().unwrap().iter())
        .map(|b| (b["depth"].as_u64().unwrap(), b["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        depths[2..5],
        [
            (1, "essential [within [their respective] roles]"),
            (2, "within [their respective] roles"),
            (3, "their respective")
        ]
    );
}

#[test]
fn alternatives_are_grouped_as_choices() {
    let report = json(&["brackets", "fixtures/brackets/02-alternatives.txt", "--format", "json"]);
    let options: Vec<Vec<&str>> = (report["choices"].as_array().unwrap().iter())
        .map(|c| c["options"].as_array().unwrap().iter().map(|o| o.as_str().unwrap()).collect())
        .collect();
    assert_eq!(
        options,
        [
            vec!["below 2 °C", "below 1.5 °C"],
            vec!["shall", "should"],
            vec!["are invited to", "are urged to", "may"]
        ]
    );
    assert_eq!(
        report["summary"]["brackets"], 9,
        "[shall] ... [should] with words between are two brackets, no choice"
    );
}

#[test]
fn bookmark_artefacts_and_references_are_not_brackets() {
    let report =
        json(&["brackets", "fixtures/brackets/05-bookmark-artefacts.txt", "--format", "json"]);
    let texts: Vec<&str> = report["brackets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["and co-organized by UNESCO", "annually"]);
    let seed = json(&["brackets", "fixtures/seeds/003_7de8f70c8a456ba9.txt", "--format", "json"]);
    assert_eq!(seed["summary"]["brackets"], 0, "[bookmark: Signature] in the Council seed");
}

#[test]
fn series_pins_every_state() {
    let report = json(&["brackets", SERIES[0], SERIES[1], SERIES[2], "--format", "json"]);
    assert_eq!(
        states(&report["steps"][0]),
        [
            "agreed [within their respective roles and responsibilities,]",
            "changed [shall]",
            "dropped [in the overall review by the General Assembly]",
            "rebracketed [for Action Lines C2, C5 and C6]",
            "unchanged [coordinate the WSIS Forum]",
            "new [annually]",
        ]
    );
    assert_eq!(
        states(&report["steps"][1]),
        [
            "agreed [shall]",
            "dropped [for Action Lines C2, C5 and C6]",
            "changed [coordinate the WSIS Forum and the WSIS Prizes]",
            "unchanged [annually]",
        ]
    );
    assert_eq!(report["steps"][0]["brackets"][1]["old_text"], "should");
}

#[test]
fn series_text_gives_the_counts_per_revision() {
    let output = redline(&[
        "brackets", SERIES[0], SERIES[1], SERIES[2], "--label", "Rev.1", "--label", "Rev.2",
        "--label", "Rev.3",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn series_html_strikes_the_brackets_of_agreed_spans() {
    let output = redline(&["brackets", SERIES[0], SERIES[1], "--format", "html"]);
    let html = stdout(&output);
    let agreed = html.lines().find(|line| line.contains("<tr class=\"agreed\">")).unwrap();
    assert!(agreed.contains("<del class=\"bracket\">[</del>within their respective"), "{agreed}");
}

#[test]
fn unknown_output_extension_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xyz");
    let output = redline(&["brackets", NESTED, "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot tell the format"), "{}", stderr(&output));
    assert!(!path.exists());
}

#[test]
fn html_from_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brackets.html");
    let output = redline(&["brackets", DL23, "--check", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "--check still fails after writing the report");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Unbalanced brackets"), "{html}");
}

#[test]
fn what_is_open_comes_first_by_section_and_label() {
    let output = redline(&["brackets", SERIES[0], SERIES[1], SERIES[2]]);
    let text = stdout(&output);
    let lists: Vec<&str> = text.lines().filter(|line| !line.starts_with(' ')).collect();
    let first_list = lists.iter().position(|line| line.is_empty()).map(|at| lists[at + 1]);
    assert_eq!(first_list, Some("open in rev3 (2)"), "{text}");
    assert!(
        text.contains("\n  resolves 1  [coordinate the WSIS Forum and the WSIS Prizes]  8 words, changed since rev2\n"),
        "{text}"
    );
    let report = json(&["brackets", SERIES[0], SERIES[1], SERIES[2], "--format", "json"]);
    let open: Vec<&str> =
        report["open"].as_array().unwrap().iter().map(|b| b["text"].as_str().unwrap()).collect();
    assert_eq!(open, ["coordinate the WSIS Forum and the WSIS Prizes", "annually"]);
    let html = stdout(&redline(&["brackets", SERIES[0], SERIES[1], "--format", "html"]));
    let open_table = html.find("<caption>Open in rev2</caption>").expect("an open table");
    assert!(open_table < html.find("<caption>Revisions</caption>").unwrap(), "open first");
}

#[test]
fn a_series_folder_or_its_series_toml_is_followed_with_its_labels() {
    let folder = stdout(&redline(&["brackets", "fixtures/res140"]));
    let labels = ["Guadalajara 2010 (reconstructed)", "Busan 2014, DL/23 Rev.2", "Later draft"];
    for label in labels {
        assert!(folder.contains(&format!("\n{label}")) || folder.starts_with(label), "{folder}");
    }
    assert!(folder.contains("open in Later draft (constructed) (3)"), "{folder}");
    let toml = stdout(&redline(&["brackets", "fixtures/res140/series.toml"]));
    assert_eq!(toml, folder);
    let relabelled = stdout(&redline(&["brackets", "fixtures/res140", "--label", "PP-10"]));
    assert!(relabelled.starts_with("PP-10: 0 open"), "{relabelled}");
}

#[test]
fn full_shows_every_bracketed_text_whole() {
    let cut = stdout(&redline(&["brackets", DL23]));
    assert!(cut.contains('…'), "long texts are cut by default");
    let full = stdout(&redline(&["brackets", DL23, "--full"]));
    assert!(!full.contains('…'), "{full}");
    let whole = "[i) that increased engagement by Member States and other stakeholders in the ITU's \
                 activities that support WSIS implementation should be encouraged.";
    assert!(full.contains(whole), "{full}");
    let output = redline(&["brackets", DL23, "--full", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--full is for --format text"), "{}", stderr(&output));
}
