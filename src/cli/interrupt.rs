//! Ctrl-C and SIGTERM: the unfinished output files are removed, then the
//! process exits (the library only keeps the list of unfinished files).

/// Installs a Ctrl-C / SIGTERM handler that removes the temporary files
/// being written, then exits with `exit_code`. Called once, from `run`.
pub fn remove_unfinished_on_interrupt(exit_code: i32) -> anyhow::Result<()> {
    ctrlc::set_handler(move || {
        let _held = redline::output::remove_unfinished();
        std::process::exit(exit_code);
    })
    .map_err(|error| anyhow::anyhow!("cannot install the interrupt handler: {error}"))
}
