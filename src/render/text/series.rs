//! The cumulative redline as plain text, in the notation of `redline diff`
//! (`~~deleted~~`, `++inserted++`, action lines) with attribution added.
//!
//! Each change is followed by `{N}`, the revision that made it; a deletion
//! and the insertion that replaces it, made by the same revision, share one:
//! `~~two~~++three++{2}`. Text inserted in one revision and deleted in a later
//! one reads `~~++text++~~{2-3}`. A changed piece is preceded by its action
//! line, as `diff` writes it, and its history:
//! `MOD | 2 MOD · 3 renumbered · c) → b)`. Literal text that would read as a
//! marker is escaped with `\` as in `diff`'s text format.

use crate::render::markers::action_words;
use crate::render::plain::Output;
use crate::render::view::{display_spans, label_trail};
use crate::series::{Change, History, Series, SeriesSpan};
use std::fmt::Write;

/// What the marks mean, at the top of the text.
const MARKS: &str = "Marks: ~~deleted~~ and ++inserted++ as in `redline diff`, each change \
followed by {N}, the revision that made it; ~~++text++~~{N-M}: inserted in revision N, \
deleted in revision M.\n";

/// Renders the series' cumulative redline as text.
pub fn render(series: &Series) -> String {
    let mut out = String::new();
    write_header(&mut out, series);
    let cumulative = &series.cumulative;
    let mut body = Output::default();
    write_spans(&mut body, &display_spans(&cumulative.lead));
    for history in &cumulative.provisions {
        if let Some(line) = action_line(history) {
            if !body.at_line_start() {
                body.mark("\n");
            }
            body.mark(&line);
            body.mark("\n");
        }
        write_spans(&mut body, &display_spans(&history.spans));
    }
    out.push_str(&body.finish());
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
        ("Date", &header.date),
        ("Original", &header.origin),
        ("Committee", &header.committee),
        ("Draft", &header.draft_title),
        ("Status", &header.status),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = writeln!(out, "{name}: {value}");
        }
    }
    if let Some(proposal) = header.proposal_mark() {
        let _ = writeln!(out, "Proposal: {proposal}");
    }
    out.push_str("Revisions:\n");
    for revision in &series.revisions {
        let base = if revision.number == series.cumulative.base { "  (base)" } else { "" };
        let _ = writeln!(out, "  {}  {}{base}", revision.number, revision.label);
    }
    out.push_str(MARKS);
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

/// `MOD | 2 MOD · 3 MOD, renumbered · c) → b)` for a changed piece.
fn action_line(history: &History) -> Option<String> {
    if history.changes.is_empty() {
        return None;
    }
    let overall = action_words(history.action.as_str(), history.moved(), history.renumbered());
    let mut parts: Vec<String> = history.changes.iter().map(change_words).collect();
    let trail = label_trail(history);
    if !trail.is_empty() {
        parts.push(trail);
    }
    Some(format!("{overall} | {}", parts.join(" · ")))
}

/// `3 MOD, renumbered`.
fn change_words(change: &Change) -> String {
    let mut words = format!("{} {}", change.revision, change.action.as_str());
    for (flag, word) in [(change.moved, "moved"), (change.renumbered, "renumbered")] {
        if flag {
            let _ = write!(words, ", {word}");
        }
    }
    words
}

/// Writes the spans: neighbours with the same attribution under one mark
/// (spans split only by style read as one change), each group of changes
/// by the same revisions followed by their number.
fn write_spans(out: &mut Output, spans: &[SeriesSpan]) {
    let attribution = |span: &SeriesSpan| (span.inserted_in, span.deleted_in);
    let runs: Vec<&[SeriesSpan]> =
        spans.chunk_by(|a, b| attribution(a) == attribution(b)).collect();
    for (index, run) in runs.iter().enumerate() {
        let text: String = run.iter().map(|span| span.text.as_str()).collect();
        let (inserted, deleted) = attribution(&run[0]);
        let (open, close) = match (inserted, deleted) {
            (None, None) => (&[][..], &[][..]),
            (Some(_), None) => (&["++"][..], &["++"][..]),
            (None, Some(_)) => (&["~~"][..], &["~~"][..]),
            (Some(_), Some(_)) => (&["~~", "++"][..], &["++", "~~"][..]),
        };
        open.iter().for_each(|marker| out.mark(marker));
        out.literal(&text);
        close.iter().for_each(|marker| out.mark(marker));
        let tag = tag(inserted, deleted);
        let next = runs.get(index + 1).and_then(|next| tag_of(next));
        if tag.is_some() && tag != next {
            out.mark(&format!("{{{}}}", tag.unwrap_or_default()));
        }
    }
}

fn tag_of(run: &[SeriesSpan]) -> Option<String> {
    tag(run[0].inserted_in, run[0].deleted_in)
}

/// `2`, or `2-3` for text inserted in 2 and deleted in 3.
fn tag(inserted: Option<usize>, deleted: Option<usize>) -> Option<String> {
    match (inserted, deleted) {
        (Some(inserted), Some(deleted)) => Some(format!("{inserted}-{deleted}")),
        (Some(revision), None) | (None, Some(revision)) => Some(revision.to_string()),
        (None, None) => None,
    }
}
