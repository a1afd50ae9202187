//! The text handed to the parser: paragraphs separated by blank lines,
//! automatic labels written out, bold and italic as `**` and `*`; and the
//! source map of every paragraph, label and run.

use super::body::{From, Paragraph, Segment};
use super::numbering::Numbering;
use super::source::{Added, AddedKind, SourceLabel, SourceParagraph, SourceRun};
use super::styles::{NumRef, Styles};

/// Writes the paragraphs as text, numbering them as they go.
pub struct Writer<'s> {
    numbering: &'s mut Numbering,
    styles: &'s Styles,
    /// The text so far.
    pub text: String,
    /// The source map so far.
    pub paragraphs: Vec<SourceParagraph>,
}

impl<'s> Writer<'s> {
    /// A writer numbering with `numbering`.
    pub fn new(numbering: &'s mut Numbering, styles: &'s Styles) -> Self {
        Writer { numbering, styles, text: String::new(), paragraphs: Vec::new() }
    }

    /// Ends the text with a line break.
    pub fn finish(mut self) -> (String, Vec<SourceParagraph>) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        (self.text, self.paragraphs)
    }

    /// Writes one paragraph; one with no label and no visible text is left out.
    pub fn paragraph(&mut self, paragraph: Paragraph) {
        let reference = self.numbering_of(&paragraph);
        let label = reference.and_then(|reference| {
            self.numbering.next_label(reference, paragraph.style.as_deref(), self.styles)
        });
        let blank = paragraph.segments.iter().all(|segment| segment.text.trim().is_empty());
        if label.is_none() && blank {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        let mut added = Vec::new();
        let label = label.map(|label| {
            let range = self.push(&label.text);
            added.push(Added {
                range: self.push(label.suffix.text()),
                kind: AddedKind::LabelSuffix,
            });
            SourceLabel { range, num_id: label.num_id, level: label.level }
        });
        if let Some(marker) = &paragraph.opens_note {
            self.note_start(marker, &paragraph.segments, &mut added);
        }
        let runs = self.segments(&paragraph.segments, &mut added);
        self.paragraphs.push(SourceParagraph {
            text: start..self.text.len(),
            part: paragraph.part,
            origin: paragraph.origin,
            xml: paragraph.xml,
            ppr: paragraph.ppr,
            label,
            runs,
            added,
        });
    }

    /// Direct numbering over the style's: a `w:numId` from either, the level
    /// from the paragraph, else from the style.
    fn numbering_of(&self, paragraph: &Paragraph) -> Option<NumRef> {
        let from_style = paragraph.style.as_deref().and_then(|style| self.styles.numbering(style));
        match (paragraph.num, from_style) {
            (Some(direct), Some(style)) => Some(NumRef {
                num_id: direct.num_id.or(style.num_id),
                level: direct.level.or(style.level),
            }),
            (direct, style) => direct.or(style),
        }
    }

    /// A note's text opens with its marker and a space, as the parser reads footnotes.
    fn note_start(&mut self, marker: &str, segments: &[Segment], added: &mut Vec<Added>) {
        let text: String = segments.iter().map(|segment| segment.text.as_str()).collect();
        let text = text.trim_start_matches(['\t', ' ']);
        match text.strip_prefix(marker) {
            Some(_) => {} // a space follows the marker (the reader adds it if need be)
            None => {
                let range = self.push(marker);
                added.push(Added { range, kind: AddedKind::NoteMarker });
                let range = self.push(" ");
                added.push(Added { range, kind: AddedKind::NoteMarker });
            }
        }
    }

    fn push(&mut self, text: &str) -> std::ops::Range<usize> {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }

    /// Writes the runs, grouping runs of one emphasis under one pair of markers.
    fn segments(&mut self, segments: &[Segment], added: &mut Vec<Added>) -> Vec<SourceRun> {
        let mut runs = Vec::new();
        let mut groups = groups(segments).peekable();
        while let Some(group) = groups.next() {
            let next = groups.peek().and_then(|next| first_char(next));
            let markers = self.markers(group, next);
            self.group(group, markers, &mut runs, added);
        }
        runs
    }

    /// The marker of a group and where it opens and closes (offsets in the
    /// group's text, white space left outside), when the parser will read it
    /// back as emphasis: never next to another `*`.
    fn markers(
        &self,
        group: &[Segment],
        next: Option<char>,
    ) -> Option<(&'static str, usize, usize)> {
        let marker = marker_for(&group[0])?;
        let whole: String = group.iter().map(|segment| segment.text.as_str()).collect();
        let core = whole.trim();
        let open = whole.len() - whole.trim_start().len();
        let close = open + core.len();
        let star = |c: Option<char>| c == Some('*');
        let previous = if open == 0 { self.text.chars().next_back() } else { None };
        let following = if close == whole.len() { next } else { None };
        let clash = star(core.chars().next()) || star(core.chars().next_back());
        (!core.is_empty() && !clash && !star(previous) && !star(following))
            .then_some((marker, open, close))
    }

    fn group(
        &mut self,
        group: &[Segment],
        markers: Option<(&'static str, usize, usize)>,
        runs: &mut Vec<SourceRun>,
        added: &mut Vec<Added>,
    ) {
        let mut offset = 0;
        for segment in group {
            let end = offset + segment.text.len();
            let mut cuts: Vec<usize> = Vec::new();
            if let Some((marker, open, close)) = markers {
                if open == offset {
                    added.push(Added { range: self.push(marker), kind: AddedKind::Emphasis });
                }
                cuts.extend([open, close].into_iter().filter(|&at| offset < at && at < end));
            }
            let run_start = self.text.len();
            let mut cursor = offset;
            for at in cuts {
                self.text.push_str(&segment.text[cursor - offset..at - offset]);
                let marker = markers.map(|(marker, ..)| marker).unwrap_or_default();
                added.push(Added { range: self.push(marker), kind: AddedKind::Emphasis });
                cursor = at;
            }
            self.text.push_str(&segment.text[cursor - offset..]);
            let run_end = self.text.len();
            if let Some((marker, _, close)) = markers.filter(|&(_, _, close)| close == end) {
                let _ = close;
                added.push(Added { range: self.push(marker), kind: AddedKind::Emphasis });
            }
            self.record(segment, run_start..run_end, runs, added);
            offset = end;
        }
    }

    fn record(
        &self,
        segment: &Segment,
        text: std::ops::Range<usize>,
        runs: &mut Vec<SourceRun>,
        added: &mut Vec<Added>,
    ) {
        match &segment.from {
            From::Run(run) => runs.push(SourceRun {
                text,
                xml: run.xml.clone(),
                rpr: run.rpr.clone(),
                change: run.change,
            }),
            From::Added(kind) => added.push(Added { range: text, kind: *kind }),
            From::Math(xml) => {
                runs.push(SourceRun { text, xml: xml.clone(), rpr: None, change: None })
            }
        }
    }
}

/// Consecutive segments of one emphasis.
fn groups(segments: &[Segment]) -> impl Iterator<Item = &[Segment]> {
    segments.chunk_by(|a, b| (a.bold, a.italic) == (b.bold, b.italic))
}

fn first_char(group: &[Segment]) -> Option<char> {
    group.iter().find_map(|segment| segment.text.chars().next())
}

/// `**` for bold (bold italic too: `***` would read as neither), `*` for italic.
fn marker_for(segment: &Segment) -> Option<&'static str> {
    match (segment.bold, segment.italic) {
        (true, _) => Some("**"),
        (false, true) => Some("*"),
        (false, false) => None,
    }
}
