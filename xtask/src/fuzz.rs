//! `cargo xtask fuzz`: installs cargo-fuzz if missing, then runs each target
//! of `fuzz/` for a bounded time on its corpus.
//!
//! A corpus is kept as one archive, `fuzz/corpus/<target>.zip`. Each run
//! unpacks it into `target/fuzz-corpus/<target>/`, fuzzes there and, if the
//! folder then holds inputs the archive does not, merges it down to the inputs
//! that add coverage (libFuzzer's `-merge=1`, through `cargo fuzz cmin`) and
//! packs it back into the archive.
//!
//! The only toolchain is stable: `RUSTC_BOOTSTRAP=1` lets cargo-fuzz pass the
//! nightly flags (`-Zsanitizer`, coverage instrumentation) it needs.

use super::{archive, flag_value, install, root, run_with};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fuzz targets, as named in `fuzz/Cargo.toml`.
pub const TARGETS: &[&str] = &["parse", "diff", "read", "brackets", "docx"];
/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 600;
/// Largest input libFuzzer makes (the pathological sizes are benchmarked instead).
const MAX_LEN: usize = 4_096;

/// `cargo xtask fuzz [--seconds N] [--jobs N] [--cmin] [TARGET ...]`.
///
/// `--seconds 0` only unpacks each corpus (to look at it), or with `--cmin`
/// minimises and re-packs it without fuzzing.
pub fn run(args: &[String]) -> Result<(), String> {
    let seconds: u64 = flag_value(args, "--seconds")?.unwrap_or(DEFAULT_SECONDS);
    let jobs: usize = flag_value(args, "--jobs")?.unwrap_or(1);
    let cmin = args.iter().any(|arg| arg == "--cmin");
    let named: Vec<&str> =
        TARGETS.iter().copied().filter(|t| args.iter().any(|a| a == t)).collect();
    let targets = if named.is_empty() { TARGETS.to_vec() } else { named };
    install::ensure_cargo_tool("fuzz")?;
    for target in targets {
        let (zip, folder) = (archive_path(target), work_folder(target));
        let archived = archive::unpack(&zip, &folder)?;
        eprintln!("xtask: {archived} inputs of {} in {}", zip.display(), folder.display());
        if seconds > 0 {
            run_with(&mut fuzz_command(target, &folder, seconds, jobs))?;
        }
        // The folder holds every archived input: as many files means no other.
        let grown = archive::file_names(&folder)?.len() > archived;
        if cmin || (seconds > 0 && grown) {
            merge_and_pack(target, &folder, &zip)?;
        } else if seconds > 0 {
            eprintln!("xtask: no new input; {} unchanged", zip.display());
        }
    }
    Ok(())
}

/// Merges `folder` down to the inputs that add coverage, then packs it into `zip`.
fn merge_and_pack(target: &str, folder: &Path, zip: &Path) -> Result<(), String> {
    run_with(cargo_fuzz("cmin", target, folder).args(["--", &max_len()]))?;
    let count = archive::pack(folder, zip)?;
    eprintln!("xtask: {count} inputs packed into {}", zip.display());
    Ok(())
}

/// `fuzz/corpus/<target>.zip`: the committed corpus.
fn archive_path(target: &str) -> PathBuf {
    root().join("fuzz/corpus").join(format!("{target}.zip"))
}

/// `target/fuzz-corpus/<target>`: where the corpus is fuzzed. Inputs left
/// there by an interrupted run join the next merge; delete the folder to start
/// from the archive alone.
fn work_folder(target: &str) -> PathBuf {
    root().join("target/fuzz-corpus").join(target)
}

fn max_len() -> String {
    format!("-max_len={MAX_LEN}")
}

/// `cargo fuzz SUBCOMMAND` on one target and its corpus folder, with the build
/// every run uses: release with debug assertions, no sanitizer (the crate
/// forbids unsafe code), no comparison tracing (it took two thirds of the
/// time; `redline.dict` gives the markers and words instead).
fn cargo_fuzz(subcommand: &str, target: &str, corpus: &Path) -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(root().join("fuzz")).env("RUSTC_BOOTSTRAP", "1");
    command.args(["fuzz", subcommand, "-O", "-a", "-s", "none", "--no-trace-compares", target]);
    command.arg(corpus);
    command
}

/// `cargo fuzz run` for `seconds`, inputs up to [`MAX_LEN`], crash inputs in
/// `fuzz/artifacts/<target>`.
fn fuzz_command(target: &str, corpus: &Path, seconds: u64, jobs: usize) -> Command {
    let mut command = cargo_fuzz("run", target, corpus);
    command.args([
        "--".to_string(),
        format!("-max_total_time={seconds}"),
        max_len(),
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
