//! `redline outline` from the outside.

use crate::common::*;

#[test]
fn missing_file_is_one_line_and_exit_2() {
    let output = redline(&["outline", "no/such/file.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.txt") && err.contains("no such file"), "{err}");
}

#[test]
fn directory_is_refused() {
    let output = redline(&["outline", "fixtures"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is a directory"), "{}", stderr(&output));
}
