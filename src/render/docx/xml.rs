//! Escaping for WordprocessingML: every string from the input goes through
//! [`text`] or [`attribute`] before it reaches a part.
//!
//! XML 1.0 cannot hold most control characters at all (not even escaped):
//! they are dropped, as Word itself drops them on saving.

/// `true` for a character XML 1.0 allows in content.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// `value` without the characters XML cannot hold, for a template that
/// escapes the rest itself.
pub fn clean(value: &str) -> String {
    value.chars().filter(|&c| allowed(c)).collect()
}

/// Appends `value` escaped as element content (`&`, `<`, `>`).
pub fn push_text(out: &mut String, value: &str) {
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
}

/// `value` escaped as element content.
#[cfg(test)]
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_text(&mut out, value);
    out
}

/// `value` escaped as an attribute value between double quotes.
pub fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            other => out.push(other),
        }
    }
    out
}

/// The namespace prefixes a raw XML fragment uses (`w`, `w14` ...), in
/// element and attribute names; `xml` and `xmlns` are left out.
pub fn prefixes(fragment: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    let bytes = fragment.as_bytes();
    for (at, _) in fragment.match_indices(':') {
        let start = bytes[..at]
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' || *b == b'.'))
            .map_or(0, |i| i + 1);
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if !matches!(before, Some(b'<' | b'/' | b' ' | b'\t' | b'\n' | b'\r')) || start == at {
            continue;
        }
        let prefix = &fragment[start..at];
        if prefix != "xml" && prefix != "xmlns" && !found.contains(&prefix) {
            found.push(prefix);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_control_characters_dropped() {
        assert_eq!(text("a < b & c > d \u{1}\u{c}é"), "a &lt; b &amp; c &gt; d é");
        assert_eq!(attribute("\"x\" & 'y'\n"), "&quot;x&quot; &amp; 'y'&#10;");
        assert_eq!(text("\u{FFFE}\u{10348}"), "\u{10348}");
    }

    #[test]
    fn prefixes_of_elements_and_attributes() {
        let fragment = r#"<w:rPr><w14:ligatures w14:val="x"/><w:b xml:space="preserve"/></w:rPr>"#;
        assert_eq!(prefixes(fragment), ["w", "w14"]);
        assert_eq!(prefixes("<w:t>a: b</w:t>"), ["w"]);
    }
}
