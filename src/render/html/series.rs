//! The cumulative redline as a standalone HTML page (`templates/series.html`).
//!
//! The page data is built here from the series; the template only lays it
//! out, and askama escapes every text it prints. Each revision after the
//! base has a colour and a label in the legend; inserted text is underlined
//! and deleted text struck, both in the colour of the revision that did it.

use crate::error::Result;
use crate::model::{EntryKind, Summary};
use crate::render::view::display_spans;
use crate::series::{History, Series, SeriesSpan};
use askama::Template;

/// Colours of the revisions after the base, in turn (Okabe–Ito, darkened for text).
const PALETTE: [&str; 7] =
    ["#0060a0", "#c04a00", "#007a5a", "#a0407a", "#a06a00", "#3a7ab0", "#5a5a5a"];

/// Renders the series' cumulative redline as an HTML page.
pub fn render(series: &Series) -> Result<String> {
    page(series).render().map_err(super::template_error)
}

#[derive(Template)]
#[template(path = "series.html")]
struct SeriesPage {
    title: String,
    /// The language of the latest revision, as a BCP 47 tag (`<html lang>`).
    lang: &'static str,
    /// Written right to left (Arabic): `<html dir="rtl">`.
    rtl: bool,
    header: Vec<(&'static str, String)>,
    legend: Vec<LegendItem>,
    summary: Summary,
    warnings: Vec<String>,
    blocks: Vec<Block>,
}

struct LegendItem {
    number: usize,
    label: String,
    path: String,
    colour: &'static str,
    base: bool,
}

struct Block {
    tag: &'static str,
    class: String,
    marks: String,
    labels: String,
    fragments: Vec<Fragment>,
}

struct Fragment {
    text: String,
    inserted_in: Option<usize>,
    deleted_in: Option<usize>,
    bold: bool,
    italic: bool,
    struck: bool,
}

fn page(series: &Series) -> SeriesPage {
    let cumulative = &series.cumulative;
    let lead = display_spans(&cumulative.lead);
    let lead_block = has_text(&lead).then(|| text_block("p", "lead".into(), &lead));
    let blocks = lead_block.into_iter().chain(cumulative.provisions.iter().map(block));
    let language = series.steps.last().map(|step| step.language).unwrap_or_default();
    SeriesPage {
        title: title(series),
        lang: language.tag(),
        rtl: language.is_rtl(),
        header: header_fields(series),
        legend: legend(series),
        summary: cumulative.summary,
        warnings: cumulative.warnings.clone(),
        blocks: blocks.collect(),
    }
}

fn title(series: &Series) -> String {
    if let Some(title) = &series.header.title {
        return title.clone();
    }
    let first = series.revisions.get(series.cumulative.base - 1).map(|r| r.label.as_str());
    let last = series.revisions.last().map(|r| r.label.as_str());
    format!("Redline of {} to {}", first.unwrap_or("?"), last.unwrap_or("?"))
}

fn header_fields(series: &Series) -> Vec<(&'static str, String)> {
    let header = &series.header;
    let fields = [
        ("Document", &header.doc_number),
        ("Committee", &header.committee),
        ("Proposal", &header.proposal),
    ];
    fields.into_iter().filter_map(|(name, value)| Some((name, value.clone()?))).collect()
}

fn legend(series: &Series) -> Vec<LegendItem> {
    let base = series.cumulative.base;
    let shown = series.revisions.iter().filter(|revision| revision.number >= base);
    shown
        .map(|revision| LegendItem {
            number: revision.number,
            label: revision.label.clone(),
            path: revision.path.clone(),
            colour: colour(revision.number, base),
            base: revision.number == base,
        })
        .collect()
}

/// The colour of revision `number` in a series starting at `base`.
fn colour(number: usize, base: usize) -> &'static str {
    match number.checked_sub(base + 1) {
        Some(offset) => PALETTE[offset % PALETTE.len()],
        None => "inherit",
    }
}

fn block(history: &History) -> Block {
    let tag = match (history.kind, history.level) {
        (EntryKind::Heading, 1) => "h2",
        (EntryKind::Heading, _) => "h3",
        _ => "p",
    };
    let kind = match history.kind {
        EntryKind::Title => "title",
        EntryKind::Heading => "heading",
        EntryKind::Provision | EntryKind::MoveStub => "provision",
    };
    let class = format!("{kind} level-{} {}", history.level, history.action.as_str());
    let mut block = text_block(tag, class, &display_spans(&history.spans));
    block.marks = marks(history);
    block.labels = label_trail(history);
    block
}

fn text_block(tag: &'static str, class: String, spans: &[SeriesSpan]) -> Block {
    let fragments = trim_end(spans.iter().map(fragment).collect());
    Block { tag, class, marks: String::new(), labels: String::new(), fragments }
}

fn fragment(span: &SeriesSpan) -> Fragment {
    let emphasis = span.emphasis;
    let text = if emphasis.delimiter { String::new() } else { span.text.clone() };
    Fragment {
        text,
        inserted_in: span.inserted_in,
        deleted_in: span.deleted_in,
        bold: emphasis.bold,
        italic: emphasis.italic,
        struck: emphasis.struck,
    }
}

/// Drops trailing whitespace: the blocks are laid out by the page, not by it.
fn trim_end(mut fragments: Vec<Fragment>) -> Vec<Fragment> {
    while let Some(last) = fragments.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if !last.text.is_empty() {
            break;
        }
        fragments.pop();
    }
    fragments.retain(|fragment| !fragment.text.is_empty());
    fragments
}

fn has_text(spans: &[SeriesSpan]) -> bool {
    spans.iter().any(|span| !span.text.trim().is_empty())
}

/// `ADD 2 · MOD 3 · moved 3` for the margin.
fn marks(history: &History) -> String {
    let mut marks = Vec::new();
    for change in &history.changes {
        marks.push(format!("{} {}", change.action.as_str(), change.revision));
        if change.moved {
            marks.push(format!("moved {}", change.revision));
        }
    }
    marks.join(" · ")
}

/// `c) → h) → g)` when the label changed through the series.
fn label_trail(history: &History) -> String {
    let mut trail: Vec<&str> = Vec::new();
    for at in &history.labels {
        let label = at.label.as_deref().unwrap_or("–");
        if trail.last() != Some(&label) {
            trail.push(label);
        }
    }
    if trail.len() > 1 { trail.join(" → ") } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_start_after_the_base_and_wrap() {
        assert_eq!(colour(2, 2), "inherit");
        assert_eq!(colour(3, 2), PALETTE[0]);
        assert_eq!(colour(3 + PALETTE.len(), 2), PALETTE[0]);
    }

    #[test]
    fn trailing_whitespace_is_trimmed_and_empty_fragments_dropped() {
        let span = |text: &str| {
            SeriesSpan::styled(&crate::model::Span::new(crate::model::Op::Equal, text), None, None)
        };
        let fragments =
            trim_end([span("a) text"), span(" \n"), span("\n\n")].iter().map(fragment).collect());
        let texts: Vec<&str> = fragments.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["a) text"]);
    }
}
