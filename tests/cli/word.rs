//! Word redlines (`--format docx`) from the command line, as a new user would
//! write them: a pair, a series, a batch; the same bytes on every run.

use crate::common::*;
use std::path::Path;
use std::process::Command;

const OLD: &str = "fixtures/res140/docx/01-guadalajara-2010.docx";
const NEW: &str = "fixtures/res140/docx/02-busan-2014-dl23-rev2.docx";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1414713600")
        .env("TMPDIR", dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    output
}

fn text(args: &[&str]) -> String {
    let output = redline(args);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

#[test]
fn a_word_pair_reads_back_as_its_two_revisions_and_is_the_same_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("redline.docx");
    let out = out.to_str().unwrap();
    run(dir.path(), &["diff", OLD, NEW, "-o", out]);
    let first = std::fs::read(out).unwrap();
    assert!(first.starts_with(b"PK\x03\x04"));
    run(dir.path(), &["diff", OLD, NEW, "--format", "docx", "-o", out]);
    assert_eq!(std::fs::read(out).unwrap(), first, "byte-identical reruns");
    assert_eq!(text(&["accept", out]), text(&["accept", NEW]));
    assert_eq!(text(&["reject", out]), text(&["accept", OLD]));
}

#[test]
fn a_text_pair_with_author_date_and_header() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dl23.docx");
    let out = out.to_str().unwrap();
    let old = "fixtures/res140/01-guadalajara-2010.txt";
    let new = "fixtures/res140/02-busan-2014-dl23-rev2.txt";
    let args = ["diff", old, new, "--author", "Secretariat", "--date", "31 October 2014"];
    run(dir.path(), &[&args[..], &["--doc-number", "DL/23-E (Rev.2)", "-o", out]].concat());
    assert_eq!(text(&["accept", out]), std::fs::read_to_string(root().join(new)).unwrap());
    assert_eq!(text(&["reject", out]), std::fs::read_to_string(root().join(old)).unwrap());
    let output = redline(&["accept", out]);
    assert_eq!(stderr(&output), "", "no warning reading its own tracked changes back");
    let bytes = std::fs::read(out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut document)
        .unwrap();
    assert!(document.contains(r#"w:author="Secretariat" w:date="2014-10-31T00:00:00Z""#));
}

#[test]
fn word_flags_with_another_format_are_refused() {
    let output = redline(&["diff", OLD, NEW, "--author", "x", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--format docx"), "{}", stderr(&output));
}

#[test]
fn a_word_series_and_a_word_batch() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("res140.docx");
    let out = out.to_str().unwrap();
    run(dir.path(), &["series", "fixtures/res140/docx", "--pairs", "-o", out]);
    for pair in ["res140.1-2.docx", "res140.2-3.docx"] {
        assert!(dir.path().join(pair).exists(), "{pair}");
    }
    let latest = "fixtures/res140/docx/03-later-draft-constructed.docx";
    assert_eq!(text(&["accept", out]), text(&["accept", latest]));
    let batch = dir.path().join("out");
    let batch_dir = batch.to_str().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["batch", "fixtures/batch", "-o", batch_dir, "--format", "html,docx"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "the broken series fail, the others are written");
    for file in ["alpha/alpha.docx", "alpha/alpha.1-2.docx", "beta/beta.docx", "beta/beta.html"] {
        assert!(batch.join(file).exists(), "{file}");
    }
    let index = std::fs::read_to_string(batch.join("index.html")).unwrap();
    assert!(index.contains("beta/beta.docx"), "the index links the Word redline");
}
