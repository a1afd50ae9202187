//! What a series is made of: its revision files in order, their labels and
//! the header fields, from a command line or from a series folder.
//!
//! A series folder holds its revisions, ordered by file name, or a
//! `series.toml` naming the order, the labels and the header fields:
//!
//! ```toml
//! document = "DL/23-E (Rev.2)"
//! date = "31 October 2014"
//! origin = "English"
//! committee = "Working Group of the Plenary"
//! draft_title = "DRAFT RESOLUTION 140"
//! status = "WORK IN PROGRESS"
//! proposal = "WGPL/23/1"
//!
//! [[revisions]]
//! file = "01-guadalajara-2010.txt"
//! label = "Guadalajara 2010 (reconstructed)"
//! ```

use crate::error::{Error, Result, describe_io};
use crate::model::{Header, LineIndex};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The name of the file that describes a series folder.
pub const SERIES_TOML: &str = "series.toml";

/// A series to render: a name, header fields and the revisions in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesSpec {
    /// The series' name (its folder's name, or `series`).
    pub name: String,
    /// Header fields shown above the redline.
    pub header: Header,
    /// The revisions, oldest first.
    pub revisions: Vec<RevisionSpec>,
}

/// One revision of a series: where it is and what to call it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionSpec {
    /// The file.
    pub path: PathBuf,
    /// Its label in the legend (`Busan 2014`); the file stem by default.
    pub label: String,
}

/// The contents of a `series.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesToml {
    title: Option<String>,
    #[serde(alias = "doc_number")]
    document: Option<String>,
    date: Option<String>,
    origin: Option<String>,
    committee: Option<String>,
    draft_title: Option<String>,
    status: Option<String>,
    proposal: Option<String>,
    revisions: Vec<RevisionToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionToml {
    file: PathBuf,
    label: Option<String>,
}

impl SeriesSpec {
    /// A series of the files given, labelled by `labels` in order, then by file stem.
    pub fn from_files(paths: &[PathBuf], labels: &[String]) -> Self {
        let label = |index: usize, path: &Path| {
            labels.get(index).cloned().unwrap_or_else(|| file_stem(path))
        };
        let revisions = paths
            .iter()
            .enumerate()
            .map(|(index, path)| RevisionSpec { path: path.clone(), label: label(index, path) })
            .collect();
        SeriesSpec { name: "series".to_string(), header: Header::default(), revisions }
    }

    /// The series in folder `dir`: its `series.toml`, or its files by name.
    pub fn from_folder(dir: &Path) -> Result<Self> {
        let name = dir.file_name().map_or_else(|| "series".into(), |n| n.to_string_lossy().into());
        let toml_path = dir.join(SERIES_TOML);
        let (header, revisions) = if toml_path.is_file() {
            read_series_toml(dir, &toml_path)?
        } else {
            (Header::default(), files_by_name(dir)?)
        };
        if revisions.is_empty() {
            return Err(Error::Other(format!("{}: no revisions in the folder", dir.display())));
        }
        Ok(SeriesSpec { name, header, revisions })
    }
}

/// The series folder `path` names: the folder itself, or the folder of a
/// `series.toml`; `None` for any other path.
pub fn series_folder(path: &Path) -> Option<PathBuf> {
    if path.is_dir() {
        return Some(path.to_path_buf());
    }
    if path.file_name()? != SERIES_TOML {
        return None;
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => Some(parent.to_path_buf()),
        _ => Some(PathBuf::from(".")),
    }
}

/// The file name without extension; `stdin` for `-`.
fn file_stem(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    path.file_stem().unwrap_or(path.as_os_str()).to_string_lossy().into_owned()
}

fn read_series_toml(dir: &Path, path: &Path) -> Result<(Header, Vec<RevisionSpec>)> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Error::Read { path: path.into(), reason: describe_io(&error) })?;
    let parsed: SeriesToml =
        toml::from_str(&text).map_err(|error| toml_error(path, &text, &error))?;
    let revisions = parsed
        .revisions
        .iter()
        .map(|revision| RevisionSpec {
            label: revision.label.clone().unwrap_or_else(|| file_stem(&revision.file)),
            path: dir.join(&revision.file),
        })
        .collect();
    let SeriesToml {
        title, document, date, origin, committee, draft_title, status, proposal, ..
    } = parsed;
    let doc_number = document;
    let header =
        Header { title, doc_number, date, origin, committee, draft_title, status, proposal };
    Ok((header, revisions))
}

fn toml_error(path: &Path, text: &str, error: &toml::de::Error) -> Error {
    let offset = error.span().map_or(0, |span| span.start);
    let (line, column) = LineIndex::new(text).line_col(text, offset);
    let message = error.message().trim().to_string();
    Error::Syntax { path: path.into(), line, column, message, remedy: None }
}

/// The revision files of a folder in file-name order: every regular file
/// except hidden ones, `README*` and `series.toml`.
fn files_by_name(dir: &Path) -> Result<Vec<RevisionSpec>> {
    let read_error =
        |error: std::io::Error| Error::Read { path: dir.into(), reason: describe_io(&error) };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if path.is_file() && is_revision_name(&path) {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths.into_iter().map(|path| RevisionSpec { label: file_stem(&path), path }).collect())
}

fn is_revision_name(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    !(name.starts_with('.') || name.starts_with("README") || name == SERIES_TOML)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    fn check(files: &[(&str, &str)], expected: &[(&str, &str)]) {
        let dir = folder(files);
        let spec = SeriesSpec::from_folder(dir.path()).unwrap();
        let found: Vec<(String, String)> = spec
            .revisions
            .iter()
            .map(|r| {
                (r.path.strip_prefix(dir.path()).unwrap().display().to_string(), r.label.clone())
            })
            .collect();
        let expected: Vec<(String, String)> =
            expected.iter().map(|(p, l)| (p.to_string(), l.to_string())).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn files_are_ordered_by_name_and_labelled_by_stem() {
        check(
            &[("b.txt", ""), ("a.txt", ""), ("README.md", ""), (".hidden", "")],
            &[("a.txt", "a"), ("b.txt", "b")],
        );
    }

    #[test]
    fn series_toml_names_order_labels_and_header() {
        let toml = "document = \"DL/1\"\ndraft_title = \"DRAFT RESOLUTION 1\"\n[[revisions]]\nfile = \"b.txt\"\nlabel = \"B\"\n[[revisions]]\nfile = \"a.txt\"\n";
        check(
            &[("a.txt", ""), ("b.txt", ""), ("series.toml", toml)],
            &[("b.txt", "B"), ("a.txt", "a")],
        );
        let dir = folder(&[("series.toml", toml)]);
        let spec = SeriesSpec::from_folder(dir.path()).unwrap();
        assert_eq!(spec.header.doc_number.as_deref(), Some("DL/1"));
        assert_eq!(spec.header.draft_title.as_deref(), Some("DRAFT RESOLUTION 1"));
    }

    #[test]
    fn unknown_key_is_an_error_naming_the_file_and_line() {
        let dir = folder(&[(
            "series.toml",
            "document = \"x\"\ncomitee = \"typo\"\n[[revisions]]\nfile = \"a\"\n",
        )]);
        let error = SeriesSpec::from_folder(dir.path()).unwrap_err().to_string();
        assert!(error.contains("series.toml:2:1:") && error.contains("comitee"), "{error}");
    }

    #[test]
    fn a_folder_or_its_series_toml_names_the_series() {
        let dir = folder(&[("series.toml", "")]);
        assert_eq!(series_folder(dir.path()).as_deref(), Some(dir.path()));
        let toml = dir.path().join(SERIES_TOML);
        assert_eq!(series_folder(&toml).as_deref(), Some(dir.path()));
        assert_eq!(series_folder(Path::new("series.toml")), Some(PathBuf::from(".")));
        assert_eq!(series_folder(&dir.path().join("a.txt")), None);
    }

    #[test]
    fn empty_folder_is_an_error() {
        let dir = folder(&[]);
        let error = SeriesSpec::from_folder(dir.path()).unwrap_err().to_string();
        assert!(error.ends_with("no revisions in the folder"), "{error}");
    }

    #[test]
    fn labels_from_the_command_line_come_first() {
        let paths = [PathBuf::from("x/one.txt"), PathBuf::from("two.txt")];
        let spec = SeriesSpec::from_files(&paths, &["First".to_string()]);
        let labels: Vec<&str> = spec.revisions.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["First", "two"]);
    }
}
