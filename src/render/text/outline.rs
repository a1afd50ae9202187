//! The outline of a document as text, as `redline outline` prints it.

use crate::model::{Document, Language, PieceKind, SectionKind};
use std::fmt::Write;

/// How many words of a text the text outline shows.
pub const FIRST_WORDS: usize = 8;

/// How many characters of a Chinese text (written without spaces) it shows.
pub const FIRST_CHARS: usize = 16;

/// The outline as text: a line per title paragraph, section, sub-heading,
/// provision and footnote, each with its first source line, then the diagnostics.
pub fn render(document: &Document) -> String {
    let mut out = format!("encoding: {}\n", document.encoding);
    if !document.language.is_english() {
        let _ = writeln!(out, "language: {} ({})", document.language, document.language.name());
    }
    for (index, piece) in document.pieces.iter().enumerate() {
        if let Some(section) = piece.section.map(|at| &document.sections[at]) {
            if section.pieces.start == index && section.heading.is_none() {
                let kind = kind_name(section.kind);
                let heading = match (&section.heading_text, piece.inline_heading) {
                    (Some(phrase), true) => first_words(phrase, usize::MAX),
                    _ => "(no heading)".to_string(),
                };
                let _ = writeln!(out, "{:>4} [{kind}] {heading}", piece.lines.0);
            }
        }
        let _ = writeln!(out, "{:>4} {}", piece.lines.0, describe(document, index));
    }
    if !document.diagnostics.is_empty() {
        out.push_str("diagnostics:\n");
    }
    for diagnostic in &document.diagnostics {
        let _ = writeln!(out, "{}:{}: {}", diagnostic.line, diagnostic.column, diagnostic.message);
    }
    out
}

/// One line of the text outline, without the line number.
fn describe(document: &Document, index: usize) -> String {
    let piece = &document.pieces[index];
    let text = document.after_opening_phrase(index);
    let words = match document.language {
        Language::Zh => first_chars(text, FIRST_CHARS),
        _ => first_words(text, FIRST_WORDS),
    };
    let indent = "  ".repeat(piece.depth + 1);
    match piece.kind {
        PieceKind::Title => format!("title: {words}"),
        PieceKind::Heading => {
            let kind = piece.section.map_or("other", |at| kind_name(document.sections[at].kind));
            format!("[{kind}] {}", first_words(document.content(index), usize::MAX))
        }
        PieceKind::SubHeading => format!("{indent}sub-heading: {words}"),
        PieceKind::Footnote => format!("{indent}footnote: {words}"),
        PieceKind::Provision => match &piece.label {
            Some(label) => {
                let before = &document.text[piece.raw.start..label.range.start];
                let brackets = &before[before.trim_end_matches('[').len()..];
                format!("{indent}{brackets}{}  {words}", label.text)
            }
            None => format!("{indent}{words}"),
        },
    }
}

/// The name of a section kind, as in the JSON.
pub fn kind_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Preamble => "preamble",
        SectionKind::Operative => "operative",
        SectionKind::Annex => "annex",
        SectionKind::Other => "other",
    }
}

/// The first `count` characters of `text` on one line, white space runs as
/// one space, with `…` if there are more.
pub fn first_chars(text: &str, count: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(count) {
        Some((at, _)) => format!("{} …", &flat[..at]),
        None => flat,
    }
}

/// The first `count` words of `text` on one line, with `…` if there are more.
/// Only ASCII white space separates words: a no-break space stays inside its word.
pub fn first_words(text: &str, count: usize) -> String {
    let mut words = text.split_ascii_whitespace();
    let shown: Vec<&str> = words.by_ref().take(count).collect();
    let more = if words.next().is_some() { " …" } else { "" };
    format!("{}{more}", shown.join(" "))
}
