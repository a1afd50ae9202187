//! `redline completions`: shell completions (not written yet).

/// Not written yet.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    anyhow::bail!("not written yet: {:?}", args.files)
}
