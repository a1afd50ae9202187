//! `redline brackets` from the outside: one document, revisions, `--check`, formats, errors.

use crate::common::*;

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
    assert!(html.starts_with("<!doctype html>") && html.contains("<style>"), "{html}");
    assert!(!html.contains("<script") && !html.contains("<link"), "{html}");
}
