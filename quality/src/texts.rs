//! The words the generator writes: sentences of the seeds (through the
//! benchmark corpus's `Pool`), heading tables, UN opening phrases and the
//! vocabulary of near-identical provisions.
//!
//! Everything written is **constructed** from the seeds; none of it is an
//! official text.

use crate::corpus::Pool;

/// ITU preambular headings, each with variants a revision may turn it into.
/// A variant keeps more than half of the words (it is the same heading,
/// modified). Some variants are not in the parser's table (`further bearing
/// in mind`): real drafts write them, and the truth is still a modified heading.
pub const ITU_PREAMBLE_HEADINGS: &[(&str, &[&str])] = &[
    ("recalling", &["recalling also", "recalling further", "further recalling"]),
    ("recalling further", &["recalling", "further recalling"]),
    ("considering", &["considering further", "considering also", "further considering"]),
    ("considering further", &["considering", "further considering"]),
    ("noting", &["noting further", "noting also"]),
    ("noting with satisfaction", &["noting with concern", "noting with appreciation"]),
    ("recognizing", &["recognizing further", "recognizing also", "further recognizing"]),
    ("bearing in mind", &["further bearing in mind", "bearing in mind also"]),
    ("emphasizing", &["further emphasizing", "emphasizing also"]),
    ("taking into account", &["taking into account further", "further taking into account"]),
    ("aware", &["further aware", "aware also"]),
    ("noting with concern", &["noting with deep concern", "noting further with concern"]),
];

/// ITU operative headings, each with variants.
pub const ITU_OPERATIVE_HEADINGS: &[(&str, &[&str])] = &[
    ("resolves", &["resolves further", "further resolves"]),
    (
        "instructs the Secretary-General",
        &[
            "instructs the Secretary-General, in consultation with Member States",
            "further instructs the Secretary-General",
        ],
    ),
    (
        "instructs the Director of the Telecommunication Development Bureau",
        &["instructs the Director of the Telecommunication Standardization Bureau"],
    ),
    (
        "invites Member States",
        &["invites Member States and Sector Members", "further invites Member States"],
    ),
    (
        "encourages the membership",
        &["further encourages the membership", "encourages the whole membership"],
    ),
    ("requests the Council", &["requests the Council to consider", "further requests the Council"]),
    (
        "invites Sector Members",
        &["invites Sector Members and Associates", "further invites Sector Members"],
    ),
];

/// UN opening phrases with variants (all in the parser's table of phrases),
/// each keeping more than half of the words.
pub const UN_PHRASES: &[(&str, &[&str])] = &[
    ("Recalling", &["Recalling also", "Recalling further"]),
    ("Recalling also", &["Recalling"]),
    ("Recalling further", &["Recalling"]),
    ("Reaffirming", &["Reaffirming also"]),
    ("Reaffirming also", &["Reaffirming"]),
    ("Taking note of", &["Taking note with appreciation of", "Taking note with satisfaction of"]),
    ("Noting", &["Noting also", "Noting further"]),
    ("Noting with concern", &["Noting with appreciation", "Noting with satisfaction"]),
    ("Welcoming", &["Welcoming also"]),
    ("Recognizing", &["Recognizing also", "Recognizing further"]),
    ("Emphasizing", &["Emphasizing also"]),
    // Phrases without a variant sharing more than half of their words.
    ("Stressing", &[]),
    ("Bearing in mind", &[]),
    ("Acknowledging", &[]),
    ("Expressing its appreciation", &["Expressing its deep concern"]),
];

/// How UN preambular texts start (never a word that would lengthen the phrase).
const UN_STARTERS: &[&str] = &[
    "the",
    "that",
    "the importance of",
    "the need for",
    "the report of the Secretary-General on",
    "the role of",
    "the efforts of",
];

/// Verbs that open UN operative paragraphs.
pub const UN_VERBS: &[&str] = &[
    "Notes",
    "Recognizes",
    "Welcomes",
    "Reaffirms",
    "Recalls",
    "Encourages",
    "Invites",
    "Requests",
    "Stresses",
    "Emphasizes",
    "Urges",
    "Decides",
    "Calls upon",
];

/// UN sub-headings (capitalised, no final punctuation).
pub const UN_SUB_HEADINGS: &[&str] = &[
    "Internet governance",
    "Enhanced cooperation",
    "Financial mechanisms",
    "Capacity development",
    "Measuring progress",
    "The way forward",
    "Broadband connectivity",
    "Follow-up and review",
];

/// The slots of a near-identical provision (`to {verb} {object} {prep} {domain} by {year}{tail};`).
pub const NEAR_VERBS: &[&str] = &[
    "strengthen",
    "promote",
    "support",
    "encourage",
    "facilitate",
    "enhance",
    "develop",
    "review",
    "continue",
    "foster",
    "expand",
    "coordinate",
];
/// Objects of near-identical provisions.
pub const NEAR_OBJECTS: &[&str] = &[
    "cooperation",
    "capacity building",
    "the exchange of best practices",
    "national strategies",
    "regional initiatives",
    "public-private partnerships",
    "research activities",
    "awareness campaigns",
    "technical assistance",
    "their contributions",
    "pilot projects",
    "training programmes",
];
/// Prepositions of near-identical provisions.
pub const NEAR_PREPS: &[&str] = &["on", "in", "for"];
/// Domains of near-identical provisions.
pub const NEAR_DOMAINS: &[&str] = &[
    "cybersecurity",
    "broadband deployment",
    "digital inclusion",
    "emergency telecommunications",
    "spectrum management",
    "child online protection",
    "e-health",
    "e-government",
    "smart cities",
    "climate change adaptation",
    "accessibility for persons with disabilities",
    "rural connectivity",
    "Internet governance",
    "artificial intelligence",
    "data protection",
    "satellite services",
    "digital skills",
    "conformance and interoperability",
];
/// Years of near-identical provisions (0 for none).
pub const NEAR_YEARS: &[u32] = &[0, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2024, 2025, 2030];
/// Tails of near-identical provisions.
pub const NEAR_TAILS: &[&str] = &[
    "",
    ", in collaboration with the relevant regional organizations",
    ", taking into account the needs of developing countries",
    ", within existing resources",
    ", in particular in least developed countries",
    ", and to report thereon to the Council",
    ", with the participation of all stakeholders",
];

/// The one-word values of the near-identical lists' slots: verbs, domains, years.
pub fn near_slots() -> Vec<Vec<String>> {
    let one_word = |list: &[&str]| -> Vec<String> {
        list.iter().filter(|w| !w.contains(' ')).map(|w| w.to_string()).collect()
    };
    let years = NEAR_YEARS.iter().filter(|y| **y > 0).map(u32::to_string).collect();
    vec![one_word(NEAR_VERBS), one_word(NEAR_DOMAINS), years]
}

/// Heading words a wrapped line must never start with (they would open a section).
const HEADING_WORDS: &[&str] = &[
    "recalling",
    "considering",
    "noting",
    "further",
    "bearing",
    "recognizing",
    "recognising",
    "taking",
    "emphasizing",
    "emphasising",
    "underlining",
    "endorsing",
    "aware",
    "mindful",
    "convinced",
    "concerned",
    "having",
    "observing",
    "acknowledging",
    "welcoming",
    "reaffirming",
    "stressing",
    "highlighting",
    "expressing",
    "in",
    "resolves",
    "decides",
    "instructs",
    "requests",
    "invites",
    "encourages",
    "encourage",
    "calls",
    "urges",
    "notes",
    "appreciates",
    "endorses",
    "approves",
    "adopts",
    "agrees",
    "recommends",
    "expresses",
    "commends",
    "thanks",
    "charges",
    "authorizes",
    "annex",
];

/// `true` when a line may start with `word` without starting a paragraph:
/// a lower-case word of letters that no heading starts with.
pub fn may_start_line(word: &str) -> bool {
    let letters = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase());
    letters && !HEADING_WORDS.contains(&word)
}

/// Sentences and words fit for generated provisions.
pub struct Source {
    sentences: Vec<Vec<String>>,
    words: Vec<String>,
}

impl Source {
    /// Filters the pool: sentences of plain words (no brackets, footnote
    /// markers or emphasis), and lower-case words of letters for word edits.
    pub(crate) fn new(pool: &Pool) -> Self {
        let plain = |w: &String| !w.contains(['[', ']', '\u{FFFD}', '*', '~', '_']);
        let sentences: Vec<Vec<String>> = (pool.sentences().iter())
            .filter(|s| s.len() >= 6 && s.iter().all(plain))
            .cloned()
            .collect();
        let mut words: Vec<String> = (sentences.iter().flatten())
            .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()))
            .cloned()
            .collect();
        words.sort();
        words.dedup();
        Source { sentences, words }
    }

    /// A lower-case word for a word edit.
    pub fn word(&self, rng: &mut fastrand::Rng) -> &str {
        &self.words[rng.usize(..self.words.len())]
    }

    /// The start of one seed sentence joined to the end of another, between
    /// `min` and `max` words, without final punctuation.
    pub fn fragment(&self, rng: &mut fastrand::Rng, min: usize, max: usize) -> Vec<String> {
        loop {
            let first = &self.sentences[rng.usize(..self.sentences.len())];
            let second = &self.sentences[rng.usize(..self.sentences.len())];
            let cut_first = rng.usize(1..=first.len());
            let cut_second = rng.usize(..second.len());
            let mut words: Vec<String> =
                first[..cut_first].iter().chain(&second[cut_second..]).cloned().collect();
            words.truncate(max);
            if words.len() < min {
                continue;
            }
            if let Some(last) = words.last_mut() {
                let kept = last.trim_end_matches([';', ',', '.', ':']).len();
                last.truncate(kept);
                if last.is_empty() {
                    continue;
                }
            }
            return words;
        }
    }

    /// A UN preambular text: a starter and a fragment.
    pub fn un_preamble(&self, rng: &mut fastrand::Rng) -> Vec<String> {
        let starter = UN_STARTERS[rng.usize(..UN_STARTERS.len())];
        let mut words: Vec<String> = starter.split(' ').map(str::to_string).collect();
        words.extend(self.fragment(rng, 6, 40));
        words
    }
}

/// One of `table`'s entries, by `rng`.
pub fn pick<'a, T>(rng: &mut fastrand::Rng, table: &'a [T]) -> &'a T {
    &table[rng.usize(..table.len())]
}

/// The words of `text`, split at spaces.
pub fn words(text: &str) -> Vec<String> {
    text.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_start_only_with_plain_lower_case_words() {
        assert!(may_start_line("the"));
        assert!(!may_start_line("considering"));
        assert!(!may_start_line("a)"));
        assert!(!may_start_line("12"));
        assert!(!may_start_line("Union"));
        assert!(!may_start_line("[the"));
    }

    /// Dice coefficient of the words (runs of letters and digits) of two headings.
    fn dice(a: &str, b: &str) -> f64 {
        let words = |text: &str| -> Vec<String> {
            crate::norm::word_ranges(text).into_iter().map(|r| text[r].to_lowercase()).collect()
        };
        let (mut a, b) = (words(a), words(b));
        let total = a.len() + b.len();
        let common = b
            .iter()
            .filter(|w| a.iter().position(|x| x == *w).map(|at| a.remove(at)).is_some())
            .count();
        2.0 * common as f64 / total as f64
    }

    #[test]
    fn every_variant_is_the_same_heading_modified() {
        for table in [ITU_PREAMBLE_HEADINGS, ITU_OPERATIVE_HEADINGS, UN_PHRASES] {
            for (heading, variants) in table {
                assert!(!variants.contains(heading), "{heading}");
                for variant in variants.iter() {
                    assert!(dice(heading, variant) > 0.5, "{heading} -> {variant}");
                }
            }
        }
    }
}
