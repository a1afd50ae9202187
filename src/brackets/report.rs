//! The report on one document: every span, every choice, every unbalanced bracket, a summary.

use super::choices::{Choice, find_choices};
use super::locate::{
    TextIndex, excerpt, inner_text, is_balanced, label_name, likely_inner, piece_at, section_name,
};
use crate::model::BracketSpan;
use crate::model::{Bracket, Document, Language, PieceKind};
use serde::Serialize;
use std::ops::RangeInclusive;

/// The brackets of one document, as `redline brackets FILE` reports them.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    /// The document's name (its path, or a `--label`).
    pub name: String,
    /// The encoding the document was decoded from.
    pub encoding: String,
    /// The language of the document; left out of the JSON for English.
    #[serde(skip_serializing_if = "Language::is_english")]
    pub language: Language,
    /// Every balanced negotiation bracket, in text order.
    pub brackets: Vec<BracketSpan>,
    /// Alternatives written side by side.
    pub choices: Vec<ChoiceReport>,
    /// Every unbalanced bracket, in text order.
    pub unbalanced: Vec<UnbalancedReport>,
    /// The counts.
    pub summary: ReportSummary,
}

/// Alternatives offered for one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChoiceReport {
    /// Section of the first option.
    pub section: Option<String>,
    /// Label of the piece holding the options.
    pub label: Option<String>,
    /// 1-based line of the first option's `[`.
    pub line: usize,
    /// 1-based column of the first option's `[`.
    pub column: usize,
    /// The options' texts, in order.
    pub options: Vec<String>,
}

/// A bracket that finds no partner in its section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnbalancedReport {
    /// 1-based line of the bracket.
    pub line: usize,
    /// 1-based column of the bracket, in characters.
    pub column: usize,
    /// `open` for a `[` never closed, `close` for a `]` never opened.
    pub kind: UnbalancedKind,
    /// Heading of the section it stands in.
    pub section: Option<String>,
    /// Label of the piece it stands in.
    pub label: Option<String>,
    /// Nesting depth it was found at.
    pub depth: usize,
    /// The span it most likely was meant to enclose, when that can be inferred.
    pub likely_text: Option<String>,
}

/// Which half of a pair is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnbalancedKind {
    /// A `[` never closed.
    Open,
    /// A `]` never opened.
    Close,
}

/// The counts of a document report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ReportSummary {
    /// Balanced bracketed spans (nested ones included).
    pub brackets: usize,
    /// Choices between alternatives.
    pub choices: usize,
    /// Words inside at least one balanced bracket, each counted once.
    pub words: usize,
    /// Provisions holding bracketed text or an unbalanced bracket.
    pub provisions: usize,
    /// Unbalanced brackets.
    pub unbalanced: usize,
}

impl DocumentReport {
    /// Builds the report of a scanned document (see [`super::scan_document`]).
    pub fn new(name: impl Into<String>, document: &Document) -> Self {
        let lines = TextIndex::new(document);
        let choices = find_choices(document);
        let mut brackets = Vec::new();
        let mut unbalanced = Vec::new();
        for bracket in &document.brackets {
            if is_balanced(bracket) {
                brackets.push(BracketSpan::new(document, &lines, bracket));
            } else {
                unbalanced.push(UnbalancedReport::new(document, &lines, bracket));
            }
        }
        mark_choices(document, &choices, &mut brackets);
        let summary = summarise(document, &lines, brackets.len(), choices.len(), unbalanced.len());
        let choices =
            choices.iter().map(|choice| ChoiceReport::new(document, &lines, choice)).collect();
        Self {
            name: name.into(),
            encoding: document.encoding.clone(),
            language: document.language,
            brackets,
            choices,
            unbalanced,
            summary,
        }
    }

    /// `true` when any bracket is unbalanced (what `--check` fails on).
    pub fn has_unbalanced(&self) -> bool {
        !self.unbalanced.is_empty()
    }
}

/// Sets `choice` on the spans that are options (spans are the balanced brackets, in order).
fn mark_choices(document: &Document, choices: &[Choice], spans: &mut [BracketSpan]) {
    let mut span_of = Vec::with_capacity(document.brackets.len());
    let mut next = 0;
    for bracket in &document.brackets {
        span_of.push(next);
        next += usize::from(is_balanced(bracket));
    }
    for (index, choice) in choices.iter().enumerate() {
        for &option in &choice.options {
            spans[span_of[option]].choice = Some(index);
        }
    }
}

impl ChoiceReport {
    fn new(document: &Document, lines: &TextIndex, choice: &Choice) -> Self {
        let first = &document.brackets[choice.options[0]];
        let (line, column) = lines.line_col(&document.text, first.open.unwrap_or_default());
        let options = if choice.within.is_empty() {
            (choice.options.iter())
                .map(|&option| excerpt(inner_text(document, &document.brackets[option])).0)
                .collect()
        } else {
            choice.within.clone()
        };
        Self {
            section: section_name(document, first.piece),
            label: label_name(document, first.piece),
            line,
            column,
            options,
        }
    }
}

impl UnbalancedReport {
    fn new(document: &Document, lines: &TextIndex, bracket: &Bracket) -> Self {
        let (kind, offset) = match bracket.open {
            Some(open) => (UnbalancedKind::Open, open),
            None => (UnbalancedKind::Close, bracket.close.unwrap_or_default()),
        };
        let (line, column) = lines.line_col(&document.text, offset);
        Self {
            line,
            column,
            kind,
            section: section_name(document, bracket.piece),
            label: label_name(document, bracket.piece),
            depth: bracket.depth,
            likely_text: likely_inner(document, bracket).map(str::to_string),
        }
    }
}

/// Counts for the summary.
fn summarise(
    document: &Document,
    lines: &TextIndex,
    brackets: usize,
    choices: usize,
    unbalanced: usize,
) -> ReportSummary {
    ReportSummary {
        brackets,
        choices,
        words: words_in_brackets(document, lines),
        provisions: provisions_with_brackets(document),
        unbalanced,
    }
}

/// Words inside balanced brackets, each counted once (outermost spans only).
fn words_in_brackets(document: &Document, index: &TextIndex) -> usize {
    let mut words = 0;
    let mut covered_to = 0;
    for bracket in document.brackets.iter().filter(|bracket| is_balanced(bracket)) {
        let (open, close) = (bracket.open.unwrap_or_default(), bracket.close.unwrap_or_default());
        if open >= covered_to {
            words += index.count_words(open + 1..close);
            covered_to = close;
        }
    }
    words
}

/// Provisions that hold a bracket character or lie inside a balanced span.
fn provisions_with_brackets(document: &Document) -> usize {
    let mut covered: Vec<RangeInclusive<usize>> = Vec::new();
    for bracket in &document.brackets {
        let pieces = pieces_touched(document, bracket);
        match covered.last_mut() {
            Some(last) if pieces.start() <= last.end() => {
                *last = *last.start()..=*last.end().max(pieces.end());
            }
            _ => covered.push(pieces),
        }
    }
    let is_provision = |index: &usize| document.pieces[*index].kind == PieceKind::Provision;
    covered.into_iter().map(|pieces| pieces.filter(is_provision).count()).sum()
}

/// The pieces from the one holding a bracket's first character to the one holding its last.
fn pieces_touched(document: &Document, bracket: &Bracket) -> RangeInclusive<usize> {
    let first = bracket.open.or(bracket.close).unwrap_or_default();
    let last = bracket.close.or(bracket.open).unwrap_or_default();
    let from = piece_at(document, first).unwrap_or(bracket.piece);
    from..=piece_at(document, last).unwrap_or(bracket.piece).max(from)
}
