//! Headings: the heading words of ITU resolutions, the opening phrases of UN
//! ones, sub-headings, footnotes and the enacting formula, each recognised
//! from one line's text, in the language of the document.
//!
//! One table per language (`en`, `fr`, `es`, `ru`, `zh`, `ar`), all of one
//! shape ([`Table`]), read by one set of matching functions. The tables are
//! the documentation: `docs/parsing.md` lists them as they are here.

mod ar;
mod en;
mod es;
mod fr;
mod ru;
mod zh;

use crate::model::{Language, SectionKind};

/// The heading words and phrases of one language.
#[derive(Debug)]
pub(crate) struct Table {
    /// The language of the table.
    pub language: Language,
    /// ITU heading words, written in lower case on a line of their own, and
    /// the kind of section they open. Longer phrases come before their
    /// prefixes. Each may be qualified: before it by one of `modifiers`
    /// (`further noting`), after it by anything (`noting also`, `resolves to
    /// instruct the Secretary-General`).
    pub headings: &'static [(&'static str, SectionKind)],
    /// Words that qualify a heading when they stand before it: `further
    /// noting`, `also resolves`, `and further instructs`.
    pub modifiers: &'static [&'static str],
    /// Words written joined to the word after them (Arabic `و`, "and":
    /// `وإذ يلاحظ`), before a heading or a UN opening phrase.
    pub joined: &'static [&'static str],
    /// Words that open an annex: the section and every one after it are of kind annex.
    pub annex: &'static [&'static str],
    /// UN opening phrases: a paragraph that starts with one of these and ends
    /// with a comma is a preambular paragraph whose heading opens the
    /// sentence. Longer phrases come before their prefixes. A phrase may be
    /// followed by one of `un_suffixes` (`Recalling also`) and preceded by
    /// one of `un_prefixes` (`Further recalling`), then written in lower case.
    pub un_phrases: &'static [&'static str],
    /// Words that may follow a UN opening phrase and belong to it: `Recalling also`.
    pub un_suffixes: &'static [&'static str],
    /// Words that may precede a UN opening phrase: `Further recalling`.
    pub un_prefixes: &'static [&'static str],
    /// Words that name a resolution or a decision in a title block
    /// (`RESOLUTION 140`, `第140号决议`): a sign of the language.
    pub resolution: &'static [&'static str],
    /// How the enacting formula starts (`The Council,`); empty when any line
    /// may (then the last line of a title paragraph ending with a comma is).
    pub formula: &'static [&'static str],
    /// Words a title never ends with: a line ending with one is a wrapped sentence.
    pub function_words: &'static [&'static str],
    /// How words are written.
    pub script: Script,
}

/// How a language separates its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// Words between spaces (every language but Chinese).
    Spaced,
    /// No spaces between words (Chinese): a heading word may be followed
    /// directly by more text, and a qualifier written directly before it.
    Unspaced,
}

/// The table of `language`.
pub(crate) fn table(language: Language) -> &'static Table {
    match language {
        Language::En => &en::TABLE,
        Language::Fr => &fr::TABLE,
        Language::Es => &es::TABLE,
        Language::Ru => &ru::TABLE,
        Language::Zh => &zh::TABLE,
        Language::Ar => &ar::TABLE,
    }
}

/// Every table, English first.
#[cfg(test)]
pub(crate) fn tables() -> impl Iterator<Item = &'static Table> {
    Language::ALL.into_iter().map(table)
}

/// Lines longer than this are never headings (a heading is a few words).
const MAX_HEADING_BYTES: usize = 300;

/// Most words of a heading or a sub-heading.
pub(super) const MAX_HEADING_WORDS: usize = 20;

/// Most characters of a heading in a language written without spaces.
const MAX_UNSPACED_HEADING_CHARS: usize = 40;

/// The text of a line with leading `[`, `*` and `_` removed, and whether any were.
fn strip_marks(line: &str) -> (&str, bool) {
    let rest = line.trim_start_matches(['[', '*', '_']);
    (rest, rest.len() != line.len())
}

/// Commas of every script: `,`, the full-width `，` and the Arabic `،`.
pub(super) const COMMAS: [char; 3] = [',', '\u{FF0C}', '\u{060C}'];

/// Marks that end a clause: `.`, `;` and `,` in every script (`。` `；` `，`
/// `．`, Arabic `؛` `،`).
const CLAUSE_ENDS: [char; 9] =
    ['.', ';', ',', '\u{3002}', '\u{FF1B}', '\u{FF0C}', '\u{FF0E}', '\u{061B}', '\u{060C}'];

/// Colons of every script: `:` and the full-width `：`.
pub(super) const COLONS: [char; 2] = [':', '\u{FF1A}'];

/// True for punctuation that ends a clause or announces a list.
fn ends_phrase(c: char) -> bool {
    CLAUSE_ENDS.contains(&c) || COLONS.contains(&c)
}

/// True for text that ends a sentence or a clause: `.`, `;` or `,` (in any script).
fn ends_clause(line: &str) -> bool {
    line.trim_end().ends_with(CLAUSE_ENDS)
}

/// Marks that may close a sentence after its punctuation: a closing bracket
/// (`agenda].]`), emphasis (`**`, `_`) and closing quotes.
const CLOSING_MARKS: [char; 7] = [']', '*', '_', '"', '\u{201D}', '\u{2019}', '\u{BB}'];

/// True for text that ends with punctuation, `:` included, perhaps followed
/// by closing marks (`agenda].]`): nothing continues it in the same sentence.
pub(super) fn ends_punctuated(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches(CLOSING_MARKS);
    text.ends_with(CLAUSE_ENDS) || text.ends_with(COLONS)
}

/// Number of words, counting no further than `limit + 1`.
fn words_up_to(line: &str, limit: usize) -> usize {
    line.split_whitespace().take(limit + 1).count()
}

/// True when `line` is short enough for a heading of `table`'s language.
fn heading_sized(line: &str, table: &Table) -> bool {
    match table.script {
        Script::Spaced => words_up_to(line, MAX_HEADING_WORDS) <= MAX_HEADING_WORDS,
        Script::Unspaced => line.chars().nth(MAX_UNSPACED_HEADING_CHARS).is_none(),
    }
}

/// True when `line` starts with `phrase` as whole words (ASCII phrases).
fn starts_with_phrase(line: &str, phrase: &str, any_case: bool) -> bool {
    let Some(head) = line.get(..phrase.len()) else { return false };
    let same = if any_case { head.eq_ignore_ascii_case(phrase) } else { head == phrase };
    same && line[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Length in bytes of `phrase` at the start of `line`, as whole words in a
/// spaced script: an ASCII phrase compares byte by byte (ASCII case folded
/// when `any_case`), any other one character by character, with
/// [`fold_for_matching`] (case folded when `any_case`), vowel marks and
/// tatweel skipped and any white space matching a space.
fn phrase_len(line: &str, phrase: &str, any_case: bool, script: Script) -> Option<usize> {
    if phrase.is_ascii() {
        return starts_with_phrase(line, phrase, any_case).then_some(phrase.len());
    }
    let len = folded_prefix_len(line, phrase, any_case)?;
    let whole = script == Script::Unspaced
        || line[len..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    whole.then_some(len)
}

/// Length in bytes of the text at the start of `line` that reads as `phrase`
/// once both are folded ([`fold_for_matching`]).
fn folded_prefix_len(line: &str, phrase: &str, any_case: bool) -> Option<usize> {
    let mut rest = line.char_indices().peekable();
    let skip_ignorable = |rest: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        while rest.next_if(|&(_, c)| is_ignorable(c)).is_some() {}
    };
    for wanted in phrase.chars().filter(|&c| !is_ignorable(c)) {
        skip_ignorable(&mut rest);
        if wanted == ' ' {
            rest.next_if(|&(_, c)| c.is_whitespace())?;
            while rest.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
            continue;
        }
        let (_, found) = rest.next()?;
        if fold_for_matching(found, any_case) != fold_for_matching(wanted, any_case) {
            return None;
        }
    }
    skip_ignorable(&mut rest);
    Some(rest.peek().map_or(line.len(), |&(at, _)| at))
}

/// A character as heading words compare it: typographic apostrophes as `'`,
/// Arabic alef with hamza or madda as bare alef and alef maksura as yeh,
/// `ё` as `е`, and lower case when `any_case`.
fn fold_for_matching(c: char, any_case: bool) -> char {
    let c = if any_case { c.to_lowercase().next().unwrap_or(c) } else { c };
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}',
        '\u{0649}' => '\u{064A}',
        '\u{0451}' => '\u{0435}',
        _ => c,
    }
}

/// Characters heading words are compared without: Arabic tatweel and vowel
/// marks (`يذكّر` is `يذكر`), and invisible joiners and direction marks.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{061C}' | '\u{200C}'..='\u{200F}')
}

/// The kind of section an ITU heading line opens (`recalling`, `resolves to
/// instruct the Secretary-General`, `ANNEX`, `[Encourage/ Instructs ...`), in
/// the language of `table`.
///
/// `line` is the text of the line without indentation or trailing white space.
pub(super) fn itu_heading(line: &str, table: &Table) -> Option<SectionKind> {
    if line.len() > MAX_HEADING_BYTES || ends_clause(line) || !heading_sized(line, table) {
        return None;
    }
    let (rest, marked) = strip_marks(line);
    if table.annex.iter().any(|word| phrase_len(rest, word, false, table.script).is_some()) {
        return Some(SectionKind::Annex);
    }
    let rest = after_any(rest, table.modifiers, marked, table.script).unwrap_or(rest);
    heading_kind(rest, marked, table).or_else(|| {
        let rest = after_joined(rest, table)?;
        heading_kind(rest, marked, table)
    })
}

/// The kind of the first heading word of `table` that starts `line`.
fn heading_kind(line: &str, any_case: bool, table: &Table) -> Option<SectionKind> {
    table
        .headings
        .iter()
        .find(|(phrase, _)| phrase_len(line, phrase, any_case, table.script).is_some())
        .map(|&(_, kind)| kind)
}

/// The text after a word of `table.joined` that starts `line` joined to the next word.
fn after_joined<'a>(line: &'a str, table: &Table) -> Option<&'a str> {
    let word = table.joined.iter().find(|word| line.starts_with(**word))?;
    let rest = &line[word.len()..];
    rest.starts_with(char::is_alphabetic).then_some(rest)
}

/// The text after the first of `words` that starts `line` as whole words,
/// and the white space after it (in a spaced script, white space must follow).
fn after_any<'a>(line: &'a str, words: &[&str], any_case: bool, script: Script) -> Option<&'a str> {
    let len = words.iter().find_map(|word| phrase_len(line, word, any_case, script))?;
    let rest = &line[len..];
    let trimmed = rest.trim_start();
    (trimmed.len() < rest.len() || script == Script::Unspaced).then_some(trimmed)
}

/// Length in bytes of the UN opening phrase that starts `line`, if one does
/// and text follows it, in the language of `table`.
pub(super) fn un_phrase(line: &str, table: &Table) -> Option<usize> {
    let joined = after_joined(line, table).map_or(0, |rest| line.len() - rest.len());
    let (start, any_case) = match after_any(&line[joined..], table.un_prefixes, false, table.script)
    {
        Some(rest) => (line.len() - rest.len(), true),
        None => (joined, false),
    };
    let phrase_end = table
        .un_phrases
        .iter()
        .find_map(|phrase| phrase_len(&line[start..], phrase, any_case, table.script))?;
    let mut end = start + phrase_end;
    let rest = line[end..].trim_start();
    let suffix = table.un_suffixes.iter().find_map(|s| phrase_len(rest, s, false, table.script));
    if let Some(suffix) = suffix {
        end = line.len() - rest.len() + suffix;
    }
    let next = line[end..].chars().next();
    let follows = match table.script {
        Script::Spaced => next.is_some_and(char::is_whitespace),
        Script::Unspaced => next.is_some_and(|c| !c.is_whitespace() && !ends_phrase(c)),
    };
    follows.then_some(end)
}

/// True when `line` has the shape of a sub-heading: a few words starting with
/// a capital letter (any letter in a script without case), no label, no
/// punctuation and no function word of `table` at the end.
pub(super) fn sub_heading_shape(line: &str, table: &Table) -> bool {
    let capital = line.chars().next().is_some_and(|c| starts_sub_heading(c, table));
    let open_end = !ends_punctuated(line);
    capital
        && open_end
        && !ends_with_function_word(line, table)
        && line.len() <= MAX_HEADING_BYTES
        && heading_sized(line, table)
}

/// True for a first letter of a sub-heading: a capital, or in Chinese and
/// Arabic, which have no capitals, any letter.
fn starts_sub_heading(c: char, table: &Table) -> bool {
    let caseless = matches!(table.language, Language::Zh | Language::Ar);
    c.is_uppercase() || (caseless && c.is_alphabetic() && !c.is_lowercase())
}

/// True when `line` ends with a function word of `table` (`of`, `the`, `的`).
fn ends_with_function_word(line: &str, table: &Table) -> bool {
    match table.script {
        Script::Spaced => {
            let last_word = line.split_whitespace().next_back().unwrap_or_default();
            table.function_words.contains(&last_word)
        }
        Script::Unspaced => table.function_words.iter().any(|word| line.ends_with(word)),
    }
}

/// True for a character used as a footnote marker: superscript digits, and
/// U+FFFD, which is what a footnote reference becomes in a lossy export.
pub(super) fn is_footnote_marker(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '¹' | '²' | '³' | '⁰' | '⁴'..='⁹')
}

/// True when `line` is a footnote: a marker, then white space and text.
pub(super) fn is_footnote(line: &str) -> bool {
    let rest = line.trim_start_matches(is_footnote_marker);
    rest.len() != line.len() && rest.starts_with(char::is_whitespace)
}

/// Characters a separator line is made of (`_________________`).
const SEPARATOR_CHARS: [char; 5] = ['_', '-', '=', '*', '~'];

/// True for a separator line: three or more of one separator character.
pub(super) fn is_separator(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next().filter(|c| SEPARATOR_CHARS.contains(c)) else { return false };
    line.len() >= 3 && line.bytes().all(|b| char::from(b) == first)
}

/// True for a line that may open the enacting formula of the title block
/// (`The Council,`, `The Plenipotentiary Conference of ... (Busan, 2014),`,
/// `La Conférence de plénipotentiaires ...`): it does when its paragraph ends
/// with a comma. In a language whose formula has no article to start it
/// (Russian, Chinese), any line may.
pub(super) fn opens_enacting_formula(line: &str, table: &Table) -> bool {
    table.formula.is_empty() || table.formula.iter().any(|start| line.starts_with(start))
}

#[cfg(test)]
mod tests;
