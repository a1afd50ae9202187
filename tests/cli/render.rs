//! `redline diff` (formats, views, stats) and `redline accept`/`reject` from the outside,
//! the round trip over every fixture pair and seed pair, and snapshots of each format.

use crate::common::*;
use redline::diff::{DiffOptions, diff};
use redline::model::Redline;
use redline::read::{Markup, read};
use redline::render::{self, Format, Markers, Options};
use std::path::{Path, PathBuf};

/// Every `fixtures/<group>/<case>/old.txt` with its `new.txt`.
fn fixture_pairs() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for group in ["diff", "render"] {
        let Ok(cases) = std::fs::read_dir(fixture(group)) else { continue };
        for case in cases {
            let case = case.unwrap().path();
            if case.join("old.txt").exists() {
                pairs.push((case.join("old.txt"), case.join("new.txt")));
            }
        }
    }
    pairs.sort();
    pairs
}

/// Every ordered pair of seeds, identical ones included.
fn seed_pairs() -> Vec<(PathBuf, PathBuf)> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(fixture("seeds"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    seeds.iter().flat_map(|old| seeds.iter().map(move |new| (old.clone(), new.clone()))).collect()
}

fn redline_of(old: &Path, new: &Path) -> (Redline, String, String) {
    // Two fixture pairs hold an empty file on purpose.
    let options = redline::decode::ReadOptions::EVEN_EMPTY;
    let (old, new) = (redline::load(old, &options).unwrap(), redline::load(new, &options).unwrap());
    (diff(&old, &new, &DiffOptions::default()), old.text, new.text)
}

fn rendered(redline: &Redline, format: Format, markers: Markers) -> String {
    render::render(redline, &Options { format, markers, ..Options::default() }).unwrap()
}

/// The plain formats and the notation each reads back as.
const PLAIN: [(Format, Markers, Markup); 3] = [
    (Format::Text, Markers::Tilde, Markup::Text),
    (Format::Text, Markers::Wdiff, Markup::Wdiff),
    (Format::Critic, Markers::Tilde, Markup::Critic),
];

fn check_round_trip(old_path: &Path, new_path: &Path) {
    let (redline, old, new) = redline_of(old_path, new_path);
    for (format, markers, markup) in PLAIN {
        let text = rendered(&redline, format, markers);
        for markup in [markup, Markup::Auto] {
            let what = format!("{markup:?} of {} -> {}", old_path.display(), new_path.display());
            let revisions = read(&text, markup).unwrap_or_else(|p| panic!("{what}: {p}"));
            assert!(revisions.old == old, "reject gives the old text: {what}");
            assert!(revisions.new == new, "accept gives the new text: {what}");
        }
    }
}

#[test]
fn round_trip_over_every_fixture_pair() {
    let pairs = fixture_pairs();
    assert!(pairs.len() >= 3, "fixtures found: {pairs:?}");
    for (old, new) in pairs {
        check_round_trip(&old, &new);
        check_round_trip(&new, &old);
    }
}

#[test]
fn round_trip_over_every_pair_of_seeds() {
    for (old, new) in seed_pairs() {
        check_round_trip(&old, &new);
    }
}

/// Random edits of a seed: insertions, deletions and replacements of
/// marker-like and ordinary text at random places.
fn edited(text: &str, edits: &[(usize, usize, &str)]) -> String {
    let mut out = text.to_string();
    for &(at, length, insert) in edits {
        let start = floor_char_boundary(&out, at % (out.len() + 1));
        let end = floor_char_boundary(&out, (start + length).min(out.len()));
        out.replace_range(start..end, insert);
    }
    out
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

const INSERTS: &[&str] = &[
    "",
    "~~",
    "++",
    "[-",
    "{+",
    "{--",
    "\\",
    "<<moved to #1>>",
    "\nMOD\n",
    "\n\n",
    " [new] ",
    "b) added provision;\n\n",
    "word",
    "–",
    "\u{a0}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    #[test]
    fn round_trip_over_random_edits_of_seeds(
        seed in proptest::sample::select(vec!["000_bb43a9d7ff8b3d18", "002_09c7db653c880739", "003_7de8f70c8a456ba9"]),
        edits in proptest::collection::vec(
            (0..20_000usize, 0..400usize, proptest::sample::select(INSERTS)), 1..6),
    ) {
        let old = std::fs::read_to_string(fixture(&format!("seeds/{seed}.txt"))).unwrap();
        let new = edited(&old, &edits);
        let (old_doc, new_doc) = (redline::parse::parse_text(&old, "UTF-8"), redline::parse::parse_text(&new, "UTF-8"));
        let redline = diff(&old_doc, &new_doc, &DiffOptions::default());
        for (format, markers, markup) in PLAIN {
            let revisions = read(&rendered(&redline, format, markers), markup).unwrap();
            proptest::prop_assert!(revisions.old == old, "reject of {:?}", markup);
            proptest::prop_assert!(revisions.new == new, "accept of {:?}", markup);
        }
    }
}

#[test]
fn accept_and_reject_files_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (fixture("render/markers/old.txt"), fixture("render/markers/new.txt"));
    for (flags, file) in [(&["--format", "text"][..], "r.txt"), (&["--format", "critic"], "r.md")] {
        let out = dir.path().join(file);
        let mut args = vec!["diff", old.to_str().unwrap(), new.to_str().unwrap(), "-o"];
        args.push(out.to_str().unwrap());
        args.extend(flags);
        assert_eq!(redline(&args).status.code(), Some(0), "{}", stderr(&redline(&args)));
        let accepted = redline(&["accept", out.to_str().unwrap()]);
        assert_eq!(stdout(&accepted), std::fs::read_to_string(&new).unwrap());
        let rejected = redline(&["reject", out.to_str().unwrap()]);
        assert_eq!(stdout(&rejected), std::fs::read_to_string(&old).unwrap());
    }
}

#[test]
fn accept_reads_stdin_and_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new.txt");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["accept", "-", "-o", out.to_str().unwrap()])
        .stdin(std::fs::File::open(fixture("seeds/001_c6d08fd8f7b644ff.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = std::fs::read_to_string(out).unwrap();
    assert!(written.contains("RESOLUTION 140 (REV. BUSAN, 2014)"), "{written}");
}

#[test]
fn malformed_redline_is_one_line_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, "a) fine\nb) ~~open and ++nested++~~\n").unwrap();
    let output = redline(&["reject", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.txt:2:15: `++` inside `~~` opened at 2:4"), "{err}");
    assert!(stdout(&output).is_empty());
}

/// The library says the markers mix two notations; the command line adds the
/// flag that settles it.
#[test]
fn mixed_notations_name_the_flag_that_chooses_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.txt");
    std::fs::write(&path, "a ~~b~~\n{--c--}").unwrap();
    let output = redline(&["accept", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let expected = "mixed.txt:2:1: markers of two notations: \"{--\" here and \"~~\" at 1:3; \
                    choose one with --from\n";
    assert!(stderr(&output).ends_with(expected), "{}", stderr(&output));
}

/// A check that a text is in some format.
type Check = dyn Fn(&str) -> bool;

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (fixture("render/markers/old.txt"), fixture("render/markers/new.txt"));
    let html = |text: &str| text.starts_with("<!DOCTYPE html>");
    let json = |text: &str| text.starts_with("{\n  \"schema\"");
    let notation =
        |markup| move |text: &str| redline::read::detect(text, Markup::Auto) == Ok(markup);
    let (critic, tilde) = (notation(Markup::Critic), notation(Markup::Text));
    let cases: [(&str, &Check); 6] = [
        ("r.html", &html),
        ("r.HTM", &html),
        ("r.json", &json),
        ("r.critic", &critic),
        ("r.md", &critic),
        ("r.txt", &tilde),
    ];
    for (file, is_format) in cases {
        let out = dir.path().join(file);
        let args =
            ["diff", old.to_str().unwrap(), new.to_str().unwrap(), "-o", out.to_str().unwrap()];
        assert_eq!(redline(&args).status.code(), Some(0));
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(is_format(&written), "{file}: {written}");
    }
    let unknown = dir.path().join("r.out");
    let args =
        ["diff", old.to_str().unwrap(), new.to_str().unwrap(), "-o", unknown.to_str().unwrap()];
    let output = redline(&args);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot tell the format"), "{}", stderr(&output));
    assert!(!unknown.exists(), "nothing written for an unknown extension");
}

#[test]
fn stdout_that_is_not_a_terminal_gets_text() {
    let output =
        redline(&["diff", "fixtures/render/markers/old.txt", "fixtures/render/markers/new.txt"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!stdout(&output).contains('\u{1b}') && stdout(&output).contains("~~"));
}

#[test]
fn ansi_colours_unless_no_color() {
    let args = ["diff", "fixtures/render/markers/old.txt", "fixtures/render/markers/new.txt"];
    let run = |no_color: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_redline"));
        command.args(args).args(["--format", "ansi"]).current_dir(root()).env_remove("NO_COLOR");
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    let colour = run(None);
    assert!(colour.contains("\u{1b}[9m") && colour.contains("\u{1b}[4m"), "struck and underlined");
    assert_eq!(run(Some("")), colour, "an empty NO_COLOR does not count");
    let plain = run(Some("1"));
    assert!(!plain.contains('\u{1b}') && plain.contains("a move note++ either++"), "{plain}");
}

#[test]
fn stat_is_a_table_or_json() {
    let args =
        ["diff", "fixtures/render/markers/old.txt", "fixtures/render/markers/new.txt", "--stat"];
    let table = stdout(&redline(&args));
    assert!(table.starts_with("section ") && table.contains("\ntotal "), "{table}");
    let json = stdout(&redline(&[&args[..], &["--format", "json"]].concat()));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["total"]["ADD"].is_number(), "{json}");
}

#[test]
fn options_that_would_do_nothing_are_refused() {
    let pair = ["diff", "fixtures/render/markers/old.txt", "fixtures/render/markers/new.txt"];
    let cases: [&[&str]; 4] = [
        &["--format", "text", "--view", "changes"],
        &["--format", "ansi", "--view", "side-by-side"],
        &["--format", "critic", "--markers", "wdiff"],
        &["--format", "text", "--doc-number", "DL/1"],
    ];
    for flags in cases {
        let output = redline(&[&pair[..], flags].concat());
        assert_eq!(output.status.code(), Some(2), "{flags:?}");
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
}

#[test]
fn missing_input_is_one_line_and_exit_2() {
    let output = redline(&["diff", "no/such/old.txt", "fixtures/render/markers/new.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no/such/old.txt") && stderr(&output).lines().count() == 1);
    let output = redline(&["accept", "no/such/redline.txt"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn html_header_flags() {
    let mut args = vec!["diff", "fixtures/render/dl23/old.txt", "fixtures/render/dl23/new.txt"];
    args.extend(["--format", "html"]);
    args.extend(crate::dl23::HEADER);
    let output = redline(&args);
    let html = stdout(&output);
    for expected in [
        "<div class=\"docnumber\">Document DL/23-E (Rev.2)</div>",
        "<div class=\"origin\">Original: English</div>",
        "<p class=\"draft-title\">DRAFT RESOLUTION 140</p>",
        "<p class=\"proposal\">MOD WGPL/23/1</p>",
        "WORKING GROUP OF THE PLENARY",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
}

/// The `<main>` element of a page: the redline without the inlined CSS.
fn main_element(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").map_or(html.len(), |end| end + "</main>".len());
    &html[start..end]
}

fn snapshot_formats(old: &Path) {
    let (redline, _, _) = redline_of(old, &old.with_file_name("new.txt"));
    insta::assert_snapshot!("text", rendered(&redline, Format::Text, Markers::Tilde));
    insta::assert_snapshot!("wdiff", rendered(&redline, Format::Text, Markers::Wdiff));
    insta::assert_snapshot!("critic", rendered(&redline, Format::Critic, Markers::Tilde));
    let stat = Options { format: Format::Text, stat: true, ..Options::default() };
    insta::assert_snapshot!("stat", render::render(&redline, &stat).unwrap());
    let html = rendered(&redline, Format::Html, Markers::Tilde);
    insta::assert_snapshot!("html", main_element(&html));
    let options = Options { format: Format::Ansi, color: true, ..Options::default() };
    let ansi = render::render(&redline, &options).unwrap();
    insta::assert_snapshot!("ansi", ansi.replace('\u{1b}', "␛"));
}

#[test]
fn snapshots_of_render_fixtures() {
    insta::glob!("../../fixtures/render", "*/old.txt", snapshot_formats);
}

#[test]
fn snapshots_of_diff_fixtures() {
    insta::glob!("../../fixtures/diff", "*/old.txt", |old| {
        let (redline, _, _) = redline_of(old, &old.with_file_name("new.txt"));
        insta::assert_snapshot!("text", rendered(&redline, Format::Text, Markers::Tilde));
        insta::assert_snapshot!("critic", rendered(&redline, Format::Critic, Markers::Tilde));
    });
}

#[test]
fn html_summary_has_a_bracket_table_with_states_linked_to_changes() {
    let case = fixture("diff/18-brackets-agreed");
    let (old, new) = (case.join("old.txt"), case.join("new.txt"));
    let output =
        redline(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--format", "html"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.contains(r#"<span class="state state-agreed">agreed</span> 1"#), "{html}");
    assert!(html.contains(r#"<span class="state state-unchanged">unchanged</span> 3"#), "{html}");
    let agreed_row = html.lines().find(|line| line.contains("state-agreed\">agreed</span></td>"));
    let agreed_row = agreed_row.expect("a row for the agreed bracket");
    assert!(
        agreed_row.contains("<a href=\"#change-1\">")
            && agreed_row.contains("[along with UNESCO and UNDP]"),
        "{agreed_row}"
    );
}
