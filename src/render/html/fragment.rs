//! Spans to HTML fragments: which element, which classes, and the one place
//! where trusted markup (bold, italic) is built.
//!
//! # Invariants
//! - Input text reaches the page only as [`Fragment::text`], which askama
//!   escapes, or inside a [`Trusted`] value, which only [`emphasised`] builds:
//!   it escapes the text itself and passes the result through an `ammonia`
//!   allow-list of `<strong>` and `<em>` without attributes.
//! - Class names and element names come from fixed words, never from input.

use crate::model::{Op, Role, Span};
use std::collections::{HashMap, HashSet};

/// Markup that may be inserted unescaped; built only by [`emphasised`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trusted(String);

impl std::fmt::Display for Trusted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A run of text as one element of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// `del`, `ins`, `span`, or empty for bare text.
    pub tag: &'static str,
    /// Space-separated class names from a fixed vocabulary.
    pub class: String,
    /// The text, escaped by the template.
    pub text: String,
    /// Emphasised text as trusted markup, used instead of `text` when present.
    pub html: Option<Trusted>,
}

/// Which side of the spans a column shows (not [`crate::model::Side`], a revision), and whether changes are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Both sides with marks: deletions struck, insertions underlined.
    Both,
    /// The old text, deletions struck.
    Old,
    /// The new text, insertions underlined.
    New,
    /// The new text without any change mark.
    Clean,
}

/// The fragments of `spans` as seen from `side`, whitespace at both ends trimmed.
pub fn fragments(spans: &[Span], side: Column) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    for span in spans.iter().filter(|span| !span.emphasis.delimiter) {
        if let Some(tag) = tag_for(span, side) {
            push_merged(&mut out, fragment(span, tag));
        }
    }
    trim(&mut out);
    out
}

/// The element a span becomes from `side`, or `None` if it is not shown.
fn tag_for(span: &Span, side: Column) -> Option<&'static str> {
    let quiet = matches!(span.role, Role::Layout | Role::Typographic);
    match (span.op, side) {
        (Op::Equal, _) => Some(""),
        (Op::Delete, Column::New | Column::Clean) | (Op::Insert, Column::Old) => None,
        (Op::Insert, Column::Clean) => Some(""),
        (Op::Delete, Column::Both) if quiet => None,
        (Op::Delete, _) if quiet => Some(""),
        (Op::Insert, _) if quiet => Some(""),
        (Op::Delete, _) => Some("del"),
        (Op::Insert, _) => Some("ins"),
    }
}

fn fragment(span: &Span, tag: &'static str) -> Fragment {
    let label = span.role == Role::Label && !tag.is_empty();
    let class = style_class(label, span.bracket_depth, span.emphasis.struck);
    let tag = if tag.is_empty() && !class.is_empty() { "span" } else { tag };
    let emphasis = span.emphasis;
    let html = (emphasis.bold || emphasis.italic)
        .then(|| emphasised(&span.text, emphasis.bold, emphasis.italic));
    Fragment { tag, class, text: span.text.clone(), html }
}

/// The classes of a run of text: a label, its bracket depth, struck in the source.
pub fn style_class(label: bool, bracket_depth: usize, struck: bool) -> String {
    let mut classes = Vec::new();
    if label {
        classes.push("label".to_string());
    }
    if bracket_depth > 0 {
        classes.push(format!("br br{}", bracket_depth.min(3)));
    }
    if struck {
        classes.push("struck".to_string());
    }
    classes.join(" ")
}

/// Escapes `text`, wraps it in `<strong>`/`<em>`, and sanitises the result
/// with an allow-list of exactly those two elements and no attributes.
pub fn emphasised(text: &str, bold: bool, italic: bool) -> Trusted {
    let escaped = askama::filters::escape(text, askama::filters::Html)
        .map(|safe| safe.to_string())
        .unwrap_or_default();
    let mut html = escaped;
    if italic {
        html = format!("<em>{html}</em>");
    }
    if bold {
        html = format!("<strong>{html}</strong>");
    }
    let clean = ammonia::Builder::empty()
        .tags(HashSet::from(["strong", "em"]))
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::new())
        .link_rel(None)
        .clean(&html)
        .to_string();
    Trusted(clean)
}

/// Appends `next`, joining it to the last fragment when both look the same.
/// White space joins an emphasised neighbour of the same look too, so that a
/// struck or underlined space never stands alone (where it would read as a
/// struck hyphen).
fn push_merged(out: &mut Vec<Fragment>, next: Fragment) {
    let blank = |fragment: &Fragment| fragment.html.is_none() && fragment.text.trim().is_empty();
    match out.last_mut() {
        Some(last) if last.tag == next.tag && last.class == next.class => {
            let last_blank = blank(last);
            match (&mut last.html, next.html) {
                (None, None) => last.text.push_str(&next.text),
                (Some(html), None) if next.text.trim().is_empty() => {
                    html.0.push_str(&next.text);
                    last.text.push_str(&next.text);
                }
                (None, Some(mut html)) if last_blank => {
                    html.0.insert_str(0, &last.text);
                    last.text.push_str(&next.text);
                    last.html = Some(html);
                }
                (_, html) => out.push(Fragment { html, ..next }),
            }
        }
        _ => out.push(next),
    }
}

/// Drops whitespace at the start of the first fragments and the end of the last ones.
fn trim(out: &mut Vec<Fragment>) {
    while out.first().is_some_and(|f| f.html.is_none() && f.text.trim_start().is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|f| f.html.is_none() && f.text.trim_end().is_empty()) {
        out.pop();
    }
    if let Some(first) = out.first_mut() {
        first.text = first.text.trim_start().to_string();
        if let Some(html) = &mut first.html {
            html.0 = html.0.trim_start().to_string();
        }
    }
    if let Some(last) = out.last_mut() {
        last.text = last.text.trim_end().to_string();
        if let Some(html) = &mut last.html {
            html.0 = html.0.trim_end().to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    /// Fragments as `tag.class:text` items for comparison.
    fn check(spans: &[Span], side: Column, expected: &[&str]) {
        let actual: Vec<String> = fragments(spans, side)
            .iter()
            .map(|f| {
                let body = f.html.as_ref().map_or(f.text.clone(), |html| html.to_string());
                format!("{}.{}:{}", f.tag, f.class, body)
            })
            .collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn a_struck_space_joins_its_emphasised_neighbour() {
        let spans =
            [eq("Recalling "), with_emphasis(del("further"), false, true), del(" "), eq("its")];
        check(&spans, Column::Both, &[".:Recalling ", "del.:<em>further</em> ", ".:its"]);
    }

    #[test]
    fn sides_of_a_word_change() {
        let spans = [eq("  a) one "), del("two"), ins("three"), eq(";\n\n")];
        check(&spans, Column::Both, &[".:a) one ", "del.:two", "ins.:three", ".:;"]);
        check(&spans, Column::Old, &[".:a) one ", "del.:two", ".:;"]);
        check(&spans, Column::New, &[".:a) one ", "ins.:three", ".:;"]);
        check(&spans, Column::Clean, &[".:a) one three;"]);
    }

    #[test]
    fn layout_changes_show_the_new_text_unmarked() {
        let spans =
            [eq("a"), del(" ").with_role(Role::Layout), ins("\n").with_role(Role::Layout), eq("b")];
        check(&spans, Column::Both, &[".:a\nb"]);
    }

    #[test]
    fn renumbered_label_and_brackets() {
        let spans = [label_del("c)"), label_ins("d)"), eq(" "), bracketed(eq("[x [y]]"), 2)];
        check(
            &spans,
            Column::Both,
            &["del.label:c)", "ins.label:d)", ".: ", "span.br br2:[x [y]]"],
        );
    }

    #[test]
    fn emphasis_is_trusted_markup_and_delimiters_are_hidden() {
        let spans = [
            delimiter(eq("**")),
            with_emphasis(eq("<b>ITU</b>"), true, false),
            delimiter(eq("**")),
        ];
        check(&spans, Column::Both, &[".:<strong>&lt;b&gt;ITU&lt;/b&gt;</strong>"]);
    }

    #[test]
    fn emphasised_text_cannot_smuggle_markup() {
        let html =
            emphasised("</em><script>alert(1)</script><img src=x onerror=alert(1)>", false, true);
        let html = html.to_string();
        assert!(html.starts_with("<em>") && html.ends_with("</em>"), "{html}");
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
    }
}
