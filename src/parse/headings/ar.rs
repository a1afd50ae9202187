//! Arabic: the heading words of ITU resolutions (`إذ يذكّر`, `يقرر`,
//! `يكلف الأمين العام`) and the opening phrases of UN ones ("إذ تشير ...،").
//!
//! A preambular heading is `إذ` and a verb ("while recalling"), or an
//! accusative of reason (`إدراكاً منه`); `و` ("and") is written joined to
//! the next word (`وإذ يلاحظ`, `ويقرر`). The ITU bodies are masculine
//! (`يقرر`), the General Assembly feminine (`تقرر`). Words compare without
//! tatweel and vowel marks (`يذكّر` is `يذكر`), and hamza forms of alef alike.

use super::Table;
use crate::model::{Language, SectionKind};

/// The Arabic table.
pub(crate) const TABLE: Table = Table {
    language: Language::Ar,
    headings: HEADINGS,
    modifiers: &[],
    joined: &["و"],
    annex: &["الملحق", "ملحق", "المرفق", "مرفق"],
    un_phrases: UN_PHRASES,
    un_suffixes: &["أيضاً", "كذلك"],
    un_prefixes: &[],
    resolution: &["القرار", "قرار", "المقرر", "مقرر"],
    formula: &["إن "],
    function_words: &["في", "من", "على", "إلى", "عن", "مع", "و"],
    script: super::Script::Spaced,
};

/// ITU heading words. Longer phrases come before their prefixes.
const HEADINGS: &[(&str, SectionKind)] = {
    use SectionKind::{Operative as O, Preamble as P};
    &[
        // The reasons: `إذ` and any verb (`إذ يذكّر`, `إذ يضع في اعتباره`),
        // `قد` and a past verb (`وقد نظر في`), accusatives of reason.
        ("إذ", P),
        ("قد", P),
        ("اقتناعاً", P),
        ("إدراكاً", P),
        ("اعترافاً", P),
        ("تسليماً", P),
        ("إيماناً", P),
        ("حرصاً", P),
        // The decisions: finite verbs, masculine then feminine.
        ("يقرر", O),
        ("تقرر", O),
        ("يكلف", O),
        ("تكلف", O),
        ("يدعو", O),
        ("تدعو", O),
        ("يطلب", O),
        ("تطلب", O),
        ("يشجع", O),
        ("تشجع", O),
        ("يحث", O),
        ("تحث", O),
        ("يناشد", O),
        ("تناشد", O),
        ("يهيب", O),
        ("تهيب", O),
        ("يوصي", O),
        ("توصي", O),
        ("يوعز", O),
        ("يوافق", O),
        ("توافق", O),
        ("يعتمد", O),
        ("تعتمد", O),
        ("يقر", O),
        ("تقر", O),
        ("يؤيد", O),
        ("تؤيد", O),
        ("يرحب", O),
        ("ترحب", O),
        ("يحيط علماً", O),
        ("تحيط علماً", O),
        ("يلاحظ", O),
        ("تلاحظ", O),
        ("يعرب", O),
        ("تعرب", O),
        ("يشكر", O),
        ("تشكر", O),
        ("يأذن", O),
        ("تأذن", O),
        ("يعيد تأكيد", O),
        ("تعيد تأكيد", O),
        ("يؤكد", O),
        ("تؤكد", O),
        ("يشدد", O),
        ("تشدد", O),
        ("يعلن", O),
        ("تعلن", O),
        ("يعين", O),
        ("تعين", O),
    ]
};

/// UN opening phrases: `إذ` and its verb, feminine (the General Assembly)
/// then masculine (the Council). Longer phrases come before their prefixes.
const UN_PHRASES: &[&str] = &[
    "إذ تشير",
    "إذ تذكّر",
    "إذ تلاحظ مع القلق",
    "إذ تلاحظ مع التقدير",
    "إذ تلاحظ",
    "إذ تحيط علماً",
    "إذ تدرك",
    "إذ تعترف",
    "إذ تسلّم",
    "إذ تؤكد من جديد",
    "إذ تعيد تأكيد",
    "إذ تؤكد",
    "إذ ترحب",
    "إذ تعرب عن",
    "إذ تشدد",
    "إذ تضع في اعتبارها",
    "إذ تأخذ في اعتبارها",
    "إذ تأخذ في الحسبان",
    "إذ يساورها بالغ القلق",
    "إذ يساورها القلق",
    "إذ تقدّر",
    "إذ تعي",
    "إذ ترى",
    "إذ هي مقتنعة",
    "إذ يشير",
    "إذ يذكّر",
    "إذ يلاحظ",
    "إذ يحيط علماً",
    "إذ يدرك",
    "إذ يعترف",
    "إذ يسلّم",
    "إذ يؤكد",
    "إذ يرحب",
    "إذ يعرب عن",
    "إذ يشدد",
    "إذ يضع في اعتباره",
    "إذ يأخذ في اعتباره",
    "إذ يساوره القلق",
    "إذ يقدّر",
    "إذ يرى",
    "إذ هو مقتنع",
];
