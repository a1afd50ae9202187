//! Paragraph and run properties copied from one revision into the rewritten
//! package: the mark of an inserted or deleted paragraph put into a `w:pPr`,
//! the record of old properties (`w:pPrChange`), tracked changes stripped
//! from a copy (their ids would repeat), elements found in raw XML.

/// A fragment without the tracked changes it records (`w:rPrChange`,
/// `w:pPrChange`, marks of inserted or deleted paragraphs): copied, their
/// ids would repeat.
pub fn strip_changes(fragment: &str) -> String {
    let mut out = fragment.to_string();
    for name in ["w:rPrChange", "w:pPrChange", "w:ins", "w:del", "w:moveFrom", "w:moveTo"] {
        out = strip_element(&out, name);
    }
    out
}

/// `fragment` without any `<name .../>` or `<name ...>...</name>` element.
pub fn strip_element(fragment: &str, name: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut rest = fragment;
    let open = format!("<{name}");
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            out.push_str(&rest[..at + open.len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        let Some(tag_end) = after.find('>') else { return fragment.to_string() };
        if after[..tag_end].ends_with('/') {
            rest = &after[tag_end + 1..];
            continue;
        }
        let close = format!("</{name}>");
        let Some(end) = after.find(&close) else { return fragment.to_string() };
        rest = &after[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// `w:pPr` with `change` (a paragraph mark's `w:ins`/`w:del`) in its `w:rPr`.
pub fn ppr_with_mark(ppr: Option<&str>, change: &str) -> String {
    let ppr = ppr.filter(|ppr| !ppr.starts_with("<w:pPr/>") && ppr.starts_with("<w:pPr"));
    if change.is_empty() {
        return ppr.unwrap_or_default().to_string();
    }
    let Some(ppr) = ppr else { return format!("<w:pPr><w:rPr>{change}</w:rPr></w:pPr>") };
    let already = ["<w:ins ", "<w:del ", "<w:moveFrom ", "<w:moveTo "];
    let own = strip_element(ppr, "w:pPrChange");
    if already.iter().any(|tag| own.contains(tag)) {
        return ppr.to_string();
    }
    if let Some(at) = ppr.find("<w:rPr/>") {
        return format!("{}<w:rPr>{change}</w:rPr>{}", &ppr[..at], &ppr[at + "<w:rPr/>".len()..]);
    }
    if let Some(at) = ppr.find("<w:rPr>").map(|at| at + "<w:rPr>".len()).or_else(|| {
        let at = ppr.find("<w:rPr ")?;
        Some(at + ppr[at..].find('>')? + 1)
    }) {
        return format!("{}{change}{}", &ppr[..at], &ppr[at..]);
    }
    let at = ["<w:sectPr", "<w:pPrChange", "</w:pPr>"]
        .iter()
        .find_map(|tag| ppr.find(tag))
        .unwrap_or(ppr.len());
    format!("{}<w:rPr>{change}</w:rPr>{}", &ppr[..at], &ppr[at..])
}

/// Paragraph properties without numbering: their own `w:numPr` left out,
/// or, when the numbering comes from the style, turned off (`w:numId` 0).
pub fn without_numbering(inner: &str) -> String {
    let off = r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>"#;
    match (element(inner, "w:numPr"), element(inner, "w:pStyle")) {
        (Some(numbering), _) => inner.replacen(numbering, "", 1),
        (None, Some(style)) => inner.replacen(style, &format!("{style}{off}"), 1),
        (None, None) => format!("{off}{inner}"),
    }
}

/// Paragraph properties with `w:pStyle` first, where the schema wants it.
pub fn style_first(inner: &str) -> String {
    match element(inner, "w:pStyle") {
        Some(style) if !inner.starts_with(style) => {
            format!("{style}{}", inner.replacen(style, "", 1))
        }
        _ => inner.to_string(),
    }
}

/// What a paragraph's numbering depends on: its `w:numPr` and its style.
pub fn numbering_key(ppr: Option<&str>) -> Option<(Option<&str>, Option<&str>)> {
    let ppr = ppr.unwrap_or_default();
    Some((element(ppr, "w:numPr"), element(ppr, "w:pStyle")))
}

/// `w:pPr` ending with `recorded` (a `w:pPrChange`).
pub fn with_property_change(ppr: &str, recorded: &str) -> String {
    match ppr.rfind("</w:pPr>") {
        Some(at) => format!("{}{recorded}{}", &ppr[..at], &ppr[at..]),
        None if ppr.starts_with("<w:pPr") => {
            format!("{}>{recorded}</w:pPr>", ppr.trim_end_matches("/>"))
        }
        None => format!("<w:pPr>{recorded}</w:pPr>"),
    }
}

/// The first `<name .../>` or `<name ...>...</name>` element of a fragment, as written.
pub fn element<'f>(fragment: &'f str, name: &str) -> Option<&'f str> {
    let open = format!("<{name}");
    let start = fragment
        .match_indices(&open)
        .map(|(at, _)| at)
        .find(|&at| fragment[at + open.len()..].starts_with([' ', '>', '/']))?;
    let rest = &fragment[start..];
    let tag_end = rest.find('>')?;
    if rest[..tag_end].ends_with('/') {
        return Some(&rest[..=tag_end]);
    }
    let close = format!("</{name}>");
    let end = rest.find(&close)? + close.len();
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_goes_into_the_paragraph_mark_properties() {
        let change = r#"<w:ins w:id="9" w:author="a"/>"#;
        assert_eq!(ppr_with_mark(None, change), format!("<w:pPr><w:rPr>{change}</w:rPr></w:pPr>"));
        assert_eq!(
            ppr_with_mark(
                Some(r#"<w:pPr><w:pStyle w:val="X"/><w:rPr><w:b/></w:rPr></w:pPr>"#),
                change
            ),
            format!(r#"<w:pPr><w:pStyle w:val="X"/><w:rPr>{change}<w:b/></w:rPr></w:pPr>"#)
        );
        assert_eq!(
            ppr_with_mark(Some(r#"<w:pPr><w:jc w:val="left"/><w:sectPr/></w:pPr>"#), change),
            format!(r#"<w:pPr><w:jc w:val="left"/><w:rPr>{change}</w:rPr><w:sectPr/></w:pPr>"#)
        );
        assert_eq!(ppr_with_mark(Some("<w:pPr/>"), ""), "");
    }

    #[test]
    fn copied_properties_lose_their_tracked_changes() {
        let rpr =
            r#"<w:rPr><w:b/><w:rPrChange w:id="3" w:author="x"><w:rPr/></w:rPrChange></w:rPr>"#;
        assert_eq!(strip_changes(rpr), "<w:rPr><w:b/></w:rPr>");
        assert_eq!(
            strip_changes(r#"<w:rPr><w:ins w:id="1"/><w:i/></w:rPr>"#),
            "<w:rPr><w:i/></w:rPr>"
        );
    }
}
