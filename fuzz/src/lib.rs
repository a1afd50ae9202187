//! Fuzzing harness of redline: the properties checked for every input.
//!
//! The targets in `fuzz_targets/` call these; `tests/regressions.rs` replays
//! the corpora and crash inputs through the same functions.

pub mod html_audit;
pub mod oracles;
