//! `redline outline` from the outside.

use crate::common::*;
use serde_json::Value;

fn outline_json(file: &str) -> Value {
    let output = redline(&["outline", file, "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn sections(outline: &Value) -> &Vec<Value> {
    outline["sections"].as_array().unwrap()
}

#[test]
fn missing_file_is_one_line_and_exit_2() {
    let output = redline(&["outline", "no/such/file.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.txt") && err.contains("no such file"), "{err}");
}

#[test]
fn directory_is_refused() {
    let output = redline(&["outline", "fixtures"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn binary_and_undecodable_files_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"recalling\0\n").unwrap();
    std::fs::write(dir.path().join("latin.txt"), b"recalling\n\na) caf\xE9;\n").unwrap();
    let output = redline_in(dir.path(), &["outline", "binary.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("binary file"), "{}", stderr(&output));
    let output = redline_in(dir.path(), &["outline", "latin.txt", "--encoding", "utf-8"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("invalid UTF-8"), "{}", stderr(&output));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let output =
        redline(&["outline", "fixtures/seeds/000_bb43a9d7ff8b3d18.txt", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
}

#[test]
fn text_outline_of_a_windows_1252_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"recalling\r\n\r\na)\tthe caf\xE9 \x93quoted\x94;\r\n\r\nb)\tthe rest,\r\n";
    std::fs::write(dir.path().join("cp1252.txt"), bytes).unwrap();
    let output = redline_in(dir.path(), &["outline", "cp1252.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "encoding: windows-1252\n   1 [preamble] recalling\n   3   a)  the café “quoted”;\n   5   b)  the rest,\n"
    );
}

#[test]
fn json_outline_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let text = "RESOLUTION 1 (CONSTRUCTED)\n\nThe Council,\n\nresolves\n\n4 to raise funds from:\n\n– all bodies;\n\n– civil society,\n\n5 to report,\n\n[bookmark: x]6 to act.\n";
    std::fs::write(dir.path().join("constructed.txt"), text).unwrap();
    let output = redline_in(dir.path(), &["outline", "constructed.txt", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn the_council_draft_annex_is_a_section_of_kind_annex() {
    let outline = outline_json("fixtures/seeds/002_09c7db653c880739.txt");
    let annex = sections(&outline).last().unwrap();
    assert_eq!(annex["kind"], "annex");
    assert_eq!(annex["heading"], "ANNEX");
    let pieces = annex["pieces"].as_array().unwrap();
    assert_eq!(pieces[0]["kind"], "sub_heading");
    assert_eq!(pieces[0]["text"], "WG-WSIS Terms of Reference");
    let labels: Vec<_> =
        annex["provisions"].as_array().unwrap().iter().map(|p| p["label"].clone()).collect();
    assert_eq!(labels, ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)"]);
}

#[test]
fn the_ecosoc_paragraphs_are_numbered_1_to_46_in_sub_headed_groups() {
    let outline = outline_json("fixtures/seeds/004_09510892622042c2.txt");
    let operative: Vec<&Value> =
        sections(&outline).iter().filter(|section| section["kind"] == "operative").collect();
    assert_eq!(operative.len(), 1);
    assert!(operative[0]["heading"].is_null());
    let ordinals: Vec<u64> = operative[0]["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|provision| provision["ordinal"].as_u64().unwrap())
        .collect();
    assert_eq!(ordinals, (1..=46).collect::<Vec<_>>());
    let sub_headings: Vec<&str> = operative[0]["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|piece| piece["kind"] == "sub_heading")
        .map(|piece| piece["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        sub_headings,
        [
            "Taking stock: reviewing the implementation of the outcomes of the World Summit on the Information Society",
            "Internet governance",
            "Enhanced cooperation",
            "Internet Governance Forum",
            "The road ahead",
        ]
    );
    let thirty_two = &operative[0]["provisions"][31];
    let children: Vec<_> =
        thirty_two["children"].as_array().unwrap().iter().map(|c| c["label"].clone()).collect();
    assert_eq!(children, ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"]);
    let last = sections(&outline).last().unwrap();
    assert_eq!(
        (last["kind"].as_str(), last["provisions"].as_array().unwrap().len()),
        (Some("other"), 7)
    );
}

/// The parser's own diagnostics (the bracket scanner adds others).
fn parser_diagnostics(outline: &Value) -> Vec<String> {
    let words = ["label", "artefact", "separator", "section heading"];
    outline["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{}:{}: {}", d["line"], d["column"], d["message"].as_str().unwrap()))
        .filter(|line| words.iter().any(|word| line.contains(word)))
        .collect()
}

#[test]
fn every_seed_has_its_title_block_and_only_the_expected_diagnostics() {
    let expected: [&[&str]; 5] = [
        &[],
        &[
            "125:1: label `if)` out of sequence after `h)`",
            "127:1: label `ig)` out of sequence after `if)`",
            "258:1: label `42` out of sequence after `3`",
        ],
        &[],
        &[
            "24:1: Word-export artefact dropped",
            "32:1: Word-export artefact dropped",
            "66:1: separator line placed in a section of kind other",
        ],
        &[],
    ];
    let seeds: std::collections::BTreeSet<_> = std::fs::read_dir(fixture("seeds"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "txt"))
        .collect();
    assert_eq!(seeds.len(), expected.len());
    for (seed, expected) in seeds.iter().zip(expected) {
        let outline = outline_json(seed.to_str().unwrap());
        assert!(!outline["title"].as_array().unwrap().is_empty(), "{}", seed.display());
        assert_eq!(outline["encoding"], "UTF-8");
        assert_eq!(parser_diagnostics(&outline), expected, "{}", seed.display());
    }
}

#[test]
fn the_language_is_detected_and_lang_overrides_it() {
    let file = "fixtures/languages/fr/01-draft.txt";
    let json = outline_json(file);
    assert_eq!(json["language"], "fr");
    assert_eq!(sections(&json)[0]["heading"], "rappelant");
    assert_eq!(sections(&json)[0]["kind"], "preamble");
    let output = redline(&["outline", file, "--lang", "en", "--format", "json"]);
    let english: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(english.get("language").is_none(), "English is not named");
    assert!(sections(&english).iter().all(|s| s["heading"] != "rappelant"), "{english}");
    let output = redline(&["outline", file, "--lang", "de"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected one of en, fr, es, ru, zh, ar"));
}

#[test]
fn english_outline_json_has_no_language() {
    let json = outline_json("fixtures/seeds/000_bb43a9d7ff8b3d18.txt");
    assert!(json.get("language").is_none());
}
