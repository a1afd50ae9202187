//! Rendering: one [`Redline`] in one format. Renderers only read the redline;
//! they never recompute the diff.

pub mod critic;
pub mod markers;
mod plain;
pub mod text;

#[cfg(test)]
mod proptests;
#[cfg(test)]
pub(crate) mod testkit;

pub use text::Markers;
