//! `govsite diff BASE HEAD`: the effect of a governance change, in every format.

mod common;

use common::{write, MINIMAL};
use serde_json::json;
use std::path::Path;
use std::process::{Command, Output};

/// A folder holding `base/` (MINIMAL) and `head/` (MINIMAL with `changes`).
fn pair(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for side in ["base", "head"] {
        for (path, text) in MINIMAL {
            write(&dir.path().join(side), path, text);
        }
    }
    for (path, text) in changes {
        write(&dir.path().join("head"), path, text);
    }
    dir
}

/// `govsite diff base head --format FORMAT`, run from `dir` so that paths are relative.
fn diff(dir: &Path, format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["diff", "base", "head", "--format", format])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run govsite")
}

fn stdout(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", common::stderr(output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const CAROL_PEOPLE: &str = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    email: bob@other.example\n    affiliation: Other Inc\n  - id: carol\n    name: Carol Diaz\n    github: carold\n    affiliation: example corp\n";
const CAROL_ROLES: &str = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members:\n      - alice\n      - { person: bob, area: docs }\n      - carol\n";
const THRESHOLD_CHARTER: &str = "mission: Make tiny things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\n  thresholds:\n    - { decision: amendment, majority: two-thirds }\namendments: By a two-thirds vote of the maintainers.\n";

fn carol_joins() -> tempfile::TempDir {
    pair(&[
        ("governance/people.yaml", CAROL_PEOPLE),
        ("governance/roles.yaml", CAROL_ROLES),
        ("governance/charter.yaml", THRESHOLD_CHARTER),
    ])
}

#[test]
fn no_change_says_so() {
    let dir = pair(&[]);
    assert_eq!(stdout(&diff(dir.path(), "human")), "No governance changes; completeness score 100\n");
    assert_eq!(
        stdout(&diff(dir.path(), "markdown")),
        "### Governance changes\n\nNo governance changes; completeness score 100/100.\n"
    );
}

#[test]
fn human_lists_people_seats_shares_policies_rules_and_score() {
    let dir = carol_joins();
    assert_eq!(
        stdout(&diff(dir.path(), "human")),
        "People\n  added carol\n  bob.email: bob@example.org → bob@other.example\nRoles\n  maintainer: added carol\n\
         Deciding body (maintainer), active seats by organisation\n  Example Corp: 1 → 2\n  Other Inc: 1 → 1\n\
         Thresholds and policies\n  charter.decision_making.thresholds[amendment].majority: (none) → two-thirds\n\
         The charter changed\nRules newly failing: roles/org-diversity\nCompleteness score: 100 → 99 (-1)\n"
    );
}

#[test]
fn json_has_the_shape_of_the_contract() {
    let dir = carol_joins();
    let value: serde_json::Value = serde_json::from_str(&stdout(&diff(dir.path(), "json"))).expect("json");
    assert_eq!(
        value,
        json!({
            "people": {
                "added": ["carol"],
                "removed": [],
                "changed": [{"setting": "bob.email", "before": "bob@example.org", "after": "bob@other.example"}]
            },
            "roles": {"maintainer": {"added": ["carol"], "removed": []}},
            "groups": {},
            "paths": [],
            "deciding_body": {
                "body": {"before": "maintainer", "after": "maintainer"},
                "before": {"Example Corp": 1, "Other Inc": 1},
                "after": {"Example Corp": 2, "Other Inc": 1}
            },
            "policies": [{"setting": "charter.decision_making.thresholds[amendment].majority", "before": null, "after": "two-thirds"}],
            "score": {"before": 100, "after": 99},
            "rules": {"newly_failing": ["roles/org-diversity"], "fixed": []},
            "charter_changed": true
        })
    );
}

#[test]
fn markdown_is_a_pull_request_comment() {
    let dir = carol_joins();
    assert_eq!(
        stdout(&diff(dir.path(), "markdown")),
        "### Governance changes\n\n**Completeness score:** 100 → 99 (-1)\n\n**People:** added `carol`\n\n\
         | Seats | Added | Removed |\n| --- | --- | --- |\n| role `maintainer` | `carol` |  |\n\n\
         **Deciding body** (maintainer), active seats by organisation:\n\n\
         | Organisation | Before | After |\n| --- | --- | --- |\n| Example Corp | 1 | 2 |\n| Other Inc | 1 | 1 |\n\n\
         | Setting | Before | After |\n| --- | --- | --- |\n| `bob.email` | bob\\@example.org | bob\\@other.example |\n\
         | `charter.decision_making.thresholds[amendment].majority` | (none) | two-thirds |\n\n\
         The charter changed.\n\n**Rules newly failing:** `roles/org-diversity`\n"
    );
}

#[test]
fn github_annotates_the_head_lines() {
    let dir = carol_joins();
    assert_eq!(
        stdout(&diff(dir.path(), "github")),
        "::notice file=head/governance/people.yaml,line=10,col=5,title=govsite diff::carol joins people.yaml\n\
         ::notice file=head/governance/roles.yaml,line=9,col=9,title=govsite diff::carol takes a seat in role maintainer\n\
         ::notice file=head/governance/people.yaml,line=8,col=5,title=govsite diff::bob.email: bob@example.org → bob@other.example\n\
         ::notice file=head/governance/charter.yaml,line=8,col=30,title=govsite diff::charter.decision_making.thresholds[amendment].majority: (none) → two-thirds\n\
         ::notice title=govsite diff::Deciding body (maintainer), active seats by organisation: Example Corp 1 → 2, Other Inc 1 → 1\n\
         ::warning file=head/governance/roles.yaml,line=6,col=5,title=roles/org-diversity::Example Corp holds 2 of the 3 active seats of the deciding body, role `maintainer`, more than half%0Ahelp: add at least 1 active member from other organisations to `maintainer`, or correct the affiliations in governance/people.yaml\n\
         ::notice title=govsite diff::Governance completeness score 100 → 99 (-1); 1 rule newly failing, 0 fixed\n"
    );
}

#[test]
fn a_person_leaving_fixes_and_breaks_rules() {
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n";
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members: [alice]\n";
    let dir = pair(&[("governance/people.yaml", people), ("governance/roles.yaml", roles)]);
    assert_eq!(
        stdout(&diff(dir.path(), "human")),
        "People\n  removed bob\nRoles\n  maintainer: removed bob\n\
         Deciding body (maintainer), active seats by organisation\n  Example Corp: 1 → 1\n  Other Inc: 1 → 0\n\
         Rules newly failing: roles/bus-factor, roles/org-diversity\nCompleteness score: 100 → 98 (-2)\n"
    );
}

#[test]
fn independents_count_under_their_own_names() {
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Independent\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n    affiliation: independent\n";
    let dir = pair(&[("governance/people.yaml", people)]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&diff(dir.path(), "json"))).expect("json");
    assert_eq!(value["deciding_body"]["after"], json!({"Alice Zhang": 1, "Bob Li": 1}));
}

#[test]
fn a_folder_that_is_not_a_site_is_a_usage_error() {
    let dir = pair(&[]);
    std::fs::remove_file(dir.path().join("base/site.yaml")).expect("remove");
    let output = diff(dir.path(), "human");
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).starts_with("error: cannot read the base `base`:"), "{}", common::stderr(&output));
}

/// What a membership owns in the repository (`paths`, written to CODEOWNERS) is a change
/// even when nobody joins or leaves.
#[test]
fn changed_paths_of_a_membership_are_reported() {
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members:\n      - alice\n      - { person: bob, area: docs, paths: [docs/, site/] }\n";
    let dir = pair(&[("governance/roles.yaml", roles)]);
    assert_eq!(
        stdout(&diff(dir.path(), "human")),
        "Owned paths (CODEOWNERS)\n  roles[maintainer].members[bob].paths: [] → [\"docs/\",\"site/\"]\nCompleteness score: 100 → 100\n"
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&diff(dir.path(), "json"))).expect("json");
    assert_eq!(
        value["paths"],
        json!([{"setting": "roles[maintainer].members[bob].paths", "before": [], "after": ["docs/", "site/"]}])
    );
    let github = stdout(&diff(dir.path(), "github"));
    let line = "::notice file=head/governance/roles.yaml,line=8,col=36,title=govsite diff::roles[maintainer].members[bob].paths: [] → [\"docs/\",\"site/\"]\n";
    assert!(github.starts_with(line), "{github}");
    assert!(stdout(&diff(dir.path(), "markdown"))
        .contains("| `roles[maintainer].members[bob].paths` | \\[\\] | \\[\"docs/\",\"site/\"\\] |\n"));
}
