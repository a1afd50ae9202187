//! The printed page: the running head of every page after the first, as CSS
//! page-margin boxes (`@page { @top-center { ... } }`, which Chromium prints
//! since version 131): the page number as ITU documents write it ("- 2 -")
//! and, under it, the document number.
//!
//! # Invariants
//! - The only input that reaches the style sheet is the document number,
//!   written by [`css_string`] as a CSS string in which every character but
//!   ASCII letters, digits, spaces and `/ . , ( ) - + _ :` is a hexadecimal
//!   escape: no `"`, `\`, `<` or line break of the input reaches the page.

use crate::model::Header;

/// The CSS of the printed page's running head, inlined after the style sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Print {
    /// CSS rules, safe to print unescaped (see the module's invariants).
    pub css: String,
}

/// The running head for `header`: the page number, then the document number
/// when there is one; none on the first page, which has the header block.
pub fn running_head(header: &Header) -> Print {
    let number = match &header.doc_number {
        Some(number) => format!(" \"\\A \" {}", css_string(number)),
        None => String::new(),
    };
    let css = format!(
        "@page {{ @top-center {{ content: \"- \" counter(page) \" -\"{number}; \
         white-space: pre; font: 10pt \"Times New Roman\", Times, serif; \
         vertical-align: bottom; padding-bottom: 4mm; }} }}\n\
         @page :first {{ @top-center {{ content: none; }} }}\n"
    );
    Print { css }
}

/// `text` as a quoted CSS string, every character outside a small safe set
/// written as a hexadecimal escape (`\3C ` for `<`).
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || " /.,()-+_:".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:X} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers_are_quoted_and_escaped() {
        assert_eq!(css_string("PP14/DL/23-E"), "\"PP14/DL/23-E\"");
        assert_eq!(css_string("DL/23 (Rev.2)"), "\"DL/23 (Rev.2)\"");
        let hostile = css_string("\"; } </style><script>x</script>\\\n");
        assert_eq!(hostile.matches('"').count(), 2, "{hostile}");
        for forbidden in ["<", ">", "\n", "}", ";"] {
            assert!(!hostile.contains(forbidden), "{forbidden} in {hostile}");
        }
        assert!(hostile.starts_with("\"\\22 \\3B  \\7D  \\3C /style"), "{hostile}");
    }

    #[test]
    fn first_page_has_no_running_head() {
        let header = Header { doc_number: Some("DL/23-E".into()), ..Header::default() };
        let css = running_head(&header).css;
        assert!(css.contains("counter(page)") && css.contains("\"DL/23-E\""), "{css}");
        assert!(css.contains("@page :first { @top-center { content: none; } }"), "{css}");
        assert!(!running_head(&Header::default()).css.contains("\\A"));
    }
}
