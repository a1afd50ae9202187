//! Project tasks (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! A thin task runner: each task is a row of [`TASKS`] and a few lines calling
//! cargo or another tool. The work itself lives where it belongs: the
//! whole-process benchmark in `benches/process.rs`, the fuzz targets in
//! `fuzz/`; the larger tasks have a module each.

mod archive;
mod fuzz;
mod install;
mod screenshot;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// A task: its name, what it does (for the usage), and what runs it.
type Task = (&'static str, &'static str, fn(&[String]) -> Result<(), String>);

const TASKS: &[Task] = &[
    ("ci", "what CI runs: fmt check, clippy (warnings denied), tests, docs", ci),
    ("test", "all tests of the workspace", test),
    (
        "screenshot",
        "PNG of a fixture's HTML redline in target/screenshots/ [CASE, default res140] \
         [--print: the A4 PDF and PNGs of its first pages] [--phone: 390 px wide]",
        screenshot::run,
    ),
    ("man", "man pages of redline and its subcommands into target/man", man),
    ("bench", "whole-process timings against git and wdiff [--quick] [--runs N]", bench),
    ("bench-inputs", "write the benchmark inputs to a folder [DIR] [--quick]", bench_inputs),
    ("fuzz", "run the fuzz targets [--seconds N each] [--jobs N] [--cmin] [TARGET ...]", fuzz::run),
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

fn ci(_: &[String]) -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    test(&[])?;
    // Broken or private intra-doc links fail CI like clippy warnings do.
    let mut doc = Command::new("cargo");
    run_with(doc.args(["doc", "--workspace", "--no-deps"]).env("RUSTDOCFLAGS", "-D warnings"))
}

fn test(_: &[String]) -> Result<(), String> {
    run("cargo", &["test", "--workspace", "--all-targets"])?;
    run("cargo", &["test", "--workspace", "--doc"])
}

/// Man pages from the command-line definition (clap_mangen, via the binary's
/// hidden `man` subcommand, so the pages never drift from the flags).
fn man(_: &[String]) -> Result<(), String> {
    run("cargo", &["run", "--quiet", "--bin", "redline", "--", "man", "target/man"])?;
    eprintln!("man pages written to target/man (try: man -l target/man/redline.1)");
    Ok(())
}

/// `benches/process.rs` under `cargo bench`, once `wdiff` and GNU time are installed.
fn bench(args: &[String]) -> Result<(), String> {
    install::ensure_apt("wdiff", "wdiff")?;
    install::ensure_apt("/usr/bin/time", "time")?;
    run_with(cargo_bench(&[]).args(args))
}

/// `benches/process.rs inputs [DIR]`, with DIR taken from where xtask was run.
fn bench_inputs(args: &[String]) -> Result<(), String> {
    let here = std::env::current_dir().map_err(|error| format!("current folder: {error}"))?;
    let folder = |arg: &String| if arg.starts_with("--") { arg.into() } else { here.join(arg) };
    run_with(cargo_bench(&["inputs"]).args(args.iter().map(folder)))
}

/// `cargo bench --bench process -- ARGS`.
fn cargo_bench(args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command.args(["bench", "--bench", "process", "--"]).args(args);
    command
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

/// Runs the quality yardstick (`quality/`, release build): generated pairs
/// with known ground truth, scored; the report goes to `QUALITY.md`.
fn quality(args: &[String]) -> Result<(), String> {
    let mut command = vec!["run", "--release", "--quiet", "-p", "quality", "--"];
    command.extend(args.iter().map(String::as_str));
    run("cargo", &command)
}

#[cfg(test)]
mod tests {
    #[test]
    fn echo_shows_environment_and_arguments() {
        let mut command = std::process::Command::new("cargo");
        command.env("RUSTC_BOOTSTRAP", "1").args(["fuzz", "run"]);
        assert_eq!(super::echo(&command), "RUSTC_BOOTSTRAP=1 cargo fuzz run");
    }

    #[test]
    fn every_task_has_a_unique_name() {
        let mut names: Vec<&str> = super::TASKS.iter().map(|(name, _, _)| *name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), super::TASKS.len());
    }
}
