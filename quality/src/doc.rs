//! The generated documents: units and tokens that keep their identity through edits.
//!
//! A [`Doc`] is a resolution as the generator holds it: a title block and
//! sections of items. Every [`Unit`] (title line, heading, sub-heading,
//! provision) has an id; a unit of the new revision with the id of an old one
//! *is* that unit (the ground-truth pairing). Every [`Tok`] has an id too, so
//! the words really changed between a pair are the tokens whose ids are not
//! on both sides. Labels are not stored: they follow from positions
//! ([`Section::label`]), so inserting a provision relabels its followers.

/// Identity of a unit, shared by an old unit and its new counterpart.
pub type UnitId = u32;
/// Identity of a token, kept while the token is carried unchanged (or only
/// re-typed: a typographic variant keeps its id).
pub type TokId = u64;

/// What a unit is; the parser's piece kinds, as the generator intends them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// A line of the title block.
    Title,
    /// A section heading (ITU `considering`, or UN `Recalling also`).
    Heading,
    /// A sub-heading inside a section.
    SubHeading,
    /// A provision or a sub-provision.
    Provision,
}

/// A word as written (punctuation attached), with the whitespace after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Identity, kept while the token is carried.
    pub id: TokId,
    /// The text as written (`Union,`, `ITU’s`, `[`).
    pub text: String,
    /// Whitespace written after it (empty before a glued `]`).
    pub space: String,
}

/// A title line, heading, sub-heading or provision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Identity: the same on both sides for a paired unit.
    pub id: UnitId,
    /// What it is.
    pub kind: UnitKind,
    /// A `[` written before the label: the whole provision is bracketed.
    pub open: Option<Tok>,
    /// Whether the provision gets a label from its position.
    pub labelled: bool,
    /// Whitespace between the label and the text (`\t`, ` `, `\n`).
    pub sep: String,
    /// The words.
    pub toks: Vec<Tok>,
    /// Whitespace after the unit (`\n`, `\n\n`, ` ` after a UN opening phrase).
    pub after: String,
}

impl Unit {
    /// The tokens that make the unit's text: the opening `[`, then the words.
    pub fn text_toks(&self) -> impl Iterator<Item = &Tok> {
        self.open.iter().chain(&self.toks)
    }

    /// Number of tokens holding a letter or a digit.
    pub fn word_count(&self) -> usize {
        self.toks.iter().filter(|t| t.text.chars().any(char::is_alphanumeric)).count()
    }
}

/// How the provisions of a list are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// `a)`, `b)` ... `z)`, `aa)`, `bb)` ...
    Letters,
    /// `1`, `2` ... (ITU).
    Numbers,
    /// `1.`, `2.` ... (UN).
    DottedNumbers,
    /// `(a)`, `(b)` ...
    ParenLetters,
    /// `–` for every item.
    Bullets,
    /// No labels.
    Unlabelled,
}

/// A provision with its sub-provisions, or a sub-heading (no children).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The provision or sub-heading.
    pub unit: Unit,
    /// Its sub-provisions, labelled in the section's child style.
    pub children: Vec<Unit>,
}

/// A heading (or none) and its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Identity of the section (for the generator's bookkeeping).
    pub id: UnitId,
    /// The heading; `None` for the UN numbered paragraphs.
    pub heading: Option<Unit>,
    /// Labels of the items.
    pub style: ListStyle,
    /// Labels of the sub-provisions.
    pub child_style: ListStyle,
    /// Preambular (for the generator's choices of texts and moves).
    pub preamble: bool,
    /// A list of near-identical provisions.
    pub near: bool,
    /// The items in order.
    pub items: Vec<Item>,
}

impl Section {
    /// The label of item `index` (sub-headings and unlabelled items count nothing).
    pub fn label(&self, index: usize) -> Option<String> {
        let unit = &self.items[index].unit;
        if unit.kind != UnitKind::Provision || !unit.labelled {
            return None;
        }
        let counted = self.items[..index]
            .iter()
            .filter(|item| item.unit.kind == UnitKind::Provision && item.unit.labelled)
            .count();
        label(self.style, counted)
    }
}

/// The label of the `index`-th (0-based) item of a list in `style`.
pub fn label(style: ListStyle, index: usize) -> Option<String> {
    let letters = || {
        let letter = char::from(b'a' + (index % 26) as u8);
        letter.to_string().repeat(index / 26 + 1)
    };
    match style {
        ListStyle::Letters => Some(format!("{})", letters())),
        ListStyle::Numbers => Some((index + 1).to_string()),
        ListStyle::DottedNumbers => Some(format!("{}.", index + 1)),
        ListStyle::ParenLetters => Some(format!("({})", letters())),
        ListStyle::Bullets => Some("\u{2013}".to_string()),
        ListStyle::Unlabelled => None,
    }
}

/// The counters that hand out fresh unit and token ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ids {
    next_unit: UnitId,
    next_tok: TokId,
}

impl Ids {
    /// A fresh unit id.
    pub fn unit_id(&mut self) -> UnitId {
        self.next_unit += 1;
        self.next_unit
    }

    /// A fresh token with `text` and a single space after it.
    pub fn tok(&mut self, text: &str) -> Tok {
        self.next_tok += 1;
        Tok { id: self.next_tok, text: text.to_string(), space: " ".to_string() }
    }

    /// A fresh token with no space after it.
    pub fn glued(&mut self, text: &str) -> Tok {
        let mut tok = self.tok(text);
        tok.space.clear();
        tok
    }

    /// Tokens for `words`, the last one without a space after it; a `[`
    /// opening a word and a `]` closing it are tokens of their own, glued to it.
    pub fn toks<S: AsRef<str>>(&mut self, words: &[S]) -> Vec<Tok> {
        let mut toks = Vec::with_capacity(words.len());
        for word in words {
            self.push_word(&mut toks, word.as_ref());
        }
        if let Some(last) = toks.last_mut() {
            last.space.clear();
        }
        toks
    }

    fn push_word(&mut self, toks: &mut Vec<Tok>, mut word: &str) {
        while let Some(rest) = word.strip_prefix('[').filter(|rest| !rest.is_empty()) {
            toks.push(self.glued("["));
            word = rest;
        }
        let body = word.trim_end_matches(']');
        let closing = word.len() - body.len();
        if body.is_empty() || closing == 0 {
            toks.push(self.tok(word));
            return;
        }
        toks.push(self.glued(body));
        for _ in 1..closing {
            toks.push(self.glued("]"));
        }
        toks.push(self.tok("]"));
    }

    /// A unit of `kind` with fresh ids for `words`.
    pub fn unit<S: AsRef<str>>(&mut self, kind: UnitKind, words: &[S], after: &str) -> Unit {
        Unit {
            id: self.unit_id(),
            kind,
            open: None,
            labelled: false,
            sep: " ".to_string(),
            toks: self.toks(words),
            after: after.to_string(),
        }
    }
}

/// A whole generated resolution, with the counters that hand out fresh ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// The title lines.
    pub title: Vec<Unit>,
    /// The sections in order.
    pub sections: Vec<Section>,
    /// Paragraphs separated by blank lines (soft wraps possible).
    pub blank_lines: bool,
    /// Fresh ids (shared by a revision and the one made from it).
    pub ids: Ids,
}

impl Doc {
    /// An empty document.
    pub fn new(blank_lines: bool) -> Self {
        Doc { title: Vec::new(), sections: Vec::new(), blank_lines, ids: Ids::default() }
    }

    /// A unit of `kind` with fresh ids for `words`.
    pub fn unit<S: AsRef<str>>(&mut self, kind: UnitKind, words: &[S], after: &str) -> Unit {
        self.ids.unit(kind, words, after)
    }

    /// A fresh token with `text` and a single space after it.
    pub fn tok(&mut self, text: &str) -> Tok {
        self.ids.tok(text)
    }

    /// Tokens for `words` (see [`Ids::toks`]).
    pub fn toks<S: AsRef<str>>(&mut self, words: &[S]) -> Vec<Tok> {
        self.ids.toks(words)
    }

    /// The paragraph end of this document: a blank line, or a line break.
    pub fn paragraph_end(&self) -> &'static str {
        if self.blank_lines { "\n\n" } else { "\n" }
    }

    /// Every unit in reading order.
    pub fn units(&self) -> Vec<&Unit> {
        let mut out: Vec<&Unit> = self.title.iter().collect();
        for section in &self.sections {
            out.extend(&section.heading);
            for item in &section.items {
                out.push(&item.unit);
                out.extend(&item.children);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_positions() {
        assert_eq!(label(ListStyle::Letters, 0).as_deref(), Some("a)"));
        assert_eq!(label(ListStyle::Letters, 26).as_deref(), Some("aa)"));
        assert_eq!(label(ListStyle::Letters, 27).as_deref(), Some("bb)"));
        assert_eq!(label(ListStyle::Numbers, 11).as_deref(), Some("12"));
        assert_eq!(label(ListStyle::DottedNumbers, 0).as_deref(), Some("1."));
        assert_eq!(label(ListStyle::ParenLetters, 2).as_deref(), Some("(c)"));
        assert_eq!(label(ListStyle::Unlabelled, 2), None);
    }

    #[test]
    fn brackets_are_tokens_glued_to_their_words() {
        let toks = Doc::new(true).toks(&["to", "[take", "measures]", "now;"]);
        let written: String = toks.iter().map(|t| format!("{}{}", t.text, t.space)).collect();
        assert_eq!(written, "to [take measures] now;");
        let texts: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["to", "[", "take", "measures", "]", "now;"]);
    }

    #[test]
    fn sub_headings_are_not_counted() {
        let mut doc = Doc::new(true);
        let mut items = Vec::new();
        for kind in [UnitKind::Provision, UnitKind::SubHeading, UnitKind::Provision] {
            let mut unit = doc.unit(kind, &["text"], "\n\n");
            unit.labelled = kind == UnitKind::Provision;
            items.push(Item { unit, children: Vec::new() });
        }
        let section = Section {
            id: 0,
            heading: None,
            style: ListStyle::DottedNumbers,
            child_style: ListStyle::ParenLetters,
            preamble: false,
            near: false,
            items,
        };
        assert_eq!(section.label(2).as_deref(), Some("2."));
        assert_eq!(section.label(1), None);
    }
}
