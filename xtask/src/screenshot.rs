//! `cargo xtask screenshot [CASE] [--print] [--phone]`: PNGs of a fixture's
//! HTML redline taken with headless Chromium (and the A4 PDF), in
//! `target/screenshots/`.

use super::run_with;
use std::process::Command;

/// The old and new revision of a screenshot case: `res140` is the DL/23
/// redline (the first two revisions of `fixtures/res140/`); any other case is
/// `fixtures/render/<case>` (or `fixtures/diff/<case>`, `fixtures/<case>`)
/// with `old.txt` and `new.txt`, or a series folder (`languages/ar`): its
/// first two revisions.
fn case_pair(case: &str) -> Result<(String, String), String> {
    if case == "res140" {
        let dir = "fixtures/res140";
        let old = format!("{dir}/01-guadalajara-2010.txt");
        return Ok((old, format!("{dir}/02-busan-2014-dl23-rev2.txt")));
    }
    ["fixtures/render", "fixtures/diff", "fixtures"]
        .iter()
        .find_map(|group| revision_pair(&format!("{group}/{case}")))
        .ok_or_else(|| format!("no fixture {case:?} with old.txt and new.txt, or revisions"))
}

/// The old and new revisions of a fixture folder: `old.txt` and `new.txt`,
/// or the first two `.txt` files in name order.
fn revision_pair(dir: &str) -> Option<(String, String)> {
    let path = std::path::Path::new(dir);
    if path.join("old.txt").exists() {
        return Some((format!("{dir}/old.txt"), format!("{dir}/new.txt")));
    }
    let mut texts: Vec<String> = std::fs::read_dir(path)
        .ok()?
        .filter_map(|entry| entry.ok()?.path().to_str().map(str::to_string))
        .filter(|name| name.ends_with(".txt"))
        .collect();
    texts.sort();
    let mut texts = texts.into_iter();
    Some((texts.next()?, texts.next()?))
}

/// Renders a case as HTML with DL/23's header block and takes a PNG of it
/// with headless Chromium; `--print` also prints it to PDF on A4 and takes a
/// PNG of its first two pages (poppler's `pdftoppm`), `--phone` a PNG 390
/// pixels wide.
pub fn run(args: &[String]) -> Result<(), String> {
    let case = args.iter().find(|arg| !arg.starts_with("--")).map_or("res140", String::as_str);
    let (old, new) = case_pair(case)?;
    let out = std::env::current_dir().map_err(|e| e.to_string())?.join("target/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let name = case.replace('/', "-");
    let (html, png) = (out.join(format!("{name}.html")), out.join(format!("{name}.png")));
    let html_arg = html.display().to_string();
    let header = [
        "--doc-number=DL/23-E (Rev.2)",
        "--date=31 October 2014",
        "--origin=English",
        "--committee=WORKING GROUP OF THE PLENARY",
        "--draft-title=DRAFT RESOLUTION 140",
        "--status=WORK IN PROGRESS",
        "--proposal=WGPL/23/1",
    ];
    let mut diff = vec!["run", "--quiet", "--", "diff", &old, &new, "--format", "html"];
    diff.extend(header);
    diff.extend(["-o", &html_arg]);
    super::run("cargo", &diff)?;
    let page = format!("file://{}", html.display());
    chromium(&[
        "--window-size=1000,2000".into(),
        format!("--screenshot={}", png.display()),
        page.clone(),
    ])?;
    eprintln!("wrote {}", png.display());
    if args.iter().any(|arg| arg == "--phone") {
        let phone = out.join(format!("{name}-phone.png"));
        chromium(&[
            "--window-size=390,1600".into(),
            format!("--screenshot={}", phone.display()),
            page.clone(),
        ])?;
        eprintln!("wrote {}", phone.display());
    }
    if args.iter().any(|arg| arg == "--print") {
        let pdf = out.join(format!("{name}.pdf"));
        chromium(&[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            page,
        ])?;
        let pages = out.join(format!("{name}-page"));
        let (pdf_arg, pages_arg) = (pdf.display().to_string(), pages.display().to_string());
        super::run("pdftoppm", &["-png", "-r", "72", "-f", "1", "-l", "2", &pdf_arg, &pages_arg])?;
        eprintln!("wrote {} and {}-*.png (pages 1 and 2)", pdf.display(), pages.display());
    }
    Ok(())
}

/// Runs headless Chromium with a profile of its own, removed afterwards.
fn chromium(args: &[String]) -> Result<(), String> {
    let profile = std::env::temp_dir().join(format!("redline-screenshot-{}", std::process::id()));
    let mut command = Command::new("chromium");
    command
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        .args(["--disable-background-networking", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args);
    let result = run_with(&mut command);
    let _ = std::fs::remove_dir_all(&profile);
    result
}
