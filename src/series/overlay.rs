//! Laying one step's spans over a piece's cumulative spans.
//!
//! The alive spans of a piece's history spell its text in the step's old
//! revision; the step's equal and delete spans spell the same text. Walking
//! both, equal text keeps its attribution, deleted text is marked with the
//! step's revision and inserted text is added with it. Text deleted earlier
//! stays where it stood, before whatever follows it.
//!
//! # Invariants
//! - On success, the alive text of the result at the step's revision is the
//!   step's new text, and at every earlier revision it is unchanged.
//! - A mismatch between the step and the history is an error, never a panic
//!   and never a silently wrong attribution.

use super::cumulative::SeriesSpan;
use crate::model::{Op, Span};

/// The step's old text and the history's alive text differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch;

/// Lays `step` over `history`, attributing its changes to `revision`.
pub fn overlay(
    history: &[SeriesSpan],
    step: &[Span],
    revision: usize,
) -> Result<Vec<SeriesSpan>, Mismatch> {
    let mut cursor = Cursor { spans: history, index: 0, offset: 0, out: Vec::new() };
    for span in step {
        cursor.flush_dead();
        match span.op {
            Op::Insert if !span.text.is_empty() => {
                cursor.out.push(SeriesSpan::styled(span, Some(revision), None));
            }
            Op::Insert => {}
            Op::Equal => cursor.take(span, None)?,
            Op::Delete => cursor.take(span, Some(revision))?,
        }
    }
    cursor.flush_dead();
    if cursor.index < history.len() {
        return Err(Mismatch);
    }
    Ok(join_alike(cursor.out))
}

/// What to show when the step does not fit the history: every alive span
/// deleted in `revision`, then the step's new text inserted whole.
pub fn replace_whole(history: &[SeriesSpan], step: &[Span], revision: usize) -> Vec<SeriesSpan> {
    let mut out: Vec<SeriesSpan> = history.to_vec();
    for span in out.iter_mut().filter(|span| span.is_alive()) {
        span.deleted_in = Some(revision);
    }
    let inserted = step.iter().filter(|span| span.in_new() && !span.text.is_empty());
    out.extend(inserted.map(|span| SeriesSpan::styled(span, Some(revision), None)));
    join_alike(out)
}

/// A position in a history's spans, and the spans laid so far.
struct Cursor<'a> {
    spans: &'a [SeriesSpan],
    index: usize,
    offset: usize,
    out: Vec<SeriesSpan>,
}

impl Cursor<'_> {
    /// Copies the spans deleted before this step that stand at the cursor.
    fn flush_dead(&mut self) {
        while let Some(span) = self.spans.get(self.index) {
            if span.is_alive() && self.offset < span.text.len() {
                break;
            }
            if !span.is_alive() {
                self.out.push(span.clone());
            }
            self.index += 1;
            self.offset = 0;
        }
    }

    /// Consumes the alive text `step.text`, restyled by `step` and deleted in `deleted_in`.
    fn take(&mut self, step: &Span, deleted_in: Option<usize>) -> Result<(), Mismatch> {
        let mut expected = step.text.as_str();
        while !expected.is_empty() {
            self.flush_dead();
            let span = self.spans.get(self.index).ok_or(Mismatch)?;
            let rest = &span.text[self.offset..];
            let taken = if expected.starts_with(rest) {
                rest
            } else if rest.starts_with(expected) {
                expected
            } else {
                return Err(Mismatch);
            };
            let mut piece = SeriesSpan::styled(step, span.inserted_in, deleted_in);
            piece.text = taken.to_string();
            self.out.push(piece);
            self.offset += taken.len();
            expected = &expected[taken.len()..];
        }
        Ok(())
    }
}

/// Joins neighbouring spans of the same attribution and style.
fn join_alike(spans: Vec<SeriesSpan>) -> Vec<SeriesSpan> {
    let mut out: Vec<SeriesSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if last.joins(&span) => last.text.push_str(&span.text),
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact span notation: `=text` base text, `+2text` inserted in 2,
    /// `-3text` deleted in 3, `+2-3text` both; steps use `=`, `-`, `+` alone.
    fn history(notation: &[&str]) -> Vec<SeriesSpan> {
        notation.iter().map(|item| parse_history_span(item)).collect()
    }

    fn parse_history_span(item: &str) -> SeriesSpan {
        let (inserted_in, rest) = take_mark(item.strip_prefix('=').unwrap_or(item), '+');
        let (deleted_in, text) = take_mark(rest, '-');
        SeriesSpan::styled(&Span::new(Op::Equal, text), inserted_in, deleted_in)
    }

    fn take_mark(item: &str, mark: char) -> (Option<usize>, &str) {
        match item.strip_prefix(mark) {
            Some(rest) => (Some(rest[..1].parse().unwrap()), &rest[1..]),
            None => (None, item),
        }
    }

    fn step(notation: &[&str]) -> Vec<Span> {
        let op = |item: &str| match &item[..1] {
            "=" => Op::Equal,
            "-" => Op::Delete,
            _ => Op::Insert,
        };
        notation.iter().map(|item| Span::new(op(item), &item[1..])).collect()
    }

    fn show(spans: &[SeriesSpan]) -> Vec<String> {
        let mark = |prefix: char, at: Option<usize>| at.map(|r| format!("{prefix}{r}"));
        let show_one = |span: &SeriesSpan| {
            let marks = [mark('+', span.inserted_in), mark('-', span.deleted_in)];
            let marks: String = marks.into_iter().flatten().collect();
            if marks.is_empty() { format!("={}", span.text) } else { marks + &span.text }
        };
        spans.iter().map(show_one).collect()
    }

    fn check(old: &[&str], steps: &[&str], revision: usize, expected: &[&str]) {
        let out = overlay(&history(old), &step(steps), revision).unwrap();
        assert_eq!(show(&out), expected);
    }

    #[test]
    fn equal_text_keeps_its_attribution() {
        check(&["=a ", "+2b"], &["=a b"], 3, &["=a ", "+2b"]);
    }

    #[test]
    fn deletion_and_insertion_are_attributed_to_the_step() {
        check(&["=one two"], &["=one ", "-two", "+three"], 2, &["=one ", "-2two", "+2three"]);
    }

    #[test]
    fn text_inserted_then_deleted_shows_both() {
        check(&["=x ", "+2added"], &["=x ", "-added"], 3, &["=x ", "+2-3added"]);
    }

    #[test]
    fn earlier_deletions_stay_in_place() {
        check(
            &["=a", "-2old", "+2new", "= c"],
            &["=a", "-new", "+newer", "= c"],
            3,
            &["=a", "-2old", "+2-3new", "+3newer", "= c"],
        );
    }

    #[test]
    fn a_step_may_split_a_span_anywhere() {
        check(&["=abcdef"], &["=ab", "-cd", "=ef"], 2, &["=ab", "-2cd", "=ef"]);
    }

    #[test]
    fn split_at_multibyte_characters_is_exact() {
        check(&["=é–ü"], &["=é", "-–", "=ü"], 2, &["=é", "-2–", "=ü"]);
    }

    #[test]
    fn dead_text_at_the_end_is_kept() {
        check(&["=a", "-2b"], &["=a", "+c"], 3, &["=a", "-2b", "+3c"]);
    }

    #[test]
    fn text_that_does_not_match_is_a_mismatch() {
        assert_eq!(overlay(&history(&["=abc"]), &step(&["=abd"]), 2), Err(Mismatch));
        assert_eq!(overlay(&history(&["=abc"]), &step(&["=ab"]), 2), Err(Mismatch));
        assert_eq!(overlay(&history(&["=ab"]), &step(&["=abc"]), 2), Err(Mismatch));
    }

    #[test]
    fn replace_whole_strikes_the_alive_text_and_inserts_the_new() {
        let out = replace_whole(&history(&["=a", "-2b"]), &step(&["=x", "+y"]), 3);
        assert_eq!(show(&out), ["-3a", "-2b", "+3xy"]);
    }
}
