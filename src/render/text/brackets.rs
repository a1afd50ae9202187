//! Plain-text reports: one line per span, for a terminal or a script.

use crate::brackets::{
    DocumentReport, ReportSummary, RevisionSummary, RevisionsReport, Step, UnbalancedKind,
    UnbalancedReport,
};
use crate::model::{BracketSpan, BracketState, Side};
use std::fmt::Write;

/// Characters of a span's text shown before it is cut with `…` (unless in full).
const SHOWN_CHARS: usize = 72;

/// How long a bracketed text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    /// The whole text, not cut.
    full: bool,
}

/// The text report of one document: first what is open, in reading order,
/// by section and label; `full` shows every bracketed text whole.
pub fn document_text(report: &DocumentReport, full: bool) -> String {
    let shown = Shown { full };
    let mut out = format!("{}: {}\n", report.name, summary_line(&report.summary));
    if !report.brackets.is_empty() {
        let _ = writeln!(out, "\nopen ({})", report.brackets.len());
        for span in &report.brackets {
            let _ = writeln!(out, "{}", open_line(span, None, shown));
        }
    }
    if !report.choices.is_empty() {
        out.push_str("\nchoices\n");
        for choice in &report.choices {
            let place = place(choice.line, choice.column, &choice.section, &choice.label);
            let options: Vec<String> =
                choice.options.iter().map(|text| format!("[{}]", shown.text(text))).collect();
            let _ = writeln!(out, "  {place}  {}", options.join(" / "));
        }
    }
    push_spans(&mut out, &report.brackets, shown);
    push_unbalanced(&mut out, "unbalanced", &report.unbalanced, shown);
    out
}

/// The text report across revisions: the counts, then what is open in the
/// latest revision, then each step by state.
pub fn revisions_text(report: &RevisionsReport, full: bool) -> String {
    let shown = Shown { full };
    let mut out = String::new();
    for revision in &report.revisions {
        let _ = writeln!(out, "{}", revision_line(revision));
    }
    let _ = writeln!(out, "\nopen in {} ({})", report.latest(), report.open.len());
    let since = report.revisions.iter().rev().nth(1).map(|revision| revision.label.as_str());
    for tracked in &report.open {
        let _ = writeln!(out, "{}", open_line(&tracked.span, since, shown));
    }
    for step in &report.steps {
        push_step(&mut out, step, shown);
    }
    for revision in &report.revisions {
        let title = format!("unbalanced in {}", revision.label);
        push_unbalanced(&mut out, &title, &revision.unbalanced, shown);
    }
    out
}

/// `  considering b)  [shall]  1 word, changed since Rev.2`: indented by depth.
fn open_line(span: &BracketSpan, since: Option<&str>, shown: Shown) -> String {
    let indent = "  ".repeat(span.depth.max(1));
    let names: Vec<&str> =
        [&span.section, &span.label].into_iter().flatten().map(String::as_str).collect();
    let place = if names.is_empty() { "(title block)".to_string() } else { names.join(" ") };
    let mut line =
        format!("{indent}{place}  [{}]  {}", shown.text(&span.text), plural(span.words, "word"));
    if let (Some(since), false) = (since, span.state == BracketState::Unchanged) {
        let _ = write!(line, ", {} since {since}", span.state.as_str());
    }
    line
}

/// Every span with its line and column, depth and words.
fn push_spans(out: &mut String, spans: &[BracketSpan], shown: Shown) {
    if spans.is_empty() {
        return;
    }
    out.push_str("\nbrackets\n");
    for span in spans {
        let _ = writeln!(out, "  {}", span_line(span, shown));
    }
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

fn push_step(out: &mut String, step: &Step, shown: Shown) {
    let _ = writeln!(out, "\n{} since {}", step.to, step.from);
    for state in BracketState::TRACKED {
        let spans: Vec<_> = step.in_state(state).collect();
        if spans.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {} ({})", state.as_str(), spans.len());
        for tracked in spans {
            let _ = write!(out, "    {}", span_line(&tracked.span, shown));
            match tracked.revision {
                Side::Old => {
                    let _ = writeln!(out, "  (in {})", step.from);
                }
                Side::New => out.push('\n'),
            }
            if let Some(old_text) = &tracked.old_text {
                let _ = writeln!(out, "      was [{}]", shown.text(old_text));
            }
        }
    }
}

fn push_unbalanced(out: &mut String, title: &str, unbalanced: &[UnbalancedReport], shown: Shown) {
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
            let _ = write!(out, "; likely [{}]", shown.text(likely));
        }
        out.push('\n');
    }
}

/// `40:140  considering a)  depth 1, 2 words  [not decided]`.
fn span_line(span: &BracketSpan, shown: Shown) -> String {
    let place = place(span.line, span.column, &span.section, &span.label);
    let words = plural(span.words, "word");
    format!("{place}  depth {}, {words}  [{}]", span.depth, shown.text(&span.text))
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

impl Shown {
    /// A span's text on one line, cut after [`SHOWN_CHARS`] characters unless in full.
    fn text(self, text: &str) -> String {
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match one_line.char_indices().nth(SHOWN_CHARS).filter(|_| !self.full) {
            Some((cut, _)) => format!("{}…", &one_line[..cut]),
            None => one_line,
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        _ => format!("{count} {noun}s"),
    }
}
