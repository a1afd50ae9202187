//! `--format text`: the DL/23 look in plain characters, for a pair's redline
//! (here), a series ([`series`]), the bracket reports ([`brackets`]) and an
//! outline ([`outline`]).
//!
//! An action line (`MOD`, `ADD`, `SUP`, `MOD (moved)` ...) stands before each
//! changed entry that starts a line; deletions read `~~deleted~~` and
//! insertions `++inserted++` (or `[-deleted-]{+inserted+}` with
//! [`Markers::Wdiff`]); a renumbered label reads `~~c)~~++d)++`.

pub mod brackets;
pub mod outline;
pub mod series;

use super::markers::{TILDE, WDIFF};
use super::plain;
use crate::model::Redline;

/// Which markers `--format text` uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Markers {
    /// `~~deleted~~` and `++inserted++`.
    #[default]
    Tilde,
    /// `[-deleted-]` and `{+inserted+}`, as wdiff writes them.
    Wdiff,
}

/// Writes the redline as marked-up plain text.
pub fn render(redline: &Redline, markers: Markers, inline: bool) -> String {
    match markers {
        Markers::Tilde => plain::write(redline, &TILDE, inline),
        Markers::Wdiff => plain::write(redline, &WDIFF, inline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn check(redline: &Redline, markers: Markers, expected: &str) {
        assert_eq!(render(redline, markers, true), expected);
    }

    #[test]
    fn words_struck_and_inserted_with_an_action_line() {
        let redline =
            doc(vec![modified(vec![eq("a) one "), del("two"), ins("three"), eq(";\n\n")])]);
        check(&redline, Markers::Tilde, "MOD\na) one ~~two~~++three++;\n\n");
        check(&redline, Markers::Wdiff, "MOD\na) one [-two-]{+three+};\n\n");
    }

    #[test]
    fn renumbered_label() {
        let redline = doc(vec![renumbered(vec![label_del("c)"), label_ins("d)"), eq(" text\n")])]);
        check(&redline, Markers::Tilde, "NOC (renumbered)\n~~c)~~++d)++ text\n");
    }

    #[test]
    fn unchanged_entries_have_no_action_line() {
        let redline = doc(vec![unchanged("recalling\n\n"), added("a) new\n")]);
        check(&redline, Markers::Tilde, "recalling\n\nADD\n++a) new++\n");
    }

    #[test]
    fn action_line_only_at_a_line_start() {
        let redline = doc(vec![unchanged("Recalling "), modified(vec![eq("x "), del("y")])]);
        check(&redline, Markers::Tilde, "Recalling x ~~y~~");
    }

    #[test]
    fn runs_are_joined_where_an_action_line_is_skipped() {
        let redline = doc(vec![modified(vec![eq("a "), ins("b")]), added("c\n")]);
        check(&redline, Markers::Tilde, "MOD\na ++bc\n++\n");
    }

    #[test]
    fn closing_marker_at_a_line_start_takes_a_newline_so_action_lines_follow() {
        let redline = doc(vec![modified(vec![eq("a) "), ins("new\n\n")]), suppressed("b) old\n")]);
        check(&redline, Markers::Tilde, "MOD\na) ++new\n\n++\nSUP\n~~b) old~~\n");
        check(&redline, Markers::Wdiff, "MOD\na) {+new\n\n+}\nSUP\n[-b) old-]\n");
    }

    #[test]
    fn a_whole_entry_closes_its_run_before_its_blank_lines() {
        let redline = doc(vec![added("a) new\n\n"), suppressed("b) old\n\n"), unchanged("c)")]);
        check(&redline, Markers::Tilde, "ADD\n++a) new++\n\nSUP\n~~b) old~~\n\nc)");
    }

    #[test]
    fn marker_like_text_is_escaped() {
        let redline = doc(vec![unchanged("a ~~b~~ c++ \\ [-d-] {--e--}\nMOD\n")]);
        check(&redline, Markers::Tilde, "a \\~~b\\~~ c\\++ \\\\ \\[-d\\-] \\{--e\\--}\n\\MOD\n");
    }

    #[test]
    fn text_that_extends_a_marker_is_escaped() {
        let redline = doc(vec![modified(vec![del("a"), eq("}")])]);
        check(&redline, Markers::Tilde, "MOD\n~~a~~\\}");
        let redline = doc(vec![modified(vec![eq("x"), ins("+a")])]);
        check(&redline, Markers::Wdiff, "MOD\nx{+\\+a+}");
    }

    #[test]
    fn moved_entry_and_its_stub() {
        let redline = doc(vec![
            stub(1),
            unchanged("b) stays\n"),
            moved(1, vec![eq("a) goes "), ins("far"), eq("\n")]),
        ]);
        check(
            &redline,
            Markers::Tilde,
            "<<moved to #1>>\nb) stays\nMOD (moved)\n<<moved from #1>>\na) goes ++far++\n<</moved #1>>\n",
        );
    }
}
