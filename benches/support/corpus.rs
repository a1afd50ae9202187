//! Deterministic resolution-like inputs for benchmarks: an old/new pair built
//! from the seeds' sentences, with realistic edits at a given rate.
//!
//! Shared by the whole-process benchmark (`benches/process.rs`, `cargo xtask
//! bench`) and the in-process micro-benchmarks (`benches/stages.rs`), so both
//! measure the same texts. Everything is derived
//! from a fixed seed: the same arguments give the same bytes on any machine.
//!
//! The texts are **constructed**, not official: sentences of the seeds cut and
//! joined under generated headings and labels (ITU layout, `a)<TAB>text`).

#![allow(dead_code, reason = "each includer uses a different subset")]

use std::fmt::Write as _;

/// Headings of preambular sections.
const PREAMBLE_HEADINGS: &[&str] = &[
    "recalling",
    "recalling further",
    "considering",
    "considering further",
    "noting",
    "noting with satisfaction",
    "recognizing",
    "bearing in mind",
    "emphasizing",
];
/// Headings of operative sections.
const OPERATIVE_HEADINGS: &[&str] = &[
    "resolves",
    "instructs the Secretary-General",
    "instructs the Director of the Telecommunication Development Bureau",
    "invites Member States",
    "encourages the membership",
    "requests the Council",
];
/// Column at which a reflowed provision is wrapped.
const WRAP_COLUMN: usize = 72;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Approximate size of the old text, in bytes.
    pub bytes: usize,
    /// Share of provisions edited (0.02 for 2%).
    pub rate: f64,
    /// Seed of the random choices.
    pub seed: u64,
}

/// How many edits of each kind were made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EditCounts {
    /// Words replaced, inserted or deleted inside a provision.
    pub words: usize,
    /// Provisions inserted (followers relabelled).
    pub inserted: usize,
    /// Provisions deleted (followers relabelled).
    pub deleted: usize,
    /// Provisions moved to another place.
    pub moved: usize,
    /// Brackets added around a phrase or removed (text agreed).
    pub brackets: usize,
    /// Provisions whose lines were rewrapped.
    pub reflowed: usize,
}

impl EditCounts {
    /// Total number of edits.
    pub fn total(&self) -> usize {
        self.words + self.inserted + self.deleted + self.moved + self.brackets + self.reflowed
    }
}

/// An old/new pair of texts and the edits between them.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The old revision.
    pub old: String,
    /// The new revision.
    pub new: String,
    /// What was changed.
    pub edits: EditCounts,
}

/// One provision: its text and whether it is hard-wrapped.
#[derive(Debug, Clone)]
struct Provision {
    text: String,
    wrapped: bool,
}

/// A section: a heading and its provisions (labels come from positions).
#[derive(Debug, Clone)]
struct Section {
    heading: &'static str,
    operative: bool,
    provisions: Vec<Provision>,
}

/// A resolution: a title block and sections.
#[derive(Debug, Clone)]
struct Resolution {
    title: String,
    sections: Vec<Section>,
}

/// Sentences and words taken from the seed texts.
pub struct Pool {
    sentences: Vec<Vec<String>>,
    words: Vec<String>,
}

impl Pool {
    /// Cuts the seed texts into sentences (label and markup removed) and words.
    pub fn from_seeds(seeds: &[String]) -> Pool {
        let sentences: Vec<Vec<String>> = seeds
            .iter()
            .flat_map(|seed| seed.lines())
            .map(clean_line)
            .filter(|line| line.len() > 40)
            .map(|line| line.split_whitespace().map(str::to_string).collect())
            .collect();
        let words = sentences.iter().flatten().filter(|w| w.len() > 3).cloned().collect();
        Pool { sentences, words }
    }

    /// A sentence of the seeds, as words, chosen by `rng`.
    pub fn sentence<'a>(&'a self, rng: &mut fastrand::Rng) -> &'a [String] {
        &self.sentences[rng.usize(..self.sentences.len())]
    }

    /// A word of more than three bytes from the seeds, chosen by `rng`.
    pub fn word(&self, rng: &mut fastrand::Rng) -> &str {
        &self.words[rng.usize(..self.words.len())]
    }

    /// Every sentence of the seeds, as words (the quality generator filters them).
    pub fn sentences(&self) -> &[Vec<String>] {
        &self.sentences
    }
}

/// A seed line as plain text: no markup, no brackets (the generator adds its
/// own, balanced), no Word bookmarks, no leading labels or bullets.
fn clean_line(line: &str) -> String {
    let mut text = line.replace("~~", "").replace("**", "");
    while let Some(start) = text.find("[bookmark:").or_else(|| text.find("[_Hlk")) {
        let end = text[start..].find(']').map_or(text.len(), |i| start + i + 1);
        text.replace_range(start..end, "");
    }
    text = text.replace(['[', ']'], "");
    let mut rest = text.trim();
    while let Some((first, after)) = rest.split_once(char::is_whitespace) {
        if !is_label(first) {
            break;
        }
        rest = after.trim_start();
    }
    rest.trim_end().to_string()
}

/// `a)`, `(iv)`, `1.`, `12`, `c)h)`, `-`, `·`, `–`: a label or bullet, not a word.
fn is_label(word: &str) -> bool {
    let short = word.chars().count() <= 5;
    let numeric = word.chars().all(|c| c.is_ascii_digit());
    short && (numeric || word.ends_with([')', '.']) || matches!(word, "-" | "·" | "–" | "—"))
}

/// Reads the five seeds from `dir` (the repository's `fixtures/seeds`).
pub fn read_seeds(dir: &std::path::Path) -> std::io::Result<Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    paths.sort();
    paths.iter().map(std::fs::read_to_string).collect()
}

/// `1 MB, 2%` as a folder name: `1mb-2pc`.
pub fn slug(input: &str) -> String {
    input.to_lowercase().replace('%', "pc").replace(", ", "-").replace(' ', "")
}

/// Writes `old.txt` and `new.txt` into `folder` (created if missing); their paths.
pub fn write_pair(
    folder: &std::path::Path,
    old: &str,
    new: &str,
) -> Result<(std::path::PathBuf, std::path::PathBuf), String> {
    std::fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    let write = |name: &str, text: &str| {
        let path = folder.join(name);
        std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
        Ok::<_, String>(path)
    };
    Ok((write("old.txt", old)?, write("new.txt", new)?))
}

/// Generates an old/new pair as `spec` says.
pub fn generate(pool: &Pool, spec: &Spec) -> Pair {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let old = resolution(pool, spec.bytes, &mut rng);
    let mut new = old.clone();
    let edits = edit(&mut new, pool, spec.rate, &mut rng);
    Pair { old: render(&old), new: render(&new), edits }
}

/// A revision series: `revisions` texts, each the one before with edits at `rate`.
pub fn series(pool: &Pool, spec: &Spec, revisions: usize) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut current = resolution(pool, spec.bytes, &mut rng);
    let mut texts = vec![render(&current)];
    for _ in 1..revisions {
        edit(&mut current, pool, spec.rate, &mut rng);
        texts.push(render(&current));
    }
    texts
}

/// A resolution of about `bytes` bytes.
fn resolution(pool: &Pool, bytes: usize, rng: &mut fastrand::Rng) -> Resolution {
    let title = "RESOLUTION 140 (Rev. Busan, 2014)\n\
        ITU's role in implementing the outcomes of the World Summit on the Information Society\n\
        The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),\n"
        .to_string();
    let mut resolution = Resolution { title, sections: Vec::new() };
    let mut size = resolution.title.len();
    while size < bytes {
        let section = section(pool, resolution.sections.len(), rng);
        size += section_len(&section);
        resolution.sections.push(section);
    }
    resolution
}

fn section(pool: &Pool, index: usize, rng: &mut fastrand::Rng) -> Section {
    let operative = index % 3 == 2;
    let headings = if operative { OPERATIVE_HEADINGS } else { PREAMBLE_HEADINGS };
    let count = rng.usize(3..=14);
    let provisions = (0..count).map(|_| provision(pool, operative, rng)).collect();
    Section { heading: headings[rng.usize(..headings.len())], operative, provisions }
}

/// A provision: the start of one seed sentence joined to the end of another,
/// sometimes with a bracketed phrase (text not yet agreed).
fn provision(pool: &Pool, operative: bool, rng: &mut fastrand::Rng) -> Provision {
    let (first, second) = (pool.sentence(rng), pool.sentence(rng));
    let cut_first = rng.usize(1..=first.len());
    let cut_second = rng.usize(..second.len());
    let mut words: Vec<String> =
        first[..cut_first].iter().chain(&second[cut_second..]).cloned().collect();
    if rng.usize(..8) == 0 {
        bracket_phrase(&mut words, rng);
    }
    let mut text = words.join(" ");
    text = text.trim_end_matches([';', ',', '.']).to_string();
    text.push(if operative { ';' } else { ',' });
    Provision { text, wrapped: false }
}

fn bracket_phrase(words: &mut [String], rng: &mut fastrand::Rng) {
    let start = rng.usize(..words.len());
    let end = (start + rng.usize(1..6)).min(words.len() - 1);
    words[start].insert(0, '[');
    words[end].push(']');
}

/// The length of the section as [`render`] writes it (unwrapped).
fn section_len(section: &Section) -> usize {
    let provisions = section.provisions.iter().enumerate();
    let lengths = provisions.map(|(i, p)| label(i, section.operative).len() + p.text.len() + 2);
    section.heading.len() + 1 + lengths.sum::<usize>()
}

/// The text of a resolution: title, then each heading and its labelled provisions.
fn render(resolution: &Resolution) -> String {
    let mut out = resolution.title.clone();
    for section in &resolution.sections {
        out.push_str(section.heading);
        out.push('\n');
        for (index, provision) in section.provisions.iter().enumerate() {
            let label = label(index, section.operative);
            let _ = write!(out, "{label}\t");
            push_text(&mut out, provision);
        }
    }
    out
}

/// `a)` ... `z)`, `aa)` ... in preambles; `1`, `2` ... in operative sections.
fn label(index: usize, operative: bool) -> String {
    if operative {
        return (index + 1).to_string();
    }
    let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
    match index / 26 {
        0 => format!("{})", letter(index)),
        more => format!("{}{})", letter(more - 1), letter(index)),
    }
}

fn push_text(out: &mut String, provision: &Provision) {
    if !provision.wrapped {
        out.push_str(&provision.text);
        out.push('\n');
        return;
    }
    let mut column = 0;
    for word in provision.text.split(' ') {
        if column > 0 && column + word.len() > WRAP_COLUMN {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out.push('\n');
}

/// What an edit does to one provision.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Words,
    Insert,
    Delete,
    Move,
    Brackets,
    Reflow,
}

/// Edits about `rate` of the provisions (at least one unless `rate` is 0), in place.
fn edit(
    resolution: &mut Resolution,
    pool: &Pool,
    rate: f64,
    rng: &mut fastrand::Rng,
) -> EditCounts {
    let total: usize = resolution.sections.iter().map(|s| s.provisions.len()).sum();
    let wanted =
        if rate > 0.0 && total > 0 { ((total as f64 * rate).round() as usize).max(1) } else { 0 };
    let mut counts = EditCounts::default();
    for _ in 0..wanted {
        let kind = pick_edit(rng);
        apply(resolution, pool, kind, rng, &mut counts);
    }
    counts
}

/// Word edits are the most common; structural edits share the rest.
fn pick_edit(rng: &mut fastrand::Rng) -> Edit {
    match rng.usize(..20) {
        0..8 => Edit::Words,
        8..11 => Edit::Insert,
        11..14 => Edit::Delete,
        14..16 => Edit::Move,
        16..18 => Edit::Brackets,
        _ => Edit::Reflow,
    }
}

fn apply(
    resolution: &mut Resolution,
    pool: &Pool,
    kind: Edit,
    rng: &mut fastrand::Rng,
    counts: &mut EditCounts,
) {
    let (s, p) = random_provision(resolution, rng);
    let section = &mut resolution.sections[s];
    match kind {
        Edit::Words => {
            edit_words(&mut section.provisions[p], pool, rng);
            counts.words += 1;
        }
        Edit::Insert => {
            let added = provision(pool, section.operative, rng);
            section.provisions.insert(p + 1, added);
            counts.inserted += 1;
        }
        Edit::Delete if section.provisions.len() > 1 => {
            section.provisions.remove(p);
            counts.deleted += 1;
        }
        Edit::Move => {
            move_provision(resolution, (s, p), rng);
            counts.moved += 1;
        }
        Edit::Brackets => {
            toggle_brackets(&mut section.provisions[p], rng);
            counts.brackets += 1;
        }
        Edit::Reflow | Edit::Delete => {
            section.provisions[p].wrapped = !section.provisions[p].wrapped;
            counts.reflowed += 1;
        }
    }
}

fn random_provision(resolution: &Resolution, rng: &mut fastrand::Rng) -> (usize, usize) {
    loop {
        let s = rng.usize(..resolution.sections.len());
        let len = resolution.sections[s].provisions.len();
        if len > 0 {
            return (s, rng.usize(..len));
        }
    }
}

/// Replaces, inserts or deletes one to three words.
fn edit_words(provision: &mut Provision, pool: &Pool, rng: &mut fastrand::Rng) {
    let mut words: Vec<String> = provision.text.split(' ').map(str::to_string).collect();
    let at = rng.usize(..words.len());
    let count = rng.usize(1..=3).min(words.len() - at);
    match rng.usize(..3) {
        0 => (at..at + count).for_each(|i| words[i] = pool.word(rng).to_string()),
        1 => (0..count).for_each(|_| words.insert(at, pool.word(rng).to_string())),
        _ if words.len() > count + 1 => drop(words.drain(at..at + count)),
        _ => words.push(pool.word(rng).to_string()),
    }
    provision.text = words.join(" ");
}

fn move_provision(resolution: &mut Resolution, (s, p): (usize, usize), rng: &mut fastrand::Rng) {
    let moved = resolution.sections[s].provisions.remove(p);
    let to = rng.usize(..resolution.sections.len());
    let len = resolution.sections[to].provisions.len();
    resolution.sections[to].provisions.insert(rng.usize(..=len), moved);
}

/// Removes the brackets of a provision (agreed), or brackets a phrase of it.
fn toggle_brackets(provision: &mut Provision, rng: &mut fastrand::Rng) {
    if provision.text.contains('[') {
        provision.text = provision.text.replace(['[', ']'], "");
        return;
    }
    let mut words: Vec<String> = provision.text.split(' ').map(str::to_string).collect();
    bracket_phrase(&mut words, rng);
    provision.text = words.join(" ");
}

/// The inputs that push the aligner to its fallbacks, each about `bytes` long
/// except where the name says otherwise.
pub mod pathological {
    use super::{Pool, Spec, generate};

    /// 10,000 provisions with the same text; one of them edited in the new text.
    pub fn identical_provisions(pool: &Pool) -> (String, String) {
        let sample = generate(pool, &Spec { bytes: 2_000, rate: 0.0, seed: 1 });
        let line = sample.old.lines().find(|l| l.starts_with("a)")).unwrap_or("a)\ttext,");
        let text = line.split_once('\t').map_or(line, |(_, text)| text);
        let body: String = (0..10_000).map(|i| format!("{}\t{text}\n", i + 1)).collect();
        let old = format!("resolves\n{body}");
        let new = old.replacen(text, &format!("{text} [amended]"), 1);
        (old, new)
    }

    /// One provision of `bytes` bytes, with word edits at 2%.
    pub fn single_provision(pool: &Pool, bytes: usize) -> (String, String) {
        let ordinary = generate(pool, &Spec { bytes, rate: 0.02, seed: 2 });
        let join = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            format!("resolves\n1\t{}\n", words.join(" "))
        };
        (join(&ordinary.old), join(&ordinary.new))
    }

    /// Two unrelated resolutions of `bytes` bytes: every provision rewritten.
    pub fn rewritten(pool: &Pool, bytes: usize) -> (String, String) {
        let old = generate(pool, &Spec { bytes, rate: 0.0, seed: 3 }).old;
        let new = generate(pool, &Spec { bytes, rate: 0.0, seed: 4 }).old;
        (old, new)
    }

    /// A provision with `depth` levels of nested brackets; the innermost text edited.
    pub fn nested_brackets(depth: usize) -> (String, String) {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        let old = format!("resolves\n1\t{open}to take all possible measures{close};\n");
        let new = format!("resolves\n1\t{open}to take all necessary measures{close};\n");
        (old, new)
    }
}
