//! Timing whole processes: wall time of one run, peak memory from `/usr/bin/time`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A program to time, with the exit codes that mean it did its job.
#[derive(Debug, Clone)]
pub struct Tool {
    /// Name in the tables.
    pub name: &'static str,
    /// The program and its arguments.
    pub argv: Vec<String>,
    /// Exit codes that count as success (`git diff` and `wdiff` exit 1 on differences).
    pub ok: &'static [i32],
}

/// What one run left behind.
#[derive(Debug, Clone)]
pub struct Run {
    /// Wall time.
    pub wall: Duration,
    /// What the program printed on stderr.
    pub stderr: String,
}

impl Tool {
    /// The tool as a shell line.
    pub fn line(&self) -> String {
        self.argv.join(" ")
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.argv[0]);
        command.args(&self.argv[1..]).stdin(Stdio::null()).stdout(Stdio::null());
        command
    }

    /// Runs the tool once, output to /dev/null, and times it.
    pub fn run_once(&self) -> Result<Run, String> {
        let mut command = self.command();
        command.stderr(Stdio::piped());
        let start = Instant::now();
        let output = command.output().map_err(|error| format!("{}: {error}", self.line()))?;
        let wall = start.elapsed();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        match output.status.code() {
            Some(code) if self.ok.contains(&code) => Ok(Run { wall, stderr }),
            _ => {
                Err(format!("{} exited with {}: {}", self.name, output.status, first_line(&stderr)))
            }
        }
    }

    /// Peak resident memory of one run in bytes, from `/usr/bin/time -f %M`.
    pub fn peak_rss(&self, scratch: &Path) -> Result<u64, String> {
        let report = scratch.join("time.out");
        let mut command = Command::new("/usr/bin/time");
        command.args(["-f", "%M", "-o"]).arg(&report).args(&self.argv);
        command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        command.status().map_err(|error| format!("/usr/bin/time: {error}"))?;
        let text = std::fs::read_to_string(&report).map_err(|error| format!("{error}"))?;
        let kilobytes = text.lines().last().and_then(|line| line.trim().parse::<u64>().ok());
        kilobytes.map(|kb| kb * 1024).ok_or_else(|| format!("/usr/bin/time said {text:?}"))
    }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// Median of some durations (the lower middle for an even count).
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len().saturating_sub(1) / 2).copied().unwrap_or_default()
}

/// Measured figures of one tool on one input.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Median wall time of the timed runs.
    pub median: Duration,
    /// Fastest timed run.
    pub min: Duration,
    /// Peak resident memory of the warm-up run, in bytes.
    pub rss: u64,
    /// The warm-up run's stderr (warnings of the aligner).
    pub stderr: String,
    /// Why the tool could not be measured, if it could not.
    pub failed: Option<String>,
}

/// Times each tool `runs` times after one warm-up (which also measures
/// memory), interleaving the tools run by run so drift hits all alike.
pub fn interleaved(tools: &[Tool], runs: usize, scratch: &Path) -> Vec<Figures> {
    let mut figures: Vec<Figures> = tools.iter().map(|tool| warm_up(tool, scratch)).collect();
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); tools.len()];
    for _ in 0..runs {
        for (index, tool) in tools.iter().enumerate() {
            if figures[index].failed.is_some() {
                continue;
            }
            match tool.run_once() {
                Ok(run) => samples[index].push(run.wall),
                Err(error) => figures[index].failed = Some(error),
            }
        }
    }
    for (figure, samples) in figures.iter_mut().zip(samples) {
        figure.min = samples.iter().min().copied().unwrap_or_default();
        figure.median = median(samples);
    }
    figures
}

fn warm_up(tool: &Tool, scratch: &Path) -> Figures {
    match tool.run_once() {
        Ok(run) => Figures {
            rss: tool.peak_rss(scratch).unwrap_or(0),
            stderr: run.stderr,
            ..Figures::default()
        },
        Err(error) => Figures { failed: Some(error), ..Figures::default() },
    }
}

/// The four tools compared on an old/new pair.
pub fn tools(redline: &Path, old: &Path, new: &Path) -> Vec<Tool> {
    let path = |p: &Path| p.display().to_string();
    let redline = |format: &str| {
        vec![path(redline), "diff".into(), "--format".into(), format.into(), path(old), path(new)]
    };
    vec![
        Tool { name: "redline json", argv: redline("json"), ok: &[0] },
        Tool { name: "redline html", argv: redline("html"), ok: &[0] },
        Tool {
            name: "git word-diff",
            argv: ["git", "diff", "--no-index", "--word-diff=porcelain"]
                .into_iter()
                .map(String::from)
                .chain([path(old), path(new)])
                .collect(),
            ok: &[0, 1],
        },
        Tool { name: "wdiff", argv: vec!["wdiff".into(), path(old), path(new)], ok: &[0, 1] },
    ]
}

/// `true` when the JSON's `"warnings"` array is not empty (the aligner fell back).
pub fn has_warnings(json: &str) -> bool {
    json.split("\"warnings\"").skip(1).any(|rest| {
        let rest = rest.trim_start().trim_start_matches(':').trim_start();
        rest.starts_with('[') && !rest[1..].trim_start().starts_with(']')
    })
}
