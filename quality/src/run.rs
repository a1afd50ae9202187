//! Running the scenarios: generate each pair, score it, add the figures up.

use crate::examples::Collector;
use crate::scenario::{SCENARIOS, Scenario};
use crate::score::{Case, score};
use crate::stats::Stats;
use crate::texts::Source;
use std::collections::BTreeMap;

/// The seed of the committed report.
pub const DEFAULT_SEED: u64 = 14;

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Seed of all random choices.
    pub seed: u64,
    /// Leave out the slow scenarios (the 10 MB pair).
    pub quick: bool,
    /// Run only the scenarios whose name contains this.
    pub only: Option<String>,
    /// Examples kept per scenario and kind of failure.
    pub examples: usize,
    /// Pairs per small scenario (their default when `None`).
    pub pairs: Option<usize>,
    /// A folder to write each generated pair and its truth into.
    pub dump: Option<std::path::PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: DEFAULT_SEED,
            quick: false,
            only: None,
            examples: 2,
            pairs: None,
            dump: None,
        }
    }
}

/// One scenario's figures.
#[derive(Debug, Clone)]
pub struct Row {
    /// The scenario.
    pub scenario: Scenario,
    /// Its figures over all its pairs.
    pub stats: Stats,
    /// The edits made, by kind.
    pub edits: BTreeMap<&'static str, usize>,
}

/// Everything a run measured.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The options of the run.
    pub options: Options,
    /// One row per scenario run.
    pub rows: Vec<Row>,
    /// All rows added up.
    pub total: Stats,
    /// Examples of failures.
    pub examples: Collector,
}

/// Runs the scenarios `options` select; `progress` hears each scenario's name.
pub fn run(source: &Source, options: &Options, mut progress: impl FnMut(&str)) -> Outcome {
    let mut outcome = Outcome {
        options: options.clone(),
        rows: Vec::new(),
        total: Stats::default(),
        examples: Collector::new(options.examples),
    };
    for scenario in selected(options) {
        progress(scenario.name);
        let row = run_scenario(source, &scenario, options, &mut outcome.examples);
        outcome.total.add(&row.stats);
        outcome.rows.push(row);
    }
    outcome
}

/// The scenarios `options` select, with their pair counts.
fn selected(options: &Options) -> Vec<Scenario> {
    let wanted = |s: &&Scenario| {
        !(options.quick && s.slow)
            && options.only.as_ref().is_none_or(|only| s.name.contains(only.as_str()))
    };
    let with_pairs = |s: &Scenario| {
        let mut s = *s;
        if let Some(pairs) = options.pairs.filter(|_| s.pairs > 1) {
            s.pairs = pairs;
        }
        s
    };
    SCENARIOS.iter().filter(wanted).map(with_pairs).collect()
}

fn run_scenario(
    source: &Source,
    scenario: &Scenario,
    options: &Options,
    examples: &mut Collector,
) -> Row {
    let mut row = Row { scenario: *scenario, stats: Stats::default(), edits: BTreeMap::new() };
    for index in 0..scenario.pairs {
        let generated = scenario.generate(source, options.seed, index);
        if let Some(dir) = &options.dump {
            dump(dir, &format!("{}-{index:02}", scenario.name), &generated);
        }
        let scored =
            score(Case { old: &generated.old, new: &generated.new, truth: &generated.truth });
        row.stats.add(&scored.stats);
        examples.add(scenario.name, scored.examples);
        for (kind, count) in generated.edits {
            *row.edits.entry(kind).or_default() += count;
        }
    }
    row
}

/// Writes `name.old.txt`, `name.new.txt` and `name.truth.tsv` into `dir`
/// (a failure to write is reported, not fatal: the dump is for debugging).
fn dump(dir: &std::path::Path, name: &str, generated: &crate::scenario::Generated) {
    let truth = crate::truth::describe(&generated.truth, &generated.old, &generated.new);
    let files = [("old.txt", &generated.old), ("new.txt", &generated.new), ("truth.tsv", &truth)];
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        files
            .iter()
            .try_for_each(|(ext, text)| std::fs::write(dir.join(format!("{name}.{ext}")), text))
    });
    if let Err(error) = written {
        eprintln!("quality: cannot write {name} into {}: {error}", dir.display());
    }
}
