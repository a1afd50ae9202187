//! The printed working document: the DL/23 redline (Resolution 140 as revised
//! at Guadalajara 2010 against the Busan 2014 draft of `fixtures/res140/`)
//! rendered as HTML, printed to PDF on A4 by headless Chromium and read back
//! with `pdftotext`.
//!
//! Without `/usr/bin/chromium` or `/usr/bin/pdftotext` the test prints a
//! notice and passes, unless `CI` is set (`.ci/run` installs both).

#[path = "support/chromium.rs"]
mod chromium;
#[path = "support/dl23.rs"]
mod dl23;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A4 in points, and the page margins of the style sheet (22, 18, 20, 25 mm).
const PAGE_WIDTH: f64 = 595.3;
const MM: f64 = 72.0 / 25.4;
const RIGHT_EDGE: f64 = PAGE_WIDTH - 18.0 * MM;
const LEFT_EDGE: f64 = 25.0 * MM;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Renders the DL/23 redline with `flags` and prints it; returns the PDF.
fn printed(dir: &Path, name: &str, flags: &[&str]) -> PathBuf {
    let html = dir.join(format!("{name}.html"));
    let status = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["diff", "fixtures/res140/01-guadalajara-2010.txt"])
        .arg("fixtures/res140/02-busan-2014-dl23-rev2.txt")
        .args(dl23::HEADER)
        .args(flags)
        .arg("-o")
        .arg(&html)
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = dir.join(format!("{name}.pdf"));
    chromium::print_to_pdf(&html, &pdf);
    pdf
}

/// The text of each page, lines trimmed, blank lines dropped.
fn pages(pdf: &Path) -> Vec<Vec<String>> {
    let text = chromium::pdftotext(pdf, &["-layout"]);
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|page| {
            page.lines().map(str::trim).filter(|line| !line.is_empty()).map(String::from).collect()
        })
        .collect();
    pages.retain(|page| !page.is_empty());
    pages
}

/// The 1-based page holding a line that contains `needle` first.
fn page_of(pages: &[Vec<String>], needle: &str) -> Option<usize> {
    pages.iter().position(|page| page.iter().any(|line| line.contains(needle))).map(|at| at + 1)
}

/// The section headings of the new revision, as the parser reads them.
fn headings() -> Vec<String> {
    let path = root().join("fixtures/res140/02-busan-2014-dl23-rev2.txt");
    let document = redline::load(&path, &Default::default()).unwrap();
    let headings = document.sections.iter().filter_map(|section| section.heading_text.clone());
    headings.map(|heading| heading.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// Every word's box (`xMin`, `xMax`) and text, from `pdftotext -bbox`.
fn word_boxes(pdf: &Path) -> Vec<(f64, f64, String)> {
    let xml = chromium::pdftotext(pdf, &["-bbox"]);
    let attribute = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    xml.lines()
        .filter(|line| line.trim_start().starts_with("<word "))
        .map(|line| {
            let text = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            (attribute(line, "xMin"), attribute(line, "xMax"), text.to_string())
        })
        .collect()
}

fn tools_installed() -> bool {
    chromium::available(chromium::CHROMIUM, "chromium")
        && chromium::available(chromium::PDFTOTEXT, "poppler-utils")
}

#[test]
fn the_printed_working_document() {
    if !tools_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = printed(dir.path(), "dl23", &[]);
    let pages = pages(&pdf);
    let first = &pages[0];
    // Page 1: the document's header block, then the resolution.
    let block = [
        "WORKING GROUP OF THE PLENARY",
        "Document DL/23-E (Rev.2)",
        "31 October 2014",
        "Original: English",
        "DRAFT RESOLUTION 140",
        "WORK IN PROGRESS",
        "MOD WGPL/23/1",
    ];
    let joined = first[..6].join("\n");
    for field in block {
        assert!(joined.contains(field), "{field} in the header block of page 1:\n{joined}");
    }
    assert!(first[6].contains("RESOLUTION 140 (REV."), "the resolution follows: {first:?}");
    assert_eq!(page_of(&pages, "recalling"), Some(1), "{first:?}");
    // Every page after the first: "- n -" and the document number on top.
    assert!(!first[0].replace(' ', "").starts_with("-1-"), "no running head on page 1");
    for (index, page) in pages.iter().enumerate().skip(1) {
        assert_eq!(page[0].replace(' ', ""), format!("-{}-", index + 1), "page {}", index + 1);
        assert_eq!(page[1], "DL/23-E (Rev.2)", "page {}", index + 1);
    }
    // The front matter after the resolution, on a page of its own.
    let last_provision = page_of(&pages, "resolves to express").unwrap();
    let legend = page_of(&pages, "Legend").unwrap();
    assert!(legend > last_provision, "legend on page {legend}, resolution to {last_provision}");
    assert!(page_of(&pages, "Summary").unwrap() >= legend);
    // A heading never ends a page: it keeps with the provision after it.
    let headings = headings();
    for (index, page) in pages.iter().enumerate() {
        let last = page.last().unwrap();
        assert!(!headings.contains(last), "page {} ends with the heading {last:?}", index + 1);
    }
    // Nothing printed past the margins (the legend and summary boxes were).
    for (x_min, x_max, word) in word_boxes(&pdf) {
        assert!(x_max <= RIGHT_EDGE + 1.5, "{word:?} ends at {x_max:.1} pt, past {RIGHT_EDGE:.1}");
        assert!(
            x_min >= LEFT_EDGE - 1.5,
            "{word:?} starts at {x_min:.1} pt, before {LEFT_EDGE:.1}"
        );
    }
    for column in ["renumbered", "bracketed"] {
        assert!(page_of(&pages, column).is_some(), "the summary's {column} column is printed");
    }
    eprintln!("DL/23 printed: {} pages, front matter from page {legend}", pages.len());
}

#[test]
fn front_matter_before_or_left_out() {
    if !tools_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let without = pages(&printed(dir.path(), "none", &["--front-matter", "none"]));
    assert_eq!(page_of(&without, "Legend"), None);
    assert_eq!(page_of(&without, "Summary"), None);
    assert!(
        without.last().unwrap().iter().any(|line| line.contains("resolves to express"))
            || page_of(&without, "resolves to express").is_some()
    );
    let before = pages(&printed(dir.path(), "before", &["--front-matter", "before"]));
    let legend = page_of(&before, "Legend").unwrap();
    assert!(legend < page_of(&before, "RESOLUTION 140 (REV.").unwrap(), "legend first");
    eprintln!(
        "DL/23 printed: {} pages without front matter, {} with it before",
        without.len(),
        before.len()
    );
}
