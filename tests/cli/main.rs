//! Integration tests: run the `redline` binary as a user would.

mod brackets;
mod common;
mod docx;
mod hardening;
mod manners;
mod outline;
mod render;
mod series;
mod word;
