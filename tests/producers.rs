//! The Word fixtures made again with the producers installed (pandoc,
//! LibreOffice with its Python UNO module) by `fixtures/docx/make.sh`: every
//! fresh `.docx` reads as the committed one (which the library's tests compare
//! with its text twin), and `accept`/`reject` of LibreOffice's fresh Compare
//! redline give LibreOffice's fresh accept-all and reject-all texts.
//!
//! Without `pandoc`, `soffice` or `/usr/bin/python3` with `uno`, the test
//! prints a notice and passes, unless the `CI` environment variable is set:
//! then it fails (`.ci/run` installs them).

use redline::docx::{View, read};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).output().is_ok_and(|output| output.status.success())
}

fn producers_installed() -> bool {
    available("pandoc", &["--version"])
        && available("soffice", &["--version"])
        && available("/usr/bin/python3", &["-c", "import uno"])
}

fn word_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(word_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "docx") {
            found.push(path);
        }
    }
    found.sort();
    found
}

fn text(path: &Path, view: View) -> String {
    read(&std::fs::read(path).unwrap(), view).unwrap().text
}

/// Paragraphs, white space runs made one space, emphasis markers dropped.
fn paragraphs(text: &str, separator: &str) -> Vec<String> {
    text.trim_start_matches('\u{feff}')
        .split(separator)
        .map(|p| p.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn fresh_word_fixtures_read_as_the_committed_ones() {
    if !producers_installed() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but pandoc, soffice or python3-uno is missing"
        );
        eprintln!("notice: pandoc, soffice or python3-uno not found; producer test skipped");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let made = Command::new("bash")
        .arg(root().join("fixtures/docx/make.sh"))
        .arg(out.path())
        .output()
        .unwrap();
    assert!(made.status.success(), "make.sh failed: {}", String::from_utf8_lossy(&made.stderr));
    let fresh = word_files(&out.path().join("fixtures"));
    assert_eq!(fresh.len(), 14, "{fresh:?}");
    for path in &fresh {
        let committed = root().join(path.strip_prefix(out.path()).unwrap());
        for view in [View::Accepted, View::Original] {
            assert_eq!(
                text(path, view),
                text(&committed, view),
                "{} ({view:?})",
                committed.display()
            );
        }
    }
    let docx = out.path().join("fixtures/docx");
    let compared = docx.join("res140-compare-libreoffice.docx");
    for (view, expected) in [(View::Accepted, "accepted"), (View::Original, "rejected")] {
        let expected = docx.join(format!("res140-compare-libreoffice.{expected}.txt"));
        let expected = std::fs::read_to_string(expected).unwrap();
        assert_eq!(
            paragraphs(&text(&compared, view), "\n\n"),
            paragraphs(&expected, "\n"),
            "{view:?}"
        );
    }
}
