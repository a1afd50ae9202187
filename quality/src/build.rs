//! Old revisions: resolution-like documents in the ITU and the UN layouts,
//! built from the seeds' sentences, with near-identical lists, bracketed
//! phrases, sub-provisions and hard-wrapped paragraphs.

use crate::doc::{Doc, Item, ListStyle, Section, Tok, Unit, UnitKind};
use crate::norm::{Keys, unit_key};
use crate::texts::{self, Source, may_start_line, pick, words};

/// The shape of a generated document.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Approximate size of the text, in bytes.
    pub bytes: usize,
    /// Paragraphs separated by blank lines (else one paragraph per line).
    pub blank_lines: bool,
    /// Share of provisions hard-wrapped (blank-line documents only).
    pub wrapped: f64,
    /// Share of operative sections that are lists of near-identical provisions.
    pub near_duplicates: f64,
    /// Share of operative sections whose provisions have no labels.
    pub unlabelled: f64,
    /// Share of provisions with a bracketed phrase.
    pub bracketed: f64,
}

impl Shape {
    /// An ordinary resolution of `bytes` bytes.
    pub fn ordinary(bytes: usize) -> Self {
        Shape {
            bytes,
            blank_lines: true,
            wrapped: 0.15,
            near_duplicates: 0.0,
            unlabelled: 0.15,
            bracketed: 0.12,
        }
    }
}

/// What building reads and keeps: the words, the random choices and the texts used.
pub struct Builder<'a> {
    /// Sentences and words.
    pub source: &'a Source,
    /// The random choices.
    pub rng: &'a mut fastrand::Rng,
    /// The shape asked for.
    pub shape: Shape,
    /// Texts of the provisions built so far (kept unique).
    pub keys: Keys,
    /// Combinations of near-identical provisions used so far.
    near: std::collections::HashSet<[usize; 6]>,
    /// The last combination used.
    last_near: [usize; 6],
    /// ITU headings used so far (each used once while the table lasts).
    headings: std::collections::HashSet<&'static str>,
    /// Texts of the UN preambular paragraphs so far, which operative
    /// paragraphs may echo (`Recalling its resolution ...` then `Reaffirms its resolution ...`).
    un_preambles: Vec<Vec<String>>,
}

impl<'a> Builder<'a> {
    /// A builder of documents of `shape`.
    pub fn new(source: &'a Source, rng: &'a mut fastrand::Rng, shape: Shape) -> Self {
        Builder {
            source,
            rng,
            shape,
            keys: Keys::default(),
            near: Default::default(),
            last_near: [0; 6],
            headings: Default::default(),
            un_preambles: Vec::new(),
        }
    }

    /// An ITU resolution: preambular sections, then operative ones.
    pub fn itu(&mut self) -> Doc {
        let mut doc = Doc::new(self.shape.blank_lines);
        self.itu_title(&mut doc);
        let mut size = 0;
        let mut index = 0;
        while size < self.shape.bytes {
            let section = self.itu_section(&mut doc, index);
            size += section_bytes(&section);
            doc.sections.push(section);
            index += 1;
        }
        doc
    }

    /// A UN (ECOSOC) resolution: one section per preambular paragraph, then
    /// numbered paragraphs with sub-headings and `(a)` sub-items.
    pub fn un(&mut self) -> Doc {
        let mut doc = Doc::new(self.shape.blank_lines);
        let end = doc.paragraph_end();
        let number = format!("{}/{}", 2000 + self.rng.usize(5..25), self.rng.usize(1..60));
        for line in [
            format!("Resolution {number}"),
            "Assessment of the progress made in the implementation of and follow-up to the outcomes of the World Summit on the Information Society".to_string(),
            "The Economic and Social Council,".to_string(),
        ] {
            let unit = doc.unit(UnitKind::Title, &words(&line), end);
            doc.title.push(unit);
        }
        let mut size = 0;
        while size < self.shape.bytes {
            let preambles = self.rng.usize(4..14);
            for _ in 0..preambles {
                let section = self.un_preamble(&mut doc);
                size += section_bytes(&section);
                doc.sections.push(section);
            }
            let section = self.un_operative(&mut doc);
            size += section_bytes(&section);
            doc.sections.push(section);
        }
        doc
    }

    fn itu_title(&mut self, doc: &mut Doc) {
        let end = doc.paragraph_end();
        let (place, year) = *pick(
            self.rng,
            &[("MARRAKESH", 2002), ("ANTALYA", 2006), ("GUADALAJARA", 2010), ("BUSAN", 2014)],
        );
        let number = self.rng.usize(1..200);
        let title_words = words(pick::<&str>(self.rng, ITU_TITLES));
        let place_case = format!("{}{}", &place[..1], place[1..].to_lowercase());
        let lines = [
            words(&format!("RESOLUTION {number} (REV. {place}, {year})")),
            title_words,
            words(&format!(
                "The Plenipotentiary Conference of the International Telecommunication Union ({place_case}, {year}),"
            )),
        ];
        for line in lines {
            let unit = doc.unit(UnitKind::Title, &line, end);
            doc.title.push(unit);
        }
    }

    fn itu_section(&mut self, doc: &mut Doc, index: usize) -> Section {
        let preamble = index % 5 < 2;
        let table =
            if preamble { texts::ITU_PREAMBLE_HEADINGS } else { texts::ITU_OPERATIVE_HEADINGS };
        let heading = words(self.heading(table));
        let heading = doc.unit(UnitKind::Heading, &heading, doc.paragraph_end());
        let near = !preamble && self.rng.f64() < self.shape.near_duplicates;
        let unlabelled = !preamble && !near && self.rng.f64() < self.shape.unlabelled;
        let style = match (preamble, unlabelled) {
            (true, _) => ListStyle::Letters,
            (false, true) => ListStyle::Unlabelled,
            (false, false) => ListStyle::Numbers,
        };
        let count = if near { self.rng.usize(20..160) } else { self.rng.usize(3..13) };
        let sep = if self.rng.usize(..2) == 0 { "\t" } else { " " };
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            let mut unit = if near {
                self.near_duplicate(doc, "", ';')
            } else if unlabelled {
                self.unlabelled(doc)
            } else {
                self.provision(doc, if preamble { ',' } else { ';' })
            };
            unit.labelled = !unlabelled;
            unit.sep = sep.to_string();
            let children = if !preamble && !near && self.rng.usize(..12) == 0 {
                self.bullets(doc, &mut unit)
            } else {
                Vec::new()
            };
            items.push(Item { unit, children });
        }
        Section {
            id: doc.ids.unit_id(),
            heading: Some(heading),
            style,
            child_style: ListStyle::Bullets,
            preamble,
            near,
            items,
        }
    }

    /// A heading of `table` not used yet in this document, while there is one.
    fn heading(&mut self, table: &[(&'static str, &[&'static str])]) -> &'static str {
        let unused: Vec<&'static str> =
            table.iter().map(|(h, _)| *h).filter(|h| !self.headings.contains(h)).collect();
        let heading =
            if unused.is_empty() { pick(self.rng, table).0 } else { *pick(self.rng, &unused) };
        self.headings.insert(heading);
        heading
    }

    pub(crate) fn un_preamble(&mut self, doc: &mut Doc) -> Section {
        let phrase = words(pick(self.rng, texts::UN_PHRASES).0);
        let heading = doc.unit(UnitKind::Heading, &phrase, " ");
        let unit = self.unique(doc, |b, doc| {
            let mut text = b.source.un_preamble(b.rng);
            end_with(&mut text, ',');
            doc.unit(UnitKind::Provision, &text, doc.paragraph_end())
        });
        self.un_preambles.push(unit.toks.iter().map(|t| t.text.clone()).collect());
        Section {
            id: doc.ids.unit_id(),
            heading: Some(heading),
            style: ListStyle::Unlabelled,
            child_style: ListStyle::ParenLetters,
            preamble: true,
            near: false,
            items: vec![Item { unit, children: Vec::new() }],
        }
    }

    fn un_operative(&mut self, doc: &mut Doc) -> Section {
        let count = self.rng.usize(8..40);
        let mut items = Vec::with_capacity(count);
        let near_run = if self.rng.f64() < self.shape.near_duplicates { count / 2 } else { 0 };
        for index in 0..count {
            if index > 0 && index + 1 < count && self.rng.usize(..10) == 0 {
                let heading = words(pick::<&str>(self.rng, texts::UN_SUB_HEADINGS));
                let unit = doc.unit(UnitKind::SubHeading, &heading, doc.paragraph_end());
                items.push(Item { unit, children: Vec::new() });
            }
            let mut unit = if index < near_run {
                self.near_duplicate(doc, "Invites Member States", ';')
            } else if self.rng.usize(..6) == 0 && !self.un_preambles.is_empty() {
                self.un_echo(doc)
            } else {
                self.un_paragraph(doc)
            };
            unit.labelled = true;
            let children =
                if self.rng.usize(..10) == 0 { self.sub_items(doc, &mut unit) } else { Vec::new() };
            items.push(Item { unit, children });
        }
        Section {
            id: doc.ids.unit_id(),
            heading: None,
            style: ListStyle::DottedNumbers,
            child_style: ListStyle::ParenLetters,
            preamble: false,
            near: near_run > 0,
            items,
        }
    }

    /// A UN numbered paragraph's text: a verb and a fragment.
    pub(crate) fn un_paragraph(&mut self, doc: &mut Doc) -> Unit {
        let verb = words(pick::<&str>(self.rng, texts::UN_VERBS));
        self.unique(doc, |b, doc| {
            let mut text = verb.clone();
            text.extend(b.source.fragment(b.rng, 6, 60));
            b.maybe_bracket(&mut text);
            end_with(&mut text, ';');
            doc.unit(UnitKind::Provision, &text, doc.paragraph_end())
        })
    }

    /// A UN numbered paragraph echoing a preambular one: `Reaffirms` and its
    /// words, sometimes with a clause added (as resolutions recall a text in
    /// the preamble and reaffirm it in the operative part).
    fn un_echo(&mut self, doc: &mut Doc) -> Unit {
        let echoed = self.un_preambles[self.rng.usize(..self.un_preambles.len())].clone();
        let verb = *pick(self.rng, &["Reaffirms", "Recalls", "Welcomes", "Notes"]);
        self.unique(doc, |b, doc| {
            let mut text = vec![verb.to_string()];
            text.extend(echoed.iter().cloned());
            if b.rng.bool() {
                end_with(&mut text, ',');
                text.push("and".to_string());
                text.extend(b.source.fragment(b.rng, 3, 12));
            }
            end_with(&mut text, ';');
            doc.unit(UnitKind::Provision, &text, doc.paragraph_end())
        })
    }

    /// A labelled provision from the seeds' sentences.
    pub(crate) fn provision(&mut self, doc: &mut Doc, end: char) -> Unit {
        self.unique(doc, |b, doc| {
            let mut text = b.source.fragment(b.rng, 4, 70);
            b.maybe_bracket(&mut text);
            end_with(&mut text, end);
            let mut unit = doc.unit(UnitKind::Provision, &text, doc.paragraph_end());
            b.maybe_wrap(&mut unit);
            unit
        })
    }

    /// An unlabelled operative provision: `to ...;` (lower case, never a heading).
    pub(crate) fn unlabelled(&mut self, doc: &mut Doc) -> Unit {
        self.unique(doc, |b, doc| {
            let mut text = vec!["to".to_string()];
            let fragment = b.source.fragment(b.rng, 6, 50);
            let skip = usize::from(fragment.first().is_some_and(|w| w == "to"));
            text.extend(fragment.into_iter().skip(skip));
            b.maybe_bracket(&mut text);
            end_with(&mut text, ';');
            let mut unit = doc.unit(UnitKind::Provision, &text, doc.paragraph_end());
            b.maybe_wrap(&mut unit);
            unit
        })
    }

    /// One of a list of provisions that differ in a word or two.
    pub fn near_duplicate(&mut self, doc: &mut Doc, lead: &str, end: char) -> Unit {
        let combo = self.next_combo();
        let mut text = words(lead);
        text.extend(near_text(&combo));
        end_with(&mut text, end);
        let unit = doc.unit(UnitKind::Provision, &text, doc.paragraph_end());
        self.keys.add(&unit_key(&unit));
        unit
    }

    /// A combination unused so far: the last one with one slot changed, mostly.
    fn next_combo(&mut self) -> [usize; 6] {
        let sizes = [
            texts::NEAR_VERBS.len(),
            texts::NEAR_OBJECTS.len(),
            texts::NEAR_PREPS.len(),
            texts::NEAR_DOMAINS.len(),
            texts::NEAR_YEARS.len(),
            texts::NEAR_TAILS.len(),
        ];
        let mut combo = self.last_near;
        loop {
            let slot = self.rng.usize(..6);
            combo[slot] = self.rng.usize(..sizes[slot]);
            if self.rng.usize(..4) == 0 {
                combo = sizes.map(|n| self.rng.usize(..n));
            }
            if self.near.insert(combo) {
                self.last_near = combo;
                return combo;
            }
        }
    }

    /// Two to four `–` items under `unit`, which now ends with `:`.
    fn bullets(&mut self, doc: &mut Doc, unit: &mut Unit) -> Vec<Unit> {
        self.children(doc, unit, ListStyle::Bullets)
    }

    /// Two to five `(a)` items under `unit`, which now ends with `:`.
    fn sub_items(&mut self, doc: &mut Doc, unit: &mut Unit) -> Vec<Unit> {
        self.children(doc, unit, ListStyle::ParenLetters)
    }

    fn children(&mut self, doc: &mut Doc, unit: &mut Unit, _style: ListStyle) -> Vec<Unit> {
        self.keys.remove(&unit_key(unit));
        if let Some(last) = unit.toks.last_mut() {
            let kept = last.text.trim_end_matches([';', ',', '.', ':']).len();
            last.text.truncate(kept);
            last.text.push(':');
            last.id = doc.tok("").id;
        }
        self.keys.add(&unit_key(unit));
        let count = self.rng.usize(2..5);
        (0..count)
            .map(|_| {
                let mut child = self.provision(doc, ';');
                child.labelled = true;
                child.sep = unit.sep.clone();
                child
            })
            .collect()
    }

    /// Builds units with `make` until one has a text not used yet.
    fn unique(&mut self, doc: &mut Doc, mut make: impl FnMut(&mut Self, &mut Doc) -> Unit) -> Unit {
        loop {
            let unit = make(self, doc);
            let key = unit_key(&unit);
            if !self.keys.has(&key) {
                self.keys.add(&key);
                return unit;
            }
        }
    }

    /// Brackets a phrase of `text` (two to six words) in about `bracketed` of the cases.
    fn maybe_bracket(&mut self, text: &mut [String]) {
        if text.len() < 4 || self.rng.f64() >= self.shape.bracketed {
            return;
        }
        let start = self.rng.usize(1..text.len() - 1);
        let end = (start + self.rng.usize(1..6)).min(text.len() - 1);
        text[start].insert(0, '[');
        text[end].push(']');
    }

    /// Hard-wraps `unit` in about `wrapped` of the cases (blank-line documents).
    fn maybe_wrap(&mut self, unit: &mut Unit) {
        if self.shape.blank_lines && self.rng.f64() < self.shape.wrapped {
            let column = self.rng.usize(50..90);
            wrap(&mut unit.toks, column);
        }
    }
}

/// Titles of the generated ITU resolutions (constructed).
const ITU_TITLES: &[&str] = &[
    "ITU's role in implementing the outcomes of the World Summit on the Information Society",
    "Strengthening the role of ITU in building confidence and security in the use of ICTs",
    "Bridging the digital divide through broadband infrastructure",
    "Telecommunication/ICT accessibility for persons with disabilities",
    "ITU's role in emergency telecommunications",
];

/// The text of a near-identical provision.
fn near_text(combo: &[usize; 6]) -> Vec<String> {
    let mut text = format!(
        "to {} {} {} {}",
        texts::NEAR_VERBS[combo[0]],
        texts::NEAR_OBJECTS[combo[1]],
        texts::NEAR_PREPS[combo[2]],
        texts::NEAR_DOMAINS[combo[3]]
    );
    if texts::NEAR_YEARS[combo[4]] > 0 {
        text.push_str(&format!(" by {}", texts::NEAR_YEARS[combo[4]]));
    }
    text.push_str(texts::NEAR_TAILS[combo[5]]);
    words(&text)
}

/// Ends the last word with `end` (its own final punctuation removed).
pub fn end_with(text: &mut [String], end: char) {
    if let Some(last) = text.last_mut() {
        let kept = last.trim_end_matches([';', ',', '.', ':']).len();
        last.truncate(kept);
        last.push(end);
    }
}

/// Rewrites the spaces of `toks`: a line break before a word that would pass
/// `column`, where a line may start with that word; single spaces elsewhere.
/// Glued tokens (no space) and no-break spaces are kept.
pub fn wrap(toks: &mut [Tok], column: usize) {
    let mut at = 0;
    for index in 0..toks.len() {
        at += toks[index].text.chars().count();
        let Some(next) = toks.get(index + 1).map(|t| t.text.clone()) else { break };
        let space = &mut toks[index].space;
        if !is_breakable(space) {
            at += space.chars().count();
            continue;
        }
        if at + 1 + next.chars().count() > column && may_start_line(&next) {
            *space = "\n".to_string();
            at = 0;
        } else {
            *space = " ".to_string();
            at += 1;
        }
    }
}

/// Unwraps `toks`: every line break between words becomes a space.
pub fn unwrap(toks: &mut [Tok]) {
    let last = toks.len().saturating_sub(1);
    for tok in &mut toks[..last] {
        if is_breakable(&tok.space) {
            tok.space = " ".to_string();
        }
    }
}

fn is_breakable(space: &str) -> bool {
    space == " " || space == "\n"
}

/// Approximate bytes of a section.
fn section_bytes(section: &Section) -> usize {
    let unit_bytes =
        |u: &Unit| u.toks.iter().map(|t| t.text.len() + t.space.len()).sum::<usize>() + 4;
    let items = section
        .items
        .iter()
        .map(|item| unit_bytes(&item.unit) + item.children.iter().map(unit_bytes).sum::<usize>());
    section.heading.as_ref().map_or(0, unit_bytes) + items.sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        Doc::new(true).toks(&words(text))
    }

    #[test]
    fn wrapping_breaks_only_before_words_a_line_may_start_with() {
        let mut t = toks("aaaa bbbb considering 12 dddd eeee");
        wrap(&mut t, 9);
        let spaces: Vec<&str> = t.iter().map(|t| t.space.as_str()).collect();
        assert_eq!(spaces, [" ", " ", " ", "\n", " ", ""]);
        unwrap(&mut t);
        assert!(t.iter().all(|t| t.space != "\n"));
    }

    #[test]
    fn end_punctuation_is_replaced() {
        let mut text = words("to report thereon.");
        end_with(&mut text, ';');
        assert_eq!(text.last().map(String::as_str), Some("thereon;"));
    }
}
