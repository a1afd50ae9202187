//! Headings: the ITU heading words, the UN opening phrases, sub-headings,
//! footnotes and the enacting formula, each recognised from one line's text.
//!
//! The tables are the documentation: `docs/parsing.md` lists them as they are here.

use crate::model::SectionKind;

/// Lines longer than this are never headings (a heading is a few words).
const MAX_HEADING_BYTES: usize = 300;

/// Most words of a heading or a sub-heading.
pub(super) const MAX_HEADING_WORDS: usize = 20;

/// ITU heading words, written in lower case on a line of their own, and the
/// kind of section they open. Longer phrases come before their prefixes.
pub(super) const ITU_HEADINGS: &[(&str, SectionKind)] = {
    use SectionKind::{Operative as O, Preamble as P};
    &[
        ("recalling further", P),
        ("recalling also", P),
        ("recalling", P),
        ("considering further", P),
        ("considering also", P),
        ("considering", P),
        ("noting with satisfaction", P),
        ("noting with concern", P),
        ("noting with appreciation", P),
        ("noting further", P),
        ("noting also", P),
        ("noting", P),
        ("further noting", P),
        ("further recalling", P),
        ("further considering", P),
        ("further recognizing", P),
        ("bearing in mind", P),
        ("recognizing further", P),
        ("recognizing also", P),
        ("recognizing", P),
        ("recognising", P),
        ("taking into account", P),
        ("taking into consideration", P),
        ("taking note", P),
        ("emphasizing", P),
        ("emphasising", P),
        ("underlining", P),
        ("endorsing", P),
        ("aware", P),
        ("mindful", P),
        ("convinced", P),
        ("concerned", P),
        ("having examined", P),
        ("having considered", P),
        ("having noted", P),
        ("observing", P),
        ("acknowledging", P),
        ("welcoming", P),
        ("reaffirming", P),
        ("stressing", P),
        ("highlighting", P),
        ("expressing", P),
        ("in view of", P),
        ("resolves further", O),
        ("resolves", O),
        ("decides", O),
        ("instructs", O),
        ("requests", O),
        ("invites", O),
        ("further invites", O),
        ("further resolves", O),
        ("further instructs", O),
        ("further requests", O),
        ("further encourages", O),
        ("encourages", O),
        ("encourage", O),
        ("calls upon", O),
        ("urges", O),
        ("notes with satisfaction", O),
        ("notes with appreciation", O),
        ("notes", O),
        ("appreciates", O),
        ("endorses", O),
        ("approves", O),
        ("adopts", O),
        ("agrees", O),
        ("recommends", O),
        ("expresses", O),
        ("commends", O),
        ("thanks", O),
        ("charges", O),
        ("authorizes", O),
    ]
};

/// Words that open an annex: the section and every one after it are of kind annex.
pub(super) const ANNEX_WORDS: &[&str] = &["ANNEX", "Annex"];

/// UN opening phrases: a paragraph that starts with one of these and ends with
/// `,` is a preambular paragraph whose heading opens the sentence.
/// Longer phrases come before their prefixes.
pub(super) const UN_PHRASES: &[&str] = &[
    "Recalling also",
    "Recalling further",
    "Recalling",
    "Taking note with satisfaction of",
    "Taking note with appreciation of",
    "Taking note of",
    "Taking note",
    "Expressing its appreciation",
    "Expressing its deep concern",
    "Expressing concern",
    "Noting with satisfaction",
    "Noting with appreciation",
    "Noting with concern",
    "Noting also",
    "Noting further",
    "Noting",
    "Reaffirming also",
    "Reaffirming",
    "Welcoming also",
    "Welcoming",
    "Recognizing also",
    "Recognizing further",
    "Recognizing",
    "Emphasizing also",
    "Emphasizing",
    "Acknowledging",
    "Bearing in mind",
    "Stressing",
    "Mindful",
    "Convinced",
    "Deeply concerned",
    "Concerned",
    "Aware",
    "Having considered",
    "Having examined",
    "Reiterating",
    "Underlining",
    "Affirming",
    "Considering",
    "Guided by",
    "Taking into account",
    "Encouraged",
];

/// The text of a line with leading `[`, `*` and `_` removed, and whether any were.
fn strip_marks(line: &str) -> (&str, bool) {
    let rest = line.trim_start_matches(['[', '*', '_']);
    (rest, rest.len() != line.len())
}

/// True for text that ends a sentence or a clause: `.`, `;` or `,`.
fn ends_clause(line: &str) -> bool {
    line.trim_end().ends_with(['.', ';', ','])
}

/// True for text that ends with punctuation, `:` included: nothing continues it
/// in the same sentence.
pub(super) fn ends_punctuated(text: &str) -> bool {
    text.trim_end().ends_with(['.', ';', ',', ':'])
}

/// Number of words, counting no further than `limit + 1`.
fn words_up_to(line: &str, limit: usize) -> usize {
    line.split_whitespace().take(limit + 1).count()
}

/// True when `line` starts with `phrase` as whole words.
fn starts_with_phrase(line: &str, phrase: &str, any_case: bool) -> bool {
    let Some(head) = line.get(..phrase.len()) else { return false };
    let same = if any_case { head.eq_ignore_ascii_case(phrase) } else { head == phrase };
    same && line[phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The kind of section an ITU heading line opens (`recalling`, `resolves to
/// instruct the Secretary-General`, `ANNEX`, `[Encourage/ Instructs ...`).
///
/// `line` is the text of the line without indentation or trailing white space.
pub(super) fn itu_heading(line: &str) -> Option<SectionKind> {
    if line.len() > MAX_HEADING_BYTES || ends_clause(line) {
        return None;
    }
    if words_up_to(line, MAX_HEADING_WORDS) > MAX_HEADING_WORDS {
        return None;
    }
    let (rest, marked) = strip_marks(line);
    if ANNEX_WORDS.iter().any(|word| starts_with_phrase(rest, word, false)) {
        return Some(SectionKind::Annex);
    }
    ITU_HEADINGS
        .iter()
        .find(|(phrase, _)| starts_with_phrase(rest, phrase, marked))
        .map(|&(_, kind)| kind)
}

/// Length in bytes of the UN opening phrase that starts `line`, if one does
/// and text follows it.
pub(super) fn un_phrase(line: &str) -> Option<usize> {
    let phrase = UN_PHRASES.iter().find(|phrase| starts_with_phrase(line, phrase, false))?;
    let after = &line[phrase.len()..];
    after.starts_with(char::is_whitespace).then_some(phrase.len())
}

/// Words a title never ends with: a line ending with one is a wrapped sentence.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// True when `line` has the shape of a sub-heading: a few words starting with
/// a capital letter, no label, no punctuation and no function word at the end.
pub(super) fn sub_heading_shape(line: &str) -> bool {
    let capital = line.chars().next().is_some_and(char::is_uppercase);
    let open_end = !ends_punctuated(line);
    let last_word = line.split_whitespace().next_back().unwrap_or_default();
    capital
        && open_end
        && !FUNCTION_WORDS.contains(&last_word)
        && line.len() <= MAX_HEADING_BYTES
        && words_up_to(line, MAX_HEADING_WORDS) <= MAX_HEADING_WORDS
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
/// (`The Council,`, `The Plenipotentiary Conference of ... (Busan, 2014),`):
/// it does when its paragraph ends with `,`.
pub(super) fn opens_enacting_formula(line: &str) -> bool {
    line.starts_with("The ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

    #[test]
    fn itu_headings() {
        assert_eq!(itu_heading("recalling"), Some(Preamble));
        assert_eq!(itu_heading("resolves to instruct the Secretary-General"), Some(Operative));
        assert_eq!(
            itu_heading("further invites Member States and Sector Members"),
            Some(Operative)
        );
        assert_eq!(itu_heading("[Encourage/ Instructs the Secretary-General"), Some(Operative));
        assert_eq!(itu_heading("ANNEX"), Some(Annex));
        assert_eq!(itu_heading("notes with satisfaction"), Some(Operative));
    }

    #[test]
    fn not_itu_headings() {
        assert_eq!(itu_heading("noting that the Council agreed;"), None);
        assert_eq!(itu_heading("Recalling"), None);
        assert_eq!(itu_heading("considerable progress"), None);
        assert_eq!(itu_heading("Annexes to this report."), None);
        let long = format!("noting {}", "word ".repeat(MAX_HEADING_WORDS));
        assert_eq!(itu_heading(&long), None);
    }

    #[test]
    fn un_phrases() {
        assert_eq!(un_phrase("Recalling also its resolution"), Some("Recalling also".len()));
        assert_eq!(un_phrase("Taking note of the report"), Some("Taking note of".len()));
        assert_eq!(un_phrase("Taking note that"), Some("Taking note".len()));
        assert_eq!(un_phrase("Recalling,"), None);
        assert_eq!(un_phrase("Taking stock: reviewing"), None);
    }

    #[test]
    fn the_user_documentation_lists_every_word_and_phrase() {
        let docs =
            include_str!("../../docs/parsing.md").split_whitespace().collect::<Vec<_>>().join(" ");
        let row = |from: &str, to: &str| {
            let rest = docs.split(from).nth(1).unwrap_or_default();
            rest.split(to).next().unwrap_or_default().to_string()
        };
        let preamble = row("| preamble |", "| operative |");
        let operative = row("| operative |", "| annex |");
        for (word, kind) in ITU_HEADINGS {
            let listed = if *kind == Preamble { &preamble } else { &operative };
            assert!(listed.contains(&format!("`{word}`")), "{word}");
        }
        for phrase in UN_PHRASES {
            assert!(docs.contains(&format!("\"{phrase}\"")), "{phrase}");
        }
    }

    #[test]
    fn sub_headings_footnotes_and_the_enacting_formula() {
        assert!(sub_heading_shape("Internet governance"));
        assert!(!sub_heading_shape("that ITU has a role;"));
        assert!(!sub_heading_shape("Resolutions 30 and"));
        assert!(is_footnote("\u{FFFD} See A/C.2/59/3"));
        assert!(is_footnote("⁴ A/67/66"));
        assert!(!is_footnote("\u{FFFD}"));
        assert!(opens_enacting_formula("The Council,"));
        assert!(!opens_enacting_formula("Theory"));
        assert!(is_separator("_________________"));
        assert!(!is_separator("__init__"));
        assert!(!is_separator("--"));
    }
}
