//! Chinese: the heading words of ITU resolutions (`考虑到`, `做出决议`,
//! `责成秘书长`) and the opening phrases of UN ones ("回顾……，").
//!
//! Chinese has no spaces between words: a heading word may be followed
//! directly by the rest of the heading (`责成秘书长`), and a qualifier
//! written directly before it (`进一步做出决议`, `又回顾`).

use super::Table;
use crate::model::{Language, SectionKind};

/// The Chinese table.
pub(crate) const TABLE: Table = Table {
    language: Language::Zh,
    headings: HEADINGS,
    modifiers: &["进一步", "还", "又", "并", "同时", "亦"],
    joined: &[],
    annex: &["附件"],
    un_phrases: UN_PHRASES,
    un_suffixes: &[],
    un_prefixes: &["进一步", "又", "还", "并", "再次"],
    resolution: &["号决议", "决议", "号决定"],
    formula: &[],
    function_words: &["的", "和", "与", "及", "或", "以及"],
    script: super::Script::Unspaced,
};

/// ITU heading words. Chinese verbs have one form: the words that open the
/// preamble of ITU texts are preambular here, those that make decisions
/// operative. Longer phrases come before their prefixes.
const HEADINGS: &[(&str, SectionKind)] = {
    use SectionKind::{Operative as O, Preamble as P};
    &[
        ("忆及", P),
        ("回顾", P),
        ("考虑到", P),
        ("考虑", P),
        ("关切地注意到", P),
        ("满意地注意到", P),
        ("赞赏地注意到", P),
        ("注意到", P),
        ("认识到", P),
        ("意识到", P),
        ("了解到", P),
        ("铭记", P),
        ("顾及", P),
        ("鉴于", P),
        ("强调", P),
        ("认可", P),
        ("承认", P),
        ("确认", P),
        ("重申", P),
        ("欢迎", P),
        ("深信", P),
        ("确信", P),
        ("深表关切", P),
        ("经审议", P),
        ("审议了", P),
        ("申明", P),
        ("赞赏", P),
        ("遵循", P),
        ("本着", P),
        // The decisions.
        ("做出决议", O),
        ("作出决议", O),
        ("决定", O),
        ("责成", O),
        ("请", O),
        ("邀请", O),
        ("鼓励", O),
        ("敦促", O),
        ("促请", O),
        ("吁请", O),
        ("呼吁", O),
        ("要求", O),
        ("建议", O),
        ("批准", O),
        ("通过", O),
        ("赞同", O),
        ("核可", O),
        ("感谢", O),
        ("授权", O),
        ("指示", O),
        ("支持", O),
        ("表示赞赏", O),
        ("赞扬", O),
    ]
};

/// UN opening phrases. Longer phrases come before their prefixes.
const UN_PHRASES: &[&str] = &[
    "回顾",
    "忆及",
    "关切地注意到",
    "满意地注意到",
    "赞赏地注意到",
    "注意到",
    "确认",
    "认识到",
    "意识到",
    "重申",
    "欢迎",
    "强调",
    "铭记",
    "深信",
    "确信",
    "考虑到",
    "表示关切",
    "深表关切",
    "表示赞赏",
    "审议了",
    "申明",
    "认可",
    "承认",
    "鉴于",
    "决心",
];
