//! Lists inside a section: which provision nests under which, how an
//! ambiguous label counts, and which labels are out of sequence.
//!
//! The lists open in a section form a stack of frames, the outermost first.
//! A provision continues the innermost list when its label follows that
//! list's last label; otherwise, after a provision ending with `:` (or a
//! numbered paragraph followed by `(a)`), a label of another style opens a
//! nested list; otherwise a label of an outer list's style closes the
//! nested ones. A label counts as in sequence when it is greater than the
//! previous label and no greater than it plus the paragraphs since (an
//! unlabelled paragraph between may be a label that was struck out).

use super::labels::{LabelToken, Reading};
use crate::model::LabelKind;

/// Deepest nesting: lists nested further are read as siblings.
pub(super) const MAX_DEPTH: usize = 8;

/// The lists open in the current section.
#[derive(Debug)]
pub(super) struct Lists {
    frames: Vec<Frame>,
    previous: Option<Previous>,
}

/// A provision to place in the lists.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate<'a> {
    /// Index the provision will have among the document's pieces.
    pub index: usize,
    /// Its label, if any.
    pub token: Option<&'a LabelToken>,
    /// The label as written.
    pub label_text: &'a str,
    /// Its text ends with `:`, announcing a nested list.
    pub colon: bool,
}

/// Where a provision went, and how its label counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Placed {
    /// The provision it is nested under.
    pub parent: Option<usize>,
    /// Nesting depth: 0 at the top of the section.
    pub depth: usize,
    /// The chosen reading of its label.
    pub reading: Option<Reading>,
    /// A message when the label is out of sequence.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Unlabelled,
    Labelled(LabelKind),
}

/// A label seen in a list, at a position (count of provisions before it in the list).
#[derive(Debug, Clone)]
struct Counted {
    reading: Reading,
    text: String,
    position: usize,
}

#[derive(Debug, Clone, Copy)]
struct Previous {
    index: usize,
    colon: bool,
    kind: Option<LabelKind>,
    parenthesised: bool,
}

#[derive(Debug)]
struct Frame {
    parent: Option<usize>,
    depth: usize,
    /// Style of the last provision placed in this list.
    style: Option<Style>,
    /// Provisions placed so far.
    position: usize,
    /// The last label, and the last label that was in sequence.
    last: Option<Counted>,
    good: Option<Counted>,
}

impl Frame {
    fn new(parent: Option<usize>, depth: usize) -> Self {
        Frame { parent, depth, style: None, position: 0, last: None, good: None }
    }

    /// True when `reading` follows `counted`, allowing one step per provision since.
    fn follows(&self, reading: Reading, counted: &Option<Counted>) -> bool {
        let Some(counted) = counted else { return false };
        let (Some(new), Some(old)) = (reading.ordinal, counted.reading.ordinal) else {
            return false;
        };
        let slack = (self.position - counted.position) as u32;
        reading.kind == counted.reading.kind && new > old && new <= old.saturating_add(slack)
    }

    fn in_sequence(&self, reading: Reading) -> bool {
        if reading.kind == LabelKind::Bullet {
            return self.style == Some(Style::Labelled(LabelKind::Bullet));
        }
        self.follows(reading, &self.last) || self.follows(reading, &self.good)
    }

    fn continues(&self, token: &LabelToken) -> bool {
        token.readings.iter().any(|&reading| self.in_sequence(reading))
    }

    fn has_style_of(&self, token: &LabelToken) -> bool {
        match self.style {
            Some(Style::Labelled(kind)) => token.reading_of(kind).is_some(),
            _ => false,
        }
    }

    /// The reading that fits this list best.
    fn reading_for(&self, token: &LabelToken) -> Reading {
        let readings = &token.readings;
        let in_sequence = readings.iter().find(|&&reading| self.in_sequence(reading));
        let same_kind = || {
            let kind = self.last.as_ref()?.reading.kind;
            token.reading_of(kind)
        };
        let first = || readings.iter().find(|reading| reading.ordinal == Some(1));
        match in_sequence {
            Some(&reading) => reading,
            None if self.last.is_none() => *first().unwrap_or(&readings[0]),
            None => same_kind().unwrap_or(readings[0]),
        }
    }

    /// The diagnostic for a label read as `reading`, unless it is in sequence.
    fn problem(&self, reading: Reading, in_sequence: bool, text: &str) -> Option<String> {
        if reading.kind == LabelKind::Bullet || in_sequence {
            return None;
        }
        match &self.last {
            Some(last) => Some(format!("label `{text}` out of sequence after `{}`", last.text)),
            None if reading.ordinal.is_none() => Some(format!("label `{text}` out of sequence")),
            None => None,
        }
    }

    fn record(&mut self, reading: Option<Reading>, text: &str, in_sequence: bool) {
        self.style =
            Some(reading.map_or(Style::Unlabelled, |reading| Style::Labelled(reading.kind)));
        if let Some(reading) = reading.filter(|reading| reading.kind != LabelKind::Bullet) {
            let counted = Counted { reading, text: text.to_string(), position: self.position };
            if in_sequence || self.good.is_none() {
                self.good = Some(counted.clone());
            }
            self.last = Some(counted);
        }
        self.position += 1;
    }
}

impl Default for Lists {
    fn default() -> Self {
        Lists { frames: vec![Frame::new(None, 0)], previous: None }
    }
}

impl Lists {
    /// Closes every list: a new section starts.
    pub fn reset(&mut self) {
        *self = Lists::default();
    }

    /// Closes nested lists but keeps counting the outermost (a sub-heading came).
    pub fn close_nested(&mut self) {
        self.frames.truncate(1);
        self.previous = None;
    }

    /// Places a provision: finds its list, its reading and any sequence problem.
    pub fn place(&mut self, candidate: Candidate<'_>) -> Placed {
        let at = self.choose_frame(candidate.token);
        self.frames.truncate(at + 1);
        let frame = &mut self.frames[at];
        let reading = candidate.token.map(|token| frame.reading_for(token));
        let in_sequence = reading.is_some_and(|reading| frame.in_sequence(reading));
        let problem =
            reading.and_then(|reading| frame.problem(reading, in_sequence, candidate.label_text));
        frame.record(reading, candidate.label_text, in_sequence);
        let (parent, depth) = (frame.parent, frame.depth);
        let kind = reading.map(|reading| reading.kind);
        let parenthesised = candidate.token.is_some_and(|token| token.parenthesised);
        self.previous =
            Some(Previous { index: candidate.index, colon: candidate.colon, kind, parenthesised });
        Placed { parent, depth, reading, problem }
    }

    /// Index of the frame a provision goes to, pushing a nested list if it opens one:
    /// a list it continues, else a nested list it opens, else an outer list of its style.
    fn choose_frame(&mut self, token: Option<&LabelToken>) -> usize {
        let top = self.frames.len() - 1;
        let Some(token) = token else { return self.frame_for_unlabelled() };
        let continued = (0..=top).rev().find(|&at| self.frames[at].continues(token));
        if let Some(at) = continued {
            return at;
        }
        if let Some(parent) = self.opens_nested(token) {
            self.frames.push(Frame::new(Some(parent), self.frames[top].depth + 1));
            return top + 1;
        }
        (0..top).rev().find(|&at| self.frames[at].has_style_of(token)).unwrap_or(top)
    }

    /// An unlabelled provision closes nested lists only if an outer list is unlabelled.
    fn frame_for_unlabelled(&self) -> usize {
        let unlabelled = |frame: &Frame| frame.style == Some(Style::Unlabelled);
        let top = self.frames.len() - 1;
        if self.frames[top].style.is_none() || unlabelled(&self.frames[top]) {
            return top;
        }
        (0..top).rev().find(|&at| unlabelled(&self.frames[at])).unwrap_or(top)
    }

    /// The parent of a nested list `token` would open, if it opens one.
    fn opens_nested(&self, token: &LabelToken) -> Option<usize> {
        let previous = self.previous?;
        let top = self.frames.last()?;
        if top.depth >= MAX_DEPTH {
            return None;
        }
        let top_style = top.style;
        let other_style =
            token.readings.iter().any(|reading| top_style != Some(Style::Labelled(reading.kind)));
        let numbered_then_letters = previous.kind == Some(LabelKind::Number)
            && token.parenthesised
            && token.reading_of(LabelKind::Letter).is_some();
        // Chinese numerals nest by their form: `（一）` items under a `一、 ...：` item.
        let ideographic = LabelKind::Ideographic;
        let ideographs_in_parentheses = previous.kind == Some(ideographic)
            && !previous.parenthesised
            && token.parenthesised
            && token.reading_of(ideographic).is_some();
        let nests = other_style || ideographs_in_parentheses;
        ((previous.colon && nests) || numbered_then_letters).then_some(previous.index)
    }
}
