//! Tokens: words, numbers, punctuation and whitespace, each with a comparison key.
//!
//! Word boundaries come from `unicode-segmentation` (UAX #29), so `2010` is
//! one token and never diffed character by character, and `ITU’s` stays one
//! word. Two refinements apply to text outside ASCII: runs of Han characters,
//! which UAX #29 splits into single characters, are cut into Chinese words
//! ([`super::han`]), and a narrow no-break space (U+202F, French spacing
//! before `;` `:` `!` `?` and inside « »), which UAX #29 keeps inside a word,
//! is white space of its own. Keys are interned to small integers so
//! sequences compare fast.
//!
//! # Invariants
//! - Tokens tile the text they were made from: no gaps, no overlaps.
//! - All whitespace runs share one key (layout never changes the text).
//! - Text without Han characters or narrow no-break spaces is cut by UAX #29 alone.

use super::han;
use super::normalize::{fold_typography, is_en_dash, is_space};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// One token of a text: its byte range and its interned comparison key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset (in the document text).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Interned comparison key.
    pub key: u32,
    /// `true` for a word or number: what similarity counts.
    pub is_word: bool,
}

impl Token {
    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Interns comparison keys; one interner is shared by both sides of a diff.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<String, u32>,
}

/// The key every whitespace run gets.
pub const SPACE_KEY: u32 = 0;

impl Interner {
    /// A new interner; whitespace is key [`SPACE_KEY`].
    pub fn new() -> Self {
        let mut ids = FxHashMap::default();
        ids.insert(" ".to_string(), SPACE_KEY);
        Interner { ids }
    }

    /// The id of `key`, allocating one the first time.
    pub fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(key.to_string(), id);
        id
    }
}

/// Splits `text[range]` into tokens with keys; `strict` keeps typography apart.
pub fn tokenize(
    text: &str,
    range: Range<usize>,
    strict: bool,
    interner: &mut Interner,
) -> Vec<Token> {
    let base = range.start;
    let slice = &text[range];
    let mut tokens: Vec<Token> = Vec::new();
    if needs_refining(slice) {
        push_segments(segments(slice).into_iter(), base, strict, interner, &mut tokens);
    } else {
        push_segments(slice.split_word_bound_indices(), base, strict, interner, &mut tokens);
    }
    tokens
}

/// True when UAX #29 alone would not cut `slice` right: it holds Han
/// characters or a narrow no-break space (never in ASCII, checked first).
fn needs_refining(slice: &str) -> bool {
    !slice.is_ascii() && slice.chars().any(|c| c == NARROW_NO_BREAK_SPACE || han::is_han(c))
}

/// Appends a token per segment (`(offset in the slice, text)`, in order).
fn push_segments<'a>(
    segments: impl Iterator<Item = (usize, &'a str)>,
    base: usize,
    strict: bool,
    interner: &mut Interner,
    tokens: &mut Vec<Token>,
) {
    let mut segments = segments.peekable();
    let mut previous: Option<&str> = None;
    while let Some((at, segment)) = segments.next() {
        let next = segments.peek().map(|&(_, next)| next);
        let key = segment_key(segment, strict, || starts_number(previous) && starts_number(next));
        let token = Token {
            start: base + at,
            end: base + at + segment.len(),
            key: interner.intern(&key),
            is_word: segment.chars().any(char::is_alphanumeric),
        };
        push_merging_spaces(tokens, token);
        previous = Some(segment);
    }
}

/// The word segments of a text outside ASCII: UAX #29 segments, with runs of
/// Han characters cut into Chinese words and narrow no-break spaces apart.
fn segments(slice: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut han_run: Option<Range<usize>> = None;
    for (at, segment) in slice.split_word_bound_indices() {
        if han::is_han_text(segment) {
            match &mut han_run {
                Some(run) if run.end == at => run.end = at + segment.len(),
                _ => han_run = Some(at..at + segment.len()),
            }
            continue;
        }
        if let Some(run) = han_run.take() {
            push_han_words(slice, run, &mut out);
        }
        push_split_at_narrow_spaces(at, segment, &mut out);
    }
    if let Some(run) = han_run {
        push_han_words(slice, run, &mut out);
    }
    out
}

/// The Chinese words of the Han run `slice[run]`.
fn push_han_words<'a>(slice: &'a str, run: Range<usize>, out: &mut Vec<(usize, &'a str)>) {
    out.extend(han::words(&slice[run.clone()]).map(|(at, word)| (run.start + at, word)));
}

/// The narrow no-break space (U+202F) that French sets before `;` `:` `!` `?`
/// and inside « »; UAX #29 joins it to the word before (as a connector).
const NARROW_NO_BREAK_SPACE: char = '\u{202F}';

/// `segment` (at `at`), cut before and after each narrow no-break space.
fn push_split_at_narrow_spaces<'a>(at: usize, segment: &'a str, out: &mut Vec<(usize, &'a str)>) {
    if is_space(segment) || !segment.contains(NARROW_NO_BREAK_SPACE) {
        out.push((at, segment));
        return;
    }
    let mut start = 0;
    for (offset, c) in segment.char_indices().filter(|&(_, c)| c == NARROW_NO_BREAK_SPACE) {
        if offset > start {
            out.push((at + start, &segment[start..offset]));
        }
        let end = offset + c.len_utf8();
        out.push((at + offset, &segment[offset..end]));
        start = end;
    }
    if start < segment.len() {
        out.push((at + start, &segment[start..]));
    }
}

fn segment_key(segment: &str, strict: bool, between_numbers: impl Fn() -> bool) -> Cow<'_, str> {
    if is_space(segment) && (!strict || segment.chars().all(|c| c.is_ascii_whitespace())) {
        return Cow::Borrowed(" ");
    }
    if strict {
        return Cow::Borrowed(segment);
    }
    if is_en_dash(segment) && between_numbers() {
        return Cow::Borrowed("-");
    }
    fold_typography(segment)
}

/// `true` when the segment starts with an ASCII digit.
fn starts_number(segment: Option<&str>) -> bool {
    segment.is_some_and(|segment| segment.starts_with(|c: char| c.is_ascii_digit()))
}

/// Appends a token, joining it to the one before when both are whitespace
/// (`\n` then ` `): a whitespace run is one token.
fn push_merging_spaces(tokens: &mut Vec<Token>, token: Token) {
    match tokens.last_mut() {
        Some(last) if last.key == SPACE_KEY && token.key == SPACE_KEY => last.end = token.end,
        _ => tokens.push(token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len(), false, &mut Interner::new());
        tokens.iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn numbers_are_whole_tokens() {
        assert_eq!(texts("(Guadalajara, 2010)"), ["(", "Guadalajara", ",", " ", "2010", ")"]);
    }

    #[test]
    fn whitespace_runs_are_one_token() {
        assert_eq!(texts("a \n\n b"), ["a", " \n\n ", "b"]);
    }

    #[test]
    fn layout_and_typography_share_keys() {
        let mut interner = Interner::new();
        let a = "ITU\u{2019}s 2003\u{2013}2005\u{a0}x";
        let b = "ITU's\n2003-2005 x";
        let keys = |t: &str, i: &mut Interner| -> Vec<u32> {
            tokenize(t, 0..t.len(), false, i).iter().map(|t| t.key).collect()
        };
        assert_eq!(keys(a, &mut interner), keys(b, &mut interner));
    }

    #[test]
    fn strict_keeps_typography_apart() {
        let mut interner = Interner::new();
        let curly = "ITU\u{2019}s";
        let a = tokenize(curly, 0..curly.len(), true, &mut interner);
        let b = tokenize("ITU's", 0..5, true, &mut interner);
        assert_ne!(a[0].key, b[0].key);
    }

    #[test]
    fn chinese_is_cut_into_words() {
        assert_eq!(
            texts("责成秘书长每年向理事会报告；"),
            ["责成", "秘书长", "每年", "向", "理事会", "报告", "；"]
        );
        assert_eq!(
            texts("第101号决议（2030年）"),
            ["第", "101", "号", "决议", "（", "2030", "年", "）"]
        );
    }

    #[test]
    fn a_narrow_no_break_space_is_white_space() {
        assert_eq!(
            texts("général\u{202F}: «\u{202F}x"),
            ["général", "\u{202F}", ":", " ", "«", "\u{202F}", "x"]
        );
        assert_eq!(texts("a\u{202F}\u{202F}b"), ["a", "\u{202F}\u{202F}", "b"]);
    }

    #[test]
    fn en_dash_between_words_stays_a_dash() {
        let mut interner = Interner::new();
        let a = tokenize("ICTs \u{2013} x", 0..9, false, &mut interner);
        let b = tokenize("ICTs - x", 0..8, false, &mut interner);
        assert_ne!(a[2].key, b[2].key);
    }
}
