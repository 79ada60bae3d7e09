//! `govsite init`: every template scaffolds a site that checks clean and builds, nothing is
//! ever overwritten, and the GitHub Pages workflow is valid YAML with what Pages needs.
//! Runs the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TEMPLATES: [&str; 2] = ["minimal", "cncf"];
const WORKFLOW: &str = ".github/workflows/governance.yml";

fn govsite(args: &[&str]) -> Output {
    govsite_in(None, args)
}

fn govsite_in(cwd: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_govsite"));
    command.args(args).env("NO_COLOR", "1");
    if let Some(dir) = cwd {
        command.current_dir(dir);
    }
    command.output().expect("run govsite")
}

/// stdout and stderr together.
fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn s(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// `govsite init DIR --template T`, which must succeed.
fn init(dir: &Path, template: &str) -> Output {
    let output = govsite(&["init", &s(dir), "--template", template]);
    assert_eq!(output.status.code(), Some(0), "init --template {template}:\n{}", text(&output));
    output
}

/// Every file under `root` with its bytes, sorted.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).expect("inside root").to_path_buf();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_template_checks_without_a_warning_and_builds() {
    for template in TEMPLATES {
        let tmp = tempfile::tempdir().expect("temp dir");
        // A folder that does not exist yet: init creates it.
        let site = tmp.path().join("new").join("governance-site");
        let output = init(&site, template);
        let report = text(&output);
        for expected in
            ["site.yaml", "governance/ladder.yaml", WORKFLOW, "govsite serve", "Settings → Pages", "GitHub Actions"]
        {
            assert!(report.contains(expected), "{template}: the report lacks `{expected}`:\n{report}");
        }

        let check = govsite(&["check", &s(&site)]);
        let said = text(&check);
        assert_eq!(check.status.code(), Some(0), "{template}: check failed:\n{said}");
        assert!(!said.contains("warning[") && !said.contains("error["), "{template}: check found problems:\n{said}");
        assert!(said.contains("no problems"), "{template}:\n{said}");

        let json = govsite(&["check", &s(&site), "--format", "json"]);
        let verdict: serde_json::Value = serde_json::from_slice(&json.stdout).expect("check --format json prints JSON");
        assert_eq!(verdict["diagnostics"], serde_json::json!([]), "{template}: {verdict}");

        let out = tmp.path().join("out");
        let build = govsite(&["build", &s(&site), "--output", &s(&out)]);
        assert_eq!(build.status.code(), Some(0), "{template}: build failed:\n{}", text(&build));
        assert!(out.join("index.html").is_file(), "{template}: no index.html");
        for page in ["charter", "people", "roles", "ladder", "code-of-conduct", "security", "contributing"] {
            assert!(out.join(page).join("index.html").is_file(), "{template}: no {page}/index.html");
        }
        if template == "cncf" {
            for page in ["groups", "decisions"] {
                assert!(out.join(page).join("index.html").is_file(), "cncf: no {page}/index.html");
            }
            let home = std::fs::read_to_string(out.join("index.html")).expect("home page");
            assert!(home.contains("cncf-sandbox"), "cncf: the home page names the profile");
        }
    }
}

#[test]
fn templates_hold_no_placeholders_even_when_placeholders_are_errors() {
    for template in TEMPLATES {
        let tmp = tempfile::tempdir().expect("temp dir");
        init(tmp.path(), template);
        // The strictest CNCF profile makes text/placeholder an error.
        let check = govsite(&["check", &s(tmp.path()), "--profile", "cncf-graduated"]);
        assert_eq!(check.status.code(), Some(0), "{template}:\n{}", text(&check));
        assert!(!text(&check).contains("text/placeholder"), "{template}:\n{}", text(&check));
    }
}

#[test]
fn init_twice_refuses_and_leaves_every_file_as_it_was() {
    for template in TEMPLATES {
        let tmp = tempfile::tempdir().expect("temp dir");
        init(tmp.path(), template);
        // The user edits a file between the two runs.
        let people = tmp.path().join("governance/people.yaml");
        let edited = std::fs::read_to_string(&people).expect("people.yaml").replace("Ada Example", "Ada Lovelace");
        std::fs::write(&people, edited).expect("edit");
        let before = snapshot(tmp.path());

        for again in TEMPLATES {
            let second = govsite(&["init", &s(tmp.path()), "--template", again]);
            let said = text(&second);
            assert_eq!(second.status.code(), Some(2), "{template} then {again}: init must refuse:\n{said}");
            assert!(said.contains("site.yaml") && said.contains("people.yaml"), "names the files:\n{said}");
            assert!(said.contains("nothing was written"), "{said}");
            assert_eq!(snapshot(tmp.path()), before, "{template} then {again}: files changed");
        }
    }
}

#[test]
fn one_existing_file_is_enough_to_write_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mine = tmp.path().join("content/contributing.md");
    std::fs::create_dir_all(mine.parent().expect("parent")).expect("mkdir");
    std::fs::write(&mine, "---\ntitle: Ours\n---\nOur own guide.\n").expect("write");
    let before = snapshot(tmp.path());

    let output = govsite(&["init", &s(tmp.path())]);
    let said = text(&output);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("contributing.md"), "{said}");
    assert!(!said.contains("site.yaml"), "only the existing file is named:\n{said}");
    assert_eq!(snapshot(tmp.path()), before);
    assert!(!tmp.path().join("site.yaml").exists() && !tmp.path().join("governance").exists());
}

#[test]
fn defaults_are_the_current_folder_and_the_minimal_template() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let output = govsite_in(Some(tmp.path()), &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(tmp.path().join("site.yaml").is_file());
    assert!(tmp.path().join("static/.gitkeep").is_file());
    assert!(!tmp.path().join("governance/groups.yaml").exists(), "minimal has no groups");
    let check = govsite_in(Some(tmp.path()), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
}

#[test]
fn an_unknown_template_is_a_usage_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let output = govsite(&["init", &s(tmp.path()), "--template", "apache"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("minimal") && text(&output).contains("cncf"), "{}", text(&output));
    assert!(snapshot(tmp.path()).is_empty());
}

fn workflow_of(template: &str) -> (String, serde_yaml::Value) {
    let tmp = tempfile::tempdir().expect("temp dir");
    // The root of a repository, whatever folder the temporary one sits in.
    std::fs::create_dir(tmp.path().join(".git")).expect("a repository");
    init(tmp.path(), template);
    let text = std::fs::read_to_string(tmp.path().join(WORKFLOW)).expect("the workflow exists");
    let yaml =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{template}: the workflow is not YAML: {e}\n{text}"));
    (text, yaml)
}

/// The step of `job` that uses `action` (`actions/deploy-pages`).
fn step<'a>(yaml: &'a serde_yaml::Value, job: &str, action: &str) -> &'a serde_yaml::Value {
    yaml["jobs"][job]["steps"]
        .as_sequence()
        .unwrap_or_else(|| panic!("job `{job}` has steps"))
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(&format!("{action}@"))))
        .unwrap_or_else(|| panic!("job `{job}` uses {action}"))
}

#[test]
fn the_workflow_checks_pull_requests_and_deploys_to_pages() {
    for template in TEMPLATES {
        let (text, yaml) = workflow_of(template);
        for expected in [
            "pages: write",
            "id-token: write",
            "actions/deploy-pages@v4",
            "actions/configure-pages@v5",
            "actions/upload-pages-artifact@v3",
            "govsite check \"$SITE_DIR\" --format github",
            "--base-url \"${{ steps.pages.outputs.base_url }}/\"",
            "cargo install govsite --locked --version",
        ] {
            assert!(text.contains(expected), "{template}: the workflow lacks `{expected}`");
        }
        let version = format!("GOVSITE_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"));
        assert!(text.contains(&version), "{template}: pins this version of govsite");
        assert!(text.contains("SITE_DIR: \".\""), "{template}: the site is at the repository root");

        // Triggers: pull requests, and pushes to the default branch.
        let on = &yaml["on"];
        assert!(on.get("pull_request").is_some(), "{template}: runs on pull requests");
        assert!(on["push"]["branches"].as_sequence().is_some_and(|b| !b.is_empty()), "{template}: deploys on push");

        // Checking: on every event; building and uploading only outside pull requests.
        let check = &yaml["jobs"]["check"];
        let steps = check["steps"].as_sequence().expect("check steps");
        let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
        assert!(runs.iter().any(|r| r.contains("govsite check") && r.contains("--format github")));
        let build = steps
            .iter()
            .find(|s| s["run"].as_str().is_some_and(|r| r.contains("govsite build")))
            .expect("a build step");
        assert!(build["if"].as_str().is_some_and(|c| c.contains("pull_request")), "build is skipped on PRs");
        let pages = step(&yaml, "check", "actions/configure-pages");
        assert_eq!(pages["id"].as_str(), Some("pages"));
        let upload = step(&yaml, "check", "actions/upload-pages-artifact");
        assert!(upload["with"]["path"].as_str().is_some_and(|p| p.ends_with("public")));

        // Deploying: its own job, with the Pages permissions, environment and concurrency.
        let deploy = &yaml["jobs"]["deploy"];
        assert_eq!(deploy["needs"].as_str(), Some("check"));
        assert!(deploy["if"].as_str().is_some_and(|c| c.contains("pull_request")));
        let permissions = &deploy["permissions"];
        assert_eq!(permissions["pages"].as_str(), Some("write"));
        assert_eq!(permissions["id-token"].as_str(), Some("write"));
        assert_eq!(permissions["contents"].as_str(), Some("read"));
        assert_eq!(deploy["environment"]["name"].as_str(), Some("github-pages"));
        assert!(deploy["environment"]["url"].as_str().is_some_and(|u| u.contains("page_url")));
        assert_eq!(deploy["concurrency"]["group"].as_str(), Some("pages"));
        assert_eq!(step(&yaml, "deploy", "actions/deploy-pages")["id"].as_str(), Some("deployment"));
        // Nothing else may write.
        assert_eq!(yaml["permissions"]["contents"].as_str(), Some("read"));
        assert!(yaml["permissions"].get("pages").is_none());
    }
}

#[test]
fn a_site_in_a_repository_subfolder_gets_its_path_in_the_workflow() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join(".git")).expect("a repository");
    let site = tmp.path().join("docs").join("governance");
    let output = init(&site, "minimal");
    let report = text(&output);
    assert!(report.contains("move"), "the report says to move the workflow:\n{report}");

    let workflow = std::fs::read_to_string(site.join(WORKFLOW)).expect("workflow");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&workflow).expect("YAML");
    assert_eq!(yaml["env"]["SITE_DIR"].as_str(), Some("docs/governance"));
    assert_eq!(
        step(&yaml, "check", "actions/upload-pages-artifact")["with"]["path"].as_str(),
        Some("${{ env.SITE_DIR }}/public")
    );

    // At the repository's root, nothing needs moving.
    let root = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(root.path().join(".git")).expect("a repository");
    let output = init(root.path(), "cncf");
    assert!(!text(&output).contains("move"), "{}", text(&output));
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.path().join(WORKFLOW)).expect("workflow")).expect("YAML");
    assert_eq!(yaml["env"]["SITE_DIR"].as_str(), Some("."));
}
