//! Measures `jieba-rs` against `icu_segmenter` as the word segmenter of
//! redline's word diffs of Chinese (and Japanese) text: speed, how each cuts
//! the phrases changed between the constructed Chinese revisions in
//! `fixtures/languages/zh/`, the single characters each leaves, their
//! agreement, constructed Japanese sentences, and the size of a hello-world
//! binary using each. Prints a Markdown report (see BENCHMARKS.md).
//!
//! Run with `cargo run --release --manifest-path benches/segmenters/Cargo.toml`
//! (after `cargo build --release --bins` with the same manifest for the sizes).

mod cut;
mod pairs;

use cut::{Dictionary, Piece, Segmenters, han_runs_and_segments};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The constructed Chinese revisions, in order.
const REVISIONS: [&str; 3] = ["01-draft.txt", "02-revision-1.txt", "03-revision-2.txt"];

/// Phrases with the institutional words that `src/diff/han.rs` says
/// `jieba-rs` keeps whole (constructed, as the fixtures).
const INSTITUTIONAL: [&str; 4] = [
    "责成秘书长向理事会报告",
    "鼓励发展中国家",
    "请各成员国与电信发展局分享经验",
    "就此事项与联合国其他机构开展合作",
];

/// How many copies of the three revisions make the large sample.
const COPIES: usize = 50;

/// Timed runs of each measurement; the best is kept.
const RUNS: usize = 10;

/// Constructed Japanese sentences (not official text), in the style of an
/// ITU resolution's operative paragraphs.
const JAPANESE: [&str; 2] = [
    "事務総長に対し、本決議の実施状況を毎年理事会に報告するよう指示する。",
    "加盟国に対し、電気通信開発局と経験及び最良の慣行を共有するよう要請する。",
];

fn main() {
    let revisions = read_revisions();
    let segmenters = Segmenters::new();
    println!("## Output of benches/segmenters\n");
    report_speed(&revisions);
    report_quality(&segmenters, &revisions.concat());
    report_changes(&segmenters, &revisions);
    report_institutional(&segmenters);
    report_japanese(&segmenters);
    report_sizes();
}

/// The three Chinese revisions' texts.
fn read_revisions() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/languages/zh");
    REVISIONS
        .iter()
        .map(|name| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

/// The best of `RUNS` timings of `work`.
fn best_of<T>(mut work: impl FnMut() -> T) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(work());
            start.elapsed()
        })
        .min()
        .expect("RUNS > 0")
}

/// Construction and segmentation times on the large sample.
fn report_speed(revisions: &[String]) {
    let sample = revisions.concat().repeat(COPIES);
    let runs: Vec<&str> = han_runs(&sample);
    let han_bytes: usize = runs.iter().map(|run| run.len()).sum();
    let segmenters = Segmenters::new();
    println!(
        "### Speed (best of {RUNS})\n\nSample: the three revisions {COPIES} times, {} bytes, \
         {} runs of Han characters ({} bytes).\n",
        sample.len(),
        runs.len(),
        han_bytes
    );
    println!(
        "| segmenter | construction | Han runs only | MB/s (Han bytes) | whole tokenization | MB/s (all bytes) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for dictionary in Dictionary::ALL {
        let build = match dictionary {
            Dictionary::Jieba => best_of(cut::new_jieba),
            Dictionary::Icu => best_of(cut::new_icu),
        };
        let han = best_of(|| {
            runs.iter().map(|run| segmenters.han_words(dictionary, run).len()).sum::<usize>()
        });
        let whole = best_of(|| segmenters.words(dictionary, &sample).len());
        println!(
            "| {} | {} | {} | {:.1} | {} | {:.1} |",
            dictionary.name(),
            ms(build),
            ms(han),
            mb_per_s(han_bytes, han),
            ms(whole),
            mb_per_s(sample.len(), whole)
        );
    }
    println!();
}

/// Single characters left by each segmenter and their agreement.
fn report_quality(segmenters: &Segmenters, text: &str) {
    let runs = han_runs(text);
    println!(
        "### Words over the three revisions ({} runs of Han characters, {} characters)\n",
        runs.len(),
        runs.iter().map(|run| run.chars().count()).sum::<usize>()
    );
    println!("| segmenter | words | single-character words | share |");
    println!("| --- | ---: | ---: | ---: |");
    let mut cuts = Vec::new();
    for dictionary in Dictionary::ALL {
        let words: Vec<&str> =
            runs.iter().flat_map(|run| segmenters.han_words(dictionary, run)).collect();
        let single = words.iter().filter(|word| word.chars().count() == 1).count();
        println!(
            "| {} | {} | {} | {:.0}% |",
            dictionary.name(),
            words.len(),
            single,
            percent(single, words.len())
        );
        cuts.push(inner_cuts(segmenters, dictionary, &runs));
    }
    let (jieba, icu) = (&cuts[0], &cuts[1]);
    let both = jieba.intersection(icu).count();
    let either = jieba.union(icu).count();
    println!(
        "\nCuts inside runs: jieba-rs {}, icu_segmenter {}, in both {both}; identical boundaries \
         {both} of {either} = {:.0}%.\n",
        jieba.len(),
        icu.len(),
        percent(both, either)
    );
}

/// The changed lines of each pair of consecutive revisions, as each cuts them.
fn report_changes(segmenters: &Segmenters, revisions: &[String]) {
    println!("### Changed lines (`|` between words; `[-…-]` struck, `{{+…+}}` inserted)\n");
    for (i, pair) in revisions.windows(2).enumerate() {
        println!("#### {} → {}\n", REVISIONS[i], REVISIONS[i + 1]);
        for change in pairs::changed_lines(&pair[0], &pair[1]) {
            println!("- `{}` → `{}`", change.old.unwrap_or(""), change.new.unwrap_or(""));
            for dictionary in Dictionary::ALL {
                let old =
                    change.old.map(|line| segmenters.words(dictionary, line)).unwrap_or_default();
                let new =
                    change.new.map(|line| segmenters.words(dictionary, line)).unwrap_or_default();
                let diff = pairs::word_diff(&old, &new);
                println!(
                    "  - {}: {} (struck {}, inserted {})",
                    dictionary.name(),
                    diff.marked,
                    diff.struck,
                    diff.inserted
                );
            }
        }
        println!();
    }
}

/// The institutional phrases, as each cuts them.
fn report_institutional(segmenters: &Segmenters) {
    println!("### Institutional words\n");
    println!("| phrase | jieba-rs | icu_segmenter |");
    println!("| --- | --- | --- |");
    for phrase in INSTITUTIONAL {
        let [jieba, icu] = Dictionary::ALL.map(|d| segmenters.words(d, phrase).join("\\|"));
        println!("| {phrase} | `{jieba}` | `{icu}` |");
    }
    println!();
}

/// The constructed Japanese sentences: redline today, the ICU dictionary on
/// the Han runs only, and `icu_segmenter` on the whole sentence.
fn report_japanese(segmenters: &Segmenters) {
    println!("### Japanese (constructed sentences)\n");
    for sentence in JAPANESE {
        let today = segmenters.words(Dictionary::Jieba, sentence);
        let icu_runs = segmenters.words(Dictionary::Icu, sentence);
        let icu_whole = segmenters.icu_whole(sentence);
        println!("- `{sentence}`");
        for (name, words) in [
            ("redline today (jieba-rs on kanji, UAX #29 on kana)", today),
            ("icu_segmenter on kanji only", icu_runs),
            ("icu_segmenter on the whole sentence", icu_whole),
        ] {
            let single = words.iter().filter(|w| w.chars().count() == 1 && is_letter(w)).count();
            println!("  - {name}: `{}` ({single} single-character words)", words.join("|"));
        }
    }
    println!();
}

/// Sizes of the hello-world binaries next to this one, if built, as built
/// and stripped (if `strip` is on the path), and the best of `RUNS` whole
/// runs of each (one short Chinese sentence: the segmenter's construction).
fn report_sizes() {
    println!("### Hello-world release binaries (this crate's `src/bin/`)\n");
    let Some(dir) = std::env::current_exe().ok().and_then(|exe| exe.parent().map(PathBuf::from))
    else {
        return;
    };
    println!(
        "| binary | bytes | stripped | stripped, over `hello_plain` | process (best of {RUNS}) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: |");
    let plain = stripped_size(&dir.join("hello_plain"));
    for name in ["hello_plain", "hello_jieba", "hello_icu"] {
        let path = dir.join(name);
        let Ok(meta) = std::fs::metadata(&path) else {
            println!("| {name} | not built (`cargo build --release --bins`) | | | |");
            continue;
        };
        let stripped = stripped_size(&path);
        let over = match (stripped, plain) {
            (Some(bytes), Some(plain)) => (bytes as i64 - plain as i64).to_string(),
            _ => String::new(),
        };
        let process = best_of(|| Command::new(&path).output().expect("runs"));
        println!(
            "| {name} | {} | {} | {over} | {} |",
            meta.len(),
            stripped.map(|b| b.to_string()).unwrap_or_default(),
            ms(process)
        );
    }
    println!();
}

/// The size of a stripped copy of the binary at `path`, if `strip` runs.
fn stripped_size(path: &Path) -> Option<u64> {
    let copy = path.with_extension("stripped");
    let status = Command::new("strip").arg("-o").arg(&copy).arg(path).status().ok()?;
    let size = status.success().then(|| std::fs::metadata(&copy).ok().map(|m| m.len()))?;
    let _ = std::fs::remove_file(&copy);
    size
}

/// The runs of Han characters of `text`.
fn han_runs(text: &str) -> Vec<&str> {
    han_runs_and_segments(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Han(run) => Some(run),
            Piece::Other(_) => None,
        })
        .collect()
}

/// The cuts each segmenter makes inside the runs, as (run, byte offset).
fn inner_cuts(
    segmenters: &Segmenters,
    dictionary: Dictionary,
    runs: &[&str],
) -> BTreeSet<(usize, usize)> {
    let mut cuts = BTreeSet::new();
    for (i, run) in runs.iter().enumerate() {
        let mut at = 0;
        for word in segmenters.han_words(dictionary, run) {
            if at > 0 {
                cuts.insert((i, at));
            }
            at += word.len();
        }
    }
    cuts
}

/// True for a segment holding a letter (not space or punctuation).
fn is_letter(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}

fn mb_per_s(bytes: usize, duration: Duration) -> f64 {
    bytes as f64 / 1e6 / duration.as_secs_f64()
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { 100.0 * part as f64 / whole as f64 }
}
