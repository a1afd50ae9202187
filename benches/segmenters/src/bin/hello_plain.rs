//! Hello world without a segmenter: the baseline of the binary sizes.

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| "秘书长向理事会报告".to_owned());
    println!("{}", text.chars().map(String::from).collect::<Vec<_>>().join("|"));
}
