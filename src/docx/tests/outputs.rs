//! The reader's whole output (text and source map, or the problem) on every
//! Word fixture and on a fixed set of generated bodies, kept as digests: a
//! change of parser or of the walk must leave them as they are. The digests
//! were recorded with the `roxmltree` reader; two other XML readers (a
//! `quick-xml` tree and a scanner of the project's own, see BENCHMARKS.md)
//! were checked against them before the project kept `roxmltree`.
//!
//! On a mismatch the test prints the new table; replace `outputs.txt` with it
//! only when the change of output is intended.

use super::props::{FRAGMENTS, bytes_of};
use super::*;
use std::fmt::Write as _;
use std::path::Path;

/// 64-bit FNV-1a: a stable digest (std's hashers may change between releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The output in full: the text and the source map, or the problem (for an
/// XML problem only the part: another parser words its messages its own way).
fn output(bytes: &[u8], view: View) -> String {
    match read(bytes, view) {
        Ok(docx) => format!("{docx:?}"),
        Err(Problem::Xml { part, .. }) => format!("Xml {{ part: {part:?} }}"),
        Err(other) => format!("{other:?}"),
    }
}

/// Every `.docx` under `fixtures/`, by path from there.
fn fixtures() -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|extension| extension == "docx") {
                out.push(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    out
}

/// A fixed generator of numbers (a linear congruential one).
fn generator(seed: u64) -> impl FnMut() -> usize {
    let mut state = seed;
    move || {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    }
}

/// Bodies of the property tests' fragments in any order (mostly malformed),
/// then well-formed ones: paragraphs of their runs and properties, some in
/// table cells or content controls.
fn generated_bodies() -> Vec<String> {
    let mut next = generator(140);
    let mut pick = |from: &[&str]| from[next() % from.len()].to_string();
    let mut bodies: Vec<String> = (0..200)
        .map(|_| {
            (0..pick(&["0", "9", "20", "39"]).parse::<usize>().unwrap())
                .map(|_| pick(FRAGMENTS))
                .collect()
        })
        .collect();
    let inline = [&FRAGMENTS[2..14], &FRAGMENTS[21..]].concat();
    let properties = &FRAGMENTS[14..17];
    for _ in 0..300 {
        let mut body = String::new();
        for _ in 0..pick(&["1", "3", "8"]).parse::<usize>().unwrap() {
            let mut paragraph = String::from("<w:p>");
            if pick(&["", "p"]) == "p" {
                paragraph.push_str(&pick(properties));
            }
            for _ in 0..pick(&["0", "2", "5"]).parse::<usize>().unwrap() {
                paragraph.push_str(&pick(&inline));
            }
            paragraph.push_str("</w:p>");
            let wrapper = pick(&["", "", "tbl", "sdt", "ins"]);
            body.push_str(&match wrapper.as_str() {
                "tbl" => format!("{}{paragraph}{}", FRAGMENTS[17], FRAGMENTS[18]),
                "sdt" => format!("{}{paragraph}{}", FRAGMENTS[19], FRAGMENTS[20]),
                "ins" => format!("<w:ins w:id=\"9\">{paragraph}</w:ins>"),
                _ => paragraph,
            });
        }
        bodies.push(body);
    }
    bodies
}

fn table() -> String {
    let mut table = String::new();
    let views = [(View::Accepted, "accepted"), (View::Original, "original")];
    for fixture in fixtures() {
        let bytes =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(&fixture))
                .unwrap();
        for (view, name) in views {
            writeln!(table, "{fixture} {name} {:016x}", fnv1a(&output(&bytes, view))).unwrap();
        }
    }
    let bodies = generated_bodies();
    for (view, name) in views {
        let all: String = bodies.iter().map(|body| output(&bytes_of(body), view) + "\n").collect();
        let read = bodies.iter().filter(|body| read(&bytes_of(body), view).is_ok()).count();
        writeln!(table, "generated({}, {read} read) {name} {:016x}", bodies.len(), fnv1a(&all))
            .unwrap();
    }
    table
}

#[test]
fn outputs_are_those_recorded() {
    let expected = include_str!("outputs.txt");
    let actual = table();
    assert!(actual == expected, "outputs changed; the new table:\n{actual}");
}
