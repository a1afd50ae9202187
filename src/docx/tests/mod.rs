//! Tests of the Word reader, on packages built in memory.

use super::*;
use std::io::Write;

mod bad_input;
mod fixtures;
mod outputs;
mod props;

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A Word package of these parts (`word/document.xml` gets the body wrapped).
pub(super) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> =
        parts.iter().map(|(name, text)| (*name, text.as_bytes())).collect();
    package_bytes(&parts)
}

/// A zip of these entries, deflated.
pub(super) fn package_bytes(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The `word/document.xml` of this body.
pub(super) fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {NS}><w:body>{body}</w:body></w:document>"
    )
}

/// A package of a body and, optionally, numbering, styles and footnotes.
pub(super) fn word(body: &str, others: &[(&str, &str)]) -> Vec<u8> {
    let document = document(body);
    let wrapped: Vec<(String, String)> = others
        .iter()
        .map(|(name, inner)| {
            let root = name.trim_start_matches("word/").trim_end_matches(".xml");
            (name.to_string(), format!("<w:{root} {NS}>{inner}</w:{root}>"))
        })
        .collect();
    let mut parts = vec![("word/document.xml", document.as_str())];
    parts.extend(wrapped.iter().map(|(name, text)| (name.as_str(), text.as_str())));
    package(&parts)
}

fn text_of(bytes: &[u8], view: View) -> String {
    read(bytes, view).unwrap().text
}

/// Reads `body` (with `others` parts) in both views.
fn check_views(body: &str, others: &[(&str, &str)], accepted: &str, original: &str) {
    let bytes = word(body, others);
    assert_eq!(text_of(&bytes, View::Accepted), accepted, "accepted view of {body}");
    assert_eq!(text_of(&bytes, View::Original), original, "original view of {body}");
}

fn check(body: &str, others: &[(&str, &str)], expected: &str) {
    check_views(body, others, expected, expected);
}

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn styled(props: &str, text: &str) -> String {
    format!("<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn numbered(num_id: u32, level: u8, runs: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num_id}\"/></w:numPr></w:pPr>{runs}</w:p>"
    )
}

/// An abstract numbering with these levels (`format`, `text`, `start`).
fn abstract_num(id: u32, levels: &[(&str, &str, u32)]) -> String {
    let levels: String = levels
        .iter()
        .enumerate()
        .map(|(index, (format, text, start))| {
            format!(
                "<w:lvl w:ilvl=\"{index}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/></w:lvl>"
            )
        })
        .collect();
    format!("<w:abstractNum w:abstractNumId=\"{id}\">{levels}</w:abstractNum>")
}

fn num(id: u32, abstract_id: u32, overrides: &str) -> String {
    format!("<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{abstract_id}\"/>{overrides}</w:num>")
}

#[test]
fn paragraphs_are_separated_by_blank_lines_and_empty_ones_dropped() {
    let body = [p(&r("recalling")), p(""), p(&r("  ")), p(&(r("a) one ") + &r("thing;")))].concat();
    check(&body, &[], "recalling\n\na) one thing;\n");
}

#[test]
fn run_content_tabs_breaks_hyphens_and_symbols() {
    let run = "<w:r><w:t>a)</w:t><w:tab/><w:t>ITU</w:t><w:noBreakHyphen/><w:t>D</w:t><w:br/><w:t>next</w:t><w:softHyphen/><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:char=\"00A7\"/></w:r>";
    check(&p(run), &[], "a)\tITU\u{2011}D\nnext•§\n");
}

#[test]
fn bookmarks_comments_proofing_and_hidden_text_are_skipped() {
    let runs = format!(
        "<w:bookmarkStart w:id=\"0\" w:name=\"_Hlk1\"/><w:proofErr w:type=\"spellStart\"/>{}<w:commentRangeStart w:id=\"1\"/>{}<w:commentRangeEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"1\"/></w:r>{}<w:bookmarkEnd w:id=\"0\"/>",
        r("Signature"),
        r(" here"),
        styled("<w:vanish/>", " hidden")
    );
    check(&p(&runs), &[], "Signature here\n");
}

#[test]
fn fields_show_their_result_not_their_instructions() {
    let runs = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>§ 102</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    let simple = "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>7</w:t></w:r></w:fldSimple>";
    check(&p(&format!("{runs}{}{simple}", r(" on page "))), &[], "§ 102 on page 7\n");
}

#[test]
fn hyperlinks_smart_tags_and_content_controls_are_read_through() {
    let runs = format!(
        "<w:hyperlink w:anchor=\"x\">{}</w:hyperlink><w:smartTag>{}</w:smartTag><w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>",
        r("www.itu.int"),
        r(" Geneva"),
        r(" 2014")
    );
    check(&p(&runs), &[], "www.itu.int Geneva 2014\n");
}

#[test]
fn bold_and_italic_become_markers_off_white_space() {
    let runs = [
        r("ITU has, "),
        styled("<w:i/>", "inter alia"),
        r(", a "),
        styled("<w:b/>", " role "),
        r("in"),
    ]
    .concat();
    check(&p(&runs), &[], "ITU has, *inter alia*, a  **role** in\n");
}

#[test]
fn runs_of_one_emphasis_share_one_pair_of_markers() {
    let runs = [
        styled("<w:b/>", "World Summit"),
        styled("<w:b/><w:bCs/>", " on the"),
        styled("<w:b/>", " Information Society"),
    ]
    .concat();
    check(&p(&runs), &[], "**World Summit on the Information Society**\n");
}

#[test]
fn bold_italic_is_bold_and_markers_never_touch_another_star() {
    check(&p(&styled("<w:b/><w:i/>", "both")), &[], "**both**\n");
    let runs = [styled("<w:b/>", "bold"), styled("<w:i/>", "italic")].concat();
    check(&p(&runs), &[], "**bold**italic\n");
    check(&p(&[r("5 *"), styled("<w:i/>", "x")].concat()), &[], "5 *x\n");
    check(&p(&styled("<w:b/>", "   ")), &[], "");
    check(&p(&styled("<w:b w:val=\"0\"/><w:i w:val=\"false\"/>", "plain")), &[], "plain\n");
}

#[test]
fn character_styles_give_emphasis() {
    let styles = "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:rPr><w:b/></w:rPr></w:style><w:style w:type=\"character\" w:styleId=\"Stronger\"><w:basedOn w:val=\"Strong\"/></w:style>";
    let runs = [styled("<w:rStyle w:val=\"Stronger\"/>", "resolves"), r(" to")].concat();
    check(&p(&runs), &[("word/styles.xml", styles)], "**resolves** to\n");
}

#[test]
fn lettered_and_numbered_lists() {
    let numbering = [
        abstract_num(1, &[("lowerLetter", "%1)", 1)]),
        abstract_num(2, &[("decimal", "%1", 1), ("decimal", "%1.%2", 1)]),
        num(1, 1, ""),
        num(2, 2, ""),
    ]
    .concat();
    let body = [
        numbered(1, 0, &r("one;")),
        numbered(1, 0, &r("two,")),
        numbered(2, 0, &r("to do:")),
        numbered(2, 1, &r("first;")),
        numbered(2, 1, &r("second;")),
        numbered(2, 0, &r("to report.")),
        numbered(2, 1, &r("again.")),
    ]
    .concat();
    check(
        &body,
        &[("word/numbering.xml", &numbering)],
        "a)\tone;\n\nb)\ttwo,\n\n1\tto do:\n\n1.1\tfirst;\n\n1.2\tsecond;\n\n2\tto report.\n\n2.1\tagain.\n",
    );
}

#[test]
fn formats_starts_and_suffixes() {
    let numbering = format!(
        "{}<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"(%1)\"/><w:suff w:val=\"space\"/></w:lvl></w:abstractNum>{}{}",
        abstract_num(1, &[("lowerRoman", "%1)", 1)]),
        num(1, 1, ""),
        num(2, 2, "")
    );
    let body = [
        numbered(1, 0, &r("i")),
        numbered(1, 0, &r("ii")),
        numbered(2, 0, &r("C")),
        numbered(2, 0, &r("D")),
    ]
    .concat();
    check(&body, &[("word/numbering.xml", &numbering)], "i)\ti\n\nii)\tii\n\n(C) C\n\n(D) D\n");
}

#[test]
fn lists_sharing_an_abstract_continue_unless_restarted() {
    let numbering = [
        abstract_num(1, &[("lowerLetter", "%1)", 1)]),
        num(1, 1, ""),
        num(2, 1, ""),
        num(3, 1, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"),
    ]
    .concat();
    let body = [
        numbered(1, 0, &r("a")),
        p(&r("recalling")),
        numbered(2, 0, &r("b")),
        numbered(3, 0, &r("a again")),
        numbered(3, 0, &r("b again")),
        numbered(0, 0, &r("no label")),
    ]
    .concat();
    check(
        &body,
        &[("word/numbering.xml", &numbering)],
        "a)\ta\n\nrecalling\n\nb)\tb\n\na)\ta again\n\nb)\tb again\n\nno label\n",
    );
}

#[test]
fn level_overrides_and_restart_rules() {
    let numbering = format!(
        "{}{}<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum>{}",
        abstract_num(1, &[("decimal", "%1.", 1)]),
        num(
            1,
            1,
            "<w:lvlOverride w:ilvl=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"5\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"[%1]\"/></w:lvl></w:lvlOverride>"
        ),
        num(2, 2, "")
    );
    let body = [
        numbered(1, 0, &r("five")),
        numbered(2, 0, &r("one")),
        numbered(2, 1, &r("a")),
        numbered(2, 0, &r("two")),
        numbered(2, 1, &r("b, not restarted")),
    ]
    .concat();
    check(
        &body,
        &[("word/numbering.xml", &numbering)],
        "[5]\tfive\n\n1\tone\n\na)\ta\n\n2\ttwo\n\nb)\tb, not restarted\n",
    );
}

#[test]
fn legal_numbering_and_bullets() {
    let numbering = format!(
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:isLgl/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum>{}{}{}",
        abstract_num(2, &[("bullet", "\u{F0B7}", 1), ("bullet", "–", 1)]),
        num(1, 1, ""),
        num(2, 2, "")
    );
    let body = [
        numbered(1, 0, &r("Part")),
        numbered(1, 1, &r("legal")),
        numbered(2, 0, &r("dot")),
        numbered(2, 1, &r("dash")),
    ]
    .concat();
    check(
        &body,
        &[("word/numbering.xml", &numbering)],
        "I\tPart\n\n1.1\tlegal\n\n•\tdot\n\n–\tdash\n",
    );
}

#[test]
fn style_linked_numbering() {
    let numbering = format!(
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:pStyle w:val=\"Call\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:pStyle w:val=\"Sub\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"ListStyle\"/></w:abstractNum>{}{}",
        num(7, 1, ""),
        num(8, 2, "")
    );
    let styles = "<w:style w:type=\"paragraph\" w:styleId=\"Call\"><w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"CallTwo\"><w:basedOn w:val=\"Call\"/></w:style><w:style w:type=\"numbering\" w:styleId=\"ListStyle\"><w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>";
    let styled_p = |style: &str, text: &str| {
        format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>", r(text))
    };
    let body = [
        styled_p("Call", "one"),
        styled_p("Sub", "sub"),
        styled_p("CallTwo", "two"),
        numbered(8, 0, &r("linked: three")),
    ]
    .concat();
    check(
        &body,
        &[("word/numbering.xml", &numbering), ("word/styles.xml", styles)],
        "a)\tone\n\ni)\tsub\n\nb)\ttwo\n\nc)\tlinked: three\n",
    );
}

#[test]
fn footnotes_follow_the_body_with_superscript_markers() {
    let footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"5\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> See A/60/687.</w:t></w:r></w:p></w:footnote><w:footnote w:id=\"3\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>E/CN.16/2010/3.</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p></w:footnote><w:footnote w:id=\"9\"><w:p><w:r><w:t>Never referenced.</w:t></w:r></w:p></w:footnote>";
    let body = p(&format!(
        "{}<w:r><w:footnoteReference w:id=\"3\"/></w:r>{}<w:r><w:footnoteReference w:id=\"5\"/></w:r>",
        r("Summit"),
        r(" and report")
    ));
    check(
        &body,
        &[("word/footnotes.xml", footnotes)],
        "Summit¹ and report²\n\n¹ E/CN.16/2010/3.\n\nSecond paragraph.\n\n² See A/60/687.\n",
    );
}

#[test]
fn custom_marks_and_endnotes() {
    let footnotes =
        "<w:footnote w:id=\"1\"><w:p><w:r><w:t>* A custom note.</w:t></w:r></w:p></w:footnote>";
    let endnotes = "<w:endnote w:id=\"2\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> An endnote.</w:t></w:r></w:p></w:endnote>";
    let body = p(&format!(
        "{}<w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"1\"/><w:t>*</w:t></w:r>{}<w:r><w:endnoteReference w:id=\"2\"/></w:r>",
        r("text"),
        r(" more")
    ));
    check(
        &body,
        &[("word/footnotes.xml", footnotes), ("word/endnotes.xml", endnotes)],
        "text* more¹\n\n* A custom note.\n\n¹ An endnote.\n",
    );
}

#[test]
fn table_rows_of_single_paragraphs_are_one_paragraph() {
    let cell = |content: &str| format!("<w:tc>{content}</w:tc>");
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let deleted = cell(&p(&r("c) old row")));
    let deleted =
        format!("<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"x\"/></w:trPr>{deleted}</w:tr>");
    let table = format!(
        "<w:tbl>{}{}{deleted}</w:tbl>",
        row(&[cell(&p(&r("a)"))), cell(&p(&r("that ITU ...;")))]),
        row(&[cell(&p(&r("b)"))), cell(&(p(&r("first;")) + &p(&r("second,"))))]),
    );
    let body = [p(&r("considering")), table].concat();
    check_views(
        &body,
        &[],
        "considering\n\na)\tthat ITU ...;\n\nb)\n\nfirst;\n\nsecond,\n",
        "considering\n\na)\tthat ITU ...;\n\nb)\n\nfirst;\n\nsecond,\n\nc) old row\n",
    );
}

fn ins(content: &str) -> String {
    format!("<w:ins w:id=\"1\" w:author=\"A\" w:date=\"2014-10-31T00:00:00Z\">{content}</w:ins>")
}

fn del(content: &str) -> String {
    format!("<w:del w:id=\"2\" w:author=\"A\">{content}</w:del>")
}

fn del_run(text: &str) -> String {
    format!("<w:r><w:delText xml:space=\"preserve\">{text}</w:delText></w:r>")
}

#[test]
fn inserted_and_deleted_runs() {
    let body =
        p(&[r("the "), del(&del_run("Guadalajara, 2010")), ins(&r("Busan, 2014")), r(" text")]
            .concat());
    check_views(&body, &[], "the Busan, 2014 text\n", "the Guadalajara, 2010 text\n");
}

#[test]
fn moves_are_read_as_deletions_and_insertions() {
    let body = [
        p(&format!("<w:moveFrom w:id=\"3\" w:author=\"A\">{}</w:moveFrom>", del_run("moved text"))),
        p(&r("stays")),
        p(&format!("<w:moveTo w:id=\"4\" w:author=\"A\">{}</w:moveTo>", r("moved text"))),
    ]
    .concat();
    check_views(&body, &[], "stays\n\nmoved text\n", "moved text\n\nstays\n");
}

#[test]
fn deleted_and_inserted_paragraph_marks_join_paragraphs() {
    let mark = |change: &str| {
        format!("<w:pPr><w:rPr><w:{change} w:id=\"5\" w:author=\"A\"/></w:rPr></w:pPr>")
    };
    let body = [
        format!("<w:p>{}{}{}</w:p>", mark("del"), r("one "), del(&del_run("and gone"))),
        p(&r("two")),
        format!("<w:p>{}{}</w:p>", mark("ins"), r("three ")),
        p(&ins(&r("new"))),
    ]
    .concat();
    check_views(&body, &[], "one two\n\nthree \n\nnew\n", "one and gone\n\ntwo\n\nthree \n");
}

#[test]
fn a_deleted_provision_gives_its_label_to_the_next() {
    let numbering = [abstract_num(1, &[("lowerLetter", "%1)", 1)]), num(1, 1, "")].concat();
    let deleted_mark = "<w:rPr><w:del w:id=\"6\" w:author=\"A\"/></w:rPr>";
    let body = [
        numbered(1, 0, &r("first;")),
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>{deleted_mark}</w:pPr>{}</w:p>",
            del(&del_run("struck;"))
        ),
        numbered(1, 0, &r("last,")),
    ]
    .concat();
    check_views(
        &body,
        &[("word/numbering.xml", &numbering)],
        "a)\tfirst;\n\nb)\tlast,\n",
        "a)\tfirst;\n\nb)\tstruck;\n\nc)\tlast,\n",
    );
}

#[test]
fn formatting_and_numbering_changes_read_in_each_view() {
    let numbering = [abstract_num(1, &[("decimal", "%1", 1)]), num(1, 1, "")].concat();
    let run = "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"7\" w:author=\"A\"><w:rPr/></w:rPrChange></w:rPr><w:t>now bold</w:t></w:r>";
    let paragraph = "<w:p><w:pPr><w:pPrChange w:id=\"8\" w:author=\"A\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>was numbered</w:t></w:r></w:p>";
    let body = [p(run), paragraph.to_string()].concat();
    check_views(
        &body,
        &[("word/numbering.xml", &numbering)],
        "**now bold**\n\nwas numbered\n",
        "now bold\n\n1\twas numbered\n",
    );
}

#[test]
fn tracked_changes_are_counted_in_every_part() {
    let footnotes = format!(
        "<w:footnote w:id=\"1\"><w:p>{}{}</w:p></w:footnote>",
        ins(&r("x")),
        del(&del_run("y"))
    );
    let body =
        p(&[ins(&r("a")), "<w:r><w:footnoteReference w:id=\"1\"/></w:r>".to_string()].concat());
    let source =
        read(&word(&body, &[("word/footnotes.xml", &footnotes)]), View::Accepted).unwrap().source;
    assert_eq!(source.tracked_changes, 3);
    let plain = read(&word(&p(&r("a")), &[]), View::Accepted).unwrap().source;
    assert_eq!(plain.tracked_changes, 0);
}

#[test]
fn the_source_map_points_back_into_the_xml() {
    let numbering = [abstract_num(1, &[("lowerLetter", "%1)", 1)]), num(1, 1, "")].concat();
    let body = [
        p(&r("recalling")),
        numbered(1, 0, &[r("that "), styled("<w:i/>", "inter alia")].concat()),
    ]
    .concat();
    let docx = read(&word(&body, &[("word/numbering.xml", &numbering)]), View::Accepted).unwrap();
    assert_eq!(docx.text, "recalling\n\na)\tthat *inter alia*\n");
    let xml = document(&body);
    let [first, second] = docx.source.paragraphs.as_slice() else { panic!("two paragraphs") };
    assert_eq!(&docx.text[first.text.clone()], "recalling");
    assert_eq!(first.xml[0].index, 0);
    assert_eq!(&xml[first.xml[0].xml.clone()], p(&r("recalling")));
    assert_eq!(&docx.text[second.text.clone()], "a)\tthat *inter alia*");
    let label = second.label.as_ref().unwrap();
    assert_eq!((&docx.text[label.range.clone()], label.num_id, label.level), ("a)", 1, 0));
    assert!(second.ppr.as_deref().unwrap().starts_with("<w:pPr><w:numPr>"));
    let runs: Vec<(&str, &str, Option<&str>)> = second
        .runs
        .iter()
        .map(|run| (&docx.text[run.text.clone()], &xml[run.xml.clone()], run.rpr.as_deref()))
        .collect();
    assert_eq!(
        runs,
        [
            ("that ", r("that ").as_str(), None),
            ("inter alia", styled("<w:i/>", "inter alia").as_str(), Some("<w:rPr><w:i/></w:rPr>")),
        ]
    );
    let added: Vec<(&str, AddedKind)> =
        second.added.iter().map(|a| (&docx.text[a.range.clone()], a.kind)).collect();
    assert_eq!(
        added,
        [("\t", AddedKind::LabelSuffix), ("*", AddedKind::Emphasis), ("*", AddedKind::Emphasis)]
    );
}

#[test]
fn nothing_is_lost_every_character_is_a_run_label_or_addition() {
    let numbering = [abstract_num(1, &[("decimal", "%1.", 1)]), num(1, 1, "")].concat();
    let body = [
        numbered(
            1,
            0,
            &[r("Notes "), styled("<w:b/>", " the report "), r("of"), del(&del_run("x"))].concat(),
        ),
        p(&[styled("<w:i/>", "Recalling"), r(" also")].concat()),
    ]
    .concat();
    let docx = read(&word(&body, &[("word/numbering.xml", &numbering)]), View::Accepted).unwrap();
    for paragraph in &docx.source.paragraphs {
        let mut covered = vec![false; docx.text.len()];
        let ranges = paragraph
            .runs
            .iter()
            .map(|run| run.text.clone())
            .chain(paragraph.label.iter().map(|label| label.range.clone()))
            .chain(paragraph.added.iter().map(|added| added.range.clone()));
        for range in ranges {
            covered[range].iter_mut().for_each(|c| *c = true);
        }
        assert!(
            covered[paragraph.text.clone()].iter().all(|&c| c),
            "{:?}",
            &docx.text[paragraph.text.clone()]
        );
    }
}

#[test]
fn positions_are_described_in_words() {
    let body =
        [p(&r("recalling")), p(&r("a) one thing that goes on and on and on for a long while"))]
            .concat();
    let docx = read(&word(&body, &[]), View::Accepted).unwrap();
    let second = docx.text.find("a)").unwrap();
    assert_eq!(
        describe_position(&docx.source, &docx.text, second).as_deref(),
        Some("Word paragraph 2: “a) one thing that goes on and on and on …”")
    );
}

#[test]
fn the_main_part_is_found_through_the_relationships() {
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document2.xml\"/></Relationships>";
    let doc_rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"../custom/list.xml\"/></Relationships>";
    let numbering = format!(
        "<w:numbering {NS}>{}{}</w:numbering>",
        abstract_num(1, &[("decimal", "%1", 1)]),
        num(1, 1, "")
    );
    let body = document(&numbered(1, 0, &r("to report")));
    let bytes = package(&[
        ("_rels/.rels", rels),
        ("word/document2.xml", &body),
        ("word/_rels/document2.xml.rels", doc_rels),
        ("custom/list.xml", &numbering),
    ]);
    let docx = read(&bytes, View::Accepted).unwrap();
    assert_eq!(
        (docx.text.as_str(), docx.source.main_part.as_str()),
        ("1\tto report\n", "word/document2.xml")
    );
}

#[test]
fn relationship_targets_resolve_like_paths() {
    assert_eq!(resolve("word", "numbering.xml"), "word/numbering.xml");
    assert_eq!(resolve("word", "/word/x.xml"), "word/x.xml");
    assert_eq!(resolve("word", "../custom/./a.xml"), "custom/a.xml");
    assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
}
