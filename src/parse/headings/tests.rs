//! Tests of the heading tables: every word of every language, with its
//! qualifiers, and the user documentation listing them.

use super::*;
use SectionKind::*;

fn en(line: &str) -> Option<SectionKind> {
    itu_heading(line, &en::TABLE)
}

fn heading(language: Language, line: &str) -> Option<SectionKind> {
    itu_heading(line, table(language))
}

fn phrase(language: Language, line: &str) -> Option<usize> {
    un_phrase(line, table(language))
}

#[test]
fn itu_headings() {
    assert_eq!(en("recalling"), Some(Preamble));
    assert_eq!(en("resolves to instruct the Secretary-General"), Some(Operative));
    assert_eq!(en("further invites Member States and Sector Members"), Some(Operative));
    assert_eq!(en("[Encourage/ Instructs the Secretary-General"), Some(Operative));
    assert_eq!(en("ANNEX"), Some(Annex));
    assert_eq!(en("notes with satisfaction"), Some(Operative));
}

/// The ways a heading word is written with qualifiers, in `table`'s language.
fn qualified(base: &str, table: &Table) -> Vec<String> {
    let join = |a: &str, b: &str| match table.script {
        Script::Spaced => format!("{a} {b}"),
        Script::Unspaced => format!("{a}{b}"),
    };
    let mut lines = vec![base.to_string()];
    lines.extend(table.modifiers.iter().map(|modifier| join(modifier, base)));
    lines.extend(table.joined.iter().map(|joined| format!("{joined}{base}")));
    lines.extend(table.un_suffixes.iter().map(|suffix| join(base, suffix)));
    lines
}

#[test]
fn every_heading_of_every_language_with_its_qualifiers() {
    for table in tables() {
        for (base, kind) in table.headings {
            for line in qualified(base, table) {
                assert_eq!(itu_heading(&line, table), Some(*kind), "{line}");
            }
        }
        for word in table.annex {
            assert_eq!(itu_heading(word, table), Some(Annex), "{word}");
        }
    }
    assert_eq!(en("further bearing in mind"), Some(Preamble));
    assert_eq!(en("noting with concern"), Some(Preamble));
    assert_eq!(en("further"), None);
}

#[test]
fn every_un_phrase_of_every_language_with_its_qualifiers() {
    for table in tables() {
        let sep = if table.script == Script::Spaced { " " } else { "" };
        for phrase in table.un_phrases {
            let mut cases = vec![(format!("{phrase}{sep}the report,"), phrase.to_string())];
            for suffix in table.un_suffixes {
                let heading = format!("{phrase} {suffix}");
                cases.push((format!("{heading} the report,"), heading));
            }
            for prefix in table.un_prefixes {
                let heading = format!("{prefix}{sep}{}", phrase.to_lowercase());
                cases.push((format!("{heading}{sep}the report,"), heading));
            }
            for joined in table.joined {
                let heading = format!("{joined}{phrase}");
                cases.push((format!("{heading} the report,"), heading));
            }
            for (line, heading) in cases {
                assert_eq!(un_phrase(&line, table), Some(heading.len()), "{line}");
            }
        }
    }
}

#[test]
fn not_itu_headings() {
    assert_eq!(en("noting that the Council agreed;"), None);
    assert_eq!(en("Recalling"), None);
    assert_eq!(en("considerable progress"), None);
    assert_eq!(en("Annexes to this report."), None);
    let long = format!("noting {}", "word ".repeat(MAX_HEADING_WORDS));
    assert_eq!(en(&long), None);
}

#[test]
fn un_phrases() {
    let un = |line| un_phrase(line, &en::TABLE);
    assert_eq!(un("Recalling also its resolution"), Some("Recalling also".len()));
    assert_eq!(un("Taking note of the report"), Some("Taking note of".len()));
    assert_eq!(un("Taking note that"), Some("Taking note".len()));
    assert_eq!(un("Recalling,"), None);
    assert_eq!(un("Taking stock: reviewing"), None);
    assert_eq!(un("Recalling further its resolution"), Some("Recalling further".len()));
    assert_eq!(un("Further recalling its resolution"), Some("Further recalling".len()));
    assert_eq!(un("Recalling also,"), None);
}

#[test]
fn french_headings_with_accents_apostrophes_and_capitals() {
    use Language::Fr;
    assert_eq!(heading(Fr, "considérant en outre"), Some(Preamble));
    assert_eq!(heading(Fr, "ayant à l\u{2019}esprit"), Some(Preamble));
    assert_eq!(heading(Fr, "charge le Secrétaire général"), Some(Operative));
    assert_eq!(heading(Fr, "charge le Directeur du Bureau de développement"), Some(Operative));
    assert_eq!(heading(Fr, "invite les États Membres"), Some(Operative));
    assert_eq!(heading(Fr, "[Décide"), Some(Operative));
    assert_eq!(heading(Fr, "*CONSIDÉRANT*"), Some(Preamble));
    assert_eq!(heading(Fr, "Décide"), None, "capitalised without a mark: a sentence");
    assert_eq!(heading(Fr, "décidé à agir;"), None);
    assert_eq!(heading(Fr, "ANNEXE"), Some(Annex));
    let rappelant = "Rappelant également sa résolution 70/125,";
    assert_eq!(phrase(Fr, rappelant), Some("Rappelant également".len()));
    assert_eq!(phrase(Fr, "Prenant note avec satisfaction du rapport"), Some(30));
}

#[test]
fn spanish_headings() {
    use Language::Es;
    assert_eq!(heading(Es, "recordando"), Some(Preamble));
    assert_eq!(heading(Es, "teniendo en cuenta además"), Some(Preamble));
    assert_eq!(heading(Es, "encarga al Secretario General"), Some(Operative));
    assert_eq!(heading(Es, "invita a los Estados Miembros"), Some(Operative));
    assert_eq!(heading(Es, "[RESUELVE"), Some(Operative));
    let recordando = "Recordando además su resolución 70/125,";
    assert_eq!(phrase(Es, recordando), Some("Recordando además".len()));
}

#[test]
fn russian_headings_in_any_case_when_marked() {
    use Language::Ru;
    assert_eq!(heading(Ru, "напоминая"), Some(Preamble));
    assert_eq!(heading(Ru, "принимая во внимание"), Some(Preamble));
    assert_eq!(heading(Ru, "поручает Генеральному секретарю"), Some(Operative));
    assert_eq!(heading(Ru, "предлагает Государствам-Членам"), Some(Operative));
    assert_eq!(heading(Ru, "решает далее"), Some(Operative));
    assert_eq!(heading(Ru, "[РЕШАЕТ"), Some(Operative));
    assert_eq!(heading(Ru, "Решает"), None);
    assert_eq!(heading(Ru, "ПРИЛОЖЕНИЕ"), Some(Annex));
    let ssylayas = "Ссылаясь также на свою резолюцию 70/125,";
    assert_eq!(phrase(Ru, ssylayas), Some("Ссылаясь также".len()));
}

#[test]
fn chinese_headings_without_spaces() {
    use Language::Zh;
    assert_eq!(heading(Zh, "忆及"), Some(Preamble));
    assert_eq!(heading(Zh, "考虑到"), Some(Preamble));
    assert_eq!(heading(Zh, "进一步认识到"), Some(Preamble));
    assert_eq!(heading(Zh, "做出决议"), Some(Operative));
    assert_eq!(heading(Zh, "进一步做出决议"), Some(Operative));
    assert_eq!(heading(Zh, "责成秘书长"), Some(Operative));
    assert_eq!(heading(Zh, "责成电信发展局主任"), Some(Operative));
    assert_eq!(heading(Zh, "请各成员国"), Some(Operative));
    assert_eq!(heading(Zh, "附件"), Some(Annex));
    assert_eq!(heading(Zh, "请秘书长向理事会报告；"), None, "a clause, not a heading");
    assert_eq!(heading(Zh, "第140号决议"), None);
    assert_eq!(phrase(Zh, "回顾其第70/125号决议，"), Some("回顾".len()));
    assert_eq!(phrase(Zh, "又回顾《突尼斯议程》，"), Some("又回顾".len()));
    assert_eq!(phrase(Zh, "回顾，"), None);
}

#[test]
fn arabic_headings_with_joined_and_and_vowel_marks() {
    use Language::Ar;
    assert_eq!(heading(Ar, "إذ يذكّر"), Some(Preamble));
    assert_eq!(heading(Ar, "إذ يذكر"), Some(Preamble));
    assert_eq!(heading(Ar, "وإذ يضع في اعتباره"), Some(Preamble));
    assert_eq!(heading(Ar, "وإذ يلاحظ"), Some(Preamble));
    assert_eq!(heading(Ar, "وإذ يدرك"), Some(Preamble));
    assert_eq!(heading(Ar, "واذ يدرك"), Some(Preamble), "alef without hamza");
    assert_eq!(heading(Ar, "يقرر"), Some(Operative));
    assert_eq!(heading(Ar, "يقـرر"), Some(Operative), "tatweel");
    assert_eq!(heading(Ar, "ويقرر كذلك"), Some(Operative));
    assert_eq!(heading(Ar, "يكلف الأمين العام"), Some(Operative));
    assert_eq!(heading(Ar, "يدعو الدول الأعضاء"), Some(Operative));
    assert_eq!(heading(Ar, "الملحق"), Some(Annex));
    assert_eq!(heading(Ar, "يقرر أن يواصل العمل،"), None);
    let tashir = "وإذ تشير أيضاً إلى قرارها 70/125،";
    assert_eq!(phrase(Ar, tashir), Some("وإذ تشير أيضاً".len()));
}

/// The text of the section of `docs` between `from` and the next line
/// starting with `####` or `##`.
fn docs_section<'a>(docs: &'a str, from: &str) -> &'a str {
    let rest = docs.split(from).nth(1).unwrap_or_default();
    let end = rest.find("\n#").unwrap_or(rest.len());
    &rest[..end]
}

/// The text between `from` and `to` in `section`, on one line.
fn row(section: &str, from: &str, to: &str) -> String {
    let rest = section.split(from).nth(1).unwrap_or_default();
    rest.split(to).next().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_user_documentation_lists_every_word_and_phrase() {
    let docs = include_str!("../../../docs/parsing.md");
    for table in tables() {
        let name = table.language.name();
        let section = match table.language {
            Language::En => docs_section(docs, "### ITU style"),
            _ => docs_section(docs, &format!("#### {name} (`{}`)", table.language.tag())),
        };
        let un = match table.language {
            Language::En => docs_section(docs, "### UN style").to_string(),
            _ => row(section, "| UN opening phrases |", "\n"),
        };
        let preamble = row(section, "| preamble |", "| operative |");
        let operative = row(section, "| operative |", "| annex |");
        for (word, kind) in table.headings {
            let listed = if *kind == Preamble { &preamble } else { &operative };
            assert!(listed.contains(&format!("`{word}`")), "{name}: {word}");
        }
        for word in table.annex {
            assert!(section.contains(&format!("`{word}`")), "{name}: {word}");
        }
        for phrase in table.un_phrases {
            assert!(un.contains(&format!("\"{phrase}\"")), "{name}: {phrase}");
        }
        let qualifiers = table.modifiers.iter().chain(table.un_suffixes).chain(table.un_prefixes);
        for word in qualifiers.chain(table.joined) {
            assert!(section.contains(word) || un.contains(word), "{name}: {word}");
        }
    }
}

#[test]
fn sub_headings_footnotes_and_the_enacting_formula() {
    let en = &en::TABLE;
    assert!(sub_heading_shape("Internet governance", en));
    assert!(!sub_heading_shape("that ITU has a role;", en));
    assert!(!sub_heading_shape("Resolutions 30 and", en));
    assert!(sub_heading_shape("互联网治理", table(Language::Zh)));
    assert!(!sub_heading_shape("互联网治理", en));
    assert!(is_footnote("\u{FFFD} See A/C.2/59/3"));
    assert!(is_footnote("⁴ A/67/66"));
    assert!(!is_footnote("\u{FFFD}"));
    assert!(opens_enacting_formula("The Council,", en));
    assert!(!opens_enacting_formula("Theory", en));
    assert!(opens_enacting_formula("إن المجلس،", table(Language::Ar)));
    assert!(opens_enacting_formula("理事会，", table(Language::Zh)));
    assert!(is_separator("_________________"));
    assert!(!is_separator("__init__"));
    assert!(!is_separator("--"));
    assert!(ends_punctuated("the Post-2015 Development Agenda].]"));
    assert!(ends_punctuated("as appropriate;**"));
    assert!(ends_punctuated("落实情况；"));
    assert!(ends_punctuated("في هذا الشأن،"));
    assert!(!ends_punctuated("the [Post-2015 Development Agenda]"));
}
