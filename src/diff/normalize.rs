//! Comparison keys: what counts as "the same text" when aligning and diffing.
//!
//! Two texts that differ only in layout (line breaks, runs of spaces) or in
//! typography (curly against straight quotes, no-break space against space,
//! non-breaking hyphen against hyphen, en dash against hyphen between numbers)
//! compare equal by default. `--strict` keeps typographic variants apart.
//!
//! The typography of each language counts too: guillemets (« », ‹ ›, „ “)
//! are quotes, full-width forms (`，` `（` `１`) their ASCII twins, Arabic
//! punctuation and digits (`،` `؛` `؟` `١`) the Latin ones, Arabic tatweel
//! and vowel marks nothing (`يقـرر` is `يقرر`), `ё` is `е`. French spacing (a
//! no-break space before `;` or inside « », or none) is layout: white space
//! added or removed is never a change of the text.
//!
//! # Invariants
//! - A key never depends on anything but the token and its neighbours' kinds:
//!   the same text always gives the same key.

use std::borrow::Cow;

/// How a variant of a character is folded for comparison; `None` keeps it,
/// `Some(None)` drops it (Arabic tatweel and vowel marks).
fn fold_char(c: char) -> Option<Option<char>> {
    let folded = match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{2039}' | '\u{203A}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}' => ' ',
        // Full-width forms of ASCII (`，` `（` `１`).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // Arabic punctuation and digits.
        '\u{060C}' => ',',
        '\u{061B}' => ';',
        '\u{061F}' => '?',
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x30).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + 0x30).unwrap_or(c),
        '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => return Some(None),
        '\u{0451}' => '\u{0435}',
        '\u{0401}' => '\u{0415}',
        _ => return None,
    };
    Some(Some(folded))
}

/// The text with typographic variants folded to their plain forms.
pub fn fold_typography(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| fold_char(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(|c| fold_char(c).unwrap_or(Some(c))).collect())
}

/// The comparison key of a whole text in one pass, with the tokens' rules:
/// whitespace runs collapse to one space (trimmed at both ends), typographic
/// variants fold (unless `strict`, where only ASCII whitespace collapses), and
/// an en dash between two digits is a hyphen. Texts with equal keys have
/// equal token keys throughout, so their word diff has no change of the text.
///
/// Borrowed when the text is its own key (printable ASCII with single spaces,
/// as most of a resolution is): nothing is copied.
pub fn comparison_key(text: &str, strict: bool) -> Cow<'_, str> {
    if plain_ascii_run(text.as_bytes()) == text.len() {
        return Cow::Borrowed(text);
    }
    let mut key = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut previous_digit = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Most of a resolution is ASCII words: copy each run of them at once.
        let run = plain_ascii_run(rest.as_bytes());
        if run > 0 {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.push_str(&rest[..run]);
            previous_digit = rest.as_bytes()[run - 1].is_ascii_digit();
            rest = &rest[run..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        let collapsible = if strict { c.is_ascii_whitespace() } else { c.is_whitespace() };
        if collapsible {
            pending_space = true;
            previous_digit = false;
            continue;
        }
        let folded = match c {
            _ if c.is_ascii() || strict => Some(c),
            '\u{2013}' if previous_digit && rest.starts_with(|n: char| n.is_ascii_digit()) => {
                Some('-')
            }
            _ => fold_char(c).unwrap_or(Some(c)),
        };
        let Some(folded) = folded else { continue };
        if pending_space && !key.is_empty() {
            key.push(' ');
        }
        pending_space = false;
        key.push(folded);
        previous_digit = c.is_ascii_digit();
    }
    Cow::Owned(key)
}

/// The length of the run at the start of `bytes` that a key copies
/// unchanged: printable ASCII, and single spaces between two such bytes
/// (a space alone is already collapsed). It never starts or ends on a space.
fn plain_ascii_run(bytes: &[u8]) -> usize {
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let single_space =
            byte == b' ' && at > 0 && bytes.get(at + 1).is_some_and(u8::is_ascii_graphic);
        if !(byte.is_ascii_graphic() || single_space) {
            break;
        }
        at += 1;
    }
    at
}

/// `true` for an en dash, which folds to a hyphen between two numbers.
pub fn is_en_dash(text: &str) -> bool {
    text == "\u{2013}"
}

/// `true` for text made only of whitespace, no-break spaces included.
pub fn is_space(text: &str) -> bool {
    !text.is_empty() && text.chars().all(char::is_whitespace)
}

/// `true` when two whitespace runs differ only by no-break against plain spaces.
pub fn spaces_differ_typographically(old: &str, new: &str) -> bool {
    old != new && fold_typography(old) == fold_typography(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_hyphens_and_spaces() {
        assert_eq!(fold_typography("ITU\u{2019}s \u{201C}x\u{201D}"), "ITU's \"x\"");
        assert_eq!(fold_typography("High\u{2011}Level"), "High-Level");
        assert_eq!(fold_typography("1158\u{a0}x"), "1158 x");
    }

    #[test]
    fn the_typography_of_each_language_folds() {
        assert_eq!(fold_typography("«\u{202F}rapport\u{202F}»"), "\" rapport \"");
        assert_eq!(fold_typography("（１）、"), "(1)、");
        assert_eq!(fold_typography("يقـرّر، ١٢"), "يقرر, 12");
        assert_eq!(fold_typography("всё"), "все");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(fold_typography("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn comparison_keys_collapse_layout_and_fold_typography() {
        let key = |text| comparison_key(text, false);
        assert_eq!(
            key("  ITU\u{2019}s\n role\u{a0}in 2003\u{2013}2005 \n"),
            "ITU's role in 2003-2005"
        );
        assert_eq!(key("a \u{2013} b"), "a \u{2013} b");
        assert_eq!(comparison_key("ITU\u{2019}s  x", true), "ITU\u{2019}s x");
    }

    /// The definition of a key, one character at a time: the fast path of
    /// [`comparison_key`] must give exactly this.
    fn key_by_chars(text: &str, strict: bool) -> String {
        let mut key = String::new();
        let (mut pending_space, mut previous_digit) = (false, false);
        let chars: Vec<char> = text.chars().collect();
        for (at, &c) in chars.iter().enumerate() {
            if if strict { c.is_ascii_whitespace() } else { c.is_whitespace() } {
                (pending_space, previous_digit) = (true, false);
                continue;
            }
            let digit_next = chars.get(at + 1).is_some_and(char::is_ascii_digit);
            let folded = match c {
                _ if c.is_ascii() || strict => Some(c),
                '\u{2013}' if previous_digit && digit_next => Some('-'),
                _ => fold_char(c).unwrap_or(Some(c)),
            };
            let Some(folded) = folded else { continue };
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.push(folded);
            previous_digit = c.is_ascii_digit();
        }
        key
    }

    proptest::proptest! {
        #[test]
        fn keys_are_the_same_as_character_by_character(
            text in "[a-z0-9 \t\n\x0b\x0c\r\x01\x7f\u{a0}\u{2013}\u{2019}\u{2011}\u{3000}\u{202F}«»，１\u{0640}\u{064E}١ё يé.-]{0,40}",
            strict: bool,
        ) {
            proptest::prop_assert_eq!(comparison_key(&text, strict), key_by_chars(&text, strict));
        }
    }

    #[test]
    fn spaces_differing_by_nbsp_are_typographic() {
        assert!(spaces_differ_typographically("\u{a0}", " "));
        assert!(!spaces_differ_typographically("\n", " "));
    }
}
