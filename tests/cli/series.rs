//! `redline series`, `redline batch` and `redline completions` from the outside.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

const RES140: [&str; 3] = [
    "res140/01-guadalajara-2010.txt",
    "res140/02-busan-2014-dl23-rev2.txt",
    "res140/03-later-draft-constructed.txt",
];

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    let output = redline_in(dir, args);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    output
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The text of revision `number` rebuilt from the cumulative JSON: spans alive at it.
fn alive_text(cumulative: &serde_json::Value, number: u64) -> String {
    let base = cumulative["base"].as_u64().unwrap();
    let alive = |span: &serde_json::Value| {
        span["inserted_in"].as_u64().unwrap_or(base) <= number
            && span["deleted_in"].as_u64().is_none_or(|deleted| deleted > number)
    };
    let provisions = cumulative["provisions"].as_array().unwrap();
    let spans = cumulative["lead"]
        .as_array()
        .unwrap()
        .iter()
        .chain(provisions.iter().flat_map(|p| p["spans"].as_array().unwrap()));
    spans.filter(|span| alive(span)).map(|span| span["text"].as_str().unwrap()).collect()
}

fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines
}

#[test]
fn res140_folder_renders_to_html_with_a_legend() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("res140.html");
    let output = redline(&["series", "fixtures/res140", "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let html = std::fs::read_to_string(&out).unwrap();
    for label in
        ["Guadalajara 2010 (reconstructed)", "Busan 2014, DL/23 Rev.2", "Later draft (constructed)"]
    {
        assert!(html.contains(label), "legend lacks {label}");
    }
    assert!(html.contains("MOD WGPL/23/1") && html.contains("DL/23-E (Rev.2)"), "header fields");
    assert!(
        html.contains("ins.r2, del.r2") && html.contains("ins.r3, del.r3"),
        "a colour per revision"
    );
    assert!(html.contains("ITU&#39;s role") || html.contains("ITU&#x27;s role"), "text is escaped");
    assert!(!html.contains("<script"), "no script");
}

#[test]
fn res140_json_has_revisions_steps_and_attributed_spans() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("res140.json");
    run_in(&root(), &["series", "fixtures/res140", "-o", out.to_str().unwrap()]);
    let series = json(&out);
    let revisions = series["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 3);
    assert_eq!(revisions[0]["label"], "Guadalajara 2010 (reconstructed)");
    assert_eq!(revisions[2]["path"], "fixtures/res140/03-later-draft-constructed.txt");
    assert_eq!(revisions[1]["encoding"], "UTF-8");
    assert_eq!(series["steps"].as_array().unwrap().len(), 2);
    let cumulative = &series["cumulative"];
    assert_eq!((cumulative["base"].as_u64(), cumulative["latest"].as_u64()), (Some(1), Some(3)));
    let texts: Vec<String> =
        RES140.iter().map(|f| std::fs::read_to_string(fixture(f)).unwrap()).collect();
    assert_eq!(alive_text(cumulative, 3), texts[2], "the latest text exactly");
    for (number, text) in (1..).zip(&texts) {
        // Moved provisions stand at their latest place, so earlier texts agree line by line.
        let rebuilt = alive_text(cumulative, number);
        assert_eq!(sorted_lines(&rebuilt), sorted_lines(text), "revision {number}");
    }
    let spans = cumulative["provisions"].as_array().unwrap().iter().chain([&cumulative["lead"]]);
    let json_text = spans.map(|p| p.to_string()).collect::<String>();
    assert!(
        json_text.contains("\"inserted_in\":2") && json_text.contains("\"deleted_in\":3"),
        "attribution"
    );
}

#[test]
fn base_two_starts_the_composition_at_the_second_revision() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("from2.json");
    run_in(&root(), &["series", "fixtures/res140", "--base", "2", "-o", out.to_str().unwrap()]);
    let cumulative = json(&out)["cumulative"].clone();
    assert_eq!(cumulative["base"], 2);
    let text = std::fs::read_to_string(fixture(RES140[2])).unwrap();
    assert_eq!(alive_text(&cumulative, 3), text);
    assert!(
        !cumulative.to_string().contains("\"inserted_in\":2"),
        "nothing attributed to the base"
    );
}

#[test]
fn base_out_of_range_is_one_line_and_exit_2() {
    let output = redline(&["series", "fixtures/res140", "--base", "3"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("base revision 3 is out of range"), "{err}");
}

#[test]
fn a_missing_revision_is_one_line_and_exit_2() {
    let output = redline(&["series", "fixtures/res140/01-guadalajara-2010.txt", "no/such.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such.txt") && err.contains("no such file"), "{err}");
}

#[test]
fn one_revision_is_not_a_series() {
    let output = redline(&["series", "fixtures/res140/01-guadalajara-2010.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("at least two revisions"), "{}", stderr(&output));
}

#[test]
fn files_with_labels_to_stdout_as_text() {
    let args =
        ["series", "fixtures/batch/alpha/01-draft.txt", "fixtures/batch/alpha/02-revised.txt"];
    let output = run_in(
        &root(),
        &[&args[..], &["--label", "Draft", "--label", "Revised", "-o", "-"]].concat(),
    );
    let text = stdout(&output);
    assert!(text.contains("  1  Draft  (base)\n  2  Revised\n"), "{text}");
    assert!(!text.contains("fixtures/"), "no path in the redline: {text}");
    assert!(text.contains("a leading ++facilitating ++{2}role;"), "attributed insertion: {text}");
}

#[test]
fn too_many_labels_is_an_error() {
    let output =
        redline(&["series", "fixtures/batch/beta", "--label", "a", "--label", "b", "--label", "c"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("3 --label given for 2 revisions"), "{}", stderr(&output));
}

#[test]
fn format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["series", fixture("batch/beta").to_str().unwrap(), "-o", "beta.txt"]);
    let text = std::fs::read_to_string(dir.path().join("beta.txt")).unwrap();
    assert!(text.starts_with("Title: Constructed draft decision\n"), "{text}");
    let output = redline_in(
        dir.path(),
        &["series", fixture("batch/beta").to_str().unwrap(), "-o", "beta.xyz"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot tell the format"), "{}", stderr(&output));
    assert!(!dir.path().join("beta.xyz").exists());
}

#[test]
fn pairs_are_written_beside_the_output() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["series", fixture("res140").to_str().unwrap(), "--pairs", "-o", "r.json"]);
    for pair in ["r.1-2.json", "r.2-3.json"] {
        let step = json(&dir.path().join(pair));
        assert!(step["provisions"].is_array(), "{pair} is a redline");
    }
    let output = redline(&["series", "fixtures/res140", "--pairs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("give -o FILE"), "{}", stderr(&output));
}

#[test]
fn series_output_is_deterministic() {
    let first = run_in(&root(), &["series", "fixtures/res140", "--format", "html"]);
    let second = run_in(&root(), &["series", "fixtures/res140", "--format", "html"]);
    assert_eq!(first.stdout, second.stdout);
}

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                files.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn batch(out: &Path, jobs: &str) -> std::process::Output {
    let out = out.to_str().unwrap();
    redline(&["batch", "fixtures/batch", "-o", out, "--jobs", jobs, "--format", "html,json,text"])
}

#[test]
fn batch_writes_the_good_series_reports_the_broken_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = batch(dir.path(), "2");
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 3, "two failures and what was written: {err}");
    assert!(err.ends_with("(4 series, 2 failed: 15 files and index.html)\n"), "{err}");
    assert!(
        err.contains("redline: broken: ") && err.contains("02-binary.txt: binary file"),
        "{err}"
    );
    assert!(
        err.contains("redline: empty: ") && err.contains("no revisions in the folder"),
        "{err}"
    );
    let files: Vec<String> = tree(dir.path()).into_keys().collect();
    let expected = [
        "alpha/alpha.1-2.html",
        "alpha/alpha.1-2.json",
        "alpha/alpha.1-2.txt",
        "alpha/alpha.2-3.html",
        "alpha/alpha.2-3.json",
        "alpha/alpha.2-3.txt",
        "alpha/alpha.html",
        "alpha/alpha.json",
        "alpha/alpha.txt",
        "beta/beta.1-2.html",
        "beta/beta.1-2.json",
        "beta/beta.1-2.txt",
        "beta/beta.html",
        "beta/beta.json",
        "beta/beta.txt",
        "index.html",
    ];
    assert_eq!(files, expected);
}

#[test]
fn batch_index_lists_every_series_with_counts_links_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    batch(dir.path(), "1");
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(index.contains("4 series, <strong>2 failed</strong>"), "{index}");
    let rows: Vec<&str> = index.split("<tr").skip(2).collect();
    assert_eq!(rows.len(), 4);
    let names = ["alpha", "beta", "broken", "empty"];
    for (row, name) in rows.iter().zip(names) {
        assert!(row.contains(&format!("<strong>{name}</strong>")), "{row}");
    }
    assert!(
        rows[0].contains("href=\"alpha/alpha.html\"")
            && rows[0].contains("href=\"alpha/alpha.2-3.json\"")
    );
    assert!(
        rows[1].contains("TEST/1") && rows[1].contains("First draft → Second draft"),
        "{}",
        rows[1]
    );
    assert_eq!(rows[0].matches("<td class=\"n\">").count(), 7, "seven counts");
    assert!(rows[2].contains("failed") && rows[2].contains("binary file"), "{}", rows[2]);
    assert!(rows[3].contains("no revisions in the folder"), "{}", rows[3]);
}

#[test]
fn batch_output_is_identical_between_runs_and_job_counts() {
    let (one, two, again) =
        (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    batch(one.path(), "1");
    batch(two.path(), "2");
    batch(again.path(), "2");
    let trees = [tree(one.path()), tree(two.path()), tree(again.path())];
    assert!(!trees[0].is_empty());
    assert!(trees[0] == trees[1] && trees[1] == trees[2], "outputs differ");
}

#[test]
fn batch_leaves_no_temporary_file_and_no_progress_bar_off_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let output = batch(dir.path(), "2");
    assert!(!stderr(&output).contains("series "), "no bar: {}", stderr(&output));
    let names: Vec<String> = tree(dir.path()).into_keys().collect();
    assert!(names.iter().all(|name| !name.contains(".redline-")), "{names:?}");
}

#[test]
fn batch_of_a_missing_folder_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = redline(&["batch", "no/such/dir", "-o", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/dir") && err.contains("no such file"), "{err}");
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run_in(&root(), &["completions", shell]);
        let script = stdout(&output);
        assert!(script.contains("redline") && script.contains("series"), "{shell}: {script}");
    }
    assert_eq!(redline(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn help_reads_like_a_man_page_with_examples() {
    for command in
        [&["--help"][..], &["series", "--help"], &["batch", "--help"], &["completions", "--help"]]
    {
        let output = run_in(&root(), command);
        let help = stdout(&output);
        assert!(help.contains("Examples:") && help.contains("Exit status"), "{command:?}: {help}");
    }
}

#[test]
fn man_pages_are_generated_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["man", "pages"]);
    let pages: Vec<String> = tree(&dir.path().join("pages")).into_keys().collect();
    for page in ["redline.1", "redline-series.1", "redline-batch.1", "redline-completions.1"] {
        assert!(pages.contains(&page.to_string()), "{pages:?}");
    }
    let series = std::fs::read_to_string(dir.path().join("pages/redline-series.1")).unwrap();
    assert!(series.contains(".TH redline-series") && series.contains("\\-\\-base"), "{series}");
}

#[test]
fn text_marks_one_insertion_once_even_across_a_bracket() {
    let output = redline(&["series", "fixtures/batch/beta"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("countries,++ [in particular of the least developed countries],++{2}"),
        "{text}"
    );
}

#[test]
fn the_same_file_twice_in_a_row_is_an_error() {
    let first = fixture(RES140[0]);
    let first = first.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.html");
    let output = redline(&["series", first, first, "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("the same file given as both"), "{}", stderr(&output));
    assert!(!out.exists(), "no output on an error");
}
