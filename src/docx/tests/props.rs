//! Property tests: the reader never panics, and its source map always covers its text.

use super::*;
use proptest::prelude::*;

/// Pieces of WordprocessingML, in and out of place, to build bodies from.
pub(super) const FRAGMENTS: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>a) text</w:t></w:r>",
    "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> bold </w:t></w:r>",
    "<w:r><w:rPr><w:i/></w:rPr><w:t>*</w:t></w:r>",
    "<w:r><w:tab/><w:br/><w:noBreakHyphen/><w:sym w:char=\"F0B7\"/></w:r>",
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
    "<w:r><w:instrText>PAGE</w:instrText></w:r>",
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
    "<w:r><w:footnoteReference w:id=\"1\"/></w:r>",
    "<w:r><w:endnoteReference w:id=\"1\"/></w:r>",
    "<w:ins w:id=\"1\"><w:r><w:t>new</w:t></w:r></w:ins>",
    "<w:del w:id=\"2\"><w:r><w:delText>old</w:delText></w:r></w:del>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:rPr><w:del w:id=\"3\"/></w:rPr></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    "<w:pPr><w:pStyle w:val=\"Call\"/><w:rPr><w:ins w:id=\"4\"/></w:rPr></w:pPr>",
    "<w:tbl><w:tr><w:tc>",
    "</w:tc></w:tr></w:tbl>",
    "<w:sdt><w:sdtContent>",
    "</w:sdtContent></w:sdt>",
    "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>",
    "<m:oMath xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"><m:r><m:t>x+1</m:t></m:r></m:oMath>",
];

const NUMBERING: &str = "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"4294967295\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)%9%\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.%2\"/><w:lvlRestart w:val=\"7\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"0\"/></w:lvlOverride></w:num>";
const STYLES: &str = "<w:style w:styleId=\"Call\"><w:basedOn w:val=\"Call\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
const NOTES: &str =
    "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/><w:t>note</w:t></w:r></w:p></w:footnote>";
const ENDNOTES: &str = "<w:endnote w:id=\"1\"><w:p><w:r><w:t>end</w:t></w:r></w:p></w:endnote>";

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

pub(super) fn bytes_of(body: &str) -> Vec<u8> {
    word(
        body,
        &[
            ("word/numbering.xml", NUMBERING),
            ("word/styles.xml", STYLES),
            ("word/footnotes.xml", NOTES),
            ("word/endnotes.xml", ENDNOTES),
        ],
    )
}

/// Every paragraph lies in the text, in order, covered by its label, runs and additions.
fn assert_source_covers_text(docx: &Docx) {
    let mut end = 0;
    for paragraph in &docx.source.paragraphs {
        assert!(paragraph.text.start >= end && paragraph.text.end <= docx.text.len());
        end = paragraph.text.end;
        let mut covered = vec![false; docx.text.len()];
        let runs = paragraph.runs.iter().map(|run| run.text.clone());
        let labels = paragraph.label.iter().map(|label| label.range.clone());
        let added = paragraph.added.iter().map(|added| added.range.clone());
        for range in runs.chain(labels).chain(added) {
            covered[range].iter_mut().for_each(|c| *c = true);
        }
        let text = &docx.text[paragraph.text.clone()];
        assert!(covered[paragraph.text.clone()].iter().all(|&c| c), "{text:?}");
    }
    assert!(!docx.text.contains('\r'));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_body_reads_or_is_refused_without_panic(body in body()) {
        for view in [View::Accepted, View::Original] {
            if let Ok(docx) = read(&bytes_of(&body), view) {
                assert_source_covers_text(&docx);
            }
        }
    }

    #[test]
    fn mutated_packages_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = bytes_of("<w:p><w:r><w:t>a) one</w:t></w:r></w:p><w:p><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>");
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = read(&bytes, View::Accepted);
    }

    #[test]
    fn arbitrary_bytes_never_panic(tail in prop::collection::vec(any::<u8>(), 0..512)) {
        for head in [&b"PK\x03\x04"[..], b"PK\x05\x06", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b""] {
            let bytes = [head, &tail].concat();
            let _ = read(&bytes, View::Original);
        }
    }
}
