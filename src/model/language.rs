//! The language a resolution is written in: one of the six official
//! languages of the UN and ITU, with its BCP 47 tag and writing direction.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The language of a revision, found by [`crate::parse::detect_language`]
/// or given by the caller (`--lang`). It picks the heading words the parser
/// looks for and tells renderers how to tag the output (`lang`, `dir`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (`en`).
    #[default]
    En,
    /// French (`fr`).
    Fr,
    /// Spanish (`es`).
    Es,
    /// Russian (`ru`).
    Ru,
    /// Chinese (`zh`).
    Zh,
    /// Arabic (`ar`), written right to left.
    Ar,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 6] =
        [Language::En, Language::Fr, Language::Es, Language::Ru, Language::Zh, Language::Ar];

    /// The BCP 47 tag: `en`, `fr`, `es`, `ru`, `zh`, `ar`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ru => "ru",
            Language::Zh => "zh",
            Language::Ar => "ar",
        }
    }

    /// The language's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Fr => "French",
            Language::Es => "Spanish",
            Language::Ru => "Russian",
            Language::Zh => "Chinese",
            Language::Ar => "Arabic",
        }
    }

    /// `true` for a language written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// The HTML `dir` value: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// `true` for English, the default (left out of the JSON contract).
    pub fn is_english(&self) -> bool {
        *self == Language::En
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag or name that is not one of the six.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected one of en, fr, es, ru, zh, ar")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// A tag (`fr`, `zh-Hans`, `ar-SA`: the primary subtag decides) or an
    /// English name (`French`), in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lower = text.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|language| {
                language.tag() == primary || language.name().eq_ignore_ascii_case(&lower)
            })
            .ok_or_else(|| UnknownLanguage(text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_names_and_direction() {
        let tags: Vec<_> = Language::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(tags, ["en", "fr", "es", "ru", "zh", "ar"]);
        assert_eq!("zh-Hans".parse(), Ok(Language::Zh));
        assert_eq!("French".parse(), Ok(Language::Fr));
        assert_eq!("AR".parse(), Ok(Language::Ar));
        assert!("de".parse::<Language>().is_err());
        assert_eq!(Language::Ar.dir(), "rtl");
        assert_eq!(Language::Ru.dir(), "ltr");
        assert_eq!(serde_json::to_string(&Language::Zh).unwrap(), "\"zh\"");
    }
}
