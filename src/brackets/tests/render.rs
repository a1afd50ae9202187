//! The reports as text, JSON and HTML, snapshotted on documents built by hand.

use crate::brackets::testdoc::doc;
use crate::brackets::*;

const ONE: &str = "\
RESOLUTION 1 (TEST)

considering

a) that ITU has [an important [and leading] role] to play; [not decided]

b) that warming stays [below 2 °C][below 1.5 °C] and [<b>&\"quoted\"</b>];

noting

1 the holding of the Forum in 2013];

2 [that the Union should report annually to the Council
";

fn series() -> Vec<Revision> {
    let texts = [
        "considering\n\na) that ITU [should] act [now];\n\nb) that [all roles] matter;\n\nc) that the Union reports\n",
        "considering\n\na) that ITU [shall] act;\n\nb) that all roles matter;\n\nc) that the Union [reports] to the Council [annually]\n",
    ];
    let label = |index: usize| format!("Rev.{}", index + 1);
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| Revision { label: label(index), document: doc(text) })
        .collect()
}

#[test]
fn one_document_as_text() {
    insta::assert_snapshot!(document_text(&DocumentReport::new("one.txt", &doc(ONE))));
}

#[test]
fn one_document_as_json() {
    insta::assert_json_snapshot!(DocumentReport::new("one.txt", &doc(ONE)));
}

#[test]
fn one_document_as_html() {
    insta::assert_snapshot!(document_html(&DocumentReport::new("one.txt", &doc(ONE))));
}

#[test]
fn revisions_as_text() {
    insta::assert_snapshot!(revisions_text(&RevisionsReport::new(&series())));
}

#[test]
fn revisions_as_json() {
    insta::assert_json_snapshot!(RevisionsReport::new(&series()));
}

#[test]
fn revisions_as_html() {
    insta::assert_snapshot!(revisions_html(&RevisionsReport::new(&series())));
}
