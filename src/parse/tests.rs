//! Layout tests: each reads a small text and compares its outline.

use super::outline::render_text;
use super::parse_text;

/// Parses `input` and compares its text outline (without the encoding line) to `expected`.
fn check(input: &str, expected: &str) {
    let outline = render_text(&parse_text(input, "UTF-8"));
    let outline = outline.split_once('\n').map_or("", |(_, rest)| rest);
    assert_eq!(outline, expected, "\n{outline}");
}

#[test]
fn itu_heading_and_labels() {
    check(
        "recalling\n\na) one;\n\nb) two,\n",
        "   1 [preamble] recalling\n   3   a)  one;\n   5   b)  two,\n",
    );
}
