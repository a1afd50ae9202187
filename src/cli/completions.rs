//! `redline completions SHELL` and the hidden `redline man DIR`: shell completions and man
//! pages, both generated from the command-line definition so they never drift from it.

use super::{Cli, EXIT_OK};
use clap::CommandFactory;
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  bash (current shell, then for good):
    source <(redline completions bash)
    redline completions bash > ~/.local/share/bash-completion/completions/redline
  zsh:
    redline completions zsh > ~/.zfunc/_redline
  fish:
    redline completions fish > ~/.config/fish/completions/redline.fish

Exit status: 0.";

/// Print a shell completion script for redline.
///
/// The script completes subcommands, flags and their values (formats,
/// shells). Write it where your shell looks for completions.
#[derive(Debug, clap::Args)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Prints the completion script for the shell asked for.
pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut command = visible(Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "redline", &mut script);
    redline::output::emit(None, &script)?;
    Ok(EXIT_OK)
}

/// The command without its hidden subcommands (`man`): what completions
/// offer. Clap has no way to remove a subcommand, so the command is built
/// again from its visible parts.
fn visible(command: clap::Command) -> clap::Command {
    let shown = command.get_subcommands().filter(|sub| !sub.is_hide_set()).cloned();
    clap::Command::new("redline")
        .version(env!("CARGO_PKG_VERSION"))
        .about(command.get_about().cloned().unwrap_or_default())
        .args(command.get_arguments().cloned())
        .subcommands(shown)
}
/// Write the man pages (redline.1, redline-diff.1 ...) into a folder.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The folder to write into (created if missing).
    dir: PathBuf,
}

/// Writes a man page for redline and for each visible subcommand.
pub fn man(args: ManArgs) -> anyhow::Result<u8> {
    std::fs::create_dir_all(&args.dir)?;
    let mut command = Cli::command();
    command.build();
    write_page(&args.dir, command.clone())?;
    for sub in
        command.get_subcommands().filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
    {
        write_page(&args.dir, sub.clone())?;
    }
    Ok(EXIT_OK)
}

/// Writes one page, named after the command's display name (`redline-series.1`).
fn write_page(dir: &std::path::Path, command: clap::Command) -> anyhow::Result<()> {
    let man = clap_mangen::Man::new(command);
    let mut page = Vec::new();
    man.render(&mut page)?;
    redline::output::write_atomic(&dir.join(man.get_filename()), &page)?;
    Ok(())
}
