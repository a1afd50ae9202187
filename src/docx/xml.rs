//! XML parts as read-only trees (`roxmltree`): safe options, and the
//! WordprocessingML names the reader asks about.
//!
//! No DTD is allowed, so no entity can be declared, let alone expanded
//! (billion laughs, external entities): such a part is refused.

use super::Problem;
use roxmltree::{Document, Node, ParsingOptions};

/// The WordprocessingML namespace (transitional, what Word and LibreOffice write).
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The same namespace in Strict Office Open XML.
pub const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/// Most nodes a part may hold (a 1 MB document has a few hundred thousand).
pub const MAX_NODES: u32 = 20_000_000;

/// Parses a part, refusing a DTD and malformed XML with the part's name and position.
pub fn parse<'a>(part: &str, text: &'a str) -> Result<Document<'a>, Problem> {
    let options = ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES, ..Default::default() };
    Document::parse_with_options(text, options).map_err(|error| xml_problem(part, &error))
}

fn xml_problem(part: &str, error: &roxmltree::Error) -> Problem {
    let position = error.pos();
    let message = match error {
        roxmltree::Error::DtdDetected => {
            "a DTD (entity declarations) is not allowed in a Word document".to_string()
        }
        roxmltree::Error::NodesLimitReached => "too many XML nodes".to_string(),
        other => other.to_string(),
    };
    Problem::Xml { part: part.to_string(), line: position.row, column: position.col, message }
}

/// True when `node` is the WordprocessingML element `name`.
pub fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && is_w_namespace(node)
}

fn is_w_namespace(node: Node) -> bool {
    matches!(node.tag_name().namespace(), Some(W | W_STRICT))
}

/// The local name of a WordprocessingML element, `None` for anything else.
pub fn w_name<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    (node.is_element() && is_w_namespace(node)).then(|| node.tag_name().name())
}

/// The `w:`-attribute `name` of `node`.
pub fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name)).or_else(|| node.attribute((W_STRICT, name)))
}

/// The first child element `w:name` of `node`.
pub fn w_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|child| is_w(*child, name))
}

/// The `w:val` of the child `w:name`.
pub fn w_val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    w_child(node, name).and_then(|child| w_attr(child, "val"))
}

/// An on/off property (`<w:b/>`, `<w:b w:val="false"/>`): `None` when absent.
pub fn on_off(node: Node, name: &str) -> Option<bool> {
    let child = w_child(node, name)?;
    Some(!matches!(w_attr(child, "val"), Some("0" | "false" | "off")))
}

/// The raw XML of `node` as written in its part.
pub fn raw(text: &str, node: Node) -> String {
    text[node.range()].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dtd_is_refused_before_any_expansion() {
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>";
        let Err(Problem::Xml { message, .. }) = parse("word/document.xml", laughs) else {
            panic!("a DTD was accepted")
        };
        assert!(message.contains("DTD"), "{message}");
    }

    #[test]
    fn an_external_entity_is_refused() {
        let external = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        assert!(matches!(parse("p", external), Err(Problem::Xml { .. })));
    }

    #[test]
    fn malformed_xml_says_where() {
        let Err(Problem::Xml { part, line, column, .. }) = parse("word/x.xml", "<a>\n<b></a>")
        else {
            panic!("malformed XML was accepted")
        };
        assert_eq!((part.as_str(), line), ("word/x.xml", 2));
        assert!(column > 1);
    }

    #[test]
    fn names_in_both_namespaces() {
        for ns in [W, W_STRICT] {
            let text = format!("<w:p xmlns:w=\"{ns}\"><w:b w:val=\"off\"/><w:i/></w:p>");
            let doc = parse("p", &text).unwrap();
            let p = doc.root_element();
            assert!(is_w(p, "p"));
            assert_eq!(
                (on_off(p, "b"), on_off(p, "i"), on_off(p, "u")),
                (Some(false), Some(true), None)
            );
        }
    }
}
