//! Inputs found by fuzzing, replayed as ordinary tests, and the fuzzers'
//! properties checked again by proptest on resolution-like text.
//!
//! The properties live in `fuzz/src/oracles.rs` (included here by path), so
//! a crash input and a fuzz run check exactly the same thing.
//! Crash inputs go in `fuzz/regressions/<target>/`, named after the bug; the
//! corpora are one archive per target, `fuzz/corpus/<target>.zip`, read here
//! as they are.

#[allow(dead_code, reason = "the fuzz crate's helpers, not all used here")]
#[path = "../fuzz/src/html_audit.rs"]
mod html_audit;
#[allow(dead_code, reason = "the fuzz crate's helpers, not all used here")]
#[path = "../fuzz/src/oracles.rs"]
mod oracles;

use proptest::prelude::*;
use std::io::Read as _;
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

/// An input to replay: where it comes from, and its bytes.
struct Input {
    name: String,
    data: Vec<u8>,
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// Every file of `fuzz/regressions/<target>/` but the hidden ones, sorted.
fn crash_inputs(target: &str) -> Vec<Input> {
    let Ok(entries) = std::fs::read_dir(fuzz_dir().join("regressions").join(target)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
    let hidden =
        |path: &Path| path.file_name().is_some_and(|name| name.as_encoded_bytes()[0] == b'.');
    paths.retain(|path| path.is_file() && !hidden(path));
    paths.sort();
    let read = |path: PathBuf| Input {
        data: std::fs::read(&path).unwrap(),
        name: path.display().to_string(),
    };
    paths.into_iter().map(read).collect()
}

/// Every `stride`-th entry of `fuzz/corpus/<target>.zip` in archive order
/// (sorted by name, which is the SHA-1 of the input), read straight from
/// the archive; reading an entry checks its CRC.
fn archived_inputs(target: &str, stride: usize) -> Vec<Input> {
    let path = fuzz_dir().join("corpus").join(format!("{target}.zip"));
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|error| panic!("{}: {error} (is the corpus committed?)", path.display()));
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).unwrap();
    // A small corpus (a new target's seeds) is replayed whole.
    let stride = if archive.len() < 40 * stride { 1 } else { stride };
    let indices = (0..archive.len()).step_by(stride);
    let mut read = |index: usize| {
        let mut entry = archive.by_index(index).unwrap();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        Input { name: format!("{}:{}", path.display(), entry.name()), data }
    };
    indices.map(&mut read).collect()
}

/// Runs every input through `check`, spread over the cores, and fails naming
/// each input that breaks it; returns how many were replayed.
fn replay(target: &str, check: Check, inputs: &[Input]) -> usize {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let failed: Vec<&str> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                scope.spawn(move || {
                    let mine = inputs.iter().skip(first).step_by(threads);
                    let fails =
                        |input: &&Input| std::panic::catch_unwind(|| check(&input.data)).is_err();
                    mine.filter(fails).map(|input| input.name.as_str()).collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|worker| worker.join().unwrap()).collect()
    });
    assert!(failed.is_empty(), "{} inputs fail {target}:\n{}", failed.len(), failed.join("\n"));
    inputs.len()
}

/// Every how many archived inputs one is replayed by `cargo test`: about 400
/// of the 20,000, 6 s of CPU in a debug build. All of them take 5 minutes of
/// CPU there (the `read` and `brackets` properties cost 20 ms an input);
/// libFuzzer replays every one when a fuzz run starts (`cargo xtask fuzz`, in
/// CI), and `every_archived_input_passes` does here on demand (25 s of CPU
/// with `--release`).
const CORPUS_STRIDE: usize = 50;

#[test]
#[should_panic(expected = "1 inputs fail parse:\nbad")]
fn a_failing_input_is_named() {
    let input = |name: &str, data: &[u8]| Input { name: name.into(), data: data.to_vec() };
    let inputs = [input("good", b"fine"), input("bad", b"boom"), input("also good", b"")];
    replay("parse", |data| assert_ne!(data, b"boom"), &inputs);
}

#[test]
fn crash_inputs_found_by_fuzzing_pass() {
    for &(target, check) in TARGETS {
        replay(target, check, &crash_inputs(target));
    }
}

#[test]
fn a_sample_of_the_archived_corpora_passes() {
    for &(target, check) in TARGETS {
        let count = replay(target, check, &archived_inputs(target, CORPUS_STRIDE));
        assert!(count >= 4, "only {count} {target} inputs: is fuzz/corpus/{target}.zip whole?");
    }
}

/// `cargo test --release --test regressions -- --ignored`.
#[test]
#[ignore = "every archived input: several minutes in a debug build, run it with --release"]
fn every_archived_input_passes() {
    for &(target, check) in TARGETS {
        replay(target, check, &archived_inputs(target, 1));
    }
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
