//! Layout tests: each reads a small text and compares its outline, through one
//! `check(input, expected_outline)` helper. The outline format is
//! `line [kind] heading`, `line   label  first words`, then diagnostics.

mod invariants;

use super::parse_text;
use crate::model::{Document, InlineKind, LabelKind, PieceKind, SectionKind};
use crate::render::{Format, outline};

/// Parses `input` and compares its text outline (without the encoding line) to `expected`.
fn check(input: &str, expected: &str) {
    let outline = outline(&parse_text(input, "UTF-8"), Format::Text).unwrap();
    let outline = outline.split_once('\n').map_or("", |(_, rest)| rest);
    assert_eq!(outline, expected, "\n{outline}");
}

fn parse(input: &str) -> Document {
    parse_text(input, "UTF-8")
}

// ITU layout: headings on their own line.

#[test]
fn itu_headings_on_their_own_line() {
    check(
        "RESOLUTION 1\n\nThe Council,\n\nrecalling\n\na) one;\n\nb) two,\n\nresolves to instruct the Secretary-General\n\n1 to act,\n",
        "   1 title: RESOLUTION 1
   3 title: The Council,
   5 [preamble] recalling
   7   a)  one;
   9   b)  two,
  11 [operative] resolves to instruct the Secretary-General
  13   1  to act,
",
    );
}

#[test]
fn headings_with_trailing_space_tab_or_indentation() {
    check(
        "recalling \n\nthat x,\n         recognizing\t\n\nthat y,\nnoting \t\n\nthat z,\n",
        "   1 [preamble] recalling
   3   that x,
   4 [preamble] recognizing
   6   that y,
   7 [preamble] noting
   9   that z,
",
    );
}

#[test]
fn headings_in_brackets_or_after_an_artefact() {
    check(
        "resolves\n\n1 to do;\n\n[Encourage/ Instructs the Secretary-General\n\n1 to act,\n",
        "   1 [operative] resolves
   3   1  to do;
   5 [operative] [Encourage/ Instructs the Secretary-General
   7   1  to act,
diagnostics:
5:1: unbalanced `[`: not closed before the end of its section
",
    );
    check(
        "recalling\na)\tone,\n[bookmark: _Hlk1]considering that the Conference resolved\na)\ttwo,\n",
        "   1 [preamble] recalling
   2   a)  one,
   3 [preamble] considering that the Conference resolved
   4   a)  two,
diagnostics:
3:1: Word-export artefact dropped
",
    );
}

#[test]
fn a_heading_directly_after_text_wins_over_the_soft_wrap() {
    check(
        "further noting\n\nthat the Council established a group,\nbearing in mind\n\nthat the group met,\n",
        "   1 [preamble] further noting
   3   that the Council established a group,
   4 [preamble] bearing in mind
   6   that the group met,
",
    );
}

#[test]
fn a_heading_word_in_the_middle_of_a_sentence_is_text() {
    check(
        "noting\n\nthat the Council, after\nnoting the report of the group\nagreed,\n\nresolves\n\nto act.\n",
        "   1 [preamble] noting
   3   that the Council, after noting the report of …
   7 [operative] resolves
   9   to act.
",
    );
}

#[test]
fn the_annex_and_everything_after_it_is_annex() {
    check(
        "resolves\nto act,\nANNEX \nTerms of Reference\na) \nto help;\nb)     to see;\ninvites\n1 to join.\n",
        "   1 [operative] resolves
   2   to act,
   3 [annex] ANNEX
   4   sub-heading: Terms of Reference
   5   a)  to help;
   7   b)  to see;
   8 [annex] invites
   9   1  to join.
",
    );
}

#[test]
fn heading_kinds_follow_the_table() {
    let document =
        parse("considering\nx,\nnotes with satisfaction\ny,\nappreciates\nz,\nurges\nw.\n");
    let kinds: Vec<_> = document.sections.iter().map(|section| section.kind).collect();
    use SectionKind::*;
    assert_eq!(kinds, [Preamble, Operative, Operative, Operative]);
}

// UN layout: the heading opens the sentence.

#[test]
fn un_opening_phrases_and_numbered_paragraphs() {
    check(
        "The Economic and Social Council,\n\nRecalling also its resolution 2006/46,\n\nTaking note of the report,\n\n1. Notes the implementation;\n\n2. Urges all States,\n",
        "   1 title: The Economic and Social Council,
   3 [preamble] Recalling also
   3   its resolution 2006/46,
   5 [preamble] Taking note of
   5   the report,
   7 [operative] (no heading)
   7   1.  Notes the implementation;
   9   2.  Urges all States,
",
    );
}

/// The opening phrase heads the section and stays in its provision's text,
/// so that it is aligned and diffed with the paragraph it opens.
#[test]
fn un_opening_phrase_heads_the_section_and_stays_in_the_text() {
    let document = parse("Recalling also  its resolution,\n");
    assert_eq!(document.pieces.len(), 1);
    assert_eq!(document.raw(0), "Recalling also  its resolution,\n");
    assert_eq!(document.content(0), "Recalling also  its resolution,");
    assert_eq!(document.after_opening_phrase(0), "its resolution,");
    assert!(document.pieces[0].inline_heading);
    let phrase = &document.pieces[0].inlines[0];
    assert_eq!(
        (phrase.kind, &document.text[phrase.range.clone()]),
        (InlineKind::OpeningPhrase, "Recalling also")
    );
    assert_eq!(document.sections[0].heading, None);
    assert_eq!(document.sections[0].heading_text.as_deref(), Some("Recalling also"));
}

#[test]
fn a_phrase_without_the_final_comma_is_not_a_heading() {
    check(
        "recalling\n\nx,\n\nNoting that this paragraph ends with a full stop.\n",
        "   1 [preamble] recalling
   3   x,
   5   Noting that this paragraph ends with a full …
",
    );
}

#[test]
fn sub_headings_group_numbered_paragraphs() {
    check(
        "Recalling its resolution,\nTaking stock: the road so far \n\n1. Notes a;\n\nInternet governance \n\n2. Notes b;\nThe road ahead\n\n3. Urges c.\n",
        "   1 [preamble] Recalling
   1   its resolution,
   2 [operative] (no heading)
   2   sub-heading: Taking stock: the road so far
   4   1.  Notes a;
   6   sub-heading: Internet governance
   8   2.  Notes b;
   9   sub-heading: The road ahead
  11   3.  Urges c.
",
    );
}

#[test]
fn footnotes_form_a_last_section() {
    check(
        "resolves\n\n1. Notes a;\n\n\u{FFFD} See A/C.2/59/3.\n\n\n\u{FFFD} A/67/66.\n\n",
        "   1 [operative] resolves
   3   1.  Notes a;
   5 [other] (no heading)
   5   footnote: \u{FFFD} See A/C.2/59/3.
   8   footnote: \u{FFFD} A/67/66.
",
    );
}

// The paragraph rule.

#[test]
fn blank_lines_between_paragraphs_make_line_breaks_soft_wraps() {
    check(
        "recalling\n\nResolution 73 of the Conference\non the role of ITU,\n\nconsidering\n\na) that the General Assembly\n   took note;\n\nb) that x,\n",
        "   1 [preamble] recalling
   3   Resolution 73 of the Conference on the role …
   6 [preamble] considering
   8   a)  that the General Assembly took note;
  11   b)  that x,
",
    );
}

#[test]
fn without_blank_lines_every_line_is_a_paragraph() {
    check(
        "recalling\nResolution 73 of the Conference\non the role of ITU,\nconsidering\na)\tthat x;\nb)\tthat y,\n",
        "   1 [preamble] recalling
   2   Resolution 73 of the Conference
   3   on the role of ITU,
   4 [preamble] considering
   5   a)  that x;
   6   b)  that y,
",
    );
}

#[test]
fn the_title_block_follows_the_paragraph_rule_and_keeps_the_enacting_formula_apart() {
    check(
        "DRAFT RESOLUTION\n\n**ITU's role in the\nWorld Summit**\nThe Conference (Busan, 2014),\n\nrecalling\n\nx,\n",
        "   1 title: DRAFT RESOLUTION
   3 title: **ITU's role in the World Summit**
   5 title: The Conference (Busan, 2014),
   7 [preamble] recalling
   9   x,
",
    );
}

#[test]
fn a_wrapped_line_starting_with_a_number_continues_its_sentence() {
    check(
        "recalling\n\nResolutions 30 and\n37 (Istanbul, 2002),\n\nconsidering\n\n1 that x,\n",
        "   1 [preamble] recalling
   3   Resolutions 30 and 37 (Istanbul, 2002),
   6 [preamble] considering
   8   1  that x,
",
    );
}

#[test]
fn a_wrapped_enacting_formula_is_still_its_own_title() {
    check(
        "World Summit\nThe Plenipotentiary Conference of the\nUnion (Busan, 2014),\n\nrecalling\n\na) x,\n",
        "   1 title: World Summit
   2 title: The Plenipotentiary Conference of the Union (Busan, 2014),
   5 [preamble] recalling
   7   a)  x,
",
    );
}

#[test]
fn a_wrapped_line_starting_with_a_number_after_a_comma_is_read_as_a_label() {
    // FIXME: "18 May 2012" continues the sentence, but after a comma a bare
    // number at the start of a line is indistinguishable from the label `18`.
    check(
        "noting\n\nthat the Forum met in Geneva,\n18 May 2012, and agreed;\n\nresolves\n\n1 to act,\n",
        "   1 [preamble] noting
   3   that the Forum met in Geneva,
   4   18  May 2012, and agreed;
   6 [operative] resolves
   8   1  to act,
",
    );
}

// Labels.

#[test]
fn label_and_text_separated_by_spaces_or_a_tab() {
    check(
        "recalling\na)\tone;\nb)     two;\n3    three;\n(iv) four,\n",
        "   1 [preamble] recalling
   2   a)  one;
   3   b)  two;
   4   3  three;
   5   (iv)  four,
diagnostics:
4:1: label `3` out of sequence after `b)`
5:1: label `(iv)` out of sequence after `3`
",
    );
}

#[test]
fn a_label_alone_takes_the_text_of_the_next_line() {
    check(
        "considering\n\na) \nthat x;\nb)\n that y;\n\n–\nall bodies,\n",
        "   1 [preamble] considering
   3   a)  that x;
   5   b)  that y;
   8   –  all bodies,
",
    );
}

#[test]
fn a_label_alone_keeps_its_text_range_inside_its_raw() {
    let document = parse("considering\n\na) \n  that x;\n");
    let piece = &document.pieces[1];
    assert_eq!(document.raw(1), "a) \n  that x;\n");
    assert_eq!(document.content(1), "that x;");
    assert_eq!(piece.label.as_ref().map(|label| label.text.as_str()), Some("a)"));
    assert_eq!(piece.lines, (3, 4));
}

#[test]
fn markdown_list_markers_are_not_labels() {
    check(
        "recalling\n\n- a) one;\n- b) two,\n\nresolves\n\n1 to do:\n\n- WSIS+10 Statement;\n- WSIS+10 Vision,\n",
        "   1 [preamble] recalling
   3   a)  one;
   4   b)  two,
   6 [operative] resolves
   8   1  to do:
  10     -  WSIS+10 Statement;
  11     -  WSIS+10 Vision,
",
    );
    let document = parse("recalling\n\n- a) one;\n");
    assert_eq!(document.raw(1), "- a) one;\n");
    assert_eq!(document.pieces[1].label.as_ref().map(|label| label.range.clone()), Some(13..15));
}

#[test]
fn a_marker_before_a_label_is_not_a_bullet_and_a_bullet_stays_one() {
    check(
        "considering\n\n- a) one;\n-\tb) two;\n* c) three;\n\nresolves\n\n1 to do:\n\n- a bullet;\n-\ta tab bullet,\n",
        "   1 [preamble] considering
   3   a)  one;
   4   b)  two;
   5   c)  three;
   7 [operative] resolves
   9   1  to do:
  11     -  a bullet;
  12     -  a tab bullet,
",
    );
    let label = |input: &str| {
        let document = parse(input);
        let label = document.pieces[1].label.clone().unwrap();
        (label.text, label.kind)
    };
    assert_eq!(label("considering\n\n-\tb) two;\n"), ("b)".into(), LabelKind::Letter));
    assert_eq!(label("considering\n\n- a bullet;\n"), ("-".into(), LabelKind::Bullet));
}

#[test]
fn a_dash_in_a_markdown_list_without_a_label_is_a_marker() {
    check(
        "requests\n\n- 3 to do;\n- ~~4~~ to elaborate;\n- 5 to take,\n",
        "   1 [operative] requests
   3   3  to do;
   4   ~~4~~ to elaborate;
   5   5  to take,
",
    );
}

#[test]
fn numbers_need_a_separator_and_at_most_three_digits() {
    check(
        "noting\n\n2015 was a year;\n\n1.5 million people,\n",
        "   1 [preamble] noting
   3   2015 was a year;
   5   1.5 million people,
",
    );
}

#[test]
fn i_after_h_is_a_letter_and_roman_elsewhere() {
    let document =
        parse("considering\n\nh) x;\n\ni) y;\n\nresolves\n\na) to do:\n\ni) one;\n\nii) two,\n");
    let labels: Vec<_> = document
        .pieces
        .iter()
        .filter_map(|piece| {
            piece.label.as_ref().map(|label| (label.kind, label.ordinal, piece.depth))
        })
        .collect();
    use LabelKind::*;
    assert_eq!(
        labels,
        [
            (Letter, Some(8), 0),
            (Letter, Some(9), 0),
            (Letter, Some(1), 0),
            (Roman, Some(1), 1),
            (Roman, Some(2), 1)
        ]
    );
}

#[test]
fn labels_in_brackets_are_labels() {
    check(
        "recognizing\n\nc) x;\n\n[d) that y,]\n",
        "   1 [preamble] recognizing
   3   c)  x;
   5   [d)  that y,]
",
    );
}

#[test]
fn labels_out_of_sequence_get_a_diagnostic() {
    check(
        "invites\n\n1 to a;\n\n2 to b;\n\n[3 to c;]\n\n42 to d;\n\n5 to e,\n\ntaking into account\n\nh)e) that x;\n\nif) y;\n\nig) z,\n",
        "   1 [operative] invites
   3   1  to a;
   5   2  to b;
   7   [3  to c;]
   9   42  to d;
  11   5  to e,
  13 [preamble] taking into account
  15   h)  e) that x;
  17   if)  y;
  19   ig)  z,
diagnostics:
9:1: label `42` out of sequence after `3`
17:1: label `if)` out of sequence after `h)`
19:1: label `ig)` out of sequence after `if)`
",
    );
}

#[test]
fn struck_labels_are_text_and_count_as_places() {
    check(
        "considering\n\nb) x;\n\n~~c)h)~~ that y;\n\nd) z;\n\n~~2110~~ that w,\n",
        "   1 [preamble] considering
   3   b)  x;
   5   ~~c)h)~~ that y;
   7   d)  z;
   9   ~~2110~~ that w,
",
    );
}

// Nesting.

#[test]
fn items_after_a_colon_nest_until_a_label_of_the_parent_style() {
    check(
        "encourages\n\n4\nto raise funds from:\n\n–\nall bodies;\n\n–\ncivil society,\n\n5\nto promote,\n",
        "   1 [operative] encourages
   3   4  to raise funds from:
   6     –  all bodies;
   9     –  civil society,
  12   5  to promote,
",
    );
}

#[test]
fn lettered_items_after_a_numbered_paragraph_nest() {
    let document = parse(
        "resolves\n\n32. Calls upon all therefore\n\n(a) takes note;\n\n(b) calls;\n\n33. Invites,\n",
    );
    let shape: Vec<_> = document.pieces.iter().map(|piece| (piece.parent, piece.depth)).collect();
    assert_eq!(shape, [(None, 0), (None, 0), (Some(1), 1), (Some(1), 1), (None, 0)]);
}

#[test]
fn a_sub_heading_or_heading_closes_nested_lists() {
    check(
        "considering\n\ne) that:\n\n· one\n\n· two;\n\nInternet governance\n\nf) that x,\nnoting\n\nthat y,\n",
        "   1 [preamble] considering
   3   e)  that:
   5     ·  one
   7     ·  two;
   9   sub-heading: Internet governance
  11   f)  that x,
  12 [preamble] noting
  14   that y,
",
    );
}

// Artefacts, marks and characters.

#[test]
fn word_artefacts_are_dropped_with_a_diagnostic() {
    let document = parse("notes\na)\tone;\n[bookmark: Signature]b)\ttwo,\n");
    let piece = &document.pieces[2];
    assert_eq!(document.raw(2), "[bookmark: Signature]b)\ttwo,\n");
    assert_eq!(document.content(2), "two,");
    assert_eq!(piece.label.as_ref().map(|label| label.text.as_str()), Some("b)"));
    assert_eq!(piece.inlines[0].kind, InlineKind::Artefact);
    assert_eq!(document.diagnostics[0].message, "Word-export artefact dropped");
    assert_eq!((document.diagnostics[0].line, document.diagnostics[0].column), (3, 1));
}

#[test]
fn redline_marks_stay_in_the_text() {
    let text = "MOD WGPL/23/1\n\nRESOLUTION 140 (REV. ~~GUADALAJARA, 2010~~BUSAN, 2014)\n\nrecalling\n\na) the **[agreed]** and *inter alia* text;\n";
    let document = parse(text);
    assert_eq!(document.content(0), "MOD WGPL/23/1");
    assert_eq!(document.content(1), "RESOLUTION 140 (REV. ~~GUADALAJARA, 2010~~BUSAN, 2014)");
    let kinds: Vec<_> = document.pieces[3].inlines.iter().map(|inline| inline.kind).collect();
    assert_eq!(kinds, [InlineKind::Bold, InlineKind::Italic]);
    assert_eq!(document.pieces[1].inlines[0].kind, InlineKind::Struck);
}

#[test]
fn non_ascii_survives_untouched() {
    let text =
        "recalling\n\na) Resolution\u{a0}1158, non\u{2011}governmental – “quoted” — § 64, 2015⁴;\n";
    let document = parse(text);
    assert_eq!(
        document.content(1),
        "Resolution\u{a0}1158, non\u{2011}governmental – “quoted” — § 64, 2015⁴;"
    );
    assert_eq!(document.pieces[1].inlines[0].kind, InlineKind::FootnoteMarker);
    check(
        text,
        "   1 [preamble] recalling\n   3   a)  Resolution\u{a0}1158, non\u{2011}governmental – “quoted” — § 64, 2015⁴;\n",
    );
}

// What cannot be placed.

#[test]
fn text_without_any_heading_goes_to_a_section_of_kind_other() {
    check(
        "1. First;\n2. Second.\n",
        "   1 [other] (no heading)
   1   1.  First;
   2   2.  Second.
diagnostics:
1:1: no section heading before this text: placed in a section of kind other
",
    );
    check(
        "A title\n\nSome prose.\n\nMore prose.\n",
        "   1 title: A title
   3 [other] (no heading)
   3   Some prose.
   5   More prose.
diagnostics:
3:1: no section heading before this text: placed in a section of kind other
",
    );
}

#[test]
fn a_separator_line_gets_a_section_of_its_own() {
    check(
        "encourages\n1\tto act.\n_________________\n ",
        "   1 [operative] encourages
   2   1  to act.
   3 [other] (no heading)
   3   _________________
diagnostics:
3:1: separator line placed in a section of kind other
",
    );
}

#[test]
fn empty_and_blank_texts_have_only_a_lead() {
    for text in ["", "\n\n", "  \n\t\n "] {
        let document = parse(text);
        assert!(document.pieces.is_empty() && document.sections.is_empty());
        assert_eq!(document.lead, 0..text.len());
    }
}

#[test]
fn pieces_know_their_section_and_lines() {
    let document = parse("\n\nrecalling\n\na) one\n   wrapped;\n\nb) two,\n");
    assert_eq!(document.lead, 0..2);
    assert_eq!(document.pieces[0].kind, PieceKind::Heading);
    assert_eq!(document.pieces[1].section, Some(0));
    assert_eq!(document.pieces[1].lines, (5, 6));
    assert_eq!(document.raw(1), "a) one\n   wrapped;\n\n");
    assert_eq!(document.sections[0].pieces, 0..3);
}

// The same resolution, hard-wrapped.

/// Sections and provisions of a document, without line numbers or line breaks.
fn shape(document: &Document) -> Vec<String> {
    let words = |text: &str| text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    (0..document.pieces.len())
        .map(|index| {
            let piece = &document.pieces[index];
            let label = piece.label.as_ref().map_or("", |label| label.text.as_str());
            let content = words(document.content(index));
            format!("{:?} {} {label} {content}", piece.kind, piece.depth)
        })
        .collect()
}

#[test]
fn hard_wrapped_text_reads_like_its_source() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let source =
        crate::load(&fixtures.join("seeds/000_bb43a9d7ff8b3d18.txt"), &Default::default()).unwrap();
    let wrapped =
        crate::load(&fixtures.join("outline/000_hard_wrapped.txt"), &Default::default()).unwrap();
    assert_eq!(shape(&wrapped), shape(&source));
    assert!(wrapped.diagnostics.is_empty(), "{:?}", wrapped.diagnostics);
}
