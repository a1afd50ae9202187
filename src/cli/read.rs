//! `redline accept` and `redline reject`: read a rendered redline back (not written yet).

/// Not written yet.
#[derive(Debug, clap::Args)]
pub struct AcceptArgs {
    /// Input files.
    files: Vec<std::path::PathBuf>,
}

/// Not written yet.
#[derive(Debug, clap::Args)]
pub struct RejectArgs {
    /// Input files.
    files: Vec<std::path::PathBuf>,
}

pub fn accept(args: AcceptArgs) -> anyhow::Result<u8> {
    anyhow::bail!("not written yet: {:?}", args.files)
}

pub fn reject(args: RejectArgs) -> anyhow::Result<u8> {
    anyhow::bail!("not written yet: {:?}", args.files)
}
