//! The report across revisions: counts per revision and the spans of each step by state.

use super::report::{DocumentReport, ReportSummary, UnbalancedReport};
use crate::model::{BracketState, Document, Language, Redline, Revision, Side, TrackedBracket};
use serde::Serialize;

/// The brackets of successive revisions, as `redline brackets OLD NEW [MORE...]` reports them.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionsReport {
    /// The language of the latest revision; left out of the JSON for English.
    #[serde(skip_serializing_if = "Language::is_english")]
    pub language: Language,
    /// What is still open in the latest revision: its brackets in reading
    /// order, each with its state since the revision before.
    pub open: Vec<TrackedBracket>,
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
    /// The report of `revisions` (oldest first), read as `documents`, from
    /// the redline of each against the one before it: `steps[k]` is
    /// `documents[k]` against `documents[k + 1]`, its brackets tracked.
    pub fn new(revisions: &[Revision], documents: &[Document], steps: &[Redline]) -> Self {
        debug_assert_eq!(revisions.len(), documents.len());
        debug_assert_eq!(steps.len() + 1, documents.len());
        let steps: Vec<Step> = (revisions.windows(2).zip(steps))
            .map(|(pair, redline)| Step::new(&pair[0], &pair[1], redline))
            .collect();
        let mut summaries: Vec<RevisionSummary> =
            revisions.iter().zip(documents).map(RevisionSummary::new).collect();
        for (step, summary) in steps.iter().zip(summaries.iter_mut().skip(1)) {
            summary.since = Some(step.from.clone());
            summary.states = Some(StateCounts::of(&step.brackets));
        }
        let open = steps.last().map(Step::still_open).unwrap_or_default();
        let language = documents.last().map(|document| document.language).unwrap_or_default();
        Self { language, open, revisions: summaries, steps }
    }

    /// The label of the latest revision.
    pub fn latest(&self) -> &str {
        self.revisions.last().map_or("", |revision| revision.label.as_str())
    }

    /// `true` when any revision has an unbalanced bracket.
    pub fn has_unbalanced(&self) -> bool {
        self.revisions.iter().any(|revision| !revision.unbalanced.is_empty())
    }
}

impl RevisionSummary {
    fn new((revision, document): (&Revision, &Document)) -> Self {
        let report = DocumentReport::new(revision.label.clone(), document);
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
    /// The step from `old` to `new`: each bracket followed through their redline.
    pub fn new(old: &Revision, new: &Revision, redline: &Redline) -> Self {
        Self { from: old.label.clone(), to: new.label.clone(), brackets: redline.brackets.clone() }
    }

    /// The brackets of the newer revision, in reading order: those not agreed
    /// or dropped in this step.
    pub fn still_open(&self) -> Vec<TrackedBracket> {
        let open = |bracket: &&TrackedBracket| bracket.revision == Side::New;
        self.brackets.iter().filter(open).cloned().collect()
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
