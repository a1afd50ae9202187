//! Command-line manners: `-` for standard input, one line on stderr for a
//! file written (`-q` silences it), "no differences" and `--exit-code`,
//! help texts, completions without hidden commands, devices as outputs.

use crate::common::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const OLD: &str = "fixtures/res140/01-guadalajara-2010.txt";
const NEW: &str = "fixtures/res140/02-busan-2014-dl23-rev2.txt";

/// Runs `redline` in the repository root with `input` on its standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let bytes = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&bytes);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap()
}

#[test]
fn a_dash_reads_standard_input_for_every_command_that_reads_a_revision() {
    let from_file = stdout(&redline(&["diff", OLD, NEW, "--format", "json"]));
    let from_stdin = stdout(&with_stdin(&["diff", OLD, "-", "--format", "json"], &read(NEW)));
    let path = |json: &str| json.replace("\"path\": \"-\"", &format!("\"path\": \"{NEW}\""));
    assert_eq!(path(&from_stdin), from_file, "diff OLD -");
    let old_from_stdin = with_stdin(&["diff", "-", NEW, "--stat"], &read(OLD));
    assert_eq!(stdout(&old_from_stdin), stdout(&redline(&["diff", OLD, NEW, "--stat"])));
    let outline = with_stdin(&["outline", "-"], &read(NEW));
    assert_eq!(stdout(&outline), stdout(&redline(&["outline", NEW])), "outline -");
    let brackets = with_stdin(&["brackets", "-"], &read(NEW));
    assert!(stdout(&brackets).starts_with("stdin: 16 brackets"), "{}", stdout(&brackets));
    let series = with_stdin(&["series", OLD, "-", "--format", "text"], &read(NEW));
    assert_eq!(series.status.code(), Some(0), "{}", stderr(&series));
    assert!(stdout(&series).contains("  2  stdin\n"), "{}", stdout(&series));
    let twice = with_stdin(&["diff", "-", "-"], &read(NEW));
    assert_eq!(twice.status.code(), Some(2));
    assert!(stderr(&twice).contains("standard input can be read only once"), "{}", stderr(&twice));
}

#[test]
fn a_file_written_is_one_line_on_stderr_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).display().to_string();
    let diff = redline(&["diff", OLD, NEW, "-o", &out("dl23.html")]);
    let expected = format!(
        "redline: wrote {} (html: 38 ADD, 3 SUP, 38 MOD, 56 NOC, 1 moved, 29 renumbered)\n",
        out("dl23.html")
    );
    assert_eq!(stderr(&diff), expected);
    let quiet = redline(&["diff", OLD, NEW, "-q", "-o", &out("dl23.html")]);
    assert_eq!(stderr(&quiet), "", "-q silences it");
    assert_eq!(stderr(&redline(&["diff", OLD, NEW, "--format", "text"])), "", "not for stdout");
    let series = redline(&["series", "fixtures/batch/beta", "--pairs", "-o", &out("beta.json")]);
    let said = stderr(&series);
    assert!(said.starts_with(&format!("redline: wrote {} (json, 2 revisions: ", out("beta.json"))));
    assert!(said.ends_with("redline: wrote beta.1-2.json beside it\n"), "{said}");
    let brackets = redline(&["brackets", NEW, "-o", &out("brackets.txt")]);
    let said = stderr(&brackets);
    assert!(said.ends_with("(text: 16 open, 2 unbalanced in 02-busan-2014-dl23-rev2)\n"), "{said}");
    let accept =
        redline(&["accept", "fixtures/seeds/001_c6d08fd8f7b644ff.txt", "-o", &out("a.txt")]);
    assert!(stderr(&accept).contains("(the new revision, "), "{}", stderr(&accept));
    let batch = redline(&["batch", "fixtures/batch", "-o", &out("batch")]);
    let said = stderr(&batch);
    assert!(said.contains(&format!("wrote {} (", out("batch"))) && said.contains("index.html)"));
    assert!(
        !stderr(&redline(&["-q", "batch", "fixtures/batch", "-o", &out("b")])).contains("wrote")
    );
}

#[test]
fn the_same_text_twice_is_no_differences_and_exit_code_tells_differences() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.txt");
    std::fs::copy(root().join(OLD), &copy).unwrap();
    let copy = copy.to_str().unwrap();
    let same = redline(&["diff", OLD, copy]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stderr(&same), "redline: no differences\n");
    assert_eq!(redline(&["diff", OLD, copy, "--exit-code"]).status.code(), Some(0));
    assert_eq!(stderr(&redline(&["diff", OLD, copy, "-q"])), "");
    let differ = redline(&["diff", OLD, NEW, "--exit-code"]);
    assert_eq!(differ.status.code(), Some(1), "as git diff --exit-code");
    assert!(!stdout(&differ).is_empty(), "the redline is still written");
    assert_eq!(redline(&["diff", OLD, NEW]).status.code(), Some(0));
    let reflowed = fixture("diff/08-whitespace-reflow");
    let (a, b) = (reflowed.join("old.txt"), reflowed.join("new.txt"));
    let layout = redline(&["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--exit-code"]);
    assert_eq!(layout.status.code(), Some(0), "a reflow is no difference of the text");
    assert!(stderr(&layout).contains("no differences (only layout or typography)"));
}

#[test]
fn help_texts_show_examples_series_toml_and_one_default() {
    let diff = stdout(&redline(&["diff", "--help"]));
    assert!(diff.contains("Examples:") && diff.contains("redline diff r1.txt r2.txt --stat"));
    assert!(diff.contains("--exit-code") && diff.contains("-L, --label <NAME>"), "{diff}");
    let batch = stdout(&redline(&["batch", "--help"]));
    for line in ["    [[revisions]]\n", "    file = \"01-guadalajara-2010.txt\"\n"] {
        assert!(batch.contains(line), "series.toml shown line by line: {batch}");
    }
    assert!(batch.contains("    draft_title = \"DRAFT RESOLUTION 140\"\n"), "{batch}");
    let accept = stdout(&redline(&["accept", "--help"]));
    let from = &accept[accept.find("--from").unwrap()..accept.find("-o, --output").unwrap()];
    assert_eq!(from.matches("[default").count(), 1, "{from}");
}

#[test]
fn completions_leave_out_hidden_commands() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&redline(&["completions", shell]));
        assert!(script.contains("series") && script.contains("quiet"), "{shell}");
        let offers_man = script.lines().any(|line| {
            line.contains("\"man\"") || line.contains(" man ") || line.contains("subcmd__man")
        });
        assert!(!offers_man, "{shell} completes the hidden man command");
    }
}

#[cfg(unix)]
#[test]
fn a_device_is_an_output() {
    for args in [
        &["diff", OLD, NEW, "-o", "/dev/null"][..],
        &["series", "fixtures/batch/beta", "-o", "/dev/null"],
        &["brackets", NEW, "-o", "/dev/null"],
        &["accept", "fixtures/seeds/001_c6d08fd8f7b644ff.txt", "-o", "/dev/null"],
    ] {
        let output = redline(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    }
}
