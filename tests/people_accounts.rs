//! People v2 (spec v2 §4, people.yaml): `accounts` on five forges with safe profile links,
//! `affiliations` history, and independents in any language. Each rule at its exact position.

mod common;

use common::{build, hits, read, rules, site, stderr};

const PEOPLE: &str = "governance/people.yaml";
const ROLES: &str = "governance/roles.yaml";

const ACCOUNTS: &str = "people:
  - id: alice
    name: Alice Zhang
    affiliation: Example Corp
    accounts: { github: alicez, gitee: alice-z, codeberg: '@alicez' }
  - id: bob
    name: Bob Li
    email: bob@example.org
    affiliation: Other Inc
    accounts:
      gitea: bobli
      gitlab: https://gitlab.com/bobli
";

#[test]
fn an_unknown_platform_is_an_enum_error_at_its_key() {
    let found = hits(&[(PEOPLE, ACCOUNTS)], "schema/enum");
    assert_eq!(found.len(), 1, "{found:#?}");
    let (line, column, message, help) = &found[0];
    assert_eq!((*line, *column), (11, 7));
    assert!(message.contains("`gitea`") && message.contains("account platform"), "{message}");
    assert!(help.starts_with("did you mean `gitee`?"), "{help}");
}

#[test]
fn a_handle_that_is_a_url_is_refused_at_the_value() {
    let found = hits(&[(PEOPLE, ACCOUNTS)], "schema/handle");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (12, 15));
    assert!(found[0].3.contains("user name only"), "{}", found[0].3);
}

#[test]
fn two_different_github_handles_are_reported_at_accounts_github() {
    let people = "people:
  - id: alice
    name: Alice Zhang
    github: alicez
    affiliation: Example Corp
    accounts: { github: Alice-Z }
  - id: bob
    name: Bob Li
    github: '@BobLi'
    accounts: { github: bobli }
    affiliation: Other Inc
";
    let found = hits(&[(PEOPLE, people)], "people/account-mismatch");
    assert_eq!(found.len(), 1, "case and a leading @ do not make two handles: {found:#?}");
    assert_eq!((found[0].0, found[0].1), (6, 25));
    assert!(found[0].2.contains("`github: alicez` on line 4"), "{}", found[0].2);
}

#[test]
fn accounts_count_as_a_way_to_reach_someone() {
    let people = "people:
  - id: alice
    name: Alice Zhang
    affiliation: Example Corp
    accounts: { gitee: alice-z }
  - id: bob
    name: Bob Li
    affiliation: Other Inc
";
    let found = hits(&[(PEOPLE, people)], "people/no-contact");
    assert_eq!(found.iter().map(|h| (h.0, h.1)).collect::<Vec<_>>(), [(6, 5)]);
}

#[test]
fn the_people_page_links_each_profile_and_never_an_unsafe_one() {
    let people = ACCOUNTS.replace("      gitea: bobli\n", "").replace("https://gitlab.com/bobli", "bob/../../evil");
    let dir = site(&[(PEOPLE, &people)]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(!result.status.success(), "a bad handle is an error");
    let dir =
        site(&[(PEOPLE, &ACCOUNTS.replace("      gitea: bobli\n", "").replace("https://gitlab.com/bobli", "bob.li"))]);
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "people/index.html");
    assert!(
        page.contains(
            r#"<p class="person-links"><a href="https://github.com/alicez">@alicez</a> · <a href="https://gitee.com/alice-z">Gitee: alice-z</a> · <a href="https://codeberg.org/alicez">Codeberg: alicez</a></p>"#
        ),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="https://gitlab.com/bob.li">GitLab: bob.li</a> · <a href="mailto:bob@example.org">"#),
        "{page}"
    );
}

const HISTORY: &str = "people:
  - id: alice
    name: Alice Zhang
    github: alicez
    affiliation: Example Corp
    affiliations:
      - { name: Northwind, from: 2019-04-01, until: 2023-06-30 }
      - { name: Quarry Systems, from: 2023-07-01 }
  - id: bob
    name: Bob Li
    email: bob@example.org
    affiliations:
      - { name: Northwind, from: 2020-01-01, until: 2019-12-31 }
      - { name: Other Inc, from: 2020-01-01 }
      - { name: Side Gig, from: 2021-01-01 }
";

#[test]
fn affiliation_and_the_current_history_entry_must_agree() {
    let found = hits(&[(PEOPLE, HISTORY)], "people/affiliation-mismatch");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (5, 18));
    assert!(
        found[0].2.contains("`Example Corp`") && found[0].2.contains("(line 8) is `Quarry Systems`"),
        "{}",
        found[0].2
    );
    assert!(found[0].3.starts_with("make `affiliation` `Quarry Systems`"), "{}", found[0].3);
    let agreeing = HISTORY.replace("affiliation: Example Corp", "affiliation: quarry systems");
    assert!(hits(&[(PEOPLE, &agreeing)], "people/affiliation-mismatch").is_empty(), "compared as organisations are");
}

#[test]
fn a_history_must_read_forwards_with_one_current_entry() {
    let found = hits(&[(PEOPLE, HISTORY)], "people/affiliation-history");
    let at: Vec<(usize, usize)> = found.iter().map(|h| (h.0, h.1)).collect();
    assert_eq!(at, [(13, 53), (15, 9)], "{found:#?}");
    assert!(found[0].2.contains("ends on 2019-12-31 before it starts on 2020-01-01"), "{}", found[0].2);
    assert!(found[1].2.contains("`Side Gig` and `Other Inc` (line 14)"), "{}", found[1].2);
}

#[test]
fn affiliation_dates_are_checked_dates() {
    let people = HISTORY.replace("until: 2023-06-30", "until: 2023-06-31");
    let found = hits(&[(PEOPLE, &people)], "schema/date");
    assert_eq!(found.iter().map(|h| (h.0, h.1)).collect::<Vec<_>>(), [(7, 53)]);
}

/// Three council members; `affiliations` gives each person's lines after `name`.
fn council(people: &[&str]) -> (String, String) {
    let mut yaml = String::from("people:\n");
    let mut ids = Vec::new();
    for (i, extra) in people.iter().enumerate() {
        yaml.push_str(&format!("  - id: p{i}\n    name: Person {i}\n    email: p{i}@example.org\n{extra}"));
        ids.push(format!("p{i}"));
    }
    let roles = format!(
        "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    max_per_organization: 1\n    members: [{}]\n",
        ids.join(", ")
    );
    (yaml, roles)
}

#[test]
fn independents_in_any_language_each_count_alone() {
    let (people, roles) =
        council(&["    affiliation: 独立开发者\n", "    affiliation: 独立开发者\n", "    affiliation: Indépendante\n"]);
    let all = rules(&[(PEOPLE, &people), (ROLES, &roles)]);
    let counted: Vec<&str> = all.iter().map(|d| d.rule).filter(|r| r.starts_with("roles/org")).collect();
    assert!(counted.is_empty(), "no organisation holds two seats: {all:#?}");
    let (people, roles) =
        council(&["    affiliation: Acme\n", "    affiliation: ACME\n", "    affiliation: 独立开发者\n"]);
    let cap = hits(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-cap");
    assert_eq!(cap.len(), 1, "Acme twice is still an organisation: {cap:#?}");
}

#[test]
fn the_current_history_entry_counts_when_affiliation_is_absent() {
    let entry = |name: &str| {
        format!("    affiliations:\n      - {{ name: Old Co, from: 2018-01-01, until: 2019-01-01 }}\n      - {{ name: {name}, from: 2019-01-02 }}\n")
    };
    let (people, roles) = council(&[&entry("Acme"), &entry("Acme"), &entry("Beta")]);
    let cap = hits(&[(PEOPLE, &people), (ROLES, &roles)], "roles/org-cap");
    assert_eq!(cap.len(), 1, "{cap:#?}");
    assert!(cap[0].2.contains("Acme"), "{}", cap[0].2);
    let none = hits(&[(PEOPLE, &people), (ROLES, &roles)], "roles/no-affiliation");
    assert!(none.is_empty(), "{none:#?}");
}

#[test]
fn the_people_page_and_maintainers_md_show_the_history() {
    let dir = site(&[(
        PEOPLE,
        &HISTORY
            .replace("    affiliation: Example Corp\n", "")
            .replace("      - { name: Side Gig, from: 2021-01-01 }\n", "")
            .replace("until: 2019-12-31", "until: 2020-12-31"),
    )]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "people/index.html");
    assert!(page.contains("<dt>Affiliation</dt><dd>Quarry Systems</dd>"), "{page}");
    assert!(
        page.contains(r#"<li>Northwind <span class="muted"><time datetime="2019-04-01">2019-04-01</time> – <time datetime="2023-06-30">2023-06-30</time></span></li>"#),
        "{page}"
    );
    assert!(
        page.contains(
            r#"<li>Quarry Systems <span class="muted"><time datetime="2023-07-01">2023-07-01</time> – now</span></li>"#
        ),
        "{page}"
    );
    let to = dir.path().join("exported");
    let result = common::govsite(&["export", &dir.path().to_string_lossy(), "--to", &to.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let maintainers = std::fs::read_to_string(to.join("MAINTAINERS.md")).expect("MAINTAINERS.md");
    assert!(
        maintainers.contains("| Alice Zhang | [@alicez](https://github.com/alicez) | Quarry Systems |"),
        "{maintainers}"
    );
    assert!(maintainers.contains("| Alice Zhang | Northwind | 2019-04-01 | 2023-06-30 |\n| Alice Zhang | Quarry Systems | 2023-07-01 | now |"), "{maintainers}");
}
