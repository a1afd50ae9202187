//! The HTML pages in a real browser: headless Chromium loads them inside a
//! wrapper page whose own script reads them.
//!
//! - The pages of a hostile fixture (`fixtures/render/hostile/`): no script of
//!   the input runs, and deletions and insertions compute to line-through and
//!   underline.
//! - Every page at a phone's width (390 CSS pixels): the document is no wider
//!   than the screen.
//!
//! Without `/usr/bin/chromium` the tests print a notice and pass, unless the
//! `CI` environment variable is set: then they fail (`.ci/run` installs it).

#[path = "support/chromium.rs"]
mod chromium;

use redline::model::{Action, Entry, EntryKind, Op, Redline, Span, Summary};
use redline::render::{Format, Header, Options, View, render};
use std::path::Path;
use std::process::Command;

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
<iframe id="series" src="series.html" width="800" height="600"></iframe>
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
  const result = { parent: window.pwned, built: inspect('built'), pipeline: inspect('pipeline'),
                   series: inspect('series') };
  document.getElementById('result').textContent = JSON.stringify(result);
});
</script>
</body></html>
"#;

/// Runs Chromium on the wrapper `name` in `dir` and returns what it found:
/// the JSON its script writes into `<pre id="result">`.
fn load_in_chromium(dir: &Path, name: &str) -> serde_json::Value {
    let output = chromium::chromium(&[
        "--allow-file-access-from-files".to_string(),
        "--virtual-time-budget=5000".to_string(),
        "--dump-dom".to_string(),
        format!("file://{}", dir.join(name).display()),
    ]);
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
    let pair = ["fixtures/render/hostile/old.txt", "fixtures/render/hostile/new.txt"];
    // The header reaches the page, its title and the print style sheet.
    let header = [
        "--doc-number",
        "\"; } </style><script>window.pwned = 1</script>",
        "--draft-title",
        "<img src=x onerror=parent.pwned=1>",
        "--committee",
        "</style><style>body { display: none }</style>",
    ];
    let run = |args: &[&str], page: &str| {
        let status = Command::new(env!("CARGO_BIN_EXE_redline"))
            .args(args)
            .args(header)
            .arg("-q")
            .arg("-o")
            .arg(dir.join(page))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "{args:?}");
    };
    run(&["diff", pair[0], pair[1], "--format", "html"], "pipeline.html");
    let labels = ["--label", "<script>window.pwned = 2</script>", "--label", "<b>new</b>"];
    run(&[&["series", pair[0], pair[1], "--format", "html"][..], &labels].concat(), "series.html");
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
    if !chromium::available(chromium::CHROMIUM, "chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path());
    let result = load_in_chromium(dir.path(), "wrapper.html");
    assert_eq!(result["parent"], 0, "a script of the input reached the wrapper: {result}");
    for name in ["built", "pipeline", "series"] {
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

/// The phone wrapper: each page in a frame 390 pixels wide; the width of
/// each document, and the right edge of the element reaching furthest (an
/// element inside a box that scrolls, a wide table, reaches only its box).
const PHONE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>phone test</title></head><body>
FRAMES
<pre id="result">pending</pre>
<script>
window.addEventListener('load', () => {
  const result = {};
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument, win = frame.contentWindow;
    const scrolls = (element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        if (win.getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    let widest = '';
    let right = 0;
    for (const element of doc.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > right && !scrolls(element)) {
        right = box.right;
        widest = element.tagName + '.' + element.className;
      }
    }
    result[frame.id] = { viewport: doc.documentElement.clientWidth,
                         width: doc.documentElement.scrollWidth, right: Math.ceil(right), widest };
  }
  document.getElementById('result').textContent = JSON.stringify(result);
});
</script>
</body></html>
"#;

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

/// The phone's width in CSS pixels.
const PHONE_WIDTH: u64 = 390;

/// Runs `redline` in the repository root; a batch with failing series exits 2.
fn redline(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(matches!(status.code(), Some(0 | 2)), "redline {args:?}: {status}");
}

/// Every kind of page, written into `dir`: file names relative to it.
fn write_phone_pages(dir: &Path) -> Vec<&'static str> {
    let out = |name: &str| dir.join(name).display().to_string();
    let (old, new) =
        ("fixtures/res140/01-guadalajara-2010.txt", "fixtures/res140/02-busan-2014-dl23-rev2.txt");
    let header = ["--doc-number", "DL/23-E (Rev.2)", "--committee", "WORKING GROUP OF THE PLENARY"];
    redline(&[&["diff", old, new, "-o", &out("pair.html")][..], &header].concat());
    let side = ["diff", old, new, "--view", "side-by-side", "-o", &out("side.html")];
    redline(&[&side[..], &header].concat());
    redline(&["diff", old, new, "--view", "changes", "-o", &out("changes.html")]);
    redline(&["series", "fixtures/res140", "-o", &out("series.html")]);
    redline(&["brackets", "fixtures/seeds/001_c6d08fd8f7b644ff.txt", "-o", &out("brackets.html")]);
    redline(&["batch", "fixtures/batch", "-o", &out("batch")]);
    vec![
        "pair.html",
        "side.html",
        "changes.html",
        "series.html",
        "brackets.html",
        "batch/index.html",
    ]
}

#[test]
fn every_page_fits_a_phone() {
    if !chromium::available(chromium::CHROMIUM, "chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pages = write_phone_pages(dir.path());
    let frames: String = pages
        .iter()
        .map(|page| format!("<iframe id=\"{page}\" src=\"{page}\" width=\"{PHONE_WIDTH}\" height=\"800\"></iframe>\n"))
        .collect();
    std::fs::write(dir.path().join("phone.html"), PHONE.replace("FRAMES", &frames)).unwrap();
    let result = load_in_chromium(dir.path(), "phone.html");
    for page in pages {
        let measured = &result[page];
        eprintln!("{page} at {PHONE_WIDTH} px: {measured}");
        let viewport = measured["viewport"].as_u64().unwrap();
        assert!(viewport <= PHONE_WIDTH, "{page}: viewport {viewport}");
        assert!(
            measured["width"].as_u64().unwrap() <= viewport,
            "{page} is wider than the phone: {measured}"
        );
        assert!(
            measured["right"].as_u64().unwrap() <= viewport,
            "{page}: an element sticks out: {measured}"
        );
    }
}

#[test]
fn arabic_runs_right_to_left_with_its_margin_on_the_right() {
    if !chromium::available(chromium::CHROMIUM, "chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
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
    let result = load_in_chromium(dir.path(), "wrapper.html");
    assert_eq!(result["ar"]["lang"], "ar", "{result}");
    assert_eq!(result["ar"]["direction"], "rtl", "{result}");
    assert_eq!(result["ar"]["margin"], "right", "{result}");
    assert_eq!(result["en"]["direction"], "ltr", "{result}");
    assert_eq!(result["en"]["margin"], "left", "{result}");
}
