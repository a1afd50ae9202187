//! Edits that change no text: typographic variants, whitespace, paragraph
//! breaks and reflowed lines. Tokens keep their ids (a re-typed word is the
//! same word).

use crate::build::{unwrap, wrap};
use crate::doc::{Tok, Unit};

/// One typographic variant of one token (or of the space after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Apostrophe,
    StraightApostrophe,
    Quotes,
    StraightQuotes,
    NoBreakHyphen,
    Hyphen,
    EnDash,
    DashBetweenNumbers,
    NoBreakSpace,
    Space,
}

/// The variants `tok` (at `index` of a unit of `len` tokens) allows.
fn variants(tok: &Tok) -> Vec<Variant> {
    let text = tok.text.as_str();
    let mut out = Vec::new();
    let mut add = |cond: bool, variant| {
        if cond {
            out.push(variant);
        }
    };
    add(text.contains('\''), Variant::Apostrophe);
    add(text.contains('\u{2019}'), Variant::StraightApostrophe);
    add(text.contains('"'), Variant::Quotes);
    add(text.contains(['\u{201C}', '\u{201D}']), Variant::StraightQuotes);
    add(between(text, '-', char::is_alphabetic), Variant::NoBreakHyphen);
    add(text.contains('\u{2011}'), Variant::Hyphen);
    add(between(text, '-', |c| c.is_ascii_digit()), Variant::EnDash);
    add(between(text, '\u{2013}', |c| c.is_ascii_digit()), Variant::DashBetweenNumbers);
    add(tok.space == " ", Variant::NoBreakSpace);
    add(tok.space == "\u{a0}", Variant::Space);
    out
}

/// `true` when `mark` stands in `text` between two characters passing `side`.
fn between(text: &str, mark: char, side: fn(char) -> bool) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).any(|w| w[1] == mark && side(w[0]) && side(w[2]))
}

fn apply(tok: &mut Tok, variant: Variant) {
    let text = &mut tok.text;
    match variant {
        Variant::Apostrophe => *text = text.replace('\'', "\u{2019}"),
        Variant::StraightApostrophe => *text = text.replace('\u{2019}', "'"),
        Variant::Quotes => *text = curl_quotes(text),
        Variant::StraightQuotes => *text = text.replace(['\u{201C}', '\u{201D}'], "\""),
        Variant::NoBreakHyphen => *text = swap_between(text, '-', '\u{2011}', char::is_alphabetic),
        Variant::Hyphen => *text = text.replace('\u{2011}', "-"),
        Variant::EnDash => *text = swap_between(text, '-', '\u{2013}', |c| c.is_ascii_digit()),
        Variant::DashBetweenNumbers => {
            *text = swap_between(text, '\u{2013}', '-', |c| c.is_ascii_digit());
        }
        Variant::NoBreakSpace => tok.space = "\u{a0}".to_string(),
        Variant::Space => tok.space = " ".to_string(),
    }
}

/// Straight double quotes as curly ones: opening at the start, closing elsewhere.
fn curl_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let opening = previous.is_none_or(|p| !p.is_alphanumeric() && p != '.' && p != ',');
        out.push(match c {
            '"' if opening => '\u{201C}',
            '"' => '\u{201D}',
            _ => c,
        });
        previous = Some(c);
    }
    out
}

fn swap_between(text: &str, from: char, to: char, side: fn(char) -> bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 2);
    for (at, &c) in chars.iter().enumerate() {
        let inside = at > 0 && at + 1 < chars.len() && side(chars[at - 1]) && side(chars[at + 1]);
        out.push(if c == from && inside { to } else { c });
    }
    out
}

/// Applies one to three typographic variants; `false` when none applies.
pub fn typography(unit: &mut Unit, rng: &mut fastrand::Rng) -> bool {
    let last = unit.toks.len().saturating_sub(1);
    let mut choices: Vec<(usize, Variant)> = Vec::new();
    for (index, tok) in unit.toks.iter().enumerate() {
        let spaces_ok = index < last;
        for variant in variants(tok) {
            let on_space = matches!(variant, Variant::NoBreakSpace | Variant::Space);
            if spaces_ok || !on_space {
                choices.push((index, variant));
            }
        }
    }
    // Prefer the rarer variants: characters first, then spaces.
    let (chars, spaces): (Vec<_>, Vec<_>) = choices
        .into_iter()
        .partition(|(_, v)| !matches!(v, Variant::NoBreakSpace | Variant::Space));
    let pool = if chars.is_empty() || rng.usize(..4) == 0 { spaces } else { chars };
    if pool.is_empty() {
        return false;
    }
    let count = rng.usize(1..=3).min(pool.len());
    let mut used = Vec::new();
    for _ in 0..count {
        let (index, variant) = pool[rng.usize(..pool.len())];
        if !used.contains(&index) {
            apply(&mut unit.toks[index], variant);
            used.push(index);
        }
    }
    true
}

/// One change of whitespace only: a double space or a tab between words, a
/// tab or a line break after the label, spaces at the end of the line or
/// before the next paragraph. `false` when none applies.
pub fn whitespace(unit: &mut Unit, rng: &mut fastrand::Rng) -> bool {
    let last = unit.toks.len().saturating_sub(1);
    let spaces: Vec<usize> = (0..last).filter(|&i| unit.toks[i].space == " ").collect();
    match rng.usize(..6) {
        0 | 1 if !spaces.is_empty() => {
            let at = spaces[rng.usize(..spaces.len())];
            unit.toks[at].space = if rng.bool() { "  " } else { "\t" }.to_string();
        }
        2 if unit.labelled => {
            unit.sep = if unit.sep == "\t" { " " } else { "\t" }.to_string();
        }
        3 if unit.labelled && unit.sep != "\n" => unit.sep = "\n".to_string(),
        4 if unit.after.ends_with('\n') => unit.after.push_str("   "),
        _ if !unit.after.starts_with(' ') && unit.after.starts_with('\n') => {
            unit.after.insert(0, ' ');
        }
        _ => return false,
    }
    true
}

/// A blank line added after the unit, or removed when `next_labelled` (the
/// next paragraph starts with a label, so it still starts a paragraph).
pub fn paragraph_break(unit: &mut Unit, next_labelled: bool, rng: &mut fastrand::Rng) -> bool {
    if unit.after != "\n\n" {
        return false;
    }
    unit.after = if next_labelled && rng.bool() { "\n" } else { "\n\n\n" }.to_string();
    true
}

/// Moves the line breaks inside the unit: wraps it at another column, or
/// unwraps it. `false` when the lines came out the same.
pub fn reflow(unit: &mut Unit, rng: &mut fastrand::Rng) -> bool {
    let before: Vec<String> = unit.toks.iter().map(|t| t.space.clone()).collect();
    let wrapped = before.iter().any(|s| s == "\n");
    if wrapped && rng.bool() {
        unwrap(&mut unit.toks);
    } else {
        wrap(&mut unit.toks, rng.usize(30..80));
    }
    unit.toks.iter().zip(&before).any(|(t, s)| t.space != *s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Ids, UnitKind};
    use crate::norm::fold;
    use crate::texts::words;

    #[test]
    fn variants_fold_back_to_the_text() {
        let mut tok = Ids::default().tok("ITU's \"High-Level\" 2016-2019");
        for variant in [Variant::Apostrophe, Variant::Quotes, Variant::NoBreakHyphen] {
            apply(&mut tok, variant);
        }
        apply(&mut tok, Variant::EnDash);
        assert_eq!(tok.text, "ITU\u{2019}s \u{201C}High\u{2011}Level\u{201D} 2016\u{2013}2019");
        assert_eq!(fold(&tok.text), "ITU's \"High-Level\" 2016-2019");
    }

    #[test]
    fn typography_always_finds_a_variant_in_a_sentence() {
        let mut rng = fastrand::Rng::with_seed(1);
        let mut ids = Ids::default();
        let mut unit = ids.unit(UnitKind::Provision, &words("to take measures;"), "\n");
        let before = unit.clone();
        assert!(typography(&mut unit, &mut rng));
        assert_ne!(unit, before);
    }
}
