//! One fixture per completeness and health rule: the rule fires with its default severity
//! at the exact file, line and column, and stays silent where the semantics say so.

mod common;

use common::site;
use govsite::diagnostics::{Diagnostic, Severity};

/// Loads a fixture and runs every rule; the fixture itself must load without errors.
fn all(changes: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("site loads");
    assert!(loaded.diagnostics.is_empty(), "fixture does not load cleanly: {:#?}", loaded.diagnostics);
    govsite::rules::check(&loaded.site)
}

/// The diagnostics of `rule`, in file order.
fn found(changes: &[(&str, &str)], rule: &str) -> Vec<Diagnostic> {
    let mut hits: Vec<_> = all(changes).into_iter().filter(|d| d.rule == rule).collect();
    govsite::diagnostics::sort(&mut hits);
    hits
}

fn none(changes: &[(&str, &str)], rule: &str) {
    let hits = found(changes, rule);
    assert!(hits.is_empty(), "expected no {rule}, got {hits:#?}");
}

fn at(d: &Diagnostic) -> (String, usize, usize) {
    (d.file.to_string_lossy().replace('\\', "/"), d.line, d.column)
}

/// Exactly one diagnostic of `rule`, with the given severity and place; it has a help line.
fn one(changes: &[(&str, &str)], rule: &str, severity: Severity, file: &str, line: usize, column: usize) -> Diagnostic {
    let hits = found(changes, rule);
    assert_eq!(hits.len(), 1, "expected one {rule}, got {hits:#?}");
    let d = hits.into_iter().next().unwrap();
    assert_eq!(d.severity, severity, "{d:#?}");
    assert_eq!(at(&d), (file.to_string(), line, column), "{d:#?}");
    assert!(d.help.as_deref().is_some_and(|h| !h.is_empty()), "no help: {d:#?}");
    assert!(!d.message.contains('\n'), "{d:#?}");
    d
}

use Severity::{Error, Warning};

const PEOPLE: &str = "governance/people.yaml";
const ROLES: &str = "governance/roles.yaml";
const LADDER: &str = "governance/ladder.yaml";
const COC: &str = "governance/code-of-conduct.yaml";
const SECURITY: &str = "governance/security.yaml";

/// people.yaml with alice, bob and carol (all with a GitHub handle); each argument adds
/// keys to that person.
fn people(alice: &str, bob: &str, carol: &str) -> String {
    format!(
        "people:\n  - id: alice\n    name: Alice\n    github: alicez\n{alice}  - id: bob\n    name: Bob\n    github: bobl\n{bob}  - id: carol\n    name: Carol\n    github: carolk\n{carol}"
    )
}

/// roles.yaml with one `maintainer` role holding `members` (and `extra` keys).
fn maintainers(members: &str, extra: &str) -> String {
    format!(
        "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members: {members}\n{extra}"
    )
}

#[test]
fn minimal_fixture_is_clean() {
    let d = all(&[]);
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn people_no_contact() {
    let text = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    email: \" \"\n    affiliation: Other Inc\n";
    let d = one(&[(PEOPLE, text)], "people/no-contact", Warning, PEOPLE, 6, 5);
    assert!(d.message.contains("`bob`"), "{}", d.message);
}

#[test]
fn roles_no_members() {
    let roles = format!(
        "{}  - id: reviewer\n    name: Reviewer\n    description: Reviews.\n    responsibilities: [Review]\n",
        maintainers("[alice, bob]", "")
    );
    one(&[(ROLES, &roles)], "roles/no-members", Warning, ROLES, 7, 9);
}

#[test]
fn roles_no_members_counts_emeritus_out() {
    let roles = format!(
        "{}  - id: reviewer\n    name: Reviewer\n    description: Reviews.\n    responsibilities: [Review]\n    members: [carol]\n",
        maintainers("[alice, bob]", "")
    );
    let people = people("    affiliation: A\n", "    affiliation: B\n", "    emeritus: true\n");
    let d = one(&[(ROLES, &roles), (PEOPLE, &people)], "roles/no-members", Warning, ROLES, 7, 9);
    assert!(d.message.contains("emeritus"), "{}", d.message);
}

#[test]
fn an_open_role_needs_no_members() {
    let roles = format!(
        "{}  - id: contributor\n    name: Contributor\n    description: Anyone.\n    responsibilities: [Be kind]\n    open: true\n",
        maintainers("[alice, bob]", "")
    );
    none(&[(ROLES, &roles)], "roles/no-members");
}

#[test]
fn roles_bus_factor() {
    let d = one(&[(ROLES, &maintainers("[alice]", ""))], "roles/bus-factor", Warning, ROLES, 6, 5);
    assert!(d.message.contains("`alice`"), "{}", d.message);
}

#[test]
fn bus_factor_does_not_count_emeritus_members() {
    let people = people("    affiliation: A\n", "    affiliation: B\n    emeritus: true\n", "");
    one(&[(ROLES, &maintainers("[alice, bob]", "")), (PEOPLE, &people)], "roles/bus-factor", Warning, ROLES, 6, 5);
}

#[test]
fn bus_factor_of_a_group_without_members_points_at_the_charter() {
    let charter = "mission: Make tiny things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: steering\namendments: By vote.\n";
    let groups = "groups:\n  - id: steering\n    name: Steering\n    chairs: [alice]\n";
    let d = one(
        &[("governance/charter.yaml", charter), ("governance/groups.yaml", groups)],
        "roles/bus-factor",
        Warning,
        "governance/charter.yaml",
        6,
        9,
    );
    assert!(d.message.contains("group `steering`"), "{}", d.message);
}

#[test]
fn a_group_body_counts_chairs_members_and_members_from_once() {
    let charter = "mission: Make tiny things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: steering\namendments: By vote.\n";
    // alice chairs and is a maintainer: counted once; bob comes from `members_from`.
    let groups = "groups:\n  - id: steering\n    name: Steering\n    chairs: [alice]\n    members_from: maintainer\n    min_members: 3\n";
    let changes = [("governance/charter.yaml", charter), ("governance/groups.yaml", groups)];
    none(&changes, "roles/bus-factor");
    let d = one(&changes, "roles/min-members", Warning, "governance/groups.yaml", 6, 5);
    assert!(d.message.contains("2 active members"), "{}", d.message);
}

#[test]
fn roles_org_diversity_compares_affiliations_loosely() {
    // `@Acme` and `acme ` are one organisation: 2 of 3 seats.
    let people = people("    affiliation: \"@Acme\"\n", "    affiliation: \"acme \"\n", "    affiliation: Other Inc\n");
    let roles = maintainers("[alice, bob, carol]", "");
    let d = one(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-diversity", Warning, ROLES, 6, 5);
    assert!(d.message.contains("2 of the 3"), "{}", d.message);
}

#[test]
fn independent_members_count_as_separate_organisations() {
    let people =
        people("    affiliation: Independent\n", "    affiliation: \" independent\"\n", "    affiliation: Acme\n");
    let roles = maintainers("[alice, bob, carol]", "");
    none(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-diversity");
}

#[test]
fn half_of_the_body_is_not_more_than_half() {
    let people = people("    affiliation: Acme\n", "    affiliation: Acme\n", "    affiliation: Other\n");
    let people = format!("{people}  - id: dave\n    name: Dave\n    github: dave\n    affiliation: Third\n");
    let roles = maintainers("[alice, bob, carol, dave]", "");
    none(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-diversity");
}

#[test]
fn roles_no_affiliation() {
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n";
    let d = one(&[(PEOPLE, people)], "roles/no-affiliation", Warning, ROLES, 8, 9);
    assert!(d.message.contains("`bob`"), "{}", d.message);
}

#[test]
fn no_affiliation_skips_emeritus_members() {
    let people = people("    affiliation: A\n", "    affiliation: B\n", "    emeritus: true\n");
    none(&[(PEOPLE, &people), (ROLES, &maintainers("[alice, bob, carol]", ""))], "roles/no-affiliation");
}

#[test]
fn roles_min_members() {
    let roles = maintainers("[alice, bob]", "    min_members: 3\n");
    one(&[(ROLES, &roles)], "roles/min-members", Warning, ROLES, 7, 5);
    none(&[(ROLES, &maintainers("[alice, bob]", "    min_members: 2\n"))], "roles/min-members");
}

#[test]
fn ladder_no_requirements() {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n  - id: maintainer\n    name: Maintainer\ninactivity: x\nremoval: x\nemeritus: x\n";
    one(&[(LADDER, ladder)], "ladder/no-requirements", Error, LADDER, 4, 5);
    let empty = "levels:\n  - id: contributor\n    name: Contributor\n  - id: maintainer\n    name: Maintainer\n    requirements: { all: [], any: [] }\n";
    one(&[(LADDER, empty)], "ladder/no-requirements", Error, LADDER, 6, 5);
}

#[test]
fn ladder_lifecycle_policies() {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n";
    one(&[(LADDER, ladder)], "ladder/no-inactivity", Warning, LADDER, 1, 1);
    one(&[(LADDER, ladder)], "ladder/no-removal", Warning, LADDER, 1, 1);
    one(&[(LADDER, ladder)], "ladder/no-emeritus", Warning, LADDER, 1, 1);
    let blank = format!("{ladder}removal: \"\"\n");
    one(&[(LADDER, &blank)], "ladder/no-removal", Warning, LADDER, 4, 1);
    let months = format!("{ladder}inactivity_months: 12\n");
    none(&[(LADDER, &months)], "ladder/no-inactivity");
}

const COC_HEAD: &str =
    "pledge: We pledge to be kind.\nstandards:\n  positive: [Be kind]\n  negative: [Harassment]\nscope: All spaces.\n";

#[test]
fn conduct_no_contact() {
    let coc = format!("{COC_HEAD}reporting:\n  contacts:\n    - {{ name: Conduct team }}\nenforcement:\n  - {{ level: Correction }}\n");
    one(&[(COC, &coc)], "conduct/no-contact", Error, COC, 6, 1);
    let absent = format!("{COC_HEAD}enforcement:\n  - {{ level: Correction }}\n");
    one(&[(COC, &absent)], "conduct/no-contact", Error, COC, 1, 1);
    let person = format!(
        "{COC_HEAD}reporting:\n  contacts:\n    - {{ person: alice }}\nenforcement:\n  - {{ level: Correction }}\n"
    );
    none(&[(COC, &person)], "conduct/no-contact");
}

#[test]
fn conduct_no_enforcement() {
    let coc = format!(
        "{COC_HEAD}reporting:\n  contacts:\n    - {{ url: https://tiny.example.org/report }}\nenforcement: []\n"
    );
    one(&[(COC, &coc)], "conduct/no-enforcement", Error, COC, 9, 1);
}

#[test]
fn security_no_policy() {
    one(&[(SECURITY, "")], "security/no-policy", Warning, "site.yaml", 1, 1);
}

#[test]
fn security_no_timeline() {
    let sec = "contact: { email: security@tiny.example.org }\nacknowledge_days: 3\n";
    let d = one(&[(SECURITY, sec)], "security/no-timeline", Warning, SECURITY, 1, 1);
    assert!(d.message.contains("disclosed"), "{}", d.message);
    let routes = "contacts:\n  - { kind: email, address: s@tiny.example.org, acknowledge_days: 2 }\n  - { kind: form, address: https://tiny.example.org/report }\ndisclosure_days: 90\n";
    one(&[(SECURITY, routes)], "security/no-timeline", Warning, SECURITY, 3, 5);
    let every =
        "contacts:\n  - { kind: email, address: s@tiny.example.org, acknowledge_days: 2 }\ndisclosure_days: 90\n";
    none(&[(SECURITY, every)], "security/no-timeline");
}

const SITE_HEAD: &str = "title: Tiny Community\nbase_url: https://tiny.example.org/tiny/\nproject:\n  name: Tiny\n";

#[test]
fn project_no_public_channel() {
    let text = format!("{SITE_HEAD}  license: MIT\n  contributing: https://example.org/c\n  channels:\n    - {{ id: private, type: mailing-list, url: mailto:p@example.org, public: false }}\n");
    one(&[("site.yaml", &text)], "project/no-public-channel", Warning, "site.yaml", 7, 3);
    let absent = format!("{SITE_HEAD}  license: MIT\n  contributing: https://example.org/c\n");
    one(&[("site.yaml", &absent)], "project/no-public-channel", Warning, "site.yaml", 3, 1);
}

#[test]
fn project_no_contributing() {
    let channel = "  channels:\n    - { id: chat, type: chat, url: https://chat.example.org, public: true }\n";
    let absent = format!("{SITE_HEAD}  license: MIT\n{channel}");
    one(&[("site.yaml", &absent)], "project/no-contributing", Warning, "site.yaml", 3, 1);
    let typo = format!("{SITE_HEAD}  license: MIT\n  contributing: content/contribute.md\n{channel}");
    let page = "---\ntitle: Contributing\n---\nHow to help.\n";
    let d = one(
        &[("site.yaml", &typo), ("content/contributing.md", page)],
        "project/no-contributing",
        Warning,
        "site.yaml",
        6,
        17,
    );
    assert!(d.help.unwrap().contains("did you mean `content/contributing.md`?"));
    let good = format!("{SITE_HEAD}  license: MIT\n  contributing: ./content/contributing.md\n{channel}");
    none(&[("site.yaml", &good), ("content/contributing.md", page)], "project/no-contributing");
}

#[test]
fn project_license() {
    let rest = "  contributing: https://example.org/c\n  channels:\n    - { id: chat, type: chat, url: https://chat.example.org, public: true }\n";
    let wrong = format!("{SITE_HEAD}  license: Apache 2.0\n{rest}");
    let d = one(&[("site.yaml", &wrong)], "project/license", Warning, "site.yaml", 5, 12);
    assert!(d.help.unwrap().contains("did you mean `Apache-2.0`"));
    let absent = format!("{SITE_HEAD}{rest}");
    one(&[("site.yaml", &absent)], "project/license", Warning, "site.yaml", 3, 1);
    let expression = format!("{SITE_HEAD}  license: Apache-2.0 OR MIT\n{rest}");
    none(&[("site.yaml", &expression)], "project/license");
}

const CHARTER: &str = "governance/charter.yaml";

fn charter(mission: &str) -> String {
    format!("mission: {mission}\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By vote.\n")
}

fn placeholders(changes: &[(&str, &str)]) -> Vec<(String, usize, usize)> {
    let hits = found(changes, "text/placeholder");
    assert!(hits.iter().all(|d| d.severity == Warning && d.help.is_some()), "{hits:#?}");
    hits.iter().map(at).collect()
}

#[test]
fn placeholders_in_plain_and_quoted_values() {
    let c = charter("Make tiny things, TODO and TODO.");
    assert_eq!(placeholders(&[(CHARTER, &c)]), [(CHARTER.into(), 1, 28), (CHARTER.into(), 1, 37)]);
    let c = charter("\"TBD: the mission\"");
    assert_eq!(placeholders(&[(CHARTER, &c)]), [(CHARTER.into(), 1, 11)]);
    // Escapes make the value shorter than its source: the file itself is searched.
    let c = charter(r#""Say \"hi\" TODO""#);
    assert_eq!(placeholders(&[(CHARTER, &c)]), [(CHARTER.into(), 1, 22)]);
}

#[test]
fn placeholders_in_block_scalars_and_lists() {
    let c = format!("{}vision: |\n  First line.\n  Then FIXME here.\n", charter("Make tiny things."));
    assert_eq!(placeholders(&[(CHARTER, &c)]), [(CHARTER.into(), 10, 8)]);
    let c =
        format!("{}vision: >\n  Welcome to\n  $PROJECT_NAME, [INSERT CONTACT METHOD].\n", charter("Make tiny things."));
    assert_eq!(placeholders(&[(CHARTER, &c)]), [(CHARTER.into(), 10, 3), (CHARTER.into(), 10, 18)]);
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n  - id: maintainer\n    name: Maintainer\n    requirements: [Lorem ipsum dolor]\ninactivity: x\nremoval: x\nemeritus: x\n";
    assert_eq!(placeholders(&[(LADDER, ladder)]), [(LADDER.into(), 6, 20)]);
    // Deeply indented, after a blank line: the file's indentation is not Markdown code.
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: |\n      Keeps it healthy.\n\n      Ask $PROJECT_NAME.\n    responsibilities: [Review changes]\n    members:\n      - alice\n      - { person: bob, area: docs }\n";
    assert_eq!(placeholders(&[(ROLES, roles)]), [(ROLES.into(), 7, 11)]);
}

#[test]
fn placeholders_in_pages() {
    let page = "---\ntitle: FAQ\n---\n# Questions\n\nAsk in chat. Answer: TBD\n";
    assert_eq!(placeholders(&[("content/faq.md", page)]), [("content/faq.md".into(), 6, 22)]);
    let draft = "---\ntitle: FAQ\ndraft: true\n---\nTODO: everything.\n";
    assert!(placeholders(&[("content/faq.md", draft)]).is_empty());
}

#[test]
fn not_placeholders() {
    let c = charter("See https://example.org/TODO, our TODOS, Todoist, TBDs and $5 or `$HOME`.");
    assert!(placeholders(&[(CHARTER, &c)]).is_empty());
    let page = "---\ntitle: FAQ\n---\nRead [the list](todo/TODO.md) or <https://x.org/FIXME>.\n";
    assert!(placeholders(&[("content/faq.md", page)]).is_empty());
}

#[test]
fn every_new_rule_is_registered_with_its_default() {
    let expected = [
        ("people/no-contact", Warning),
        ("roles/no-members", Warning),
        ("roles/bus-factor", Warning),
        ("roles/org-diversity", Warning),
        ("roles/no-affiliation", Warning),
        ("roles/min-members", Warning),
        ("ladder/no-requirements", Error),
        ("ladder/no-inactivity", Warning),
        ("ladder/no-removal", Warning),
        ("ladder/no-emeritus", Warning),
        ("conduct/no-contact", Error),
        ("conduct/no-enforcement", Error),
        ("security/no-policy", Warning),
        ("security/no-timeline", Warning),
        ("project/no-public-channel", Warning),
        ("project/no-contributing", Warning),
        ("project/license", Warning),
        ("text/placeholder", Warning),
    ];
    for (id, severity) in expected {
        let rule = govsite::rules::find(id).unwrap_or_else(|| panic!("{id} is not registered"));
        assert_eq!(rule.default, severity, "{id}");
        assert!(rule.check.is_some(), "{id} has no check");
    }
}
