//! What each byte of one revision's text is, for the writer: text to write,
//! a run of its Word document, text the Word reader added (a numbering
//! label, an emphasis marker: Word makes it, nobody writes it), or the
//! break between two paragraphs.
//!
//! A plain text breaks paragraphs at blank lines (a run of spaces, tabs and
//! line breaks holding two line breaks or more); a Word document at the
//! blank line the reader put between two of its paragraphs. White space
//! before the first paragraph and after the last is an edge: in no paragraph.

use crate::docx::DocxSource;
use std::ops::Range;

/// What a byte of a revision's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Text to write as it is.
    Text,
    /// Text of run `run` of Word paragraph `para` of the revision's document.
    Run {
        /// Index into [`DocxSource::paragraphs`].
        para: u32,
        /// Index into that paragraph's runs.
        run: u32,
    },
    /// Added by the Word reader (a label, an emphasis marker ...): not written.
    Skip,
    /// The break after paragraph `para` (plain texts: the break's number).
    Break {
        /// The paragraph it ends.
        para: u32,
    },
    /// White space before the first paragraph or after the last.
    Edge,
}

/// The classes of a text, as sorted ranges that tile it.
#[derive(Debug, Clone, Default)]
pub struct SideMap {
    starts: Vec<usize>,
    classes: Vec<Class>,
}

impl SideMap {
    fn from_ranges(mut ranges: Vec<(Range<usize>, Class)>, len: usize) -> SideMap {
        ranges.retain(|(range, _)| !range.is_empty());
        ranges.sort_by_key(|(range, _)| range.start);
        let mut map = SideMap::default();
        let mut at = 0;
        for (range, class) in ranges {
            if range.start < at {
                continue; // overlapping: the first one wins
            }
            if range.start > at {
                map.push(at, Class::Text);
            }
            map.push(range.start, class);
            at = range.end;
        }
        if at < len {
            map.push(at, Class::Text);
        }
        map
    }

    fn push(&mut self, start: usize, class: Class) {
        if self.classes.last() != Some(&class) {
            self.starts.push(start);
            self.classes.push(class);
        }
    }

    /// A plain text: paragraphs broken at blank lines, edges trimmed.
    pub fn plain(text: &str) -> SideMap {
        let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\n');
        let bytes = text.as_bytes();
        let first = bytes.iter().position(|&b| !blank(b)).unwrap_or(bytes.len());
        let last = bytes.iter().rposition(|&b| !blank(b)).map_or(first, |at| at + 1);
        let mut ranges = vec![(0..first, Class::Edge), (last..bytes.len(), Class::Edge)];
        let mut at = first;
        let mut breaks = 0;
        while at < last {
            if !blank(bytes[at]) {
                at += 1;
                continue;
            }
            let end = at + bytes[at..last].iter().position(|&b| !blank(b)).unwrap_or(last - at);
            if bytes[at..end].iter().filter(|&&b| b == b'\n').count() >= 2 {
                ranges.push((at..end, Class::Break { para: breaks }));
                breaks += 1;
            }
            at = end;
        }
        SideMap::from_ranges(ranges, text.len())
    }

    /// A Word document's text. With `runs`, its runs are [`Class::Run`] and
    /// all the reader added is skipped (the document is rewritten);
    /// otherwise everything is plain text, labels and emphasis markers
    /// included (a new document is written, which reads back as the same text).
    pub fn word(text: &str, source: &DocxSource, runs: bool) -> SideMap {
        let mut ranges = Vec::new();
        let mut after_last = 0;
        for (index, paragraph) in source.paragraphs.iter().enumerate() {
            let para = index as u32;
            for added in &paragraph.added {
                let class = if runs { Class::Skip } else { Class::Text };
                ranges.push((added.range.clone(), class));
            }
            if let Some(label) = &paragraph.label {
                ranges.push((label.range.clone(), if runs { Class::Skip } else { Class::Text }));
            }
            for (run_index, run) in paragraph.runs.iter().enumerate() {
                let class =
                    if runs { Class::Run { para, run: run_index as u32 } } else { Class::Text };
                for piece in without(run.text.clone(), &paragraph.added) {
                    ranges.push((piece, class));
                }
            }
            let next = source.paragraphs.get(index + 1).map_or(text.len(), |p| p.text.start);
            let gap = paragraph.text.end..next.max(paragraph.text.end);
            let class = if index + 1 < source.paragraphs.len() {
                Class::Break { para }
            } else {
                Class::Edge
            };
            ranges.push((gap, class));
            after_last = paragraph.text.end;
        }
        if source.paragraphs.is_empty() {
            ranges.push((0..text.len(), Class::Edge));
        } else {
            ranges.push((0..source.paragraphs[0].text.start, Class::Edge));
            ranges.push((after_last..text.len(), Class::Edge));
        }
        SideMap::from_ranges(ranges, text.len())
    }

    /// The class at byte `offset`.
    pub fn class_at(&self, offset: usize) -> Class {
        let after = self.starts.partition_point(|&start| start <= offset);
        after.checked_sub(1).map_or(Class::Text, |index| self.classes[index])
    }

    /// Where the class changes strictly inside `range`, as offsets from its start.
    pub fn cuts(&self, range: Range<usize>, out: &mut Vec<usize>) {
        let first = self.starts.partition_point(|&start| start <= range.start);
        for &start in self.starts[first..].iter().take_while(|&&start| start < range.end) {
            out.push(start - range.start);
        }
    }
}

/// `range` without the ranges of `added` inside it.
fn without(range: Range<usize>, added: &[crate::docx::Added]) -> Vec<Range<usize>> {
    let mut inside: Vec<Range<usize>> = (added.iter())
        .map(|a| a.range.clone())
        .filter(|a| a.start < range.end && a.end > range.start)
        .collect();
    inside.sort_by_key(|a| a.start);
    let mut pieces = Vec::new();
    let mut at = range.start;
    for cut in inside {
        if cut.start > at {
            pieces.push(at..cut.start);
        }
        at = at.max(cut.end);
    }
    if at < range.end {
        pieces.push(at..range.end);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_text_breaks_at_blank_lines_only() {
        let text = "\n Title\n\n  a) one\ntwo \n \n b) three\n";
        let map = SideMap::plain(text);
        assert_eq!(map.class_at(0), Class::Edge);
        assert_eq!(map.class_at(2), Class::Text);
        assert_eq!(map.class_at(7), Class::Break { para: 0 });
        assert_eq!(map.class_at(11), Class::Text); // "a"
        assert_eq!(map.class_at(text.find("\ntwo").unwrap()), Class::Text);
        assert_eq!(map.class_at(text.find(" \n \n").unwrap()), Class::Break { para: 1 });
        assert_eq!(map.class_at(text.len() - 1), Class::Edge);
        let mut cuts = Vec::new();
        map.cuts(0..text.len(), &mut cuts);
        assert_eq!(cuts[0], 2);
    }
}
