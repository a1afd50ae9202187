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
/// Each may be qualified: before it by a [`MODIFIERS`] word (`further
/// noting`), after it by anything (`noting also`, `noting with concern`,
/// `resolves to instruct the Secretary-General`).
pub(super) const ITU_HEADINGS: &[(&str, SectionKind)] = {
    use SectionKind::{Operative as O, Preamble as P};
    &[
        // The reasons: participles and adjectives.
        ("recalling", P),
        ("considering", P),
        ("noting", P),
        ("recognizing", P),
        ("recognising", P),
        ("bearing in mind", P),
        ("keeping in mind", P),
        ("taking into account", P),
        ("taking into consideration", P),
        ("taking note", P),
        ("having regard to", P),
        ("emphasizing", P),
        ("emphasising", P),
        ("underlining", P),
        ("underscoring", P),
        ("endorsing", P),
        ("fully aware", P),
        ("aware", P),
        ("mindful", P),
        ("convinced", P),
        ("deeply concerned", P),
        ("concerned", P),
        ("conscious", P),
        ("cognizant", P),
        ("having examined", P),
        ("having considered", P),
        ("having noted", P),
        ("having reviewed", P),
        ("observing", P),
        ("acknowledging", P),
        ("welcoming", P),
        ("reaffirming", P),
        ("reiterating", P),
        ("affirming", P),
        ("stressing", P),
        ("highlighting", P),
        ("expressing", P),
        ("appreciating", P),
        ("believing", P),
        ("desiring", P),
        ("guided by", P),
        ("in view of", P),
        ("in the light of", P),
        // The decisions: finite verbs.
        ("resolves", O),
        ("decides", O),
        ("instructs", O),
        ("requests", O),
        ("invites", O),
        ("encourages", O),
        ("encourage", O),
        ("calls upon", O),
        ("calls on", O),
        ("urges", O),
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
        ("authorises", O),
        ("welcomes", O),
        ("reaffirms", O),
        ("stresses", O),
        ("emphasizes", O),
        ("underlines", O),
        ("supports", O),
        ("designates", O),
        ("entrusts", O),
        ("declares", O),
        ("confirms", O),
        ("appeals", O),
    ]
};

/// Words that qualify a heading when they stand before it: `further noting`,
/// `also resolves`, `and further instructs`. After a heading any words may
/// follow it.
pub(super) const MODIFIERS: &[&str] = &["and further", "and also", "further", "also"];

/// Words that open an annex: the section and every one after it are of kind annex.
pub(super) const ANNEX_WORDS: &[&str] = &["ANNEX", "Annex"];

/// UN opening phrases: a paragraph that starts with one of these and ends with
/// `,` is a preambular paragraph whose heading opens the sentence.
/// Longer phrases come before their prefixes. A phrase may be followed by one
/// of [`UN_SUFFIXES`] (`Recalling also`) and preceded by one of
/// [`UN_PREFIXES`] (`Further recalling`), then written in lower case.
pub(super) const UN_PHRASES: &[&str] = &[
    "Recalling",
    "Taking note with satisfaction of",
    "Taking note with appreciation of",
    "Taking note with concern of",
    "Taking note of",
    "Taking note",
    "Expressing its appreciation",
    "Expressing its deep concern",
    "Expressing its concern",
    "Expressing concern",
    "Expressing",
    "Noting with satisfaction",
    "Noting with appreciation",
    "Noting with concern",
    "Noting",
    "Reaffirming",
    "Welcoming",
    "Recognizing",
    "Recognising",
    "Emphasizing",
    "Emphasising",
    "Acknowledging",
    "Bearing in mind",
    "Keeping in mind",
    "Having regard to",
    "Stressing",
    "Mindful",
    "Convinced",
    "Deeply concerned",
    "Concerned",
    "Fully aware",
    "Aware",
    "Conscious",
    "Having considered",
    "Having examined",
    "Having reviewed",
    "Reiterating",
    "Underlining",
    "Underscoring",
    "Affirming",
    "Considering",
    "Guided by",
    "Taking into account",
    "Taking into consideration",
    "Encouraged",
    "Alarmed",
    "Believing",
    "Desiring",
    "Determined",
    "Highlighting",
    "Observing",
    "Appreciating",
];

/// Words that may follow a UN opening phrase and belong to it: `Recalling also`.
pub(super) const UN_SUFFIXES: &[&str] = &["also", "further"];

/// Words that may precede a UN opening phrase: `Further recalling`.
pub(super) const UN_PREFIXES: &[&str] = &["Further", "Also"];

/// The text of a line with leading `[`, `*` and `_` removed, and whether any were.
fn strip_marks(line: &str) -> (&str, bool) {
    let rest = line.trim_start_matches(['[', '*', '_']);
    (rest, rest.len() != line.len())
}

/// True for text that ends a sentence or a clause: `.`, `;` or `,`.
fn ends_clause(line: &str) -> bool {
    line.trim_end().ends_with(['.', ';', ','])
}

/// Marks that may close a sentence after its punctuation: a closing bracket
/// (`agenda].]`), emphasis (`**`, `_`) and closing quotes.
const CLOSING_MARKS: [char; 7] = [']', '*', '_', '"', '\u{201D}', '\u{2019}', '\u{BB}'];

/// True for text that ends with punctuation, `:` included, perhaps followed
/// by closing marks (`agenda].]`): nothing continues it in the same sentence.
pub(super) fn ends_punctuated(text: &str) -> bool {
    text.trim_end().trim_end_matches(CLOSING_MARKS).ends_with(['.', ';', ',', ':'])
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
    let rest = after_any(rest, MODIFIERS, marked).unwrap_or(rest);
    ITU_HEADINGS
        .iter()
        .find(|(phrase, _)| starts_with_phrase(rest, phrase, marked))
        .map(|&(_, kind)| kind)
}

/// The text after the first of `words` that starts `line` as whole words,
/// and the white space after it.
fn after_any<'a>(line: &'a str, words: &[&str], any_case: bool) -> Option<&'a str> {
    let word = words.iter().find(|word| starts_with_phrase(line, word, any_case))?;
    let rest = &line[word.len()..];
    let trimmed = rest.trim_start();
    (trimmed.len() < rest.len()).then_some(trimmed)
}

/// Length in bytes of the UN opening phrase that starts `line`, if one does
/// and text follows it.
pub(super) fn un_phrase(line: &str) -> Option<usize> {
    let (start, any_case) = match after_any(line, UN_PREFIXES, false) {
        Some(rest) => (line.len() - rest.len(), true),
        None => (0, false),
    };
    let phrase =
        UN_PHRASES.iter().find(|phrase| starts_with_phrase(&line[start..], phrase, any_case))?;
    let mut end = start + phrase.len();
    let rest = line[end..].trim_start();
    if let Some(suffix) = UN_SUFFIXES.iter().find(|suffix| starts_with_phrase(rest, suffix, false))
    {
        end = line.len() - rest.len() + suffix.len();
    }
    line[end..].starts_with(char::is_whitespace).then_some(end)
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
    fn every_heading_with_its_modifiers() {
        for (base, kind) in ITU_HEADINGS {
            for line in [
                base.to_string(),
                format!("further {base}"),
                format!("also {base}"),
                format!("and further {base}"),
                format!("{base} further"),
                format!("{base} also"),
            ] {
                assert_eq!(itu_heading(&line), Some(*kind), "{line}");
            }
        }
        assert_eq!(itu_heading("further bearing in mind"), Some(Preamble));
        assert_eq!(itu_heading("noting with concern"), Some(Preamble));
        assert_eq!(itu_heading("further"), None);
    }

    #[test]
    fn every_un_phrase_with_its_modifiers() {
        for phrase in UN_PHRASES {
            let lower = phrase.to_lowercase();
            for (line, heading) in [
                (format!("{phrase} the report,"), phrase.to_string()),
                (format!("{phrase} also the report,"), format!("{phrase} also")),
                (format!("{phrase} further the report,"), format!("{phrase} further")),
                (format!("Further {lower} the report,"), format!("Further {lower}")),
            ] {
                assert_eq!(un_phrase(&line), Some(heading.len()), "{line}");
            }
        }
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
        assert_eq!(un_phrase("Recalling further its resolution"), Some("Recalling further".len()));
        assert_eq!(un_phrase("Further recalling its resolution"), Some("Further recalling".len()));
        assert_eq!(un_phrase("Recalling also,"), None);
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
        for modifier in MODIFIERS.iter().chain(UN_SUFFIXES).chain(UN_PREFIXES) {
            assert!(docs.contains(modifier), "{modifier}");
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
        assert!(ends_punctuated("the Post-2015 Development Agenda].]"));
        assert!(ends_punctuated("as appropriate;**"));
        assert!(!ends_punctuated("the [Post-2015 Development Agenda]"));
    }
}
