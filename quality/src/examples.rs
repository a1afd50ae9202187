//! Examples of failures, kept short: the old and new texts involved and
//! what redline showed, per scenario and kind of failure.

use redline::model::{Entry, Op, Role};
use std::collections::BTreeMap;

/// The longest snippet of a text kept in an example, in characters.
const SNIPPET_CHARS: usize = 240;

/// One failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The scenario it was seen in.
    pub scenario: String,
    /// What went wrong, as a category (`MOD shown as SUP + ADD` ...).
    pub category: String,
    /// The old unit's text (empty for an added one).
    pub old: String,
    /// The new unit's text (empty for a suppressed one).
    pub new: String,
    /// What redline showed.
    pub shown: String,
}

impl Example {
    fn weight(&self) -> usize {
        self.old.len() + self.new.len() + self.shown.len()
    }
}

/// A text on one line, cut in the middle when long.
pub fn snippet(text: &str) -> String {
    let flat: String = text.trim().chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
    let count = flat.chars().count();
    if count <= SNIPPET_CHARS {
        return flat;
    }
    let head: String = flat.chars().take(SNIPPET_CHARS / 2).collect();
    let tail: String = flat.chars().skip(count - SNIPPET_CHARS / 2).collect();
    format!("{head} … {tail}")
}

/// An entry as `~~deleted~~` and `++inserted++` text (layout and typography as the new text).
pub fn markup(entry: &Entry) -> String {
    let mut out = format!("{} ", entry.action.as_str());
    for span in &entry.spans {
        let visible = matches!(span.role, Role::Text | Role::Label);
        match (span.op, visible) {
            (Op::Equal, _) => out.push_str(&span.text),
            (Op::Delete, true) => out.push_str(&format!("~~{}~~", span.text)),
            (Op::Insert, true) => out.push_str(&format!("++{}++", span.text)),
            (Op::Insert, false) => out.push_str(&span.text),
            (Op::Delete, false) => {}
        }
    }
    snippet_around_changes(&out)
}

/// A marked-up text cut to the part around its first and last marks.
fn snippet_around_changes(text: &str) -> String {
    let flat = snippet_flat(text);
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= SNIPPET_CHARS * 2 {
        return flat;
    }
    let marks: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&i| matches!((chars[i], chars[i + 1]), ('~', '~') | ('+', '+')))
        .collect();
    let (Some(&first), Some(&last)) = (marks.first(), marks.last()) else {
        return snippet(&flat);
    };
    let start = first.saturating_sub(80);
    let end = (last + 80).min(chars.len());
    let body: String = chars[start..end].iter().collect();
    format!(
        "{}{body}{}",
        if start > 0 { "… " } else { "" },
        if end < chars.len() { " …" } else { "" }
    )
}

fn snippet_flat(text: &str) -> String {
    text.trim().chars().map(|c| if c == '\n' { '⏎' } else { c }).collect()
}

/// Keeps the shortest examples of each scenario and category.
#[derive(Debug, Clone, Default)]
pub struct Collector {
    kept: BTreeMap<(String, String), Vec<Example>>,
    seen: BTreeMap<(String, String), usize>,
    per_kind: usize,
}

impl Collector {
    /// A collector keeping `per_kind` examples of each scenario and category.
    pub fn new(per_kind: usize) -> Self {
        Collector { kept: BTreeMap::new(), seen: BTreeMap::new(), per_kind }
    }

    /// Takes `examples` seen in `scenario`.
    pub fn add(&mut self, scenario: &str, examples: Vec<Example>) {
        for mut example in examples {
            example.scenario = scenario.to_string();
            let key = (example.scenario.clone(), example.category.clone());
            *self.seen.entry(key.clone()).or_default() += 1;
            let kept = self.kept.entry(key).or_default();
            kept.push(example);
            kept.sort_by_key(Example::weight);
            kept.truncate(self.per_kind);
        }
    }

    /// Per scenario and category: how often it was seen, and the examples kept.
    pub fn kinds(&self) -> impl Iterator<Item = (&(String, String), usize, &[Example])> {
        self.kept.iter().map(|(key, examples)| (key, self.seen[key], examples.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_snippets_are_cut_in_the_middle() {
        let text = "word ".repeat(200);
        let cut = snippet(&text);
        assert!(cut.contains(" … ") && cut.chars().count() < SNIPPET_CHARS + 10);
        assert_eq!(snippet("a\nb"), "a⏎b");
    }

    #[test]
    fn the_shortest_examples_are_kept() {
        let mut collector = Collector::new(1);
        let example = |old: &str| Example {
            scenario: String::new(),
            category: "c".into(),
            old: old.into(),
            new: String::new(),
            shown: String::new(),
        };
        collector.add("s", vec![example("long text"), example("short")]);
        let kinds: Vec<_> = collector.kinds().collect();
        assert_eq!(kinds.len(), 1);
        assert_eq!(kinds[0].1, 2);
        assert_eq!(kinds[0].2[0].old, "short");
    }
}
