//! The cumulative redline of a series as a standalone page: the pair page
//! (`templates/series.html` shares its style sheet, header block, margin
//! marks, bracket highlighting and print rules) with attribution added.
//!
//! Each revision after the base has a colour and a number, explained in the
//! legend with its label: inserted text is underlined and deleted text struck
//! in the colour of the revision that did it, and each change is followed by
//! that revision's number (`²`, or `2–3` for text inserted in 2 and deleted
//! in 3), so that the page reads in black and white too. Each provision's
//! history stands beside it (`2 MOD · 3 renumbered · c) → b)`).
//!
//! The page data is built here; the template only lays it out, and askama
//! escapes every text it prints. No local path is printed.

use super::blocks::Mark;
use super::fragment::{Trusted, emphasised, style_class};
use super::legend::{self, LegendItem, Used};
use super::print::{self, Print};
use super::{CSS, template_error};
use crate::error::Result;
use crate::model::{Action, EntryKind, Header, Summary};
use crate::render::list_marker;
use crate::render::view::{display_spans, label_trail};
use crate::render::{FrontMatter, Options};
use crate::series::{History, Series, SeriesSpan};
use askama::Template;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Colours of the revisions after the base, in turn (Okabe–Ito, darkened for text).
const PALETTE: [&str; 7] =
    ["#0060a0", "#c04a00", "#007a5a", "#a0407a", "#a06a00", "#3a7ab0", "#5a5a5a"];

/// Renders the series' cumulative redline as an HTML page.
pub fn render(series: &Series, options: &Options) -> Result<String> {
    page(series, options).render().map_err(template_error)
}

#[derive(Template)]
#[template(path = "series.html")]
struct SeriesPage<'a> {
    title: String,
    css: &'static str,
    /// The revisions' colours, as CSS (fixed colours and numbers, no input).
    colours: String,
    print: Print,
    header: &'a Header,
    body_class: String,
    front_before: bool,
    front_after: bool,
    revisions: Vec<RevisionItem>,
    /// The language of the latest revision, as a BCP 47 tag (`<html lang>`).
    lang: &'static str,
    /// Written right to left (Arabic): `<html dir="rtl">`.
    rtl: bool,
    legend: Vec<LegendItem>,
    summary: Summary,
    warnings: &'a [String],
    blocks: Vec<Block>,
}

/// A revision in the legend.
struct RevisionItem {
    number: usize,
    label: String,
    base: bool,
}

/// One piece of the series, as the page shows it.
struct Block {
    /// `provision level-2 act-mod change` ...
    class: String,
    /// The overall mark in the margin.
    mark: Option<Mark>,
    /// `2 MOD · 3 renumbered`, beside the provision.
    history: String,
    /// `c) → b)` when the label changed through the series.
    labels: String,
    fragments: Vec<Fragment>,
}

/// A run of text with its attribution and style.
struct Fragment {
    text: String,
    /// Emphasised text as trusted markup, used instead of `text` when present.
    html: Option<Trusted>,
    /// Classes: bracket depth, struck in the source.
    class: String,
    inserted_in: Option<usize>,
    deleted_in: Option<usize>,
    /// The revisions' numbers after the last run of a change (`2`, `2–3`).
    tag: Option<String>,
    /// What `tag` means: `inserted in Busan 2014`.
    title: String,
}

fn page<'a>(series: &'a Series, options: &Options) -> SeriesPage<'a> {
    let cumulative = &series.cumulative;
    let lead = display_spans(&cumulative.lead);
    let lead_block = has_text(&lead).then(|| text_block("lead", &lead, series));
    let histories = cumulative.provisions.iter().map(|history| block(history, series, options));
    let blocks: Vec<Block> = lead_block.into_iter().chain(histories).collect();
    let front = options.front_matter;
    let language = series.language();
    SeriesPage {
        title: title(series),
        lang: language.tag(),
        rtl: language.is_rtl(),
        css: CSS,
        colours: colours(series),
        print: print::running_head(&series.header),
        header: &series.header,
        body_class: format!("view-series front-{}", front.name()),
        front_before: front == FrontMatter::Before,
        front_after: matches!(front, FrontMatter::After | FrontMatter::Auto),
        revisions: revisions(series),
        legend: legend::explain(used(&blocks)),
        summary: cumulative.summary,
        warnings: &cumulative.warnings,
        blocks,
    }
}

fn title(series: &Series) -> String {
    if let Some(title) = &series.header.title {
        return title.clone();
    }
    if let Some(number) = &series.header.doc_number {
        return format!("Document {number}");
    }
    let first = series.revisions.get(series.cumulative.base - 1).map(|r| r.label.as_str());
    let last = series.revisions.last().map(|r| r.label.as_str());
    format!("Redline of {} to {}", first.unwrap_or("?"), last.unwrap_or("?"))
}

/// The revisions shown: the base and those after it.
fn revisions(series: &Series) -> Vec<RevisionItem> {
    let base = series.cumulative.base;
    let shown = series.revisions.iter().filter(|revision| revision.number >= base);
    let item = |revision: &crate::model::Revision| RevisionItem {
        number: revision.number,
        label: revision.label.clone(),
        base: revision.number == base,
    };
    shown.map(item).collect()
}

/// `ins.r2, del.r2 ... { color: ... }` for every revision after the base.
fn colours(series: &Series) -> String {
    let base = series.cumulative.base;
    let mut css = String::new();
    for number in base + 1..=series.cumulative.latest {
        let colour = colour(number, base);
        let _ = writeln!(
            css,
            "ins.r{number}, del.r{number}, .rev.r{number}, .swatch.r{number} {{ color: {colour}; \
             text-decoration-color: {colour}; }}"
        );
    }
    css
}

/// The colour of revision `number` in a series starting at `base`.
fn colour(number: usize, base: usize) -> &'static str {
    match number.checked_sub(base + 1) {
        Some(offset) => PALETTE[offset % PALETTE.len()],
        None => "inherit",
    }
}

fn block(history: &History, series: &Series, options: &Options) -> Block {
    let kind = match (history.kind, history.level) {
        (EntryKind::Title, _) => "title",
        (EntryKind::Heading, 1) => "heading",
        (EntryKind::Heading, _) => "subheading",
        (EntryKind::Provision | EntryKind::MoveStub, _) => "provision",
    };
    let change = !history.changes.is_empty();
    let action = history.action.as_str().to_ascii_lowercase();
    let class = format!("{kind} level-{} act-{action}", history.level.clamp(1, 4));
    let first_label = history.labels.first().and_then(|at| at.label.as_deref());
    let spans = display_spans(&history.spans);
    let spans = list_marker::strip(&spans, [first_label, history.latest_label()]);
    let mut block = text_block(&class, &spans, series);
    if change {
        block.class.push_str(" change");
    }
    let moved = history.moved();
    block.mark = Mark::new(history.action, moved, history.renumbered(), change, options.show_noc);
    block.history = changes(history);
    block.labels = label_trail(history);
    block
}

fn text_block(class: &str, spans: &[SeriesSpan], series: &Series) -> Block {
    let mut fragments = trim_end(spans.iter().map(fragment).collect());
    tag_changes(&mut fragments, series);
    Block {
        class: class.to_string(),
        mark: None,
        history: String::new(),
        labels: String::new(),
        fragments,
    }
}

fn fragment(span: &SeriesSpan) -> Fragment {
    let emphasis = span.emphasis;
    let text = if emphasis.delimiter { String::new() } else { span.text.clone() };
    let html = (emphasis.bold || emphasis.italic)
        .then(|| emphasised(&text, emphasis.bold, emphasis.italic));
    Fragment {
        html,
        text,
        class: style_class(false, span.bracket_depth, emphasis.struck),
        inserted_in: span.inserted_in,
        deleted_in: span.deleted_in,
        tag: None,
        title: String::new(),
    }
}

/// The revisions' number after each run of changes made by the same
/// revisions (a deletion and the insertion that replaces it share one).
fn tag_changes(fragments: &mut [Fragment], series: &Series) {
    let tags: Vec<Option<String>> = fragments.iter().map(tag).collect();
    for (index, fragment) in fragments.iter_mut().enumerate() {
        let Some(tag) = &tags[index] else { continue };
        fragment.title = attribution(fragment, series);
        let next = tags.get(index + 1).cloned().flatten();
        if next.as_ref() != Some(tag) {
            fragment.tag = Some(tag.clone());
        }
    }
}

/// `2` for a change made by revision 2, `2–3` for text inserted in 2 and deleted in 3.
fn tag(fragment: &Fragment) -> Option<String> {
    match (fragment.inserted_in, fragment.deleted_in) {
        (Some(inserted), Some(deleted)) => Some(format!("{inserted}–{deleted}")),
        (Some(revision), None) | (None, Some(revision)) => Some(revision.to_string()),
        (None, None) => None,
    }
}

/// `inserted in Busan 2014; deleted in Later draft`.
fn attribution(fragment: &Fragment, series: &Series) -> String {
    let label = |number: usize| {
        series.revisions.get(number - 1).map_or(number.to_string(), |r| r.label.clone())
    };
    let parts = [
        fragment.inserted_in.map(|r| format!("inserted in {}", label(r))),
        fragment.deleted_in.map(|r| format!("deleted in {}", label(r))),
    ];
    parts.into_iter().flatten().collect::<Vec<_>>().join("; ")
}

/// Drops trailing whitespace: the blocks are laid out by the page, not by it.
fn trim_end(mut fragments: Vec<Fragment>) -> Vec<Fragment> {
    while let Some(last) = fragments.last_mut() {
        if last.html.is_some() {
            break;
        }
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if !last.text.is_empty() {
            break;
        }
        fragments.pop();
    }
    fragments.retain(|fragment| fragment.html.is_some() || !fragment.text.is_empty());
    fragments
}

fn has_text(spans: &[SeriesSpan]) -> bool {
    spans.iter().any(|span| !span.text.trim().is_empty())
}

/// `2 MOD · 3 renumbered` for the history beside the provision.
fn changes(history: &History) -> String {
    let words = |change: &crate::series::Change| match change.action {
        Action::Noc => match (change.moved, change.renumbered) {
            (true, true) => "moved, renumbered",
            (true, false) => "moved",
            (false, true) => "renumbered",
            (false, false) => "NOC",
        }
        .to_string(),
        action => {
            let flags = [(change.moved, "moved"), (change.renumbered, "renumbered")];
            let flags: Vec<&str> =
                flags.into_iter().filter(|(on, _)| *on).map(|(_, word)| word).collect();
            match flags.is_empty() {
                true => action.as_str().to_string(),
                false => format!("{}, {}", action.as_str(), flags.join(", ")),
            }
        }
    };
    let each =
        history.changes.iter().map(|change| format!("{} {}", change.revision, words(change)));
    each.collect::<Vec<_>>().join(" · ")
}

/// The marks the blocks use, for the legend.
fn used(blocks: &[Block]) -> BTreeSet<Used> {
    let mut used = BTreeSet::new();
    for block in blocks {
        if let Some(mark) = &block.mark {
            legend::note_mark(&mut used, mark);
        }
        for fragment in &block.fragments {
            legend::note_classes(&mut used, &fragment.class);
        }
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::slots::small_series;

    #[test]
    fn colours_start_after_the_base_and_wrap() {
        assert_eq!(colour(2, 2), "inherit");
        assert_eq!(colour(3, 2), PALETTE[0]);
        assert_eq!(colour(3 + PALETTE.len(), 2), PALETTE[0]);
    }

    #[test]
    fn trailing_whitespace_is_trimmed_and_empty_fragments_dropped() {
        let span = |text: &str| {
            SeriesSpan::styled(&crate::model::Span::new(crate::model::Op::Equal, text), None, None)
        };
        let fragments =
            trim_end([span("a) text"), span(" \n"), span("\n\n")].iter().map(fragment).collect());
        let texts: Vec<&str> = fragments.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["a) text"]);
    }

    #[test]
    fn each_run_of_changes_ends_with_its_revisions() {
        let series = small_series();
        let blocks: Vec<Block> = series
            .cumulative
            .provisions
            .iter()
            .map(|history| block(history, &series, &Options::default()))
            .collect();
        let tags: Vec<Vec<&str>> = blocks
            .iter()
            .map(|block| block.fragments.iter().filter_map(|f| f.tag.as_deref()).collect())
            .collect();
        assert_eq!(tags[0], ["3", "2"], "a deletion and its insertion share one tag");
        assert_eq!(tags[1], ["2"]);
        assert_eq!(tags[2][0], "2–3", "inserted in 2, deleted in 3");
        let first_change = blocks[0].fragments.iter().find(|f| f.tag.is_some()).unwrap();
        assert_eq!(first_change.title, "deleted in Third");
        assert_eq!(blocks[0].history, "2 MOD · 3 MOD");
    }
}
