//! Inputs found by fuzzing, replayed as ordinary tests, and the fuzzers'
//! properties checked again by proptest on resolution-like text.
//!
//! The properties live in `fuzz/src/oracles.rs` (included here by path), so
//! a crash input and a fuzz run check exactly the same thing.
//! Crash inputs go in `fuzz/regressions/<target>/`, named after the bug.

#[allow(dead_code, reason = "the fuzz crate's helpers, not all used here")]
#[path = "../fuzz/src/html_audit.rs"]
mod html_audit;
#[allow(dead_code, reason = "the fuzz crate's helpers, not all used here")]
#[path = "../fuzz/src/oracles.rs"]
mod oracles;

use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// A property of one fuzz target: panics when the input breaks it.
type Check = fn(&[u8]);

/// The fuzz targets and the property each checks.
const TARGETS: &[(&str, Check)] = &[
    ("parse", oracles::check_parse),
    ("diff", oracles::check_diff),
    ("read", oracles::check_read),
    ("brackets", oracles::check_brackets),
    ("docx", oracles::check_docx),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// Every file of `fuzz/<kind>/<target>/`, sorted.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(fuzz_dir().join(kind).join(target)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
    let hidden =
        |path: &Path| path.file_name().is_some_and(|name| name.as_encoded_bytes()[0] == b'.');
    paths.retain(|path| path.is_file() && !hidden(path));
    paths.sort();
    paths
}

/// Replays the inputs of `fuzz/<kind>/` through their target's property,
/// naming the input that fails: every `stride`-th input in name order.
fn replay(kind: &str, stride: usize) -> usize {
    let mut count = 0;
    for &(target, check) in TARGETS {
        for path in inputs(kind, target).into_iter().step_by(stride) {
            // A running fuzzer may replace a corpus file meanwhile: skip it.
            let Ok(data) = std::fs::read(&path) else { continue };
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{} fails {target}", path.display());
            count += 1;
        }
    }
    count
}

/// Every how many corpus inputs one is replayed here. The whole corpora are
/// replayed by libFuzzer itself when a fuzz run starts (`cargo xtask fuzz`,
/// in CI); here a sample keeps `cargo test` short in a debug build.
const CORPUS_STRIDE: usize = 50;

#[test]
fn crash_inputs_found_by_fuzzing_pass() {
    replay("regressions", 1);
}

#[test]
fn a_sample_of_the_committed_corpora_passes() {
    let count = replay("corpus", CORPUS_STRIDE);
    assert!(count >= 40, "only {count} corpus inputs: is fuzz/corpus committed?");
}

#[test]
fn split_pair_inverts_join_pair() {
    let data = oracles::join_pair("recalling\n", "noting\u{a0}§\n");
    assert_eq!(oracles::split_pair(&data), ("recalling\n".into(), "noting\u{a0}§\n".into()));
}

#[test]
fn line_documents_tile_their_text() {
    let document = oracles::line_document("\n  title\n\nrecalling\na) one;\n");
    assert_eq!(document.pieces.len(), 3);
    oracles::check_document(&document);
}

#[test]
fn html_audit_accepts_a_plain_page() {
    let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head>\
        <body><p class=\"mod\"><del>old</del><ins>new</ins> <a href=\"#move-1\">moved</a></p></body></html>";
    assert_eq!(html_audit::audit_html(page), Vec::<String>::new());
}

#[test]
fn html_audit_finds_scripts_handlers_and_bad_nesting() {
    let page = "<!DOCTYPE html><html><head><title>t</title></head><body>\
        <script>x()</script><p onclick=\"x()\"><a href=\"javascript:x()\">a</a></b></body></html>";
    let problems = html_audit::audit_html(page).join("\n");
    for expected in ["<script>", "onclick", "javascript:", "parse error"] {
        assert!(problems.contains(expected), "{expected} not found in:\n{problems}");
    }
}

/// Words of resolutions, with the characters that trouble parsers and markup.
const WORDS: &[&str] = &[
    "recalling",
    "resolves",
    "a)",
    "(b)",
    "1.",
    "12",
    "iv)",
    "–",
    "·",
    "the",
    "ITU",
    "WSIS",
    "[",
    "]",
    "[[",
    "]]",
    "[not",
    "agreed]",
    "**bold**",
    "*it*",
    "~~gone~~",
    "{+x+}",
    "[-y-]",
    "{++a++}",
    "{--b--}",
    "<script>",
    "&amp;",
    "\"q\"",
    "“q”",
    "\u{a0}",
    "\u{2011}",
    "§",
    "⁴",
    "�",
    "\t",
    "\n",
    "\n\n",
    "ANNEX",
    "MOD",
    "SUP",
    "ADD",
    "NOC",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..60).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parsing_keeps_the_model_invariants(text in text()) {
        oracles::check_parse(text.as_bytes());
        oracles::check_brackets(text.as_bytes());
    }

    #[test]
    fn redlines_keep_both_texts(old in text(), new in text()) {
        oracles::check_read(&oracles::join_pair(&old, &new));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for (_, check) in TARGETS {
            check(&bytes);
        }
    }
}

#[test]
fn markup_in_the_input_is_text_in_the_page() {
    let old = "resolves\n\n1 to take <script>alert(1)</script> measures;\n";
    let new = "resolves\n\n1 to take <img src=x onerror=alert(1)> \"javascript:x\" measures;\n";
    let redline = oracles::check_redline(
        &redline::parse::parse_text(old, "UTF-8"),
        &redline::parse::parse_text(new, "UTF-8"),
    );
    oracles::check_html(&redline);
    let options = redline::render::Options {
        format: redline::render::Format::Html,
        ..redline::render::Options::default()
    };
    let page = redline::render::render(&redline, &options).unwrap();
    assert!(!page.contains("<script") && !page.contains("<img"), "{page}");
    let escaped = ["&#60;", "script&#62;", "alert(1)", "onerror="];
    assert!(escaped.iter().all(|text| page.contains(text)), "{page}");
}
