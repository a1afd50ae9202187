//! HTML audit: parses a page with html5ever's tree builder and reports every
//! parse error and every element or attribute outside the allow-list.
//!
//! Shared by the fuzz targets and `tests/regressions.rs` (included by path).

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ParseOpts, QualName, parse_document};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::LazyLock;

/// [`ALLOWED_ELEMENTS`] and [`ALLOWED_ATTRIBUTES`] as sets: a page has
/// thousands of elements, and a linear search of each list was a third of a run.
static ALLOWED: LazyLock<(HashSet<&str>, HashSet<&str>)> = LazyLock::new(|| {
    (ALLOWED_ELEMENTS.iter().copied().collect(), ALLOWED_ATTRIBUTES.iter().copied().collect())
});

/// Elements a rendered redline may contain.
pub const ALLOWED_ELEMENTS: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "title",
    "style",
    "main",
    "article",
    "section",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "div",
    "span",
    "ins",
    "del",
    "s",
    "u",
    "b",
    "strong",
    "i",
    "em",
    "mark",
    "sup",
    "sub",
    "small",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "br",
    "hr",
    "a",
    "abbr",
    "code",
    "details",
    "summary",
    "figure",
    "figcaption",
    "blockquote",
    "q",
    "time",
    "wbr",
];
/// Attributes a rendered redline may carry (besides `data-*` and `aria-*`).
pub const ALLOWED_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "lang",
    "title",
    "charset",
    "name",
    "content",
    "href",
    "dir",
    "role",
    "colspan",
    "rowspan",
    "datetime",
    "open",
    "start",
    "value",
    "http-equiv",
    "scope",
];

/// What is wrong with a page; empty when it is well-formed and allowed.
pub fn audit_html(html: &str) -> Vec<String> {
    let sink = Audit::default();
    let sink = parse_document(sink, ParseOpts::default()).one(html);
    sink.problems.into_inner()
}

/// An element created by the tree builder, compared by identity.
#[derive(Debug)]
pub struct Node {
    name: Option<QualName>,
}

/// A tree sink that keeps no tree: it only checks names and collects problems.
#[derive(Default)]
struct Audit {
    problems: RefCell<Vec<String>>,
}

impl Audit {
    fn problem(&self, message: String) {
        self.problems.borrow_mut().push(message);
    }

    fn check_element(&self, name: &QualName, attrs: &[Attribute]) {
        let local: &str = &name.local;
        if !ALLOWED.0.contains(local) {
            self.problem(format!("element <{local}> is not allowed"));
        }
        for attr in attrs {
            self.check_attribute(local, &attr.name.local, &attr.value);
        }
    }

    fn check_attribute(&self, element: &str, name: &str, value: &str) {
        let prefixed = name.starts_with("data-") || name.starts_with("aria-");
        if !prefixed && !ALLOWED.1.contains(name) {
            self.problem(format!("attribute {name}= on <{element}> is not allowed"));
        }
        if name == "href" && !value.starts_with('#') {
            self.problem(format!("href={value:?} on <{element}> is not a link inside the page"));
        }
        let scheme = value.trim_start().get(..11);
        if scheme.is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:")) {
            self.problem(format!("{name}={value:?} on <{element}> is a javascript: URL"));
        }
    }
}

impl TreeSink for Audit {
    type Handle = Rc<Node>;
    type Output = Self;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, message: Cow<'static, str>) {
        self.problem(format!("parse error: {message}"));
    }

    fn get_document(&self) -> Rc<Node> {
        Rc::new(Node { name: None })
    }

    fn elem_name<'a>(&'a self, target: &'a Rc<Node>) -> &'a QualName {
        static NONE: std::sync::OnceLock<QualName> = std::sync::OnceLock::new();
        target.name.as_ref().unwrap_or_else(|| {
            NONE.get_or_init(|| QualName::new(None, html5ever::ns!(), html5ever::local_name!("")))
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Rc<Node> {
        self.check_element(&name, &attrs);
        Rc::new(Node { name: Some(name) })
    }

    fn create_comment(&self, _: StrTendril) -> Rc<Node> {
        Rc::new(Node { name: None })
    }

    fn create_pi(&self, target: StrTendril, _: StrTendril) -> Rc<Node> {
        self.problem(format!("processing instruction {target} is not allowed"));
        Rc::new(Node { name: None })
    }

    fn append(&self, _: &Rc<Node>, _: NodeOrText<Rc<Node>>) {}

    fn append_based_on_parent_node(&self, _: &Rc<Node>, _: &Rc<Node>, _: NodeOrText<Rc<Node>>) {}

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Rc<Node>) -> Rc<Node> {
        Rc::clone(target)
    }

    fn same_node(&self, x: &Rc<Node>, y: &Rc<Node>) -> bool {
        Rc::ptr_eq(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        if mode != QuirksMode::NoQuirks {
            self.problem("no <!DOCTYPE html>: the page renders in quirks mode".into());
        }
    }

    fn append_before_sibling(&self, _: &Rc<Node>, _: NodeOrText<Rc<Node>>) {}

    fn add_attrs_if_missing(&self, _: &Rc<Node>, attrs: Vec<Attribute>) {
        for attr in &attrs {
            self.check_attribute("?", &attr.name.local, &attr.value);
        }
    }

    fn remove_from_parent(&self, _: &Rc<Node>) {}

    fn reparent_children(&self, _: &Rc<Node>, _: &Rc<Node>) {}
}
