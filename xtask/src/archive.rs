//! A folder of fuzz inputs as one zip archive, and back.
//!
//! Packing is deterministic: entries sorted by name, deflated at the default
//! level, with a fixed timestamp and mode, so the same inputs give the same
//! bytes and re-packing an unchanged corpus changes nothing in git.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The options of every entry: nothing that depends on the machine or the time.
fn entry_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
}

/// Writes every file of `folder` (not its subfolders or hidden files) into a
/// new archive at `archive`, replacing it; returns the number of entries.
pub fn pack(folder: &Path, archive: &Path) -> Result<usize, String> {
    let context = |error: &dyn std::fmt::Display| format!("{}: {error}", archive.display());
    let names = file_names(folder)?;
    let partial = archive.with_extension("zip.partial");
    let mut zip = ZipWriter::new(BufWriter::new(File::create(&partial).map_err(|e| context(&e))?));
    for name in &names {
        let data = std::fs::read(folder.join(name)).map_err(|e| context(&e))?;
        zip.start_file(name.as_str(), entry_options()).map_err(|e| context(&e))?;
        zip.write_all(&data).map_err(|e| context(&e))?;
    }
    zip.finish().map_err(|e| context(&e))?.flush().map_err(|e| context(&e))?;
    std::fs::rename(&partial, archive).map_err(|e| context(&e))?;
    Ok(names.len())
}

/// The names of the files of `folder`, sorted, hidden ones left out.
pub fn file_names(folder: &Path) -> Result<Vec<String>, String> {
    let context = |error: &dyn std::fmt::Display| format!("{}: {error}", folder.display());
    let mut names = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(|e| context(&e))? {
        let entry = entry.map_err(|e| context(&e))?;
        let name = entry.file_name().into_string().map_err(|name| context(&format!("{name:?}")))?;
        if entry.file_type().map_err(|e| context(&e))?.is_file() && !name.starts_with('.') {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// Writes every entry of `archive` into `folder` (created if missing), over
/// files of the same name; returns the number of entries.
pub fn unpack(archive: &Path, folder: &Path) -> Result<usize, String> {
    let context = |error: &dyn std::fmt::Display| format!("{}: {error}", archive.display());
    let file = File::open(archive).map_err(|e| context(&e))?;
    let mut zip = ZipArchive::new(BufReader::new(file)).map_err(|e| context(&e))?;
    std::fs::create_dir_all(folder).map_err(|e| context(&e))?;
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).map_err(|e| context(&e))?;
        // Plain names only: an entry never writes outside `folder`.
        let name = entry.name().to_string();
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            return Err(context(&format!("unexpected entry {name:?}")));
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| context(&format!("{name}: {e}")))?;
        std::fs::write(folder.join(&name), data).map_err(|e| context(&format!("{name}: {e}")))?;
    }
    Ok(zip.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, data) in files {
            std::fs::write(dir.path().join(name), data).unwrap();
        }
        dir
    }

    #[test]
    fn unpacking_gives_back_every_file() {
        let files: &[(&str, &[u8])] = &[("b", b"recalling\xff"), ("a", b""), ("c", &[0; 5000])];
        let (source, out) = (folder_with(files), tempfile::tempdir().unwrap());
        let archive = out.path().join("corpus.zip");
        assert_eq!(pack(source.path(), &archive).unwrap(), 3);
        let target = out.path().join("unpacked");
        assert_eq!(unpack(&archive, &target).unwrap(), 3);
        for (name, data) in files {
            assert_eq!(std::fs::read(target.join(name)).unwrap(), *data, "{name}");
        }
    }

    #[test]
    fn the_same_files_give_the_same_bytes_in_name_order() {
        let first = folder_with(&[("a", b"one"), ("b", b"two")]);
        let second = folder_with(&[("b", b"two"), ("a", b"one")]);
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
        File::options()
            .write(true)
            .open(second.path().join("a"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        let out = tempfile::tempdir().unwrap();
        let (one, two) = (out.path().join("1.zip"), out.path().join("2.zip"));
        pack(first.path(), &one).unwrap();
        pack(second.path(), &two).unwrap();
        assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
        let mut zip = ZipArchive::new(File::open(&one).unwrap()).unwrap();
        let entry = zip.by_index(0).unwrap();
        assert_eq!(entry.name(), "a");
        assert_eq!(entry.compression(), CompressionMethod::Deflated);
        assert_eq!(entry.last_modified(), Some(DateTime::default()));
    }

    #[test]
    fn hidden_files_and_folders_are_left_out() {
        let source = folder_with(&[(".keep", b""), ("input", b"x")]);
        std::fs::create_dir(source.path().join("sub")).unwrap();
        let out = tempfile::tempdir().unwrap();
        assert_eq!(pack(source.path(), &out.path().join("corpus.zip")).unwrap(), 1);
    }

    #[test]
    fn entries_never_write_outside_the_folder() {
        let out = tempfile::tempdir().unwrap();
        let archive = out.path().join("evil.zip");
        let mut zip = ZipWriter::new(File::create(&archive).unwrap());
        zip.start_file("../escaped", entry_options()).unwrap();
        zip.finish().unwrap();
        let error = unpack(&archive, &out.path().join("corpus")).unwrap_err();
        assert!(error.contains("unexpected entry \"../escaped\""), "{error}");
        assert!(!out.path().join("escaped").exists());
    }
}
