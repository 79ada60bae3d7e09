//! `govsite serve`, end to end: the real binary, real HTTP over TCP, real file edits.

mod common;
#[path = "common/http.rs"]
mod http;

use http::{request, try_request, Server, PATIENCE};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

/// The live-reload script's event path, as it appears in served pages.
const EVENTS: &str = "/tiny/__govsite/events";

/// The error overlay's element (the live-reload script names its id too, so match the tag).
const OVERLAY: &str = "<div id=\"govsite-overlay\"";

/// people.yaml of the minimal site with Alice renamed to `name`.
fn people(name: &str) -> String {
    common::MINIMAL
        .iter()
        .find(|(p, _)| *p == "governance/people.yaml")
        .map(|(_, text)| text.replace("Alice Zhang", name))
        .expect("people.yaml in MINIMAL")
}

/// The text of a fixture file in MINIMAL.
fn minimal(path: &str) -> &'static str {
    common::MINIMAL.iter().find(|(p, _)| *p == path).map(|(_, t)| *t).expect("file in MINIMAL")
}

/// Writes `text` to `root/path` the way many editors save: a temporary file beside it,
/// then a rename over the original.
fn save_by_rename(root: &Path, path: &str, temporary: &str, text: &str) {
    let target = root.join(path);
    let tmp = target.with_file_name(temporary);
    std::fs::write(&tmp, text).expect("write the temporary file");
    std::fs::rename(&tmp, &target).expect("rename over the original");
}

#[test]
fn serves_pages_assets_redirects_and_errors() {
    let site = common::site(&[(
        "content/wip.md",
        "---\ntitle: Work in progress\ndraft: true\n---\n\nNot published yet, but previewed.\n",
    )]);
    let server = Server::start(site.path());
    assert!(server.url.starts_with("http://127.0.0.1:"), "{}", server.url);
    assert_eq!(server.base, "/tiny/");

    let home = server.get("/tiny/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("Content-Type"), Some("text/html; charset=utf-8"));
    let text = home.text();
    assert!(text.contains("Tiny Community"), "{text}");
    assert!(text.contains(EVENTS), "no live-reload script in {text}");
    assert!(text.find(EVENTS) < text.rfind("</body>"), "the script is injected before </body>");

    let people = server.get("/tiny/people/");
    assert_eq!(people.status, 200);
    assert!(people.text().contains("Alice Zhang") && people.text().contains(EVENTS));

    // Drafts are shown by the preview.
    let draft = server.get("/tiny/wip/");
    assert_eq!(draft.status, 200, "a draft page is previewed");
    assert!(draft.text().contains("Not published yet"));

    // Redirects: to the base path, and to add a trailing slash.
    for (target, location) in [("/", "/tiny/"), ("/tiny", "/tiny/"), ("/tiny/people", "/tiny/people/")] {
        let r = server.get(target);
        assert_eq!(r.status, 302, "{target}");
        assert_eq!(r.header("Location"), Some(location), "{target}");
    }

    // A missing page: 404 with the site's own 404 page (live-reload script included).
    for target in ["/tiny/no-such-page/", "/tiny/nope.html", "/elsewhere/"] {
        let missing = server.get(target);
        assert_eq!(missing.status, 404, "{target}");
        assert_eq!(missing.header("Content-Type"), Some("text/html; charset=utf-8"), "{target}");
        let text = missing.text();
        assert!(text.contains("<title>Page not found · Tiny Community</title>"), "{target}: {text}");
        assert!(text.contains(EVENTS), "{target}");
    }

    // HEAD: the headers of GET, no body.
    let head = server.request("HEAD", "/tiny/people/");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert_eq!(head.header("Content-Length"), Some(people.body.len().to_string().as_str()));
    assert!(head.body.is_empty(), "HEAD sent a body: {:?}", head.text());
    let head_missing = server.request("HEAD", "/tiny/nope/");
    assert_eq!(head_missing.status, 404);
    assert!(head_missing.body.is_empty());

    // Only GET and HEAD.
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let r = server.request(method, "/tiny/");
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("Allow"), Some("GET, HEAD"), "{method}");
    }

    // Content types; only HTML pages get the script.
    for (target, content_type) in [
        ("/tiny/assets/govsite.css", "text/css; charset=utf-8"),
        ("/tiny/badge.svg", "image/svg+xml"),
        ("/tiny/governance.json", "application/json"),
        ("/tiny/sitemap.xml", "application/xml"),
        ("/tiny/robots.txt", "text/plain; charset=utf-8"),
    ] {
        let r = server.get(target);
        assert_eq!(r.status, 200, "{target}");
        assert_eq!(r.header("Content-Type"), Some(content_type), "{target}");
        assert!(!r.body.is_empty(), "{target}");
        assert!(!r.text().contains("__govsite"), "{target} got the live-reload script");
    }
    let json: serde_json::Value = serde_json::from_slice(&server.get("/tiny/governance.json").body).expect("JSON");
    assert!(json.is_object());
}

#[test]
fn no_request_leaves_the_build() {
    const MARKER: &str = "site-yaml-marker-5b1f";
    const SECRET: &str = "TOP-SECRET-4d2c9a-do-not-serve";
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, SECRET).expect("write the secret");
    let site_yaml = format!("# {MARKER}\n{}", minimal("site.yaml"));
    let site = common::site(&[
        ("site.yaml", &site_yaml),
        ("static/ok.txt", "an ordinary static file\n"),
        ("public/index.html", "<p>stale build output</p>"),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(&secret, site.path().join("public/leak")).expect("link in public/");
        symlink(&secret, site.path().join("static/leak2")).expect("link in static/");
        symlink(outside.path(), site.path().join("static/outside-folder")).expect("folder link in static/");
        // A link that stays inside the site is the author's business and still served.
        symlink(site.path().join("static/ok.txt"), site.path().join("static/ok-link.txt")).expect("inner link");
    }
    let server = Server::start(site.path());

    let ok = server.get("/tiny/ok.txt");
    assert_eq!(ok.status, 200);
    assert_eq!(ok.text(), "an ordinary static file\n");

    let mut targets = vec![
        "/tiny/../site.yaml",
        "/tiny/%2e%2e/site.yaml",
        "/tiny/%2E%2E/site.yaml",
        "/tiny/%2E%2E%2Fsite.yaml",
        "/tiny/..%2fsite.yaml",
        "/tiny/..%2Fsite.yaml",
        "/tiny/..%5csite.yaml",
        "/tiny/..\\site.yaml",
        "/tiny/.%2e/site.yaml",
        "/tiny/%2e%2e%2f%2e%2e%2fsite.yaml",
        "/tiny/people/../../site.yaml",
        "/tiny/./../site.yaml",
        "/../site.yaml",
        "/site.yaml",
        "/tiny/site.yaml",
        "/tiny/governance/people.yaml",
        "/governance/people.yaml",
        "/etc/passwd",
        "//etc/passwd",
        "/tiny//etc/passwd",
        "/tiny/%2fetc%2fpasswd",
        "/tiny/../../../../../../etc/passwd",
        "/tiny/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/tiny/C:/Windows/win.ini",
        "/tiny/%00",
        "/tiny/index.html%00.txt",
        "/tiny/%zz",
        "/tiny/leak",
        "/tiny/public/leak",
        "/public/leak",
        "/tiny/leak2",
        "/tiny/static/leak2",
        "/tiny/outside-folder/secret.txt",
    ];
    let secret_path = format!("/tiny/{}", secret.display());
    targets.push(&secret_path);
    for target in &targets {
        for method in ["GET", "HEAD"] {
            let r = server.request(method, target);
            assert!(
                r.status == 400 || r.status == 404,
                "{method} {target} answered {} (expected 400 or 404): {}",
                r.status,
                r.text()
            );
            let text = r.text();
            for leak in [SECRET, MARKER, "root:x:0", "name: Alice Zhang", "stale build output"] {
                assert!(!text.contains(leak), "{method} {target} leaked {leak:?}: {text}");
            }
        }
    }

    // The static link out of the site is skipped with a warning, the inner one kept.
    #[cfg(unix)]
    {
        assert!(server.log().contains("files/outside-link"), "no warning in:\n{}", server.log());
        let inner = server.get("/tiny/ok-link.txt");
        assert_eq!(inner.status, 200, "a link inside the site is served");
    }
    // No response anywhere carries the secret (sitemap, search index, governance.json…).
    for target in ["/tiny/", "/tiny/sitemap.xml", "/tiny/governance.json", "/tiny/robots.txt", "/tiny/ok.txt"] {
        assert!(!server.get(target).text().contains(SECRET), "{target}");
    }
    drop(server);

    // `build` publishes no file from outside the site either.
    let out = tempfile::tempdir().expect("temp dir");
    let out = out.path().join("public");
    let built = common::build(site.path(), &out);
    assert!(built.status.success(), "{}", common::stderr(&built));
    assert!(!out.join("leak2").exists() && !out.join("outside-folder").exists());
    for (path, bytes) in common::snapshot(&out) {
        assert!(!String::from_utf8_lossy(&bytes).contains(SECRET), "{} leaked the secret", path.display());
    }
    #[cfg(unix)]
    assert!(common::stderr(&built).contains("files/outside-link"), "{}", common::stderr(&built));
}

#[test]
fn an_edit_reloads_open_pages() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let mut events = server.events();
    assert!(server.get("/tiny/people/").text().contains("Alice Zhang"));

    let saved = Instant::now();
    common::write(site.path(), "governance/people.yaml", &people("Alicia Renamed"));
    events.expect_reload_until(|| server.get("/tiny/people/").text().contains("Alicia Renamed"));
    assert!(saved.elapsed() < PATIENCE);
    let page = server.get("/tiny/people/").text();
    assert!(!page.contains("Alice Zhang"), "the old name is gone");
    assert!(!page.contains(OVERLAY));

    // A second stream sees the next edit too; editor temporaries alone rebuild nothing.
    let mut second = server.events();
    common::write(site.path(), "governance/.people.yaml.swp", "not yaml at all: [");
    common::write(site.path(), "governance/people.yaml~", "not yaml at all: [");
    common::write(site.path(), "governance/people.yaml", &people("Alicia Again"));
    second.expect_reload_until(|| server.get("/tiny/people/").text().contains("Alicia Again"));
    events.expect_reload_until(|| true);
    assert!(!server.get("/tiny/people/").text().contains(OVERLAY), "swap files are not read");
}

#[test]
fn the_polling_watcher_sees_edits_too() {
    let site = common::site(&[]);
    let server = Server::start_with(site.path(), &["--poll"]);
    let mut events = server.events();
    common::write(site.path(), "governance/people.yaml", &people("Polly Polled"));
    events.expect_reload_until(|| server.get("/tiny/people/").text().contains("Polly Polled"));
    save_by_rename(site.path(), "governance/people.yaml", ".people.yaml.tmp9", &people("Polly Renamed"));
    events.expect_reload_until(|| server.get("/tiny/people/").text().contains("Polly Renamed"));
}

#[test]
fn a_portfolio_is_served_and_follows_edits_in_its_projects() {
    let dir = common::portfolio(&[]);
    let server = Server::start(dir.path());
    assert!(server.get("/ospo/").text().contains("href=\"/ospo/alpha/\""), "the projects page");
    assert!(server.get("/ospo/beta/people/").text().contains("Alice Zhang"));
    let mut events = server.events();
    common::write(&dir.path().join("projects/beta"), "governance/people.yaml", &people("Alicia Portfolio"));
    events.expect_reload_until(|| server.get("/ospo/beta/people/").text().contains("Alicia Portfolio"));
}

#[test]
fn atomic_saves_by_rename_are_caught() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let mut events = server.events();

    let roles = minimal("governance/roles.yaml").replace("Keeps the project healthy.", "Tends the tiny garden.");
    save_by_rename(site.path(), "governance/roles.yaml", ".roles.yaml.tmp123", &roles);
    events.expect_reload_until(|| server.get("/tiny/roles/").text().contains("Tends the tiny garden."));
    assert!(!site.path().join("governance/.roles.yaml.tmp123").exists());

    // site.yaml lives in the site folder itself.
    let config = minimal("site.yaml").replace("title: Tiny Community", "title: Tiny Renamed Community");
    save_by_rename(site.path(), "site.yaml", ".site.yaml.tmp123", &config);
    events.expect_reload_until(|| server.get("/tiny/").text().contains("Tiny Renamed Community"));
    assert!(server.get("/tiny/people/").text().contains("<title>People · Tiny Renamed Community</title>"));

    // Twice in a row on the same file: the watcher still follows the new inode.
    let roles = roles.replace("Tends the tiny garden.", "Waters the tiny garden.");
    save_by_rename(site.path(), "governance/roles.yaml", "roles.yaml.tmp.42", &roles);
    events.expect_reload_until(|| server.get("/tiny/roles/").text().contains("Waters the tiny garden."));
}

#[test]
fn a_broken_edit_shows_the_overlay_until_fixed() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let mut events = server.events();

    common::write(site.path(), "governance/people.yaml", "people:\n  - id: alice\n    name: [Alice\n");
    let problem = events.expect("problem");
    assert!(problem.data.contains("yaml/syntax"), "{}", problem.data);
    assert!(problem.data.contains("people.yaml"), "{}", problem.data);
    let overlay: String = serde_json::from_str(&problem.data).expect("the problem is a JSON string");
    assert!(overlay.contains(OVERLAY), "{overlay}");

    // The last good build is still served, with the overlay in every page.
    for target in ["/tiny/people/", "/tiny/", "/tiny/missing/"] {
        let r = server.get(target);
        assert_eq!(r.status, if target == "/tiny/missing/" { 404 } else { 200 }, "{target}");
        let text = r.text();
        assert!(text.contains(OVERLAY), "{target}: no overlay");
        assert!(text.contains("yaml/syntax"), "{target}: no rule in the overlay");
        assert!(text.contains("people.yaml"), "{target}: no file in the overlay");
        assert!(text.contains(EVENTS), "{target}");
    }
    assert!(server.get("/tiny/people/").text().contains("Alice Zhang"), "the last good content");
    assert!(!server.get("/tiny/governance.json").text().contains(OVERLAY));
    // A page opened now learns about the problem at once.
    let mut late = server.events();
    let first = late.expect("problem");
    assert!(first.data.contains("yaml/syntax"));

    common::write(site.path(), "governance/people.yaml", &people("Alice Fixed"));
    events.expect_reload_until(|| server.get("/tiny/people/").text().contains("Alice Fixed"));
    late.expect_reload_until(|| true);
    for target in ["/tiny/people/", "/tiny/"] {
        let text = server.get(target).text();
        assert!(!text.contains(OVERLAY), "{target}: the overlay stayed");
        assert!(text.contains(EVENTS), "{target}");
    }
}

#[test]
fn requests_during_rebuilds_are_all_answered() {
    const CLIENTS: usize = 120;
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let addr = server.addr;
    let mut events = server.events();
    let done = Arc::new(AtomicBool::new(false));
    let start = Arc::new(Barrier::new(CLIENTS + 1));
    let targets = ["/tiny/", "/tiny/people/", "/tiny/roles/", "/tiny/assets/govsite.css", "/tiny/badge.svg"];
    let clients: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let (done, start) = (Arc::clone(&done), Arc::clone(&start));
            let target = targets[i % targets.len()];
            std::thread::spawn(move || {
                start.wait();
                let mut answers = Vec::new();
                // At least one request each, then keep asking until the edits are over.
                loop {
                    answers.push(match try_request(addr, "GET", target) {
                        Ok(r) => Ok(r.status),
                        Err(e) => Err(e.to_string()),
                    });
                    if done.load(Ordering::SeqCst) {
                        return answers;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
        })
        .collect();
    start.wait();
    for round in 1..=4 {
        let name = format!("Alice Round {round}");
        common::write(site.path(), "governance/people.yaml", &people(&name));
        events.expect_reload_until(|| request(addr, "GET", "/tiny/people/").text().contains(&name));
    }
    done.store(true, Ordering::SeqCst);
    let mut total = 0;
    for (i, client) in clients.into_iter().enumerate() {
        let answers = client.join().expect("client thread");
        assert!(!answers.is_empty());
        for answer in answers {
            assert_eq!(answer, Ok(200), "client {i} ({})", targets[i % targets.len()]);
            total += 1;
        }
    }
    assert!(total >= CLIENTS);
    assert!(server.get("/tiny/people/").text().contains("Alice Round 4"));
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a port");
    let port = taken.local_addr().expect("its address").port().to_string();
    let site = common::site(&[]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["serve", &site.path().to_string_lossy(), "--port", &port])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start govsite serve");
    let deadline = Instant::now() + PATIENCE;
    while child.try_wait().expect("poll the child").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("govsite serve kept running on a port in use");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("its output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: cannot listen on 127.0.0.1:"), "{stderr}");
    assert!(first.contains(&port), "the port is named: {stderr}");
    assert!(stderr.contains("--port 0"), "a hint: {stderr}");
    assert!(!stderr.contains("Serving"), "{stderr}");
    drop(taken);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = common::site(&[]);
    let mut server = Server::start(site.path());
    let _events = server.events();
    assert_eq!(server.get("/tiny/").status, 200);
    let pid = server.pid().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().expect("run kill");
    assert!(sent.success());
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = server.exited() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "{}", server.log());
    assert!(!server.log().contains("panicked"), "{}", server.log());
}
