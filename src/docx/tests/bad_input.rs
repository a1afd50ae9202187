//! Files that are not readable Word documents: each refused with one problem, never a panic.

use super::*;

fn problem(bytes: &[u8]) -> Problem {
    read(bytes, View::Accepted).expect_err("refused")
}

fn valid() -> Vec<u8> {
    word(&p(&r("recalling")), &[])
}

#[test]
fn an_old_word_document_says_how_to_get_a_docx() {
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend(std::iter::repeat_n(0u8, 512));
    assert_eq!(problem(&doc), Problem::OldWord);
    assert!(Problem::OldWord.to_string().contains("--convert-to docx"));
}

#[test]
fn an_encrypted_document_is_named_as_such() {
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend(std::iter::repeat_n(0u8, 64));
    doc.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(problem(&doc), Problem::Encrypted);
}

#[test]
fn rtf_and_opendocument_say_how_to_get_a_docx() {
    assert_eq!(problem(b"{\\rtf1\\ansi recalling}"), Problem::Rtf);
    let odt = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content/>"),
    ]);
    assert_eq!(problem(&odt), Problem::Odt);
    for refused in [Problem::Rtf, Problem::Odt] {
        assert!(refused.to_string().contains("soffice --headless --convert-to docx"), "{refused}");
    }
}

#[test]
fn a_zip_that_is_not_word_says_what_it_looks_like() {
    assert_eq!(problem(&package(&[("notes.txt", "hello")])), Problem::NotWord { looks_like: None });
    let workbook = problem(&package(&[("xl/workbook.xml", "<workbook/>")]));
    assert_eq!(
        workbook.to_string(),
        "a zip archive but not a Word document (no word/document.xml); it looks like an Excel workbook"
    );
    let ods = problem(&package(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet")]));
    assert!(ods.to_string().contains("opendocument.spreadsheet"), "{ods}");
    let not_a_document = package(&[("word/document.xml", &format!("<w:body {NS}/>"))]);
    assert!(matches!(problem(&not_a_document), Problem::NotWord { .. }));
}

#[test]
fn a_truncated_zip_is_damaged() {
    let bytes = valid();
    for cut in [bytes.len() / 2, bytes.len() - 10, 30] {
        assert!(matches!(problem(&bytes[..cut]), Problem::Corrupt(_)), "cut at {cut}");
    }
}

#[test]
fn damaged_compressed_data_is_refused() {
    let mut bytes = package(&[("word/document.xml", &document(&p(&r(&"recalling ".repeat(200)))))]);
    let data = 30 + "word/document.xml".len() + 20;
    for byte in &mut bytes[data..data + 40] {
        *byte ^= 0x55;
    }
    assert!(matches!(problem(&bytes), Problem::Corrupt(_)));
}

#[test]
fn an_encrypted_zip_entry_is_refused() {
    let mut bytes = valid();
    set_encrypted_flags(&mut bytes);
    assert_eq!(problem(&bytes), Problem::Encrypted);
}

/// Sets bit 0 (encrypted) of the general-purpose flags in every local and central header.
fn set_encrypted_flags(bytes: &mut [u8]) {
    let at: Vec<(usize, usize)> = bytes
        .windows(4)
        .enumerate()
        .filter_map(|(at, w)| match w {
            b"PK\x03\x04" => Some((at, 6)),
            b"PK\x01\x02" => Some((at, 8)),
            _ => None,
        })
        .collect();
    for (header, flags) in at {
        bytes[header + flags] |= 1;
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_unpacks() {
    let bomb = document(&p(&r(&" ".repeat(8 << 20))));
    let bytes = package(&[("word/document.xml", &bomb)]);
    assert!(bytes.len() < 100_000, "the test builds a bomb ({} bytes)", bytes.len());
    assert_eq!(problem(&bytes), Problem::TooLarge { part: "word/document.xml".into() });
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..=package::MAX_ENTRIES).map(|n| format!("media/{n}")).collect();
    let mut parts: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), "")).collect();
    let document = document(&p(&r("x")));
    parts.push(("word/document.xml", &document));
    let count = package::MAX_ENTRIES + 2;
    assert_eq!(problem(&package(&parts)), Problem::TooManyEntries { count });
}

#[test]
fn entity_expansion_and_external_entities_are_refused() {
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><w:document {NS}><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>"
    );
    let external = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document {NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    );
    for xml in [laughs, external] {
        let refused = problem(&package(&[("word/document.xml", &xml)]));
        let Problem::Xml { part, message, .. } = &refused else { panic!("{refused:?}") };
        assert_eq!(part, "word/document.xml");
        assert!(message.contains("DTD"), "{message}");
    }
}

#[test]
fn malformed_or_undecodable_xml_names_the_part() {
    let broken =
        package(&[("word/document.xml", &format!("<w:document {NS}><w:body><w:p></w:body>"))]);
    let refused = problem(&broken).to_string();
    assert!(refused.starts_with("word/document.xml:1:"), "{refused}");
    let latin = package_bytes(&[("word/document.xml", b"<w:document>caf\xE9</w:document>")]);
    assert_eq!(problem(&latin), Problem::NotUtf8 { part: "word/document.xml".into() });
    let styles = word(&p(&r("x")), &[("word/styles.xml", "<w:style>")]);
    assert!(matches!(problem(&styles), Problem::Xml { .. }));
}

#[test]
fn a_text_file_is_not_a_word_document() {
    assert_eq!(problem(b"recalling"), Problem::NotWord { looks_like: None });
}

#[test]
fn deep_nesting_is_cut_off_not_a_stack_overflow() {
    let depth = 10_000;
    let links = "<w:hyperlink>".repeat(depth) + &r("deep") + &"</w:hyperlink>".repeat(depth);
    let cells = "<w:tbl><w:tr><w:tc>".repeat(depth)
        + &p(&r("cell"))
        + &"</w:tc></w:tr></w:tbl>".repeat(depth);
    let body = [p(&r("shallow")), p(&links), cells].concat();
    let docx = read(&word(&body, &[]), View::Accepted).unwrap();
    assert_eq!(docx.text, "shallow\n");
}

#[test]
fn a_long_level_text_is_cut_so_labels_cannot_multiply_the_text() {
    let numbering =
        [abstract_num(1, &[("decimal", &"%1.".repeat(10_000), 1)]), num(1, 1, "")].concat();
    let body = numbered(1, 0, &r("one")).repeat(100);
    let docx = read(&word(&body, &[("word/numbering.xml", &numbering)]), View::Accepted).unwrap();
    assert!(docx.text.len() < 100 * 1000, "{} bytes", docx.text.len());
}
