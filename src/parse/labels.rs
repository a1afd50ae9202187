//! Provision labels (`a)`, `(a)`, `1`, `1.`, `iv)`, `–` ...) and the ways each can be counted.
//!
//! A label is recognised from its shape alone; whether `i)` is the letter 9 or
//! the roman 1 is decided later by its list ([`super::lists`]), so a token
//! carries every reading it has, the most likely first.

use crate::model::LabelKind;
use std::ops::Range;

/// Characters that are bullet labels when followed by white space.
pub(super) const BULLETS: [char; 6] = ['-', '–', '—', '·', '•', '▪'];

/// Most digits a number label has: `2015 was` is not a label.
const MAX_DIGITS: usize = 3;

/// Most letters of a lettered or roman label (`xxxviii)`).
const MAX_LETTERS: usize = 7;

/// One way of counting a label: `i)` is the letter 9 or the roman 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    /// The sequence it belongs to.
    pub kind: LabelKind,
    /// Its place in that sequence; `None` for bullets and uncountable letters (`if)`).
    pub ordinal: Option<u32>,
}

/// A label found in the text, with every way it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LabelToken {
    /// Where the label is, exactly as written.
    pub range: Range<usize>,
    /// Every reading, most likely first; never empty.
    pub readings: Vec<Reading>,
    /// Written in parentheses: `(a)`, `(iv)`, `(2)`.
    pub parenthesised: bool,
}

impl LabelToken {
    /// The reading of `kind`, if the token has one.
    pub fn reading_of(&self, kind: LabelKind) -> Option<Reading> {
        self.readings.iter().copied().find(|reading| reading.kind == kind)
    }
}

/// The label starting at byte `at` of `text`, on a line ending at `line_end`.
pub(super) fn label_at(text: &str, at: usize, line_end: usize) -> Option<LabelToken> {
    let rest = &text[at..line_end];
    bullet(rest)
        .or_else(|| parenthesised(rest))
        .or_else(|| numbered(rest))
        .or_else(|| lettered(rest))
        .map(|(len, readings, parenthesised)| LabelToken {
            range: at..at + len,
            readings,
            parenthesised,
        })
}

type Shape = (usize, Vec<Reading>, bool);

fn bullet(rest: &str) -> Option<Shape> {
    let first = rest.chars().next().filter(|c| BULLETS.contains(c))?;
    let len = first.len_utf8();
    ends_token(&rest[len..])
        .then(|| (len, vec![Reading { kind: LabelKind::Bullet, ordinal: None }], false))
}

/// `(a)`, `(iv)`, `(12)`: no separator needed after the closing parenthesis.
fn parenthesised(rest: &str) -> Option<Shape> {
    let inner = rest.strip_prefix('(')?;
    let close = inner.bytes().take(MAX_LETTERS + 1).position(|b| b == b')')?;
    let readings = core_readings(&inner[..close], true)?;
    Some((close + 2, readings, true))
}

/// `1`, `1.`, `1)`: a bare number or a number with a dot needs white space after it.
fn numbered(rest: &str) -> Option<Shape> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let readings = core_readings(&rest[..digits], false)?;
    let after = &rest[digits..];
    let len = match after.chars().next() {
        Some(')') => digits + 1,
        Some('.') if ends_token(&after[1..]) => digits + 1,
        _ if ends_token(after) => digits,
        _ => return None,
    };
    Some((len, readings, false))
}

/// `a)`, `iv)`, `a.`, `iv.`: letters closed by `)`, or by `.` and white space.
fn lettered(rest: &str) -> Option<Shape> {
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > MAX_LETTERS {
        return None;
    }
    let core = &rest[..letters];
    match rest[letters..].chars().next() {
        Some(')') => Some((letters + 1, core_readings(core, true)?, false)),
        Some('.') if ends_token(&rest[letters + 1..]) => {
            let readings = core_readings(core, false)?;
            let countable = readings.iter().all(|reading| reading.ordinal.is_some());
            countable.then_some((letters + 1, readings, false))
        }
        _ => None,
    }
}

/// True when a label ends here: end of line or white space.
fn ends_token(after: &str) -> bool {
    after.chars().next().is_none_or(char::is_whitespace)
}

/// Readings of the inside of a label: digits, letters or a roman numeral.
/// `loose` admits two letters that count in no sequence (`if)`, a renumbering
/// whose strike-through was lost).
fn core_readings(core: &str, loose: bool) -> Option<Vec<Reading>> {
    if !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit()) {
        if core.len() > MAX_DIGITS {
            return None;
        }
        let ordinal = core.parse().ok();
        return Some(vec![Reading { kind: LabelKind::Number, ordinal }]);
    }
    let lower = single_case(core)?;
    let roman =
        roman_value(&lower).map(|value| Reading { kind: LabelKind::Roman, ordinal: Some(value) });
    let letter = letter_reading(&lower, loose && roman.is_none());
    let readings: Vec<Reading> = if lower.len() == 1 {
        letter.into_iter().chain(roman).collect()
    } else {
        roman.into_iter().chain(letter).collect()
    };
    (!readings.is_empty()).then_some(readings)
}

/// The letters in lower case, if they are all lower case or all upper case.
fn single_case(core: &str) -> Option<String> {
    let letters = !core.is_empty() && core.len() <= MAX_LETTERS;
    let all_lower = core.bytes().all(|b| b.is_ascii_lowercase());
    let all_upper = core.bytes().all(|b| b.is_ascii_uppercase());
    (letters && (all_lower || all_upper)).then(|| core.to_ascii_lowercase())
}

/// `c` is 3; a doubled letter `aa` is 27 (after `z`); other pairs count nowhere.
fn letter_reading(lower: &str, loose: bool) -> Option<Reading> {
    let bytes = lower.as_bytes();
    let position = |b: u8| u32::from(b - b'a') + 1;
    let ordinal = match bytes {
        [one] => Some(position(*one)),
        [first, second] if first == second => Some(26 + position(*first)),
        [_, _] if loose => None,
        _ => return None,
    };
    Some(Reading { kind: LabelKind::Letter, ordinal })
}

/// The value of a canonical lower-case roman numeral from 1 to 39 (`xxxix`):
/// up to three `x`, then the units as written in [`ROMAN_UNITS`].
pub(super) fn roman_value(lower: &str) -> Option<u32> {
    let tens = lower.bytes().take(3).take_while(|&b| b == b'x').count();
    let units = ROMAN_UNITS.iter().position(|&units| units == &lower[tens..])?;
    let value = (tens * 10 + units) as u32;
    (value > 0).then_some(value)
}

/// Roman units from 0 to 9.
const ROMAN_UNITS: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];

#[cfg(test)]
mod tests {
    use super::*;
    use LabelKind::*;

    type Expected<'a> = Option<(&'a str, &'a [(LabelKind, Option<u32>)])>;

    fn check(line: &str, expected: Expected<'_>) {
        let found = label_at(line, 0, line.len()).map(|token| {
            let readings: Vec<_> =
                token.readings.iter().map(|reading| (reading.kind, reading.ordinal)).collect();
            (line[token.range].to_string(), readings)
        });
        let expected = expected.map(|(text, readings)| (text.to_string(), readings.to_vec()));
        assert_eq!(found, expected, "{line:?}");
    }

    #[test]
    fn letters_numbers_and_romans() {
        check("a) text", Some(("a)", &[(Letter, Some(1))])));
        check("(c) text", Some(("(c)", &[(Letter, Some(3))])));
        check("c. text", Some(("c.", &[(Letter, Some(3))])));
        check("12 text", Some(("12", &[(Number, Some(12))])));
        check("1. Notes", Some(("1.", &[(Number, Some(1))])));
        check("(2) text", Some(("(2)", &[(Number, Some(2))])));
        check("3)\ttext", Some(("3)", &[(Number, Some(3))])));
        check("iv) text", Some(("iv)", &[(Roman, Some(4))])));
        check("(XII) text", Some(("(XII)", &[(Roman, Some(12))])));
    }

    #[test]
    fn ambiguous_letters_carry_both_readings() {
        check("i) text", Some(("i)", &[(Letter, Some(9)), (Roman, Some(1))])));
        check("ii) text", Some(("ii)", &[(Roman, Some(2)), (Letter, Some(35))])));
        check("v) text", Some(("v)", &[(Letter, Some(22)), (Roman, Some(5))])));
    }

    #[test]
    fn renumbering_leftovers_count_nowhere() {
        check("if) the outcomes", Some(("if)", &[(Letter, None)])));
        check("h)e) that", Some(("h)", &[(Letter, Some(8))])));
    }

    #[test]
    fn roman_numerals_are_canonical_and_below_forty() {
        let values: Vec<_> = ["i", "iv", "ix", "xiv", "xxxix", "iiii", "vx", "xl", "x", "c"]
            .iter()
            .map(|numeral| roman_value(numeral))
            .collect();
        let expected =
            [Some(1), Some(4), Some(9), Some(14), Some(39), None, None, None, Some(10), None];
        assert_eq!(values, expected);
    }

    #[test]
    fn bullets() {
        check("– all", Some(("–", &[(Bullet, None)])));
        check("·\tfacilitate", Some(("·", &[(Bullet, None)])));
        check("-", Some(("-", &[(Bullet, None)])));
        check("-1 degree", None);
    }

    #[test]
    fn words_and_years_are_not_labels() {
        check("2015 was", None);
        check("1.5 million", None);
        check("18,5", None);
        check("the text", None);
        check("(UNGA) said", None);
        check("(adopted at the sixth Plenary meeting)", None);
        check("ie. that", None);
        check("Ab) mixed", None);
        check("", None);
    }
}
