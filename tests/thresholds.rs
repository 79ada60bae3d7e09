//! Thresholds with the body that votes, the period, quorum, veto and seconds (spec v2 §4,
//! charter.yaml): checked references, and shown on the charter page and in GOVERNANCE.md.

mod common;

use common::{build, govsite, read, site, stderr};

const CHARTER: &str = "governance/charter.yaml";

/// The minimal charter with `thresholds` (starting on line 7).
fn charter(thresholds: &str) -> String {
    format!(
        "mission: Make tiny things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\n  thresholds:\n{thresholds}amendments: By a two-thirds vote of the maintainers.\n"
    )
}

/// PEP 13's vote on a new core team member, with a veto by the deciding body.
const PEP13: &str = "    - decision: Adding a PEP 13 core member\n      majority: two-thirds\n      base: votes-cast\n      body: maintainer\n      period_days: 7\n      quorum: 2\n      veto_by: maintainer\n      seconds: 1\n      seconded_within_days: 3\n      conditions: Not during an *election*.\n    - { decision: amendment, majority: two-thirds }\n";

#[test]
fn unknown_voting_and_veto_bodies_are_reported_at_the_id() {
    let text = charter("    - { decision: x, majority: simple, body: core-tem, veto_by: councl }\n");
    let dir = site(&[(CHARTER, &text)]);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let mut hits: Vec<_> =
        govsite::rules::check(&loaded.site).into_iter().filter(|d| d.rule == "roles/unknown-role").collect();
    govsite::diagnostics::sort(&mut hits);
    let places: Vec<_> = hits.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(places, [(8, 46), (8, 65)], "{hits:#?}");
}

#[test]
fn a_quorum_is_a_fraction_or_a_number() {
    for quorum in ["\"1/2\"", "3"] {
        let text = charter(&format!("    - {{ decision: x, majority: simple, quorum: {quorum} }}\n"));
        let dir = site(&[(CHARTER, &text)]);
        let loaded = govsite::load::load_site(dir.path()).expect("loads");
        assert!(loaded.diagnostics.is_empty(), "{quorum}: {:#?}", loaded.diagnostics);
    }
    let text = charter("    - { decision: x, majority: simple, quorum: [1] }\n");
    let dir = site(&[(CHARTER, &text)]);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    assert!(loaded.diagnostics.iter().any(|d| d.rule == "schema/type"), "{:#?}", loaded.diagnostics);
}

#[test]
fn the_charter_page_and_governance_md_show_who_votes_and_how() {
    let dir = site(&[(CHARTER, &charter(PEP13))]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "charter/index.html");
    assert!(page.contains("<th scope=\"col\">Who votes</th>"), "{page}");
    assert!(page.contains("Adding a PEP 13 core member"), "free text keeps its case");
    assert!(page.contains("<th scope=\"row\">Amendment</th>"), "an id is shown as before");
    assert!(page.contains("<td>7 days</td>"), "{page}");
    assert!(page.contains("<td>1 within 3 days</td>"), "{page}");
    assert!(page.contains("<em>election</em>"), "conditions are Markdown");

    let out = dir.path().join("exported");
    let result = govsite(&["export", &dir.path().to_string_lossy(), "--to", &out.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let governance = read(&out, "GOVERNANCE.md");
    assert!(
        governance.contains("| Adding a PEP 13 core member | Two-thirds majority of the votes cast | Maintainer | 7 days | 2 | Maintainer | 1 within 3 days |"),
        "{governance}"
    );
    assert!(governance.contains("- **Adding a PEP 13 core member:** Not during an *election*."), "{governance}");
}
