//! `govsite import` reading GOVERNANCE.md prose: the decision model, majorities of named
//! decisions, the committee (name, acronym, size, members, meetings) and a BDFL. The
//! fixtures are short texts written for these tests in the shapes real projects use: a CNCF
//! style steering committee, a BDFL project, an Apache-style lazy-consensus project.

mod common;

use common::{govsite, read, write};
use std::path::{Path, PathBuf};

const HEADER: &str = "# Written by `govsite import`. Check every value; `govsite check` lists what is still\n# missing as `text/placeholder` warnings (the TODO markers).\n";
const CHARTER_TODO: &str = "mission: \"TODO: why the project exists, in one or two sentences.\"\nscope:\n  in: [\"TODO: what the project covers.\"]\n";

/// Imports a repository holding `files`; returns the output folder (kept alive), the site
/// and the notes printed.
fn import(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, String) {
    let repo = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        write(repo.path(), path, text);
    }
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    (out, site, common::stderr(&output))
}

/// The site builds, and `check` has no error: what is missing is a warning.
fn builds_and_lists_the_rest(out: &Path, site: &Path) -> Vec<String> {
    let built = common::build(site, &out.join("public"));
    assert_eq!(built.status.code(), Some(0), "{}", common::stderr(&built));
    let check = govsite(&["check", &site.to_string_lossy(), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&check.stdout).expect("json");
    assert_eq!(value["errors"], 0, "{value}");
    value["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["rule"] == "text/placeholder")
        .map(|d| format!("{}:{}", d["file"].as_str().unwrap_or_default(), d["line"]))
        .collect()
}

const STEERING: &str = "# Widget Project Governance\n\n## Technical Steering Committee\n\nThe Technical Steering Committee (TSC) is the governing body of the project.\nThe TSC has five members, elected for two years.\n\n| Name | GitHub | Affiliation |\n| --- | --- | --- |\n| Ana Silva | @anasilva | Orbit Inc |\n| Ben Okafor | @benokafor | Lumen Labs |\n\nFormer members:\n\n| Name | GitHub | Affiliation |\n| --- | --- | --- |\n| Cy Park | @cypark | Orbit Inc |\n\nThe TSC meets every two weeks in a public video call.\n\n## Decision making\n\nThe TSC makes decisions by consensus. If consensus cannot be reached, any member may call a\nvote; a vote passes with a simple majority of all members.\n\n## Maintainers\n\nA maintainer may be removed by a two-thirds vote of the TSC.\n\n## Changing this document\n\nChanges to this governance require a 3/4 majority vote of the TSC.\n";

#[test]
fn a_steering_committee_becomes_the_deciding_group() {
    let (out, site, notes) = import(&[("GOVERNANCE.md", STEERING)]);
    assert!(
        notes.starts_with("read GOVERNANCE.md: decision model consensus; votes by simple majority of all-members; removal: two-thirds; amendment: three-quarters; Technical Steering Committee (TSC), 5 seats, 3 members listed, meets every two weeks\n"),
        "{notes}"
    );
    assert_eq!(
        read(&site, "governance/charter.yaml"),
        format!("{HEADER}{CHARTER_TODO}decision_making:\n  model: consensus\n  body: tsc\n  description: \"As GOVERNANCE.md describes it, the Technical Steering Committee decides by consensus; a vote needs a simple majority of all members.\"\n  voting: {{ majority: simple, base: all-members }}\n  thresholds:\n    - {{ decision: removal, majority: two-thirds }}\n    - {{ decision: amendment, majority: three-quarters }}\namendments: \"As GOVERNANCE.md describes it, a change to the governance needs a three-quarters majority of the Technical Steering Committee.\"\n")
    );
    assert_eq!(
        read(&site, "governance/groups.yaml"),
        "# Written by `govsite import` from GOVERNANCE.md. Check every value.\ngroups:\n  - id: tsc\n    name: \"Technical Steering Committee\"\n    description: \"TODO: what the Technical Steering Committee does.\"\n    members:\n      - anasilva\n      - benokafor\n      - cypark\n    min_members: 5\n    meetings:\n      - { name: \"Technical Steering Committee meeting\", cadence: \"every two weeks\" }\n"
    );
    let people = read(&site, "governance/people.yaml");
    assert!(people.contains("  - id: cypark\n    name: \"Cy Park\"\n    github: \"cypark\"\n    affiliation: \"Orbit Inc\"\n    emeritus: true\n"), "{people}");
    let placeholders = builds_and_lists_the_rest(out.path(), &site);
    assert!(placeholders.contains(&"governance/groups.yaml:5".to_string()), "{placeholders:?}");
    assert!(placeholders.contains(&"governance/charter.yaml:3".to_string()), "{placeholders:?}");
}

const BDFL: &str = "# Governance\n\nThis project follows the Benevolent Dictator For Life (BDFL) model.\n\n* contributors: anyone who helps.\n* BDFL: decides when consensus cannot be reached. The current BDFL is [@ada-lead](https://github.com/ada-lead).\n";

#[test]
fn a_bdfl_project_gets_a_project_lead() {
    let (out, site, notes) = import(&[("GOVERNANCE.md", BDFL)]);
    assert!(notes.starts_with("read GOVERNANCE.md: decision model bdfl; BDFL @ada-lead\n"), "{notes}");
    let charter = read(&site, "governance/charter.yaml");
    assert!(charter.contains("decision_making:\n  model: bdfl\n  body: project-lead\n  description: \"As GOVERNANCE.md describes it, the project lead (BDFL) has the final say when consensus cannot be reached.\"\namendments: \"TODO: how this charter is changed.\"\n"), "{charter}");
    let roles = read(&site, "governance/roles.yaml");
    assert!(roles.ends_with("  - id: project-lead\n    name: Project lead\n    description: \"TODO: what a project lead is in this project.\"\n    responsibilities: [\"TODO: what a project lead must do.\"]\n    members:\n      - ada-lead\n"), "{roles}");
    assert!(!site.join("governance/groups.yaml").exists());
    builds_and_lists_the_rest(out.path(), &site);
}

const LAZY: &str = "# Project governance\n\nMost decisions are made by lazy consensus on the mailing list: a proposal passes when nobody\nobjects within 72 hours.\n\n## Committers\n\nNew committers are nominated by a committer. The nomination needs a supermajority\n(two thirds) of the votes cast.\n\nThis governance can be amended by a unanimous vote of the committers.\n";

#[test]
fn a_lazy_consensus_project_keeps_the_maintainers_as_body() {
    let (out, site, notes) = import(&[("GOVERNANCE.md", LAZY)]);
    assert!(
        notes.starts_with(
            "read GOVERNANCE.md: decision model lazy-consensus; new-maintainer: two-thirds; amendment: unanimous\n"
        ),
        "{notes}"
    );
    let charter = read(&site, "governance/charter.yaml");
    assert!(charter.contains("  model: lazy-consensus\n  body: maintainer\n  description: \"As GOVERNANCE.md describes it, the maintainers decide by lazy consensus: a proposal passes unless someone objects.\"\n  thresholds:\n    - { decision: new-maintainer, majority: two-thirds }\n    - { decision: amendment, majority: unanimous }\namendments: \"As GOVERNANCE.md describes it, a change to the governance needs a unanimous vote of the maintainers.\"\n"), "{charter}");
    builds_and_lists_the_rest(out.path(), &site);
}

#[test]
fn a_committee_made_of_the_maintainers_takes_its_members_from_the_role() {
    let text = "# Governance\n\nThe Steering Committee is composed of the maintainers listed in MAINTAINERS.md.\nIf consensus cannot be reached, the Steering Committee decides by a simple majority vote.\n";
    let (out, site, notes) = import(&[("GOVERNANCE.md", text), ("MAINTAINERS.md", "- Ann Lee (@annlee), Acme\n")]);
    assert!(notes.contains("read GOVERNANCE.md: decision model consensus; votes by simple majority; Steering Committee, made of the maintainers\n"), "{notes}");
    let groups = read(&site, "governance/groups.yaml");
    assert!(groups.ends_with("  - id: steering-committee\n    name: \"Steering Committee\"\n    description: \"TODO: what the Steering Committee does.\"\n    members_from: maintainer\n"), "{groups}");
    builds_and_lists_the_rest(out.path(), &site);
}

#[test]
fn prose_that_says_nothing_recognisable_stays_todo() {
    let (out, site, notes) = import(&[(".github/GOVERNANCE.md", "# Governance\n\nWe are friendly and talk a lot.\n")]);
    assert!(notes.starts_with("read .github/GOVERNANCE.md: decision model not recognised\n"), "{notes}");
    let charter = read(&site, "governance/charter.yaml");
    assert!(charter.contains("  model: lazy-consensus\n  body: maintainer\n  description: \"TODO: confirm how decisions are made; the import assumed lazy consensus of the maintainers.\"\namendments: \"TODO: how this charter is changed.\"\n"), "{charter}");
    builds_and_lists_the_rest(out.path(), &site);
}
