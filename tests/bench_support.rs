//! The benchmarks' support code (`benches/support/`), tested like the rest:
//! the benchmarks themselves (`harness = false`) run only under `cargo bench`.

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[allow(dead_code, reason = "only some of the timing code can run without the tools")]
#[path = "../benches/support/measure.rs"]
mod measure;
#[allow(dead_code, reason = "only the verdicts are checked here")]
#[path = "../benches/support/report.rs"]
mod report;
#[path = "../benches/support/word.rs"]
mod word;

use corpus::{Pool, Spec, generate, read_seeds, slug};
use std::time::Duration;

fn pool() -> Pool {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    Pool::from_seeds(&read_seeds(&root.join("fixtures/seeds")).unwrap())
}

#[test]
fn same_spec_gives_same_bytes() {
    let spec = Spec { bytes: 20_000, rate: 0.02, seed: 7 };
    let (a, b) = (generate(&pool(), &spec), generate(&pool(), &spec));
    assert_eq!((a.old, a.new), (b.old, b.new));
}

#[test]
fn size_and_edit_rate_are_as_asked() {
    let pair = generate(&pool(), &Spec { bytes: 200_000, rate: 0.02, seed: 1 });
    assert!((190_000..220_000).contains(&pair.old.len()), "{}", pair.old.len());
    let provisions = pair.old.lines().filter(|l| l.contains('\t')).count();
    let edits = pair.edits.total();
    assert!(edits * 60 > provisions && edits * 40 < provisions, "{edits} of {provisions}");
    assert_ne!(pair.old, pair.new);
}

#[test]
fn every_kind_of_edit_is_made() {
    let edits = generate(&pool(), &Spec { bytes: 1_000_000, rate: 0.02, seed: 1 }).edits;
    let kinds = [edits.words, edits.inserted, edits.deleted, edits.moved];
    assert!(kinds.iter().chain(&[edits.brackets, edits.reflowed]).all(|&n| n > 0), "{edits:?}");
}

#[test]
fn slugs_are_folder_names() {
    assert_eq!(slug("10 MB, 0.1%"), "10mb-0.1pc");
}

#[test]
fn median_of_odd_and_even_counts() {
    let ms = |v: &[u64]| v.iter().map(|&m| Duration::from_millis(m)).collect::<Vec<_>>();
    assert_eq!(measure::median(ms(&[5, 1, 3])), Duration::from_millis(3));
    assert_eq!(measure::median(ms(&[4, 1, 3, 2])), Duration::from_millis(2));
    assert_eq!(measure::median(Vec::new()), Duration::ZERO);
}

#[test]
fn empty_warnings_are_no_warning() {
    assert!(!measure::has_warnings(r#"{"warnings": [ ], "x": 1}"#));
    assert!(measure::has_warnings(r#"{"warnings":["fell back"]}"#));
    assert!(!measure::has_warnings("{}"));
}

#[test]
fn verdicts_say_by_how_much() {
    assert_eq!(report::verdict(0.5, 1.0, "x"), "met (0.50x)");
    assert_eq!(report::verdict(1.5, 1.0, "x"), "MISSED (1.50x, 50% over)");
}

#[test]
fn a_tool_that_exits_badly_is_reported_and_left_out() {
    let tool = |name, program: &str| measure::Tool { name, argv: vec![program.into()], ok: &[0] };
    let scratch = std::env::temp_dir();
    let figures =
        measure::interleaved(&[tool("true", "true"), tool("false", "false")], 3, &scratch);
    assert!(figures[0].failed.is_none() && figures[0].min <= figures[0].median);
    let error = figures[1].failed.as_deref().unwrap_or_default();
    assert!(error.starts_with("false exited with"), "{error}");
}

/// The outline as JSON, without line numbers, encodings and diagnostics.
fn outline_of(bytes: &[u8], name: &str) -> serde_json::Value {
    let options = redline::decode::ReadOptions::default();
    let decoded =
        redline::decode::decode_file(std::path::Path::new(name), bytes, &options).unwrap();
    let document = redline::parse::parse_text(&decoded.text, decoded.encoding);
    let json = redline::render::outline(&document, redline::render::Format::Json).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    strip_places(&mut value);
    value
}

fn strip_places(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(strip_places),
        Value::Object(fields) => {
            for place in ["lines", "encoding", "diagnostics"] {
                fields.remove(place);
            }
            fields.values_mut().for_each(strip_places);
        }
        _ => {}
    }
}

/// The `.docx` benchmark compares like with like: the Word twin of a
/// generated text is read as the same document (provisions, labels, text).
#[test]
fn the_word_twin_reads_as_its_text() {
    let old = generate(&pool(), &Spec { bytes: 100_000, rate: 0.02, seed: 140 }).old;
    let docx = word::docx(&old);
    let (word, text) = (outline_of(&docx, "twin.docx"), outline_of(old.as_bytes(), "twin.txt"));
    assert!(text.to_string().contains("\"label\":\"b)\""), "the text has lists");
    assert_eq!(word, text);
}
