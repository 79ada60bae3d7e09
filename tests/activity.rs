//! `govsite activity --git REPO`: last activity from a small history written by the test,
//! `--write` keeping people.yaml's layout, and the rule `people/inactive`.

mod common;

use common::{site, write};
use std::path::Path;
use std::process::{Command, Output};

/// 2026-06-01, noon UTC: "today" for every command of these tests.
const TODAY: &str = "1780315200";

const PEOPLE: &str = "\
# Who is who.
people:
  - id: alice
    name: Alice Zhang   # founder
    github: alicez
    affiliation: Example Corp
    last_active: 2025-12-01  # by hand

  - { id: bob, name: Bob Li, email: bob@example.org, affiliation: Other Inc }  # docs
  - id: carol
    name: Carol Diaz
    emails: [carol@home.example, cd@work.example]
    affiliation: Other Inc
";

const ROLES: &str = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members: [alice, bob]\n";

fn git(repo: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .args(["-c", "user.name=Robot", "-c", "user.email=robot@ci.example", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(repo)
        .env("GIT_AUTHOR_DATE", format!("@{date} +0000"))
        .env("GIT_COMMITTER_DATE", format!("@{date} +0000"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .output()
        .expect("run git");
    assert!(status.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&status.stderr));
}

/// A history: alice authors through GitHub's no-reply address in January 2026; bob reviews
/// in March 2024; carol signs off with her second address, also in 2024.
fn history() -> tempfile::TempDir {
    let repo = tempfile::tempdir().expect("temp dir");
    git(repo.path(), &["init", "-q"], "0");
    git(
        repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "Start\n\nReviewed-by: Bob Li <BOB@example.org>"],
        "1709294400",
    );
    git(
        repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "Docs\n\nSigned-off-by: Carol <cd@work.example>"],
        "1709294400",
    );
    git(
        repo.path(),
        &[
            "commit",
            "-q",
            "--allow-empty",
            "--author",
            "Alice <12345+AliceZ@users.noreply.github.com>",
            "-m",
            "Feature",
        ],
        "1768046400",
    );
    repo
}

fn the_site() -> tempfile::TempDir {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n    activities: [Open an issue]\n  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [Six months of reviews]\ninactivity: A year without activity makes a maintainer emeritus.\ninactivity_months: 12\nremoval: The other maintainers may remove one by a two-thirds vote.\nemeritus: Emeritus maintainers are thanked and may return by lazy consensus.\n";
    site(&[("governance/people.yaml", PEOPLE), ("governance/roles.yaml", ROLES), ("governance/ladder.yaml", ladder)])
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", TODAY)
        .output()
        .expect("run govsite")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn reports_last_activity_of_role_holders() {
    let (site, repo) = (the_site(), history());
    let (dir, git_dir) = (site.path().to_string_lossy(), repo.path().to_string_lossy());
    let out = run(&["activity", &dir, "--git", &git_dir, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(
        value,
        serde_json::json!({
            "as_of": "2026-06-01",
            "inactivity_months": 12,
            "people": [
                {"id": "alice", "roles": ["maintainer"], "last_active": "2026-01-10", "commits_12_months": 1, "inactive": false, "emeritus": false},
                {"id": "bob", "roles": ["maintainer"], "last_active": "2024-03-01", "commits_12_months": 0, "inactive": true, "emeritus": false}
            ]
        })
    );
    assert_eq!(common::stderr(&out), "3 commits read; inactive after 12 months without activity, as of 2026-06-01\n");
    let human = run(&["activity", &dir, "--git", &git_dir]);
    assert_eq!(
        stdout(&human),
        "person  last active  commits/12 months  roles\n\
         alice   2026-01-10                   1  maintainer\n\
         bob     2024-03-01                   0  maintainer  INACTIVE\n"
    );
}

#[test]
fn write_keeps_comments_and_layout_and_check_warns() {
    let (site, repo) = (the_site(), history());
    let (dir, git_dir) = (site.path().to_string_lossy(), repo.path().to_string_lossy());
    let out = run(&["activity", &dir, "--git", &git_dir, "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(common::stderr(&out).ends_with("last_active recorded for 2 people in governance/people.yaml\n"));
    let written = std::fs::read_to_string(site.path().join("governance/people.yaml")).expect("read");
    assert_eq!(
        written,
        PEOPLE
            .replace("last_active: 2025-12-01  # by hand", "last_active: 2026-01-10  # by hand")
            .replace("affiliation: Other Inc }  # docs", "affiliation: Other Inc, last_active: 2024-03-01 }  # docs")
    );
    // Nothing newer: a second run leaves the file alone.
    let again = run(&["activity", &dir, "--git", &git_dir, "--write"]);
    assert!(common::stderr(&again).ends_with("governance/people.yaml is current\n"), "{}", common::stderr(&again));

    let check = run(&["check", &dir]);
    assert_eq!(check.status.code(), Some(0));
    assert!(
        common::stderr(&check).starts_with(
            "warning[people/inactive]: `bob` holds role `maintainer` but was last active on 2024-03-01, more than 12 months ago\n"
        ),
        "{}",
        common::stderr(&check)
    );
}

#[test]
fn write_adds_a_line_to_a_block_mapping() {
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n\n    # the end of alice\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n    affiliation: Other Inc\n";
    let site = site(&[("governance/people.yaml", people), ("governance/roles.yaml", ROLES)]);
    let repo = history();
    let (dir, git_dir) = (site.path().to_string_lossy(), repo.path().to_string_lossy());
    let out = run(&["activity", &dir, "--git", &git_dir, "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let written = std::fs::read_to_string(site.path().join("governance/people.yaml")).expect("read");
    assert_eq!(
        written,
        "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n\n    # the end of alice\n    last_active: 2026-01-10\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n    affiliation: Other Inc\n    last_active: 2024-03-01\n"
    );
    // The ladder of MINIMAL states no inactivity_months: no warning, and 12 months assumed.
    let check = run(&["check", &dir]);
    assert!(!common::stderr(&check).contains("people/inactive"));
}

#[test]
fn a_folder_that_is_not_a_repository_is_a_usage_error() {
    let site = the_site();
    let not_git = tempfile::tempdir().expect("temp dir");
    write(not_git.path(), "README", "x");
    let out = run(&["activity", &site.path().to_string_lossy(), "--git", &not_git.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).starts_with("error: `git log` failed in"), "{}", common::stderr(&out));
}

/// Gitee's, GitLab.com's and Codeberg's no-reply addresses match the handles of `accounts`;
/// one forge's address never matches a handle on another.
#[test]
fn matches_the_no_reply_addresses_of_other_forges() {
    let people = "people:\n  - { id: dan, name: Dan, accounts: { gitee: Dan-G } }\n  - { id: erin, name: Erin, accounts: { gitlab: erin.l } }\n  - { id: fay, name: Fay, accounts: { codeberg: fay } }\n  - { id: gus, name: Gus, accounts: { gitee: gus } }\n";
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members: [dan, erin, fay, gus]\n";
    let site = site(&[("governance/people.yaml", people), ("governance/roles.yaml", roles)]);
    let repo = tempfile::tempdir().expect("temp dir");
    git(repo.path(), &["init", "-q"], "0");
    let commits = [
        (
            "Dan <777+dan-g@user.noreply.gitee.com>",
            "Kernel\n\nCo-authored-by: Erin <4242-Erin.L@users.noreply.gitlab.com>",
        ),
        ("Fay <fay@noreply.codeberg.org>", "Docs"),
        // Gus is on Gitee: his name at GitLab or GitHub is someone else's.
        ("Other <99-gus@users.noreply.gitlab.com>", "Other\n\nSigned-off-by: Gus <gus@users.noreply.github.com>"),
    ];
    for (author, message) in commits {
        git(repo.path(), &["commit", "-q", "--allow-empty", "--author", author, "-m", message], "1768046400");
    }
    let (dir, git_dir) = (site.path().to_string_lossy(), repo.path().to_string_lossy());
    let out = run(&["activity", &dir, "--git", &git_dir, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let last: Vec<(&str, &str)> = value["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| (p["id"].as_str().unwrap_or(""), p["last_active"].as_str().unwrap_or("never")))
        .collect();
    assert_eq!(last, [("dan", "2026-01-10"), ("erin", "2026-01-10"), ("fay", "2026-01-10"), ("gus", "never")]);
}
