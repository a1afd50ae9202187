//! The benchmark report: markdown tables of the figures and the targets.

use super::measure::Figures;
use std::fmt::Write as _;
use std::time::Duration;

/// One tool measured on one input pair.
#[derive(Debug, Clone)]
pub struct Row {
    /// The input (`1 MB, 2%`).
    pub input: String,
    /// Old plus new size in bytes.
    pub bytes: usize,
    /// The edits made, in words.
    pub edits: String,
    /// The tool's name.
    pub tool: &'static str,
    /// What was measured.
    pub figures: Figures,
}

/// A pathological input against an ordinary one of the same size.
#[derive(Debug, Clone)]
pub struct Stress {
    /// What the input is.
    pub name: &'static str,
    /// Old plus new size in bytes.
    pub bytes: usize,
    /// `redline diff --format html` on it.
    pub figures: Figures,
    /// The same on an ordinary input of the same size.
    pub ordinary: Figures,
    /// The aligner reported a fallback.
    pub warned: bool,
}

/// `redline batch` with one job against two.
#[derive(Debug, Clone)]
pub struct Batch {
    /// Number of series.
    pub series: usize,
    /// `--jobs 1`.
    pub one: Figures,
    /// `--jobs 2`.
    pub two: Figures,
}

/// Everything measured in one run of the whole-process benchmark.
#[derive(Debug, Default)]
pub struct Report {
    /// The command lines timed, once each.
    pub commands: Vec<String>,
    /// Runs per measurement after the warm-up.
    pub runs: usize,
    /// Whole-process timings.
    pub rows: Vec<Row>,
    /// Pathological inputs.
    pub stress: Vec<Stress>,
    /// Batch parallelism, when measured.
    pub batch: Option<Result<Batch, String>>,
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1e3)
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

impl Report {
    fn find(&self, input: &str, tool: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|row| row.input == input && row.tool == tool && row.figures.failed.is_none())
    }

    /// The whole report as markdown.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_rows(&mut out);
        self.render_growth(&mut out);
        self.render_stress(&mut out);
        self.render_batch(&mut out);
        self.render_targets(&mut out);
        out
    }

    fn render_rows(&self, out: &mut String) {
        let _ =
            writeln!(out, "### Whole processes (median of {} runs after a warm-up)\n", self.runs);
        out.push_str(
            "| input | old+new | edits | tool | median | min | peak RSS | RSS/input | vs git |\n",
        );
        out.push_str("|---|---:|---|---|---:|---:|---:|---:|---:|\n");
        for row in &self.rows {
            let f = &row.figures;
            if let Some(error) = &f.failed {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | failed: {error} | | | | |",
                    row.input,
                    mb(row.bytes as u64),
                    row.edits,
                    row.tool
                );
                continue;
            }
            let git = self
                .find(&row.input, "git word-diff")
                .map(|git| ratio(f.median, git.figures.median));
            let vs_git = git.map_or(String::new(), |r| format!("{r:.2}"));
            let per_input = f.rss as f64 / row.bytes.max(1) as f64;
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {per_input:.1}x | {vs_git} |",
                row.input,
                mb(row.bytes as u64),
                row.edits,
                row.tool,
                ms(f.median),
                ms(f.min),
                mb(f.rss)
            );
        }
        out.push_str("\nCommands (output to /dev/null):\n\n");
        for command in &self.commands {
            let _ = writeln!(out, "    {command}");
        }
    }

    fn render_growth(&self, out: &mut String) {
        out.push_str("\n### Growth from 1 MB to 10 MB (2% edits)\n\n| tool | 1 MB | 10 MB | growth |\n|---|---:|---:|---:|\n");
        for tool in ["redline json", "redline html", "git word-diff", "wdiff"] {
            if let Some((small, big)) = self.growth(tool) {
                let _ = writeln!(
                    out,
                    "| {tool} | {} | {} | {:.1}x |",
                    ms(small),
                    ms(big),
                    ratio(big, small)
                );
            }
        }
    }

    fn growth(&self, tool: &str) -> Option<(Duration, Duration)> {
        let small = self.find("1 MB, 2%", tool)?.figures.median;
        let big = self.find("10 MB, 2%", tool)?.figures.median;
        Some((small, big))
    }

    fn render_stress(&self, out: &mut String) {
        out.push_str("\n### Pathological inputs (`redline diff --format html`)\n\n| input | old+new | time | ordinary input, same size | ratio | peak RSS | warning |\n|---|---:|---:|---:|---:|---:|---|\n");
        for stress in &self.stress {
            let (f, o) = (&stress.figures, &stress.ordinary);
            if let Some(error) = f.failed.as_ref().or(o.failed.as_ref()) {
                let _ = writeln!(
                    out,
                    "| {} | {} | failed: {error} | | | | |",
                    stress.name,
                    mb(stress.bytes as u64)
                );
                continue;
            }
            let warned = if stress.warned { "yes" } else { "no" };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {:.2} | {} | {warned} |",
                stress.name,
                mb(stress.bytes as u64),
                ms(f.median),
                ms(o.median),
                ratio(f.median, o.median),
                mb(f.rss)
            );
        }
    }

    fn render_batch(&self, out: &mut String) {
        out.push_str("\n### Batch\n\n");
        match &self.batch {
            Some(Ok(batch)) => {
                let speedup = ratio(batch.one.median, batch.two.median);
                let _ = writeln!(
                    out,
                    "`redline batch` over {} series: --jobs 1 {}, --jobs 2 {}: {speedup:.2}x faster",
                    batch.series,
                    ms(batch.one.median),
                    ms(batch.two.median)
                );
            }
            Some(Err(error)) => {
                let _ = writeln!(out, "not measured: {error}");
            }
            None => out.push_str("not measured\n"),
        }
    }

    fn render_targets(&self, out: &mut String) {
        out.push_str("\n### Targets\n\n");
        for (name, verdict) in self.targets() {
            let _ = writeln!(out, "- {name}: {verdict}");
        }
    }

    /// Each target of the issue with its verdict.
    pub fn targets(&self) -> Vec<(String, String)> {
        let mut targets = Vec::new();
        let html = self.find("10 MB, 2%", "redline html");
        let git = self.find("10 MB, 2%", "git word-diff");
        targets.push((
            "10 MB html vs git <= 1.0".into(),
            match (html, git) {
                (Some(h), Some(g)) => verdict(ratio(h.figures.median, g.figures.median), 1.0, "x"),
                _ => "not measured".into(),
            },
        ));
        targets.push((
            "10 MB html peak RSS <= 6x input".into(),
            match html {
                Some(h) => verdict(h.figures.rss as f64 / h.bytes as f64, 6.0, "x"),
                None => "not measured".into(),
            },
        ));
        targets.push((
            "growth 1 MB -> 10 MB <= 11x".into(),
            match self.growth("redline html") {
                Some((small, big)) => verdict(ratio(big, small), 11.0, "x"),
                None => "not measured".into(),
            },
        ));
        targets.push((
            "30 KB to html < 20 ms".into(),
            match self.find("30 KB, 2%", "redline html") {
                Some(row) => verdict(row.figures.median.as_secs_f64() * 1e3, 20.0, " ms"),
                None => "not measured".into(),
            },
        ));
        for stress in &self.stress {
            let value = ratio(stress.figures.median, stress.ordinary.median);
            let mut text = verdict(value, 10.0, "x");
            if stress.figures.failed.is_some() || stress.ordinary.failed.is_some() {
                text = "failed".into();
            } else if !stress.warned {
                text.push_str(", no warning");
            }
            targets.push((format!("{} within 10x of ordinary", stress.name), text));
        }
        targets.push((
            "batch --jobs 2 >= 1.7x --jobs 1".into(),
            match &self.batch {
                Some(Ok(batch)) => {
                    let speedup = ratio(batch.one.median, batch.two.median);
                    if speedup >= 1.7 {
                        format!("met ({speedup:.2}x)")
                    } else {
                        format!("MISSED ({speedup:.2}x)")
                    }
                }
                _ => "not measured".into(),
            },
        ));
        targets
    }
}

/// `met (value)` when `value <= limit`, else by how much it is missed.
pub fn verdict(value: f64, limit: f64, unit: &str) -> String {
    if value <= limit {
        format!("met ({value:.2}{unit})")
    } else {
        format!("MISSED ({value:.2}{unit}, {:.0}% over)", (value / limit - 1.0) * 100.0)
    }
}
