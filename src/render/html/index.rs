//! `OUT/index.html`: one row per series with its counts, links and warnings.

use crate::error::Result;
use crate::model::{BatchReport, Outcome};
use askama::Template;

/// Renders the index page of a batch.
pub fn render(report: &BatchReport) -> Result<String> {
    let page = IndexPage {
        rows: report.outcomes.iter().map(row).collect(),
        failed: report.failures().count(),
    };
    page.render().map_err(super::template_error)
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    rows: Vec<Row>,
    failed: usize,
}

struct Row {
    name: String,
    details: Vec<String>,
    counts: Option<[usize; 7]>,
    links: Vec<(String, String)>,
    notes: Vec<String>,
    failed: bool,
}

fn row(outcome: &Outcome) -> Row {
    let name = outcome.name.clone();
    match &outcome.result {
        Err(reason) => Row {
            name,
            details: Vec::new(),
            counts: None,
            links: Vec::new(),
            notes: vec![reason.clone()],
            failed: true,
        },
        Ok(written) => {
            let s = written.summary;
            let header = &written.header;
            let fields = [&header.title, &header.doc_number, &header.date, &header.committee];
            let block = [&header.draft_title, &header.status];
            let mut details: Vec<String> =
                fields.into_iter().chain(block).flatten().cloned().collect();
            details.extend(header.proposal_mark());
            details.push(written.labels.join(" → "));
            Row {
                name,
                details,
                counts: Some([
                    s.add,
                    s.sup,
                    s.modified,
                    s.noc,
                    s.moved,
                    s.renumbered,
                    written.open_brackets,
                ]),
                links: written.files.clone(),
                notes: written.warnings.clone(),
                failed: false,
            }
        }
    }
}
