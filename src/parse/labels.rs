//! Provision labels (`a)`, `(a)`, `1`, `1.`, `iv)`, `–` ...) and the ways each can be counted.
//!
//! Besides Latin letters and digits, labels may be written in the letters
//! of other scripts, closed by `)`: Arabic letters in abjad order (`أ)`,
//! `ب)`, `ج)`, `د)` ...) and Cyrillic letters (`а)`, `б)`, `в)` ...); in
//! Arabic-Indic digits (`١)`); or as Chinese numerals (`一、`, `（二）`), with
//! full-width parentheses and the enumeration comma `、`, which need no
//! white space after them.
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
        .or_else(|| native(rest))
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

/// `(a)`, `(iv)`, `(12)`, `（一）`, `(أ)`: no separator needed after the
/// closing parenthesis (full-width or not).
fn parenthesised(rest: &str) -> Option<Shape> {
    let open = rest.chars().next().filter(|c| OPENING.contains(c))?;
    let inner = &rest[open.len_utf8()..];
    let (close, closer) =
        inner.char_indices().take(MAX_LETTERS + 1).find(|(_, c)| CLOSING.contains(c))?;
    let core = &inner[..close];
    let readings = core_readings(core, true).or_else(|| native_readings(core))?;
    Some((open.len_utf8() + close + closer.len_utf8(), readings, true))
}

/// Opening parentheses of a label: ASCII and full-width.
const OPENING: [char; 2] = ['(', '\u{FF08}'];

/// Closing parentheses of a label: ASCII and full-width.
const CLOSING: [char; 2] = [')', '\u{FF09}'];

/// The Chinese enumeration comma that closes a label (`一、`, `1、`).
const ENUMERATION_COMMA: char = '\u{3001}';

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
        Some(c) if c == ENUMERATION_COMMA || c == CLOSING[1] => digits + c.len_utf8(),
        _ if ends_token(after) => digits,
        _ => return None,
    };
    Some((len, readings, false))
}

/// A label in another script: letters or digits closed by `)` or `）`
/// (`أ)`, `в)`, `١)`), Chinese numerals or digits closed by `、` (`一、`), or
/// digits followed by white space (`١ `).
fn native(rest: &str) -> Option<Shape> {
    let core_len: usize = rest
        .chars()
        .take_while(|&c| native_class(c).is_some())
        .take(MAX_LETTERS + 1)
        .map(char::len_utf8)
        .sum();
    let core = &rest[..core_len];
    let readings = native_readings(core)?;
    let after = &rest[core_len..];
    let numeric = readings[0].kind != LabelKind::Letter;
    let len = match after.chars().next() {
        Some(c) if CLOSING.contains(&c) => core_len + c.len_utf8(),
        Some(c) if c == ENUMERATION_COMMA && numeric => core_len + c.len_utf8(),
        _ if numeric && readings[0].kind == LabelKind::Number && ends_token(after) => core_len,
        _ => return None,
    };
    Some((len, readings, false))
}

/// The scripts a label may be written in besides ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NativeClass {
    Arabic,
    Cyrillic,
    Chinese,
    Digit,
}

/// The class of a character of a label in another script; tatweel belongs
/// to Arabic letters (`هـ)`).
fn native_class(c: char) -> Option<NativeClass> {
    if ABJAD.contains(&c) || c == TATWEEL || c == '\u{0627}' {
        Some(NativeClass::Arabic)
    } else if CYRILLIC.contains(&c.to_lowercase().next().unwrap_or(c)) {
        Some(NativeClass::Cyrillic)
    } else if chinese_digit(c).is_some() || c == '\u{5341}' {
        Some(NativeClass::Chinese)
    } else {
        native_digit(c).map(|_| NativeClass::Digit)
    }
}

/// The reading of a label core in another script: one Arabic or Cyrillic
/// letter, a Chinese numeral from 1 to 99, or digits of one non-ASCII script.
fn native_readings(core: &str) -> Option<Vec<Reading>> {
    let first = native_class(core.chars().next()?)?;
    let reading = match first {
        NativeClass::Arabic => single_letter(&core.replace(TATWEEL, ""), &ABJAD, Some('\u{0627}')),
        NativeClass::Cyrillic => single_letter(&core.to_lowercase(), &CYRILLIC, None),
        NativeClass::Chinese => chinese_value(core)
            .map(|value| Reading { kind: LabelKind::Ideographic, ordinal: Some(value) }),
        NativeClass::Digit => native_number(core),
    }?;
    Some(vec![reading])
}

/// A single letter of `alphabet` (or `alias`, read as its first letter), counted in its order.
fn single_letter(core: &str, alphabet: &[char], alias: Option<char>) -> Option<Reading> {
    let mut chars = core.chars();
    let (letter, None) = (chars.next()?, chars.next()) else { return None };
    let letter = if Some(letter) == alias { alphabet[0] } else { letter };
    let position = alphabet.iter().position(|&c| c == letter)?;
    Some(Reading { kind: LabelKind::Letter, ordinal: Some(position as u32 + 1) })
}

/// Arabic tatweel, which may stretch a letter label (`هـ)`).
const TATWEEL: char = '\u{0640}';

/// Arabic letters in abjad order, the order of lettered lists in Arabic
/// texts: أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ.
const ABJAD: [char; 28] = [
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

/// Cyrillic letters in the order of lettered lists in Russian texts
/// (the alphabet without ё, й, ъ, ы and ь).
const CYRILLIC: [char; 28] = [
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
];

/// The value of a Chinese digit from 1 to 9 (`一` ... `九`).
fn chinese_digit(c: char) -> Option<u32> {
    let digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    digits.iter().position(|&d| d == c).map(|at| at as u32 + 1)
}

/// The value of a Chinese numeral from 1 to 99: `三`, `十`, `十二`, `二十`, `二十三`.
fn chinese_value(core: &str) -> Option<u32> {
    let chars: Vec<char> = core.chars().collect();
    let ten = '\u{5341}';
    match chars.as_slice() {
        [t] if *t == ten => Some(10),
        [d] => chinese_digit(*d),
        [t, d] if *t == ten => Some(10 + chinese_digit(*d)?),
        [d, t] if *t == ten => Some(10 * chinese_digit(*d)?),
        [d, t, u] if *t == ten => Some(10 * chinese_digit(*d)? + chinese_digit(*u)?),
        _ => None,
    }
}

/// The value of a digit of a non-ASCII script: Arabic-Indic (`٣`), Eastern
/// Arabic-Indic (`۳`) and full-width (`３`).
fn native_digit(c: char) -> Option<u32> {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    Some(c as u32 - zero as u32)
}

/// A number written in the digits of one non-ASCII script, at most 3 of them.
fn native_number(core: &str) -> Option<Reading> {
    let digits: Vec<u32> = core.chars().map(native_digit).collect::<Option<_>>()?;
    if digits.is_empty() || digits.len() > MAX_DIGITS {
        return None;
    }
    let value = digits.iter().fold(0, |value, digit| value * 10 + digit);
    Some(Reading { kind: LabelKind::Number, ordinal: Some(value) })
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
    fn arabic_letters_count_in_abjad_order() {
        check("أ) بالقرار", Some(("أ)", &[(Letter, Some(1))])));
        check("ب)\tالنص", Some(("ب)", &[(Letter, Some(2))])));
        check("ج) النص", Some(("ج)", &[(Letter, Some(3))])));
        check("د) النص", Some(("د)", &[(Letter, Some(4))])));
        check("هـ) النص", Some(("هـ)", &[(Letter, Some(5))])));
        check("ي) النص", Some(("ي)", &[(Letter, Some(10))])));
        check("(ك) النص", Some(("(ك)", &[(Letter, Some(11))])));
        check("غ) النص", Some(("غ)", &[(Letter, Some(28))])));
        check("١) النص", Some(("١)", &[(Number, Some(1))])));
        check("١٢ النص", Some(("١٢", &[(Number, Some(12))])));
        check("و النص", None);
        check("في) النص", None);
    }

    #[test]
    fn cyrillic_letters() {
        check("а) что", Some(("а)", &[(Letter, Some(1))])));
        check("б) что", Some(("б)", &[(Letter, Some(2))])));
        check("в) что", Some(("в)", &[(Letter, Some(3))])));
        check("и) что", Some(("и)", &[(Letter, Some(9))])));
        check("к) что", Some(("к)", &[(Letter, Some(10))])));
        check("(Г) что", Some(("(Г)", &[(Letter, Some(4))])));
        check("в целях", None);
    }

    #[test]
    fn chinese_numerals_and_full_width_forms() {
        check("一、实施", Some(("一、", &[(Ideographic, Some(1))])));
        check("（二）数字", Some(("（二）", &[(Ideographic, Some(2))])));
        check("十二、实施", Some(("十二、", &[(Ideographic, Some(12))])));
        check("二十三、实施", Some(("二十三、", &[(Ideographic, Some(23))])));
        check("1、继续", Some(("1、", &[(Number, Some(1))])));
        check("（1）继续", Some(("（1）", &[(Number, Some(1))])));
        check("2）继续", Some(("2）", &[(Number, Some(2))])));
        check("（a）继续", Some(("（a）", &[(Letter, Some(1))])));
        check("一些国家", None);
        check("一 实施", None);
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
