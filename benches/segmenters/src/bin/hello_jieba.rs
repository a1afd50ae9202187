//! Hello world cutting its argument with `jieba-rs` (built-in dictionary).

use jieba_rs::Jieba;

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| "秘书长向理事会报告".to_owned());
    let words: Vec<&str> = Jieba::new().cut(&text, false).into_iter().map(|t| t.word).collect();
    println!("{}", words.join("|"));
}
