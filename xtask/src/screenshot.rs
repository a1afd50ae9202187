//! `cargo xtask screenshot [CASE]`: a PNG of a fixture's HTML redline, taken
//! with headless Chromium, in `target/screenshots/`.

/// Renders `fixtures/render/<case>` (or `fixtures/diff/<case>`, `fixtures/<case>`)
/// as HTML with DL/23's header block and takes a PNG of it with headless Chromium.
pub fn run(args: &[String]) -> Result<(), String> {
    let case = args.first().map_or("dl23", String::as_str);
    let dir = ["fixtures/render", "fixtures/diff", "fixtures"]
        .iter()
        .map(|group| format!("{group}/{case}"))
        .find(|dir| std::path::Path::new(dir).join("old.txt").exists())
        .ok_or_else(|| format!("no fixture {case:?} with old.txt and new.txt"))?;
    let out = std::env::current_dir().map_err(|e| e.to_string())?.join("target/screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let name = case.replace('/', "-");
    let (html, png) = (out.join(format!("{name}.html")), out.join(format!("{name}.png")));
    let (old, new) = (format!("{dir}/old.txt"), format!("{dir}/new.txt"));
    let html_arg = html.display().to_string();
    let header = [
        "--doc-number=DL/23-E (Rev.2)",
        "--date=31 October 2014",
        "--origin=English",
        "--committee=WORKING GROUP OF THE PLENARY",
        "--status=WORK IN PROGRESS",
        "--proposal=WGPL/23/1",
    ];
    let mut diff = vec!["run", "--quiet", "--", "diff", &old, &new, "--format", "html"];
    diff.extend(header);
    diff.extend(["-o", &html_arg]);
    super::run("cargo", &diff)?;
    let profile = std::env::temp_dir().join(format!("redline-screenshot-{}", std::process::id()));
    let result = super::run(
        "chromium",
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
            "--window-size=1000,2000",
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", html.display()),
        ],
    );
    let _ = std::fs::remove_dir_all(&profile);
    result?;
    eprintln!("wrote {}", png.display());
    Ok(())
}
