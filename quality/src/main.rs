//! `quality`: generates the scored revision pairs, prints the tables and
//! writes the report (run through `cargo xtask quality`).

use quality::run::{DEFAULT_SEED, Options, run};
use quality::{report, root, source};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: quality [--quick] [--seed N] [--out FILE] [--only NAME] [--pairs N] [--examples N] [--dump DIR]

  --quick        leave out the 10 MB pair
  --seed N       seed of the generator (default 14, the committed report's); others give held-out sets
  --out FILE     where to write the report (default QUALITY.md at the repository root; - for none)
  --only NAME    only the scenarios whose name contains NAME
  --pairs N      pairs per small scenario (default 16)
  --examples N   examples kept per scenario and kind of failure (default 2)
  --dump DIR     write each pair (old.txt, new.txt) and its truth (truth.tsv) into DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok((options, out)) => {
            execute(&options, out);
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("quality: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<(Options, Option<PathBuf>), String> {
    let mut options = Options::default();
    let mut out = Some(root().join("QUALITY.md"));
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--seed" => options.seed = number(value()?)?,
            "--out" => out = Some(value()?).filter(|v| *v != "-").map(PathBuf::from),
            "--only" => options.only = Some(value()?.clone()),
            "--pairs" => options.pairs = Some(number(value()?)?),
            "--examples" => options.examples = number(value()?)?,
            "--dump" => options.dump = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err("help".to_string()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok((options, out))
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("not a number: {text:?}"))
}

fn execute(options: &Options, out: Option<PathBuf>) {
    let source = source();
    let outcome = run(&source, options, |name| eprintln!("quality: {name}"));
    println!("{}", report::tables(&outcome));
    let Some(path) = out else { return };
    let command = command_line(options);
    let text = report::markdown(&outcome, &report::today(), &command);
    match std::fs::write(&path, text) {
        Ok(()) => eprintln!("quality: wrote {}", path.display()),
        Err(error) => eprintln!("quality: cannot write {}: {error}", path.display()),
    }
}

/// The command that reproduces this run.
fn command_line(options: &Options) -> String {
    let mut line = "cargo xtask quality".to_string();
    if options.quick {
        line.push_str(" --quick");
    }
    if options.seed != DEFAULT_SEED {
        line.push_str(&format!(" --seed {}", options.seed));
    }
    if let Some(only) = &options.only {
        line.push_str(&format!(" --only {only}"));
    }
    if let Some(pairs) = options.pairs {
        line.push_str(&format!(" --pairs {pairs}"));
    }
    line
}
