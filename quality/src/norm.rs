//! What counts as the same text, written down independently of redline: the
//! rules of its README (layout and typographic variants are not changes),
//! so the ground truth never inherits a bug of the tool it measures.

use crate::doc::{Unit, UnitKind};
use std::collections::HashMap;

/// A typographic variant folded to its plain form; `None` keeps the character.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' => Some('\''),
        '\u{201C}' | '\u{201D}' => Some('"'),
        '\u{2011}' => Some('-'),
        '\u{00A0}' => Some(' '),
        _ => None,
    }
}

/// A word with typographic variants folded (an en dash between digits is a hyphen).
pub fn fold(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |at: Option<&char>| at.is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    for (at, &c) in chars.iter().enumerate() {
        let between_digits = at > 0 && digit(chars.get(at - 1)) && digit(chars.get(at + 1));
        out.push(match c {
            '\u{2013}' if between_digits => '-',
            _ => fold_char(c).unwrap_or(c),
        });
    }
    out
}

/// The text of a unit with layout and typography folded away: its words, folded,
/// joined by single spaces.
pub fn unit_key(unit: &Unit) -> String {
    let mut key = String::new();
    for tok in unit.text_toks() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold(&tok.text));
    }
    key
}

/// How many provisions of one side have each text: the generator keeps every
/// provision's text unique, so that the truth is never a coin toss between
/// two identical provisions.
#[derive(Debug, Default, Clone)]
pub struct Keys {
    counts: HashMap<String, u32>,
}

impl Keys {
    /// The keys of every provision of `units`.
    pub fn of<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Self {
        let mut keys = Keys::default();
        for unit in units.into_iter().filter(|u| u.kind == UnitKind::Provision) {
            keys.add(&unit_key(unit));
        }
        keys
    }

    /// `true` when some provision has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.counts.get(key).is_some_and(|&n| n > 0)
    }

    /// Counts one more provision with `key`.
    pub fn add(&mut self, key: &str) {
        *self.counts.entry(key.to_string()).or_default() += 1;
    }

    /// Counts one provision with `key` less.
    pub fn remove(&mut self, key: &str) {
        if let Some(count) = self.counts.get_mut(key) {
            *count = count.saturating_sub(1);
        }
    }
}

/// The words of `text`: maximal runs of letters and digits, as byte ranges.
pub fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(s..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_documented_variants() {
        assert_eq!(fold("ITU\u{2019}s"), "ITU's");
        assert_eq!(fold("\u{201C}x\u{201D}"), "\"x\"");
        assert_eq!(fold("High\u{2011}Level"), "High-Level");
        assert_eq!(fold("2016\u{2013}2019"), "2016-2019");
        assert_eq!(fold("a \u{2013} b"), "a \u{2013} b");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "[the ITU\u{2019}s 2010,";
        let words: Vec<&str> = word_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, ["the", "ITU", "s", "2010"]);
    }
}
