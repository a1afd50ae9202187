//! In-process micro-benchmarks, one per stage, so a regression can be found
//! by stage: decode+parse, align (the aligner and word diff), each renderer,
//! and the reader.
//!
//! Inputs are the generated resolution pairs of the whole-process benchmark
//! (`benches/process.rs`, `benches/support/corpus.rs`) at 30 KB and 1 MB with 2%
//! of provisions edited.
//! `decode_parse_docx` reads the old revision as a Word document
//! (`benches/support/word.rs`).
//! Run with `cargo bench --bench stages`; never part of `cargo test`.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/word.rs"]
mod word;

use divan::{Bencher, black_box};
use redline::diff::{DiffOptions, diff};
use redline::model::Document;
use redline::model::Redline;
use redline::parse::parse_text;
use redline::read::Markup;
use redline::render::{Format, Markers, Options, render};
use std::sync::LazyLock;

/// Old-text sizes measured, in bytes.
const SIZES: &[usize] = &[30_000, 1_000_000];

fn main() {
    divan::main();
}

/// The old/new byte pairs, generated once per size.
static PAIRS: LazyLock<Vec<(Vec<u8>, Vec<u8>)>> = LazyLock::new(|| {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = corpus::read_seeds(&root.join("fixtures/seeds")).expect("fixtures/seeds");
    let pool = corpus::Pool::from_seeds(&seeds);
    SIZES
        .iter()
        .map(|&bytes| corpus::generate(&pool, &corpus::Spec { bytes, rate: 0.02, seed: 140 }))
        .map(|pair| (pair.old.into_bytes(), pair.new.into_bytes()))
        .collect()
});

fn pair(bytes: usize) -> &'static (Vec<u8>, Vec<u8>) {
    &PAIRS[SIZES.iter().position(|&size| size == bytes).expect("a benchmarked size")]
}

fn load(bytes: &[u8]) -> Document {
    let decoded = redline::decode::decode(bytes, None).expect("generated text decodes");
    parse_text(&decoded.text, decoded.encoding)
}

fn redline_of(bytes: usize) -> Redline {
    let (old, new) = pair(bytes);
    diff(&load(old), &load(new), &DiffOptions::default())
}

/// The old revision of each size as a Word document.
static WORD: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    PAIRS.iter().map(|(old, _)| word::docx(std::str::from_utf8(old).expect("UTF-8"))).collect()
});

/// A `.docx` to a document: unzipping, reading the XML, numbering, parsing.
/// The target: no slower than twice `decode_parse` of the same text.
#[divan::bench(args = SIZES)]
fn decode_parse_docx(bencher: Bencher, bytes: usize) {
    let docx = &WORD[SIZES.iter().position(|&size| size == bytes).expect("a benchmarked size")];
    let path = std::path::Path::new("twin.docx");
    let options = redline::decode::ReadOptions::default();
    bencher.counter(divan::counter::BytesCount::new(pair(bytes).0.len())).bench(|| {
        let decoded = redline::decode::decode_file(path, black_box(docx), &options).expect("reads");
        parse_text(&decoded.text, decoded.encoding)
    });
}

/// Bytes to a document: decoding and parsing one revision.
#[divan::bench(args = SIZES)]
fn decode_parse(bencher: Bencher, bytes: usize) {
    let old = &pair(bytes).0;
    bencher.counter(divan::counter::BytesCount::new(old.len())).bench(|| load(black_box(old)));
}

/// Two documents to a redline: piece alignment and word diff.
#[divan::bench(args = SIZES)]
fn align(bencher: Bencher, bytes: usize) {
    let (old, new) = pair(bytes);
    let (old, new) = (load(old), load(new));
    let options = DiffOptions::default();
    bencher.bench(|| diff(black_box(&old), black_box(&new), &options));
}

/// A redline rendered in one format.
fn bench_render(bencher: Bencher, bytes: usize, format: Format, markers: Markers) {
    let redline = redline_of(bytes);
    let options = Options { format, markers, ..Options::default() };
    bencher.bench(|| render(black_box(&redline), &options).expect("renders"));
}

/// The redline as its JSON contract.
#[divan::bench(args = SIZES)]
fn render_json(bencher: Bencher, bytes: usize) {
    bench_render(bencher, bytes, Format::Json, Markers::Tilde);
}

/// The standalone HTML page (askama, ammonia).
#[divan::bench(args = SIZES)]
fn render_html(bencher: Bencher, bytes: usize) {
    bench_render(bencher, bytes, Format::Html, Markers::Tilde);
}

/// Plain text with `~~` and `++` markers.
#[divan::bench(args = SIZES)]
fn render_text(bencher: Bencher, bytes: usize) {
    bench_render(bencher, bytes, Format::Text, Markers::Tilde);
}

/// Plain text with wdiff markers.
#[divan::bench(args = SIZES)]
fn render_wdiff(bencher: Bencher, bytes: usize) {
    bench_render(bencher, bytes, Format::Text, Markers::Wdiff);
}

/// CriticMarkup.
#[divan::bench(args = SIZES)]
fn render_critic(bencher: Bencher, bytes: usize) {
    bench_render(bencher, bytes, Format::Critic, Markers::Tilde);
}

/// A rendered redline read back (`accept`/`reject`).
#[divan::bench(args = SIZES)]
fn read_text(bencher: Bencher, bytes: usize) {
    let options = Options::default();
    let rendered = render(&redline_of(bytes), &options).expect("renders");
    bencher.bench(|| redline::read::read(black_box(&rendered), Markup::Text).expect("reads"));
}
