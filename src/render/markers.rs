//! The grammar of the plain redline formats, shared by the writers and by [`crate::read`].
//!
//! Three notations mark changes inline: tilde (`~~deleted~~`, `++inserted++`),
//! wdiff (`[-deleted-]`, `{+inserted+}`) and CriticMarkup (`{--deleted--}`,
//! `{++inserted++}`, `{~~old~>new~~}`). A fourth, the DL/23 export convention,
//! only strikes (`~~struck~~`) and is read, never written.
//!
//! # Grammar
//! - `\` followed by any character stands for that character. Writers put a
//!   `\` before `\` itself and before any character where a marker of *any*
//!   notation would otherwise start, so one notation's output never contains
//!   another's markers and the notation can be detected.
//! - Notes: tilde and wdiff write `<<moved to #3>>` (the stub),
//!   `<<moved from #3>>` ... `<</moved #3>>` (around the moved entry);
//!   CriticMarkup writes the same words as comments, `{>>moved to #3<<}`.
//!   A move note that starts a line takes the newline after it.
//! - White space: a change of white space only (a reflowed line, a blank
//!   line more or less between paragraphs) is written as its new white space,
//!   unmarked, and a last note after the text gives each one's old white
//!   space: `<<white space: 20:66+1 "\n\n"; 45:3+0 " ">>` (line:column in
//!   the output where the new white space starts, its length in characters,
//!   the old white space as a JSON string). `--strict` marks them inline instead.
//! - Action lines (tilde and wdiff): a line reading exactly `MOD`, `ADD`,
//!   `SUP` or `NOC`, optionally followed by ` (moved)`, ` (renumbered)` or
//!   ` (moved, renumbered)`, is not text. CriticMarkup writes the action as a
//!   comment `{>>MOD<<}`; readers drop every comment that is not a move note.
//!
//! # Invariants
//! - Every marker is ASCII and at most three characters long.
//! - A writer's literal text never starts a marker of [`ALL_MARKERS`], never
//!   extends the marker before it into a longer one, and never forms an
//!   action line.

/// Every marker of every notation, longest first (the order a scanner tries them).
pub const ALL_MARKERS: &[&str] = &[
    "{--", "--}", "{++", "++}", "{~~", "~~}", "{>>", "<<}", "{==", "==}", "~>", "~~", "++", "[-",
    "-]", "{+", "+}", "<<",
];

/// The escape character of the plain formats.
pub const ESCAPE: char = '\\';

/// The markers of one notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notation {
    /// Its name, as `--from` spells it.
    pub name: &'static str,
    /// Opening and closing marker of a deletion (the same for a toggle).
    pub delete: (&'static str, &'static str),
    /// Opening and closing marker of an insertion, if the notation marks insertions.
    pub insert: Option<(&'static str, &'static str)>,
    /// Opening, separating and closing marker of a substitution (`{~~old~>new~~}`).
    pub substitute: Option<(&'static str, &'static str, &'static str)>,
    /// Opening and closing marker of a highlight, kept on both sides.
    pub highlight: Option<(&'static str, &'static str)>,
    /// Opening and closing marker of a note (move markers, comments).
    pub note: Option<(&'static str, &'static str)>,
    /// Whether notes other than move notes are comments to drop (CriticMarkup).
    pub comments: bool,
    /// Whether action lines (`MOD` alone on a line) are written and dropped on reading.
    pub action_lines: bool,
    /// Whether `\` escapes the next character.
    pub escapes: bool,
}

/// `~~deleted~~` and `++inserted++`, the default of `--format text`.
pub const TILDE: Notation = Notation {
    name: "text",
    delete: ("~~", "~~"),
    insert: Some(("++", "++")),
    substitute: None,
    highlight: None,
    note: Some(("<<", ">>")),
    comments: false,
    action_lines: true,
    escapes: true,
};

/// `[-deleted-]` and `{+inserted+}`, as GNU wdiff and `git diff --word-diff` write them.
pub const WDIFF: Notation =
    Notation { name: "wdiff", delete: ("[-", "-]"), insert: Some(("{+", "+}")), ..TILDE };

/// CriticMarkup: `{--deleted--}`, `{++inserted++}`, `{~~old~>new~~}`, `{>>comment<<}`.
pub const CRITIC: Notation = Notation {
    name: "critic",
    delete: ("{--", "--}"),
    insert: Some(("{++", "++}")),
    substitute: Some(("{~~", "~>", "~~}")),
    highlight: Some(("{==", "==}")),
    note: Some(("{>>", "<<}")),
    comments: true,
    action_lines: false,
    escapes: true,
};

/// The DL/23 export: `~~struck~~` only, insertions unmarked, no escapes.
pub const DL23: Notation = Notation {
    name: "dl23",
    delete: ("~~", "~~"),
    insert: None,
    substitute: None,
    highlight: None,
    note: None,
    comments: false,
    action_lines: false,
    escapes: false,
};

/// What a move note says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveNote {
    /// `moved to #n`: the old place of a moved entry.
    To(usize),
    /// `moved from #n`: the start of the moved entry at its new place.
    From(usize),
    /// `/moved #n`: the end of the moved entry.
    End(usize),
}

impl MoveNote {
    /// The words of the note, without its brackets.
    pub fn words(self) -> String {
        match self {
            MoveNote::To(id) => format!("moved to #{id}"),
            MoveNote::From(id) => format!("moved from #{id}"),
            MoveNote::End(id) => format!("/moved #{id}"),
        }
    }

    /// Reads the words of a note; `None` if they are not a move note.
    pub fn parse(words: &str) -> Option<MoveNote> {
        let number = |rest: &str| rest.parse::<usize>().ok().filter(|_| is_digits(rest));
        if let Some(rest) = words.strip_prefix("moved to #") {
            return number(rest).map(MoveNote::To);
        }
        if let Some(rest) = words.strip_prefix("moved from #") {
            return number(rest).map(MoveNote::From);
        }
        words.strip_prefix("/moved #").and_then(number).map(MoveNote::End)
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The words of an action line or comment: `MOD`, `SUP (moved)`, `NOC (renumbered)` ...
pub fn action_words(action: &str, moved: bool, renumbered: bool) -> String {
    match (moved, renumbered) {
        (false, false) => action.to_string(),
        (true, false) => format!("{action} (moved)"),
        (false, true) => format!("{action} (renumbered)"),
        (true, true) => format!("{action} (moved, renumbered)"),
    }
}

/// The operation of an entry written whole (`ADD`, `SUP`): its text is one
/// marked run and the white space after the run belongs to it, so the
/// closing marker stands before the blank lines, not on a line of its own.
pub fn whole_entry_op(action_words: &str) -> Option<crate::model::Op> {
    match action_words.trim() {
        "ADD" => Some(crate::model::Op::Insert),
        "SUP" => Some(crate::model::Op::Delete),
        _ => None,
    }
}

/// How the note of white space changes begins.
pub const LAYOUT_NOTE: &str = "white space: ";

/// One change of white space, as the note after the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Line of the output where the new white space starts (1-based).
    pub line: usize,
    /// Column of the output where it starts (1-based, in characters).
    pub column: usize,
    /// Characters of the new white space written there.
    pub chars: usize,
    /// The old white space.
    pub old: String,
}

/// The note (and its newline) giving the old white space of each change
/// written at byte `at` of `body`, `chars` characters long.
pub fn layout_note(
    body: &str,
    places: &[(usize, usize, &str)],
    (open, close): (&str, &str),
) -> String {
    let lines = crate::model::LineIndex::new(body);
    let entries: Vec<String> = places
        .iter()
        .map(|&(at, chars, old)| {
            let (line, column) = lines.line_col(body, at);
            let old = serde_json::to_string(old).unwrap_or_default();
            format!("{line}:{column}+{chars} {old}")
        })
        .collect();
    format!("{open}{LAYOUT_NOTE}{}{close}\n", entries.join("; "))
}

/// The changes of white space a note's words give, if they are a layout note.
pub fn parse_layout_note(words: &str) -> Option<Vec<Layout>> {
    let rest = words.strip_prefix(LAYOUT_NOTE)?;
    rest.split("; ").map(parse_layout).collect()
}

/// `20:66+1 "\n\n"`.
fn parse_layout(entry: &str) -> Option<Layout> {
    let (place, old) = entry.split_once(' ')?;
    let (position, chars) = place.split_once('+')?;
    let (line, column) = position.split_once(':')?;
    let old: String = serde_json::from_str(old).ok()?;
    old.chars().all(char::is_whitespace).then_some(Layout {
        line: line.parse().ok()?,
        column: column.parse().ok()?,
        chars: chars.parse().ok()?,
        old,
    })
}

/// `true` for a line that reads as an action line (without its newline).
pub fn is_action_line(line: &str) -> bool {
    let Some(action) = line.get(..3) else { return false };
    let rest = &line[3..];
    let known = matches!(action, "ADD" | "SUP" | "MOD" | "NOC");
    known && matches!(rest, "" | " (moved)" | " (renumbered)" | " (moved, renumbered)")
}

/// The marker of [`ALL_MARKERS`] that starts `text`, if any.
pub fn marker_at(text: &str) -> Option<&'static str> {
    let first = *text.as_bytes().first()?;
    if !may_start_marker(first) {
        return None;
    }
    ALL_MARKERS.iter().copied().find(|marker| text.starts_with(marker))
}

/// `true` if `byte` is the first byte of some marker of [`ALL_MARKERS`]: a
/// cheap test that lets scanners skip the other characters.
pub fn may_start_marker(byte: u8) -> bool {
    matches!(byte, b'{' | b'-' | b'+' | b'~' | b'<' | b'=' | b'[')
}

/// `true` if the literal character at the start of `rest` must be escaped.
///
/// `rest` is the raw output from that character on (later markers included);
/// `mark_before` is the marker written just before it, if any; `line_start`
/// says whether the character starts a line of the output.
pub fn needs_escape(rest: &str, mark_before: Option<&str>, line_start: bool) -> bool {
    rest.starts_with(ESCAPE)
        || marker_at(rest).is_some()
        || mark_before.is_some_and(|mark| extends_marker(mark, rest))
        || (line_start && is_action_line(rest.split('\n').next().unwrap_or_default()))
}

/// `true` if `mark` followed by `rest` reads as a longer marker than `mark`.
fn extends_marker(mark: &str, rest: &str) -> bool {
    ALL_MARKERS.iter().any(|longer| {
        longer.len() > mark.len()
            && longer.starts_with(mark)
            && rest.starts_with(&longer[mark.len()..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_starts_with_a_byte_that_may_start_one() {
        for marker in ALL_MARKERS {
            assert!(may_start_marker(marker.as_bytes()[0]), "{marker}");
        }
        for notation in [TILDE, WDIFF, CRITIC, DL23] {
            let note = notation.note.map(|(open, _)| open);
            for open in [Some(notation.delete.0), notation.insert.map(|m| m.0), note] {
                assert!(open.is_none_or(|open| may_start_marker(open.as_bytes()[0])), "{open:?}");
            }
        }
    }

    #[test]
    fn action_lines_are_exact() {
        for line in
            ["MOD", "ADD", "SUP", "NOC (renumbered)", "MOD (moved)", "SUP (moved, renumbered)"]
        {
            assert!(is_action_line(line), "{line}");
        }
        for line in ["MOD WGPL/23/1", "mod", " MOD", "MOD ", "MODS", "", "MOD (moved"] {
            assert!(!is_action_line(line), "{line}");
        }
    }

    #[test]
    fn move_notes_read_back() {
        for note in [MoveNote::To(3), MoveNote::From(12), MoveNote::End(1)] {
            assert_eq!(MoveNote::parse(&note.words()), Some(note));
        }
        for words in ["moved to #", "moved to #x", "moved to #+3", "moved to 3", "MOD"] {
            assert_eq!(MoveNote::parse(words), None, "{words}");
        }
    }

    #[test]
    fn escapes_marker_starts_and_extensions() {
        assert!(needs_escape("~~x", None, false));
        assert!(needs_escape("\\", None, false));
        assert!(needs_escape("[-", None, false));
        assert!(!needs_escape("~x", None, false));
        assert!(!needs_escape("+10", None, false));
        assert!(needs_escape("}", Some("~~"), false), "`~~` then `}}` reads as `~~}}`");
        assert!(needs_escape("+x", Some("{+"), false), "`{{+` then `+` reads as `{{++`");
        assert!(!needs_escape("}", Some("--}"), false));
    }

    #[test]
    fn escapes_action_lines_only_at_line_start() {
        assert!(needs_escape("MOD\nrest", None, true));
        assert!(needs_escape("MOD", None, true));
        assert!(!needs_escape("MOD\nrest", None, false));
        assert!(!needs_escape("MODEL\n", None, true));
    }
}
