//! One decode and parse of the 1 MB benchmark text (`text`) or of its Word
//! twin (`docx`), for counting instructions where wall times are too noisy:
//!
//! ```text
//! cargo bench --bench docx_cost --no-run
//! valgrind --tool=callgrind --toggle-collect='docx_cost::once_*' target/release/deps/docx_cost-HASH docx
//! ```
//!
//! Only the work inside `once_text` or `once_docx` is counted, not the
//! making of the inputs. Without an argument it times both in turn.
//! The figures are in BENCHMARKS.md (Word documents).

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/word.rs"]
mod word;

use redline::parse::parse_text;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

/// The old revision of the 1 MB pair of `benches/stages.rs`, and its Word twin.
fn inputs() -> (Vec<u8>, Vec<u8>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = corpus::read_seeds(&root.join("fixtures/seeds")).expect("fixtures/seeds");
    let pool = corpus::Pool::from_seeds(&seeds);
    let spec = corpus::Spec { bytes: 1_000_000, rate: 0.02, seed: 140 };
    let old = corpus::generate(&pool, &spec).old;
    let docx = word::docx(&old);
    (old.into_bytes(), docx)
}

#[inline(never)]
fn once_text(text: &[u8]) -> usize {
    let decoded = redline::decode::decode(text, None).expect("generated text decodes");
    parse_text(&decoded.text, decoded.encoding).text.len()
}

#[inline(never)]
fn once_docx(docx: &[u8]) -> usize {
    let options = redline::decode::ReadOptions::default();
    let decoded =
        redline::decode::decode_file(Path::new("twin.docx"), docx, &options).expect("reads");
    parse_text(&decoded.text, decoded.encoding).text.len()
}

/// The fastest of `rounds` runs of each, in turn, in milliseconds.
fn timed(text: &[u8], docx: &[u8], rounds: usize) -> (f64, f64) {
    let (mut fastest_text, mut fastest_docx) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let start = Instant::now();
        black_box(once_text(black_box(text)));
        fastest_text = fastest_text.min(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        black_box(once_docx(black_box(docx)));
        fastest_docx = fastest_docx.min(start.elapsed().as_secs_f64() * 1e3);
    }
    (fastest_text, fastest_docx)
}

fn main() {
    let (text, docx) = inputs();
    match std::env::args().nth(1).as_deref() {
        Some("text") => drop(black_box(once_text(black_box(&text)))),
        Some("docx") => drop(black_box(once_docx(black_box(&docx)))),
        _ => {
            let (text, docx) = timed(&text, &docx, 20);
            println!("fastest of 20: text {text:.2} ms, docx {docx:.2} ms, {:.1}x", docx / text);
        }
    }
}
