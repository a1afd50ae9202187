//! The Word fixtures (`fixtures/docx`, `fixtures/res140/docx`, made by
//! `fixtures/docx/make.sh` with pandoc and LibreOffice) read as their text twins.

use super::*;
use crate::decode::ReadOptions;
use crate::render::{Format, Options};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(path)
}

/// Every Word fixture and the text it must read as (in the accepted view).
const TWINS: &[(&str, &str)] = &[
    ("res140/docx/01-guadalajara-2010.docx", "res140/01-guadalajara-2010.txt"),
    ("res140/docx/02-busan-2014-dl23-rev2.docx", "res140/02-busan-2014-dl23-rev2.txt"),
    ("res140/docx/03-later-draft-constructed.docx", "res140/03-later-draft-constructed.txt"),
    ("docx/res140-01-libreoffice.docx", "res140/01-guadalajara-2010.txt"),
    ("docx/res140-02-libreoffice.docx", "res140/02-busan-2014-dl23-rev2.txt"),
    ("docx/res140-compare-libreoffice.docx", "res140/02-busan-2014-dl23-rev2.txt"),
    ("docx/seed-000-libreoffice.docx", "seeds/000_bb43a9d7ff8b3d18.txt"),
    ("docx/seed-003-libreoffice.docx", "seeds/003_7de8f70c8a456ba9.txt"),
    ("docx/nested-lists.docx", "docx/nested-lists.txt"),
    ("docx/table-layout.docx", "docx/table-layout.txt"),
    ("docx/footnotes.docx", "docx/footnotes.txt"),
];

fn load(path: &str, view: View) -> crate::model::Document {
    crate::load(&fixture(path), &ReadOptions { view, ..ReadOptions::default() }).unwrap()
}

/// The outline as JSON, without line numbers, encodings and the note on
/// tracked changes, white space runs made one space.
fn comparable(document: &crate::model::Document) -> serde_json::Value {
    let json = crate::render::outline(document, Format::Json).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    normalise(&mut value);
    value
}

fn normalise(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => *text = text.split_whitespace().collect::<Vec<_>>().join(" "),
        Value::Array(items) => items.iter_mut().for_each(normalise),
        Value::Object(fields) => {
            fields.remove("lines");
            fields.remove("encoding");
            fields.remove("diagnostics");
            fields.values_mut().for_each(normalise);
        }
        _ => {}
    }
}

#[test]
fn every_word_fixture_has_the_outline_of_its_text_twin() {
    for (docx, text) in TWINS {
        let word = load(docx, View::Accepted);
        assert_eq!(word.encoding, "docx");
        assert_eq!(
            comparable(&word),
            comparable(&load(text, View::Accepted)),
            "{docx} against {text}"
        );
    }
}

/// LibreOffice's Compare keeps the old revision's list on the paragraphs it
/// marks deleted (an abstract numbering of their own), so in the original view
/// those restart at `a)`, as LibreOffice's own reject-all text shows them
/// (checked below): the labels are left out of this comparison.
#[test]
fn the_original_view_of_the_libreoffice_redline_is_the_old_revision() {
    let unlabelled = |document: &crate::model::Document| {
        let mut value = comparable(document);
        strip_labels(&mut value);
        value
    };
    let original = load("docx/res140-compare-libreoffice.docx", View::Original);
    assert_eq!(
        unlabelled(&original),
        unlabelled(&load("res140/01-guadalajara-2010.txt", View::Accepted))
    );
}

fn strip_labels(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter_mut().for_each(strip_labels),
        Value::Object(fields) => {
            fields.remove("label");
            fields.remove("ordinal");
            fields.values_mut().for_each(strip_labels);
        }
        _ => {}
    }
}

#[test]
fn diagnostics_name_the_word_paragraph_and_the_tracked_changes() {
    let redline = load("docx/res140-compare-libreoffice.docx", View::Accepted);
    let first = &redline.diagnostics[0].message;
    assert!(first.starts_with("Word document with tracked changes ("), "{first}");
    assert!(first.ends_with("read with every change accepted"), "{first}");
    let seed = load("docx/seed-000-libreoffice.docx", View::Accepted);
    assert!(
        seed.diagnostics.iter().all(|d| d.message.contains("(Word paragraph ")),
        "{:?}",
        seed.diagnostics
    );
    assert!(crate::tracked_changes_warning("x.docx", &seed).is_none());
}

/// The paragraphs of a text, white space runs made one space (LibreOffice
/// writes one paragraph per line, redline separates them by blank lines).
fn paragraphs(text: &str, separator: &str) -> Vec<String> {
    text.trim_start_matches('\u{feff}')
        .split(separator)
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

/// The text without the emphasis markers the reader added (LibreOffice's text has none).
fn without_emphasis(docx: &Docx) -> String {
    let mut text = docx.text.clone();
    let mut added: Vec<&Added> = docx
        .source
        .paragraphs
        .iter()
        .flat_map(|paragraph| &paragraph.added)
        .filter(|added| added.kind == AddedKind::Emphasis)
        .collect();
    added.sort_by_key(|added| std::cmp::Reverse(added.range.start));
    for marker in added {
        text.replace_range(marker.range.clone(), "");
    }
    text
}

#[test]
fn accept_and_reject_give_libreoffice_s_own_texts() {
    let bytes = std::fs::read(fixture("docx/res140-compare-libreoffice.docx")).unwrap();
    for (view, expected) in [
        (View::Accepted, "docx/res140-compare-libreoffice.accepted.txt"),
        (View::Original, "docx/res140-compare-libreoffice.rejected.txt"),
    ] {
        let docx = read(&bytes, view).unwrap();
        assert!(docx.source.tracked_changes > 100, "{}", docx.source.tracked_changes);
        let expected = std::fs::read_to_string(fixture(expected)).unwrap();
        assert_eq!(
            paragraphs(&without_emphasis(&docx), "\n\n"),
            paragraphs(&expected, "\n"),
            "{view:?}"
        );
    }
}

/// The per-section counts of a redline (`--stat --format json`).
fn per_section_counts(redline: &crate::model::Redline) -> String {
    let options = Options { format: Format::Json, stat: true, ..Options::default() };
    crate::render::render(redline, &options).unwrap()
}

#[test]
fn a_word_pair_diffs_as_its_text_pair() {
    let options = crate::diff::DiffOptions::default();
    let stat = |old: &str, new: &str| {
        let redline =
            crate::diff::diff(&load(old, View::Accepted), &load(new, View::Accepted), &options);
        per_section_counts(&redline)
    };
    assert_eq!(
        stat("res140/docx/01-guadalajara-2010.docx", "res140/docx/02-busan-2014-dl23-rev2.docx"),
        stat("res140/01-guadalajara-2010.txt", "res140/02-busan-2014-dl23-rev2.txt")
    );
    assert_eq!(
        stat("docx/res140-01-libreoffice.docx", "res140/03-later-draft-constructed.txt"),
        stat("res140/01-guadalajara-2010.txt", "res140/03-later-draft-constructed.txt")
    );
}

#[test]
fn the_word_series_renders_as_the_text_series() {
    let options = crate::series::SeriesOptions::default();
    let build = |folder: &str| {
        let spec = crate::series::SeriesSpec::from_folder(&fixture(folder)).unwrap();
        crate::series::build(&spec, &options).unwrap()
    };
    let (word, text) = (build("res140/docx"), build("res140"));
    assert_eq!(word.steps.len(), 2);
    let counts = |series: &crate::series::Series| {
        series.steps.iter().map(per_section_counts).collect::<Vec<_>>()
    };
    assert_eq!(counts(&word), counts(&text));
    let html =
        crate::render::series(&word, &Options { format: Format::Html, ..Options::default() })
            .unwrap();
    assert!(html.contains("Busan 2014, DL/23 Rev.2"));
}
