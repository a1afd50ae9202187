//! Tests of the bracket scanner, the reports and the tracker.
//!
//! Documents are built by [`crate::testkit::doc::doc`], independent of the parser.

mod props;

mod scan;
mod track;

use crate::model::{Document, Redline, TrackedBracket};

/// [`crate::brackets::track`] over a whole redline's lead and entries.
fn track(old: &Document, new: &Document, redline: &Redline) -> Vec<TrackedBracket> {
    crate::brackets::track(old, new, &redline.lead, &redline.entries)
}
