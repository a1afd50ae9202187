//! The properties every input must keep, checked the same way by the fuzz
//! targets (`fuzz/fuzz_targets/`) and by the regression tests that replay
//! their corpora (`tests/regressions.rs`, which includes this file by path).
//!
//! Each `check_*` panics with a message naming the broken property.

use crate::html_audit::audit_html;
use redline::brackets;
use redline::diff::{DiffOptions, diff};
use redline::model::{Document, Piece, PieceKind, Redline, Revision};
use redline::parse::parse_text;
use redline::read::{Markup, read};
use redline::render::{self, Format, Markers, Options, View, render};

/// Splits a fuzz input into an old and a new text at the first `0xFF` byte
/// (never part of UTF-8), each decoded as the CLI would.
pub fn split_pair(data: &[u8]) -> (String, String) {
    let at = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let new = data.get(at + 1..).unwrap_or_default();
    (decode_lossy(&data[..at]), decode_lossy(new))
}

/// Joins two texts into one fuzz input (the inverse of [`split_pair`]).
pub fn join_pair(old: &str, new: &str) -> Vec<u8> {
    [old.as_bytes(), &[0xFF], new.as_bytes()].concat()
}

/// Bytes to text as the CLI decodes them; NUL bytes (binary) become spaces.
pub fn decode_lossy(bytes: &[u8]) -> String {
    let cleaned: Vec<u8> = bytes.iter().map(|&b| if b == 0 { b' ' } else { b }).collect();
    match redline::decode::decode(&cleaned, None) {
        Ok(decoded) => decoded.text,
        Err(_) => String::from_utf8_lossy(&cleaned).replace(['\0', '\r'], " "),
    }
}

/// decode + parse: never panics, and the document keeps the model's invariants.
pub fn check_parse(data: &[u8]) {
    let _ = redline::decode::decode(data, None);
    let text = decode_lossy(data);
    let document = parse_text(&text, "UTF-8");
    check_document(&document);
    let again = parse_text(&text, "UTF-8");
    assert!(same_document(&document, &again), "parsing is not deterministic");
}

/// The invariants of `src/model.rs`.
pub fn check_document(document: &Document) {
    let text = &document.text;
    assert_eq!(document.lead.start, 0, "lead does not start the text");
    assert!(text[document.lead.clone()].trim().is_empty(), "lead holds more than whitespace");
    let mut at = document.lead.end;
    for (index, piece) in document.pieces.iter().enumerate() {
        assert_eq!(piece.raw.start, at, "piece {index} does not follow the one before");
        check_piece(document, index, piece);
        at = piece.raw.end;
    }
    assert_eq!(at, text.len(), "pieces do not reach the end of the text");
    for section in &document.sections {
        assert!(section.pieces.end <= document.pieces.len(), "section past the last piece");
    }
    for bracket in &document.brackets {
        assert!(bracket.piece < document.pieces.len(), "bracket in no piece");
        assert!(bracket.open.is_some() || bracket.close.is_some(), "bracket with neither side");
        assert_eq!(bracket.open.map(|o| text.as_bytes()[o]).unwrap_or(b'['), b'[', "open is not [");
        assert_eq!(
            bracket.close.map(|c| text.as_bytes()[c]).unwrap_or(b']'),
            b']',
            "close is not ]"
        );
    }
}

fn check_piece(document: &Document, index: usize, piece: &Piece) {
    let text = &document.text;
    assert!(text.get(piece.raw.clone()).is_some(), "piece {index}: raw not on char boundaries");
    assert!(text.get(piece.content.clone()).is_some(), "piece {index}: content off boundaries");
    let inside = |r: &std::ops::Range<usize>| piece.raw.start <= r.start && r.end <= piece.raw.end;
    assert!(inside(&piece.content), "piece {index}: content outside raw");
    if let Some(label) = &piece.label {
        assert!(inside(&label.range), "piece {index}: label outside raw");
    }
    for inline in &piece.inlines {
        assert!(inside(&inline.range), "piece {index}: inline span outside raw");
    }
    assert!(piece.parent.is_none_or(|p| p < index), "piece {index}: parent comes after it");
    assert!(piece.section.is_none_or(|s| s < document.sections.len()), "piece {index}: section");
    assert!(piece.lines.0 <= piece.lines.1, "piece {index}: lines reversed");
}

fn same_document(a: &Document, b: &Document) -> bool {
    (a.lead == b.lead && a.pieces == b.pieces && a.sections == b.sections)
        && (a.brackets == b.brackets && a.diagnostics == b.diagnostics)
}

/// diff of two inputs, parsed and as line documents: the redline gives back
/// both texts exactly, and the same inputs give the same redline.
pub fn check_diff(data: &[u8]) {
    let (old_text, new_text) = split_pair(data);
    let old = parse_text(&old_text, "UTF-8");
    let new = parse_text(&new_text, "UTF-8");
    check_redline(&old, &new);
    check_redline(&line_document(&old_text), &line_document(&new_text));
}

/// Diffs two documents and checks the redline against both texts.
pub fn check_redline(old: &Document, new: &Document) -> Redline {
    let options = DiffOptions::default();
    let redline = diff(old, new, &options);
    assert_eq!(redline.old_text(), old.text, "the redline loses old text");
    assert_eq!(redline.new_text(), new.text, "the redline loses new text");
    let again = diff(old, new, &options);
    assert_eq!(json(&redline), json(&again), "the diff is not deterministic");
    redline
}

/// The redline as its JSON contract.
pub fn json(redline: &Redline) -> String {
    serde_json::to_string(redline).expect("a redline always serialises")
}

/// A document of one provision per line, built without the parser, so the
/// aligner is fuzzed with many pieces whatever the parser does.
pub fn line_document(text: &str) -> Document {
    let lead = text.len() - text.trim_start().len();
    let mut document = Document {
        text: text.to_string(),
        encoding: "UTF-8".into(),
        lead: 0..lead,
        ..Document::default()
    };
    let mut at = lead;
    let mut line = 1 + text[..lead].matches('\n').count();
    while at < text.len() {
        let rest = &text[at..];
        let end = at + rest.find('\n').map_or(rest.len(), |i| i + 1);
        let raw_end = at + (end - at) + (text[end..].len() - text[end..].trim_start().len());
        let content_end = at + text[at..end].trim_end().len();
        document.pieces.push(line_piece(at..raw_end, at..content_end, line));
        line += text[at..raw_end].matches('\n').count();
        at = raw_end;
    }
    document
}

fn line_piece(raw: std::ops::Range<usize>, content: std::ops::Range<usize>, line: usize) -> Piece {
    Piece {
        kind: PieceKind::Provision,
        section: None,
        parent: None,
        depth: 0,
        label: None,
        raw,
        content,
        lines: (line, line),
        inlines: Vec::new(),
        inline_heading: false,
    }
}

/// Bracket extraction and the bracket reports, on any bytes and on the two
/// halves of a pair input: scanning keeps the bracket invariants and is
/// idempotent, the reports never panic, and their HTML passes the audit.
pub fn check_brackets(data: &[u8]) {
    let text = decode_lossy(data);
    let mut document = parse_text(&text, "UTF-8");
    let scanned = document.brackets.clone();
    brackets::scan_document(&mut document);
    assert_eq!(document.brackets, scanned, "scanning twice changes the brackets");
    check_document(&document);
    let _ = brackets::find_choices(&document);
    let report = brackets::DocumentReport::new("fuzz", &document);
    let _ = render::document_brackets(&report, &Format::Text.into()).unwrap();
    let problems = audit_html(&render::document_brackets(&report, &Format::Html.into()).unwrap());
    assert!(problems.is_empty(), "bracket report page: {problems:?}");
    let (old_text, new_text) = split_pair(data);
    let revisions = [Revision::new(1, "old", "", "UTF-8"), Revision::new(2, "new", "", "UTF-8")];
    let documents = [old_text, new_text].map(|text| parse_text(&text, "UTF-8"));
    let steps = redline::series::steps(&documents, &DiffOptions::default());
    let report = brackets::RevisionsReport::new(&revisions, &documents, &steps);
    let _ = render::revisions_brackets(&report, &Format::Text.into()).unwrap();
    let problems = audit_html(&render::revisions_brackets(&report, &Format::Html.into()).unwrap());
    assert!(problems.is_empty(), "bracket revisions page: {problems:?}");
}

/// The plain formats that are read back, and the notation they are read in.
const ROUND_TRIPS: &[(&str, Format, Markers, Markup)] = &[
    ("text", Format::Text, Markers::Tilde, Markup::Text),
    ("wdiff", Format::Text, Markers::Wdiff, Markup::Wdiff),
    ("critic", Format::Critic, Markers::Tilde, Markup::Critic),
];

/// The redline reader and the renderers:
/// - any text read as a redline, in any notation, answers without panicking;
/// - `reject(render(diff(A, B))) == A` and `accept(...) == B` exactly, for
///   text, wdiff and critic, read as what they are and as detected;
/// - the HTML page (one view per input, chosen by its bytes) is well-formed
///   and allowed ([`crate::html_audit`]) and rendered the same twice.
pub fn check_read(data: &[u8]) {
    let text = decode_lossy(data);
    for markup in [Markup::Auto, Markup::Text, Markup::Wdiff, Markup::Critic, Markup::Dl23] {
        let _ = read(&text, markup);
    }
    let (old_text, new_text) = split_pair(data);
    let old = parse_text(&old_text, "UTF-8");
    let new = parse_text(&new_text, "UTF-8");
    let redline = diff(&old, &new, &DiffOptions::default());
    check_round_trips(&redline);
    let view = VIEWS[data.iter().map(|&b| usize::from(b)).sum::<usize>() % VIEWS.len()];
    check_html_view(&redline, view);
}

/// The views of the HTML page; a fuzz input checks one, chosen by its bytes.
const VIEWS: [View; 4] = [View::Full, View::Changes, View::Clean, View::SideBySide];

/// Each plain format read back gives both texts exactly.
pub fn check_round_trips(redline: &Redline) {
    let (old, new) = (redline.old_text(), redline.new_text());
    for &(name, format, markers, markup) in ROUND_TRIPS {
        let options = Options { format, markers, ..Options::default() };
        let rendered = render(redline, &options).expect("plain formats always render");
        for markup in [markup, Markup::Auto] {
            let revisions = read(&rendered, markup).unwrap_or_else(|problem| {
                panic!("{name} cannot be read back as {markup:?}: {problem:?}")
            });
            assert_eq!(revisions.old, old, "reject({name}) as {markup:?} is not the old text");
            assert_eq!(revisions.new, new, "accept({name}) as {markup:?} is not the new text");
        }
    }
}

/// Every view of the HTML page passes the audit, and renders the same twice.
pub fn check_html(redline: &Redline) {
    VIEWS.into_iter().for_each(|view| check_html_view(redline, view));
}

/// One view of the HTML page passes the audit, and renders the same twice.
pub fn check_html_view(redline: &Redline, view: View) {
    let options = Options { format: Format::Html, view, ..Options::default() };
    let page = render(redline, &options).expect("html always renders");
    let problems = audit_html(&page);
    assert!(problems.is_empty(), "{view:?} page: {problems:?}");
    assert_eq!(render(redline, &options).ok(), Some(page), "html is not deterministic");
}

/// The Word reader (`fuzz_targets/docx.rs`), on a package as given (input
/// starting with `PK`) or on XML parts wrapped in one (`document.xml` `0xFF`
/// `numbering.xml` `0xFF` `footnotes.xml`): in both views,
///
/// - it never panics, and a refusal is an error, never a partial text;
/// - the text has no `\r`; its paragraphs are in order, on character
///   boundaries, and every byte of each is a run, a label or text the reader
///   added (nothing of the text comes from nowhere);
/// - the parser keeps its invariants on the text.
pub fn check_docx(data: &[u8]) {
    let bytes = if data.starts_with(b"PK") { data.to_vec() } else { word_package(data) };
    for view in [redline::docx::View::Accepted, redline::docx::View::Original] {
        let Ok(docx) = redline::docx::read(&bytes, view) else { continue };
        check_docx_source(&docx);
        check_document(&parse_text(&docx.text, "docx"));
    }
}

/// A Word package whose parts are the `0xFF`-separated pieces of `data`.
pub fn word_package(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let names = ["word/document.xml", "word/numbering.xml", "word/footnotes.xml"];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, part) in names.iter().zip(data.split(|&b| b == 0xFF)) {
        zip.start_file(*name, options).expect("a new entry");
        zip.write_all(part).expect("written to memory");
    }
    zip.finish().expect("written to memory").into_inner()
}

fn check_docx_source(docx: &redline::docx::Docx) {
    let text = &docx.text;
    assert!(!text.contains('\r'), "a carriage return in the text");
    let mut end = 0;
    for paragraph in &docx.source.paragraphs {
        let range = paragraph.text.clone();
        assert!(range.start >= end && text.get(range.clone()).is_some(), "paragraph out of place");
        end = range.end;
        let mut covered = vec![false; text.len()];
        let runs = paragraph.runs.iter().map(|run| run.text.clone());
        let label = paragraph.label.iter().map(|label| label.range.clone());
        let added = paragraph.added.iter().map(|added| added.range.clone());
        for part in runs.chain(label).chain(added) {
            assert!(
                range.start <= part.start && part.end <= range.end,
                "a run outside its paragraph"
            );
            covered[part].iter_mut().for_each(|byte| *byte = true);
        }
        assert!(covered[range].iter().all(|&byte| byte), "paragraph text from no run");
    }
}
