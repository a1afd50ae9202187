//! Which of the six languages a text is written in: by its script first
//! (Arabic, Chinese, Cyrillic), then, for the Latin script, by its heading
//! words and its most common small words.
//!
//! Only the start of the text is read ([`SAMPLE_BYTES`]): a resolution says
//! what language it is in long before its end, and a 10 MB file costs no more
//! than a small one. English wins every tie, so that a text with no sign of
//! another language reads as it always did.

use super::headings::{self, Table};
use crate::model::Language;

/// How much of the text is read, at most (cut at a character boundary): a
/// few pages, enough for the title block, the first headings and a thousand
/// words.
const SAMPLE_BYTES: usize = 8 * 1024;

/// Lines of more words than this are not looked at for heading words (a
/// heading is a few words; UN paragraphs tell by their small words).
const MAX_HEADING_LINE_WORDS: usize = 12;

/// A heading line counts as many small words: it says more about the language.
const HEADING_WEIGHT: usize = 5;

/// The Latin-script language a small word is common in, if it is common in
/// one of them and not in the two others (`la`, `de`, `que` are French and
/// Spanish alike).
fn small_word_language(word: &str) -> Option<Language> {
    match word {
        "the" | "of" | "and" | "to" | "that" | "with" | "its" | "for" | "by" | "is" => {
            Some(Language::En)
        }
        "le" | "les" | "des" | "du" | "et" | "à" | "pour" | "dans" | "sur" | "aux" | "au" => {
            Some(Language::Fr)
        }
        "el" | "los" | "las" | "del" | "y" | "para" | "por" | "con" | "al" | "sus" => {
            Some(Language::Es)
        }
        _ => None,
    }
}

/// The Latin-script languages, English first (it wins ties).
const LATIN: [Language; 3] = [Language::En, Language::Fr, Language::Es];

/// The language of `text`: Arabic, Chinese or Russian when most of its
/// letters are of that script, else English, French or Spanish by the heading
/// words and small words found; English when nothing tells.
pub fn detect_language(text: &str) -> Language {
    let sample = sample(text);
    match dominant_script(sample) {
        Some(language) => language,
        None => latin_language(sample),
    }
}

/// The start of `text`, at most [`SAMPLE_BYTES`], cut at a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The language of the script most letters of `sample` are written in, unless
/// it is the Latin script.
fn dominant_script(sample: &str) -> Option<Language> {
    if sample.is_ascii() {
        return None;
    }
    let mut counts = [0usize; 4]; // Latin, Cyrillic, Han, Arabic
    for c in sample.chars().filter(|c| c.is_alphabetic()) {
        let slot = match c {
            '\u{0400}'..='\u{04FF}' => 1,
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => 2,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' => 3,
            '\u{FE70}'..='\u{FEFF}' => 3,
            _ => 0,
        };
        counts[slot] += 1;
    }
    let (slot, _) = counts.iter().enumerate().max_by_key(|&(slot, &count)| (count, 3 - slot))?;
    [None, Some(Language::Ru), Some(Language::Zh), Some(Language::Ar)][slot]
}

/// English, French or Spanish: the language whose heading lines and small
/// words `sample` has most of; English on a tie.
fn latin_language(sample: &str) -> Language {
    let mut scores = LATIN.map(|language| (language, 0usize));
    let words = sample.split(|c: char| !c.is_alphabetic()).filter(|w| (1..=4).contains(&w.len()));
    for language in words.filter_map(small_word_language) {
        add(&mut scores, language, 1);
    }
    if let Some(language) = clear_lead(&scores) {
        return language;
    }
    let short = |line: &&str| line.split_whitespace().nth(MAX_HEADING_LINE_WORDS).is_none();
    for line in sample.lines().map(str::trim).filter(short) {
        for language in LATIN.into_iter().filter(|&l| is_heading(line, headings::table(l))) {
            add(&mut scores, language, HEADING_WEIGHT);
        }
    }
    let best = scores.iter().max_by_key(|&&(language, score)| (score, language == Language::En));
    best.map_or(Language::En, |&(language, _)| language)
}

/// Adds `points` to the score of `language`.
fn add(scores: &mut [(Language, usize)], language: Language, points: usize) {
    if let Some((_, score)) = scores.iter_mut().find(|(l, _)| *l == language) {
        *score += points;
    }
}

/// Small words enough to decide without looking for heading words (which
/// costs more): this many at least, and [`CLEAR_LEAD`] times the runner-up's.
const CLEAR_COUNT: usize = 40;

/// See [`CLEAR_COUNT`].
const CLEAR_LEAD: usize = 3;

/// The language whose small words clearly outnumber the others', if one does.
fn clear_lead(scores: &[(Language, usize)]) -> Option<Language> {
    let mut sorted = scores.to_vec();
    sorted.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
    let [(best, first), (_, second), ..] = sorted[..] else { return None };
    (first >= CLEAR_COUNT && first >= CLEAR_LEAD * second).then_some(best)
}

/// True when `line` is a heading, opens a UN paragraph or names a resolution
/// (`RÉSOLUTION 140`) in `table`'s language.
fn is_heading(line: &str, table: &Table) -> bool {
    headings::itu_heading(line, table).is_some()
        || headings::un_phrase(line, table).is_some()
        || table.resolution.iter().any(|word| line.starts_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;

    #[test]
    fn scripts() {
        assert_eq!(detect_language("考虑到\n\na) 国际电联的宗旨 (ITU)；\n"), Zh);
        assert_eq!(detect_language("إذ يذكّر\n\nأ) بالقرار 73 (ITU)؛\n"), Ar);
        assert_eq!(detect_language("учитывая\n\na) что МСЭ (ITU);\n"), Ru);
    }

    #[test]
    fn latin_languages_by_headings_and_small_words() {
        assert_eq!(detect_language("considérant\n\na) que les États Membres;\n"), Fr);
        assert_eq!(detect_language("considerando\n\na) que los Estados Miembros;\n"), Es);
        assert_eq!(detect_language("considering\n\na) that the Member States;\n"), En);
        assert_eq!(detect_language("Rappelant sa résolution 70/125 sur le sujet,\n"), Fr);
    }

    #[test]
    fn many_small_words_decide_alone() {
        let french = "que les États et les organisations des Nations Unies ".repeat(20);
        assert_eq!(detect_language(&french), Fr);
        let english = "that the States and the organizations of the United Nations ".repeat(20);
        assert_eq!(detect_language(&english), En);
    }

    #[test]
    fn english_wins_ties() {
        assert_eq!(detect_language(""), En);
        assert_eq!(detect_language("1 2 3"), En);
        assert_eq!(detect_language("WSIS"), En);
    }
}
