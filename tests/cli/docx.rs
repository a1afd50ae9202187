//! Word documents (`.docx`) given to every command, as a new user would.

use crate::common::*;

const COMPARED: &str = "fixtures/docx/res140-compare-libreoffice.docx";

fn run_ok(args: &[&str]) -> (String, String) {
    let output = redline(args);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    (stdout(&output), stderr(&output))
}

#[test]
fn outline_of_a_docx_says_docx_and_finds_footnotes() {
    let (out, err) = run_ok(&["outline", "fixtures/docx/footnotes.docx"]);
    assert!(out.starts_with("encoding: docx\n"), "{out}");
    assert!(out.contains("footnote: ¹ See A/C.2/59/3"), "{out}");
    assert!(out.contains("1.  Notes the ongoing implementation"), "{out}");
    assert_eq!(err, "");
}

#[test]
fn tracked_changes_are_read_accepted_with_one_warning_line() {
    let (_, err) = run_ok(&["outline", COMPARED]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("redline: warning: fixtures/docx/res140-compare-libreoffice.docx: Word document with tracked changes (219)"), "{err}");
    assert!(err.contains("--original"), "{err}");
    let (_, err) = run_ok(&["outline", COMPARED, "--original"]);
    assert!(err.contains("before them"), "{err}");
}

#[test]
fn a_docx_and_a_text_diff_like_the_two_texts() {
    let text = run_ok(&[
        "diff",
        "fixtures/res140/01-guadalajara-2010.txt",
        "fixtures/res140/02-busan-2014-dl23-rev2.txt",
        "--stat",
    ]);
    let mixed = run_ok(&[
        "diff",
        "fixtures/res140/docx/01-guadalajara-2010.docx",
        "fixtures/res140/02-busan-2014-dl23-rev2.txt",
        "--stat",
    ]);
    assert_eq!(mixed.0, text.0);
}

/// Paragraphs with white space runs made one space and emphasis markers dropped
/// (LibreOffice's text has none and writes a paragraph per line).
fn paragraphs(text: &str, separator: &str) -> Vec<String> {
    text.trim_start_matches('\u{feff}')
        .split(separator)
        .map(|p| p.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn accept_and_reject_of_a_word_redline_give_libreoffice_s_texts() {
    for (command, expected) in [
        ("accept", "docx/res140-compare-libreoffice.accepted.txt"),
        ("reject", "docx/res140-compare-libreoffice.rejected.txt"),
    ] {
        let (out, err) = run_ok(&[command, COMPARED]);
        assert_eq!(err, "", "{command}");
        let expected = std::fs::read_to_string(fixture(expected)).unwrap();
        assert_eq!(paragraphs(&out, "\n\n"), paragraphs(&expected, "\n"), "{command}");
    }
}

#[test]
fn the_word_series_renders_and_brackets_read_word() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("res140.html");
    run_ok(&["series", "fixtures/res140/docx", "-o", html.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&html).unwrap().contains("Busan 2014, DL/23 Rev.2"));
    let (out, _) = run_ok(&["brackets", "fixtures/res140/docx/02-busan-2014-dl23-rev2.docx"]);
    assert!(out.contains("not decided"), "{out}");
}

#[test]
fn other_formats_are_refused_with_how_to_get_a_docx() {
    for file in ["draft.doc", "draft.odt", "draft.rtf"] {
        let path = format!("fixtures/docx/refused/{file}");
        let output = redline(&["outline", &path]);
        assert_eq!(output.status.code(), Some(2), "{file}");
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("redline: {path}: ")), "{err}");
        assert!(err.contains("soffice --headless --convert-to docx"), "{err}");
    }
}

#[test]
fn broken_word_files_are_one_line_exit_2_and_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(fixture("docx/footnotes.docx")).unwrap();
    std::fs::write(dir.path().join("good.docx"), &good).unwrap();
    std::fs::write(dir.path().join("truncated.docx"), &good[..good.len() / 2]).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, b"hello").unwrap();
    std::fs::write(dir.path().join("archive.docx"), zip.finish().unwrap().into_inner()).unwrap();
    for (file, words) in [("truncated.docx", "damaged"), ("archive.docx", "not a Word document")] {
        let output = redline_in(dir.path(), &["diff", file, "good.docx", "-o", "out.html"]);
        assert_eq!(output.status.code(), Some(2), "{file}");
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(words), "{err}");
        assert!(!dir.path().join("out.html").exists());
    }
}
