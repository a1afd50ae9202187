//! Headless Chromium and poppler's `pdftotext` for the browser and print
//! tests: where they are, and running them with a deadline.
//!
//! Without them a test prints a notice and passes, unless the `CI`
//! environment variable is set: then it fails (`.ci/run` installs both).

#![allow(dead_code, reason = "each test uses a different subset of the helpers")]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The browser the tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// poppler's text extractor.
pub const PDFTOTEXT: &str = "/usr/bin/pdftotext";

/// `true` when `tool` is installed; else a notice (and a failure under CI).
pub fn available(tool: &str, package: &str) -> bool {
    if Path::new(tool).exists() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI is set but {tool} is missing");
    eprintln!("notice: {tool} not found; test skipped (apt-get install {package})");
    false
}

/// Runs headless Chromium with `args` (a fresh profile, no network chatter)
/// and returns its output; fails the test after 120 s.
pub fn chromium(args: &[String]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let mut command = Command::new(CHROMIUM);
    command
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args);
    run_with_deadline(&mut command, Duration::from_secs(120))
}

/// Prints `html` to `pdf` on A4 as Chromium's print to PDF does, without
/// Chromium's own header and footer.
pub fn print_to_pdf(html: &Path, pdf: &Path) {
    let output = chromium(&[
        "--no-pdf-header-footer".to_string(),
        format!("--print-to-pdf={}", pdf.display()),
        format!("file://{}", html.display()),
    ]);
    assert!(pdf.exists(), "no PDF written: {}", String::from_utf8_lossy(&output.stderr));
}

/// `pdftotext` of `pdf` with `flags`, to stdout.
pub fn pdftotext(pdf: &Path, flags: &[&str]) -> String {
    let mut command = Command::new(PDFTOTEXT);
    command.args(flags).arg(pdf).arg("-");
    let output = run_with_deadline(&mut command, Duration::from_secs(60));
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn run_with_deadline(command: &mut Command, limit: Duration) -> Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Both pipes are drained by threads, so a child writing much never blocks.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_end(&mut bytes).unwrap();
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("{command:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}
