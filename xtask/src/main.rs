//! Project tasks (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! `cargo xtask ci` runs exactly what CI runs; `cargo xtask bench` measures the
//! release binary against `git diff --word-diff` and `wdiff`; `cargo xtask fuzz`
//! runs the fuzz targets of `fuzz/`.

mod bench;
#[path = "../../benches/support/corpus.rs"]
mod corpus;
mod fuzz;
mod install;
mod measure;
mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Task = (&'static str, &'static str, fn(&[String]) -> Result<(), String>);

const TASKS: &[Task] = &[
    ("ci", "what CI runs: fmt check, clippy (warnings denied), tests, docs", ci),
    ("test", "all tests of the workspace", test),
    (
        "screenshot",
        "PNG of a fixture's HTML redline in target/screenshots/ [CASE, default dl23]",
        screenshot,
    ),
    ("man", "man pages of redline and its subcommands into target/man", man),
    ("bench", "whole-process timings against git and wdiff [--quick] [--runs N]", bench::run),
    ("bench-inputs", "write the benchmark inputs to a folder [DIR] [--quick]", bench::inputs),
    ("fuzz", "run the fuzz targets [--seconds N each] [--cmin] [TARGET ...]", fuzz::run),
    (
        "quality",
        "score the aligner on generated pairs, write QUALITY.md [--quick] [--seed N] [--out FILE]",
        quality,
    ),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        usage();
        return ExitCode::from(2);
    };
    let Some((_, _, task)) = TASKS.iter().find(|(task, _, _)| task == name) else {
        eprintln!("xtask: unknown task {name:?}");
        usage();
        return ExitCode::from(2);
    };
    match task(&args[1..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

fn usage() {
    eprintln!("usage: cargo xtask <task>\n\ntasks:");
    for (name, about, _) in TASKS {
        eprintln!("  {name:<12} {about}");
    }
}

/// The repository root (the parent of `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| ".".into(), Path::to_path_buf)
}

/// Runs a command, echoing it first; fails if it fails.
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_with(Command::new(program).args(args))
}

/// Runs a prepared command, echoing it first; fails if it fails.
fn run_with(command: &mut Command) -> Result<(), String> {
    let line = echo(command);
    eprintln!("$ {line}");
    let status = command.status().map_err(|error| format!("cannot run {line}: {error}"))?;
    if status.success() { Ok(()) } else { Err(format!("{line} failed: {status}")) }
}

/// A command as a shell line, with the environment it sets.
fn echo(command: &Command) -> String {
    let envs = command.get_envs().filter_map(|(key, value)| {
        value.map(|value| format!("{}={}", key.to_string_lossy(), value.to_string_lossy()))
    });
    let words = std::iter::once(command.get_program().to_string_lossy().into_owned())
        .chain(command.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    envs.chain(words).collect::<Vec<_>>().join(" ")
}

/// The value after `--flag` in `args`, parsed.
fn flag_value<T: std::str::FromStr>(args: &[String], flag: &str) -> Result<Option<T>, String> {
    let Some(at) = args.iter().position(|arg| arg == flag) else {
        return Ok(None);
    };
    let value = args.get(at + 1).ok_or_else(|| format!("{flag} needs a value"))?;
    value.parse().map(Some).map_err(|_| format!("{flag}: not a valid value: {value:?}"))
}

fn ci(_: &[String]) -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    test(&[])?;
    // Broken or private intra-doc links fail CI like clippy warnings do.
    run_with(
        Command::new("cargo")
            .args(["doc", "--workspace", "--no-deps"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )
}

fn test(_: &[String]) -> Result<(), String> {
    run("cargo", &["test", "--workspace", "--all-targets"])?;
    run("cargo", &["test", "--workspace", "--doc"])
}

/// Renders `fixtures/render/<case>` (or `fixtures/diff/<case>`, `fixtures/<case>`)
/// as HTML with DL/23's header block and takes a PNG of it with headless Chromium.
/// A case is a folder with `old.txt` and `new.txt`, or a series folder
/// (`languages/ar`): its first two revisions.
fn screenshot(args: &[String]) -> Result<(), String> {
    let case = args.first().map_or("dl23", String::as_str);
    let (old, new) = ["fixtures/render", "fixtures/diff", "fixtures"]
        .iter()
        .find_map(|group| revision_pair(&format!("{group}/{case}")))
        .ok_or_else(|| format!("no fixture {case:?} with old.txt and new.txt, or revisions"))?;
    let out = std::env::current_dir().map_err(|e| e.to_string())?.join("target/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let name = case.replace('/', "-");
    let (html, png) = (out.join(format!("{name}.html")), out.join(format!("{name}.png")));
    let html_arg = html.display().to_string();
    let header = [
        "--doc-number=DL/23-E (Rev.2)",
        "--date=31 October 2014",
        "--origin=English",
        "--committee=WORKING GROUP OF THE PLENARY",
        "--status=WORK IN PROGRESS",
        "--proposal=WGPL/23/1",
    ];
    let mut diff = vec!["run", "--quiet", "--", "diff", &old, &new, "--format", "html"];
    diff.extend(header);
    diff.extend(["-o", &html_arg]);
    run("cargo", &diff)?;
    let profile = std::env::temp_dir().join(format!("redline-screenshot-{}", std::process::id()));
    let result = run(
        "chromium",
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
            "--window-size=1000,2000",
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", html.display()),
        ],
    );
    let _ = std::fs::remove_dir_all(&profile);
    result?;
    eprintln!("wrote {}", png.display());
    Ok(())
}

/// The old and new revisions of a fixture folder: `old.txt` and `new.txt`,
/// or the first two `.txt` files in name order.
fn revision_pair(dir: &str) -> Option<(String, String)> {
    let path = std::path::Path::new(dir);
    if path.join("old.txt").exists() {
        return Some((format!("{dir}/old.txt"), format!("{dir}/new.txt")));
    }
    let mut texts: Vec<String> = std::fs::read_dir(path)
        .ok()?
        .filter_map(|entry| entry.ok()?.path().to_str().map(str::to_string))
        .filter(|name| name.ends_with(".txt"))
        .collect();
    texts.sort();
    let mut texts = texts.into_iter();
    Some((texts.next()?, texts.next()?))
}

/// Runs the quality yardstick (`quality/`, release build): generated pairs
/// with known ground truth, scored; the report goes to `QUALITY.md`.
fn quality(args: &[String]) -> Result<(), String> {
    let mut command = vec!["run", "--release", "--quiet", "-p", "quality", "--"];
    command.extend(args.iter().map(String::as_str));
    run("cargo", &command)
}

/// Generates the man pages from the command-line definition (clap_mangen, via
/// the binary's hidden `man` subcommand, so the pages never drift from the flags).
fn man(_: &[String]) -> Result<(), String> {
    run("cargo", &["run", "--quiet", "--bin", "redline", "--", "man", "target/man"])?;
    eprintln!("man pages written to target/man (try: man -l target/man/redline.1)");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::corpus::{Pool, Spec, generate, read_seeds};

    fn pool() -> Pool {
        Pool::from_seeds(&read_seeds(&super::root().join("fixtures/seeds")).unwrap())
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
    fn echo_shows_environment_and_arguments() {
        let mut command = std::process::Command::new("cargo");
        command.env("RUSTC_BOOTSTRAP", "1").args(["fuzz", "run"]);
        assert_eq!(super::echo(&command), "RUSTC_BOOTSTRAP=1 cargo fuzz run");
    }
}
