//! The quality yardstick of redline's aligner (`cargo xtask quality`).
//!
//! It generates revision pairs whose ground truth is known — what a
//! secretariat would draw — runs the aligner on them, and scores the answer:
//! per-action precision, recall and F1, moves, pairing, false `MOD` for
//! renumbered, whitespace-only and typography-only provisions, the
//! minimality of word edits, and whether both revisions read back exactly.
//!
//! - [`build`] makes old revisions (ITU and UN layouts) from the seeds'
//!   sentences; [`edit`], [`structure`], [`wording`] and [`layout`] turn a copy
//!   into the new revision, keeping every unit's and token's identity
//!   ([`doc`]); [`write`](mod@write) writes both as text and remembers where each unit went.
//! - [`truth`] derives the ground truth from the identities; [`score`] runs
//!   redline and compares; [`stats`] adds the figures up; [`report`] prints them.
//! - [`scenario`] lists what is generated; [`run`] runs it all.
//!
//! Everything is a pure function of the seed: the same seed gives the same
//! pairs on any machine; `--seed` gives held-out sets. The texts are
//! **constructed** from the seeds' sentences; none is an official text.

#[path = "../../benches/support/corpus.rs"]
mod corpus;

pub mod apart;
pub mod build;
pub mod doc;
pub mod edit;
pub mod exact;
pub mod examples;
pub mod layout;
pub mod likeness;
pub mod norm;
pub mod report;
pub mod run;
pub mod scenario;
pub mod score;
pub mod stats;
pub mod structure;
pub mod texts;
pub mod truth;
pub mod wording;
pub mod write;

use std::path::{Path, PathBuf};

/// The repository root (the parent of `quality/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| ".".into(), Path::to_path_buf)
}

/// The sentences the generator writes with: the five seeds and the
/// Resolution 140 series of the fixtures.
pub(crate) fn pool() -> corpus::Pool {
    let mut texts = corpus::read_seeds(&root().join("fixtures/seeds")).expect("fixtures/seeds");
    texts.extend(corpus::read_seeds(&root().join("fixtures/res140")).expect("fixtures/res140"));
    corpus::Pool::from_seeds(&texts)
}

/// The sentences and words the generator writes with: the five seeds and the
/// Resolution 140 series of the fixtures, filtered.
pub fn source() -> texts::Source {
    texts::Source::new(&pool())
}
