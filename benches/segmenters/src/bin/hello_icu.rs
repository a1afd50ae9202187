//! Hello world cutting its argument with `icu_segmenter`'s dictionary
//! segmenter (compiled data).

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| "秘书长向理事会报告".to_owned());
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let breaks: Vec<usize> = segmenter.segment_str(&text).collect();
    let words: Vec<&str> = breaks.windows(2).map(|w| &text[w[0]..w[1]]).collect();
    println!("{}", words.join("|"));
}
