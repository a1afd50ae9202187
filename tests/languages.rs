//! The constructed resolutions of `fixtures/languages/<lang>/` (French,
//! Spanish, Russian, Chinese, Arabic): each is read with the structure a
//! reader sees, each edit is shown as it would be in English, and the HTML
//! is tagged with the language. Outlines and redlines are snapshotted.

#[path = "support/compact.rs"]
mod compact;

use redline::diff::{DiffOptions, diff};
use redline::model::{
    Action, Document, Entry, EntryKind, Language, Op, Redline, Role, SectionKind,
};
use redline::render::{self, Format};
use std::path::{Path, PathBuf};

/// The five languages, with their folders.
const LANGUAGES: [Language; 5] =
    [Language::Fr, Language::Es, Language::Ru, Language::Zh, Language::Ar];

fn folder(language: Language) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/languages").join(language.tag())
}

/// The revisions of `language`, oldest first.
fn revisions(language: Language) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder(language))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
}

fn load(path: &Path) -> Document {
    redline::load(path, &Default::default()).unwrap()
}

/// The redline of revision `from` (0-based) against the next one.
fn step(language: Language, from: usize) -> Redline {
    let paths = revisions(language);
    let (old, new) = (load(&paths[from]), load(&paths[from + 1]));
    let redline = diff(&old, &new, &DiffOptions::default());
    assert_eq!(redline.old_text(), old.text, "{language}: rejecting gives the old text");
    assert_eq!(redline.new_text(), new.text, "{language}: accepting gives the new text");
    redline
}

#[test]
fn every_language_is_detected() {
    for language in LANGUAGES {
        for path in revisions(language) {
            assert_eq!(load(&path).language, language, "{}", path.display());
        }
    }
}

#[test]
fn outlines() {
    for language in LANGUAGES {
        for path in revisions(language) {
            let name = format!("{}-{}", language, path.file_stem().unwrap().to_string_lossy());
            let outline = render::outline(&load(&path), Format::Text).unwrap();
            insta::assert_snapshot!(name, outline);
        }
    }
}

#[test]
fn redlines() {
    for language in LANGUAGES {
        for from in 0..revisions(language).len() - 1 {
            let name = format!("{language}-step-{}", from + 1);
            insta::assert_snapshot!(name, compact::compact(&step(language, from)));
        }
    }
}

/// The section kinds and the labels of each section, as a reader sees them.
fn structure(document: &Document) -> Vec<(SectionKind, Vec<String>)> {
    let labels = |section: &redline::model::Section| {
        let pieces = &document.pieces[section.pieces.clone()];
        pieces.iter().filter_map(|piece| Some(piece.label.as_ref()?.text.clone())).collect()
    };
    document.sections.iter().map(|section| (section.kind, labels(section))).collect()
}

#[test]
fn the_structure_a_reader_sees() {
    use SectionKind::{Annex, Operative, Preamble};
    let strings = |labels: &[&str]| labels.iter().map(|label| label.to_string()).collect();
    for language in LANGUAGES {
        let letters: &[&str] = match language {
            Language::Ru => &["а)", "б)", "в)"],
            Language::Ar => &["أ)", "ب)", "ج)"],
            _ => &["a)", "b)", "c)"],
        };
        let resolves: &[&str] = match language {
            Language::Es => &["1", "2", "i)", "ii)", "3", "4"],
            _ => &["1", "2", "3", "4"],
        };
        let mut expected: Vec<(SectionKind, Vec<String>)> = vec![
            (Preamble, strings(letters)),
            (Preamble, strings(letters)),
            (Preamble, vec![]),
            (Operative, strings(resolves)),
            (Operative, strings(&["1", "2"])),
            (Operative, vec![]),
        ];
        if language == Language::Zh {
            expected.push((Annex, strings(&["一、", "（一）", "（二）", "二、"])));
        }
        let document = load(&revisions(language)[0]);
        assert_eq!(structure(&document), expected, "{language}");
        assert_eq!(document.diagnostics, [], "{language}");
        let title: Vec<_> =
            document.pieces.iter().filter(|p| p.kind == redline::model::PieceKind::Title).collect();
        assert_eq!(title.len(), 3, "{language}: number, title and enacting formula");
    }
}

#[test]
fn the_chinese_annex_nests_its_parenthesised_numerals() {
    let document = load(&revisions(Language::Zh)[0]);
    let depth = |label: &str| {
        let piece =
            document.pieces.iter().find(|p| p.label.as_ref().is_some_and(|l| l.text == label));
        piece.map(|piece| piece.depth)
    };
    assert_eq!(
        (depth("一、"), depth("（一）"), depth("（二）"), depth("二、")),
        (Some(0), Some(1), Some(1), Some(0))
    );
}

/// The text of the spans of `entry` with operation `op` and role text.
fn changed(entry: &Entry, op: Op) -> Vec<String> {
    let spans = entry.spans.iter().filter(|span| span.op == op && span.role == Role::Text);
    spans.map(|span| span.text.clone()).collect()
}

#[test]
fn a_one_phrase_edit_is_one_mod_with_only_that_phrase_struck() {
    for language in LANGUAGES {
        let (old, new) = match language {
            Language::Fr => ("techniciens locaux", "femmes et les jeunes"),
            Language::Es => ("técnicos locales", "mujeres y jóvenes"),
            Language::Ru => ("местных технических специалистов", "женщин и молодежи"),
            Language::Zh => ("当地技术人员", "妇女和青年"),
            _ => ("للفنيين المحليين", "للنساء والشباب"),
        };
        let redline = step(language, 0);
        let edited: Vec<&Entry> =
            redline.entries.iter().filter(|e| changed(e, Op::Delete).concat() == old).collect();
        assert_eq!(edited.len(), 1, "{language}: one entry has the phrase struck");
        let entry = edited[0];
        assert_eq!(entry.action, Action::Mod, "{language}");
        assert_eq!(changed(entry, Op::Delete), [old], "{language}: only the phrase struck");
        assert_eq!(changed(entry, Op::Insert), [new], "{language}: only the phrase inserted");
    }
}

#[test]
fn renumbering_is_noc_and_renumbered() {
    for language in LANGUAGES {
        let redline = step(language, 0);
        let section = |entry: &&Entry| entry.section_kind == Some(SectionKind::Preamble);
        let recalling: Vec<&Entry> = redline
            .entries
            .iter()
            .filter(section)
            .filter(|entry| entry.kind == EntryKind::Provision)
            .take(4)
            .collect();
        let actions: Vec<(Action, bool)> =
            recalling.iter().map(|entry| (entry.action, entry.renumbered)).collect();
        let expected =
            [(Action::Noc, false), (Action::Add, false), (Action::Noc, true), (Action::Noc, true)];
        assert_eq!(actions, expected, "{language}");
    }
}

#[test]
fn a_move_and_brackets_behave_as_in_english() {
    for language in LANGUAGES {
        let redline = step(language, 1);
        assert_eq!(redline.summary.moved, 1, "{language}: resolves 3 moved to the top");
        let moved = redline.entries.iter().find(|entry| entry.moved).unwrap();
        assert_eq!(moved.action, Action::Noc, "{language}");
        assert_eq!(
            (moved.old_label.as_deref(), moved.new_label.as_deref()),
            (Some("3"), Some("1")),
            "{language}"
        );
        let states: Vec<_> = redline.brackets.iter().map(|b| b.span.state).collect();
        assert_eq!(states, [redline::model::BracketState::Agreed], "{language}");
        let added = redline.entries.iter().filter(|e| e.action == Action::Add).count();
        assert_eq!(added, 2, "{language}: the further resolves heading and its provision");
    }
}

#[test]
fn french_spacing_is_not_a_change() {
    let redline = step(Language::Fr, 0);
    let spacing_only = redline.entries.iter().filter(|e| e.typographic || e.layout);
    let unchanged: Vec<_> = spacing_only.filter(|e| e.action == Action::Noc).collect();
    assert!(unchanged.len() >= 5, "no-break spaces changed in several provisions, all NOC");
    assert_eq!(redline.summary.modified, 2, "only the phrase and the bracket are MOD");
    let modified = redline.entries.iter().filter(|e| e.action == Action::Mod);
    let struck: Vec<String> = modified.flat_map(|e| changed(e, Op::Delete)).collect();
    assert_eq!(struck, ["techniciens locaux"], "no space is struck");
}

#[test]
fn html_is_tagged_with_the_language() {
    for language in LANGUAGES {
        let options = render::Options { format: Format::Html, ..Default::default() };
        let html = render::render(&step(language, 0), &options).unwrap();
        let tag = match language {
            Language::Ar => "<html lang=\"ar\" dir=\"rtl\">".to_string(),
            _ => format!("<html lang=\"{language}\">"),
        };
        assert!(html.contains(&tag), "{language}: {}", &html[..200]);
    }
    let options = render::Options { format: Format::Html, ..Default::default() };
    let english = render::render(&Redline::default(), &options).unwrap();
    assert!(english.contains("<html lang=\"en\">"));
}

#[test]
fn the_json_names_the_language_but_for_english() {
    let json = serde_json::to_value(step(Language::Zh, 0)).unwrap();
    assert_eq!(json["language"], "zh");
    assert!(serde_json::to_value(Redline::default()).unwrap().get("language").is_none());
}

#[test]
fn a_series_page_is_tagged_with_the_language() {
    let spec = redline::series::SeriesSpec::from_folder(&folder(Language::Ar)).unwrap();
    let series = redline::series::build(&spec, &Default::default()).unwrap();
    let html = render::series(&series, &Format::Html.into()).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn bracket_reports_quote_the_text_in_its_language() {
    let paths = revisions(Language::Ar);
    let document = load(&paths[1]);
    let report = redline::brackets::DocumentReport::new("ar", &document);
    assert!(!report.brackets.is_empty(), "the Arabic revision has a bracket");
    let html = render::document_brackets(&report, &Format::Html.into()).unwrap();
    assert!(html.contains(r#"<span class="bracketed" lang="ar">"#), "{html}");
    assert!(html.contains(r#"<td dir="auto">"#), "cells take the direction of their text");
    assert_eq!(serde_json::to_value(&report).unwrap()["language"], "ar");
    let english = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/res140/02-busan-2014-dl23-rev2.txt"),
    );
    let english = redline::brackets::DocumentReport::new("en", &english);
    assert!(serde_json::to_value(&english).unwrap().get("language").is_none());
}

/// A UN-style text in `language`: two preambular paragraphs opened by a
/// phrase (the second with an "also" form), then numbered operative ones.
fn un_style(language: Language) -> &'static str {
    match language {
        Language::Fr => {
            "L'Assemblée générale,\n\nRappelant sa résolution 70/125,\n\nRappelant également sa résolution 73/218,\n\n1. Prend note du rapport ;\n\n2. Décide de poursuivre l'examen.\n"
        }
        Language::Es => {
            "La Asamblea General,\n\nRecordando su resolución 70/125,\n\nRecordando también su resolución 73/218,\n\n1. Toma nota del informe;\n\n2. Decide seguir examinando la cuestión.\n"
        }
        Language::Ru => {
            "Генеральная Ассамблея,\n\nСсылаясь на свою резолюцию 70/125,\n\nСсылаясь также на свою резолюцию 73/218,\n\n1. принимает к сведению доклад;\n\n2. постановляет продолжить рассмотрение.\n"
        }
        Language::Zh => {
            "大会，\n\n回顾其第70/125号决议，\n\n又回顾其第73/218号决议，\n\n1. 注意到报告；\n\n2. 决定继续审议。\n"
        }
        _ => {
            "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/125،\n\nوإذ تشير أيضاً إلى قرارها 73/218،\n\n1 - تحيط علماً بالتقرير؛\n\n2 - تقرر مواصلة النظر في المسألة.\n"
        }
    }
}

#[test]
fn un_style_openings_in_every_language() {
    use SectionKind::{Operative, Preamble};
    for language in LANGUAGES {
        let document = redline::parse::parse_text(un_style(language), "UTF-8");
        assert_eq!(document.language, language);
        let kinds: Vec<_> = document.sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Preamble, Preamble, Operative], "{language}");
        let phrases: Vec<_> =
            document.sections.iter().map(|s| s.heading_text.clone().unwrap_or_default()).collect();
        assert!(phrases[1].chars().count() > phrases[0].chars().count(), "{language}: {phrases:?}");
        let labels: Vec<_> = structure(&document).into_iter().flat_map(|(_, l)| l).collect();
        assert_eq!(labels.len(), 2, "{language}: {labels:?}");
    }
}
