//! Integration tests: run the `redline` binary as a user would.

mod brackets;
mod common;
#[path = "../support/dl23.rs"]
mod dl23;
mod docx;
mod hardening;
mod manners;
mod outline;
mod render;
mod series;
mod word;
