//! Installing what a task needs on a fresh machine: Debian packages, cargo tools.

use super::run;
use std::process::{Command, Stdio};

/// `true` when `program --version` (or `-V`) runs.
pub fn has(program: &str, version_flag: &str) -> bool {
    Command::new(program)
        .arg(version_flag)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Installs Debian package `package` when `program` is missing.
pub fn ensure_apt(program: &str, package: &str) -> Result<(), String> {
    if has(program, "--version") {
        return Ok(());
    }
    eprintln!("xtask: {program} is missing; installing the Debian package {package}");
    run("apt-get", &["update", "-qq"])?;
    run("apt-get", &["install", "-y", "-qq", package])
}

/// Installs the cargo subcommand `cargo-<name>` from crates.io when missing.
pub fn ensure_cargo_tool(name: &str) -> Result<(), String> {
    let present = Command::new("cargo")
        .args([name, "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if present {
        return Ok(());
    }
    run("cargo", &["install", "--locked", &format!("cargo-{name}")])
}
