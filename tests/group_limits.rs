//! Per-group limits on role holdings (spec v2 §4, groups.yaml `limits` and a membership's
//! `group:`): `groups/limits` at the role's key, references checked, limits shown.

mod common;

use common::{build, read, site, stderr};

const GROUPS: &str = "governance/groups.yaml";
const ROLES: &str = "governance/roles.yaml";

/// The maintainer role with alice and bob, each holding it for `sig-docs` when `scoped`.
fn roles(alice_group: &str, bob_group: &str) -> String {
    format!(
        "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members:\n      - {{ person: alice{alice_group} }}\n      - {{ person: bob{bob_group} }}\n"
    )
}

const SIG: &str = "groups:\n  - id: sig-docs\n    name: SIG Docs\n    limits:\n      maintainer: { min: 1, max: 1 }\n";

fn rules(changes: &[(&str, &str)]) -> Vec<govsite::diagnostics::Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    govsite::rules::check(&loaded.site)
}

fn limits(changes: &[(&str, &str)]) -> Vec<(usize, usize, String)> {
    rules(changes).into_iter().filter(|d| d.rule == "groups/limits").map(|d| (d.line, d.column, d.message)).collect()
}

#[test]
fn over_and_under_the_limits_at_the_role_key() {
    let both = roles(", group: sig-docs", ", group: sig-docs");
    let hits = limits(&[(GROUPS, SIG), (ROLES, &both)]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!((hits[0].0, hits[0].1), (5, 7));
    assert!(hits[0].2.contains("2 `maintainer` holdings") && hits[0].2.contains("maximum of 1"), "{}", hits[0].2);
    let none = limits(&[(GROUPS, SIG), (ROLES, &roles("", ""))]);
    assert_eq!(none.len(), 1, "unscoped holdings do not count");
    assert!(none[0].2.contains("minimum of 1"), "{}", none[0].2);
    assert!(limits(&[(GROUPS, SIG), (ROLES, &roles(", group: sig-docs", ""))]).is_empty());
}

#[test]
fn unknown_roles_and_groups_are_reported() {
    let sig = SIG.replace("      maintainer:", "      maintainr:");
    let all = rules(&[(GROUPS, &sig), (ROLES, &roles(", group: sig-doc", ""))]);
    let at: Vec<_> =
        all.iter().filter(|d| d.rule == "roles/unknown-role").map(|d| (d.file.clone(), d.line, d.column)).collect();
    assert_eq!(at.len(), 2, "{all:#?}");
}

#[test]
fn the_groups_page_shows_the_limits_and_the_count() {
    let dir = site(&[(GROUPS, SIG), (ROLES, &roles(", group: sig-docs", ""))]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "groups/index.html");
    assert!(page.contains("<dt>Maintainer</dt>\n    <dd>1–1 · 1 now</dd>"), "{page}");
}
