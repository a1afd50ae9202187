//! The redline model in a compact form for snapshots, shared by the fixture tests.

use redline::model::{EntryKind, Op, Redline, Role, Span};
use std::fmt::Write;

/// One block per entry: kind, action, flags, labels, then the marked text.
/// Layout and typographic pairs show as `(old~>new)` so they stay visible.
pub fn compact(redline: &Redline) -> String {
    let s = &redline.summary;
    let mut out = format!(
        "summary: ADD {} SUP {} MOD {} NOC {} moved {} renumbered {}\n",
        s.add, s.sup, s.modified, s.noc, s.moved, s.renumbered
    );
    for bracket in &redline.brackets {
        let state = serde_json::to_value(bracket.span.state).unwrap();
        let (line, text) = (bracket.span.line, &bracket.span.text);
        writeln!(out, "bracket {} at line {line}: [{text}]", state.as_str().unwrap()).unwrap();
    }
    for warning in &redline.warnings {
        writeln!(out, "warning: {warning}").unwrap();
    }
    for entry in &redline.entries {
        let kind = match entry.kind {
            EntryKind::Title => "title",
            EntryKind::Heading => "heading",
            EntryKind::Provision => "provision",
            EntryKind::MoveStub => "move-stub",
        };
        let flags: Vec<&str> = [
            (entry.moved, "moved"),
            (entry.renumbered, "renumbered"),
            (entry.typographic, "typographic"),
            (entry.layout, "layout"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        let mut id = entry.move_id.map(|id| format!(" #{id}")).unwrap_or_default();
        let links = &entry.links;
        for (link, name) in [
            (links.split_from, "split-from"),
            (links.split_into, "split-into"),
            (links.merged_from, "merged-from"),
            (links.merged_into, "merged-into"),
        ] {
            if let Some(link) = link {
                id.push_str(&format!(" {name}:{link}"));
            }
        }
        writeln!(
            out,
            "{kind} {}{id} [{}] {}",
            entry.action.as_str(),
            flags.join(" "),
            entry.section.as_deref().unwrap_or("-")
        )
        .unwrap();
        if !entry.spans.is_empty() {
            writeln!(out, "  | {}", marked(&entry.spans).trim_end().replace('\n', "\n  | "))
                .unwrap();
        }
    }
    out
}

fn marked(spans: &[Span]) -> String {
    let mut out = String::new();
    let mut spans = spans.iter().peekable();
    while let Some(span) = spans.next() {
        let quiet = matches!(span.role, Role::Layout | Role::Typographic);
        match span.op {
            Op::Equal => out.push_str(&span.text),
            Op::Delete if quiet => {
                let new = spans.next_if(|s| s.op == Op::Insert && s.role == span.role);
                let new = new.map_or("", |s| s.text.as_str());
                write!(out, "({}~>{})", span.text.escape_debug(), new.escape_debug()).unwrap();
            }
            Op::Insert if quiet => write!(out, "(~>{})", span.text.escape_debug()).unwrap(),
            Op::Delete => write!(out, "[-{}-]", span.text).unwrap(),
            Op::Insert => write!(out, "{{+{}+}}", span.text).unwrap(),
        }
    }
    out
}
