//! `--format critic`: CriticMarkup, the plain-text convention for tracked changes.
//!
//! `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}` for a deletion right
//! before an insertion, and comments for what is not text: `{>>MOD<<}` before
//! a changed entry, `{>>moved to #3<<}` at a moved entry's old place and
//! `{>>moved from #3<<}` ... `{>>/moved #3<<}` around it.

use super::markers::CRITIC;
use super::plain;
use crate::model::Redline;

/// Writes the redline as CriticMarkup; white-space-only changes marked
/// `inline`, or noted after the text.
pub fn render(redline: &Redline, inline: bool) -> String {
    plain::write(redline, &CRITIC, inline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::redline::*;

    fn check(redline: &Redline, expected: &str) {
        assert_eq!(render(redline, true), expected);
    }

    #[test]
    fn substitution_deletion_and_insertion() {
        let redline = doc(vec![modified(vec![
            eq("a) one "),
            del("two"),
            ins("three"),
            eq(", "),
            del("four"),
            eq(" "),
            ins("five"),
            eq("\n"),
        ])]);
        check(&redline, "{>>MOD<<}a) one {~~two~>three~~}, {--four--} {++five++}\n");
    }

    #[test]
    fn marker_like_text_is_escaped() {
        let redline = doc(vec![unchanged("{++x++} ~~y~~ {>>z<<}\n")]);
        check(&redline, "\\{\\++x\\+\\+} \\~~y\\~~ \\{>>z\\<<}\n");
    }

    #[test]
    fn moves_are_comments() {
        let redline = doc(vec![stub(2), moved(2, vec![eq("a) text\n")])]);
        check(
            &redline,
            "{>>moved to #2<<}\n{>>NOC (moved)<<}{>>moved from #2<<}a) text\n{>>/moved #2<<}\n",
        );
    }
}
