//! `cargo xtask fuzz`: installs cargo-fuzz if missing, then runs each target
//! of `fuzz/` for a bounded time on its committed corpus.
//!
//! The only toolchain is stable: `RUSTC_BOOTSTRAP=1` lets cargo-fuzz pass the
//! nightly flags (`-Zsanitizer`, coverage instrumentation) it needs.

use super::{flag_value, install, root, run_with};
use std::process::Command;

/// The fuzz targets, as named in `fuzz/Cargo.toml`.
pub const TARGETS: &[&str] = &["parse", "diff", "read", "brackets", "docx"];
/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 600;
/// Largest input libFuzzer makes (the pathological sizes are benchmarked instead).
const MAX_LEN: usize = 4_096;

/// `cargo xtask fuzz [--seconds N] [--jobs N] [--cmin] [TARGET ...]`.
///
/// `--seconds 0` skips the runs; `--cmin` minimises each corpus afterwards
/// (the smallest inputs that reach the same coverage), before committing it.
pub fn run(args: &[String]) -> Result<(), String> {
    let seconds: u64 = flag_value(args, "--seconds")?.unwrap_or(DEFAULT_SECONDS);
    let jobs: usize = flag_value(args, "--jobs")?.unwrap_or(1);
    let named: Vec<&str> =
        TARGETS.iter().copied().filter(|t| args.iter().any(|a| a == t)).collect();
    let targets = if named.is_empty() { TARGETS.to_vec() } else { named };
    install::ensure_cargo_tool("fuzz")?;
    for target in targets {
        if seconds > 0 {
            run_with(&mut fuzz_command(target, seconds, jobs))?;
        }
        if args.iter().any(|arg| arg == "--cmin") {
            run_with(cargo_fuzz("cmin", target).args(["--", &format!("-max_len={MAX_LEN}")]))?;
        }
    }
    Ok(())
}

/// `cargo fuzz SUBCOMMAND` on one target and its corpus `fuzz/corpus/<target>`,
/// with the build every run uses: release with debug assertions, no
/// sanitizer (the crate forbids unsafe code), no comparison tracing (it took
/// two thirds of the time; `redline.dict` gives the markers and words instead).
fn cargo_fuzz(subcommand: &str, target: &str) -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(root().join("fuzz")).env("RUSTC_BOOTSTRAP", "1");
    command.args(["fuzz", subcommand, "-O", "-a", "-s", "none", "--no-trace-compares", target]);
    command.arg(format!("corpus/{target}"));
    command
}

/// `cargo fuzz run` for `seconds`, inputs up to [`MAX_LEN`], crash inputs in
/// `fuzz/artifacts/<target>`.
fn fuzz_command(target: &str, seconds: u64, jobs: usize) -> Command {
    let mut command = cargo_fuzz("run", target);
    command.args([
        "--".to_string(),
        format!("-max_total_time={seconds}"),
        format!("-max_len={MAX_LEN}"),
        "-timeout=10".to_string(),
        "-rss_limit_mb=2048".to_string(),
        "-print_final_stats=1".to_string(),
        "-dict=redline.dict".to_string(),
    ]);
    if jobs > 1 {
        command.args([format!("-jobs={jobs}"), format!("-workers={jobs}")]);
    }
    command
}
