//! Automatic numbering: `w:numPr` resolved through `word/numbering.xml` into
//! the label Word shows (`a)`, `1`, `1.1`, `iv)`, `–`).
//!
//! Counters belong to the abstract numbering, so two lists sharing one
//! continue each other, as in Word; a `w:num` with `w:startOverride` restarts
//! its levels the first time it is used. Using a level resets the levels
//! below it, unless their `w:lvlRestart` says otherwise.

use super::styles::{NumRef, Styles};
use super::xml::{is_w, on_off, w_attr, w_child, w_val};
use roxmltree::Node;
use std::collections::{HashMap, HashSet};

/// Levels of a list (`w:ilvl` 0 to 8).
pub const LEVELS: usize = 9;

/// Longest level text read (Word allows 255 characters): a label is written
/// on every numbered paragraph, so a long one must not multiply the text.
const MAX_LEVEL_TEXT: usize = 255;

/// Largest value written in letters (`zz)` is 52); beyond, digits.
const MAX_LETTER_VALUE: u32 = 26 * 8;
/// Largest value written in roman numerals; beyond, digits.
const MAX_ROMAN_VALUE: u32 = 3999;

/// How a level writes its number (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `1`, `2` (also every format redline does not know).
    Decimal,
    /// `01`, `02`.
    DecimalZero,
    /// `a`, `b` ... `z`, `aa`.
    LowerLetter,
    /// `A`, `B`.
    UpperLetter,
    /// `i`, `ii`.
    LowerRoman,
    /// `I`, `II`.
    UpperRoman,
    /// The level text is a bullet.
    Bullet,
    /// No number.
    None,
}

impl Format {
    fn parse(value: &str) -> Format {
        match value {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }

    /// The number `value` written in this format.
    pub fn write(self, value: u32) -> String {
        match self {
            Format::LowerLetter if (1..=MAX_LETTER_VALUE).contains(&value) => letters(value),
            Format::UpperLetter if (1..=MAX_LETTER_VALUE).contains(&value) => {
                letters(value).to_uppercase()
            }
            Format::LowerRoman if (1..=MAX_ROMAN_VALUE).contains(&value) => roman(value),
            Format::UpperRoman if (1..=MAX_ROMAN_VALUE).contains(&value) => {
                roman(value).to_uppercase()
            }
            Format::DecimalZero if value < 10 => format!("0{value}"),
            Format::None | Format::Bullet => String::new(),
            _ => value.to_string(),
        }
    }
}

/// Word's letters: `a` ... `z`, then `aa`, `bb` ... (the letter repeated).
fn letters(value: u32) -> String {
    let letter = char::from(b'a' + ((value - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((value - 1) / 26 + 1) as usize).collect()
}

fn roman(mut value: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (step, numeral) in NUMERALS {
        while value >= step {
            out.push_str(numeral);
            value -= step;
        }
    }
    out
}

/// What follows the label (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    /// A tab (Word's default).
    Tab,
    /// A space.
    Space,
    /// Nothing.
    Nothing,
}

impl Suffix {
    /// The text written after the label: a space stands for "nothing" too, so
    /// that the label stays a label for the text parser.
    pub fn text(self) -> &'static str {
        match self {
            Suffix::Tab => "\t",
            Suffix::Space | Suffix::Nothing => " ",
        }
    }
}

/// One level of a list (`w:lvl`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    start: u32,
    format: Format,
    text: String,
    suffix: Suffix,
    restart: Option<u32>,
    legal: bool,
    style: Option<String>,
}

fn level(node: Node) -> Level {
    let number = |name| w_val(node, name).and_then(|v| v.trim().parse::<u32>().ok());
    Level {
        start: number("start").unwrap_or(0),
        format: w_val(node, "numFmt").map_or(Format::Decimal, Format::parse),
        text: w_val(node, "lvlText").unwrap_or_default().chars().take(MAX_LEVEL_TEXT).collect(),
        suffix: match w_val(node, "suff") {
            Some("space") => Suffix::Space,
            Some("nothing") => Suffix::Nothing,
            _ => Suffix::Tab,
        },
        restart: number("lvlRestart"),
        legal: on_off(node, "isLgl").unwrap_or(false),
        style: w_val(node, "pStyle").map(str::to_string),
    }
}

fn level_index(node: Node) -> Option<usize> {
    w_attr(node, "ilvl")?.trim().parse::<usize>().ok().filter(|&index| index < LEVELS)
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: u32,
    starts: [Option<u32>; LEVELS],
    levels: [Option<Level>; LEVELS],
}

/// A label Word shows before a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoLabel {
    /// The label (`a)`, `1.2`, `•`).
    pub text: String,
    /// What follows it.
    pub suffix: Suffix,
    /// The `w:numId` it came from.
    pub num_id: u32,
    /// The level (`w:ilvl`).
    pub level: u8,
}

/// The numbering definitions of a document, and the counters as paragraphs go by.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    pending: HashMap<u32, [Option<u32>; LEVELS]>,
    used: HashSet<u32>,
}

impl Numbering {
    /// Reads the `w:numbering` root.
    pub fn read(root: Node) -> Numbering {
        let mut numbering = Numbering::default();
        for node in root.children() {
            let id = |name| w_attr(node, name).and_then(|v| v.trim().parse::<u32>().ok());
            if is_w(node, "abstractNum") {
                if let Some(id) = id("abstractNumId") {
                    numbering.abstracts.insert(id, abstract_num(node));
                }
            } else if is_w(node, "num") {
                if let Some(id) = id("numId") {
                    numbering.nums.insert(id, num(node));
                }
            }
        }
        numbering
    }

    /// The label of the next paragraph numbered `reference` (already merged
    /// with its style's), advancing the counters; `None` for no label.
    pub fn next_label(
        &mut self,
        reference: NumRef,
        style: Option<&str>,
        styles: &Styles,
    ) -> Option<AutoLabel> {
        let num_id = reference.num_id.filter(|&id| id != 0)?;
        let abstract_id = self.abstract_of(num_id, styles)?;
        let level = match reference.level {
            Some(level) => usize::from(level),
            None => self.level_of_style(num_id, abstract_id, style).unwrap_or(0),
        };
        self.start_num(num_id, abstract_id);
        let definition = self.level(num_id, abstract_id, level)?;
        self.advance(num_id, abstract_id, level);
        let text = self.label_text(num_id, abstract_id, &definition)?;
        Some(AutoLabel { text, suffix: definition.suffix, num_id, level: level as u8 })
    }

    /// The abstract numbering of `num_id`, following a style link once.
    fn abstract_of(&self, num_id: u32, styles: &Styles) -> Option<u32> {
        let id = self.nums.get(&num_id)?.abstract_id;
        let linked = self.abstracts.get(&id)?.style_link.as_deref();
        let Some(link) = linked else { return Some(id) };
        let target = styles.numbering(link)?.num_id?;
        let target = self.nums.get(&target)?.abstract_id;
        self.abstracts.contains_key(&target).then_some(target)
    }

    fn level_of_style(&self, num_id: u32, abstract_id: u32, style: Option<&str>) -> Option<usize> {
        let style = style?;
        (0..LEVELS).find(|&level| {
            self.level(num_id, abstract_id, level)
                .is_some_and(|definition| definition.style.as_deref() == Some(style))
        })
    }

    fn level(&self, num_id: u32, abstract_id: u32, level: usize) -> Option<Level> {
        let overridden = self.nums.get(&num_id).and_then(|num| num.levels[level].clone());
        overridden.or_else(|| self.abstracts.get(&abstract_id)?.levels[level].clone())
    }

    fn start(&self, num_id: u32, abstract_id: u32, level: usize) -> u32 {
        let overridden = self.nums.get(&num_id).and_then(|num| num.starts[level]);
        overridden
            .or_else(|| self.level(num_id, abstract_id, level).map(|definition| definition.start))
            .unwrap_or(0)
    }

    /// The first use of a `w:num` with start overrides restarts those levels.
    fn start_num(&mut self, num_id: u32, abstract_id: u32) {
        if !self.used.insert(num_id) {
            return;
        }
        let Some(num) = self.nums.get(&num_id) else { return };
        let pending = self.pending.entry(abstract_id).or_default();
        for (level, start) in num.starts.iter().enumerate() {
            if let Some(start) = start {
                pending[level] = Some(*start);
            }
        }
    }

    fn advance(&mut self, num_id: u32, abstract_id: u32, level: usize) {
        let start = self.start(num_id, abstract_id, level);
        let restarts: Vec<bool> = (0..LEVELS)
            .map(|deeper| {
                let restart = self.level(num_id, abstract_id, deeper).and_then(|d| d.restart);
                deeper > level && restart.is_none_or(|after| after != 0 && level < after as usize)
            })
            .collect();
        let pending = self.pending.entry(abstract_id).or_default()[level].take();
        let counters = self.counters.entry(abstract_id).or_default();
        counters[level] = Some(match (pending, counters[level]) {
            (Some(restart), _) => restart,
            (None, Some(value)) => value.saturating_add(1),
            (None, None) => start,
        });
        for (deeper, restart) in restarts.into_iter().enumerate() {
            if restart {
                counters[deeper] = None;
            }
        }
    }

    fn label_text(&self, num_id: u32, abstract_id: u32, definition: &Level) -> Option<String> {
        if definition.format == Format::Bullet {
            return bullet(&definition.text);
        }
        let counters = self.counters.get(&abstract_id).copied().unwrap_or_default();
        let mut text = String::new();
        let mut chars = definition.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(n)) => {
                    chars.next();
                    let level = n as usize - 1;
                    let value =
                        counters[level].unwrap_or_else(|| self.start(num_id, abstract_id, level));
                    let format = match self.level(num_id, abstract_id, level) {
                        Some(_) if definition.legal => Format::Decimal,
                        Some(other) => other.format,
                        None => Format::Decimal,
                    };
                    text.push_str(&format.write(value));
                }
                _ => text.push(c),
            }
        }
        let text = text.trim().to_string();
        (!text.is_empty()).then_some(text)
    }
}

fn abstract_num(node: Node) -> Abstract {
    let mut result = Abstract {
        style_link: w_val(node, "numStyleLink").map(str::to_string),
        ..Abstract::default()
    };
    for lvl in node.children().filter(|child| is_w(*child, "lvl")) {
        if let Some(index) = level_index(lvl) {
            result.levels[index] = Some(level(lvl));
        }
    }
    result
}

fn num(node: Node) -> Num {
    let abstract_id =
        w_val(node, "abstractNumId").and_then(|v| v.trim().parse().ok()).unwrap_or(u32::MAX);
    let mut result = Num { abstract_id, ..Num::default() };
    for over in node.children().filter(|child| is_w(*child, "lvlOverride")) {
        let Some(index) = level_index(over) else { continue };
        result.starts[index] = w_val(over, "startOverride").and_then(|v| v.trim().parse().ok());
        result.levels[index] = w_child(over, "lvl").map(level);
    }
    result
}

/// A bullet as the text parser knows bullets: Symbol and Wingdings glyphs
/// (private-use characters) become `•` or `▪`; a blank bullet is no label.
fn bullet(text: &str) -> Option<String> {
    let mapped: String = text.trim().chars().map(bullet_char).collect();
    (!mapped.is_empty()).then_some(mapped)
}

fn bullet_char(c: char) -> char {
    match c {
        '\u{F0A7}' | '\u{F06E}' | '\u{F0A8}' => '▪',
        '\u{F02D}' => '-',
        '\u{F0BE}' => '—',
        'o' => '◦',
        '\u{F000}'..='\u{F0FF}' => '•',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let check = |format: Format, values: &[u32], expected: &[&str]| {
            let written: Vec<String> = values.iter().map(|&v| format.write(v)).collect();
            assert_eq!(written, expected, "{format:?}");
        };
        check(Format::LowerLetter, &[1, 26, 27, 28, 53], &["a", "z", "aa", "bb", "aaa"]);
        check(Format::UpperLetter, &[3, 1000], &["C", "1000"]);
        check(
            Format::LowerRoman,
            &[1, 4, 9, 14, 39, 4000],
            &["i", "iv", "ix", "xiv", "xxxix", "4000"],
        );
        check(Format::UpperRoman, &[12], &["XII"]);
        check(Format::DecimalZero, &[3, 12], &["03", "12"]);
        check(Format::Decimal, &[0, u32::MAX], &["0", "4294967295"]);
        check(Format::None, &[1], &[""]);
    }

    #[test]
    fn bullets_become_parser_bullets() {
        assert_eq!(bullet("\u{F0B7}").as_deref(), Some("•"));
        assert_eq!(bullet("\u{F0A7}").as_deref(), Some("▪"));
        assert_eq!(bullet("–").as_deref(), Some("–"));
        assert_eq!(bullet(" "), None);
    }
}
