//! The reader through one `check` helper: input, notation, then old and new or an error.

mod props;

use super::*;

/// Reads `input` in `markup` and compares `(old, new)` or the error `line:column: message`.
fn check(input: &str, markup: Markup, expected: Result<(&str, &str), &str>) {
    let actual = read(input, markup).map(|r| (r.old, r.new)).map_err(|problem| problem.to_string());
    let expected = expected.map(|(old, new)| (old.to_string(), new.to_string()));
    assert_eq!(actual, expected.map_err(str::to_string), "input: {input:?}");
}

#[test]
fn tilde_deletions_insertions_and_action_lines() {
    check(
        "MOD\na) one ~~two~~++three++;\n",
        Markup::Text,
        Ok(("a) one two;\n", "a) one three;\n")),
    );
}

#[test]
fn wdiff_markers() {
    check("x [-a-]{+b+} y", Markup::Wdiff, Ok(("x a y", "x b y")));
}

#[test]
fn critic_markers_and_comments() {
    let input = "{>>MOD<<}a {--b--} {++c++} {~~d~>e~~} {==f==}{>>note<<}";
    check(input, Markup::Critic, Ok(("a b  d f", "a  c e f")));
}

#[test]
fn escapes_stand_for_the_character() {
    check("\\~~a\\\\ \\MOD", Markup::Text, Ok(("~~a\\ MOD", "~~a\\ MOD")));
}

#[test]
fn escaped_action_line_is_text() {
    check("\\MOD\nx\n", Markup::Text, Ok(("MOD\nx\n", "MOD\nx\n")));
}

#[test]
fn closing_marker_at_a_line_start_takes_its_newline() {
    check("ADD\n++a\n++\nSUP\n~~b\n~~\n\nc", Markup::Text, Ok(("b\n\nc", "a\n\nc")));
    check("x ~~b~~\nc", Markup::Text, Ok(("x b\nc", "x \nc")));
    check("~~a\n~~\nc", Markup::Dl23, Ok(("a\n\nc", "\nc")));
    check("{--a\n--}\nc", Markup::Critic, Ok(("a\n\nc", "\nc")));
}

/// An entry written whole (`ADD`, `SUP`) closes its run before its blank
/// lines, which belong to the run.
#[test]
fn the_white_space_after_a_whole_entry_belongs_to_it() {
    check("ADD\n++a++\n\nSUP\n~~b~~\n\nc", Markup::Text, Ok(("b\n\nc", "a\n\nc")));
    check("MOD\n++a++\n\nc", Markup::Text, Ok(("\n\nc", "a\n\nc")));
    check("{>>ADD<<}{++a++}\n\n{>>SUP<<}{--b--}\n\nc", Markup::Critic, Ok(("b\n\nc", "a\n\nc")));
    check("ADD\n[-a-]\n\nc", Markup::Wdiff, Ok(("a\n\nc", "\n\nc")));
}

#[test]
fn action_line_inside_a_mark_is_text() {
    check("~~a\nMOD\n~~", Markup::Text, Ok(("a\nMOD\n", "")));
}

#[test]
fn dl23_strikes_only_and_keeps_backslashes() {
    let input = "MOD WGPL/23/1\n(REV. ~~GUADALAJARA, 2010~~BUSAN, 2014) a\\b ++\n";
    check(
        input,
        Markup::Dl23,
        Ok((
            "MOD WGPL/23/1\n(REV. GUADALAJARA, 2010BUSAN, 2014) a\\b ++\n",
            "MOD WGPL/23/1\n(REV. BUSAN, 2014) a\\b ++\n",
        )),
    );
}

#[test]
fn moves_put_old_text_at_the_stub() {
    let input =
        "<<moved to #1>>\nb) stays\nMOD (moved)\n<<moved from #1>>\na) ~~x~~++y++\n<</moved #1>>\n";
    check(input, Markup::Text, Ok(("a) x\nb) stays\n", "b) stays\na) y\n")));
}

#[test]
fn move_stub_after_the_moved_entry() {
    let input = "{>>moved from #4<<}a{>>/moved #4<<} b {>>moved to #4<<}";
    check(input, Markup::Critic, Ok((" b a", "a b ")));
}

#[test]
fn unclosed_mark_points_at_the_opener() {
    check("ok\nab ~~cd", Markup::Text, Err("2:4: `~~` is never closed"));
}

#[test]
fn nested_marks_are_refused() {
    check(
        "~~a ++b++ c~~",
        Markup::Text,
        Err("1:5: `++` inside `~~` opened at 1:1: marks cannot nest"),
    );
    check(
        "[-a {+b+}-]",
        Markup::Wdiff,
        Err("1:5: `{+` inside `[-` opened at 1:1: marks cannot nest"),
    );
}

#[test]
fn stray_closer_is_refused() {
    check("a -] b", Markup::Wdiff, Err("1:3: `-]` closes nothing: no mark is open"));
    check("a ~> b", Markup::Critic, Err("1:3: `~>` closes nothing: no mark is open"));
}

#[test]
fn unpaired_move_notes_are_refused() {
    check("<<moved to #2>>\n", Markup::Text, Err("1:1: `moved to #2` has no moved entry #2"));
    check(
        "<<moved from #2>>\na\n<</moved #2>>\n",
        Markup::Text,
        Err("1:1: moved entry #2 has no `moved to #2` note"),
    );
    check(
        "<<moved from #2>>\na",
        Markup::Text,
        Err("1:1: moved entry #2 is never closed with `/moved #2`"),
    );
    check("<<bogus>>", Markup::Text, Err("1:1: unknown note \"bogus\": expected a move note"));
    check(
        "a <<moved to #2",
        Markup::Text,
        Err("1:3: `<<` opens a note that is never closed with `>>`"),
    );
}

#[test]
fn dangling_escape_is_refused() {
    check("a\\", Markup::Text, Err("1:2: `\\` at the end escapes nothing"));
}

#[test]
fn detection() {
    let cases = [
        ("a ~~b~~ c", Markup::Dl23),
        ("~~\n~~\n", Markup::Text),
        ("~~~~\n", Markup::Dl23),
        ("a ~~b~~++c++", Markup::Text),
        ("MOD\na", Markup::Text),
        ("a [-b-]", Markup::Wdiff),
        ("MOD\na [-b-]", Markup::Wdiff),
        ("a {--b--}", Markup::Critic),
        ("a \\{--b", Markup::Text),
        ("plain", Markup::Dl23),
    ];
    for (input, expected) in cases {
        assert_eq!(detect(input, Markup::Auto), Ok(expected), "{input:?}");
    }
}

/// The library says what is wrong and that a choice helps; the command line
/// words the choice (`; choose one with --from`, tested in `tests/cli`).
#[test]
fn mixed_notations_are_refused() {
    let input = "a ~~b~~\n{--c--}";
    check(
        input,
        Markup::Auto,
        Err("2:1: markers of two notations: \"{--\" here and \"~~\" at 1:3"),
    );
    let problem = read(input, Markup::Auto).unwrap_err();
    assert_eq!(problem.remedy, Some(crate::error::Remedy::ChooseNotation));
}

#[test]
fn dl23_seed_reads_back() {
    let seed = include_str!("../../../fixtures/seeds/001_c6d08fd8f7b644ff.txt");
    assert_eq!(detect(seed, Markup::Auto), Ok(Markup::Dl23));
    let revisions = read(seed, Markup::Auto).unwrap();
    assert!(revisions.old.contains("RESOLUTION 140 (REV. GUADALAJARA, 2010BUSAN, 2014)"));
    assert!(revisions.new.contains("RESOLUTION 140 (REV. BUSAN, 2014)"));
    assert!(!revisions.new.contains("~~") && !revisions.old.contains("~~"));
}
