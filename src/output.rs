//! Writing results: to stdout, or to a file atomically (temporary file, then rename).
//!
//! # Invariants
//! - A file written here is either complete or absent: an error or an
//!   interruption never leaves a partial file at the destination.

use crate::error::{Error, Result, describe_io};
use std::io::Write;
use std::path::Path;

/// Where output goes: `None` or `-` is stdout, anything else a file.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|path| path.as_os_str() == "-")
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// directory, flushed and synced, then renamed over the destination.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail =
        |error: std::io::Error| Error::Write { path: path.into(), reason: describe_io(&error) };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".redline-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    set_permissions(file.as_file(), path).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(path).map_err(|error| fail(error.error))?;
    Ok(())
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

    #[test]
    fn dev_full_is_an_error() {
        let mut file = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        assert!(file.write_all(&[0; 70000]).and_then(|()| file.flush()).is_err());
    }
}
