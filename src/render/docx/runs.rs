//! Runs and paragraph marks as WordprocessingML: text in `w:t` (deleted:
//! `w:delText`), tabs and line breaks as elements, each change wrapped in
//! `w:ins` / `w:del` (or `w:moveFrom` / `w:moveTo`) with its id, author and
//! date; comment anchors and move ranges. Every string from the input is
//! escaped here ([`super::xml`]).

use super::ids::Ids;
use super::layout::{Item, Text};
use super::stream::{Author, State};
use super::xml;
use std::collections::HashMap;
use std::fmt::Write;

/// A change's element (`ins`, `del`, `moveFrom`, `moveTo`) and its author.
type Wrapper = (&'static str, Author);

/// Author names and the date of the changes, and the ids handed out.
#[derive(Debug)]
pub struct Marks {
    /// The author names, by [`Author`] index.
    pub authors: Vec<String>,
    /// `w:date` of every change (`2014-10-31T00:00:00Z`), if known.
    pub date: Option<String>,
    /// Moves as `w:moveFrom` / `w:moveTo` rather than deletions and insertions.
    pub moves: bool,
    /// The id counter.
    pub ids: Ids,
    /// The comment id of each entry with a comment.
    pub comments: HashMap<usize, u32>,
    /// The range ids of each moved entry's start, by (entry, from).
    moves_open: HashMap<(usize, bool), u32>,
    /// The `w:rStyle` of comment references, when the styles define one.
    pub reference_style: Option<&'static str>,
    /// The author of the comments.
    pub comment_author: String,
    /// The author of changes nobody else made (formatting): the newest revision's.
    pub default_author: Author,
}

impl Marks {
    /// Marks by `authors`, dated `date`, with ids from `ids`.
    pub fn new(authors: Vec<String>, date: Option<String>, moves: bool, ids: Ids) -> Self {
        Marks {
            authors,
            date,
            moves,
            ids,
            comments: HashMap::new(),
            moves_open: HashMap::new(),
            reference_style: None,
            comment_author: "redline".into(),
            default_author: 0,
        }
    }

    /// ` w:id="7" w:author="..." w:date="..."`.
    fn change_attributes(&mut self, out: &mut String, author: Author) {
        let id = self.ids.next();
        let name = self.authors.get(usize::from(author)).map_or("redline", String::as_str);
        let _ = write!(out, r#" w:id="{id}" w:author="{}""#, xml::attribute(name));
        if let Some(date) = &self.date {
            let _ = write!(out, r#" w:date="{}""#, xml::attribute(date));
        }
    }

    /// The comment id of entry `entry`.
    pub fn comment_id(&mut self, entry: usize) -> u32 {
        if let Some(&id) = self.comments.get(&entry) {
            return id;
        }
        let id = self.ids.next();
        self.comments.insert(entry, id);
        id
    }

    /// The element names of a change of `state`: outer and inner wrappers.
    fn wrappers(&self, state: State) -> (Option<Wrapper>, Option<Wrapper>) {
        let moved = self.moves && state.moved;
        let ins =
            state.ins.map(|a| (if moved && state.del.is_none() { "moveTo" } else { "ins" }, a));
        let del =
            state.del.map(|a| (if moved && state.ins.is_none() { "moveFrom" } else { "del" }, a));
        (ins, del)
    }

    /// A `w:pPrChange` recording old paragraph properties (`inner`: the
    /// children of the old `w:pPr`).
    pub fn property_change(&mut self, inner: &str) -> String {
        let mut out = String::from("<w:pPrChange");
        self.change_attributes(&mut out, self.default_author);
        let _ = write!(out, "><w:pPr>{inner}</w:pPr></w:pPrChange>");
        out
    }

    /// The tracked change of a paragraph mark, inside `w:pPr/w:rPr`.
    pub fn mark_change(&mut self, state: State) -> String {
        let mut out = String::new();
        let (ins, del) = self.wrappers(state);
        for (name, author) in [ins, del].into_iter().flatten() {
            let _ = write!(out, "<w:{name}");
            self.change_attributes(&mut out, author);
            out.push_str("/>");
        }
        out
    }

    /// Writes marked text as runs with `rpr` (raw `w:rPr`, or none).
    pub fn text(&mut self, out: &mut String, text: &Text, rpr: Option<&str>) {
        self.wrapped(out, text.state, |out| run(out, rpr, &text.text, text.state.del.is_some()));
    }

    /// Writes what `body` writes inside the wrappers of `state`.
    pub fn wrapped(&mut self, out: &mut String, state: State, body: impl FnOnce(&mut String)) {
        let (ins, del) = self.wrappers(state);
        for (name, author) in [ins, del].into_iter().flatten() {
            let _ = write!(out, "<w:{name}");
            self.change_attributes(out, author);
            out.push('>');
        }
        body(out);
        for (name, _) in [del, ins].into_iter().flatten() {
            let _ = write!(out, "</w:{name}>");
        }
    }

    /// Writes a marker item (comment anchor, move range); text items are the caller's.
    pub fn marker(&mut self, out: &mut String, item: &Item, move_ids: &HashMap<usize, usize>) {
        match *item {
            Item::CommentStart(entry) => {
                let id = self.comment_id(entry);
                let _ = write!(out, r#"<w:commentRangeStart w:id="{id}"/>"#);
            }
            Item::CommentEnd(entry) => {
                let id = self.comment_id(entry);
                let _ = write!(out, r#"<w:commentRangeEnd w:id="{id}"/><w:r>"#);
                if let Some(style) = self.reference_style {
                    let _ = write!(out, r#"<w:rPr><w:rStyle w:val="{style}"/></w:rPr>"#);
                }
                let _ = write!(out, r#"<w:commentReference w:id="{id}"/></w:r>"#);
            }
            Item::MoveStart(entry, from) => {
                let id = self.ids.next();
                self.moves_open.insert((entry, from), id);
                let kind = if from { "moveFrom" } else { "moveTo" };
                let number = move_ids.get(&entry).copied().unwrap_or(entry);
                let _ = write!(out, r#"<w:{kind}RangeStart w:id="{id}" w:name="move{number}""#);
                let name = self.authors.first().map_or("redline", String::as_str);
                let _ = write!(out, r#" w:author="{}""#, xml::attribute(name));
                if let Some(date) = &self.date {
                    let _ = write!(out, r#" w:date="{}""#, xml::attribute(date));
                }
                out.push_str("/>");
            }
            Item::MoveEnd(entry, from) => {
                let id =
                    self.moves_open.get(&(entry, from)).copied().unwrap_or_else(|| self.ids.next());
                let kind = if from { "moveFrom" } else { "moveTo" };
                let _ = write!(out, r#"<w:{kind}RangeEnd w:id="{id}"/>"#);
            }
            Item::Text(_) => {}
        }
    }
}

/// One run: `rpr`, then the text as `w:t` (or `w:delText`), `w:tab` and `w:br`.
pub fn run(out: &mut String, rpr: Option<&str>, text: &str, deleted: bool) {
    out.push_str("<w:r>");
    out.push_str(rpr.unwrap_or_default());
    let element = if deleted { "w:delText" } else { "w:t" };
    let mut piece = String::new();
    let flush = |out: &mut String, piece: &mut String| {
        if piece.is_empty() {
            return;
        }
        let edge = piece.starts_with(char::is_whitespace) || piece.ends_with(char::is_whitespace);
        let space = if edge || piece.contains("  ") { r#" xml:space="preserve""# } else { "" };
        let _ = write!(out, "<{element}{space}>");
        xml::push_text(out, piece);
        let _ = write!(out, "</{element}>");
        piece.clear();
    };
    for c in text.chars() {
        match c {
            '\t' => {
                flush(out, &mut piece);
                out.push_str("<w:tab/>");
            }
            '\n' => {
                flush(out, &mut piece);
                out.push_str("<w:br/>");
            }
            other => piece.push(other),
        }
    }
    flush(out, &mut piece);
    out.push_str("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_writes_tabs_breaks_and_preserved_spaces() {
        let mut out = String::new();
        run(&mut out, None, "a)\tone <two>\n three ", false);
        assert_eq!(
            out,
            r#"<w:r><w:t>a)</w:t><w:tab/><w:t>one &lt;two&gt;</w:t><w:br/><w:t xml:space="preserve"> three </w:t></w:r>"#
        );
        let mut out = String::new();
        run(&mut out, Some("<w:rPr><w:b/></w:rPr>"), "gone", true);
        assert_eq!(out, "<w:r><w:rPr><w:b/></w:rPr><w:delText>gone</w:delText></w:r>");
    }

    #[test]
    fn changes_carry_ids_authors_and_dates_and_nest_deleted_inside_inserted() {
        let mut marks = Marks::new(
            vec!["A & B".into(), "C".into()],
            Some("2014-10-31T00:00:00Z".into()),
            false,
            Ids::above(6),
        );
        let text = Text {
            text: "x".into(),
            state: State { ins: Some(0), del: Some(1), moved: false },
            emphasis: crate::model::Emphasis::default(),
            origin: super::super::layout::Origin::None,
        };
        let mut out = String::new();
        marks.text(&mut out, &text, None);
        assert_eq!(
            out,
            r#"<w:ins w:id="7" w:author="A &amp; B" w:date="2014-10-31T00:00:00Z"><w:del w:id="8" w:author="C" w:date="2014-10-31T00:00:00Z"><w:r><w:delText>x</w:delText></w:r></w:del></w:ins>"#
        );
    }
}
