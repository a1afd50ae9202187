//! Project tasks (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! `cargo xtask ci` runs exactly what CI runs.

use std::process::{Command, ExitCode};

type Task = (&'static str, &'static str, fn(&[String]) -> Result<(), String>);

const TASKS: &[Task] = &[
    ("ci", "what CI runs: fmt check, clippy (warnings denied), tests, docs", ci),
    ("test", "all tests of the workspace", test),
    ("man", "man pages of redline and its subcommands into target/man", man),
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

/// Runs a command, echoing it first; fails if it fails.
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .status()
        .map_err(|error| format!("cannot run {program}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} {} failed: {status}", args.join(" ")))
    }
}

fn ci(_: &[String]) -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    run("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
    test(&[])?;
    run("cargo", &["doc", "--workspace", "--no-deps"])
}

fn test(_: &[String]) -> Result<(), String> {
    run("cargo", &["test", "--workspace", "--all-targets"])?;
    run("cargo", &["test", "--workspace", "--doc"])
}

/// Generates the man pages from the command-line definition (clap_mangen, via
/// the binary's hidden `man` subcommand, so the pages never drift from the flags).
fn man(_: &[String]) -> Result<(), String> {
    run("cargo", &["run", "--quiet", "--bin", "redline", "--", "man", "target/man"])?;
    eprintln!("man pages written to target/man (try: man -l target/man/redline.1)");
    Ok(())
}
