//! Project tasks (the cargo-xtask pattern): `cargo xtask <task>`.
//!
//! `cargo xtask ci` runs exactly what CI runs.

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

/// Renders `fixtures/render/<case>` (or `fixtures/diff/<case>`, `fixtures/<case>`)
/// as HTML with DL/23's header block and takes a PNG of it with headless Chromium.
fn screenshot(args: &[String]) -> Result<(), String> {
    let case = args.first().map_or("dl23", String::as_str);
    let dir = ["fixtures/render", "fixtures/diff", "fixtures"]
        .iter()
        .map(|group| format!("{group}/{case}"))
        .find(|dir| std::path::Path::new(dir).join("old.txt").exists())
        .ok_or_else(|| format!("no fixture {case:?} with old.txt and new.txt"))?;
    let out = std::env::current_dir().map_err(|e| e.to_string())?.join("target/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let name = case.replace('/', "-");
    let (html, png) = (out.join(format!("{name}.html")), out.join(format!("{name}.png")));
    let (old, new) = (format!("{dir}/old.txt"), format!("{dir}/new.txt"));
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

/// Generates the man pages from the command-line definition (clap_mangen, via
/// the binary's hidden `man` subcommand, so the pages never drift from the flags).
fn man(_: &[String]) -> Result<(), String> {
    run("cargo", &["run", "--quiet", "--bin", "redline", "--", "man", "target/man"])?;
    eprintln!("man pages written to target/man (try: man -l target/man/redline.1)");
    Ok(())
}
