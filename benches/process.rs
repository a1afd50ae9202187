//! Whole-process benchmark: `redline diff` against `git diff --no-index
//! --word-diff=porcelain` and GNU `wdiff` on generated inputs, plus the
//! pathological inputs and batch parallelism. Prints a markdown report and keeps
//! it in `target/bench/report.md`.
//!
//! ```sh
//! cargo bench --bench process -- [--quick] [--runs N]   # the report (cargo xtask bench)
//! cargo bench --bench process -- inputs [DIR] [--quick] # the inputs alone, for profiling
//! ```
//!
//! It times the `redline` binary cargo builds for benchmarks (the release
//! profile). Under `cargo test` it measures nothing; its support code is tested
//! by `tests/bench_support.rs`.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/measure.rs"]
mod measure;
#[path = "support/report.rs"]
mod report;

use corpus::{Pair, Pool, Spec, pathological, slug, write_pair};
use measure::{Figures, Tool, has_warnings};
use report::{Batch, Report, Row, Stress};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Input sizes: about 30 KB, 1 MB and 10 MB of old text.
const SIZES: &[(&str, usize)] = &[("30 KB", 30_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000)];
/// Series in the batch measurement, and revisions per series.
const BATCH_SERIES: usize = 200;
const BATCH_REVISIONS: usize = 3;
/// Edit rates: share of provisions edited.
const RATES: &[(&str, f64)] = &[("2%", 0.02), ("0.1%", 0.001)];
/// The seed of every generated input.
const SEED: u64 = 140;
/// Timed runs after the warm-up.
const DEFAULT_RUNS: usize = 5;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this file without it.
    if !args.iter().any(|arg| arg == "--bench") {
        eprintln!("process: measures only under cargo bench (cargo bench --bench process)");
        return ExitCode::SUCCESS;
    }
    let result = if args.first().is_some_and(|arg| arg == "inputs") {
        inputs(&args[1..])
    } else {
        run(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("process: {error}");
            ExitCode::FAILURE
        }
    }
}

/// What the benchmark was asked.
struct Options {
    quick: bool,
    runs: usize,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let quick = args.iter().any(|arg| arg == "--quick");
        let runs = flag_value(args, "--runs")?.unwrap_or(DEFAULT_RUNS).max(1);
        Ok(Options { quick, runs })
    }

    /// The sizes measured: `--quick` leaves out 10 MB.
    fn sizes(&self) -> &'static [(&'static str, usize)] {
        if self.quick { &SIZES[..2] } else { SIZES }
    }

    /// The size of the single-provision stress input (5 MB, 1 MB when quick).
    fn single_provision_bytes(&self) -> usize {
        if self.quick { 1_000_000 } else { 5_000_000 }
    }
}

/// Generates, measures and prints the report (also kept in `target/bench/report.md`).
fn run(args: &[String]) -> Result<(), String> {
    let options = Options::parse(args)?;
    let dir = output_dir();
    let pool = pool()?;
    let binary = Path::new(env!("CARGO_BIN_EXE_redline"));
    let mut report = Report { runs: options.runs, ..Report::default() };
    for &(size_name, bytes) in options.sizes() {
        for &(rate_name, rate) in RATES {
            let pair = corpus::generate(&pool, &Spec { bytes, rate, seed: SEED });
            let input = format!("{size_name}, {rate_name}");
            let (old, new) = write_pair(&dir.join(slug(&input)), &pair.old, &pair.new)?;
            measure_pair(&mut report, binary, (&input, &pair), (&old, &new), options.runs, &dir);
        }
    }
    stress(&mut report, &pool, binary, &options, &dir)?;
    report.batch = Some(batch(&pool, binary, options.runs.min(3), &dir));
    let text = report.render();
    println!("{text}");
    std::fs::write(dir.join("report.md"), &text).map_err(|error| format!("report.md: {error}"))
}

/// `inputs [DIR] [--quick]`: the inputs alone, for profiling.
fn inputs(args: &[String]) -> Result<(), String> {
    let options = Options::parse(args)?;
    let dir = args.iter().find(|arg| !arg.starts_with("--")).map_or_else(output_dir, PathBuf::from);
    let pool = pool()?;
    for &(size_name, bytes) in options.sizes() {
        for &(rate_name, rate) in RATES {
            let pair = corpus::generate(&pool, &Spec { bytes, rate, seed: SEED });
            let folder = dir.join(slug(&format!("{size_name}, {rate_name}")));
            write_pair(&folder, &pair.old, &pair.new)?;
            eprintln!("{}: {} edits ({:?})", folder.display(), pair.edits.total(), pair.edits);
        }
    }
    Ok(())
}

/// The value after `--flag` in `args`, parsed.
fn flag_value<T: std::str::FromStr>(args: &[String], flag: &str) -> Result<Option<T>, String> {
    let Some(at) = args.iter().position(|arg| arg == flag) else {
        return Ok(None);
    };
    let value = args.get(at + 1).ok_or_else(|| format!("{flag} needs a value"))?;
    value.parse().map(Some).map_err(|_| format!("{flag}: not a valid value: {value:?}"))
}

/// `target/bench` (in the target folder cargo builds into).
fn output_dir() -> PathBuf {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    scratch.parent().unwrap_or(scratch).join("bench")
}

fn pool() -> Result<Pool, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = corpus::read_seeds(&root.join("fixtures/seeds"))
        .map_err(|error| format!("fixtures/seeds: {error}"))?;
    Ok(Pool::from_seeds(&seeds))
}

fn measure_pair(
    report: &mut Report,
    binary: &Path,
    (input, pair): (&str, &Pair),
    (old, new): (&Path, &Path),
    runs: usize,
    scratch: &Path,
) {
    let tools = measure::tools(binary, old, new);
    echo_once(report, &tools);
    eprintln!("process: timing {input} ({} edits)", pair.edits.total());
    let figures = measure::interleaved(&tools, runs, scratch);
    let edits = describe_edits(&pair.edits);
    for (tool, figures) in tools.iter().zip(figures) {
        let bytes = pair.old.len() + pair.new.len();
        report.rows.push(Row {
            input: input.into(),
            bytes,
            edits: edits.clone(),
            tool: tool.name,
            figures,
        });
    }
}

/// Prints each tool's command line the first time it is timed.
fn echo_once(report: &mut Report, tools: &[Tool]) {
    if !report.commands.is_empty() {
        return;
    }
    for tool in tools {
        eprintln!("$ {} > /dev/null", tool.line());
        report.commands.push(tool.line());
    }
}

fn describe_edits(edits: &corpus::EditCounts) -> String {
    format!(
        "{} (words {}, ins {}, del {}, moved {}, brackets {}, reflow {})",
        edits.total(),
        edits.words,
        edits.inserted,
        edits.deleted,
        edits.moved,
        edits.brackets,
        edits.reflowed
    )
}

/// The pathological inputs, each against an ordinary input of the same size.
fn stress(
    report: &mut Report,
    pool: &Pool,
    binary: &Path,
    options: &Options,
    dir: &Path,
) -> Result<(), String> {
    let cases: [(&'static str, (String, String)); 4] = [
        ("10,000 identical provisions", pathological::identical_provisions(pool)),
        (
            "one provision of the whole text",
            pathological::single_provision(pool, options.single_provision_bytes()),
        ),
        ("entirely rewritten", pathological::rewritten(pool, 1_000_000)),
        ("5,000 nested brackets", pathological::nested_brackets(5_000)),
    ];
    for (index, (name, (old, new))) in cases.into_iter().enumerate() {
        let folder = dir.join(format!("stress-{index}"));
        let paths = write_pair(&folder, &old, &new)?;
        let ordinary = corpus::generate(pool, &Spec { bytes: old.len(), rate: 0.02, seed: SEED });
        let ordinary_paths = write_pair(&folder.join("ordinary"), &ordinary.old, &ordinary.new)?;
        eprintln!("process: timing {name}");
        let [figures, ordinary_figures] =
            html_pair(binary, paths, ordinary_paths, options.runs.min(3), dir);
        let warned = figures.stderr.to_lowercase().contains("warning") || warned(binary, &folder)?;
        report.stress.push(Stress {
            name,
            bytes: old.len() + new.len(),
            figures,
            ordinary: ordinary_figures,
            warned,
        });
    }
    Ok(())
}

/// `redline diff --format html` on a stress pair and on its ordinary pair, interleaved.
fn html_pair(
    binary: &Path,
    (old, new): (PathBuf, PathBuf),
    (ordinary_old, ordinary_new): (PathBuf, PathBuf),
    runs: usize,
    scratch: &Path,
) -> [Figures; 2] {
    let html = |old: &Path, new: &Path| measure::tools(binary, old, new).swap_remove(1);
    let tools = [html(&old, &new), html(&ordinary_old, &ordinary_new)];
    let mut figures = measure::interleaved(&tools, runs, scratch).into_iter();
    [figures.next().unwrap_or_default(), figures.next().unwrap_or_default()]
}

/// Whether the aligner reported a fallback in the JSON's warnings.
fn warned(binary: &Path, folder: &Path) -> Result<bool, String> {
    let output = std::process::Command::new(binary)
        .args(["diff", "--format", "json"])
        .arg(folder.join("old.txt"))
        .arg(folder.join("new.txt"))
        .output()
        .map_err(|error| format!("{}: {error}", binary.display()))?;
    Ok(has_warnings(&String::from_utf8_lossy(&output.stdout)))
}

/// `redline batch` over [`BATCH_SERIES`] series of 30 KB revisions, with
/// `--jobs 1` against `--jobs 2`, interleaved.
fn batch(pool: &Pool, binary: &Path, runs: usize, dir: &Path) -> Result<Batch, String> {
    let input = dir.join("batch/in");
    for index in 0..BATCH_SERIES {
        let spec = Spec { bytes: 30_000, rate: 0.02, seed: SEED + index as u64 };
        let folder = input.join(format!("series-{index:03}"));
        std::fs::create_dir_all(&folder)
            .map_err(|error| format!("{}: {error}", folder.display()))?;
        for (number, text) in corpus::series(pool, &spec, BATCH_REVISIONS).iter().enumerate() {
            let path = folder.join(format!("{:02}.txt", number + 1));
            std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
        }
    }
    let tool = |jobs: &'static str, name: &'static str| Tool {
        name,
        argv: [binary.display().to_string(), "batch".into(), input.display().to_string()]
            .into_iter()
            .chain(["-o".into(), dir.join("batch/out").display().to_string()])
            .chain(["--jobs".into(), jobs.into()])
            .collect(),
        ok: &[0],
    };
    let tools = [tool("1", "batch --jobs 1"), tool("2", "batch --jobs 2")];
    for tool in &tools {
        eprintln!("$ {} > /dev/null", tool.line());
    }
    let mut figures = measure::interleaved(&tools, runs, dir).into_iter();
    let (one, two) = (figures.next().unwrap_or_default(), figures.next().unwrap_or_default());
    match one.failed.clone().or(two.failed.clone()) {
        Some(error) => Err(error),
        None => Ok(Batch { series: BATCH_SERIES, one, two }),
    }
}
