//! Accept and reject: both revisions read back exactly from the redline
//! model, and from its text, wdiff and CriticMarkup renderings.

use crate::stats::Share;
use redline::model::Redline;
use redline::read::{Markup, read};
use redline::render::{Format, Markers, Options, render};

/// Per way of reading back (model, text, wdiff, critic), whether both texts came back exactly.
pub fn read_backs(redline: &Redline, old: &str, new: &str) -> [Share; 4] {
    let model = redline.old_text() == old && redline.new_text() == new;
    let rendered = |format, markers, markup| {
        let options = Options { format, markers, ..Options::default() };
        let Ok(text) = render(redline, &options) else { return false };
        read(&text, markup).is_ok_and(|sides| sides.old == old && sides.new == new)
    };
    [
        model,
        rendered(Format::Text, Markers::Tilde, Markup::Text),
        rendered(Format::Text, Markers::Wdiff, Markup::Wdiff),
        rendered(Format::Critic, Markers::Tilde, Markup::Critic),
    ]
    .map(|ok| Share { count: usize::from(ok), of: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use redline::diff::{DiffOptions, diff};
    use redline::parse::parse_text;

    #[test]
    fn a_small_pair_reads_back_every_way() {
        let (old, new) =
            ("recalling\n\na) one;\n\nb) two,\n", "recalling\n\na) one;\n\nb) three,\n");
        let redline =
            diff(&parse_text(old, "UTF-8"), &parse_text(new, "UTF-8"), &DiffOptions::default());
        let shares = read_backs(&redline, old, new);
        assert!(shares.iter().all(|s| s.count == 1 && s.of == 1), "{shares:?}");
        let wrong = read_backs(&redline, new, old);
        assert!(wrong.iter().all(|s| s.count == 0));
    }
}
