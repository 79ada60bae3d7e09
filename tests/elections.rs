//! Elected bodies (spec v2 §4, roles.yaml `elections`): `elections/overdue` against the
//! date of `SOURCE_DATE_EPOCH`, checked words and references, and where they are shown.

mod common;

use common::{build, govsite, read, site, stderr};
use std::process::Command;

const ROLES: &str = "governance/roles.yaml";

/// roles.yaml with the deciding `maintainer` role elected as `elections` says (from line 9).
fn elected(elections: &str) -> String {
    format!(
        "roles:\n  - id: maintainer\n    name: Council member\n    description: Decides.\n    responsibilities: [Decide]\n    members: [alice, bob]\n    seats: 2\n    elections:\n{elections}"
    )
}

const PEP13: &str = "      term_months: 12\n      seats_per_election: 2\n      next: 2026-12-01\n      electorate: maintainer\n      nomination: Self-nomination on *Discourse*, for two weeks.\n      method: condorcet\n      term_limit: 0\n      officer: Two returning officers from the PSF.\n";

/// `govsite check SITE --format json` with `SOURCE_DATE_EPOCH` set to `epoch`: its diagnostics.
fn check_on(dir: &std::path::Path, epoch: &str) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["check", &dir.to_string_lossy(), "--format", "json"])
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run govsite");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

fn overdue(diagnostics: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    diagnostics.iter().filter(|d| d["rule"] == "elections/overdue").collect()
}

#[test]
fn overdue_after_the_date_of_source_date_epoch_at_next() {
    let dir = site(&[(ROLES, &elected(PEP13))]);
    // 2026-12-02 00:00:00 UTC: the election of 2026-12-01 is a day late.
    let late = check_on(dir.path(), "1796169600");
    let hits = overdue(&late);
    assert_eq!(hits.len(), 1, "{late:#?}");
    let d = hits[0];
    assert_eq!((d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()), (Some(ROLES), Some(11), Some(13)));
    assert_eq!(d["severity"], "warning");
    assert!(d["message"].as_str().unwrap_or("").contains("today is 2026-12-02"), "{d:#?}");
    // On the day itself, nothing is late; nor is anything without elections.
    assert!(overdue(&check_on(dir.path(), "1796083200")).is_empty());
    assert!(overdue(&check_on(site(&[]).path(), "1796169600")).is_empty());
}

#[test]
fn method_and_date_are_checked_and_bodies_must_exist() {
    let text = elected("      next: 2026-13-01\n      method: condorset\n      electorate: core-team\n");
    let dir = site(&[(ROLES, &text)]);
    let all = check_on(dir.path(), "0");
    let at = |rule: &str| {
        all.iter().filter(|d| d["rule"] == rule).map(|d| (d["line"].as_u64(), d["column"].as_u64())).collect::<Vec<_>>()
    };
    assert_eq!(at("schema/date"), [(Some(9), Some(13))], "{all:#?}");
    assert_eq!(at("schema/enum"), [(Some(10), Some(15))], "{all:#?}");
    assert_eq!(at("roles/unknown-role"), [(Some(11), Some(19))], "{all:#?}");
    let hint = all.iter().find(|d| d["rule"] == "schema/enum").and_then(|d| d["help"].as_str()).unwrap_or("");
    assert!(hint.contains("condorcet"), "{hint}");
}

#[test]
fn the_roles_page_home_page_and_governance_md_show_the_elections() {
    let dir = site(&[(ROLES, &elected(PEP13))]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let roles = read(&public, "roles/index.html");
    assert!(roles.contains("id=\"maintainer-elections\""), "{roles}");
    assert!(roles.contains("<dd><time datetime=\"2026-12-01\">2026-12-01</time></dd>"), "{roles}");
    assert!(roles.contains("Condorcet method"), "{roles}");
    assert!(roles.contains("<em>Discourse</em>"), "{roles}");
    let home = read(&public, "index.html");
    assert!(home.contains("<dt>Next election</dt>"), "{home}");

    let out = dir.path().join("exported");
    let result = govsite(&["export", &dir.path().to_string_lossy(), "--to", &out.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let governance = read(&out, "GOVERNANCE.md");
    assert!(governance.contains("### Elections"), "{governance}");
    assert!(governance.contains("- **Next election:** 2026-12-01"), "{governance}");
    assert!(governance.contains("- **Who votes:** every active Council member"), "{governance}");
}
