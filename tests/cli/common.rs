//! Helpers shared by the integration tests.

#![allow(dead_code, reason = "each test module uses a different subset of the helpers")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path, relative to `fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    root().join("fixtures").join(relative)
}

/// Runs `redline` with `args` in `dir`.
pub fn redline_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redline")).args(args).current_dir(dir).output().unwrap()
}

/// Runs `redline` with `args` in the repository root.
pub fn redline(args: &[&str]) -> Output {
    redline_in(&root(), args)
}

/// Stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
