//! One fixture per structural rule: the rule fires with the exact file, line and column.

mod common;

use common::site;
use govsite::diagnostics::Diagnostic;

/// Checks a fixture and returns the diagnostics of `rule`.
fn found(changes: &[(&str, &str)], rule: &str) -> Vec<Diagnostic> {
    let dir = site(changes);
    let diagnostics = govsite::check(dir.path(), &Default::default()).expect("site loads").diagnostics;
    diagnostics.into_iter().filter(|d| d.rule == rule).collect()
}

fn assert_one(changes: &[(&str, &str)], rule: &str, file: &str, line: usize, column: usize) -> Diagnostic {
    let hits = found(changes, rule);
    assert_eq!(hits.len(), 1, "expected one {rule}, got {hits:#?}");
    let d = hits.into_iter().next().unwrap();
    assert_eq!((d.file.to_string_lossy().as_ref(), d.line, d.column), (file, line, column), "{d:#?}");
    d
}

#[test]
fn minimal_fixture_is_clean() {
    let dir = site(&[]);
    let diagnostics = govsite::check(dir.path(), &Default::default()).unwrap().diagnostics;
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn yaml_syntax() {
    let d = assert_one(
        &[("governance/people.yaml", "people:\n  - id: alice\n    name: [Alice\n")],
        "yaml/syntax",
        "governance/people.yaml",
        4,
        1,
    );
    assert!(d.is_error());
}

#[test]
fn schema_unknown_field() {
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    membres: [alice]\n";
    let d = assert_one(&[("governance/roles.yaml", roles)], "schema/unknown-field", "governance/roles.yaml", 6, 5);
    assert!(d.help.as_deref().unwrap_or("").contains("did you mean `members`?"), "{d:#?}");
}

#[test]
fn schema_type() {
    let people = "people:\n  - id: alice\n    name: Alice\n    github: alicez\n    emeritus: sometimes\n";
    let d = assert_one(&[("governance/people.yaml", people)], "schema/type", "governance/people.yaml", 5, 15);
    assert!(d.message.contains("people[0].emeritus"), "{}", d.message);
}

#[test]
fn schema_type_for_ids_that_are_not_slugs() {
    let people = "people:\n  - id: Alice Zhang\n    name: Alice\n    github: alicez\n";
    assert_one(&[("governance/people.yaml", people)], "schema/type", "governance/people.yaml", 2, 9);
}

#[test]
fn schema_missing_field() {
    let charter = "mission: Make tiny things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  body: maintainer\namendments: By vote.\n";
    let d =
        assert_one(&[("governance/charter.yaml", charter)], "schema/missing-field", "governance/charter.yaml", 4, 1);
    assert!(d.message.contains("`model`"), "{}", d.message);
}

#[test]
fn schema_missing_field_when_empty() {
    let charter = "mission: \"\"\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: consensus\n  body: maintainer\namendments: By vote.\n";
    assert_one(&[("governance/charter.yaml", charter)], "schema/missing-field", "governance/charter.yaml", 1, 1);
}

#[test]
fn files_missing() {
    let d = assert_one(&[("governance/ladder.yaml", "")], "files/missing", "site.yaml", 1, 1);
    assert!(d.message.contains("governance/ladder.yaml"));
}

#[test]
fn yml_extension_is_accepted() {
    let text = common::MINIMAL.iter().find(|(p, _)| *p == "governance/ladder.yaml").unwrap().1;
    assert!(found(&[("governance/ladder.yaml", ""), ("governance/ladder.yml", text)], "files/missing").is_empty());
}

#[test]
fn people_duplicate_id() {
    let people = "people:\n  - id: alice\n    name: Alice\n    github: a\n  - id: bob\n    name: Bob\n    github: b\n  - id: alice\n    name: Alice Again\n    github: c\n";
    let d = assert_one(&[("governance/people.yaml", people)], "people/duplicate-id", "governance/people.yaml", 8, 9);
    assert!(d.help.unwrap().contains("line 2"));
}

#[test]
fn people_unknown_person() {
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members:\n      - alice\n      - alcie\n";
    let d = assert_one(&[("governance/roles.yaml", roles)], "people/unknown-person", "governance/roles.yaml", 8, 9);
    assert!(d.help.unwrap().contains("did you mean `alice`?"));
}

#[test]
fn people_unknown_person_in_object_form_points_at_the_id() {
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members:\n      - { person: carol, area: docs }\n";
    assert_one(&[("governance/roles.yaml", roles)], "people/unknown-person", "governance/roles.yaml", 7, 19);
}

#[test]
fn roles_unknown_role() {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n  - id: maintainer\n    name: Maintainer\n    role: maintainr\n    requirements: [Reviews]\n";
    let d = assert_one(&[("governance/ladder.yaml", ladder)], "roles/unknown-role", "governance/ladder.yaml", 6, 11);
    assert_eq!(d.help.as_deref(), Some("did you mean `maintainer`? (the role ids are `maintainer`)"));
}

#[test]
fn roles_unknown_role_lists_the_ids_when_there_are_few() {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n    role: steward\n";
    let d = assert_one(&[("governance/ladder.yaml", ladder)], "roles/unknown-role", "governance/ladder.yaml", 4, 11);
    assert_eq!(d.help.as_deref(), Some("use one of the role ids: `maintainer`"));
    // Nine roles are too many to list: the help only points at the closest one.
    let mut roles = String::from("roles:\n");
    for i in 0..9 {
        roles.push_str(&format!(
            "  - id: team-{i}\n    name: Team {i}\n    description: A team.\n    responsibilities: [Work]\n"
        ));
    }
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n    role: teem-3\n";
    let hits = found(&[("governance/roles.yaml", &roles), ("governance/ladder.yaml", ladder)], "roles/unknown-role");
    let helps: Vec<_> = hits
        .iter()
        .filter(|d| d.file.ends_with("ladder.yaml"))
        .map(|d| (d.line, d.column, d.help.as_deref()))
        .collect();
    assert_eq!(helps, [(4, 11, Some("did you mean `team-3`?"))], "{hits:#?}");
}

#[test]
fn content_front_matter() {
    assert_one(&[("content/about.md", "# About\n")], "content/front-matter", "content/about.md", 1, 1);
    assert_one(
        &[("content/about.md", "---\ntitle: About\nauthor: me\n---\nText\n")],
        "content/front-matter",
        "content/about.md",
        3,
        1,
    );
}

#[test]
fn every_problem_of_a_site_is_reported_at_once() {
    let dir = site(&[
        ("governance/people.yaml", "people:\n  - id: alice\n    name: [A\n"),
        ("content/a.md", "no front matter\n"),
        ("governance/code-of-conduct.yaml", ""),
    ]);
    let diagnostics = govsite::check(dir.path(), &Default::default()).unwrap().diagnostics;
    let rules: Vec<_> = diagnostics.iter().map(|d| d.rule).collect();
    for rule in ["yaml/syntax", "content/front-matter", "files/missing"] {
        assert!(rules.contains(&rule), "{rule} missing in {rules:?}");
    }
}

#[test]
fn content_path_conflict() {
    let page = "---\ntitle: Charter notes\n---\nText\n";
    assert_one(&[("content/charter.md", page)], "content/path-conflict", "content/charter.md", 1, 1);
    let hits = found(&[("content/team.md", page), ("content/team/index.md", page)], "content/path-conflict");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].message.contains("content/team"), "{}", hits[0].message);
}

#[test]
fn decisions_unknown_ref() {
    let decisions = "decisions:\n  - id: 2024-01\n    date: 2024-01-15\n    title: Adopt the ladder\n    body: maintainer\n    affects: [alice, reviewrs]\n";
    let d = assert_one(
        &[("governance/decisions.yaml", decisions)],
        "decisions/unknown-ref",
        "governance/decisions.yaml",
        6,
        22,
    );
    assert!(d.message.contains("`reviewrs`"), "{}", d.message);
    let body = "decisions:\n  - id: 2024-01\n    date: 2024-01-15\n    title: Adopt the ladder\n    body: steering\n";
    assert_one(&[("governance/decisions.yaml", body)], "decisions/unknown-ref", "governance/decisions.yaml", 5, 11);
}

#[test]
fn a_broken_site_yaml_hides_nothing_but_adds_no_false_alarms() {
    let dir = site(&[("site.yaml", "title: T\nbase_ur: https://x.org/\nproject: { name: X }\n")]);
    let diagnostics = govsite::check(dir.path(), &Default::default()).unwrap().diagnostics;
    let rules: Vec<_> = diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["schema/unknown-field"], "only the real problem: {diagnostics:#?}");
}
