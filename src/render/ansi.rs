//! `--format ansi`: coloured text for a terminal, the default when stdout is one.
//!
//! Deletions red and struck, insertions green and underlined, action lines
//! bold; layout and typographic changes show the new text unmarked. Without
//! colour (`NO_COLOR`), `~~` and `++` mark the changes instead. Not meant to be
//! read back: use `--format text` for that.

use super::markers::{MoveNote, action_words};
use super::view::{self, View, is_change};
use crate::model::{Entry, EntryKind, Op, Redline, Role, Span};
use anstyle::{AnsiColor, Effects, Style};

const DELETED: Style =
    Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red))).strikethrough();
const INSERTED: Style =
    Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green))).underline();
const ACTION: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta))).bold();
const NOTE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan))).dimmed();

/// Renders the entries `view` selects, with colours or, without, with `~~`/`++`.
pub fn render(redline: &Redline, view: View, color: bool) -> String {
    let mut painter = Painter { out: String::new(), color, marks: view != View::Clean };
    if view == View::Full {
        painter.spans(&redline.lead);
    }
    for entry in view::select(redline, view) {
        painter.entry(entry);
    }
    painter.out
}

struct Painter {
    out: String,
    color: bool,
    /// Changes are marked (every view but `clean`).
    marks: bool,
}

impl Painter {
    fn entry(&mut self, entry: &Entry) {
        let moved = entry.move_id.filter(|_| entry.moved && self.marks);
        if entry.kind == EntryKind::MoveStub {
            if let Some(id) = entry.move_id {
                self.note(MoveNote::To(id));
            }
            return;
        }
        if self.marks && is_change(entry) && self.at_line_start() {
            let words = action_words(entry.action.as_str(), entry.moved, entry.renumbered);
            self.paint(&words, ACTION, ("", ""));
            self.out.push('\n');
        }
        if let Some(id) = moved {
            self.note(MoveNote::From(id));
        }
        self.spans(&entry.spans);
    }

    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn note(&mut self, note: MoveNote) {
        let own_line = self.at_line_start();
        self.paint(&format!("[{}]", note.words()), NOTE, ("", ""));
        self.out.push(if own_line { '\n' } else { ' ' });
    }

    fn spans(&mut self, spans: &[Span]) {
        for span in spans.iter().filter(|span| !span.emphasis.delimiter) {
            self.span(span);
        }
    }

    fn span(&mut self, span: &Span) {
        let quiet = matches!(span.role, Role::Layout | Role::Typographic) || !self.marks;
        let emphasis = emphasis_style(span);
        match span.op {
            Op::Equal => self.paint(&span.text, emphasis, ("", "")),
            Op::Delete if quiet => {}
            Op::Insert if quiet => self.paint(&span.text, emphasis, ("", "")),
            Op::Delete => self.paint(&span.text, DELETED, ("~~", "~~")),
            Op::Insert => self.paint(&span.text, INSERTED, ("++", "++")),
        }
    }

    /// Appends `text` in `style`, line by line so no style crosses a newline;
    /// without colour, between the `plain` markers instead.
    fn paint(&mut self, text: &str, style: Style, plain: (&str, &str)) {
        if !self.color {
            self.out.push_str(plain.0);
            self.out.push_str(text);
            self.out.push_str(plain.1);
            return;
        }
        for (index, line) in text.split('\n').enumerate() {
            if index > 0 {
                self.out.push('\n');
            }
            if !line.is_empty() {
                self.out.push_str(&format!("{style}{line}{style:#}"));
            }
        }
    }
}

fn emphasis_style(span: &Span) -> Style {
    let mut effects = Effects::new();
    if span.emphasis.bold {
        effects |= Effects::BOLD;
    }
    if span.emphasis.italic {
        effects |= Effects::ITALIC;
    }
    if span.emphasis.struck {
        effects |= Effects::STRIKETHROUGH | Effects::DIMMED;
    }
    Style::new().effects(effects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn check(redline: &Redline, view: View, color: bool, expected: &str) {
        assert_eq!(render(redline, view, color), expected);
    }

    #[test]
    fn colours_per_line() {
        let redline = doc(vec![modified(vec![eq("a "), del("b\nc"), ins("d"), eq("\n")])]);
        check(
            &redline,
            View::Full,
            true,
            "\u{1b}[1m\u{1b}[35mMOD\u{1b}[0m\na \u{1b}[9m\u{1b}[31mb\u{1b}[0m\n\u{1b}[9m\u{1b}[31mc\u{1b}[0m\u{1b}[4m\u{1b}[32md\u{1b}[0m\n",
        );
    }

    #[test]
    fn without_colour_markers_show_the_changes() {
        let redline =
            doc(vec![unchanged("x\n"), modified(vec![eq("a "), del("b"), ins("c"), eq("\n")])]);
        check(&redline, View::Full, false, "x\nMOD\na ~~b~~++c++\n");
        check(&redline, View::Changes, false, "MOD\na ~~b~~++c++\n");
        check(&redline, View::Clean, false, "x\na c\n");
    }

    #[test]
    fn layout_changes_and_delimiters_are_quiet() {
        let spans = vec![
            delimiter(eq("*")),
            eq("a"),
            del(" ").with_role(Role::Layout),
            ins("\n").with_role(Role::Layout),
            eq("b"),
        ];
        check(&doc(vec![modified(spans)]), View::Full, false, "a\nb");
    }

    #[test]
    fn moves_are_notes() {
        let redline = doc(vec![stub(2), unchanged("b\n"), moved(2, vec![eq("a\n")])]);
        check(&redline, View::Full, false, "[moved to #2]\nb\nNOC (moved)\n[moved from #2]\na\n");
    }
}
