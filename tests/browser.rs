//! The HTML redline in a real browser: headless Chromium loads the pages of a
//! hostile fixture (`fixtures/render/hostile/`) inside a wrapper page whose
//! own script reads them, and the test checks that no script of the input ran
//! and that deletions and insertions compute to line-through and underline.
//!
//! Without `/usr/bin/chromium` the test prints a notice and passes, unless the
//! `CI` environment variable is set: then it fails (`.ci/run` installs it).

use redline::model::{Action, Entry, EntryKind, Op, Redline, Span, Summary};
use redline::render::{Format, Header, Options, View, render};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/render/hostile").join(name);
    std::fs::read_to_string(path).unwrap()
}

/// A redline of the hostile pair built line by line: equal lines stay equal,
/// differing lines become a deletion and an insertion. Independent of the parser.
fn line_by_line(old: &str, new: &str) -> Redline {
    let entries: Vec<Entry> = old
        .split_inclusive('\n')
        .zip(new.split_inclusive('\n'))
        .map(|(old, new)| {
            let spans = if old == new {
                vec![Span::new(Op::Equal, old)]
            } else {
                vec![Span::new(Op::Delete, old), Span::new(Op::Insert, new)]
            };
            entry(spans, old != new)
        })
        .collect();
    Redline { schema: 1, summary: Summary::count(&entries), entries, ..Redline::default() }
}

fn entry(spans: Vec<Span>, changed: bool) -> Entry {
    let action = if changed { Action::Mod } else { Action::Noc };
    Entry::new(EntryKind::Provision, action, spans)
}

/// The wrapper: loads both pages in frames and writes what it finds as JSON.
const WRAPPER: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>browser test</title></head><body>
<iframe id="built" src="built.html" width="800" height="600"></iframe>
<iframe id="pipeline" src="pipeline.html" width="800" height="600"></iframe>
<pre id="result">pending</pre>
<script>
window.pwned = 0;
function inspect(id) {
  const frame = document.getElementById(id);
  const doc = frame.contentDocument, win = frame.contentWindow;
  const decoration = (element) => win.getComputedStyle(element).textDecorationLine;
  const text = doc.body.innerText;
  return {
    pwned: win.pwned || 0,
    dangerous: doc.querySelectorAll('script, img, iframe, object, embed, a[href^="javascript"], [onerror], [onload]').length,
    styles: doc.querySelectorAll('style').length,
    display: win.getComputedStyle(doc.body).display,
    dels: Array.from(doc.querySelectorAll('del')).map(decoration),
    ins: Array.from(doc.querySelectorAll('ins')).map(decoration),
    visible: ['<script>window.pwned = 1', '<img src=x onerror=', 'javascript:parent.pwned', '</style><script>', '<!--', '<b>text</b>']
      .filter((needle) => text.includes(needle)).length,
  };
}
window.addEventListener('load', () => {
  const result = { parent: window.pwned, built: inspect('built'), pipeline: inspect('pipeline') };
  document.getElementById('result').textContent = JSON.stringify(result);
});
</script>
</body></html>
"#;

/// Runs Chromium on the wrapper and returns what the wrapper found.
fn load_in_chromium(dir: &Path) -> serde_json::Value {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(CHROMIUM)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom"])
        .arg(format!("file://{}", dir.join("wrapper.html").display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().unwrap();
    let dom = String::from_utf8_lossy(&output.stdout);
    let start = dom.find("<pre id=\"result\">").expect("the wrapper page in the dump") + 17;
    let end = start + dom[start..].find("</pre>").unwrap();
    serde_json::from_str(&dom[start..end]).unwrap_or_else(|e| panic!("{e}: {}", &dom[start..end]))
}

fn write_pages(dir: &Path) {
    let (old, new) = (fixture("old.txt"), fixture("new.txt"));
    let header =
        Header { committee: Some(new.lines().nth(2).unwrap().into()), ..Header::default() };
    let options = Options { format: Format::Html, view: View::Full, header, ..Options::default() };
    let built = render(&line_by_line(&old, &new), &options).unwrap();
    std::fs::write(dir.join("built.html"), built).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["diff", "fixtures/render/hostile/old.txt", "fixtures/render/hostile/new.txt"])
        .args(["--format", "html", "-o"])
        .arg(dir.join("pipeline.html"))
        .current_dir(root)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::write(dir.join("wrapper.html"), WRAPPER).unwrap();
}

fn check_inert(page: &serde_json::Value, name: &str) {
    assert_eq!(page["pwned"], 0, "{name}: a script of the input ran");
    assert_eq!(page["dangerous"], 0, "{name}: an element of the input became live");
    assert_eq!(page["styles"], 1, "{name}: the input opened or closed a style sheet");
    assert_eq!(page["display"], "block", "{name}: the input's CSS applied");
}

#[test]
fn hostile_redline_is_inert_and_marks_compute() {
    if !Path::new(CHROMIUM).exists() {
        assert!(std::env::var_os("CI").is_none(), "CI is set but {CHROMIUM} is missing");
        eprintln!("notice: {CHROMIUM} not found; browser test skipped (apt-get install chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path());
    let result = load_in_chromium(dir.path());
    assert_eq!(result["parent"], 0, "a script of the input reached the wrapper: {result}");
    for name in ["built", "pipeline"] {
        check_inert(&result[name], name);
    }
    let built = &result["built"];
    assert_eq!(built["visible"], 6, "hostile text shows as text: {result}");
    let dels = built["dels"].as_array().unwrap();
    let ins = built["ins"].as_array().unwrap();
    assert!(dels.len() >= 5 && ins.len() >= 5, "{result}");
    assert!(dels.iter().all(|d| d == "line-through"), "deletions struck: {result}");
    assert!(ins.iter().all(|i| i == "underline"), "insertions underlined: {result}");
}

/// The wrapper of the direction test: where the margin marks stand against
/// the text in an Arabic redline and in an English one.
const DIRECTION_WRAPPER: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>direction test</title></head><body>
<iframe id="ar" src="ar.html" width="900" height="600"></iframe>
<iframe id="en" src="en.html" width="900" height="600"></iframe>
<pre id="result">pending</pre>
<script>
function inspect(id) {
  const frame = document.getElementById(id);
  const doc = frame.contentDocument, win = frame.contentWindow;
  const entry = doc.querySelector('.entry .action').closest('.entry');
  const mark = entry.querySelector('.action').getBoundingClientRect();
  const text = entry.querySelector('.text').getBoundingClientRect();
  return {
    lang: doc.documentElement.lang,
    direction: win.getComputedStyle(doc.body).direction,
    margin: mark.left >= text.right ? 'right' : (mark.right <= text.left ? 'left' : 'over'),
  };
}
window.addEventListener('load', () => {
  const result = { ar: inspect('ar'), en: inspect('en') };
  document.getElementById('result').textContent = JSON.stringify(result);
});
</script>
</body></html>
"#;

#[test]
fn arabic_runs_right_to_left_with_its_margin_on_the_right() {
    if !Path::new(CHROMIUM).exists() {
        assert!(std::env::var_os("CI").is_none(), "CI is set but {CHROMIUM} is missing");
        eprintln!("notice: {CHROMIUM} not found; browser test skipped (apt-get install chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pairs = [
        (
            "ar.html",
            "fixtures/languages/ar/01-draft.txt",
            "fixtures/languages/ar/02-revision-1.txt",
        ),
        (
            "en.html",
            "fixtures/diff/01-item-inserted-relabel/old.txt",
            "fixtures/diff/01-item-inserted-relabel/new.txt",
        ),
    ];
    for (page, old, new) in pairs {
        let status = Command::new(env!("CARGO_BIN_EXE_redline"))
            .args(["diff", old, new, "--format", "html", "-o"])
            .arg(dir.path().join(page))
            .current_dir(&root)
            .status()
            .unwrap();
        assert!(status.success());
    }
    std::fs::write(dir.path().join("wrapper.html"), DIRECTION_WRAPPER).unwrap();
    let result = load_in_chromium(dir.path());
    assert_eq!(result["ar"]["lang"], "ar", "{result}");
    assert_eq!(result["ar"]["direction"], "rtl", "{result}");
    assert_eq!(result["ar"]["margin"], "right", "{result}");
    assert_eq!(result["en"]["direction"], "ltr", "{result}");
    assert_eq!(result["en"]["margin"], "left", "{result}");
}
