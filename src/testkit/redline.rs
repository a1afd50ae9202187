//! Hand-built redlines for the renderers' and the reader's tests.

use crate::model::SectionKind;
use crate::model::{Action, Emphasis, Entry, EntryKind, Op, Redline, Role, Span, Summary};

/// A redline of these entries, with its summary counted.
pub fn doc(entries: Vec<Entry>) -> Redline {
    Redline { schema: 1, summary: Summary::count(&entries), entries, ..Redline::default() }
}

/// An equal span.
pub fn eq(text: &str) -> Span {
    Span::new(Op::Equal, text)
}

/// A deleted span.
pub fn del(text: &str) -> Span {
    Span::new(Op::Delete, text)
}

/// An inserted span.
pub fn ins(text: &str) -> Span {
    Span::new(Op::Insert, text)
}

/// A deleted label.
pub fn label_del(text: &str) -> Span {
    del(text).with_role(Role::Label)
}

/// An inserted label.
pub fn label_ins(text: &str) -> Span {
    ins(text).with_role(Role::Label)
}

/// The span inside `depth` levels of brackets.
pub fn bracketed(mut span: Span, depth: usize) -> Span {
    span.bracket_depth = depth;
    span
}

/// The span in bold and/or italics.
pub fn with_emphasis(mut span: Span, bold: bool, italic: bool) -> Span {
    span.emphasis = Emphasis { bold, italic, ..Emphasis::default() };
    span
}

/// The span as an emphasis delimiter (`**`, `*`).
pub fn delimiter(mut span: Span) -> Span {
    span.emphasis.delimiter = true;
    span
}

/// The action the spans imply: all inserted is ADD, all deleted SUP, any
/// visible change MOD, else NOC.
fn action_of(spans: &[Span]) -> Action {
    let text = |op| spans.iter().filter(|s| s.op == op).count();
    if !spans.is_empty() && text(Op::Insert) == spans.len() {
        Action::Add
    } else if !spans.is_empty() && text(Op::Delete) == spans.len() {
        Action::Sup
    } else if spans.iter().any(|s| s.is_visible_change() && s.role == Role::Text) {
        Action::Mod
    } else {
        Action::Noc
    }
}

/// An entry of this kind with these spans; the action follows from the spans.
pub fn entry(kind: EntryKind, spans: Vec<Span>) -> Entry {
    let changed = |role: Role| spans.iter().any(|s| s.role == role && s.op != Op::Equal);
    Entry {
        renumbered: changed(Role::Label),
        typographic: changed(Role::Typographic),
        layout: changed(Role::Layout),
        ..Entry::new(kind, action_of(&spans), spans)
    }
}

/// A provision with these spans.
pub fn modified(spans: Vec<Span>) -> Entry {
    entry(EntryKind::Provision, spans)
}

/// A renumbered provision with these spans.
pub fn renumbered(spans: Vec<Span>) -> Entry {
    entry(EntryKind::Provision, spans)
}

/// An unchanged provision.
pub fn unchanged(text: &str) -> Entry {
    entry(EntryKind::Provision, vec![eq(text)])
}

/// An added provision.
pub fn added(text: &str) -> Entry {
    entry(EntryKind::Provision, vec![ins(text)])
}

/// A suppressed provision.
pub fn suppressed(text: &str) -> Entry {
    entry(EntryKind::Provision, vec![del(text)])
}

/// A section heading (level 1) of an operative section.
pub fn heading(text: &str) -> Entry {
    let mut entry = entry(EntryKind::Heading, vec![eq(text)]);
    entry.section = Some(text.trim().to_string());
    entry.section_kind = Some(SectionKind::Operative);
    entry
}

/// The entry placed in a section.
pub fn in_section(mut entry: Entry, section: &str) -> Entry {
    entry.section = Some(section.to_string());
    entry
}

/// The entry with these labels.
pub fn labelled(mut entry: Entry, old: Option<&str>, new: Option<&str>) -> Entry {
    entry.old_label = old.map(str::to_string);
    entry.new_label = new.map(str::to_string);
    entry
}

/// A moved provision with move id `id`.
pub fn moved(id: usize, spans: Vec<Span>) -> Entry {
    let mut entry = entry(EntryKind::Provision, spans);
    entry.moved = true;
    entry.move_id = Some(id);
    entry
}

/// The stub of moved provision `id`.
pub fn stub(id: usize) -> Entry {
    let mut entry = entry(EntryKind::MoveStub, Vec::new());
    entry.move_id = Some(id);
    entry
}
