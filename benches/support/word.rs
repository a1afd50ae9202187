//! A Word twin of a generated text, for the `.docx` benchmark: the text's
//! paragraphs (one per line) as Word writes them (runs of a few words each
//! with their own properties and revision ids, a paragraph style, the labels
//! `a)` and `1` as automatic numbering, each list restarting as the text's
//! do), packed as a `.docx` with deflate. It reads as the same document as
//! the text (`tests/bench_support.rs`).

use std::fmt::Write as _;
use std::io::Write as _;

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
const RUN_PROPERTIES: &str = "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:lang w:val=\"en-GB\"/></w:rPr>";
/// Words per run: Word splits paragraphs into runs at every edit session.
const WORDS_PER_RUN: usize = 6;

/// The `.docx` of `text`.
pub fn docx(text: &str) -> Vec<u8> {
    let mut body = String::new();
    let mut lists = Lists::default();
    for paragraph in text.lines().filter(|p| !p.trim().is_empty()) {
        write_paragraph(&mut body, paragraph.trim(), &mut lists);
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let numbering = format!(
        "<w:numbering {W}><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\"/></w:lvl></w:abstractNum>{}</w:numbering>",
        lists.nums
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, part) in [("word/document.xml", document), ("word/numbering.xml", numbering)] {
        zip.start_file(name, options).expect("a new entry");
        zip.write_all(part.as_bytes()).expect("written to memory");
    }
    zip.finish().expect("written to memory").into_inner()
}

/// The lists so far: a `w:num` per list, restarting at 1 as the text's labels do.
#[derive(Default)]
struct Lists {
    nums: String,
    count: u32,
    /// The current `w:numId` of each abstract numbering (1: letters, 2: numbers).
    current: [u32; 2],
}

impl Lists {
    /// The `w:numId` of a label of list `kind` (0 letters, 1 numbers): a new
    /// list when the label is the first (`a)`, `1`).
    fn num_id(&mut self, kind: usize, first: bool) -> u32 {
        if first || self.current[kind] == 0 {
            self.count += 1;
            self.current[kind] = self.count;
            let _ = write!(
                self.nums,
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
                self.count,
                kind + 1
            );
        }
        self.current[kind]
    }
}

fn write_paragraph(body: &mut String, paragraph: &str, lists: &mut Lists) {
    let (num_id, text) = match numbering(paragraph) {
        (Some((kind, first)), text) => (Some(lists.num_id(kind, first)), text),
        (None, text) => (None, text),
    };
    body.push_str(
        "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00A1B2C3\"><w:pPr><w:pStyle w:val=\"Normal\"/>",
    );
    if let Some(num_id) = num_id {
        let _ =
            write!(body, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num_id}\"/></w:numPr>");
    }
    body.push_str("</w:pPr>");
    let words: Vec<&str> = text.split(' ').collect();
    for (index, chunk) in words.chunks(WORDS_PER_RUN).enumerate() {
        let mut run = chunk.join(" ");
        if index + 1 < words.len().div_ceil(WORDS_PER_RUN) {
            run.push(' ');
        }
        let _ = write!(
            body,
            "<w:r w:rsidRPr=\"00D4E5F6\">{RUN_PROPERTIES}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(&run)
        );
    }
    body.push_str("</w:p>");
}

/// `a)<TAB>text` and `1<TAB>text` become numbered paragraphs without their
/// label: the list kind (0 letters, 1 numbers) and whether the label is the first.
fn numbering(paragraph: &str) -> (Option<(usize, bool)>, &str) {
    let Some((label, rest)) = paragraph.split_once(['\t', ' ']) else { return (None, paragraph) };
    let letter =
        label.len() == 2 && label.ends_with(')') && label.as_bytes()[0].is_ascii_lowercase();
    let number = !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit());
    match (letter, number) {
        (true, _) => (Some((0, label == "a)")), rest),
        (_, true) => (Some((1, label == "1")), rest),
        _ => (None, paragraph),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\n', " ")
}
