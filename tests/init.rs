//! `govsite init`: every template scaffolds a site that checks clean and builds, nothing is
//! ever overwritten, and the GitHub Pages workflow is valid YAML with what Pages needs.
//! Runs the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TEMPLATES: [&str; 2] = ["minimal", "cncf"];
const WORKFLOW: &str = ".github/workflows/governance.yml";
const PR_WORKFLOW: &str = ".github/workflows/governance-pr.yml";

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
    file_of(template, WORKFLOW)
}

fn file_of(template: &str, file: &str) -> (String, serde_yaml::Value) {
    let tmp = tempfile::tempdir().expect("temp dir");
    // The root of a repository, whatever folder the temporary one sits in.
    std::fs::create_dir(tmp.path().join(".git")).expect("a repository");
    init(tmp.path(), template);
    let text = std::fs::read_to_string(tmp.path().join(file)).expect("the workflow exists");
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

/// The step of `job` whose `run` contains `command`.
fn run_step<'a>(yaml: &'a serde_yaml::Value, job: &str, command: &str) -> &'a serde_yaml::Value {
    yaml["jobs"][job]["steps"]
        .as_sequence()
        .unwrap_or_else(|| panic!("job `{job}` has steps"))
        .iter()
        .find(|s| s["run"].as_str().is_some_and(|r| r.contains(command)))
        .unwrap_or_else(|| panic!("job `{job}` runs {command}"))
}

#[test]
fn the_pages_workflow_checks_and_deploys_pushes_to_the_default_branch() {
    let pinned = format!("govsite/govsite@v{}", env!("CARGO_PKG_VERSION"));
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
        ] {
            assert!(text.contains(expected), "{template}: the workflow lacks `{expected}`");
        }
        assert!(!text.contains("run: cargo install"), "{template}: installs with the action, not cargo");
        assert!(text.contains("SITE_DIR: \".\""), "{template}: the site is at the repository root");

        // Triggers: pushes to the default branch and manual runs; pull requests have their own workflow.
        let on = &yaml["on"];
        assert!(on.get("pull_request").is_none(), "{template}: pull requests are governance-pr.yml's");
        assert!(on["push"]["branches"].as_sequence().is_some_and(|b| !b.is_empty()), "{template}: deploys on push");
        assert!(on.get("workflow_dispatch").is_some());

        // govsite comes from the action, pinned to this release, before anything runs it.
        let check = &yaml["jobs"]["check"];
        let steps = check["steps"].as_sequence().expect("check steps");
        let install = steps.iter().position(|s| s["uses"].as_str() == Some(pinned.as_str())).expect("the action");
        let first_run =
            steps.iter().position(|s| s["run"].as_str().is_some_and(|r| r.contains("govsite "))).expect("runs");
        assert!(install < first_run, "{template}: installs govsite before running it");
        assert!(run_step(&yaml, "check", "govsite check")["run"]
            .as_str()
            .is_some_and(|r| r.contains("--format github")));
        run_step(&yaml, "check", "govsite build");
        let pages = step(&yaml, "check", "actions/configure-pages");
        assert_eq!(pages["id"].as_str(), Some("pages"));
        let upload = step(&yaml, "check", "actions/upload-pages-artifact");
        assert!(upload["with"]["path"].as_str().is_some_and(|p| p.ends_with("public")));
        assert_eq!(step(&yaml, "check", "actions/checkout")["with"]["persist-credentials"].as_bool(), Some(false));

        // Deploying: its own job, with the Pages permissions, environment and concurrency.
        let deploy = &yaml["jobs"]["deploy"];
        assert_eq!(deploy["needs"].as_str(), Some("check"));
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
fn the_pull_request_workflow_checks_and_comments_without_trusting_the_pull_request() {
    let pinned = format!("govsite/govsite@v{}", env!("CARGO_PKG_VERSION"));
    for template in TEMPLATES {
        let (text, yaml) = file_of(template, PR_WORKFLOW);
        // `pull_request` only: a fork's run gets a read-only token and no secrets.
        let on = yaml["on"].as_mapping().expect("on: a mapping");
        assert_eq!(on.keys().filter_map(|k| k.as_str()).collect::<Vec<_>>(), ["pull_request"], "{template}");
        assert!(!text.contains("pull_request_target") || text.contains("docs/ci.md"));
        assert_eq!(yaml["permissions"].as_mapping().map(|m| m.len()), Some(1));
        assert_eq!(yaml["permissions"]["contents"].as_str(), Some("read"));
        let job = &yaml["jobs"]["governance"];
        assert_eq!(job["permissions"]["pull-requests"].as_str(), Some("write"));
        assert_eq!(job["permissions"]["contents"].as_str(), Some("read"));
        assert_eq!(job["permissions"].as_mapping().map(|m| m.len()), Some(2), "{template}: nothing else");

        let steps = job["steps"].as_sequence().expect("steps");
        assert!(steps.iter().any(|s| s["uses"].as_str() == Some(pinned.as_str())), "{template}: the pinned action");
        // Two checkouts, neither keeping the token: the head at the root, the base beside it.
        let checkouts: Vec<_> =
            steps.iter().filter(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/checkout@"))).collect();
        assert_eq!(checkouts.len(), 2);
        assert!(checkouts.iter().all(|c| c["with"]["persist-credentials"].as_bool() == Some(false)));
        assert_eq!(checkouts[1]["with"]["path"].as_str(), Some(".govsite-base"));
        assert_eq!(checkouts[1]["with"]["ref"].as_str(), Some("${{ github.event.pull_request.base.sha }}"));

        assert!(run_step(&yaml, "governance", "govsite check")["run"]
            .as_str()
            .is_some_and(|r| r.contains("\"$SITE_DIR\" --format github")));
        let summary = run_step(&yaml, "governance", "govsite diff")["run"].as_str().unwrap_or_default();
        assert!(summary.contains("govsite diff \".govsite-base/$SITE_DIR\" \"$SITE_DIR\" --format markdown"));
        assert!(summary.contains("$GITHUB_STEP_SUMMARY"), "{template}: forks still see the summary");
        // The comment: same-repository pull requests only, one comment found by its marker and edited.
        let comment = run_step(&yaml, "governance", "gh api");
        let condition = comment["if"].as_str().unwrap_or_default();
        assert!(condition.contains("github.event.pull_request.head.repo.full_name == github.repository"));
        let script = comment["run"].as_str().unwrap_or_default();
        assert!(script.contains("<!-- govsite-diff -->") && script.contains("--method PATCH"), "{script}");
        // No value from the pull request is written into a script: only through env.
        for s in steps {
            let run = s["run"].as_str().unwrap_or_default();
            assert!(!run.contains("${{"), "{template}: an expression inside a script:\n{run}");
        }
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

    for file in [WORKFLOW, PR_WORKFLOW] {
        assert!(report.contains(&s(&site.join(file))), "the report names {file}:\n{report}");
        let workflow = std::fs::read_to_string(site.join(file)).expect("workflow");
        let yaml: serde_yaml::Value = serde_yaml::from_str(&workflow).expect("YAML");
        assert_eq!(yaml["env"]["SITE_DIR"].as_str(), Some("docs/governance"), "{file}");
    }
    let workflow = std::fs::read_to_string(site.join(WORKFLOW)).expect("workflow");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&workflow).expect("YAML");
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
