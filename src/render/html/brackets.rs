//! HTML reports: a standalone page (CSS inlined) from `templates/brackets.html`.
//!
//! The page data is built here as plain tables of text cells; the template
//! only lays them out, and askama escapes every cell.

use crate::brackets::{
    DocumentReport, RevisionSummary, RevisionsReport, Step, UnbalancedKind, UnbalancedReport,
};
use crate::model::{BracketSpan, BracketState, Side, TrackedBracket};
use askama::Template;

/// The HTML report of one document.
pub fn document_html(report: &DocumentReport) -> String {
    let page = Page {
        title: format!("Brackets: {}", report.name),
        text_lang: report.language.tag(),
        tables: vec![
            summary_table(report),
            open_table(report.brackets.iter(), "Open", None),
            spans_table(report),
            choices_table(report),
            unbalanced_table(&report.unbalanced, "Unbalanced brackets"),
        ],
    };
    render(&page)
}

/// The HTML report across revisions.
pub fn revisions_html(report: &RevisionsReport) -> String {
    let names: Vec<&str> =
        report.revisions.iter().map(|revision| revision.label.as_str()).collect();
    let since = report.revisions.iter().rev().nth(1).map(|revision| revision.label.as_str());
    let open = report.open.iter().map(|tracked| &tracked.span);
    let mut tables = vec![
        open_table(open, &format!("Open in {}", report.latest()), since),
        revisions_table(&report.revisions),
    ];
    for step in &report.steps {
        tables.extend(step_tables(step));
    }
    for revision in &report.revisions {
        tables.push(unbalanced_table(
            &revision.unbalanced,
            &format!("Unbalanced brackets in {}", revision.label),
        ));
    }
    let title = format!("Brackets: {}", names.join(" → "));
    render(&Page { title, text_lang: report.language.tag(), tables })
}

#[derive(Template)]
#[template(path = "brackets.html")]
struct Page {
    title: String,
    /// The language of the bracketed texts quoted (the page itself is in English).
    text_lang: &'static str,
    tables: Vec<Table>,
}

/// A captioned table of text cells; empty tables are not shown.
struct Table {
    caption: String,
    headers: Vec<&'static str>,
    rows: Vec<Row>,
}

/// A row; `class` is the state of the span it shows (`open`, `agreed` ...).
struct Row {
    class: &'static str,
    cells: Vec<Cell>,
}

/// A cell: text, and how to show it.
#[derive(Default)]
struct Cell {
    text: String,
    /// Show the text between brackets.
    bracketed: bool,
    /// Strike the brackets (agreed: removed brackets shown struck).
    struck_brackets: bool,
    /// Strike the text too (dropped).
    struck_text: bool,
    /// For a changed span: the text before, shown struck above.
    was: Option<String>,
}

impl Cell {
    fn plain(text: impl ToString) -> Self {
        Self { text: text.to_string(), ..Self::default() }
    }

    fn optional(text: &Option<String>) -> Self {
        Self::plain(text.as_deref().unwrap_or(""))
    }

    fn bracketed(text: &str, state: BracketState) -> Self {
        Self {
            text: text.to_string(),
            bracketed: true,
            struck_brackets: matches!(state, BracketState::Agreed | BracketState::Dropped),
            struck_text: state == BracketState::Dropped,
            was: None,
        }
    }
}

fn render(page: &Page) -> String {
    page.render().unwrap_or_else(|error| format!("<!DOCTYPE html><p>cannot render: {error}</p>\n"))
}

fn summary_table(report: &DocumentReport) -> Table {
    let summary = &report.summary;
    let rows = [
        ("Brackets", summary.brackets),
        ("Choices", summary.choices),
        ("Words in brackets", summary.words),
        ("Provisions with brackets", summary.provisions),
        ("Unbalanced", summary.unbalanced),
    ];
    Table {
        caption: "Summary".into(),
        headers: vec!["", "Count"],
        rows: rows
            .into_iter()
            .map(|(name, count)| Row {
                class: "",
                cells: vec![Cell::plain(name), Cell::plain(count)],
            })
            .collect(),
    }
}

/// What is open, in reading order, by section and label; with `since`, each
/// span's state since that revision.
fn open_table<'a>(
    spans: impl Iterator<Item = &'a BracketSpan>,
    caption: &str,
    since: Option<&str>,
) -> Table {
    let mut headers = vec!["Section", "Label", "Text", "Words"];
    if since.is_some() {
        headers.push("Since the revision before");
    }
    let row = |span: &BracketSpan| {
        let mut cells = vec![
            Cell::optional(&span.section),
            Cell::optional(&span.label),
            Cell::bracketed(&span.text, span.state),
            Cell::plain(span.words),
        ];
        if since.is_some() {
            cells.push(Cell::plain(span.state.as_str()));
        }
        Row { class: span.state.as_str(), cells }
    };
    Table { caption: caption.into(), headers, rows: spans.map(row).collect() }
}

const SPAN_HEADERS: [&str; 6] = ["Line", "Section", "Label", "Depth", "Words", "Text"];

fn span_row(span: &BracketSpan) -> Row {
    Row {
        class: span.state.as_str(),
        cells: vec![
            Cell::plain(format!("{}:{}", span.line, span.column)),
            Cell::optional(&span.section),
            Cell::optional(&span.label),
            Cell::plain(span.depth),
            Cell::plain(span.words),
            Cell::bracketed(&span.text, span.state),
        ],
    }
}

fn spans_table(report: &DocumentReport) -> Table {
    Table {
        caption: "Bracketed spans".into(),
        headers: SPAN_HEADERS.to_vec(),
        rows: report.brackets.iter().map(span_row).collect(),
    }
}

fn choices_table(report: &DocumentReport) -> Table {
    let rows = report.choices.iter().map(|choice| {
        let options: Vec<String> =
            choice.options.iter().map(|option| format!("[{option}]")).collect();
        Row {
            class: "open",
            cells: vec![
                Cell::plain(format!("{}:{}", choice.line, choice.column)),
                Cell::optional(&choice.section),
                Cell::optional(&choice.label),
                Cell::plain(options.join(" / ")),
            ],
        }
    });
    Table {
        caption: "Choices".into(),
        headers: vec!["Line", "Section", "Label", "Options"],
        rows: rows.collect(),
    }
}

fn unbalanced_table(unbalanced: &[UnbalancedReport], caption: &str) -> Table {
    let rows = unbalanced.iter().map(|bracket| Row {
        class: "unbalanced",
        cells: vec![
            Cell::plain(format!("{}:{}", bracket.line, bracket.column)),
            Cell::plain(match bracket.kind {
                UnbalancedKind::Open => "[ never closed",
                UnbalancedKind::Close => "] never opened",
            }),
            Cell::optional(&bracket.section),
            Cell::optional(&bracket.label),
            Cell::optional(&bracket.likely_text),
        ],
    });
    Table {
        caption: caption.into(),
        headers: vec!["Line", "Bracket", "Section", "Label", "Likely span"],
        rows: rows.collect(),
    }
}

fn revisions_table(revisions: &[RevisionSummary]) -> Table {
    let mut headers = vec!["Revision", "Open"];
    headers.extend(BracketState::TRACKED.map(BracketState::as_str));
    headers.push("Unbalanced");
    let rows = revisions.iter().map(|revision| {
        let mut cells = vec![Cell::plain(&revision.label), Cell::plain(revision.summary.brackets)];
        for state in BracketState::TRACKED {
            let count = revision.states.map(|states| states.get(state).to_string());
            cells.push(Cell::plain(count.unwrap_or_default()));
        }
        cells.push(Cell::plain(revision.summary.unbalanced));
        Row { class: "", cells }
    });
    Table { caption: "Revisions".into(), headers, rows: rows.collect() }
}

fn step_tables(step: &Step) -> Vec<Table> {
    let table = |state: BracketState| Table {
        caption: format!("{} since {}: {}", step.to, step.from, state.as_str()),
        headers: SPAN_HEADERS.to_vec(),
        rows: step.in_state(state).map(|tracked| tracked_row(tracked, &step.from)).collect(),
    };
    BracketState::TRACKED.into_iter().map(table).collect()
}

/// A span's row; the place of a span of the older revision names it.
fn tracked_row(tracked: &TrackedBracket, older: &str) -> Row {
    let mut row = span_row(&tracked.span);
    if tracked.revision == Side::Old {
        row.cells[0].text.push_str(&format!(" in {older}"));
    }
    if let Some(cell) = row.cells.last_mut() {
        cell.was = tracked.old_text.clone();
    }
    row
}
