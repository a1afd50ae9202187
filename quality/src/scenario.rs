//! The scenarios: what kind of document, and which edits at which rates.

use crate::build::{Builder, Shape};
use crate::doc::{Doc, UnitKind};
use crate::edit::{BracketEdit, Editor};
use crate::texts::Source;
use crate::truth::{Truth, truth};
use crate::wording::WordEdit;
use crate::write::write;
use std::collections::BTreeMap;

/// A scenario: a name, what it exercises, how many pairs of what size.
#[derive(Debug, Clone, Copy)]
pub struct Scenario {
    /// Short name (a table row).
    pub name: &'static str,
    /// What it exercises, in a sentence.
    pub about: &'static str,
    /// Pairs generated.
    pub pairs: usize,
    /// Approximate size of each old text, in bytes.
    pub bytes: usize,
    /// Left out by `--quick`.
    pub slow: bool,
    layout: Layout,
    recipe: fn(&mut Editor<'_, '_>, usize),
}

/// The layout of a scenario's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Itu,
    ItuNear,
    ItuBrackets,
    Un,
    UnNear,
}

/// A generated pair with its truth.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The old revision's text.
    pub old: String,
    /// The new revision's text.
    pub new: String,
    /// What a secretariat would draw.
    pub truth: Truth,
    /// How many edits of each kind were made.
    pub edits: BTreeMap<&'static str, usize>,
    /// The old revision as generated.
    pub old_doc: Doc,
    /// The new revision as generated.
    pub new_doc: Doc,
}

/// Every scenario, in report order.
pub const SCENARIOS: &[Scenario] = &[
    scenario(
        "word-edits",
        "phrases of one to four words replaced, inserted (pure insertions) and deleted; phrases of 30-40% of the words rewritten",
        Layout::Itu,
        word_edits,
    ),
    scenario(
        "insert-delete",
        "provisions inserted and deleted, followers relabelled",
        Layout::Itu,
        insert_delete,
    ),
    scenario(
        "moves",
        "provisions moved within and across sections, half of them also edited",
        Layout::Itu,
        moves,
    ),
    scenario(
        "relabel-edit",
        "a provision inserted or deleted early in a list, the relabelled followers edited in place (half of them rewritten by 30-40%)",
        Layout::Itu,
        relabel_edit,
    ),
    scenario(
        "layout",
        "reflowed lines, double spaces, tabs, trailing spaces, labels on their own line, blank lines",
        Layout::Itu,
        layout,
    ),
    scenario(
        "typography",
        "curly quotes and apostrophes, no-break spaces, U+2011, en dashes between years, both ways",
        Layout::Itu,
        typography,
    ),
    scenario(
        "brackets",
        "brackets added, removed, edited inside, around whole provisions, `...];]` before an unlabelled provision",
        Layout::ItuBrackets,
        brackets,
    ),
    scenario(
        "near-duplicates",
        "lists of `to promote ... in ... by 2020` provisions differing in a word or two; a list word swapped for another, insertions, deletions, moves, and traps: a provision edited towards a distant one, which is deleted",
        Layout::ItuNear,
        near_duplicates,
    ),
    scenario(
        "un-style",
        "ECOSOC layout: opening phrases changed (`Recalling further` to `Recalling`), paragraphs moved, inserted, deleted",
        Layout::Un,
        un_style,
    ),
    scenario(
        "headings",
        "headings rephrased, some beyond the parser's table (`further bearing in mind`)",
        Layout::Itu,
        headings,
    ),
    scenario(
        "split-merge",
        "provisions split in two and neighbours merged",
        Layout::Itu,
        split_merge,
    ),
    large("mixed-1mb", 1_000_000, Layout::ItuNear, false),
    large("mixed-2mb-un", 2_000_000, Layout::UnNear, false),
    large("mixed-10mb", 10_000_000, Layout::ItuNear, true),
];

const fn scenario(
    name: &'static str,
    about: &'static str,
    layout: Layout,
    recipe: fn(&mut Editor<'_, '_>, usize),
) -> Scenario {
    Scenario { name, about, pairs: 16, bytes: 40_000, slow: false, layout, recipe }
}

const fn large(name: &'static str, bytes: usize, layout: Layout, slow: bool) -> Scenario {
    let about = "every kind of edit on 3% of the provisions, half of the lists near-identical";
    Scenario { name, about, pairs: 1, bytes, slow, layout, recipe: mixed }
}

impl Scenario {
    /// The same scenario with old texts of about `bytes` bytes.
    pub fn sized(mut self, bytes: usize) -> Self {
        self.bytes = bytes;
        self
    }

    /// Generates pair `index` of this scenario with the run's `seed`.
    pub fn generate(&self, source: &Source, seed: u64, index: usize) -> Generated {
        let mut rng = fastrand::Rng::with_seed(mix(seed, self.name, index));
        let shape = self.shape(index);
        let mut builder = Builder::new(source, &mut rng, shape);
        let old = match self.layout {
            Layout::Un | Layout::UnNear => builder.un(),
            _ => builder.itu(),
        };
        let mut editor = Editor::new(&mut builder, &old);
        (self.recipe)(&mut editor, provisions(&old));
        editor.keep_added_apart(&old);
        editor.keep_neighbours_apart(&old);
        let (new, moved, edits) = (editor.doc, editor.moved, editor.counts);
        let (old_written, new_written) = (write(&old), write(&new));
        let truth = truth((&old, &old_written), (&new, &new_written), &moved);
        Generated {
            old: old_written.text,
            new: new_written.text,
            truth,
            edits,
            old_doc: old,
            new_doc: new,
        }
    }

    fn shape(&self, index: usize) -> Shape {
        let mut shape = Shape::ordinary(self.bytes);
        // Every fourth pair is in the one-paragraph-per-line layout (no blank lines).
        shape.blank_lines = index % 4 != 3;
        match self.layout {
            Layout::ItuNear | Layout::UnNear => shape.near_duplicates = 0.5,
            Layout::ItuBrackets => {
                shape.bracketed = 0.35;
                shape.unlabelled = 0.5;
            }
            Layout::Itu | Layout::Un => {}
        }
        if self.name == "near-duplicates" {
            shape.near_duplicates = 0.8;
        }
        if self.name == "layout" {
            shape.wrapped = 0.4;
        }
        shape
    }
}

/// A seed for pair `index` of scenario `name` in a run with `seed`.
fn mix(seed: u64, name: &str, index: usize) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for byte in name.bytes().chain(index.to_le_bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Number of provisions of `doc`.
fn provisions(doc: &Doc) -> usize {
    doc.units().iter().filter(|u| u.kind == UnitKind::Provision).count()
}

/// `share` of `n`, at least one.
fn part(n: usize, share: f64) -> usize {
    ((n as f64 * share).round() as usize).max(1)
}

fn repeat(times: usize, mut edit: impl FnMut() -> bool) {
    for _ in 0..times {
        edit();
    }
}

fn word_edits(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.12), || e.word(Some(WordEdit::Insert)));
    repeat(part(n, 0.12), || e.word(Some(WordEdit::Replace)));
    repeat(part(n, 0.12), || e.word(Some(WordEdit::Delete)));
    repeat(part(n, 0.06), || e.word(Some(WordEdit::Rewrite)));
}

fn insert_delete(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.12), || e.insert());
    repeat(part(n, 0.12), || e.delete());
}

fn moves(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.05), || e.move_item(false, false));
    repeat(part(n, 0.05), || e.move_item(true, false));
    repeat(part(n, 0.04), || e.move_item(false, true));
    repeat(part(n, 0.04), || e.move_item(true, true));
}

fn relabel_edit(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.08), || e.relabel_and_edit());
}

/// Every third pair is relaid out as a whole (blank lines added or removed).
fn layout(e: &mut Editor<'_, '_>, n: usize) {
    if e.builder.rng.usize(..3) == 0 {
        e.relayout();
    }
    repeat(part(n, 0.15), || e.reflow());
    repeat(part(n, 0.15), || e.whitespace());
    repeat(part(n, 0.1), || e.paragraph_break());
}

fn typography(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.3), || e.typography());
}

fn brackets(e: &mut Editor<'_, '_>, n: usize) {
    for kind in [
        BracketEdit::Phrase,
        BracketEdit::Remove,
        BracketEdit::Inside,
        BracketEdit::Whole,
        BracketEdit::Unwhole,
        BracketEdit::EndThenWhole,
    ] {
        repeat(part(n, 0.04), || e.bracket(kind));
    }
}

fn near_duplicates(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.02), || e.rival_trap());
    repeat(part(n, 0.04), || e.word(Some(WordEdit::Vocabulary)));
    repeat(part(n, 0.02), || e.word(Some(WordEdit::Replace)));
    repeat(part(n, 0.03), || e.insert());
    repeat(part(n, 0.03), || e.delete());
    repeat(part(n, 0.02), || e.move_item(false, false));
    repeat(part(n, 0.01), || e.move_item(true, false));
    repeat(part(n, 0.02), || e.relabel_and_edit());
}

fn un_style(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.08), || e.heading());
    repeat(part(n, 0.04), || e.un_move());
    let grow = e.builder.rng.bool();
    repeat(part(n, 0.03), || if grow { e.un_insert() } else { e.un_delete() });
    repeat(part(n, 0.04), || e.insert());
    repeat(part(n, 0.04), || e.delete());
    repeat(part(n, 0.03), || e.move_item(false, false));
    repeat(part(n, 0.08), || e.word(None));
}

fn headings(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.06), || e.heading());
    repeat(1, || e.title());
}

fn split_merge(e: &mut Editor<'_, '_>, n: usize) {
    repeat(part(n, 0.05), || e.split());
    repeat(part(n, 0.05), || e.merge());
}

/// Every kind of edit, 3% of the provisions in all.
fn mixed(e: &mut Editor<'_, '_>, n: usize) {
    let n = part(n, 0.03);
    repeat(part(n, 0.2), || e.word(None));
    repeat(part(n, 0.05), || e.word(Some(WordEdit::Rewrite)));
    repeat(part(n, 0.05), || e.word(Some(WordEdit::Vocabulary)));
    repeat(part(n, 0.03), || e.rival_trap());
    repeat(part(n, 0.08), || e.insert());
    repeat(part(n, 0.08), || e.delete());
    repeat(part(n, 0.04), || e.move_item(false, false));
    repeat(part(n, 0.04), || e.move_item(true, true));
    repeat(part(n, 0.05), || e.relabel_and_edit());
    repeat(part(n, 0.03), || e.split());
    repeat(part(n, 0.03), || e.merge());
    repeat(part(n, 0.02), || e.bracket(BracketEdit::Phrase));
    repeat(part(n, 0.02), || e.bracket(BracketEdit::Remove));
    repeat(part(n, 0.02), || e.bracket(BracketEdit::Inside));
    repeat(part(n, 0.05), || e.typography());
    repeat(part(n, 0.05), || e.whitespace());
    repeat(part(n, 0.04), || e.reflow());
    repeat(part(n, 0.02), || e.paragraph_break());
    repeat(part(n, 0.03), || e.heading());
    repeat(part(n, 0.02), || e.un_move());
}
