//! From lines to paragraphs: the title block, the paragraph rule, and blocks.
//!
//! The paragraph rule is decided per document. Where blank lines often stand
//! before the lines that surely open a paragraph (see [`soft_wrapped`]), a
//! line that starts nothing of its own continues the paragraph before it
//! (soft wrap); otherwise (Word's plain-text export) every line is a paragraph. A line
//! that starts a label, a heading, a sub-heading, a UN opening phrase or a
//! footnote always starts a new paragraph, and so does the line after a
//! heading. A label alone on its line takes the next text line as its text,
//! and a sentence cut by a stray blank line (text ending without punctuation,
//! then a line starting in lower case) stays one paragraph.

use super::headings::{self, Table};
use super::lines::{Item, Line, Start, classify, split_lines};

/// The lines of a document, what each starts, and the paragraphs they form.
#[derive(Debug)]
pub(super) struct Layout {
    /// Every line.
    pub lines: Vec<Line>,
    /// What each line starts (same indices as `lines`).
    pub starts: Vec<Start>,
    /// The paragraphs, in order.
    pub blocks: Vec<Block>,
}

/// A paragraph: consecutive lines read as one piece (or two, for a UN opening phrase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Block {
    /// Index of its first line.
    pub first: usize,
    /// Index of its last non-blank line.
    pub last: usize,
    /// Part of the title block.
    pub title: bool,
}

/// Lays out `text`: classifies its lines with the heading words of `table`
/// and groups them into paragraphs.
pub(super) fn layout(text: &str, table: &Table) -> Layout {
    let lines = split_lines(text);
    let mut starts = classify_all(text, &lines, table);
    let (title_end, structureless) = title_end(&starts);
    retitle(text, &lines, &mut starts[..title_end], table);
    mark_sub_headings(text, &lines, &mut starts, title_end, table);
    let soft_wrap = soft_wrapped(&starts);
    if soft_wrap {
        demote_wrapped_lines(text, &lines, &mut starts, title_end);
    }
    let mut blocks = group(text, &lines, &starts, title_end, soft_wrap);
    if structureless {
        blocks.iter_mut().skip(1).for_each(|block| block.title = false);
    }
    Layout { lines, starts, blocks }
}

fn classify_all(text: &str, lines: &[Line], table: &Table) -> Vec<Start> {
    let mut dash_lists = false;
    let mut starts = Vec::with_capacity(lines.len());
    for line in lines {
        let start = classify(text, line, dash_lists, table);
        match &start {
            Start::Item(item) => dash_lists = item.marker,
            Start::Heading(_) => dash_lists = false,
            _ => {}
        }
        starts.push(start);
    }
    starts
}

/// End of the title block (a line index): the first heading; without one, the
/// first label; without either, the whole text (`true`: no structure found).
fn title_end(starts: &[Start]) -> (usize, bool) {
    let heading = starts.iter().position(|s| matches!(s, Start::Heading(_) | Start::UnPhrase(_)));
    let item = || starts.iter().position(|start| start.item().is_some());
    match heading.or_else(item) {
        Some(end) => (end, false),
        None => (starts.len(), true),
    }
}

/// Title lines are text, except the enacting formula which starts a paragraph:
/// the last line starting with `The ` (in English) in a run of lines that
/// ends with a comma.
fn retitle(text: &str, lines: &[Line], starts: &mut [Start], table: &Table) {
    let mut at = 0;
    while at < starts.len() {
        if lines[at].is_blank() {
            at += 1;
            continue;
        }
        let end = (at..starts.len()).find(|&next| lines[next].is_blank()).unwrap_or(starts.len());
        starts[at..end].iter_mut().for_each(|start| *start = Start::Text);
        let comma = text[..lines[end - 1].text_end].ends_with(headings::COMMAS);
        let formula = (at..end)
            .rev()
            .find(|&line| headings::opens_enacting_formula(&text[lines[line].body..], table));
        if let Some(line) = formula.filter(|_| comma) {
            starts[line] = Start::Formula;
        }
        at = end;
    }
}

/// Marks sub-headings: a short capitalised line without end punctuation, after
/// a blank line, a heading or a finished sentence, and before a labelled item.
fn mark_sub_headings(
    text: &str,
    lines: &[Line],
    starts: &mut [Start],
    title_end: usize,
    table: &Table,
) {
    for at in title_end..lines.len() {
        let line = &lines[at];
        if starts[at] != Start::Text
            || !headings::sub_heading_shape(&text[line.body..line.text_end], table)
        {
            continue;
        }
        let after_break = at == 0 || ends_paragraph(text, &lines[at - 1], &starts[at - 1]);
        let next = (at + 1..lines.len()).find(|&next| !lines[next].is_blank());
        let before_label =
            next.is_some_and(|next| starts[next].item().is_some_and(|item| item.label.is_some()));
        if after_break && before_label {
            starts[at] = Start::SubHeading;
        }
    }
}

/// True when `line` cannot be continued by the next line: blank, a heading,
/// or text ending a sentence or clause.
fn ends_paragraph(text: &str, line: &Line, start: &Start) -> bool {
    let closed = matches!(start, Start::Blank | Start::Heading(_) | Start::SubHeading);
    closed || headings::ends_punctuated(&text[line.body..line.text_end])
}

/// Decides the paragraph rule: soft wraps when a blank line stands before at
/// least one in [`SOFT_WRAP_SHARE`] of the lines that surely open a paragraph
/// (a label, a heading, a footnote ...). Lists often run without blank lines
/// in documents whose paragraphs are separated, so "most" would be too strict.
/// Without any such line: when blank lines are more frequent than line breaks.
fn soft_wrapped(starts: &[Start]) -> bool {
    let (mut openings, mut openings_after_blank) = (0usize, 0usize);
    let (mut blank_breaks, mut direct_breaks) = (0usize, 0usize);
    let mut previous: Option<&Start> = None;
    let mut blank_between = false;
    for start in starts {
        if *start == Start::Blank {
            blank_between = true;
            continue;
        }
        if previous.is_some() && opens_for_sure(start) {
            openings += 1;
            openings_after_blank += usize::from(blank_between);
        }
        if let Some(previous) = previous {
            if blank_between {
                blank_breaks += 1;
            } else if *start == Start::Text && !closes_line(previous) {
                direct_breaks += 1;
            }
        }
        previous = Some(start);
        blank_between = false;
    }
    match openings {
        0 => blank_breaks > direct_breaks,
        _ => openings_after_blank * SOFT_WRAP_SHARE >= openings,
    }
}

/// One in this many paragraph openings after a blank line makes a document soft-wrapped.
const SOFT_WRAP_SHARE: usize = 4;

fn opens_for_sure(start: &Start) -> bool {
    match start {
        Start::Blank | Start::Text => false,
        Start::Item(item) => item.label.is_some(),
        _ => true,
    }
}

/// True for headings and sub-headings: they are one line long.
fn is_one_line(start: &Start) -> bool {
    matches!(start, Start::Heading(_) | Start::SubHeading)
}

/// True for lines whose next line starts something new or joins by another rule.
fn closes_line(start: &Start) -> bool {
    match start {
        Start::Heading(_) | Start::SubHeading => true,
        Start::Item(item) => item.alone,
        _ => false,
    }
}

/// In soft-wrapped text, a heading word or a bare number (`37 (Istanbul`) at
/// the start of a line that directly follows text ending in a letter or digit
/// is the middle of a sentence. So is a heading word after text ending in a
/// comma when the sentence goes on and ends: `plan,` / `guided by Decision
/// PLEN/1 of this conference, taking account of the themes` / `under
/// discussion in PrepCom,` (see [`ends_a_sentence_below`]).
fn demote_wrapped_lines(text: &str, lines: &[Line], starts: &mut [Start], title_end: usize) {
    for at in title_end + 1..lines.len() {
        let previous = &lines[at - 1];
        let follows_text = !previous.is_blank() && !closes_line(&starts[at - 1]);
        let before = text[..previous.text_end].trim_end();
        let mid_sentence = follows_text && before.ends_with(char::is_alphanumeric);
        let heading = matches!(starts[at], Start::Heading(_));
        let after_comma = follows_text && before.ends_with(headings::COMMAS);
        if (mid_sentence && (heading || bare_number(text, &starts[at])))
            || (after_comma && heading && ends_a_sentence_below(text, lines, starts, at))
        {
            starts[at] = Start::Text;
        }
    }
}

/// True when heading line `at` reads as part of a sentence: more than
/// [`HEADING_ALONE_WORDS`] words and no closing punctuation, then lines of
/// text (the first in lower case, no blank line between) of which the last
/// ends with punctuation. A heading never ends with `,` `;` or `.`; a long
/// operative heading wrapped over two lines ends with none.
fn ends_a_sentence_below(text: &str, lines: &[Line], starts: &[Start], at: usize) -> bool {
    let line = &text[lines[at].body..lines[at].text_end];
    if line.split_whitespace().count() <= HEADING_ALONE_WORDS || headings::ends_punctuated(line) {
        return false;
    }
    let below = (at + 1..lines.len()).take_while(|&next| matches!(starts[next], Start::Text));
    let mut last = None;
    for next in below {
        let body = &text[lines[next].body..lines[next].text_end];
        if last.is_none() && !body.starts_with(char::is_lowercase) {
            return false;
        }
        last = Some(body);
    }
    last.is_some_and(headings::ends_punctuated)
}

/// A heading line of this many words or fewer (`considering further`,
/// `resolves to instruct`) stands alone whatever follows it.
const HEADING_ALONE_WORDS: usize = 3;

/// True for an item that starts with a number and nothing else: `37 `, not `37.` or `- 37`.
fn bare_number(text: &str, start: &Start) -> bool {
    let Some(Item { marker: false, label: Some(token), .. }) = start.item() else { return false };
    text[token.range.clone()].bytes().all(|b| b.is_ascii_digit())
}

/// True for a line that can be the text of a label alone on the line before.
fn continues_a_lone_label(start: &Start) -> bool {
    matches!(
        start,
        Start::Text | Start::Formula | Start::Heading(_) | Start::UnPhrase(_) | Start::SubHeading
    )
}

/// Groups lines into paragraphs by the paragraph rule.
fn group(
    text: &str,
    lines: &[Line],
    starts: &[Start],
    title_end: usize,
    soft_wrap: bool,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut blank_before = false;
    let mut awaiting_text = false;
    for (at, start) in starts.iter().enumerate() {
        if *start == Start::Blank {
            blank_before = true;
            continue;
        }
        let title = at < title_end;
        let joins = match blocks.last() {
            // A label alone on its line takes the next line as its text, even
            // one right under it that reads like a heading ("10", then
            // "Expressing its ..."); after a blank line, only plain text.
            Some(_) if awaiting_text && !blank_before => continues_a_lone_label(start),
            Some(_) if awaiting_text && *start == Start::Text => true,
            Some(_) if *start != Start::Text => false,
            Some(last) if is_one_line(&starts[last.first]) || last.title != title => false,
            Some(last) if blank_before => {
                !title && sentence_goes_on(text, &lines[last.last], &lines[at])
            }
            Some(_) => soft_wrap,
            None => false,
        };
        match blocks.last_mut() {
            Some(last) if joins => last.last = at,
            _ => blocks.push(Block { first: at, last: at, title }),
        }
        awaiting_text = !joins && start.item().is_some_and(|item| item.alone);
        blank_before = false;
    }
    blocks
}

/// A sentence cut by a stray blank line: the text before ends without
/// punctuation and the line after starts with a lower-case letter.
fn sentence_goes_on(text: &str, before: &Line, line: &Line) -> bool {
    let open_end = !headings::ends_punctuated(&text[before.body..before.text_end]);
    open_end && text[line.body..].starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line of each paragraph, and whether it is a title.
    fn check(text: &str, soft_wrap: bool, expected: &[(usize, usize)]) {
        let layout = layout(text, headings::table(crate::model::Language::En));
        assert_eq!(soft_wrapped(&layout.starts), soft_wrap, "{text:?}");
        let found: Vec<_> = layout.blocks.iter().map(|block| (block.first, block.last)).collect();
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn blank_lines_make_soft_wraps() {
        check("recalling\n\nfirst line\nwrapped,\n\nsecond,\n", true, &[(0, 0), (2, 3), (5, 5)]);
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph() {
        check("recalling\nfirst line\nsecond line,\n", false, &[(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn a_label_alone_takes_the_next_line() {
        check("recalling\na)\nthat x;\nb)\n\nthat y,\n", false, &[(0, 0), (1, 2), (3, 5)]);
    }

    #[test]
    fn a_label_alone_takes_the_next_line_even_one_that_reads_like_a_heading() {
        check(
            "Resolution\n\nRecalling its resolution,\n\n10\nExpressing its appreciation to all,\n",
            true,
            &[(0, 0), (2, 2), (4, 5)],
        );
        check("resolves\n\n1\nencourages Member States\n", true, &[(0, 0), (2, 3)]);
    }

    #[test]
    fn a_stray_blank_line_inside_a_sentence_does_not_cut_it() {
        check(
            "noting\n\nthat the *effort of\n\nall* is essential,\n\nb) x\n\nC",
            true,
            &[(0, 0), (2, 4), (6, 6), (8, 8)],
        );
    }

    #[test]
    fn a_closing_bracket_after_the_full_stop_ends_the_sentence() {
        check(
            "noting\n\na) that it is [in the Post-2015 Development Agenda].]\n\nthat it goes on,\n",
            true,
            &[(0, 0), (2, 2), (4, 4)],
        );
    }

    #[test]
    fn headings_win_over_soft_wraps_unless_mid_sentence() {
        check(
            "noting\n\nthat x,\nbearing in mind\n\ny\n\nresolves\n",
            true,
            &[(0, 0), (2, 2), (3, 3), (5, 5), (7, 7)],
        );
        check(
            "noting\n\nthat the Council, after\nnoting the report, agreed\n\nresolves\n",
            true,
            &[(0, 0), (2, 3), (5, 5)],
        );
        // After a comma: a heading, unless the sentence goes on in lower case
        // below it and ends with punctuation.
        check(
            "noting\n\nthat x, y and z,\nguided by the goals of WSIS, as one of the\nmost important goals;\n\nresolves\n",
            true,
            &[(0, 0), (2, 4), (6, 6)],
        );
        check(
            "noting\n\nthat x,\nguided by Decision PLEN/1, taking account of the themes\nunder discussion,\n\nresolves\n",
            true,
            &[(0, 0), (2, 4), (6, 6)],
        );
        check(
            "noting\n\nthat x,\nresolves to instruct the Director of\nthe Telecommunication Standardization Bureau\n\n1 to act\n",
            true,
            &[(0, 0), (2, 2), (3, 3), (4, 4), (6, 6)],
        );
    }
}
