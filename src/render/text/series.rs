//! The cumulative redline as plain text, with revision-numbered marks.
//!
//! `{+2:text+}` was inserted in revision 2, `[-3:text-]` deleted in
//! revision 3, `[-3:{+2:text+}-]` both. A changed piece is preceded by a
//! line such as `[MOD | 2: MOD, renumbered | 3: MOD]`.

use crate::render::view::display_spans;
use crate::series::{History, Series, SeriesSpan};
use std::fmt::Write;

/// Renders the series' cumulative redline as text.
pub fn render(series: &Series) -> String {
    let mut out = String::new();
    write_header(&mut out, series);
    let cumulative = &series.cumulative;
    write_spans(&mut out, &display_spans(&cumulative.lead));
    for history in &cumulative.provisions {
        if let Some(tag) = tag_line(history) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&tag);
            out.push('\n');
        }
        write_spans(&mut out, &display_spans(&history.spans));
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn write_header(out: &mut String, series: &Series) {
    let header = &series.header;
    let fields = [
        ("Title", &header.title),
        ("Document", &header.doc_number),
        ("Committee", &header.committee),
        ("Proposal", &header.proposal),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = writeln!(out, "{name}: {value}");
        }
    }
    out.push_str("Revisions:\n");
    for revision in &series.revisions {
        let base = if revision.number == series.cumulative.base { "  (base)" } else { "" };
        let _ =
            writeln!(out, "  {}  {}  ({}){base}", revision.number, revision.label, revision.path);
    }
    out.push_str("Marks: {+N:text+} inserted in revision N, [-N:text-] deleted in revision N.\n");
    let s = series.cumulative.summary;
    let _ = writeln!(
        out,
        "Summary: {} ADD, {} SUP, {} MOD, {} NOC, {} moved, {} renumbered",
        s.add, s.sup, s.modified, s.noc, s.moved, s.renumbered
    );
    for warning in &series.cumulative.warnings {
        let _ = writeln!(out, "Warning: {warning}");
    }
    out.push_str("----\n");
}

/// `[MOD | 2: MOD, renumbered | 3: MOD]` for a changed piece.
fn tag_line(history: &History) -> Option<String> {
    if history.changes.is_empty() {
        return None;
    }
    let mut tag = format!("[{}", history.action.as_str());
    for change in &history.changes {
        let _ = write!(tag, " | {}: {}", change.revision, change.action.as_str());
        if change.moved {
            tag.push_str(", moved");
        }
        if change.renumbered {
            tag.push_str(", renumbered");
        }
    }
    tag.push(']');
    Some(tag)
}

/// Writes the spans, neighbours with the same attribution under one mark
/// (spans split only by style, a bracket or emphasis, read as one change).
fn write_spans(out: &mut String, spans: &[SeriesSpan]) {
    let attribution = |span: &SeriesSpan| (span.inserted_in, span.deleted_in);
    for run in spans.chunk_by(|a, b| attribution(a) == attribution(b)) {
        let mut text: String = run.iter().map(|span| span.text.as_str()).collect();
        if let Some(revision) = run[0].inserted_in {
            text = format!("{{+{revision}:{text}+}}");
        }
        if let Some(revision) = run[0].deleted_in {
            text = format!("[-{revision}:{text}-]");
        }
        out.push_str(&text);
    }
}
