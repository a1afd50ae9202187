//! The lines changed between two revisions, paired old with new, and the
//! word diff of a pair as a redline would mark it.

use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::collections::HashSet;

/// A changed line: an old line and the new line it became, or a line only
/// in one revision.
#[derive(Debug, PartialEq, Eq)]
pub struct Change<'a> {
    /// The old line (`None` for an added line).
    pub old: Option<&'a str>,
    /// The new line (`None` for a deleted line).
    pub new: Option<&'a str>,
}

/// Lines whose text (without their leading label, so that renumbered and
/// moved provisions are not changes) is in one revision only; each new line
/// paired with the most similar such old line, if similar enough.
pub fn changed_lines<'a>(old: &'a str, new: &'a str) -> Vec<Change<'a>> {
    let old_texts: HashSet<&str> = old.lines().map(without_label).collect();
    let new_texts: HashSet<&str> = new.lines().map(without_label).collect();
    let mut gone: Vec<&str> = old
        .lines()
        .filter(|line| !line.trim().is_empty() && !new_texts.contains(without_label(line)))
        .collect();
    let mut changes = Vec::new();
    for line in new.lines() {
        if line.trim().is_empty() || old_texts.contains(without_label(line)) {
            continue;
        }
        let best = gone
            .iter()
            .enumerate()
            .map(|(i, old)| (i, similarity(old, line)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|&(_, score)| score >= 0.5);
        let old = best.map(|(i, _)| gone.remove(i));
        changes.push(Change { old, new: Some(line) });
    }
    changes.extend(gone.into_iter().map(|old| Change { old: Some(old), new: None }));
    changes
}

/// A word diff: the words joined by `|`, struck words in `[-…-]` and inserted
/// ones in `{+…+}`, and how many words (not spaces or punctuation) each holds.
#[derive(Debug, PartialEq, Eq)]
pub struct WordDiff {
    /// The marked text.
    pub marked: String,
    /// Struck words.
    pub struck: usize,
    /// Inserted words.
    pub inserted: usize,
}

/// The word diff of two segmentations.
pub fn word_diff(old: &[&str], new: &[&str]) -> WordDiff {
    let mut parts = Vec::new();
    let (mut struck, mut inserted) = (0, 0);
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let (gone, came) = (&old[old_range], &new[new_range]);
        match tag {
            DiffTag::Equal => parts.push(gone.join("|")),
            _ => {
                if !gone.is_empty() {
                    parts.push(format!("[-{}-]", gone.join("|")));
                    struck += words(gone);
                }
                if !came.is_empty() {
                    parts.push(format!("{{+{}+}}", came.join("|")));
                    inserted += words(came);
                }
            }
        }
    }
    WordDiff { marked: parts.join("|"), struck, inserted }
}

/// The segments holding a letter or digit.
fn words(segments: &[&str]) -> usize {
    segments.iter().filter(|s| s.chars().any(char::is_alphanumeric)).count()
}

/// `line` without a leading label such as `1 `, `b) ` or `（一） `.
fn without_label(line: &str) -> &str {
    match line.split_once(' ') {
        Some((label, rest)) if label.chars().count() <= 4 => rest,
        _ => line,
    }
}

/// Dice similarity of the two lines' sets of characters.
fn similarity(a: &str, b: &str) -> f64 {
    let a: HashSet<char> = a.chars().collect();
    let b: HashSet<char> = b.chars().collect();
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()).max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbered_lines_are_not_changes() {
        assert!(changed_lines("1 甲乙\n2 丙丁\n", "1 丙丁\n2 甲乙\n").is_empty());
    }

    #[test]
    fn an_edited_line_is_paired_with_its_old_text() {
        let changes = changed_lines(
            "3 推动为当地技术人员举办培训计划；\n",
            "3 推动为妇女和青年举办培训计划；\n",
        );
        assert_eq!(
            changes,
            [Change {
                old: Some("3 推动为当地技术人员举办培训计划；"),
                new: Some("3 推动为妇女和青年举办培训计划；")
            }]
        );
    }

    #[test]
    fn a_word_diff_marks_only_the_changed_words() {
        let diff = word_diff(&["推动", "为", "当地", "举办"], &["推动", "为", "妇女", "举办"]);
        assert_eq!(diff.marked, "推动|为|[-当地-]|{+妇女+}|举办");
        assert_eq!((diff.struck, diff.inserted), (1, 1));
    }
}
