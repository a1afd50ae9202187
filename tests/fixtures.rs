//! The aligner over every `fixtures/diff/<case>/` pair: the redline model is
//! snapshotted in a compact form, and the invariants are checked on each.

#[path = "support/compact.rs"]
mod compact;

use compact::compact;
use redline::diff::{DiffOptions, diff};
use std::path::Path;

/// Loads a revision; two fixtures are empty files on purpose.
fn load(path: &Path) -> redline::model::Document {
    redline::load(path, &redline::decode::ReadOptions::EVEN_EMPTY).unwrap()
}

#[test]
fn diff_fixtures() {
    insta::glob!("../fixtures/diff", "*/old.txt", |old_path| {
        let (old, new) = (load(old_path), load(&old_path.with_file_name("new.txt")));
        let redline = diff(&old, &new, &DiffOptions::default());
        assert_eq!(redline.old_text(), old.text, "rejecting every change gives the old text");
        assert_eq!(redline.new_text(), new.text, "accepting every change gives the new text");
        let again = diff(&old, &new, &DiffOptions::default());
        assert_eq!(
            serde_json::to_string(&redline).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
        insta::assert_snapshot!(compact(&redline));
    });
}
