//! The two ways of cutting text into words that are compared: UAX #29 word
//! boundaries with each run of Han characters cut by a dictionary segmenter,
//! as redline's tokenizer does (`src/diff/tokens.rs`), the dictionary being
//! `jieba-rs` (redline today) or `icu_segmenter`.

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use jieba_rs::Jieba;
use unicode_segmentation::UnicodeSegmentation;

/// Which dictionary segmenter cuts the runs of Han characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dictionary {
    /// `jieba-rs` with its built-in dictionary, without its HMM (as redline).
    Jieba,
    /// `icu_segmenter`'s dictionary word segmenter with its compiled data.
    Icu,
}

impl Dictionary {
    /// Both, in the order of the tables.
    pub const ALL: [Dictionary; 2] = [Dictionary::Jieba, Dictionary::Icu];

    /// The crate's name, for the tables.
    pub fn name(self) -> &'static str {
        match self {
            Dictionary::Jieba => "jieba-rs",
            Dictionary::Icu => "icu_segmenter",
        }
    }
}

/// Both segmenters, built once.
pub struct Segmenters {
    jieba: Jieba,
    icu: WordSegmenterBorrowed<'static>,
}

impl Segmenters {
    /// Builds both segmenters (`jieba-rs` parses its dictionary here).
    pub fn new() -> Self {
        Segmenters { jieba: new_jieba(), icu: new_icu() }
    }

    /// The words of a run of Han characters; they tile the run.
    pub fn han_words<'a>(&self, dictionary: Dictionary, run: &'a str) -> Vec<&'a str> {
        match dictionary {
            Dictionary::Jieba => self.jieba.cut(run, false).into_iter().map(|t| t.word).collect(),
            Dictionary::Icu => pieces(run, self.icu.segment_str(run)),
        }
    }

    /// The segments of `text` as redline's tokenizer makes them: UAX #29
    /// segments, each run of Han characters cut by `dictionary`.
    pub fn words<'a>(&self, dictionary: Dictionary, text: &'a str) -> Vec<&'a str> {
        let mut out = Vec::new();
        for piece in han_runs_and_segments(text) {
            match piece {
                Piece::Han(run) => out.extend(self.han_words(dictionary, run)),
                Piece::Other(segment) => out.push(segment),
            }
        }
        out
    }

    /// The segments of `text` cut by `icu_segmenter` alone, kana included
    /// (what a Japanese text would get from it).
    pub fn icu_whole<'a>(&self, text: &'a str) -> Vec<&'a str> {
        pieces(text, self.icu.segment_str(text))
    }
}

impl Default for Segmenters {
    fn default() -> Self {
        Segmenters::new()
    }
}

/// `jieba-rs` with its built-in dictionary.
pub fn new_jieba() -> Jieba {
    Jieba::new()
}

/// `icu_segmenter`'s dictionary segmenter (Chinese and Japanese), compiled data.
pub fn new_icu() -> WordSegmenterBorrowed<'static> {
    WordSegmenter::new_dictionary(WordBreakInvariantOptions::default())
}

/// A piece of text: a run of Han characters, or another UAX #29 segment.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Consecutive Han characters (UAX #29 puts each apart).
    Han(&'a str),
    /// Any other UAX #29 word-boundary segment.
    Other(&'a str),
}

/// The UAX #29 segments of `text`, with consecutive Han characters joined
/// into runs (as `segments` in redline's `src/diff/tokens.rs`).
pub fn han_runs_and_segments(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for (at, segment) in text.split_word_bound_indices() {
        if is_han_text(segment) {
            run = match run {
                Some((start, end)) if end == at => Some((start, at + segment.len())),
                _ => Some((at, at + segment.len())),
            };
            continue;
        }
        if let Some((start, end)) = run.take() {
            out.push(Piece::Han(&text[start..end]));
        }
        out.push(Piece::Other(segment));
    }
    if let Some((start, end)) = run {
        out.push(Piece::Han(&text[start..end]));
    }
    out
}

/// True for a Han character (as redline's `src/diff/han.rs`).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// True for non-empty text of Han characters only.
pub fn is_han_text(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_han)
}

/// The pieces of `text` between successive break offsets.
fn pieces(text: &str, breaks: impl Iterator<Item = usize>) -> Vec<&str> {
    let breaks: Vec<usize> = breaks.collect();
    breaks.windows(2).map(|pair| &text[pair[0]..pair[1]]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tile_a_han_run() {
        let segmenters = Segmenters::new();
        let run = "推动为当地技术人员举办培训计划";
        for dictionary in Dictionary::ALL {
            assert_eq!(segmenters.han_words(dictionary, run).concat(), run);
        }
    }

    #[test]
    fn han_characters_are_joined_into_runs() {
        let pieces = han_runs_and_segments("1 每年向理事会报告；");
        assert_eq!(
            pieces,
            [
                Piece::Other("1"),
                Piece::Other(" "),
                Piece::Han("每年向理事会报告"),
                Piece::Other("；"),
            ]
        );
    }
}
