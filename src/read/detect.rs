//! Which notation a rendered redline uses, from the markers present.
//!
//! Writers escape every marker of every notation in literal text, so the
//! first unescaped marker of each family tells the notation; markers of two
//! families are an error that names both places.

use super::Problem;
use crate::error::Remedy;
use crate::render::markers::{self, ESCAPE, Notation, is_action_line, marker_at};

/// The families of markers, in the order they are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Critic,
    Wdiff,
    Tilde,
    /// `<<` notes and action lines: tilde or wdiff.
    Shared,
}

fn family(marker: &str) -> Family {
    match marker {
        "[-" | "-]" | "{+" | "+}" => Family::Wdiff,
        "~~" | "++" => Family::Tilde,
        "<<" => Family::Shared,
        _ => Family::Critic,
    }
}

/// First offset of each family, and whether anything beyond `~~` was seen.
#[derive(Debug, Default)]
struct Seen {
    first: Vec<(Family, usize, String)>,
    beyond_struck: bool,
}

impl Seen {
    fn saw(&mut self, family: Family, offset: usize, what: &str) {
        self.beyond_struck |= what != "~~";
        if !self.first.iter().any(|(seen, ..)| *seen == family) {
            self.first.push((family, offset, what.to_string()));
        }
    }

    fn has(&self, family: Family) -> bool {
        self.first.iter().any(|(seen, ..)| *seen == family)
    }
}

/// The notation of `text`: critic, wdiff, text, or DL/23 when only `~~`
/// appears and the two readings agree.
pub(super) fn detect(text: &str) -> Result<&'static Notation, Problem> {
    let seen = scan(text);
    let critic = seen.has(Family::Critic);
    let families: Vec<_> =
        seen.first.iter().filter(|(family, ..)| critic || *family != Family::Shared).collect();
    if let [(_, first_at, first), (_, second_at, second), ..] = families.as_slice() {
        let (line, column) = crate::model::LineIndex::new(text).line_col(text, *first_at);
        let message =
            format!("markers of two notations: {second:?} here and {first:?} at {line}:{column}");
        let problem = Problem::new(*second_at, message);
        return Err(Problem { remedy: Some(Remedy::ChooseNotation), ..problem });
    }
    Ok(match families.first().map(|(f, ..)| *f) {
        Some(Family::Critic) => &markers::CRITIC,
        Some(Family::Wdiff) => &markers::WDIFF,
        _ if seen.beyond_struck || closes_a_line(text) => &markers::TILDE,
        _ => &markers::DL23,
    })
}

/// `true` if a closing `~~` starts a line and a newline follows it: the text
/// format gives that newline to the marker, the DL/23 convention keeps it.
/// Only called when `~~` is the only marker, so every other `~~` toggles.
fn closes_a_line(text: &str) -> bool {
    let mut open = false;
    text.match_indices("~~").any(|(at, _)| {
        let closes = open;
        open = !open;
        let line_start = at == 0 || text[..at].ends_with('\n');
        closes && line_start && text[at + 2..].starts_with('\n')
    })
}

fn scan(text: &str) -> Seen {
    let mut seen = Seen::default();
    let mut pos = 0;
    while let Some(first) = text[pos..].chars().next() {
        let rest = &text[pos..];
        let line_start = pos == 0 || text[..pos].ends_with('\n');
        let action = line_start.then(|| rest.split_once('\n')).flatten();
        if let Some((line, _)) = action.filter(|(line, _)| is_action_line(line)) {
            seen.saw(Family::Shared, pos, line);
            pos += line.len() + 1;
        } else if first == ESCAPE {
            seen.beyond_struck = true;
            pos += first.len_utf8() + rest[1..].chars().next().map_or(0, char::len_utf8);
        } else if let Some(marker) = marker_at(rest) {
            seen.saw(family(marker), pos, marker);
            pos += marker.len();
        } else {
            pos += first.len_utf8();
        }
    }
    seen
}
