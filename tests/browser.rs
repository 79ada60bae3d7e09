//! Browser tests: the real `govsite` binary, driven through headless Chromium by the Node
//! scripts in `tests/browser/` (playwright-core, axe-core and the Nu HTML checker).
//!
//! - `live_reload_*`: `govsite serve` on a copy of example-site; edits show up in the open page,
//!   a broken edit shows the error overlay, the fix removes it (`live-reload.mjs`).
//! - `default_theme_*`: `govsite build` of example-site, every page checked for accessibility,
//!   layout, foreign requests, no-JS, print and HTML validity, and the screenshots of
//!   `docs/screenshots/` taken (`theme.mjs`).
//!
//! They need `/usr/bin/chromium` (or `GOVSITE_CHROMIUM`), `node`, `java` (for the HTML checker)
//! and `npm ci --prefix tests/browser`. Without them each test prints why and skips, unless
//! `GOVSITE_REQUIRE_BROWSER=1` (set by `.ci/run`), where a missing piece fails the test.
//! `GOVSITE_SCREENSHOTS=0` leaves `docs/screenshots/` alone.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest a script may run before the test kills it and fails.
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(480);

/// One browser at a time: the machine is small and live reload is timing-sensitive.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scripts() -> PathBuf {
    repo().join("tests").join("browser")
}

fn chromium() -> String {
    std::env::var("GOVSITE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// What keeps the browser tests from running here, if anything.
fn missing(needs_java: bool) -> Option<String> {
    let chromium = chromium();
    if !Path::new(&chromium).is_file() {
        return Some(format!("{chromium} not installed (apt-get install chromium)"));
    }
    if !runs("node", "--version") {
        return Some("node not installed (apt-get install nodejs npm)".into());
    }
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        if !scripts().join("node_modules").join(package).join("package.json").is_file() {
            return Some(format!("tests/browser/node_modules/{package} missing: run npm ci --prefix tests/browser"));
        }
    }
    if needs_java && !runs(&std::env::var("GOVSITE_JAVA").unwrap_or_else(|_| "java".into()), "-version") {
        return Some("java not installed, needed by the Nu HTML checker (apt-get install default-jre-headless)".into());
    }
    None
}

/// True when the test can run. Otherwise prints why and returns false (skip), or panics when
/// `GOVSITE_REQUIRE_BROWSER=1` asks for the browser tests to run.
fn ready(test: &str, needs_java: bool) -> bool {
    let Some(reason) = missing(needs_java) else { return true };
    if std::env::var("GOVSITE_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("{test}: {reason}; GOVSITE_REQUIRE_BROWSER=1 requires the browser tests to run");
    }
    // Straight to stderr, past the test harness's capture, so the skip is seen.
    let _ = writeln!(std::io::stderr(), "{test} skipped: {reason}");
    false
}

/// Runs `node tests/browser/<script> <args>` from the repository, printing its output;
/// returns its status and output. Killed after `SCRIPT_TIMEOUT`.
fn node(script: &str, args: &[&str]) -> (ExitStatus, String) {
    let started = Instant::now();
    let mut child = Command::new("node")
        .arg(scripts().join(script))
        .args(args)
        .current_dir(repo())
        .env("GOVSITE_CHROMIUM", chromium())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run node {script}: {e}"));
    let output = Arc::new(Mutex::new(String::new()));
    let readers: Vec<_> = [
        Box::new(child.stdout.take().expect("stdout")) as Box<dyn Read + Send>,
        Box::new(child.stderr.take().expect("stderr")),
    ]
    .into_iter()
    .map(|pipe| {
        let output = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut out = output.lock().unwrap_or_else(|p| p.into_inner());
                out.push_str(&line);
                out.push('\n');
            }
        })
    })
    .collect();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break status;
        }
        if started.elapsed() > SCRIPT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            let out = output.lock().unwrap_or_else(|p| p.into_inner()).clone();
            panic!("node {script} did not finish within {} s; its output:\n{out}", SCRIPT_TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    for reader in readers {
        let _ = reader.join();
    }
    let out = output.lock().unwrap_or_else(|p| p.into_inner()).clone();
    println!(
        "$ node tests/browser/{script} {}\n{out}(exit {status}, {:.1} s)",
        args.join(" "),
        started.elapsed().as_secs_f64()
    );
    (status, out)
}

/// A copy of example-site in a temporary folder (without a built `public/`).
fn copy_of_example_site() -> tempfile::TempDir {
    let from = repo().join("example-site");
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in walkdir::WalkDir::new(&from).min_depth(1) {
        let entry = entry.expect("read example-site");
        let rel = entry.path().strip_prefix(&from).expect("inside example-site");
        if rel.starts_with("public") {
            continue;
        }
        let to = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy file");
        }
    }
    dir
}

/// The path of example-site's `base_url` (`/lumen/`).
fn base_path(site: &Path) -> String {
    let yaml = std::fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
    let url = yaml
        .lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\''))
        .expect("base_url in site.yaml");
    let path = url.split("://").nth(1).and_then(|rest| rest.find('/').map(|i| &rest[i..])).unwrap_or("/");
    if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// A running `govsite serve`, stopped when dropped.
struct Serve {
    child: Child,
    log: Arc<Mutex<String>>,
    url: String,
}

impl Serve {
    fn start(site: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_govsite"))
            .arg("serve")
            .arg(site)
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start govsite serve");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let stderr = child.stderr.take().expect("stderr");
        let thread_log = Arc::clone(&log);
        // Reads the log to the end, so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                    if line.starts_with("Serving") {
                        let _ = tx.send(url.to_string());
                    }
                }
                let mut log = thread_log.lock().unwrap_or_else(|p| p.into_inner());
                log.push_str(&line);
                log.push('\n');
            }
        });
        let url = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_else(|_| {
            let _ = child.kill();
            let log = log.lock().unwrap_or_else(|p| p.into_inner()).clone();
            panic!("govsite serve printed no `Serving … at http://…` line within 60 s:\n{log}")
        });
        Serve { child, log, url }
    }

    fn log(&self) -> String {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn live_reload_shows_edits_and_the_error_overlay_in_an_open_page() {
    if !ready("live_reload_shows_edits_and_the_error_overlay_in_an_open_page", false) {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let site = copy_of_example_site();
    let serve = Serve::start(site.path());
    let site_arg = site.path().to_string_lossy().into_owned();
    let (status, _) = node("live-reload.mjs", &["--url", &serve.url, "--site", &site_arg]);
    println!("govsite serve's log:\n{}", serve.log());
    assert!(status.success(), "live-reload.mjs failed ({status}); its output and the server's log are above");
}

#[test]
fn default_theme_meets_the_quality_bars_on_every_page() {
    if !ready("default_theme_meets_the_quality_bars_on_every_page", true) {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let site = repo().join("example-site");
    let out = tempfile::tempdir().expect("temp dir");
    let public = out.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_govsite"))
        .arg("build")
        .arg(&site)
        .arg("--output")
        .arg(&public)
        .output()
        .expect("run govsite build");
    assert!(build.status.success(), "govsite build example-site failed:\n{}", String::from_utf8_lossy(&build.stderr));

    let shots = repo().join("docs").join("screenshots");
    let root = public.to_string_lossy().into_owned();
    let base = base_path(&site);
    let shots_arg = shots.to_string_lossy().into_owned();
    let mut args = vec!["--root", root.as_str(), "--base", base.as_str()];
    let take_shots = std::env::var("GOVSITE_SCREENSHOTS").map_or(true, |v| v != "0");
    if take_shots {
        args.extend(["--screenshots", shots_arg.as_str()]);
    }
    let (status, _) = node("theme.mjs", &args);
    assert!(status.success(), "theme.mjs found problems ({status}); each FAIL line above says what and where");

    if take_shots {
        for page in ["home", "ladder"] {
            for device in ["desktop", "mobile"] {
                for scheme in ["light", "dark"] {
                    let file = shots.join(format!("{page}-{device}-{scheme}.png"));
                    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{} is not a PNG", file.display());
                }
            }
        }
    }
}

#[test]
fn chinese_portal_has_no_english_interface_text() {
    if !ready("chinese_portal_has_no_english_interface_text", true) {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = tmp.path().join("site");
    let govsite = |args: &[&std::ffi::OsStr]| {
        let output = Command::new(env!("CARGO_BIN_EXE_govsite")).args(args).output().expect("run govsite");
        assert!(output.status.success(), "govsite {args:?}:\n{}", String::from_utf8_lossy(&output.stderr));
    };
    govsite(&["init".as_ref(), site.as_os_str(), "--language".as_ref(), "zh-CN".as_ref()]);
    std::fs::write(
        site.join("content").join("治理.md"),
        "---\ntitle: 治理说明\n---\n\n技术委员会负责\n社区的技术方向，撤销 SIG 须经委员会\n同意。维护者应在 3 个工作日内处理提交的PR。\n",
    )
    .expect("write a page");
    let public = tmp.path().join("public");
    govsite(&["build".as_ref(), site.as_os_str(), "--output".as_ref(), public.as_os_str()]);

    // The zh-CN messages (every plural form), and the English fragments that differ in Chinese.
    use govsite::model::locale::Message;
    let (Some(en), Some(zh)) = (govsite::i18n::bundled_messages("en"), govsite::i18n::bundled_messages("zh-CN")) else {
        panic!("no bundled locales")
    };
    let forms = |m: &Message| match m {
        Message::Text(t) => vec![t.clone()],
        Message::Plural(forms) => forms.values().cloned().collect(),
    };
    let chinese: Vec<String> = zh.values().flat_map(forms).collect();
    let english: Vec<String> = en
        .iter()
        .filter(|(key, m)| !key.starts_with("format.") && zh.get(*key) != Some(*m))
        .flat_map(|(_, m)| forms(m))
        .flat_map(|text| text.split(['{', '}']).step_by(2).map(|s| s.trim().to_string()).collect::<Vec<_>>())
        .filter(|f| f.chars().filter(char::is_ascii_alphabetic).count() >= 4)
        .filter(|f| f.contains(' ') || f.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|f| !matches!(f.as_str(), "govsite" | "governance.json" | "UTC" | "BDFL" | "Issue"))
        .collect();
    let strings = tmp.path().join("strings.json");
    let json = serde_json::json!({ "zh": chinese, "en": english });
    std::fs::write(&strings, json.to_string()).expect("write strings");
    let (status, _) = node(
        "chinese.mjs",
        &["--root", &public.to_string_lossy(), "--base", &base_path(&site), "--strings", &strings.to_string_lossy()],
    );
    assert!(status.success(), "chinese.mjs failed ({status}); its output is above");
}
