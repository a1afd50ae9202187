//! Splits a rendered redline into characters, markers, notes and action lines.

use super::Problem;
use crate::render::markers::{ESCAPE, MoveNote, Notation, is_action_line, may_start_marker};

/// One token of a rendered redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// A character of the text (escaped or not).
    Char(char),
    /// A marker of the notation (`~~`, `{+`, `~>` ...).
    Marker(&'static str),
    /// The words of a note (`<<moved to #3>>`, `{>>MOD<<}`).
    Note(&'a str),
    /// An action line (`MOD` alone on a line), newline included, and its words.
    ActionLine(&'a str),
}

/// Reads tokens left to right; markers are tried longest first.
pub(super) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    notation: &'static Notation,
    markers: Vec<&'static str>,
}

impl<'a> Scanner<'a> {
    /// A scanner of `text` in `notation`.
    pub(super) fn new(text: &'a str, notation: &'static Notation) -> Self {
        let mut markers: Vec<&'static str> = [Some(notation.delete), notation.insert]
            .into_iter()
            .chain([notation.highlight])
            .flatten()
            .flat_map(|(open, close)| [open, close])
            .chain(notation.substitute.into_iter().flat_map(|(a, b, c)| [a, b, c]))
            .collect();
        markers.sort_by_key(|marker| std::cmp::Reverse(marker.len()));
        markers.dedup();
        Scanner { text, pos: 0, notation, markers }
    }

    /// The next token and its byte offset; `outside` says that no mark is
    /// open (action lines are recognised only there).
    pub(super) fn next_token(
        &mut self,
        outside: bool,
    ) -> Option<Result<(usize, Token<'a>), Problem>> {
        let start = self.pos;
        let rest = &self.text[start..];
        let first = rest.chars().next()?;
        let line_start = start == 0 || self.text.as_bytes()[start - 1] == b'\n';
        // Most characters start nothing: no marker, note, escape or action line.
        let special = first == ESCAPE || (first.is_ascii() && may_start_marker(first as u8));
        let may_be_action_line = outside && line_start;
        let token = if !(special || may_be_action_line) {
            self.pos += first.len_utf8();
            Ok(Token::Char(first))
        } else if let Some(words) = may_be_action_line.then(|| self.action_line(rest)).flatten() {
            Ok(Token::ActionLine(words))
        } else if self.notation.escapes && first == ESCAPE {
            self.escaped(start)
        } else if let Some((open, close)) =
            self.notation.note.filter(|(open, _)| rest.starts_with(open))
        {
            self.note(start, open, close, line_start)
        } else if let Some(marker) = self.markers.iter().find(|marker| rest.starts_with(*marker)) {
            self.pos += marker.len();
            Ok(Token::Marker(marker))
        } else {
            self.pos += first.len_utf8();
            Ok(Token::Char(first))
        };
        Some(token.map(|token| (start, token)))
    }

    /// Consumes a newline, if one comes next.
    pub(super) fn skip_newline(&mut self) {
        if self.text[self.pos..].starts_with('\n') {
            self.pos += 1;
        }
    }

    /// Consumes an action line and its newline, if `rest` starts with one,
    /// and gives its words.
    fn action_line(&mut self, rest: &'a str) -> Option<&'a str> {
        let (line, _) = rest.split_once('\n')?;
        let found = self.notation.action_lines && is_action_line(line);
        if found {
            self.pos += line.len() + 1;
        }
        found.then_some(line)
    }

    fn escaped(&mut self, start: usize) -> Result<Token<'a>, Problem> {
        let escaped = self.text[start + 1..].chars().next();
        let escaped =
            escaped.ok_or_else(|| Problem::new(start, "`\\` at the end escapes nothing"))?;
        self.pos = start + 1 + escaped.len_utf8();
        Ok(Token::Char(escaped))
    }

    /// A note; a move note that starts a line takes the newline after it.
    fn note(
        &mut self,
        start: usize,
        open: &str,
        close: &str,
        line_start: bool,
    ) -> Result<Token<'a>, Problem> {
        let body = start + open.len();
        let length = self.text[body..].find(close).ok_or_else(|| {
            Problem::new(
                start,
                format!("`{open}` opens a note that is never closed with `{close}`"),
            )
        })?;
        let words = &self.text[body..body + length];
        self.pos = body + length + close.len();
        if line_start && MoveNote::parse(words).is_some() && self.text[self.pos..].starts_with('\n')
        {
            self.pos += 1;
        }
        Ok(Token::Note(words))
    }
}
