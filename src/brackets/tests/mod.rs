//! Tests of the bracket scanner, the reports and the tracker.
//!
//! Documents are built by [`super::testdoc::doc`], independent of the parser.

mod props;
mod render;
mod scan;
mod track;
