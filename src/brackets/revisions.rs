//! The report across revisions: counts per revision and the spans of each step by state.

use super::report::{DocumentReport, ReportSummary, UnbalancedReport};
use super::track::{BracketState, TrackedBracket};
use crate::diff::{DiffOptions, diff};
use crate::model::Document;
use rayon::prelude::*;
use serde::Serialize;

/// One revision of a series, with the name the report gives it.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The name in the report (`Rev.1`, a file name ...).
    pub label: String,
    /// The parsed revision (brackets scanned).
    pub document: Document,
}

/// The brackets of successive revisions, as `redline brackets OLD NEW [MORE...]` reports them.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionsReport {
    /// Each revision with its counts, oldest first.
    pub revisions: Vec<RevisionSummary>,
    /// Each revision against the one before it: every bracket and its state.
    pub steps: Vec<Step>,
}

/// One revision's counts.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionSummary {
    /// The revision's name.
    pub label: String,
    /// Its brackets, choices, words in brackets, provisions, unbalanced.
    pub summary: ReportSummary,
    /// Its unbalanced brackets.
    pub unbalanced: Vec<UnbalancedReport>,
    /// The name of the revision before it, if any.
    pub since: Option<String>,
    /// How many brackets are in each state since that revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub states: Option<StateCounts>,
}

/// How many tracked brackets are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    /// Not in the previous revision.
    pub new: usize,
    /// Same brackets, same text.
    pub unchanged: usize,
    /// Same brackets, text inside edited.
    pub changed: usize,
    /// Brackets removed, text kept.
    pub agreed: usize,
    /// Bracketed text deleted.
    pub dropped: usize,
    /// Agreed text put back in brackets.
    pub rebracketed: usize,
}

/// One revision against the one before it.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The older revision's name.
    pub from: String,
    /// The newer revision's name.
    pub to: String,
    /// Every bracket of both, followed and classified, in reading order of the newer.
    pub brackets: Vec<TrackedBracket>,
}

impl RevisionsReport {
    /// Diffs each revision against the one before it and follows the brackets.
    pub fn new(revisions: &[Revision]) -> Self {
        let steps: Vec<Step> =
            revisions.par_windows(2).map(|pair| Step::new(&pair[0], &pair[1])).collect();
        let mut summaries: Vec<RevisionSummary> =
            revisions.iter().map(RevisionSummary::new).collect();
        for (step, summary) in steps.iter().zip(summaries.iter_mut().skip(1)) {
            summary.since = Some(step.from.clone());
            summary.states = Some(StateCounts::of(&step.brackets));
        }
        Self { revisions: summaries, steps }
    }

    /// `true` when any revision has an unbalanced bracket.
    pub fn has_unbalanced(&self) -> bool {
        self.revisions.iter().any(|revision| !revision.unbalanced.is_empty())
    }
}

impl RevisionSummary {
    fn new(revision: &Revision) -> Self {
        let report = DocumentReport::new(revision.label.clone(), &revision.document);
        Self {
            label: revision.label.clone(),
            summary: report.summary,
            unbalanced: report.unbalanced,
            since: None,
            states: None,
        }
    }
}

impl Step {
    /// The step from `old` to `new`: their redline, and each bracket followed through it.
    pub fn new(old: &Revision, new: &Revision) -> Self {
        let redline = diff(&old.document, &new.document, &DiffOptions::default());
        Self { from: old.label.clone(), to: new.label.clone(), brackets: redline.brackets }
    }

    /// The brackets of this step in `state`, in reading order.
    pub fn in_state(&self, state: BracketState) -> impl Iterator<Item = &TrackedBracket> {
        self.brackets.iter().filter(move |bracket| bracket.span.state == state)
    }
}

impl StateCounts {
    /// Counts the states of `brackets`.
    pub fn of(brackets: &[TrackedBracket]) -> Self {
        let mut counts = Self::default();
        for bracket in brackets {
            if let Some(slot) = counts.slot(bracket.span.state) {
                *slot += 1;
            }
        }
        counts
    }

    /// How many brackets are in `state` (0 for `open`, which is never tracked).
    pub fn get(&self, state: BracketState) -> usize {
        let mut copy = *self;
        copy.slot(state).map_or(0, |slot| *slot)
    }

    fn slot(&mut self, state: BracketState) -> Option<&mut usize> {
        Some(match state {
            BracketState::Open => return None,
            BracketState::New => &mut self.new,
            BracketState::Unchanged => &mut self.unchanged,
            BracketState::Changed => &mut self.changed,
            BracketState::Agreed => &mut self.agreed,
            BracketState::Dropped => &mut self.dropped,
            BracketState::Rebracketed => &mut self.rebracketed,
        })
    }
}
