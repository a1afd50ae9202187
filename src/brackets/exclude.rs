//! Which balanced brackets are not negotiation text: references and export leftovers.
//!
//! A pair of brackets is *not* negotiation text when its content, trimmed, is
//! one of:
//! - a footnote or reference number: one to three digits (`[1]`, `[12]`),
//!   ASCII or superscript (`[⁴]`);
//! - reference symbols only: `*`, `†`, `‡`, `§`, `¶`, `#` (`[*]`, `[†]`);
//! - an editorial mark: `sic` or `sic!` (any case), or an elision `...` / `…`;
//! - a Word-export artefact that the parser did not mark: `bookmark:` and a name.
//!
//! Everything else is negotiation text, including a single letter (`[a]` can
//! be an article offered as an alternative, `[a][the]`) and empty brackets
//! (`[ ]`, a blank left to be filled in).

/// `true` when the text between a `[` and its `]` makes it a reference, not negotiation text.
pub fn is_reference(inner: &str) -> bool {
    let inner = inner.trim();
    is_number(inner) || is_symbols(inner) || is_editorial(inner) || is_bookmark(inner)
}

fn is_number(inner: &str) -> bool {
    // Three superscript digits take nine bytes; anything longer is text.
    if inner.len() > 9 {
        return false;
    }
    let count = inner.chars().count();
    (1..=3).contains(&count) && inner.chars().all(|c| c.is_ascii_digit() || is_superscript(c))
}

fn is_superscript(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹')
}

fn is_symbols(inner: &str) -> bool {
    !inner.is_empty() && inner.chars().all(|c| matches!(c, '*' | '†' | '‡' | '§' | '¶' | '#'))
}

fn is_editorial(inner: &str) -> bool {
    ["sic", "sic!", "...", "…"].iter().any(|mark| inner.eq_ignore_ascii_case(mark))
}

fn is_bookmark(inner: &str) -> bool {
    inner.get(..9).is_some_and(|head| head.eq_ignore_ascii_case("bookmark:"))
}

#[cfg(test)]
mod tests {
    use super::is_reference;

    fn check(inner: &str, expected: bool) {
        assert_eq!(is_reference(inner), expected, "{inner:?}");
    }

    #[test]
    fn footnote_numbers_are_references() {
        check("1", true);
        check(" 12 ", true);
        check("⁴", true);
        check("1234", false);
        check("1.5", false);
    }

    #[test]
    fn symbols_and_editorial_marks_are_references() {
        check("*", true);
        check("†‡", true);
        check("sic", true);
        check("Sic!", true);
        check("...", true);
        check("…", true);
    }

    #[test]
    fn bookmarks_are_artefacts() {
        check("bookmark: Signature", true);
        check("Bookmark: _Hlk142034137", true);
        check("bookmarks are fine", false);
    }

    #[test]
    fn words_letters_and_blanks_are_negotiation_text() {
        check("a", false);
        check("shall", false);
        check("not decided", false);
        check("", false);
        check(" ", false);
        check("1 and 2", false);
    }
}
