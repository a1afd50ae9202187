//! A new revision read from a Word document is rewritten in its own
//! package: every part stays as it was (styles, numbering, theme, fonts,
//! headers, footers, settings, media) except the paragraphs the changes
//! touch, in `document.xml` and the notes, and the comments.
//!
//! Each paragraph of the output ends with a mark of the new revision's
//! paragraph `j` (or is an old paragraph, deleted, placed before the next
//! new one). Within paragraph `j`, only the runs whose text changed are
//! replaced (a run split around a deletion keeps its `w:rPr`); deleted text
//! follows the run before it. Runs left whole keep their bytes, and so do
//! bookmarks, fields and hyperlinks around them. A paragraph whose mark
//! must move (two old paragraphs joined into one) is written anew.

use super::layout::{Item, Lean, Mark, Origin, Paragraph, Text};
use super::numbering::NumberingMap;
use super::package::Parts;
use super::properties::*;
use super::relations::{add_comments, rels_of, target};
use super::runs::Marks;
use super::stream::Stream;
use super::xml;
use crate::decode::WordSource;
use crate::docx::{DocxSource, Origin as Place, Part, SourceParagraph};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::ops::Range;

/// The parts of the package a paragraph can stand in.
struct PartText {
    name: String,
    text: String,
    edits: Vec<(Range<usize>, String)>,
}

/// The new revision's package being rewritten.
struct Rewrite<'a> {
    new: &'a DocxSource,
    old: Option<&'a DocxSource>,
    parts: HashMap<u8, PartText>,
    /// Namespace prefixes the main part declares.
    declared: Vec<String>,
    move_ids: HashMap<usize, usize>,
    /// The old lists in the new package, when both revisions are Word documents.
    numbering: Option<NumberingMap>,
}

/// One new paragraph and the output paragraphs written in its place.
struct Group<'p> {
    new: usize,
    paragraphs: Vec<&'p Paragraph>,
}

/// Rewrites the new revision's package with `paragraphs`; `None` when the
/// paragraphs do not follow the new document's (then a new document is written).
pub fn package(
    stream: &Stream,
    paragraphs: &[Paragraph],
    word: &WordSource,
    old: Option<&WordSource>,
    marks: &mut Marks,
    header: &crate::model::Header,
) -> Result<Option<Vec<u8>>> {
    let Some(groups) = groups(paragraphs, &word.source) else { return Ok(None) };
    let mut parts = Parts::read(&word.package)?;
    let max = (parts.entries.iter())
        .filter(|(name, _)| name.ends_with(".xml") || name.ends_with(".rels"))
        .map(|(_, data)| super::ids::Ids::max_in(&String::from_utf8_lossy(data)))
        .max()
        .unwrap_or(0);
    marks.ids = super::ids::Ids::above(max);
    let main = word.source.main_part.clone();
    let rels_name = rels_of(&main);
    let rels = parts.text(&rels_name).unwrap_or_default();
    let mut part_texts = HashMap::new();
    for (part, name) in [
        (Part::Document, Some(main.clone())),
        (Part::Footnotes, target(&rels, &main, "footnotes")),
        (Part::Endnotes, target(&rels, &main, "endnotes")),
    ] {
        let Some(name) = name else { continue };
        let Some(text) = parts.text(&name) else { continue };
        part_texts.insert(part as u8, PartText { name, text, edits: Vec::new() });
    }
    let declared = declared_prefixes(&part_texts[&(Part::Document as u8)].text);
    let numbering_name = target(&rels, &main, "numbering");
    let new_numbering = numbering_name.as_ref().and_then(|name| parts.text(name));
    let numbering = old.and_then(|old| {
        let old_parts = Parts::read(&old.package).ok()?;
        let old_rels = old_parts.text(&rels_of(&old.source.main_part)).unwrap_or_default();
        let old_name = target(&old_rels, &old.source.main_part, "numbering")?;
        Some(NumberingMap::new(&old_parts.text(&old_name)?, new_numbering.as_deref()?))
    });
    let mut rewrite = Rewrite {
        new: &word.source,
        old: old.map(|word| &word.source),
        parts: part_texts,
        declared,
        move_ids: super::generated::move_numbers(stream),
        numbering,
    };
    for group in &groups {
        rewrite.group(group, marks)?;
    }
    let numbering = rewrite.numbering.as_ref().zip(new_numbering.as_deref());
    if let (Some((map, text)), Some(name)) = (numbering, &numbering_name) {
        if let Some(text) = map.apply(text) {
            parts.set(name, text.into_bytes());
        }
    }
    for mut part in rewrite.parts.into_values() {
        part.edits.extend(accept_input_changes(&part.text));
        let text = apply(&part.text, part.edits)?;
        parts.set(&part.name, text.into_bytes());
    }
    add_comments(&mut parts, stream, marks, &main, &rels_name)?;
    if let Some(block) = super::header::block(header)? {
        super::header::add_to_package(&mut parts, &main, &rels_name, &block)?;
    }
    parts.write().map(Some)
}

/// The paragraphs grouped by the new paragraph they stand in; `None` when
/// the marks do not name every new paragraph once, in order.
fn groups<'p>(paragraphs: &'p [Paragraph], source: &DocxSource) -> Option<Vec<Group<'p>>> {
    let count = source.paragraphs.len();
    let mut groups: Vec<Group> = Vec::new();
    let mut pending: Vec<&Paragraph> = Vec::new();
    for paragraph in paragraphs {
        pending.push(paragraph);
        let new = match (paragraph.mark.new, paragraph.mark.last) {
            (_, true) => count.checked_sub(1)?,
            (Some(new), false) => new as usize,
            (None, false) => continue,
        };
        if new != groups.len() {
            return None;
        }
        groups.push(Group { new, paragraphs: std::mem::take(&mut pending) });
    }
    (groups.len() == count && pending.is_empty()).then_some(groups)
}

/// Where a paragraph stands: its part and its container (body, a cell, a note).
fn container(paragraph: &SourceParagraph) -> (u8, i64, usize, usize) {
    let part = paragraph.part as u8;
    match paragraph.origin {
        Place::Body => (part, 0, 0, 0),
        Place::TableRow { table, row } => (part, 1, table, row),
        Place::TableCell { table, row, cell } => (part, 2 + cell as i64, table, row),
        Place::Footnote { id, .. } | Place::Endnote { id, .. } => (part, -1, id as usize, 0),
    }
}

impl Rewrite<'_> {
    fn paragraph(&self, index: usize) -> &SourceParagraph {
        &self.new.paragraphs[index]
    }

    /// A mark may be tracked unless it ends its container (body, cell, note)
    /// or comes before a table: Word never joins those.
    fn trackable(&self, index: usize) -> bool {
        let paragraph = self.paragraph(index);
        if matches!(paragraph.origin, Place::TableRow { .. }) || paragraph.xml.len() != 1 {
            return false;
        }
        let next = self.new.paragraphs.get(index + 1);
        next.is_some_and(|next| container(next) == container(paragraph))
    }

    fn group(&mut self, group: &Group, marks: &mut Marks) -> Result<()> {
        let (olds, last) = group.paragraphs.split_at(group.paragraphs.len() - 1);
        let last = last[0];
        let merges = olds.iter().any(|p| p.texts().any(|t| matches!(t.origin, Origin::New { .. })));
        let single = self.paragraph(group.new).xml.len() == 1;
        if merges && single {
            return self.rewrite_whole(group, marks);
        }
        if !single {
            return self.row_group(group, marks);
        }
        let part = self.paragraph(group.new).part;
        let first_start = self.paragraph(group.new).xml[0].xml.start;
        let mut before = String::new();
        for old in olds {
            self.write_paragraph(&mut before, old, None, marks, true);
        }
        if !before.is_empty() {
            self.edit(part, first_start..first_start, before);
        }
        self.runs(group.new, last, marks);
        if matches!(self.paragraph(group.new).origin, Place::TableRow { .. }) {
            self.row_insertion(group.new, last, marks);
        }
        let state = last.mark.state();
        let change = if (state.ins.is_some() || state.del.is_some()) && self.trackable(group.new) {
            marks.mark_change(state)
        } else {
            String::new()
        };
        let numbering = match last.mark.lean {
            Lean::Gives { new, old } => self.carried_properties(group.new, new, old, marks),
            _ => self.numbering_change(group.new, &last.mark, marks),
        };
        if !change.is_empty() || numbering.is_some() {
            self.mark_edit(group.new, &change, numbering.as_deref());
        }
        Ok(())
    }

    /// A paragraph Word numbers whose old revision, a plain text, typed its
    /// label: a `w:pPrChange` recording it without numbering, so that with
    /// every change rejected the typed label (kept as deleted text) shows alone.
    fn typed_labels(&self, index: usize, mark: &Mark, marks: &mut Marks) -> Option<String> {
        let paragraph = self.paragraph(index);
        if paragraph.label.is_none() || mark.old.is_none() {
            return None;
        }
        let ppr = paragraph.ppr.clone().unwrap_or_default();
        if ppr.contains("<w:pPrChange") {
            return None;
        }
        Some(marks.property_change(&style_first(&without_numbering(&self.inner(&ppr)))))
    }

    /// The children of a `w:pPr` to record: portable, without tracked
    /// changes, mark properties or section.
    fn inner(&self, ppr: &str) -> String {
        let ppr = self.portable(ppr).map(strip_changes).unwrap_or_default();
        let inner = ppr.strip_prefix("<w:pPr>").and_then(|i| i.strip_suffix("</w:pPr>"));
        strip_element(&strip_element(inner.unwrap_or_default(), "w:rPr"), "w:sectPr")
    }

    /// For the last of new paragraphs whose insertion the mark before them
    /// carries: a `w:pPrChange` recording that mark's paragraph's (old)
    /// properties, which the paragraph left on rejection must show.
    fn carried_properties(
        &mut self,
        index: usize,
        new: Option<u32>,
        old: Option<u32>,
        marks: &mut Marks,
    ) -> Option<String> {
        let old_ppr = self.old.zip(old).and_then(|(source, at)| {
            Some(source.paragraphs.get(at as usize)?.ppr.clone().unwrap_or_default())
        });
        let carried = match old_ppr {
            Some(ppr) => {
                let remapped = self.remap(&ppr);
                self.inner(&remapped)
            }
            None => {
                let carrier = self.new.paragraphs.get(new? as usize)?;
                let inner = self.inner(carrier.ppr.as_deref().unwrap_or_default());
                // A plain old revision typed its labels: no numbering.
                let typed = self.old.is_none() && carrier.label.is_some();
                if typed { without_numbering(&inner) } else { inner }
            }
        };
        let own = self.paragraph(index).ppr.clone().unwrap_or_default();
        if carried == self.inner(&own) || own.contains("<w:pPrChange") {
            return None;
        }
        Some(marks.property_change(&style_first(&carried)))
    }

    /// A table row whose text is all new is marked inserted (`w:trPr/w:ins`),
    /// so that rejecting removes the row, not only its text.
    fn row_insertion(&mut self, index: usize, paragraph: &Paragraph, marks: &mut Marks) {
        let all_new = paragraph.texts().next().is_some()
            && paragraph.texts().all(|t| t.state.ins.is_some() && t.state.del.is_none());
        if !all_new {
            return;
        }
        let author = paragraph.texts().find_map(|t| t.state.ins).unwrap_or(marks.default_author);
        let source = self.paragraph(index);
        let (part, start) = (source.part, source.xml[0].xml.start);
        let text = &self.parts[&(part as u8)].text;
        let Some(row) =
            text[..start].rfind("<w:tr").filter(|&at| text[at + 5..].starts_with([' ', '>']))
        else {
            return;
        };
        let Some(tag_end) = text[row..start].find('>').map(|at| row + at + 1) else { return };
        let change =
            marks.mark_change(super::stream::State { ins: Some(author), del: None, moved: false });
        let after = &text[tag_end..start];
        // The schema wants one row property before the change: the default one, said.
        let new_properties = format!(r#"<w:trPr><w:cantSplit w:val="off"/>{change}</w:trPr>"#);
        let edit = if after.starts_with("<w:trPr/>") {
            (tag_end..tag_end + "<w:trPr/>".len(), new_properties)
        } else if after.starts_with("<w:trPr>") {
            let Some(close) = after.find("</w:trPr>") else { return };
            (tag_end + close..tag_end + close, change)
        } else if after.starts_with("<w:tblPrEx") {
            return;
        } else {
            (tag_end..tag_end, new_properties)
        };
        self.edit(part, edit.0, edit.1);
    }

    /// A `w:pPrChange` recording the old paragraph's numbering and style,
    /// when they differ from the new one's (a list restarted or joined):
    /// with every change rejected, Word numbers the paragraph as it was.
    fn numbering_change(&mut self, index: usize, mark: &Mark, marks: &mut Marks) -> Option<String> {
        let Some(old) = self.old else { return self.typed_labels(index, mark, marks) };
        let old_ppr = old.paragraphs.get(mark.old? as usize)?.ppr.clone().unwrap_or_default();
        let new_ppr = self.paragraph(index).ppr.clone().unwrap_or_default();
        if self.same_list(&old_ppr, &new_ppr) {
            return None;
        }
        let old_ppr = self.remap(&old_ppr);
        let key = |ppr: &str| {
            numbering_key(Some(ppr)).map(|(a, b)| (a.map(str::to_string), b.map(str::to_string)))
        };
        if mark.new.is_none() || key(&old_ppr) == key(&new_ppr) || new_ppr.contains("<w:pPrChange")
        {
            return None;
        }
        let recorded = self.portable(&old_ppr).map(strip_changes).unwrap_or_default();
        let inner = recorded
            .strip_prefix("<w:pPr>")
            .and_then(|inner| inner.strip_suffix("</w:pPr>"))
            .unwrap_or_default();
        let inner = strip_element(&strip_element(inner, "w:rPr"), "w:sectPr");
        Some(marks.property_change(&style_first(&inner)))
    }

    /// Whether two paragraphs are at one level of lists defined alike, with
    /// one style: only the list's id differs (it shifted), nothing to record.
    fn same_list(&self, old_ppr: &str, new_ppr: &str) -> bool {
        let value = |ppr: &str, name: &str| -> Option<u32> {
            let numbering = element(ppr, "w:numPr")?;
            let at = numbering.find(&format!("<w:{name} w:val=\""))? + name.len() + 10;
            numbering[at..at + numbering[at..].find('"')?].trim().parse().ok()
        };
        let style = |ppr: &str| element(ppr, "w:pStyle").map(str::to_string);
        let (Some(old_num), Some(new_num)) = (value(old_ppr, "numId"), value(new_ppr, "numId"))
        else {
            return false;
        };
        value(old_ppr, "ilvl") == value(new_ppr, "ilvl")
            && style(old_ppr) == style(new_ppr)
            && self.numbering.as_ref().is_some_and(|map| map.alike(old_num, new_num))
    }

    /// A new paragraph of several `w:p` (a table row): its marks are never
    /// tracked (a row's cells end there); old rows it lacks become rows
    /// marked deleted beside it, and every other text is in its cells' runs.
    fn row_group(&mut self, group: &Group, marks: &mut Marks) -> Result<()> {
        let index = group.new;
        let holder = group
            .paragraphs
            .iter()
            .position(|p| p.texts().any(|t| matches!(t.origin, Origin::New { .. })))
            .unwrap_or(group.paragraphs.len() - 1);
        let (mut before, mut after) = (String::new(), String::new());
        let mut items = Vec::new();
        for (at, paragraph) in group.paragraphs.iter().enumerate() {
            match self.old_row(paragraph).filter(|_| at != holder) {
                Some(old) => {
                    let out = if at < holder { &mut before } else { &mut after };
                    self.write_deleted_row(out, paragraph, old, marks);
                }
                None => items.extend(paragraph.items.iter().cloned()),
            }
        }
        let merged = Paragraph { items, ..group.paragraphs[holder].clone() };
        self.runs(index, &merged, marks);
        if matches!(self.paragraph(index).origin, Place::TableRow { .. }) {
            self.row_insertion(index, &merged, marks);
        }
        let source = self.paragraph(index);
        let part = source.part;
        let (start, end) = (source.xml[0].xml.start, source.xml.last().map_or(0, |x| x.xml.end));
        let text = &self.parts[&(part as u8)].text;
        let row_start =
            text[..start].rfind("<w:tr").filter(|&at| text[at + 5..].starts_with([' ', '>']));
        let row_end = text[end..].find("</w:tr>").map(|at| end + at + "</w:tr>".len());
        if let (Some(row_start), false) = (row_start, before.is_empty()) {
            self.edit(part, row_start..row_start, before);
        }
        if let (Some(row_end), false) = (row_end, after.is_empty()) {
            self.edit(part, row_end..row_end, after);
        }
        Ok(())
    }

    /// The old table row a paragraph of only deleted text stands for.
    fn old_row(&self, paragraph: &Paragraph) -> Option<&SourceParagraph> {
        let old = self.old?.paragraphs.get(paragraph.mark.old? as usize)?;
        let deleted = paragraph.texts().next().is_some()
            && paragraph.texts().all(|t| t.state.del.is_some() && t.state.ins.is_none());
        (deleted && matches!(old.origin, Place::TableRow { .. })).then_some(old)
    }

    /// An old row written back, marked deleted (`w:trPr/w:del`), its text
    /// in as many cells as it had.
    fn write_deleted_row(
        &self,
        out: &mut String,
        paragraph: &Paragraph,
        old: &SourceParagraph,
        marks: &mut Marks,
    ) {
        let mut cells: Vec<Vec<&Item>> = vec![Vec::new(); old.xml.len().max(1)];
        let mut cell = 0;
        for item in &paragraph.items {
            if let Item::Text(Text { origin: Origin::Old { run, .. }, .. }) = item {
                let at = old.runs.get(*run as usize).map_or(0, |r| r.xml.start);
                cell = old.xml.iter().rposition(|x| x.xml.start <= at).unwrap_or(cell);
            }
            cells[cell].push(item);
        }
        let author = paragraph.texts().find_map(|t| t.state.del).unwrap_or(marks.default_author);
        let change =
            marks.mark_change(super::stream::State { ins: None, del: Some(author), moved: false });
        out.push_str(&format!(r#"<w:tr><w:trPr><w:cantSplit w:val="off"/>{change}</w:trPr>"#));
        for items in cells {
            out.push_str("<w:tc><w:p>");
            self.write_items(out, &items, marks);
            out.push_str("</w:p></w:tc>");
        }
        out.push_str("</w:tr>");
    }

    /// A new paragraph written anew as several (an old paragraph break
    /// removed inside it), its first `w:p` start tag kept.
    fn rewrite_whole(&mut self, group: &Group, marks: &mut Marks) -> Result<()> {
        let paragraph = self.paragraph(group.new);
        let (part, range) = (paragraph.part, paragraph.xml[0].xml.clone());
        let new_ppr = paragraph.ppr.clone();
        let trackable = self.trackable(group.new);
        let mut out = String::new();
        for (index, output) in group.paragraphs.iter().enumerate() {
            let last = index + 1 == group.paragraphs.len();
            let ppr =
                if last { new_ppr.clone() } else { self.old_ppr(&output.mark).or(new_ppr.clone()) };
            let mark =
                if last && !trackable { Mark { last: true, ..output.mark } } else { output.mark };
            let output = Paragraph { mark, ..(*output).clone() };
            self.write_paragraph_with(&mut out, &output, ppr.as_deref(), marks);
        }
        self.edit(part, range, out);
        Ok(())
    }

    /// The old paragraph's `w:pPr` for an old paragraph written back, when
    /// the new package can hold it.
    fn old_ppr(&mut self, mark: &Mark) -> Option<String> {
        let old = self.old?;
        let ppr = old.paragraphs.get(mark.old? as usize)?.ppr.as_deref()?;
        let ppr = self.portable(ppr).map(strip_changes)?;
        Some(self.remap(&ppr))
    }

    /// An old `w:pPr` whose lists are those copied into the new package.
    fn remap(&mut self, ppr: &str) -> String {
        match &mut self.numbering {
            Some(map) => map.remap(ppr),
            None => ppr.to_string(),
        }
    }

    /// `fragment` when every namespace prefix it uses is declared in the new
    /// main part and it holds no tracked change of its own.
    fn portable<'f>(&self, fragment: &'f str) -> Option<&'f str> {
        let declared = xml::prefixes(fragment).iter().all(|p| self.declared.iter().any(|d| d == p));
        declared.then_some(fragment)
    }

    /// Writes an output paragraph anew: the old paragraph's properties when
    /// known (`old` side), else none.
    fn write_paragraph(
        &mut self,
        out: &mut String,
        paragraph: &Paragraph,
        ppr: Option<&str>,
        marks: &mut Marks,
        old_side: bool,
    ) {
        let ppr = match (ppr, old_side) {
            (Some(ppr), _) => Some(ppr.to_string()),
            (None, true) => self.old_ppr(&paragraph.mark),
            (None, false) => None,
        };
        self.write_paragraph_with(out, paragraph, ppr.as_deref(), marks);
    }

    fn write_paragraph_with(
        &self,
        out: &mut String,
        paragraph: &Paragraph,
        ppr: Option<&str>,
        marks: &mut Marks,
    ) {
        out.push_str("<w:p>");
        let change = marks.mark_change(paragraph.mark.state());
        out.push_str(&ppr_with_mark(ppr, &change));
        let items: Vec<&Item> = paragraph.items.iter().collect();
        self.write_items(out, &items, marks);
        out.push_str("</w:p>");
    }

    /// Replaces the runs of new paragraph `index` whose text changed, and
    /// writes the deleted text after the run before it.
    fn runs(&mut self, index: usize, paragraph: &Paragraph, marks: &mut Marks) {
        let source = self.paragraph(index);
        let mut pre: Vec<&Item> = Vec::new();
        let mut buckets: Vec<Vec<&Item>> = vec![Vec::new(); source.runs.len()];
        let mut anchor: Option<usize> = None;
        for item in &paragraph.items {
            if let Item::Text(Text { origin: Origin::New { para, run }, .. }) = item {
                if *para as usize == index {
                    anchor = Some(*run as usize);
                }
            }
            match anchor {
                Some(run) => buckets[run].push(item),
                None => pre.push(item),
            }
        }
        let part = source.part;
        let mut edits = Vec::new();
        for (run, bucket) in buckets.iter().enumerate() {
            if bucket.is_empty() || self.untouched(bucket) {
                continue;
            }
            let mut out = String::new();
            self.write_items(&mut out, bucket, marks);
            edits.push((source.runs[run].xml.clone(), out));
        }
        if !pre.is_empty() {
            let mut out = String::new();
            self.write_items(&mut out, &pre, marks);
            let at = match source.runs.first() {
                Some(run) => run.xml.start,
                None => self.end_of(source),
            };
            edits.push((at..at, out));
        }
        for (range, text) in edits {
            self.edit(part, range, text);
        }
    }

    /// Before `</w:p>` of the paragraph's last `w:p`.
    fn end_of(&self, source: &SourceParagraph) -> usize {
        let range = source.xml.last().map_or(0..0, |xml| xml.xml.clone());
        let text = &self.parts[&(source.part as u8)].text;
        if text[range.clone()].ends_with("</w:p>") { range.end - "</w:p>".len() } else { range.end }
    }

    /// Only unchanged text of its own run: the run keeps its bytes.
    fn untouched(&self, bucket: &[&Item]) -> bool {
        bucket.iter().all(|item| match item {
            Item::Text(text) => text.state.is_equal() && matches!(text.origin, Origin::New { .. }),
            _ => false,
        })
    }

    fn write_items(&self, out: &mut String, items: &[&Item], marks: &mut Marks) {
        for item in items {
            match item {
                Item::Text(text) => self.write_text(out, text, marks),
                marker => marks.marker(out, marker, &self.move_ids),
            }
        }
    }

    fn write_text(&self, out: &mut String, text: &Text, marks: &mut Marks) {
        match text.origin {
            Origin::New { para, run } => {
                let source = &self.new.paragraphs[para as usize].runs[run as usize];
                let part = &self.parts[&(self.new.paragraphs[para as usize].part as u8)].text;
                let raw = &part[source.xml.clone()];
                let whole = run_text_len(self.new, para, run) == text.text.len();
                if whole && !simple(raw, source.rpr.as_deref()) {
                    marks.wrapped(out, text.state, |out| out.push_str(raw));
                } else {
                    let rpr =
                        source.rpr.as_deref().and_then(|r| self.portable(r)).map(strip_changes);
                    marks.text(out, text, rpr.as_deref());
                }
            }
            Origin::Old { para, run } => {
                let rpr = self.old.and_then(|old| {
                    let run = old.paragraphs.get(para as usize)?.runs.get(run as usize)?;
                    self.portable(run.rpr.as_deref()?).map(strip_changes)
                });
                marks.text(out, text, rpr.as_deref());
            }
            Origin::None => marks.text(out, text, None),
        }
    }

    /// Puts the tracked change of paragraph `index`'s mark into its `w:pPr`,
    /// and the record of its old properties.
    fn mark_edit(&mut self, index: usize, change: &str, recorded: Option<&str>) {
        let source = self.paragraph(index);
        let (part, Some(xml)) = (source.part, source.xml.last().map(|x| x.xml.clone())) else {
            return;
        };
        let text = &self.parts[&(part as u8)].text;
        let found = source.ppr.as_deref().and_then(|ppr| {
            let at = text[xml.clone()].find(ppr)? + xml.start;
            Some((at..at + ppr.len(), ppr.to_string()))
        });
        let (range, ppr) = match found {
            Some((range, ppr)) => (range, Some(ppr)),
            None => {
                let Some(close) = text[xml.clone()].find('>') else { return };
                let at = xml.start + close + 1;
                if text[..at].ends_with("/>") {
                    return; // an empty paragraph `<w:p/>`: nothing to join
                }
                (at..at, None)
            }
        };
        let mut edited = ppr_with_mark(ppr.as_deref(), change);
        if let Some(recorded) = recorded {
            edited = with_property_change(&edited, recorded);
        }
        self.edit(part, range, edited);
    }

    fn edit(&mut self, part: Part, range: Range<usize>, text: String) {
        if let Some(part) = self.parts.get_mut(&(part as u8)) {
            part.edits.push((range, text));
        }
    }
}

/// The length of a run's own text (the markers the reader added inside it left out).
fn run_text_len(source: &DocxSource, para: u32, run: u32) -> usize {
    let paragraph = &source.paragraphs[para as usize];
    let range = paragraph.runs[run as usize].text.clone();
    let added: usize = (paragraph.added.iter())
        .map(|a| a.range.clone())
        .filter(|a| a.start >= range.start && a.end <= range.end)
        .map(|a| a.len())
        .sum();
    range.len() - added
}

/// A run of text, tabs and breaks only (it can be split).
fn simple(raw: &str, rpr: Option<&str>) -> bool {
    let body = match rpr {
        Some(rpr) => raw.replacen(rpr, "", 1),
        None => raw.to_string(),
    };
    const SIMPLE: [&str; 8] =
        ["r", "t", "tab", "br", "cr", "lastRenderedPageBreak", "noBreakHyphen", "softHyphen"];
    body.match_indices('<').all(|(at, _)| {
        let name = body[at + 1..].trim_start_matches('/');
        let name =
            &name[..name.find(|c: char| !(c.is_alphanumeric() || c == ':')).unwrap_or(name.len())];
        name.strip_prefix("w:").is_some_and(|local| SIMPLE.contains(&local))
    })
}

/// The edits that accept the tracked changes a new revision already holds
/// around its runs: its text was read with them accepted, so the redline
/// starts from that text (deleted runs removed, inserted ones unwrapped).
/// Changes of paragraph marks and of formatting are left as they are.
fn accept_input_changes(text: &str) -> Vec<(Range<usize>, String)> {
    let Ok(document) = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() },
    ) else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    for node in document.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        let in_properties = node.parent().is_some_and(|p| p.tag_name().name().ends_with("Pr"));
        if node.tag_name().namespace() != Some(W) || in_properties {
            continue;
        }
        let range = node.range();
        match name {
            "del" | "moveFrom" | "moveFromRangeStart" | "moveFromRangeEnd" | "moveToRangeStart"
            | "moveToRangeEnd" => edits.push((range, String::new())),
            "ins" | "moveTo" => {
                let Some(open_end) = text[range.clone()].find('>') else { continue };
                if text[range.start..range.start + open_end].ends_with('/') {
                    edits.push((range, String::new()));
                    continue;
                }
                let close = format!(
                    "</{}>",
                    &text[range.start + 1..range.start + open_end]
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                );
                edits.push((range.start..range.start + open_end + 1, String::new()));
                edits.push((range.end - close.len()..range.end, String::new()));
            }
            _ => {}
        }
    }
    // A deletion inside another one is gone with it.
    edits.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    let mut kept: Vec<(Range<usize>, String)> = Vec::new();
    for edit in edits {
        if kept.last().is_some_and(|(last, _)| edit.0.start < last.end) {
            continue;
        }
        kept.push(edit);
    }
    kept
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text with the edits made (sorted; they never overlap).
fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> Result<String> {
    edits.sort_by_key(|(range, _)| (range.start, range.end));
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|(_, t)| t.len()).sum::<usize>());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            return Err(Error::Other("cannot write the Word document: overlapping edits".into()));
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// The namespace prefixes declared on the root element of a part.
fn declared_prefixes(text: &str) -> Vec<String> {
    let root_start = text.find("<w:document").or_else(|| text.find("<w:")).unwrap_or(0);
    let root_end = text[root_start..].find('>').map_or(text.len(), |at| root_start + at);
    let root = &text[root_start..root_end];
    let mut prefixes: Vec<String> = root
        .match_indices("xmlns:")
        .map(|(at, _)| {
            let name = &root[at + 6..];
            name[..name.find('=').unwrap_or(name.len())].trim().to_string()
        })
        .collect();
    prefixes.push("xml".into());
    prefixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_with_notes_or_fields_are_not_split() {
        assert!(simple(
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">a b</w:t><w:tab/></w:r>"#,
            Some("<w:rPr><w:b/></w:rPr>")
        ));
        assert!(!simple(r#"<w:r><w:footnoteReference w:id="2"/></w:r>"#, None));
    }

    #[test]
    fn edits_apply_in_order_and_refuse_overlaps() {
        let edits = vec![(4..5, "X".to_string()), (0..0, "<".to_string())];
        assert_eq!(apply("abcdef", edits).unwrap(), "<abcdXf");
        assert!(apply("abc", vec![(0..2, String::new()), (1..3, String::new())]).is_err());
    }
}
