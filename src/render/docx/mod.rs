//! `--format docx`: the redline as a Word document with real tracked
//! changes, which the next editor can accept or reject.
//!
//! The redline (a pair's, or a series' cumulative one) becomes a
//! `stream::Stream` of text inserted and deleted by authors, which
//! `layout` cuts into Word paragraphs using what each revision's text is
//! (`sides`: a plain text's blank lines, or a Word document's paragraphs,
//! runs and the labels Word numbers itself). Then:
//!
//! - when the new revision is a Word document, its own package is
//!   rewritten (`edit`): only the runs and paragraph marks the changes
//!   touch, and the comments; every other part and byte stays;
//! - otherwise a document of redline's own is written (`generated`,
//!   askama templates in `templates/docx/`).
//!
//! Word-level changes are `w:del` (`w:delText`) before `w:ins`, each run
//! keeping its formatting; a whole new or deleted provision also marks its
//! paragraph mark, never the last one of a body, cell or note; a moved
//! provision is deleted where it stood and inserted where it stands, with a
//! comment naming the other place (or `w:moveFrom`/`w:moveTo` with
//! [`WordOptions::moves`]); each entry's ITU action and brackets are a
//! comment (`comments`). One counter (`ids`) hands out every id, above
//! any id of the input. The package is zipped in a fixed order with fixed
//! timestamps (`package`): the same input gives the same bytes.
//!
//! Renderers only read the models: the Word sources ([`WordInput`]) are the
//! revisions' packages and source maps as decoded, carried beside the
//! redline by the caller.

mod comments;
mod date;
mod edit;
mod generated;
mod header;
mod ids;
mod layout;
mod locale;
mod numbering;
mod package;
mod properties;
mod relations;
mod runs;
mod sides;
mod stream;
mod xml;

#[cfg(test)]
mod tests;

use crate::decode::WordSource;
use crate::error::Result;
use crate::model::{Document, Header, Language, Redline};
use crate::series::Series;
use ids::Ids;
use layout::Sides;
use runs::Marks;
use sides::SideMap;
use stream::Stream;

pub use date::parse as parse_date;

/// How to write a Word redline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordOptions {
    /// The author of a pair's changes and of the comments (`redline`).
    pub author: String,
    /// `w:date` of every change (`YYYY-MM-DDTHH:MM:SSZ`), if any.
    pub date: Option<String>,
    /// The ITU action and brackets of each changed provision as comments.
    pub comments: bool,
    /// Moved provisions as `w:moveFrom` / `w:moveTo` (Word is fussy with
    /// them) instead of a deletion and an insertion with a comment.
    pub moves: bool,
    /// The header block (a document of redline's own: in the first page's header).
    pub header: Header,
}

impl Default for WordOptions {
    fn default() -> Self {
        WordOptions {
            author: "redline".into(),
            date: None,
            comments: true,
            moves: false,
            header: Header::default(),
        }
    }
}

/// A revision read from a Word document: its package and source map, and
/// the text it was read as.
#[derive(Debug, Clone, Copy)]
pub struct WordInput<'a> {
    /// The package and source map.
    pub word: &'a WordSource,
    /// The text of the document the redline was made from.
    pub text: &'a str,
}

/// The Word documents among the revisions written: the old (or base) one
/// and the new (or latest) one.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInputs<'a> {
    /// The old revision, when it is a Word document.
    pub old: Option<WordInput<'a>>,
    /// The new revision, when it is a Word document: its package is rewritten.
    pub new: Option<WordInput<'a>>,
}

impl<'a> WordInputs<'a> {
    /// The Word documents among revisions `old` and `new` (0-based) of a
    /// series: `documents` and their Word sources, as [`crate::series::Loaded`] holds them.
    pub fn of(
        documents: &'a [Document],
        words: &'a [Option<WordSource>],
        old: usize,
        new: usize,
    ) -> WordInputs<'a> {
        let input = |at: usize| {
            let word = words.get(at)?.as_ref()?;
            Some(WordInput { word, text: &documents.get(at)?.text })
        };
        WordInputs { old: input(old), new: input(new) }
    }
}

/// The date of the changes: `given` (a date as [`parse_date`] reads it),
/// else `SOURCE_DATE_EPOCH`'s value; never the clock. Without either, the
/// writer takes the new Word document's last-modified date, if any.
pub fn change_date(given: Option<&str>, source_date_epoch: Option<&str>) -> Option<String> {
    given.and_then(date::parse).or_else(|| source_date_epoch.and_then(date::from_epoch))
}

/// The Word document of a pair's redline; every change is `options.author`'s.
pub fn pair(redline: &Redline, inputs: WordInputs, options: &WordOptions) -> Result<Vec<u8>> {
    let stream = stream::pair(redline, options.comments);
    let title = options.header.doc_number.as_ref().map(|n| format!("Document {n}"));
    let title = title.unwrap_or_else(|| "Redline".into());
    let authors = vec![options.author.clone()];
    write(&stream, authors, inputs, options, &title, redline.language)
}

/// The Word document of a series' cumulative redline: each revision is
/// the author of its changes, under its label.
pub fn series(series: &Series, inputs: WordInputs, options: &WordOptions) -> Result<Vec<u8>> {
    let stream = stream::series(&series.cumulative, options.comments);
    let authors = series.revisions.iter().map(|revision| revision.label.clone()).collect();
    let header = if options.header.is_empty() { &series.header } else { &options.header };
    let options = WordOptions { header: header.clone(), ..options.clone() };
    let title = header.title.clone().unwrap_or_else(|| "Redline".into());
    write(&stream, authors, inputs, &options, &title, series.language())
}

fn write(
    stream: &Stream,
    authors: Vec<String>,
    inputs: WordInputs,
    options: &WordOptions,
    title: &str,
    language: Language,
) -> Result<Vec<u8>> {
    let (old_text, new_text) = (stream.old_text(), stream.new_text());
    let date = options
        .date
        .clone()
        .or_else(|| inputs.new.and_then(|input| date::from_package(&input.word.package)));
    let old = inputs.old.filter(|input| input.text == old_text);
    let new = inputs.new.filter(|input| input.text == new_text && rewritable(input.word));
    let marks = || {
        let mut marks = Marks::new(authors.clone(), date.clone(), options.moves, Ids::above(0));
        marks.comment_author.clone_from(&options.author);
        marks.default_author = stream.default_author;
        marks
    };
    if let Some(new) = new {
        let paragraphs = paragraphs(stream, &old_text, &new_text, old, Some(new), options);
        let old = old.map(|input| input.word);
        let mut marks = marks();
        if let Some(bytes) =
            edit::package(stream, &paragraphs, new.word, old, &mut marks, &options.header)?
        {
            return Ok(bytes);
        }
    }
    let paragraphs = paragraphs(stream, &old_text, &new_text, old, None, options);
    generated::package(stream, &paragraphs, &mut marks(), &options.header, title, language)
}

/// Whether a new revision's package can be rewritten: it has paragraphs,
/// and it was read with its own tracked changes (if any) accepted, as the
/// rewriting takes them (read as it was before them, a document of
/// redline's own is written instead).
fn rewritable(word: &WordSource) -> bool {
    let source = &word.source;
    !source.paragraphs.is_empty()
        && (source.view == crate::docx::View::Accepted || source.tracked_changes == 0)
}

/// The paragraphs, the new revision's document rewritten when `new` is given.
fn paragraphs(
    stream: &Stream,
    old_text: &str,
    new_text: &str,
    old: Option<WordInput>,
    new: Option<WordInput>,
    options: &WordOptions,
) -> Vec<layout::Paragraph> {
    let rewritten = new.is_some();
    let map = |text: &str, input: Option<WordInput>| match input {
        Some(input) => SideMap::word(text, &input.word.source, rewritten),
        None => SideMap::plain(text),
    };
    let (old_map, new_map) = (map(old_text, old), map(new_text, new));
    let sides =
        Sides { old: &old_map, new: &new_map, shared_numbering: rewritten && old.is_some() };
    let mut paragraphs = layout::paragraphs(stream, &sides, options.moves);
    if let Some(last) = paragraphs.last_mut() {
        // The last mark ends the last paragraph of both revisions.
        let count = |input: Option<WordInput>| {
            input.map_or(0, |input| input.word.source.paragraphs.len().saturating_sub(1)) as u32
        };
        last.mark.new = Some(count(new));
        last.mark.old = Some(count(old));
    }
    match new {
        Some(input) => {
            let source = &input.word.source;
            layout::lean_insertions(&mut paragraphs, |a, b| {
                let (Some(a), Some(b)) = (a.new, b.new) else { return false };
                let (a, b) = (source.paragraphs.get(a as usize), source.paragraphs.get(b as usize));
                a.zip(b).is_some_and(|(a, b)| {
                    a.part == b.part && a.origin == b.origin && a.xml.len() == 1 && b.xml.len() == 1
                })
            })
        }
        None => layout::lean_insertions(&mut paragraphs, |_, _| true),
    }
    paragraphs
}
