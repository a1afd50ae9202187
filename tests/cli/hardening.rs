//! Broken input and failing output, from the outside: each case gives one
//! clear line on stderr naming the file and the problem, exit status 2, and
//! no output file at all (never a partial one).

use crate::common::*;
use std::os::unix::fs::FileTypeExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Exit status of an error (`EXIT_ERROR` in `src/cli/mod.rs`).
const EXIT_ERROR: i32 = 2;

/// A scratch folder with a valid resolution in it.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(fixture("seeds/003_7de8f70c8a456ba9.txt"), dir.path().join("good.txt"))
            .unwrap();
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> Output {
        redline_in(self.dir.path(), args)
    }

    /// The names of the files in the folder, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Asserts exit status 2 and exactly one stderr line holding every one of `words`.
fn check_error(output: &Output, words: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(EXIT_ERROR), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    for word in words {
        assert!(err.contains(word), "{word:?} missing from {err:?}");
    }
    assert!(stdout(output).is_empty(), "output on an error: {:?}", stdout(output));
}

/// `true` when the tests run as root, who ignores permission bits.
fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .any(|line| line.starts_with("Uid:") && line.split_whitespace().nth(1) == Some("0"))
}

/// Runs `redline` as an unprivileged user (through `setpriv` when root), so
/// permission bits apply.
fn redline_unprivileged(dir: &Path, args: &[&str]) -> Output {
    let binary = env!("CARGO_BIN_EXE_redline");
    let mut command = if is_root() {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", binary]);
        command
    } else {
        Command::new(binary)
    };
    command.args(args).current_dir(dir).output().unwrap()
}

#[test]
fn missing_file() {
    let scratch = Scratch::new();
    check_error(&scratch.run(&["outline", "absent.txt"]), &["absent.txt", "no such file"]);
}

#[test]
fn a_directory() {
    let scratch = Scratch::new();
    std::fs::create_dir(scratch.path("folder")).unwrap();
    check_error(&scratch.run(&["outline", "folder"]), &["folder", "is a directory"]);
}

#[test]
fn permission_denied() {
    let scratch = Scratch::new();
    let locked = scratch.write("locked.txt", b"recalling\n");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(scratch.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = redline_unprivileged(scratch.dir.path(), &["outline", "locked.txt"]);
    check_error(&output, &["locked.txt", "permission denied"]);
}

#[test]
fn a_binary_file() {
    let scratch = Scratch::new();
    scratch.write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    check_error(&scratch.run(&["outline", "image.png"]), &["image.png", "binary file"]);
}

#[test]
fn bytes_invalid_in_a_forced_encoding() {
    let scratch = Scratch::new();
    scratch.write("latin.txt", b"recalling\n\na) caf\xE9;\n");
    let output = scratch.run(&["outline", "--encoding", "utf-8", "latin.txt"]);
    check_error(&output, &["latin.txt", "invalid UTF-8", "offset 17"]);
}

#[test]
fn unknown_encoding_label() {
    let scratch = Scratch::new();
    let output = scratch.run(&["outline", "--encoding", "klingon", "good.txt"]);
    check_error(&output, &["klingon", "unknown encoding"]);
}

#[test]
fn an_empty_file() {
    let scratch = Scratch::new();
    scratch.write("empty.txt", b"");
    let output = scratch.run(&["outline", "empty.txt"]);
    check_error(&output, &["empty.txt", "empty file (0 bytes", "--allow-empty"]);
    let output = scratch.run(&["diff", "empty.txt", "good.txt", "-o", "out.html"]);
    check_error(&output, &["empty.txt", "empty file"]);
    assert_eq!(scratch.files(), ["empty.txt", "good.txt"]);
}

#[test]
fn a_file_of_only_whitespace_is_empty_too() {
    let scratch = Scratch::new();
    scratch.write("blank.txt", b"\xEF\xBB\xBF \r\n\t\n");
    let output = scratch.run(&["reject", "blank.txt"]);
    check_error(&output, &["blank.txt", "empty file (8 bytes"]);
}

#[test]
fn allow_empty_reads_an_empty_file_as_a_revision_with_nothing() {
    let scratch = Scratch::new();
    scratch.write("empty.txt", b"");
    let output = scratch.run(&["outline", "--allow-empty", "empty.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "encoding: UTF-8\n");
    let output = scratch.run(&["diff", "--allow-empty", "empty.txt", "good.txt", "--stat"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("ADD"), "{}", stdout(&output));
}

#[test]
fn a_50_mb_single_line_finishes() {
    let scratch = Scratch::new();
    let line = "resolves to take all possible measures ".repeat(50_000_000 / 39);
    scratch.write("long.txt", line.as_bytes());
    let output = scratch.run(&["outline", "long.txt"]);
    // Not broken, only long: one piece, read whole, nothing on stderr.
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let outline = stdout(&output);
    let pieces: Vec<_> = outline.lines().filter(|l| l.contains(": ")).skip(1).collect();
    assert_eq!(pieces.len(), 1, "{pieces:?}");
}

#[test]
fn stdout_on_a_full_disk() {
    let scratch = Scratch::new();
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["outline", "--format", "json", "good.txt"])
        .current_dir(scratch.dir.path())
        .stdout(full)
        .output()
        .unwrap();
    check_error(&output, &["<stdout>", "no space left on device"]);
}

#[test]
fn nothing_is_left_behind_by_a_failed_read() {
    let scratch = Scratch::new();
    scratch.run(&["outline", "absent.txt"]);
    assert_eq!(scratch.files(), ["good.txt"]);
}

/// Series folders for `redline batch`: `count` copies of the constructed
/// series of `fixtures/batch/alpha`, each a little different.
fn batch_input(scratch: &Scratch, count: usize) -> PathBuf {
    let input = scratch.path("series");
    let alpha = fixture("batch/alpha");
    for index in 0..count {
        let folder = input.join(format!("s{index:03}"));
        std::fs::create_dir_all(&folder).unwrap();
        for entry in std::fs::read_dir(&alpha).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap().repeat(20);
            std::fs::write(folder.join(path.file_name().unwrap()), format!("{text}\n{index}\n"))
                .unwrap();
        }
    }
    input
}

/// A file of a batch is complete: an HTML page that closes, JSON that parses.
fn check_complete(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("html") => assert!(text.trim_end().ends_with("</html>"), "{}", path.display()),
        Some("json") => {
            serde_json::from_str::<serde_json::Value>(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        }
        _ => {}
    }
}

/// Every file under `dir`, recursively.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for path in entries.map(|entry| entry.unwrap().path()) {
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files
}

#[test]
fn batch_interrupted_leaves_only_complete_files() {
    let scratch = Scratch::new();
    let input = batch_input(&scratch, 60);
    let out = scratch.path("out");
    // `env --default-signal=INT`: a test run in the background inherits
    // SIGINT ignored, and so would redline.
    let mut child = Command::new("env")
        .args(["--default-signal=INT", env!("CARGO_BIN_EXE_redline"), "batch"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--format", "html,json", "--jobs", "2"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(status.success() || status.code() == Some(130), "{status}");
    let files = walk(&out);
    let (temporary, finished): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|path| path.file_name().unwrap().to_string_lossy().starts_with(".redline-"));
    finished.iter().for_each(|path| check_complete(path));
    assert!(temporary.is_empty(), "unfinished temporary files left: {temporary:?}");
}

/// A small tmpfs mounted on a scratch folder (root only), unmounted on drop:
/// a disk that fills up.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(bytes: usize) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "mount tmpfs");
        SmallDisk { dir }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Two seeds as the old and new revisions of a series: a large redline.
fn seed_pair() -> [String; 2] {
    ["seeds/000_bb43a9d7ff8b3d18.txt", "seeds/003_7de8f70c8a456ba9.txt"]
        .map(|seed| fixture(seed).display().to_string())
}

#[test]
fn output_in_a_missing_directory() {
    let scratch = Scratch::new();
    let [old, new] = seed_pair();
    let output = scratch.run(&["series", &old, &new, "-o", "missing/out.html"]);
    check_error(&output, &["missing/out.html", "no such file or directory"]);
    assert_eq!(scratch.files(), ["good.txt"]);
}

#[test]
fn output_in_a_read_only_directory() {
    let scratch = Scratch::new();
    let locked = scratch.path("locked");
    std::fs::create_dir(&locked).unwrap();
    for dir in [scratch.dir.path(), &locked] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let [old, new] = seed_pair();
    let output =
        redline_unprivileged(scratch.dir.path(), &["series", &old, &new, "-o", "locked/out.html"]);
    check_error(&output, &["locked/out.html", "permission denied"]);
    assert!(std::fs::read_dir(&locked).unwrap().next().is_none(), "a file was left");
    std::fs::set_permissions(scratch.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn batch_output_in_a_read_only_directory() {
    let scratch = Scratch::new();
    std::fs::set_permissions(scratch.dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let input = fixture("batch").display().to_string();
    let output = redline_unprivileged(scratch.dir.path(), &["batch", &input, "-o", "out"]);
    check_error(&output, &["out", "permission denied"]);
    std::fs::set_permissions(scratch.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(scratch.files(), ["good.txt"]);
}

#[test]
fn output_on_a_full_disk() {
    if !is_root() {
        // Mounting a small tmpfs needs root; `stdout_on_a_full_disk` covers
        // the full disk for everyone through /dev/full.
        return;
    }
    let disk = SmallDisk::mount(16 * 1024);
    let [old, new] = seed_pair();
    let target = disk.dir.path().join("out.html");
    let target = target.display().to_string();
    let output = redline(&["series", &old, &new, "-o", &target]);
    check_error(&output, &["out.html", "no space left on device"]);
    let left: Vec<_> = std::fs::read_dir(disk.dir.path()).unwrap().collect();
    assert!(left.is_empty(), "files left on the full disk: {left:?}");
}

#[test]
fn diff_names_the_missing_revision() {
    let scratch = Scratch::new();
    let output = scratch.run(&["diff", "good.txt", "later.txt", "--format", "json"]);
    check_error(&output, &["later.txt", "no such file"]);
}

#[test]
fn diff_of_the_same_file_twice() {
    let scratch = Scratch::new();
    let output = scratch.run(&["diff", "good.txt", "good.txt", "--format", "json"]);
    check_error(&output, &["good.txt", "the same file given as both"]);
    let output = scratch.run(&["diff", "good.txt", "./good.txt", "-o", "out.json"]);
    check_error(&output, &["good.txt", "the same file given as both"]);
    assert_eq!(scratch.files(), ["good.txt"]);
}

#[test]
fn diff_of_two_files_with_the_same_text_is_no_error() {
    let scratch = Scratch::new();
    scratch.write("copy.txt", &std::fs::read(scratch.path("good.txt")).unwrap());
    let output = scratch.run(&["diff", "good.txt", "copy.txt", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("\"MOD\": 0"), "{}", stdout(&output));
}

#[test]
fn diff_output_in_a_missing_directory() {
    let scratch = Scratch::new();
    let other = fixture("seeds/001_c6d08fd8f7b644ff.txt");
    let output =
        scratch.run(&["diff", "good.txt", other.to_str().unwrap(), "-o", "nowhere/out.html"]);
    check_error(&output, &["nowhere/out.html", "no such file or directory"]);
    assert_eq!(scratch.files(), ["good.txt"]);
}

#[test]
fn diff_output_on_a_full_disk() {
    if !is_root() {
        // Mounting a small tmpfs needs root (see `output_on_a_full_disk`).
        return;
    }
    let disk = SmallDisk::mount(16 * 1024);
    let [old, new] = seed_pair();
    let target = disk.dir.path().join("out.html").display().to_string();
    let output = redline(&["diff", &old, &new, "-o", &target]);
    check_error(&output, &["out.html", "no space left on device"]);
    assert!(std::fs::read_dir(disk.dir.path()).unwrap().next().is_none(), "a file was left");
}

#[test]
fn diff_output_to_a_device_writes_into_the_device() {
    if !is_root() {
        // Making a device node needs root.
        return;
    }
    let scratch = Scratch::new();
    let null = scratch.path("null");
    let made = Command::new("mknod").arg(&null).args(["c", "1", "3"]).status().unwrap();
    assert!(made.success(), "mknod");
    let other = fixture("seeds/001_c6d08fd8f7b644ff.txt");
    let output = scratch.run(&[
        "diff",
        "good.txt",
        other.to_str().unwrap(),
        "-o",
        "null",
        "--format",
        "text",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let kind = std::fs::metadata(&null).unwrap().file_type();
    assert!(kind.is_char_device(), "the device was replaced: {kind:?}");
}

#[test]
fn accept_names_the_line_and_column_of_a_malformed_redline() {
    let scratch = Scratch::new();
    scratch.write("bad.txt", b"resolves\n\n1 to ~~take all\n");
    let output = scratch.run(&["accept", "bad.txt"]);
    check_error(&output, &["bad.txt:3:6", "never closed"]);
}

#[test]
fn reject_refuses_a_binary_file() {
    let scratch = Scratch::new();
    scratch.write("blob.bin", b"~~a~~\0");
    check_error(&scratch.run(&["reject", "blob.bin"]), &["blob.bin", "binary file"]);
}
