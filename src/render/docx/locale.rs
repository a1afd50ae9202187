//! The language of a document of redline's own, as Word records it: the
//! locale of its text, the font of Chinese characters, and right-to-left
//! paragraphs and runs for Arabic.

use crate::model::Language;

/// What the styles and the font table of a generated document say about
/// its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// Word's locale of the text (`w:lang w:val`): `en-GB`, `fr-FR` ...
    pub tag: &'static str,
    /// The locale of East Asian text (`w:lang w:eastAsia`).
    pub east_asian_tag: &'static str,
    /// The font of East Asian characters (`w:rFonts w:eastAsia`).
    pub east_asian_font: &'static str,
    /// Paragraphs (`w:bidi`) and runs (`w:rtl`) right to left.
    pub rtl: bool,
}

impl Locale {
    /// The locale of a resolution written in `language`.
    pub fn of(language: Language) -> Locale {
        let tag = match language {
            Language::En => "en-GB",
            Language::Fr => "fr-FR",
            Language::Es => "es-ES",
            Language::Ru => "ru-RU",
            Language::Zh => "zh-CN",
            Language::Ar => "ar-SA",
        };
        let chinese = language == Language::Zh;
        Locale {
            tag,
            east_asian_tag: "zh-CN",
            east_asian_font: if chinese { "SimSun" } else { "Times New Roman" },
            rtl: language.is_rtl(),
        }
    }
}
