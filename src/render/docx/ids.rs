//! One counter for every id the writer hands out (changes, comments, move
//! ranges), starting above every id already in the package: Word refuses a
//! document whose ids repeat.

/// The id counter.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    next: u32,
}

impl Ids {
    /// A counter whose first id is `max + 1`.
    pub fn above(max: u32) -> Ids {
        Ids { next: max.saturating_add(1) }
    }

    /// The next id.
    pub fn next(&mut self) -> u32 {
        let id = self.next;
        self.next = self.next.saturating_add(1);
        id
    }

    /// The largest `w:id` (any `…:id="N"` attribute) in an XML text; 0 for none.
    pub fn max_in(text: &str) -> u32 {
        let mut max = 0;
        for (at, _) in text.match_indices(":id=\"") {
            let digits = &text[at + 5..];
            let end = digits.find(|c: char| !c.is_ascii_digit()).unwrap_or(digits.len());
            if let Ok(value) = digits[..end].parse::<u32>() {
                max = max.max(value);
            }
        }
        max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_starts_above_the_largest_id() {
        let text = r#"<w:ins w:id="12"/><w:comment w:id="40"/><w:del w:id="-1"/><a r:id="rId9"/>"#;
        assert_eq!(Ids::max_in(text), 40);
        let mut ids = Ids::above(Ids::max_in(text));
        assert_eq!((ids.next(), ids.next()), (41, 42));
    }
}
