//! Writing results: to stdout, or to a file atomically (temporary file, then rename).
//!
//! # Invariants
//! - A file written here is either complete or absent: an error or an
//!   interruption never leaves a partial file at the destination, and an
//!   interrupt handler that calls [`remove_unfinished`] leaves no temporary
//!   file behind either.
//! - A destination that exists and is not a regular file (`/dev/null`, a
//!   FIFO) is written in place, never replaced.

use crate::error::{Error, Result, describe_io};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Temporary files being written now: removed if the process is interrupted.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set by [`remove_unfinished`]: from then on no temporary file is created,
/// so none appears after the list was emptied (other threads go on writing
/// until the process exits).
static CLOSING: AtomicBool = AtomicBool::new(false);

fn unfinished() -> MutexGuard<'static, Vec<PathBuf>> {
    UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A temporary file registered as unfinished for as long as this lives.
struct Unfinished(PathBuf);

impl Unfinished {
    /// Creates a temporary file in `dir` and registers it, both under the
    /// list's lock: an interrupt finds it listed, or it is never created.
    fn create(dir: &Path) -> std::io::Result<(tempfile::NamedTempFile, Self)> {
        let mut list = unfinished();
        if CLOSING.load(Ordering::SeqCst) {
            return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted"));
        }
        let file = tempfile::Builder::new().prefix(".redline-").suffix(".tmp").tempfile_in(dir)?;
        list.push(file.path().to_path_buf());
        let path = file.path().to_path_buf();
        Ok((file, Unfinished(path)))
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        unfinished().retain(|path| *path != self.0);
    }
}

/// Removes the temporary files being written now, and lets no other be
/// created: what an interrupt handler calls before the process exits (the
/// command line installs one).
pub fn remove_unfinished() {
    let list = unfinished();
    CLOSING.store(true, Ordering::SeqCst);
    for path in list.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// Where output goes: `None` or `-` is stdout, anything else a file.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|path| path.as_os_str() == "-")
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// directory, flushed and synced, then renamed over the destination.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, bytes, Durability::Synced)
}

/// When a written file reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Synced before it is renamed into place.
    Synced,
    /// Renamed into place unsynced; the caller syncs many files at once
    /// afterwards ([`sync_written`]). Each file is still whole or absent,
    /// whatever happens to the process: only a power cut can lose it.
    Deferred,
}

/// Syncs files written with [`Durability::Deferred`] under `root`: one
/// `syncfs` of the file system on Linux (many `fsync`s in a row serialise on
/// the journal: they took a third of a batch), each file elsewhere.
pub fn sync_written(root: &Path, files: &[std::path::PathBuf]) -> Result<()> {
    let fail =
        |error: std::io::Error| Error::Write { path: root.into(), reason: describe_io(&error) };
    #[cfg(target_os = "linux")]
    {
        let _ = files;
        let dir = std::fs::File::open(root).map_err(fail)?;
        rustix::fs::syncfs(&dir).map_err(|errno| fail(errno.into()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = root;
        files.iter().try_for_each(|file| std::fs::File::open(file)?.sync_all()).map_err(fail)
    }
}

/// [`write_atomic`], synced now or later.
pub fn write_atomic_with(path: &Path, bytes: &[u8], durability: Durability) -> Result<()> {
    let fail =
        |error: std::io::Error| Error::Write { path: path.into(), reason: describe_io(&error) };
    match std::fs::metadata(path) {
        Ok(existing) if existing.is_dir() => {
            return Err(Error::Write { path: path.into(), reason: "is a directory".into() });
        }
        Ok(existing) if !existing.is_file() => return write_in_place(path, bytes).map_err(fail),
        _ => {}
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let (mut file, _registered) = Unfinished::create(dir).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    set_permissions(file.as_file(), path).map_err(fail)?;
    if durability == Durability::Synced {
        file.as_file().sync_all().map_err(fail)?;
    }
    file.persist(path).map_err(|error| fail(error.error))?;
    Ok(())
}

/// Writes to a device or FIFO as it is: there is nothing to replace atomically.
fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Gives the file written for `path` the permissions of the file it
/// replaces, else `rw-r--r--`: a temporary file starts private, which output
/// must not stay.
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = std::fs::metadata(path)
        .map(|existing| existing.permissions())
        .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
    file.set_permissions(permissions)
}

/// Elsewhere the temporary file's default permissions are kept.
#[cfg(not(unix))]
fn set_permissions(_: &std::fs::File, _: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Writes `bytes` to stdout, or atomically to `path`.
///
/// A closed pipe on stdout (`redline ... | head`) is not an error.
pub fn emit(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(path) if !is_stdout(Some(path)) => write_atomic(path, bytes),
        _ => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(error) => {
                    Err(Error::Write { path: "<stdout>".into(), reason: describe_io(&error) })
                }
                Ok(()) => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"hello").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"hello");
    }

    #[test]
    fn deferred_writes_are_whole_and_synced_together() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<_> = ["a.txt", "b.txt"].map(|name| dir.path().join(name)).into();
        for path in &paths {
            write_atomic_with(path, b"whole", Durability::Deferred).unwrap();
        }
        sync_written(dir.path(), &paths).unwrap();
        assert!(paths.iter().all(|path| std::fs::read(path).unwrap() == b"whole"));
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
        let missing = dir.path().join("missing");
        let error = sync_written(&missing, &[]).unwrap_err().to_string();
        assert!(error.contains("missing") && error.contains("no such file"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_existing_modes_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        write_atomic(&path, b"a").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"b").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn missing_directory_is_an_error_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/out.txt");
        let error = write_atomic(&path, b"x").unwrap_err().to_string();
        assert!(error.contains("out.txt") && error.contains("no such file"), "{error}");
        assert!(!path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_in_place_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_atomic(Path::new("/dev/null"), b"discarded").unwrap();
        let error = write_atomic(Path::new("/dev/full"), &[0; 70000]).unwrap_err().to_string();
        assert!(error.contains("/dev/full") && error.contains("no space left"), "{error}");
        for device in ["/dev/null", "/dev/full"] {
            assert!(std::fs::metadata(device).unwrap().file_type().is_char_device(), "{device}");
        }
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(error.contains("is a directory"), "{error}");
    }

    #[test]
    fn temporary_files_are_registered_only_while_written() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(&dir.path().join("a.txt"), b"a").unwrap();
        assert!(unfinished().iter().all(|path| !path.starts_with(dir.path())));
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.txt"]);
    }
}
