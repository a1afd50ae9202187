//! Plain-text reports: one line per span, for a terminal or a script.

use crate::brackets::{
    DocumentReport, ReportSummary, RevisionSummary, RevisionsReport, Step, UnbalancedKind,
    UnbalancedReport,
};
use crate::model::{BracketSpan, BracketState, Side};
use std::fmt::Write;

/// Characters of a span's text shown before it is cut with `…`.
const SHOWN_CHARS: usize = 72;

/// The text report of one document.
pub fn document_text(report: &DocumentReport) -> String {
    let mut out = format!("{}: {}\n", report.name, summary_line(&report.summary));
    if !report.brackets.is_empty() {
        out.push_str("\nbrackets\n");
        for span in &report.brackets {
            let _ = writeln!(out, "  {}", span_line(span));
        }
    }
    if !report.choices.is_empty() {
        out.push_str("\nchoices\n");
        for choice in &report.choices {
            let place = place(choice.line, choice.column, &choice.section, &choice.label);
            let options: Vec<String> =
                choice.options.iter().map(|text| format!("[{}]", shown(text))).collect();
            let _ = writeln!(out, "  {place}  {}", options.join(" / "));
        }
    }
    push_unbalanced(&mut out, "unbalanced", &report.unbalanced);
    out
}

/// The text report across revisions.
pub fn revisions_text(report: &RevisionsReport) -> String {
    let mut out = String::new();
    for revision in &report.revisions {
        let _ = writeln!(out, "{}", revision_line(revision));
    }
    for step in &report.steps {
        push_step(&mut out, step);
    }
    for revision in &report.revisions {
        push_unbalanced(
            &mut out,
            &format!("unbalanced in {}", revision.label),
            &revision.unbalanced,
        );
    }
    out
}

/// `14 brackets, 1 choice, 120 words in brackets, 9 provisions with brackets, 3 unbalanced`.
fn summary_line(summary: &ReportSummary) -> String {
    format!(
        "{}, {}, {} in brackets, {} with brackets, {} unbalanced",
        plural(summary.brackets, "bracket"),
        plural(summary.choices, "choice"),
        plural(summary.words, "word"),
        plural(summary.provisions, "provision"),
        summary.unbalanced,
    )
}

/// `Rev.2: 41 open, 12 agreed since Rev.1, 3 new, ...; 0 unbalanced`.
fn revision_line(revision: &RevisionSummary) -> String {
    let mut line = format!("{}: {} open", revision.label, revision.summary.brackets);
    if let (Some(since), Some(states)) = (&revision.since, &revision.states) {
        let _ = write!(line, ", {} agreed since {since}", states.agreed);
        for state in BracketState::TRACKED.into_iter().skip(1) {
            let _ = write!(line, ", {} {}", states.get(state), state.as_str());
        }
    }
    let _ = write!(line, "; {} unbalanced", revision.summary.unbalanced);
    line
}

fn push_step(out: &mut String, step: &Step) {
    let _ = writeln!(out, "\n{} since {}", step.to, step.from);
    for state in BracketState::TRACKED {
        let spans: Vec<_> = step.in_state(state).collect();
        if spans.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {} ({})", state.as_str(), spans.len());
        for tracked in spans {
            let _ = write!(out, "    {}", span_line(&tracked.span));
            match tracked.revision {
                Side::Old => {
                    let _ = writeln!(out, "  (in {})", step.from);
                }
                Side::New => out.push('\n'),
            }
            if let Some(old_text) = &tracked.old_text {
                let _ = writeln!(out, "      was [{}]", shown(old_text));
            }
        }
    }
}

fn push_unbalanced(out: &mut String, title: &str, unbalanced: &[UnbalancedReport]) {
    if unbalanced.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    for bracket in unbalanced {
        let place = place(bracket.line, bracket.column, &bracket.section, &bracket.label);
        let what = match bracket.kind {
            UnbalancedKind::Open => "`[` never closed",
            UnbalancedKind::Close => "`]` never opened",
        };
        let _ = write!(out, "  {place}  {what}");
        if let Some(likely) = &bracket.likely_text {
            let _ = write!(out, "; likely [{}]", shown(likely));
        }
        out.push('\n');
    }
}

/// `40:140  considering a)  depth 1, 2 words  [not decided]`.
fn span_line(span: &BracketSpan) -> String {
    let place = place(span.line, span.column, &span.section, &span.label);
    let words = plural(span.words, "word");
    format!("{place}  depth {}, {words}  [{}]", span.depth, shown(&span.text))
}

/// `line:column  section label`, the parts that are known.
fn place(line: usize, column: usize, section: &Option<String>, label: &Option<String>) -> String {
    let names: Vec<&str> = [section, label].into_iter().flatten().map(String::as_str).collect();
    if names.is_empty() {
        format!("{line}:{column}")
    } else {
        format!("{line}:{column}  {}", names.join(" "))
    }
}

/// A span's text on one line, cut after [`SHOWN_CHARS`] characters.
fn shown(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        _ => format!("{count} {noun}s"),
    }
}
