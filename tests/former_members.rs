//! Seat history (spec v2 §4, roles.yaml `former_members`), the project's word for emeritus and
//! unordered conduct responses: `roles/former-active`, checked values, and where they are shown.

mod common;

use common::{build, govsite, read, site, stderr};

const ROLES: &str = "governance/roles.yaml";

/// roles.yaml with `maintainer` held by alice and bob, and `former` entries from line 8.
fn with_former(former: &str) -> String {
    format!(
        "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members: [alice, bob]\n    former_members:\n{former}"
    )
}

fn rules(changes: &[(&str, &str)]) -> Vec<govsite::diagnostics::Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let mut all = govsite::rules::check(&loaded.site);
    govsite::diagnostics::sort(&mut all);
    all
}

#[test]
fn former_active_at_the_open_entry() {
    let former = "      - { person: alice, since: 2019-02-01, until: 2021-12-31, reason: term-ended }\n      - { person: bob, since: 2020-01-01 }\n";
    let all = rules(&[(ROLES, &with_former(former))]);
    let hits: Vec<_> = all.iter().filter(|d| d.rule == "roles/former-active").collect();
    assert_eq!(hits.len(), 1, "{all:#?}");
    assert_eq!((hits[0].line, hits[0].column), (9, 9), "{:#?}", hits[0]);
    assert!(hits[0].is_error());
    assert!(hits[0].message.contains("`bob`"), "{}", hits[0].message);
    // Someone who left and came back, with the earlier holding closed, is fine.
    let back = "      - { person: bob, since: 2020-01-01, until: 2021-01-01, reason: resigned }\n";
    assert!(rules(&[(ROLES, &with_former(back))]).iter().all(|d| d.rule != "roles/former-active"));
}

#[test]
fn reasons_dates_and_people_are_checked() {
    let former = "      - { person: kofi, since: 2019-02-30, until: 2021-12-31, reason: retired }\n";
    let all = rules(&[(ROLES, &with_former(former))]);
    let at = |rule: &str| all.iter().filter(|d| d.rule == rule).map(|d| (d.line, d.column)).collect::<Vec<_>>();
    assert_eq!(at("people/unknown-person"), [(8, 19)], "{all:#?}");
    assert_eq!(at("schema/date"), [(8, 32)], "{all:#?}");
    assert_eq!(at("schema/enum"), [(8, 71)], "{all:#?}");
}

#[test]
fn the_roles_page_and_maintainers_md_show_the_seat_history() {
    let former = "      - { person: alice, since: 2019-02-01, until: 2021-12-31, reason: term-ended }\n      - { person: bob, since: 2018-01-01, until: 2019-06-30, reason: resigned }\n";
    let dir = site(&[(ROLES, &with_former(former))]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "roles/index.html");
    assert!(page.contains("id=\"maintainer-history\""), "{page}");
    let (alice, bob) = (page.find("2021-12-31").unwrap_or(usize::MAX), page.find("2019-06-30").unwrap_or(0));
    assert!(alice < bob, "latest end first");
    assert!(page.contains("term ended"), "{page}");

    let out = dir.path().join("exported");
    let result = govsite(&["export", &dir.path().to_string_lossy(), "--to", &out.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let maintainers = read(&out, "MAINTAINERS.md");
    assert!(maintainers.contains("## Seat history"), "{maintainers}");
    assert!(maintainers.contains("| Alice Zhang | [@alicez](https://github.com/alicez) | Maintainer | 2019-02-01 | 2021-12-31 | term ended |"), "{maintainers}");
}

#[test]
fn the_project_names_its_emeritus_status() {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n    activities: [Open an issue]\n  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [Six months of reviews]\ninactivity: A year.\nremoval: By vote.\nemeritus: Thanked.\nemeritus_name: Inactive core team member\n";
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n    affiliation: Other Inc\n  - id: carol\n    name: Carol\n    github: carol\n    emeritus: true\n";
    let dir = site(&[("governance/ladder.yaml", ladder), ("governance/people.yaml", people)]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "people/index.html");
    assert!(page.contains("Inactive core team member <span class=\"count\">1</span>"), "{page}");
    assert!(page.contains("<span class=\"tag\">Inactive core team member</span>"), "{page}");
    assert!(!page.contains(">emeritus<"), "{page}");
    let ladder = read(&public, "ladder/index.html");
    assert!(ladder.contains("<h3 id=\"policy-emeritus\">Inactive core team member</h3>"), "{ladder}");
}

#[test]
fn unordered_responses_are_never_a_ladder() {
    let coc = "pledge: We pledge to be kind.\nstandards:\n  positive: [Be kind]\n  negative: [Harassment]\nscope: All spaces.\nreporting:\n  contacts:\n    - { name: Conduct team, email: conduct@tiny.example.org }\nenforcement_order: unordered\nenforcement:\n  - { level: A private reprimand, consequence: A note }\n  - { level: A public reprimand, consequence: A post }\n";
    let dir = site(&[("governance/code-of-conduct.yaml", coc)]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "code-of-conduct/index.html");
    assert!(page.contains("id=\"enforcement\""), "the anchor stays");
    assert!(page.contains("in no particular order") && !page.contains("mildest first"), "{page}");
    assert!(!page.contains("class=\"scale\""), "{page}");
    let out = dir.path().join("exported");
    let result = govsite(&["export", &dir.path().to_string_lossy(), "--to", &out.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let exported = read(&out, "CODE_OF_CONDUCT.md");
    assert!(exported.contains("### A private reprimand") && !exported.contains("mildest"), "{exported}");
    let typo = coc.replace("unordered", "unorderd");
    let dir = site(&[("governance/code-of-conduct.yaml", &typo)]);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    let enums: Vec<_> = govsite::rules::check(&loaded.site)
        .into_iter()
        .filter(|d| d.rule == "schema/enum")
        .map(|d| (d.line, d.column))
        .collect();
    assert_eq!(enums, [(9, 20)]);
}
