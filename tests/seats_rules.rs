//! Fixed-size bodies and caps per organisation (spec v2 §4, roles.yaml): `roles/over-seats`,
//! `roles/vacancies`, `roles/org-cap`, and `roles/org-diversity` with a cap and with
//! independents — each at its exact place, and silent where the semantics say so.

mod common;

use common::site;
use govsite::diagnostics::{Diagnostic, Severity};

const PEOPLE: &str = "governance/people.yaml";
const ROLES: &str = "governance/roles.yaml";

/// The diagnostics of `rule` for the minimal fixture with `changes`; the fixture must load cleanly.
fn found(changes: &[(&str, &str)], rule: &str) -> Vec<Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("site loads");
    assert!(loaded.diagnostics.is_empty(), "fixture does not load cleanly: {:#?}", loaded.diagnostics);
    let mut hits: Vec<_> = govsite::rules::check(&loaded.site).into_iter().filter(|d| d.rule == rule).collect();
    govsite::diagnostics::sort(&mut hits);
    hits
}

fn none(changes: &[(&str, &str)], rule: &str) {
    let hits = found(changes, rule);
    assert!(hits.is_empty(), "expected no {rule}, got {hits:#?}");
}

/// Exactly one diagnostic of `rule`, with this severity and place, and a help line.
fn one(changes: &[(&str, &str)], rule: &str, severity: Severity, line: usize, column: usize) -> Diagnostic {
    let hits = found(changes, rule);
    assert_eq!(hits.len(), 1, "expected one {rule}, got {hits:#?}");
    let d = hits.into_iter().next().unwrap();
    assert_eq!(d.severity, severity, "{d:#?}");
    assert_eq!((d.file.to_string_lossy().replace('\\', "/"), d.line, d.column), (ROLES.to_string(), line, column));
    assert!(d.help.as_deref().is_some_and(|h| !h.is_empty()), "no help: {d:#?}");
    d
}

/// people.yaml with `n` people `p1`…`pn`; `affiliation(i)` gives the extra lines of person `i`.
fn people(n: usize, affiliation: impl Fn(usize) -> String) -> String {
    let mut text = String::from("people:\n");
    for i in 1..=n {
        text.push_str(&format!("  - id: p{i}\n    name: Person {i}\n    github: p{i}\n{}", affiliation(i)));
    }
    text
}

/// roles.yaml with the deciding `maintainer` role held by `p1`…`pn`, with `extra` keys
/// (lines 6 and 7 of the file, after `members` on line 5).
fn council(n: usize, extra: &str) -> String {
    let members: Vec<String> = (1..=n).map(|i| format!("p{i}")).collect();
    format!(
        "roles:\n  - id: maintainer\n    name: Council member\n    description: Decides.\n    members: [{}]\n{extra}    responsibilities: [Decide]\n",
        members.join(", ")
    )
}

fn acme(_: usize) -> String {
    "    affiliation: Acme\n".into()
}

use Severity::{Error, Warning};

#[test]
fn over_seats_at_seats() {
    let people = people(4, acme);
    let d = one(&[(PEOPLE, &people), (ROLES, &council(4, "    seats: 3\n"))], "roles/over-seats", Error, 6, 5);
    assert_eq!(d.message, "role `maintainer` has 4 active members, more than its 3 seats");
    none(&[(PEOPLE, &people), (ROLES, &council(4, "    seats: 4\n"))], "roles/over-seats");
}

#[test]
fn vacancies_at_seats() {
    let people = people(3, |i| format!("    affiliation: Org {i}\n"));
    let d = one(&[(PEOPLE, &people), (ROLES, &council(3, "    seats: 5\n"))], "roles/vacancies", Warning, 6, 5);
    assert_eq!(d.message, "role `maintainer` has 3 active members for its 5 seats: 2 vacant");
    none(&[(PEOPLE, &people), (ROLES, &council(3, "    seats: 3\n"))], "roles/vacancies");
    none(&[(PEOPLE, &people), (ROLES, &council(3, ""))], "roles/vacancies");
}

#[test]
fn emeritus_members_leave_a_seat_vacant() {
    let people =
        people(3, |i| format!("    affiliation: Org {i}\n{}", if i == 3 { "    emeritus: true\n" } else { "" }));
    let d = one(&[(PEOPLE, &people), (ROLES, &council(3, "    seats: 3\n"))], "roles/vacancies", Warning, 6, 5);
    assert!(d.message.contains("1 vacant"), "{}", d.message);
}

#[test]
fn org_cap_at_the_cap_and_independents_count_alone() {
    // PEP 13: at most 2 of the council from one employer. 3 of 7 from Acme is over the cap,
    // though it is less than half.
    let people = people(7, |i| match i {
        1..=3 => "    affiliation: Acme\n".into(),
        4 | 5 => "    affiliation: 独立开发者\n    independent: true\n".into(),
        _ => "    affiliation: Independent\n".into(),
    });
    let roles = council(7, "    max_per_organization: 2\n");
    let d = one(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-cap", Error, 6, 5);
    assert_eq!(
        d.message,
        "Acme holds 3 of the 7 active seats of role `maintainer`, more than its `max_per_organization` of 2"
    );
    // "More than half" no longer applies to a capped body; the cap does, at the cap.
    let d = one(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-diversity", Warning, 6, 5);
    assert!(d.message.contains("more than its cap of 2 per organisation"), "{}", d.message);
}

#[test]
fn a_capped_body_with_vacancies_is_not_over_half() {
    // PEP 13 during vacancies: 2 of 3 seats from one employer is within the cap of 2.
    let people =
        people(3, |i| if i < 3 { "    affiliation: Acme\n".into() } else { "    affiliation: Other\n".into() });
    let roles = council(3, "    seats: 5\n    max_per_organization: 2\n");
    none(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-diversity");
    none(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-cap");
    // Without a cap, the version-1 rule still warns at the role's `members` key.
    let d = one(&[(PEOPLE, &people), (ROLES, &council(3, ""))], "roles/org-diversity", Warning, 5, 5);
    assert!(d.message.ends_with("more than half"), "{}", d.message);
}

#[test]
fn independents_in_any_language_are_never_grouped() {
    // Three people whose affiliation reads the same, all independent: three organisations.
    let people = people(3, |_| "    affiliation: 独立开发者\n    independent: true\n".into());
    none(&[(PEOPLE, &people), (ROLES, &council(3, ""))], "roles/org-diversity");
    none(&[(PEOPLE, &people), (ROLES, &council(3, "    max_per_organization: 1\n"))], "roles/org-cap");
    // Without the flag too: `独立开发者` is one of the words for "no employer" (model::independent).
    let unflagged = people.replace("    independent: true\n", "");
    none(&[(PEOPLE, &unflagged), (ROLES, &council(3, ""))], "roles/org-diversity");
    // A company's name that merely reads alike is an organisation, as written.
    let grouped = unflagged.replace("独立开发者", "独立开发者协会");
    one(&[(PEOPLE, &grouped), (ROLES, &council(3, ""))], "roles/org-diversity", Warning, 5, 5);
}

#[test]
fn the_rules_are_registered_and_explained() {
    for (id, severity) in [("roles/over-seats", Error), ("roles/vacancies", Warning), ("roles/org-cap", Error)] {
        let rule = govsite::rules::find(id).unwrap_or_else(|| panic!("{id} is not registered"));
        assert_eq!(rule.default, severity, "{id}");
        assert!(rule.check.is_some(), "{id} has no check");
    }
}

#[test]
fn the_portal_and_the_export_show_seats_and_cap() {
    let people = people(3, |i| format!("    affiliation: Org {i}\n"));
    let roles = council(3, "    seats: 5\n    max_per_organization: 2\n");
    let dir = site(&[(PEOPLE, &people), (ROLES, &roles)]);
    let public = dir.path().join("public");
    let result = common::build(dir.path(), &public);
    assert!(result.status.success(), "{}", common::stderr(&result));
    let roles_page = common::read(&public, "roles/index.html");
    assert!(roles_page.contains("<dd>5 · 3 filled, 2 vacant</dd>"), "{roles_page}");
    assert!(roles_page.contains("At most 2 seats held by people of one organisation"), "{roles_page}");
    let home = common::read(&public, "index.html");
    assert!(home.contains("<dd>5 seats · at most 2 per organisation · 2 vacant</dd>"), "home page");
    assert!(home.contains("the cap per organisation"), "the chart judges by the cap");

    let exported = dir.path().join("exported");
    let (from, to) = (dir.path().to_string_lossy(), exported.to_string_lossy());
    let result = common::govsite(&["export", &from, "--to", &to]);
    assert!(result.status.success(), "{}", common::stderr(&result));
    let governance = common::read(&exported, "GOVERNANCE.md");
    assert!(governance.contains("**Seats:** 5 (2 vacant)."), "{governance}");
    assert!(governance.contains("at most 2 seats may be held by people of one organisation"), "{governance}");
    let maintainers = common::read(&exported, "MAINTAINERS.md");
    assert!(maintainers.contains("5 seats, 2 vacant; at most 2 held by people of one organisation."), "{maintainers}");
}
