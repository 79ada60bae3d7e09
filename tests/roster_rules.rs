//! The roster's new facts (spec v2 §6): a membership's `paths` (`roles/bad-path`), the
//! foundation's maturity log (`project/maturity-log`), and diversity figures that count
//! active maintainers only (`diversity.active_only`) — each at its exact place.

mod common;

use common::{site, site_yaml};
use govsite::diagnostics::{Diagnostic, Severity};

/// The diagnostics of `rule` for the minimal fixture with `changes`; it must load cleanly.
fn found(changes: &[(&str, &str)], rule: &str) -> Vec<Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("site loads");
    assert!(loaded.diagnostics.is_empty(), "fixture does not load cleanly: {:#?}", loaded.diagnostics);
    let mut hits: Vec<_> = govsite::rules::check(&loaded.site).into_iter().filter(|d| d.rule == rule).collect();
    govsite::diagnostics::sort(&mut hits);
    hits
}

fn place(d: &Diagnostic) -> (String, usize, usize) {
    (d.file.to_string_lossy().replace('\\', "/"), d.line, d.column)
}

fn roles_with(members: &str) -> String {
    format!(
        "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members:\n{members}"
    )
}

#[test]
fn paths_load_and_good_ones_pass() {
    let roles = roles_with("      - { person: alice, paths: [storage/, \"docs/*.md\", \"**/BUILD\"] }\n      - bob\n");
    assert!(found(&[("governance/roles.yaml", &roles)], "roles/bad-path").is_empty());
    let dir = site(&[("governance/roles.yaml", &roles)]);
    let loaded = govsite::load::load_site(dir.path()).unwrap();
    let member = &loaded.site.role("maintainer").unwrap().members[0];
    assert_eq!(member.paths, ["storage/", "docs/*.md", "**/BUILD"]);
}

#[test]
fn bad_paths_are_errors_at_the_entry_with_a_fix() {
    let roles = roles_with(
        "      - { person: alice, paths: [storage/, /abs/] }\n      - person: bob\n        paths:\n          - ../up\n          - \"docs\\\\api\"\n",
    );
    let hits = found(&[("governance/roles.yaml", &roles)], "roles/bad-path");
    let got: Vec<_> = hits.iter().map(|d| (place(d), d.severity, d.message.clone(), d.help.clone().unwrap())).collect();
    let file = "governance/roles.yaml".to_string();
    assert_eq!(
        got,
        vec![
            (
                (file.clone(), 7, 44),
                Severity::Error,
                "`alice` owns the path `/abs/`, which is absolute".to_string(),
                "write it relative to the repository root: `abs/` (export anchors it at the root)".to_string()
            ),
            (
                (file.clone(), 10, 13),
                Severity::Error,
                "`bob` owns the path `../up`, which climbs out of its folder with `..`".to_string(),
                "name the folder from the repository root instead, e.g. `storage/engine/`".to_string()
            ),
            (
                (file, 11, 13),
                Severity::Error,
                "`bob` owns the path `docs\\api`, which uses `\\`".to_string(),
                "separate folders with `/`: `docs/api`".to_string()
            ),
        ]
    );
}

#[test]
fn group_memberships_with_paths_are_checked_too() {
    let groups =
        "groups:\n  - id: docs\n    name: Docs team\n    chairs:\n      - { person: alice, paths: [\"C:/docs\"] }\n";
    let hits = found(&[("governance/groups.yaml", groups)], "roles/bad-path");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(place(&hits[0]), ("governance/groups.yaml".to_string(), 5, 34));
    assert!(hits[0].message.contains("is a path of a computer"), "{}", hits[0].message);
}

const LOG: &str = "  foundation:\n    name: CNCF\n    maturity: incubating\n    maturity_log:\n      - { phase: sandbox, date: 2023-05-01, issue: \"https://github.com/cncf/toc/issues/1\" }\n";

#[test]
fn a_log_ending_in_the_current_maturity_passes() {
    let yaml = site_yaml(&format!(
        "{LOG}      - {{ phase: incubating, date: 2025-02-11, issue: \"https://github.com/cncf/toc/issues/2\" }}\n"
    ));
    assert!(found(&[("site.yaml", &yaml)], "project/maturity-log").is_empty());
    // The site.yaml of MINIMAL ends with the channels list; `project:` is its parent.
    let dir = site(&[("site.yaml", &yaml)]);
    let loaded = govsite::load::load_site(dir.path()).unwrap();
    let log = &loaded.site.site.project.foundation.as_ref().unwrap().maturity_log;
    assert_eq!(log.iter().map(|s| s.phase.as_str()).collect::<Vec<_>>(), ["sandbox", "incubating"]);
}

#[test]
fn a_log_whose_last_phase_is_not_the_maturity_is_an_error_at_that_phase() {
    let yaml = site_yaml(LOG);
    let hits = found(&[("site.yaml", &yaml)], "project/maturity-log");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let d = &hits[0];
    assert_eq!((place(d), d.severity), (("site.yaml".to_string(), 13, 18), Severity::Error));
    assert_eq!(d.message, "the maturity log ends in `sandbox`, but `project.foundation.maturity` is `incubating`");
    assert!(d.help.as_deref().unwrap().starts_with("add the entry that moved the project to `incubating`"), "{d:#?}");
}

#[test]
fn a_log_out_of_date_order_is_an_error_at_the_later_entry() {
    let yaml = site_yaml(&format!(
        "{LOG}      - {{ phase: incubating, date: 2022-02-11, issue: \"https://github.com/cncf/toc/issues/2\" }}\n"
    ));
    let hits = found(&[("site.yaml", &yaml)], "project/maturity-log");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(place(&hits[0]), ("site.yaml".to_string(), 14, 36));
    assert_eq!(
        hits[0].message,
        "the maturity log is out of order: `incubating` on 2022-02-11 comes after `sandbox` on 2023-05-01"
    );
}

#[test]
fn a_log_phase_outside_the_foundation_phases_is_an_enum_error() {
    let yaml = site_yaml("  foundation:\n    name: CNCF\n    maturity: beta\n    maturity_log:\n      - { phase: beta, date: 2023-05-01, issue: \"https://x.org/1\" }\n");
    let hits = found(&[("site.yaml", &yaml)], "schema/enum");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(place(&hits[0]), ("site.yaml".to_string(), 13, 18));
    let missing =
        site_yaml("  foundation:\n    name: CNCF\n    maturity_log:\n      - { phase: sandbox, date: 2023-05-01 }\n");
    let hits = found(&[("site.yaml", &missing)], "schema/missing-field");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].message.contains("issue"), "{}", hits[0].message);
}

/// Three maintainers from Acme (one last active long ago) and one from Globex.
const PEOPLE: &str = "people:\n  - { id: a1, name: A One, github: a1, affiliation: Acme }\n  - { id: a2, name: A Two, github: a2, affiliation: Acme }\n  - { id: a3, name: A Three, github: a3, affiliation: Acme, last_active: 2020-01-01 }\n  - { id: g1, name: G One, github: g1, affiliation: Globex, last_active: 2026-01-01 }\n";
const BODY: &str = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: D\n    responsibilities: [R]\n    members: [a1, a2, a3, g1]\n";
const LADDER: &str = "levels:\n  - id: contributor\n    name: Contributor\n  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [R]\ninactivity_months: 12\nremoval: R\nemeritus: E\n";

fn diversity(active_only: bool) -> Vec<Diagnostic> {
    let yaml = site_yaml(&format!("diversity:\n  active_only: {active_only}\n"));
    let changes = [
        ("site.yaml", yaml.as_str()),
        ("governance/people.yaml", PEOPLE),
        ("governance/roles.yaml", BODY),
        ("governance/ladder.yaml", LADDER),
    ];
    std::env::set_var("SOURCE_DATE_EPOCH", "1780000000"); // 2026-05-28
    found(&changes, "roles/org-diversity")
}

#[test]
fn active_only_leaves_inactive_maintainers_out_of_the_diversity_figures() {
    // Counting everyone: Acme holds 3 of 4.
    let all = diversity(false);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(
        all[0].message,
        "Acme holds 3 of the 4 active seats of the deciding body, role `maintainer`, more than half"
    );
    // Counting the active only: Acme holds 2 of 3, still more than half, and the figures say so.
    let active = diversity(true);
    assert_eq!(active.len(), 1, "{active:#?}");
    assert_eq!(
        active[0].message,
        "Acme holds 2 of the 3 active seats of the deciding body, role `maintainer`, more than half"
    );
}

/// The fixture of [`diversity`] as a folder, with `diversity.active_only` as given.
fn diversity_site(active_only: bool) -> tempfile::TempDir {
    let yaml = site_yaml(&format!("diversity:\n  active_only: {active_only}\n"));
    site(&[
        ("site.yaml", yaml.as_str()),
        ("governance/people.yaml", PEOPLE),
        ("governance/roles.yaml", BODY),
        ("governance/ladder.yaml", LADDER),
    ])
}

#[test]
fn the_chart_and_diff_count_as_the_rule_does() {
    const TODAY: &str = "1780000000"; // 2026-05-28
    let site = diversity_site(true);
    let out = tempfile::tempdir().unwrap();
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["build", &site.path().to_string_lossy(), "--output", &out.path().to_string_lossy()])
        .env("SOURCE_DATE_EPOCH", TODAY)
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", common::stderr(&built));
    let index = common::read(out.path(), "index.html");
    assert!(
        index.contains("3 active members · 2 organisations · 1 not counted: inactive for more than 12 months"),
        "{index}"
    );
    assert!(index.contains("Acme holds 2 of 3 seats, more than half."), "{index}");

    // Base counts everyone, head only the active: Acme goes from 3 seats to 2.
    let base = diversity_site(false);
    let diff = std::process::Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["diff", &base.path().to_string_lossy(), &site.path().to_string_lossy(), "--format", "json"])
        .env("SOURCE_DATE_EPOCH", TODAY)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&diff.stdout).expect("JSON");
    assert_eq!(json["deciding_body"]["before"], serde_json::json!({ "Acme": 3, "Globex": 1 }));
    assert_eq!(json["deciding_body"]["after"], serde_json::json!({ "Acme": 2, "Globex": 1 }));
}
