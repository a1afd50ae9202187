//! The report: tables per scenario and in total, as Markdown (`QUALITY.md`,
//! also printed), with examples of the failures seen.

use crate::run::{Outcome, Row};
use crate::stats::{ACTIONS, NOC_KINDS, READ_BACKS, Share, Stats};
use std::fmt::Write as _;

/// The targets of issue 14, as the report states them.
const TARGETS: &str = "per-action F1 >= 0.99 for ADD, SUP, MOD and NOC; move precision and recall >= 0.95; \
zero renumbered-only, whitespace-only or typography-only provisions reported as MOD; accept/reject exact \
on every side.";

/// The tables alone: actions, then the other figures, per scenario and in total.
pub fn tables(outcome: &Outcome) -> String {
    let mut out = String::new();
    out.push_str(&action_table(outcome));
    out.push('\n');
    out.push_str(&other_table(outcome));
    out.push('\n');
    out.push_str(&words_table(outcome));
    out.push('\n');
    out.push_str(&time_table(outcome));
    out
}

fn rows(outcome: &Outcome) -> impl Iterator<Item = (&str, &Stats)> {
    let rows = outcome.rows.iter().map(|Row { scenario, stats, .. }| (scenario.name, stats));
    rows.chain(std::iter::once(("**total**", &outcome.total)))
}

fn action_table(outcome: &Outcome) -> String {
    let mut out = String::from("| scenario | pairs | units |");
    for action in ACTIONS {
        let _ = write!(out, " {action} P / R / F1 |");
    }
    out.push_str("\n| --- | ---: | ---: |");
    out.push_str(&" --- |".repeat(ACTIONS.len()));
    out.push('\n');
    for (name, stats) in rows(outcome) {
        let _ = write!(out, "| {name} | {} | {} |", stats.pairs, stats.units);
        for counts in &stats.actions {
            if counts.truth == 0 && counts.predicted == 0 {
                out.push_str(" – |");
            } else {
                let (p, r, f) = (counts.precision(), counts.recall(), counts.f1());
                let _ = write!(out, " {p:.3} / {r:.3} / {} |", mark(f, 0.99));
            }
        }
        out.push('\n');
    }
    out
}

fn other_table(outcome: &Outcome) -> String {
    let mut out = String::from("| scenario | moves P / R | pairing | false MOD:");
    for kind in NOC_KINDS {
        let _ = write!(out, " {kind} /");
    }
    out.pop();
    out.push_str(
        "| not NOC: renumbered / whitespace / typography | merged units / extra pieces | exact:",
    );
    for way in READ_BACKS {
        let _ = write!(out, " {way} /");
    }
    out.pop();
    out.push_str("|\n| --- | --- | ---: | --- | --- | --- | --- |\n");
    for (name, s) in rows(outcome) {
        let moves = if s.moves.truth == 0 && s.moves.predicted == 0 {
            "–".to_string()
        } else {
            format!("{} / {}", mark(s.moves.precision(), 0.95), mark(s.moves.recall(), 0.95))
        };
        let moves = match s.ambiguous_moves {
            0 => moves,
            n => format!("{moves} ({n} ambiguous)"),
        };
        let false_mod: Vec<String> = s.false_mod.iter().map(zero).collect();
        let not_noc: Vec<String> = s.not_noc.iter().map(fraction).collect();
        let exact: Vec<String> = s.exact.iter().map(all).collect();
        let _ = writeln!(
            out,
            "| {name} | {moves} | {:.4} | {} | {} | {} / {} | {} |",
            s.pairing.recall(),
            false_mod.join(" / "),
            not_noc.join(" / "),
            s.merged_units,
            s.extra_pieces,
            exact.join(" / "),
        );
    }
    out
}

fn words_table(outcome: &Outcome) -> String {
    let mut out = String::from(
        "| scenario | MOD pairs compared | words struck / really deleted | words inserted / really inserted | excess struck | excess inserted | runs of 3+ unchanged struck | pure insertions striking a word |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for (name, s) in rows(outcome) {
        let _ = writeln!(
            out,
            "| {name} | {} | {} / {} | {} / {} | {} | {} | {} | {} |",
            s.word_pairs,
            s.struck,
            s.deleted,
            s.inserted,
            s.really_inserted,
            s.excess_struck,
            s.excess_inserted,
            s.long_runs,
            zero(&s.pure_insertions),
        );
    }
    out
}

fn time_table(outcome: &Outcome) -> String {
    let mut out = String::from(
        "| scenario | MB (old + new) | parse + align | ms per MB |\n| --- | ---: | ---: | ---: |\n",
    );
    for (name, s) in rows(outcome) {
        let mb = s.bytes as f64 / 1e6;
        let ms = s.align_time.as_secs_f64() * 1e3;
        let per_mb = if mb > 0.0 { ms / mb } else { 0.0 };
        let _ = writeln!(out, "| {name} | {mb:.2} | {ms:.0} ms | {per_mb:.0} |");
    }
    out
}

/// A figure, in bold when it misses its floor.
fn mark(value: f64, floor: f64) -> String {
    if value < floor { format!("**{value:.3}**") } else { format!("{value:.3}") }
}

/// A count that should be zero: `0 of n`, or the count in bold.
fn zero(share: &Share) -> String {
    if share.count == 0 {
        format!("0 of {}", share.of)
    } else {
        format!("**{} of {}**", share.count, share.of)
    }
}

/// A count that should be every one: in bold when not.
fn all(share: &Share) -> String {
    if share.count == share.of {
        format!("{}/{}", share.count, share.of)
    } else {
        format!("**{}/{}**", share.count, share.of)
    }
}

fn fraction(share: &Share) -> String {
    format!("{}/{}", share.count, share.of)
}

/// The examples, per scenario and kind of failure, with how often each was seen.
pub fn examples(outcome: &Outcome) -> String {
    let mut out = String::new();
    let mut scenario = "";
    for ((name, category), seen, examples) in outcome.examples.kinds() {
        if name != scenario {
            let _ = writeln!(out, "\n### {name}\n");
            scenario = name;
        }
        let _ = writeln!(out, "- **{category}** ({seen} seen)");
        for example in examples {
            if !example.old.is_empty() {
                let _ = writeln!(out, "  - old: `{}`", code(&example.old));
            }
            if !example.new.is_empty() {
                let _ = writeln!(out, "  - new: `{}`", code(&example.new));
            }
            if !example.shown.is_empty() {
                let _ = writeln!(out, "  - redline: `{}`", code(&example.shown));
            }
        }
    }
    out
}

fn code(text: &str) -> String {
    text.replace('`', "'")
}

/// The edits made per scenario.
fn edits(outcome: &Outcome) -> String {
    let mut out =
        String::from("| scenario | what it exercises | edits made |\n| --- | --- | --- |\n");
    for row in &outcome.rows {
        let made: Vec<String> = row.edits.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            row.scenario.name,
            row.scenario.about,
            made.join(", ")
        );
    }
    out
}

/// The whole `QUALITY.md`.
pub fn markdown(outcome: &Outcome, date: &str, command: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "# Quality of the aligner\n\n\
         What `cargo xtask quality` measured: redline's answer on generated revision pairs whose \
         ground truth is known, against the targets of issue 14 ({TARGETS})\n\n\
         Generated {date} with `{command}` (seed {seed}{quick}). The figures are those of the aligner \
         at the commit this file was generated on; held-out runs use another `--seed`.\n\n",
        seed = outcome.options.seed,
        quick = if outcome.options.quick { ", without the 10 MB pair" } else { "" },
    );
    out.push_str(METHOD);
    out.push_str("\n## Scenarios\n\n");
    out.push_str(&edits(outcome));
    out.push_str("\n## Actions\n\nPrecision / recall / F1 per action; in bold, below 0.99.\n\n");
    out.push_str(&action_table(outcome));
    out.push_str("\n## Moves, pairing, false MOD, parsing, read-back\n\n");
    out.push_str(OTHER_LEGEND);
    out.push_str(&other_table(outcome));
    out.push_str("\n## Word edits\n\n");
    out.push_str(WORDS_LEGEND);
    out.push_str(&words_table(outcome));
    out.push_str("\n## Time\n\n");
    out.push_str(TIME_LEGEND);
    out.push_str(&time_table(outcome));
    out.push_str("\n## Failures seen\n\nPer scenario and kind, how often, and the shortest examples \
        (texts on one line, `⏎` for a line break, cut in the middle when long; `~~struck~~`, `++inserted++`).\n");
    out.push_str(&examples(outcome));
    out
}

const METHOD: &str = "## How\n\n\
- **Generator** (`quality/src/`, deterministic from the seed with `fastrand`): old revisions in the ITU \
layout (lower-case headings, `a)` and `1` labels, `–` sub-items, unlabelled `to ...` paragraphs, \
hard-wrapped paragraphs, one-paragraph-per-line files) and the UN layout (opening phrases, numbered \
paragraphs, sub-headings, `(a)` sub-items), written from the sentences of the seeds and of the \
Resolution 140 fixtures (constructed texts, none official), with lists of near-identical provisions; \
then a copy is edited into the new revision. Every unit (title line, heading, provision) and every \
word keeps an identity through the edits.\n\
- **Truth** (what a secretariat would draw): a new unit with an old unit's identity is that unit: `MOD` \
when its words changed, otherwise `NOC` (even when only its label, its whitespace or its typography \
changed: curly quotes, no-break spaces, U+2011, en dash between numbers, folded by the generator's own \
rules); old units without a counterpart are `SUP`, new ones `ADD`. Moved = off the longest run of pairs \
that keeps the old order, preferring the run that keeps the units the generator did not move. Split: \
the first part is the provision (`MOD`), the second `ADD`; merge: the first is `MOD`, the second `SUP`. \
The generator keeps the truth from hinging on a coin toss: every provision's text is unique on its \
side; a section either gains or loses provisions (never both, so an `ADD` never stands where a `SUP` \
stood); a modified unit keeps more than half of its words (Dice coefficient of words 0.55 or more \
against its old text; a phrase rewrite changes 30% to 40% of them); an added provision is unlike \
(Dice below 0.4) every suppressed or moved one, else it is rewritten or left out; a modified \
provision is clearly \
more like its old self (by 0.1) than like any changed provision within three places of it, else its \
edit is undone; a move crosses at least five units and is refused when another set of moves as small \
would explain the new order. Far apart, position tells: a distant provision that looks more like an \
edited one than its own new text does is exactly the trap the yardstick sets (the *rival traps* of \
the near-identical lists do it on purpose: a provision edited towards a distant one, which is \
deleted; the truth keeps the edited provision where it stands).\n\
- **Scoring**: both texts are parsed and diffed as `redline diff` does (`DiffOptions::default()`). Each \
parsed piece stands for the unit whose first character it holds. An entry is right when it has the \
truth's action and partner (or a partner with the very same text and kind). Precision = right / entries \
with that action; recall = right / truth with that action; `SUP` is matched by text, since of two \
identical old units either may be the suppressed one.\n";

const OTHER_LEGEND: &str = "- *moves*: precision and recall of the moved flag (right partner required); \
in bold, below 0.95. A pair is *ambiguous* (left out) when another run of unmoved pairs as long \
would move it the other way (two moves that cross each other).\n\
- *pairing*: share of the truth's pairs found with the right partner.\n\
- *false MOD*: `NOC` pairs that were renumbered / had whitespace changes / had typographic changes, \
shown as `MOD` (target: zero). *not NOC*: those not shown as `NOC` of the right pair at all (`MOD`, or \
`SUP` + `ADD`, or a wrong partner).\n\
- *merged units*: units whose first character the parser put inside another unit's piece; *extra \
pieces*: pieces holding no unit's start (a unit cut in two).\n\
- *exact*: pairs whose old and new texts came back exactly from the model (`old_text`/`new_text`), and \
from the text (`~~`/`++`), wdiff and CriticMarkup renderings read back with `redline::read`.\n\n";

const WORDS_LEGEND: &str = "Over the truth's `MOD` pairs found as `MOD` of the right partner (each a \
piece of its own on both sides): words (text between spaces holding a letter or a digit; a word \
counts as struck when a letter or digit of it is) the redline struck and inserted, against the words \
the generator really deleted and inserted (an upper bound: a rephrased heading counts all its new \
words, where a word diff may keep some). *Excess* adds up, per pair, what the \
redline struck (inserted) beyond what was really deleted (inserted): unchanged words struck and \
reinserted. The rule of issue 14: a run of three or more unchanged words is never struck; a pure \
insertion strikes nothing.\n\n";

const TIME_LEGEND: &str = "Parsing both texts and aligning them, in the release build, one thread \
(not counting generation, scoring and read-back); pairs of a megabyte or more are timed three times \
and the fastest run kept. Near-linear cost shows as a steady *ms per MB* from 1 MB to 10 MB; the \
small pairs carry a fixed cost each.\n\n";

/// Today's date (UTC) as `29 November 2026`.
pub fn today() -> String {
    civil_date(jiff::Timestamp::now())
}

/// The day of `timestamp` (UTC) as `1 January 1970`.
fn civil_date(timestamp: jiff::Timestamp) -> String {
    timestamp.strftime("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        let day = |days: i64| civil_date(jiff::Timestamp::from_second(days * 86_400).unwrap());
        assert_eq!(day(0), "1 January 1970");
        assert_eq!(day(19_723), "1 January 2024");
        assert_eq!(day(19_782), "29 February 2024");
    }
}
