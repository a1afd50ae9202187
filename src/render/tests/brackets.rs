//! The reports as text, JSON and HTML, snapshotted on documents built by hand.

use crate::brackets::*;
use crate::model::{Document, Redline, Revision};
use crate::render::{Format, document_brackets, revisions_brackets};
use crate::testkit::doc::doc;

const ONE: &str = "\
RESOLUTION 1 (TEST)

considering

a) that ITU has [an important [and leading] role] to play; [not decided]

b) that warming stays [below 2 °C][below 1.5 °C] and [<b>&\"quoted\"</b>];

noting

1 the holding of the Forum in 2013];

2 [that the Union should report annually to the Council
";

/// Two revisions: their names, documents and the redline between them.
fn series() -> (Vec<Revision>, Vec<Document>, Vec<Redline>) {
    let texts = [
        "considering\n\na) that ITU [should] act [now];\n\nb) that [all roles] matter;\n\nc) that the Union reports\n",
        "considering\n\na) that ITU [shall] act;\n\nb) that all roles matter;\n\nc) that the Union [reports] to the Council [annually]\n",
    ];
    let revisions = (1..).zip(texts).map(|(n, _)| Revision::new(n, format!("Rev.{n}"), "", ""));
    let documents: Vec<Document> = texts.iter().map(|text| doc(text)).collect();
    let steps = crate::series::steps(&documents, &Default::default());
    (revisions.collect(), documents, steps)
}

fn report() -> RevisionsReport {
    let (revisions, documents, steps) = series();
    RevisionsReport::new(&revisions, &documents, &steps)
}

#[test]
fn one_document_as_text() {
    insta::assert_snapshot!(
        document_brackets(&DocumentReport::new("one.txt", &doc(ONE)), &Format::Text.into())
            .unwrap()
    );
}

#[test]
fn one_document_as_json() {
    insta::assert_json_snapshot!(DocumentReport::new("one.txt", &doc(ONE)));
}

#[test]
fn one_document_as_html() {
    insta::assert_snapshot!(
        document_brackets(&DocumentReport::new("one.txt", &doc(ONE)), &Format::Html.into())
            .unwrap()
    );
}

#[test]
fn revisions_as_text() {
    insta::assert_snapshot!(revisions_brackets(&report(), &Format::Text.into()).unwrap());
}

#[test]
fn revisions_as_json() {
    insta::assert_json_snapshot!(report());
}

#[test]
fn revisions_as_html() {
    insta::assert_snapshot!(revisions_brackets(&report(), &Format::Html.into()).unwrap());
}
