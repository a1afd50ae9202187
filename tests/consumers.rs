//! Word redlines (`--format docx`) read by real consumers: LibreOffice
//! (through UNO, `fixtures/docx/uno_check.py`) opens each, lists its tracked
//! changes with their authors, and its Accept All / Reject All give the text
//! of the new / old revision as LibreOffice reads each alone; pandoc
//! (`--track-changes=accept|reject`) is a second reader; an OOXML validator
//! (`openxml-audit`, from PyPI) finds nothing the input did not already have.
//!
//! Without `soffice`, `/usr/bin/python3` with `uno`, or `pandoc`, each test
//! prints a notice and passes, unless the `CI` environment variable is set:
//! then it fails (`.ci/run` installs them). The validator runs when
//! `openxml-audit` is on the PATH or named by `OPENXML_AUDIT` (`.ci/run`
//! installs it in a virtual environment and sets that variable).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|output| output.status.success())
}

fn installed(what: &str, found: bool) -> bool {
    if !found {
        assert!(std::env::var_os("CI").is_none(), "CI is set but {what} is missing");
        eprintln!("notice: {what} not found; consumer test skipped");
    }
    found
}

fn libreoffice() -> bool {
    let found = available("soffice", &["--version"])
        && available("/usr/bin/python3", &["-c", "import uno"]);
    installed("soffice or python3-uno", found)
}

/// A Word redline written by the binary: `redline ARGS -o OUT`.
fn redline(args: &[&str], out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .arg("-o")
        .arg(out)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1414713600")
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// Paragraphs of a text, white space runs made one space, `*` dropped
/// (Word shows emphasis, a text marks it), empty ones left out.
fn paragraphs(text: &str) -> Vec<String> {
    text.trim_start_matches('\u{feff}')
        .split('\n')
        .map(|p| p.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The same without the labels Word numbers (`a)`, `1.`, `iv)` at the
/// start), and without paragraphs that hold only one (pandoc keeps an empty
/// paragraph where a paragraph mark is deleted).
fn without_labels(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .filter(|p| !is_label(p))
        .map(|p| match p.split_once(' ') {
            Some((first, rest)) if is_label(first) => rest.to_string(),
            _ => p.clone(),
        })
        .collect()
}

fn is_label(word: &str) -> bool {
    if matches!(word, "-" | "–" | "•" | "▪") {
        return true;
    }
    let core = word.trim_start_matches('(').trim_end_matches([')', '.']);
    word.len() > core.len()
        && !core.is_empty()
        && core.len() <= 4
        && core.chars().all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One pair: old and new revision (paths from the repository root), and
/// whether LibreOffice's reject view is compared without list labels (it
/// does not restore list numbering a paragraph's `w:pPrChange` records).
struct Case {
    name: &'static str,
    old: &'static str,
    new: &'static str,
    labels_restored: bool,
}

const CASES: &[Case] = &[
    Case {
        name: "text",
        old: "fixtures/res140/01-guadalajara-2010.txt",
        new: "fixtures/res140/02-busan-2014-dl23-rev2.txt",
        labels_restored: true,
    },
    Case {
        name: "word",
        old: "fixtures/res140/docx/01-guadalajara-2010.docx",
        new: "fixtures/res140/docx/02-busan-2014-dl23-rev2.docx",
        labels_restored: false,
    },
    Case {
        name: "libreoffice",
        old: "fixtures/docx/res140-01-libreoffice.docx",
        new: "fixtures/docx/res140-02-libreoffice.docx",
        labels_restored: false,
    },
    Case {
        name: "lists",
        old: "fixtures/docx/nested-lists.docx",
        new: "fixtures/docx/edited/nested-lists.docx",
        labels_restored: true,
    },
    Case {
        name: "table",
        old: "fixtures/docx/table-layout.docx",
        new: "fixtures/docx/edited/table-layout.docx",
        labels_restored: true,
    },
    Case {
        name: "rows",
        old: "fixtures/docx/edited/table-layout.docx",
        new: "fixtures/docx/table-layout.docx",
        labels_restored: true,
    },
    Case {
        name: "notes",
        old: "fixtures/docx/footnotes.docx",
        new: "fixtures/docx/edited/footnotes.docx",
        labels_restored: true,
    },
    Case {
        name: "arabic",
        old: "fixtures/languages/ar/01-draft.txt",
        new: "fixtures/languages/ar/02-revision-1.txt",
        labels_restored: true,
    },
    Case {
        name: "chinese",
        old: "fixtures/languages/zh/01-draft.txt",
        new: "fixtures/languages/zh/02-revision-1.txt",
        labels_restored: true,
    },
];

/// The lines of `NAME.directions.txt`: direction, then the Western, Asian
/// and complex-script languages of each paragraph.
fn directions(dir: &Path, name: &str) -> Vec<Vec<String>> {
    let text = read(&dir.join(format!("{name}.directions.txt")));
    text.lines().map(|line| line.split('\t').map(str::to_string).collect()).collect()
}

/// Writes every case's redline (and copies of the Word revisions) into `dir`.
fn write_cases(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for case in CASES {
        let out = dir.join(format!("{}.docx", case.name));
        redline(&["diff", case.old, case.new], &out);
        files.push(out);
        for (side, path) in [("old", case.old), ("new", case.new)] {
            if path.ends_with(".docx") {
                let copy = dir.join(format!("{}-{side}.docx", case.name));
                std::fs::copy(root().join(path), &copy).unwrap();
                files.push(copy);
            }
        }
    }
    files
}

/// The text LibreOffice reads a revision as: its own reading of a `.docx`,
/// the file itself for a text (one paragraph per line).
fn libreoffice_text(dir: &Path, case: &Case, side: &str, path: &str) -> Vec<String> {
    if path.ends_with(".docx") {
        paragraphs(&read(&dir.join(format!("{}-{side}.text.txt", case.name))))
    } else {
        paragraphs(&read(&root().join(path)))
    }
}

#[test]
fn libreoffice_accepts_and_rejects_to_each_revision() {
    if !libreoffice() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = write_cases(dir.path());
    let series = dir.path().join("series.docx");
    redline(&["series", "fixtures/res140/docx"], &series);
    let latest = dir.path().join("series-latest.docx");
    std::fs::copy(root().join("fixtures/res140/docx/03-later-draft-constructed.docx"), &latest)
        .unwrap();
    files.extend([series, latest]);
    let status = Command::new("/usr/bin/python3")
        .arg(root().join("fixtures/docx/uno_check.py"))
        .arg(dir.path())
        .arg("--pdf")
        .args(&files)
        .status()
        .unwrap();
    assert!(status.success(), "uno_check.py failed");
    for case in CASES {
        let out = |suffix: &str| read(&dir.path().join(format!("{}.{suffix}", case.name)));
        let redlines = out("redlines.tsv");
        assert!(redlines.lines().count() > 0, "{}: no tracked change", case.name);
        assert!(redlines.lines().all(|line| line.contains("\tredline\t2014-10-31")), "{redlines}");
        let accepted = paragraphs(&out("accepted.txt"));
        assert_eq!(accepted, libreoffice_text(dir.path(), case, "new", case.new), "{}", case.name);
        let rejected = paragraphs(&out("rejected.txt"));
        let old = libreoffice_text(dir.path(), case, "old", case.old);
        if case.labels_restored {
            assert_eq!(rejected, old, "{} rejected", case.name);
        } else {
            assert_eq!(without_labels(&rejected), without_labels(&old), "{} rejected", case.name);
        }
        assert!(out("comments.txt").trim() != "0", "{}: no comment", case.name);
    }
    // An Arabic redline runs right to left, in Arabic; a Chinese one is in Chinese.
    let arabic = directions(dir.path(), "arabic");
    assert!(
        !arabic.is_empty() && arabic.iter().all(|p| p[0] == "rl-tb" && p[3] == "ar"),
        "{arabic:?}"
    );
    let chinese = directions(dir.path(), "chinese");
    assert!(
        !chinese.is_empty() && chinese.iter().all(|p| p[0] == "lr-tb" && p[2] == "zh"),
        "{chinese:?}"
    );
    let english = directions(dir.path(), "text");
    assert!(english.iter().all(|p| p[0] == "lr-tb" && p[1] == "en"), "{english:?}");
    // A series: each revision the author of its changes.
    let authors: BTreeSet<String> = read(&dir.path().join("series.redlines.tsv"))
        .lines()
        .filter_map(|line| line.split('\t').nth(1).map(str::to_string))
        .collect();
    let expected = ["Busan 2014, DL/23 Rev.2", "Later draft (constructed)"];
    assert_eq!(authors, expected.iter().map(|a| a.to_string()).collect(), "series authors");
    let latest = paragraphs(&read(&dir.path().join("series-latest.text.txt")));
    assert_eq!(paragraphs(&read(&dir.path().join("series.accepted.txt"))), latest);
    // The PDF LibreOffice prints holds the text.
    let pdf = dir.path().join("text.pdf");
    assert!(std::fs::metadata(&pdf).is_ok_and(|m| m.len() > 1000), "no PDF");
    if available("pdftotext", &["-v"]) {
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout;
        let text = String::from_utf8_lossy(&text);
        // Printed with its changes: old and new words side by side.
        assert!(text.contains("RESOLUTION 140 (REV. GUADALAJARA, 2010BUSAN, 2014)"), "{text}");
    }
}

fn pandoc(path: &Path, track: Option<&str>) -> Vec<String> {
    let mut command = Command::new("pandoc");
    command.arg(path).args(["-t", "plain", "--wrap=none"]);
    if let Some(track) = track {
        command.arg(format!("--track-changes={track}"));
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "pandoc {}", path.display());
    let text = String::from_utf8_lossy(&output.stdout).replace("\\*", "*");
    paragraphs(&text)
}

#[test]
fn pandoc_accepts_and_rejects_to_each_revision() {
    if !installed("pandoc", available("pandoc", &["--version"])) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_cases(dir.path());
    for case in CASES {
        let out = dir.path().join(format!("{}.docx", case.name));
        for (track, side, path) in [("accept", "new", case.new), ("reject", "old", case.old)] {
            let got = pandoc(&out, Some(track));
            let expected = match path.ends_with(".docx") {
                true => pandoc(&dir.path().join(format!("{}-{side}.docx", case.name)), None),
                false => paragraphs(&read(&root().join(path))),
            };
            // pandoc writes lists its own way (labels from its list model, not
            // Word's numbering; an empty item where a paragraph mark is
            // deleted) and drops a line break inside an insertion: words
            // compared, labels and white space aside.
            let words = |v: &[String]| {
                let joined = v.join(" ");
                joined.split(' ').filter(|w| !is_label(w)).collect::<Vec<_>>().join(" ")
            };
            let (got, expected) = (words(&got), words(&expected));
            let at = got.chars().zip(expected.chars()).take_while(|(a, b)| a == b).count();
            let near =
                |text: &str| text.chars().skip(at.saturating_sub(60)).take(120).collect::<String>();
            assert!(
                got == expected,
                "{} {track}: {:?}\n against {:?}",
                case.name,
                near(&got),
                near(&expected)
            );
        }
    }
}

/// The distinct findings of the validator (message and part).
fn findings(audit: &str, path: &Path) -> BTreeSet<String> {
    let output = Command::new(audit).args(["-m", "0"]).arg(path).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let mut found = BTreeSet::new();
    for (index, line) in lines.iter().enumerate() {
        let numbered = line.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        if numbered {
            let part = lines.get(index + 1).map_or("", |l| l.trim());
            found.insert(format!("{} {part}", line.split_once(". ").unwrap().1));
        }
    }
    found
}

#[test]
fn an_ooxml_validator_finds_nothing_new() {
    let audit = std::env::var("OPENXML_AUDIT").unwrap_or_else(|_| "openxml-audit".into());
    if !available(&audit, &["--help"]) {
        eprintln!(
            "notice: openxml-audit not found; schema check skipped (pip install openxml-audit)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_cases(dir.path());
    for case in CASES {
        let out = dir.path().join(format!("{}.docx", case.name));
        let ours = findings(&audit, &out);
        let input = match case.new.ends_with(".docx") {
            true => findings(&audit, &root().join(case.new)),
            false => BTreeSet::new(),
        };
        let new: Vec<&String> = ours.difference(&input).collect();
        assert!(new.is_empty(), "{}: {new:?}", case.name);
    }
}
