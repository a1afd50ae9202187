//! Edits of a unit's words: phrases replaced, inserted or deleted, brackets
//! added, removed or edited inside, headings rephrased. Each returns whether
//! it could apply; fresh tokens get fresh ids, carried ones keep theirs.

use crate::doc::{Ids, Tok, Unit};
use crate::norm::fold;
use crate::texts::{Source, may_start_line};

/// What a word edit reads: fresh ids, random choices, words.
pub struct Ctx<'a> {
    /// Fresh ids.
    pub ids: &'a mut Ids,
    /// The random choices.
    pub rng: &'a mut fastrand::Rng,
    /// Words to insert.
    pub source: &'a Source,
}

/// The kinds of word edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordEdit {
    /// One to three words replaced by others.
    Replace,
    /// One to four words inserted, nothing deleted.
    Insert,
    /// One to three words deleted.
    Delete,
    /// A phrase of 30% to 40% of the words rewritten (more than half of the
    /// words stay: still the same provision, modified).
    Rewrite,
    /// A word of a near-identical list replaced by another of the list's
    /// words (`e-health` by `e-government`): the provision comes closer to others.
    Vocabulary,
}

fn is_bracket(tok: &Tok) -> bool {
    tok.text == "[" || tok.text == "]"
}

fn is_word(tok: &Tok) -> bool {
    !is_bracket(tok) && tok.text.chars().any(char::is_alphanumeric)
}

/// The first index a word edit may touch: never the first word of an
/// unlabelled provision (a UN phrase or `to` stands before it).
fn first_editable(unit: &Unit) -> usize {
    if unit.labelled { 0 } else { 1 }
}

/// How many words one edit may change: a sixth of the words, one to three.
fn phrase_len(unit: &Unit, rng: &mut fastrand::Rng) -> usize {
    rng.usize(1..=(unit.word_count() / 6).clamp(1, 3))
}

/// Applies one word edit of `kind` to `unit`.
pub fn word_edit(unit: &mut Unit, cx: &mut Ctx<'_>, kind: WordEdit) -> bool {
    let done = match kind {
        WordEdit::Replace => replace(unit, cx, None),
        WordEdit::Insert => insert(unit, cx),
        WordEdit::Delete => delete(unit, cx),
        WordEdit::Rewrite => rewrite(unit, cx),
        WordEdit::Vocabulary => vocabulary(unit, cx),
    };
    fix_line_starts(unit);
    done
}

/// Replaces a run of words starting in `within` (a range of token indices) or anywhere.
pub fn replace(unit: &mut Unit, cx: &mut Ctx<'_>, within: Option<(usize, usize)>) -> bool {
    let (low, high) = within.unwrap_or((first_editable(unit), unit.toks.len()));
    let starts: Vec<usize> = (low..high).filter(|&i| is_word(&unit.toks[i])).collect();
    if starts.is_empty() {
        return false;
    }
    let start = starts[cx.rng.usize(..starts.len())];
    let count = phrase_len(unit, cx.rng);
    let mut at = start;
    while at < high && at < start + count && is_word(&unit.toks[at]) {
        let fresh = replacement(&unit.toks[at].text, cx);
        let space = unit.toks[at].space.clone();
        unit.toks[at] = Tok { space, ..cx.ids.tok(&fresh) };
        at += 1;
    }
    true
}

/// `word` with its letters replaced by another word, punctuation kept around it.
fn replacement(word: &str, cx: &mut Ctx<'_>) -> String {
    let core_start = word.find(char::is_alphanumeric).unwrap_or(0);
    let core_end = word
        .rfind(char::is_alphanumeric)
        .map_or(word.len(), |i| i + word[i..].chars().next().map_or(1, char::len_utf8));
    let core = fold(&word[core_start..core_end]).to_lowercase();
    loop {
        let new = cx.source.word(cx.rng);
        if new != core {
            return format!("{}{new}{}", &word[..core_start], &word[core_end..]);
        }
    }
}

/// Rewrites a run of 30% to 40% of the words, keeping more than half of
/// the words (Dice coefficient 0.55 at least against the text before).
fn rewrite(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let before = unit.clone();
    let words = unit.word_count();
    let count = cx.rng.usize(words * 3 / 10..=words * 2 / 5).max(2);
    let low = first_editable(unit);
    let runs: Vec<usize> = (low..unit.toks.len().saturating_sub(count))
        .filter(|&start| unit.toks[start..start + count].iter().all(is_word))
        .collect();
    if runs.is_empty() {
        return false;
    }
    let start = runs[cx.rng.usize(..runs.len())];
    let space = unit.toks[start + count - 1].space.clone();
    let fresh = (0..count + cx.rng.usize(..=1)).map(|_| cx.source.word(cx.rng).to_string());
    let mut fresh: Vec<Tok> = fresh.map(|w| cx.ids.tok(&w)).collect();
    if let Some(last) = fresh.last_mut() {
        last.space = space;
    }
    unit.toks.splice(start..start + count, fresh);
    if crate::likeness::dice(&before, unit) < 0.55 {
        *unit = before;
        return false;
    }
    true
}

/// Replaces a word of the near-identical lists' vocabulary by another of the
/// same slot (verb, domain, year).
fn vocabulary(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let slots = crate::texts::near_slots();
    let core = |tok: &Tok| tok.text.trim_end_matches([';', ',', '.', ':']).to_string();
    let found: Vec<(usize, usize)> = (first_editable(unit)..unit.toks.len())
        .filter_map(|i| {
            slots.iter().position(|slot| slot.contains(&core(&unit.toks[i]))).map(|s| (i, s))
        })
        .collect();
    if found.is_empty() {
        return false;
    }
    let (at, slot) = found[cx.rng.usize(..found.len())];
    let old = core(&unit.toks[at]);
    let choices: Vec<&String> = slots[slot].iter().filter(|w| **w != old).collect();
    let new = choices[cx.rng.usize(..choices.len())];
    let tail = unit.toks[at].text[old.len()..].to_string();
    let space = unit.toks[at].space.clone();
    unit.toks[at] = Tok { space, ..cx.ids.tok(&format!("{new}{tail}")) };
    true
}

fn insert(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let low = first_editable(unit).max(1);
    if unit.toks.len() < low + 2 {
        return false;
    }
    let at = cx.rng.usize(low..unit.toks.len());
    let count = cx.rng.usize(1..=4);
    let mut fresh: Vec<Tok> = (0..count).map(|_| cx.ids.tok(cx.source.word(cx.rng))).collect();
    // After a word glued to a closing `]`, the new words go before the `]`:
    // the word before them gets a space, the last of them the glue.
    let before = &mut unit.toks[at - 1];
    if before.text != "[" {
        if let Some(last) = fresh.last_mut() {
            last.space = std::mem::replace(&mut before.space, " ".to_string());
        }
    }
    unit.toks.splice(at..at, fresh);
    true
}

fn delete(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let low = first_editable(unit).max(1);
    let last = unit.toks.len().saturating_sub(1);
    let deletable = |toks: &[Tok], i: usize| {
        is_word(&toks[i]) && !is_bracket(&toks[i - 1]) && !is_bracket(&toks[i + 1])
    };
    let starts: Vec<usize> = (low..last).filter(|&i| deletable(&unit.toks, i)).collect();
    if starts.is_empty() {
        return false;
    }
    let start = starts[cx.rng.usize(..starts.len())];
    let mut end = start + 1;
    let count = phrase_len(unit, cx.rng);
    while end < last && end < start + count && deletable(&unit.toks, end) {
        end += 1;
    }
    let space = unit.toks[end - 1].space.clone();
    unit.toks.drain(start..end);
    if !unit.toks[start - 1].space.is_empty() {
        unit.toks[start - 1].space = space;
    }
    true
}

/// A line break before a word no line may start with becomes a space.
pub fn fix_line_starts(unit: &mut Unit) {
    for index in 1..unit.toks.len() {
        if unit.toks[index - 1].space.contains('\n') && !may_start_line(&unit.toks[index].text) {
            unit.toks[index - 1].space = " ".to_string();
        }
    }
}

/// Brackets two to six words that hold no bracket.
pub fn bracket_phrase(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let low = first_editable(unit);
    let len = unit.toks.len();
    if len < low + 3 {
        return false;
    }
    let start = cx.rng.usize(low..len - 1);
    let mut end = start;
    let wanted = cx.rng.usize(2..=6);
    while end + 1 < len && end + 1 < start + wanted && !is_bracket(&unit.toks[end + 1]) {
        end += 1;
    }
    if (start..=end).any(|i| is_bracket(&unit.toks[i])) || end == start {
        return false;
    }
    wrap_in_brackets(unit, cx.ids, start, end);
    true
}

/// Puts `[` before token `start` and `]` after token `end`.
fn wrap_in_brackets(unit: &mut Unit, ids: &mut Ids, start: usize, end: usize) {
    let mut close = ids.tok("]");
    close.space = std::mem::take(&mut unit.toks[end].space);
    unit.toks.insert(end + 1, close);
    unit.toks.insert(start, ids.glued("["));
    if start > 0 && unit.toks[start - 1].space.contains('\n') {
        unit.toks[start - 1].space = " ".to_string();
    }
}

/// Brackets the last words and puts the final punctuation after the bracket:
/// `... [Tunis Agenda];`.
pub fn bracket_end(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let len = unit.toks.len();
    let Some(last) = unit.toks.last_mut() else { return false };
    let kept = last.text.trim_end_matches([';', ',', '.', ':']).len();
    if len < 6 || kept == 0 || kept == last.text.len() || last.text.contains(['[', ']']) {
        return false;
    }
    let punctuation = last.text.split_off(kept);
    unit.toks.push(cx.ids.glued(&punctuation));
    let start = len - cx.rng.usize(2..=4);
    if (start..len).any(|i| is_bracket(&unit.toks[i])) {
        let mut last = unit.toks.pop().map(|t| t.text).unwrap_or_default();
        if let Some(word) = unit.toks.last_mut() {
            word.text.push_str(&std::mem::take(&mut last));
        }
        return false;
    }
    wrap_in_brackets(unit, cx.ids, start, len - 1);
    true
}

/// Removes one pair of brackets (the text is agreed), keeping the words.
pub fn unbracket(unit: &mut Unit) -> bool {
    let Some(open) = unit.toks.iter().position(|t| t.text == "[") else { return false };
    let Some(close) = matching_close(&unit.toks, open) else { return false };
    let space = unit.toks.remove(close).space;
    unit.toks[close - 1].space = space;
    unit.toks.remove(open);
    true
}

fn matching_close(toks: &[Tok], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (index, tok) in toks.iter().enumerate().skip(open) {
        match tok.text.as_str() {
            "[" => depth += 1,
            "]" => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// Replaces words inside a bracketed phrase (never the brackets).
pub fn edit_in_brackets(unit: &mut Unit, cx: &mut Ctx<'_>) -> bool {
    let Some(open) = unit.toks.iter().position(|t| t.text == "[") else { return false };
    let Some(close) = matching_close(&unit.toks, open) else { return false };
    replace(unit, cx, Some((open + 1, close)))
}

/// Brackets the whole provision: `[` before its label, `]` after its text.
pub fn bracket_whole(unit: &mut Unit, ids: &mut Ids) -> bool {
    if unit.open.is_some() || unit.toks.is_empty() {
        return false;
    }
    unit.open = Some(ids.glued("["));
    unit.toks.push(ids.glued("]"));
    true
}

/// Removes the brackets around a whole provision.
pub fn unbracket_whole(unit: &mut Unit) -> bool {
    if unit.open.is_none() || unit.toks.last().is_none_or(|t| t.text != "]") {
        return false;
    }
    unit.open = None;
    unit.toks.pop();
    true
}

/// Rewrites `unit` as `words`, keeping the tokens of the common beginning and end.
pub fn rephrase(unit: &mut Unit, words: &[String], ids: &mut Ids) {
    let old: Vec<&str> = unit.toks.iter().map(|t| t.text.as_str()).collect();
    let prefix = old.iter().zip(words).take_while(|(a, b)| **a == b.as_str()).count();
    let room = old.len().min(words.len()) - prefix;
    let suffix = (old.iter().rev().zip(words.iter().rev()))
        .take(room)
        .take_while(|(a, b)| **a == b.as_str())
        .count();
    let middle = ids.toks(&words[prefix..words.len() - suffix]);
    let tail = unit.toks.split_off(old.len() - suffix);
    unit.toks.truncate(prefix);
    unit.toks.extend(middle);
    unit.toks.extend(tail);
    let last = unit.toks.len().saturating_sub(1);
    for (index, tok) in unit.toks.iter_mut().enumerate() {
        tok.space = if index == last { String::new() } else { " ".to_string() };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::UnitKind;
    use crate::texts::words;

    fn unit(ids: &mut Ids, text: &str) -> Unit {
        let mut unit = ids.unit(UnitKind::Provision, &words(text), "\n");
        unit.labelled = true;
        unit
    }

    fn text(unit: &Unit) -> String {
        let open = unit.open.as_ref().map_or("", |t| t.text.as_str());
        let words: String = unit.toks.iter().map(|t| format!("{}{}", t.text, t.space)).collect();
        format!("{open}{words}")
    }

    #[test]
    fn brackets_added_and_removed_keep_the_words() {
        let mut ids = Ids::default();
        let mut u = unit(&mut ids, "to take all necessary measures;");
        wrap_in_brackets(&mut u, &mut ids, 2, 3);
        assert_eq!(text(&u), "to take [all necessary] measures;");
        assert!(unbracket(&mut u));
        assert_eq!(text(&u), "to take all necessary measures;");
        assert!(bracket_whole(&mut u, &mut ids));
        assert_eq!(text(&u), "[to take all necessary measures;]");
        assert!(unbracket_whole(&mut u));
    }

    #[test]
    fn words_inserted_before_a_closing_bracket_stay_words() {
        let mut ids = Ids::default();
        let source = crate::source();
        let mut rng = fastrand::Rng::with_seed(1);
        for _ in 0..50 {
            let mut u = unit(&mut ids, "to take [all measures] now;");
            let mut cx = Ctx { ids: &mut ids, rng: &mut rng, source: &source };
            assert!(insert(&mut u, &mut cx));
            let written = text(&u);
            assert!(written.contains(" measures]") || written.contains("] now;"), "{written}");
            let glued = |w: &&str| {
                w.len() > 1 && w.contains(['[', ']']) && !w.starts_with('[') && !w.ends_with(']')
            };
            assert!(written.split(' ').find(glued).is_none(), "{written}");
            assert_eq!(written.split(' ').count(), 5 + u.toks.len() - 7, "{written}");
        }
    }

    #[test]
    fn rephrasing_keeps_common_tokens() {
        let mut ids = Ids::default();
        let mut u = unit(&mut ids, "recalling further");
        let first = u.toks[0].id;
        rephrase(&mut u, &words("recalling"), &mut ids);
        assert_eq!(text(&u), "recalling");
        assert_eq!(u.toks[0].id, first);
        rephrase(&mut u, &words("further recalling"), &mut ids);
        assert_eq!(u.toks[1].id, first);
    }
}
