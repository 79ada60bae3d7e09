//! Code of conduct 3.0 and security policy v2 (spec v2 §4): the checked values and the
//! changed `security/no-timeline` at exact positions, and where the new keys are shown —
//! the pages of both themes and the exported CODE_OF_CONDUCT.md, SECURITY.md and
//! MAINTAINERS.md.

mod common;

use common::{build, govsite, read, site, stderr};
use govsite::diagnostics::Diagnostic;

const COC: &str = "governance/code-of-conduct.yaml";
const SEC: &str = "governance/security.yaml";

/// Loads and checks a MINIMAL site with `changes`: the loader's and the rules' diagnostics.
fn diagnostics(changes: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    let mut all = loaded.diagnostics;
    all.extend(govsite::rules::check(&loaded.site));
    govsite::diagnostics::sort(&mut all);
    all
}

/// (line, column) of every diagnostic of `rule`.
fn at(all: &[Diagnostic], rule: &str) -> Vec<(usize, usize)> {
    all.iter().filter(|d| d.rule == rule).map(|d| (d.line, d.column)).collect()
}

fn export(dir: &std::path::Path) -> std::path::PathBuf {
    let out = dir.join("exported");
    let result = govsite(&["export", &dir.to_string_lossy(), "--to", &out.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    out
}

const CONDUCT_V3: &str = "based_on: { name: Contributor Covenant, version: \"3.0\" }
pledge: We pledge to be kind.
standards:
  positive: [Be kind]
  negative: [Harassment]
scope: All spaces.
reporting:
  contacts:
    - { name: Conduct WG, email: conduct@tiny.example.org }
    - { person: alice, title: Lead responder, when: \"if the Conduct WG has a conflict of interest\" }
  acknowledge_days: 7
  contents: [What happened, Who was there]
enforcement:
  - { level: Warning, event: One incident, consequence: A private note, repair: An apology }
  - { level: Permanent Ban, event: A pattern, consequence: Removal, repair: None possible }
";

#[test]
fn no_timeline_asks_for_an_acknowledgement_and_a_disclosure_timeline() {
    // A route without a time, and nothing about disclosure: the route, and the file's top.
    let sec = "contacts:\n  - { kind: email, address: s@tiny.example.org, acknowledge_days: 2 }\n  - { kind: form, address: \"https://tiny.example.org/report\" }\n";
    let all = diagnostics(&[(SEC, sec)]);
    assert_eq!(at(&all, "security/no-timeline"), [(1, 1), (3, 5)], "{all:#?}");
    let disclosure = all.iter().find(|d| d.rule == "security/no-timeline" && d.line == 1).expect("disclosure");
    assert!(disclosure.message.contains("disclosed"), "{}", disclosure.message);
    assert!(disclosure.help.as_deref().is_some_and(|h| h.contains("`disclosure:`")), "{disclosure:#?}");

    // A negotiated disclosure is a timeline; each route has its time: nothing to say.
    let negotiated = "contacts:\n  - { kind: email, address: s@tiny.example.org, acknowledge_days: 2, scope: everything }\n  - { kind: form, address: \"https://tiny.example.org/report\", acknowledge_days: 5 }\ndisclosure: The date is agreed with the reporter.\n";
    assert_eq!(at(&diagnostics(&[(SEC, negotiated)]), "security/no-timeline"), []);

    // A blank `disclosure:` is where the timeline was meant to go.
    let blank = "contact: { email: s@tiny.example.org }\nacknowledge_days: 3\ndisclosure: \"  \"\n";
    assert_eq!(at(&diagnostics(&[(SEC, blank)]), "security/no-timeline"), [(3, 1)]);
    // `disclosure_days` alone still does, as in version 1.
    let days = "contact: { email: s@tiny.example.org }\nacknowledge_days: 3\ndisclosure_days: 90\n";
    assert_eq!(at(&diagnostics(&[(SEC, days)]), "security/no-timeline"), []);
}

#[test]
fn new_security_values_are_checked_where_written() {
    let sec = "contact: { email: s@tiny.example.org }\nacknowledge_days: 3\ndisclosure_days: 90\nsupported_versions:\n  - { version: \"3.15\", status: prerelese }\n  - { version: \"3.14\", status: supported }\npgp_key: \"javascript:alert(1)\"\n";
    let all = diagnostics(&[(SEC, sec)]);
    assert_eq!(at(&all, "schema/enum"), [(5, 32)], "{all:#?}");
    let status = all.iter().find(|d| d.rule == "schema/enum").expect("enum");
    assert!(status.help.as_deref().is_some_and(|h| h.starts_with("did you mean `prerelease`?")), "{status:#?}");
    assert_eq!(at(&all, "schema/url"), [(7, 10)], "{all:#?}");

    let typo = "contact: { email: s@tiny.example.org }\nacknowledge_days: 3\ndisclosure_days: 90\nsupported_versions:\n  - { version: \"3.15\", statu: prerelease }\n";
    let all = diagnostics(&[(SEC, typo)]);
    assert_eq!(at(&all, "schema/unknown-field"), [(5, 24)], "{all:#?}");
    assert!(all[0].help.as_deref().is_some_and(|h| h.contains("did you mean `status`?")), "{all:#?}");
}

#[test]
fn conduct_values_are_checked_where_written() {
    let v = |version: &str| CONDUCT_V3.replace("\"3.0\"", version);
    assert_eq!(at(&diagnostics(&[(COC, CONDUCT_V3)]), "schema/enum"), []);
    for known in ["\"1.4\"", "\"2.0\"", "\"2.1\""] {
        assert_eq!(at(&diagnostics(&[(COC, &v(known))]), "schema/enum"), [], "{known}");
    }
    let all = diagnostics(&[(COC, &v("\"3\""))]);
    assert_eq!(at(&all, "schema/enum"), [(1, 50)], "{all:#?}");
    let d = all.iter().find(|d| d.rule == "schema/enum").expect("enum");
    assert!(d.message.contains("Contributor Covenant version"), "{}", d.message);
    assert!(d.help.as_deref().is_some_and(|h| h.starts_with("did you mean `3.0`?")), "{d:#?}");
    // Other codes number their versions as they like.
    let psf = v("\"1\"").replace("Contributor Covenant", "PSF Code of Conduct");
    assert_eq!(at(&diagnostics(&[(COC, &psf)]), "schema/enum"), []);

    // A report is acknowledged within a whole number of days above 0.
    let zero = CONDUCT_V3.replace("acknowledge_days: 7", "acknowledge_days: 0");
    let all = diagnostics(&[(COC, &zero)]);
    assert_eq!(at(&all, "schema/type"), [(11, 21)], "{all:#?}");
    // The contact's person is a reference.
    let ghost = CONDUCT_V3.replace("person: alice", "person: ghost");
    assert_eq!(at(&diagnostics(&[(COC, &ghost)]), "people/unknown-person"), [(10, 17)]);
}

#[test]
fn the_conduct_page_and_export_show_reporting_and_repair_in_both_orders() {
    for (order, theme) in [("", "default"), ("enforcement_order: unordered\n", "default"), ("", "minimal")] {
        let coc = format!("{CONDUCT_V3}{order}");
        let site_yaml = common::site_yaml(&format!("theme: {theme}\n"));
        let dir = site(&[(COC, &coc), ("site.yaml", &site_yaml)]);
        let public = dir.path().join("public");
        let result = build(dir.path(), &public);
        assert!(result.status.success(), "{}", stderr(&result));
        let page = read(&public, "code-of-conduct/index.html");
        assert!(page.contains("id=\"enforcement\""), "{theme} {order}: the anchor stays");
        assert!(
            page.contains("Lead responder") && page.contains("if the Conduct WG has a conflict of interest"),
            "{page}"
        );
        assert!(page.contains("acknowledged within 7 days."), "{page}");
        assert!(page.contains("What to include in a report") && page.contains("<li>Who was there</li>"), "{page}");
        for label in ["Event", "Consequence", "Repair"] {
            assert!(
                page.contains(&format!("<h4>{label}</h4>")) || page.contains(&format!("<p>{label}:</p>")),
                "{theme} {order}: {label}"
            );
        }
        assert!(page.contains("<p>An apology</p>") && page.contains("<p>None possible</p>"), "{page}");
        assert!(!page.contains("Impact"), "no impact was written: {page}");
    }
    let dir = site(&[(COC, CONDUCT_V3)]);
    let text = read(&export(dir.path()), "CODE_OF_CONDUCT.md");
    assert!(
        text.contains("- Alice Zhang ([@alicez](https://github.com/alicez)), Lead responder (if the Conduct WG has a conflict of interest)"),
        "{text}"
    );
    assert!(text.contains("Every report is acknowledged within 7 days.\n\nA report should include:\n\n- What happened\n- Who was there\n"), "{text}");
    assert!(
        text.contains(
            "### 1. Warning\n\n**Event:** One incident\n\n**Consequence:** A private note\n\n**Repair:** An apology\n"
        ),
        "{text}"
    );
}

const SECURITY_V2: &str = "working_days: true
contacts:
  - { kind: form, address: \"https://tiny.example.org/report\", scope: CPython and pip, acknowledge_days: 5 }
  - { kind: email, address: security@tiny.example.org, scope: \"everything else, or if unsure\", acknowledge_days: 1 }
supported_versions:
  - { version: \"3.15\", status: prerelease }
  - { version: \"3.14\", status: supported }
  - { version: \"3.10\", status: security }
  - { version: \"3.8\", status: end-of-life }
  - { version: \"2.7\", supported: false }
pgp_key: https://tiny.example.org/key.asc
out_of_scope: [Attacks that need *local* code execution]
disclosure: The date is agreed with the reporter.
";

#[test]
fn the_security_page_and_export_show_scopes_statuses_and_working_days() {
    for theme in ["default", "minimal"] {
        let site_yaml = common::site_yaml(&format!("theme: {theme}\n"));
        let dir = site(&[(SEC, SECURITY_V2), ("site.yaml", &site_yaml)]);
        let public = dir.path().join("public");
        let result = build(dir.path(), &public);
        assert!(result.status.success(), "{}", stderr(&result));
        let page = read(&public, "security/index.html");
        assert!(page.contains("for CPython and pip") && page.contains("for everything else, or if unsure"), "{page}");
        assert!(
            page.contains("answered within 5 working days") && page.contains("answered within 1 working day"),
            "{page}"
        );
        assert!(page.contains("<a href=\"https://tiny.example.org/key.asc\">PGP key</a>"), "{page}");
        assert!(page.contains("id=\"out-of-scope\"") && page.contains("<em>local</em>"), "{page}");
        let prerelease = page.find("3.15").and_then(|at| page[at..].find("re-release")).is_some();
        assert!(prerelease, "{theme}: {page}");
        // Only 2.7 is "not supported" (the minimal theme says "no"); never the pre-release.
        let unsupported = if theme == "default" { 1 } else { 0 };
        assert_eq!(page.matches("ot supported").count(), unsupported, "{theme}: {page}");
    }
    let dir = site(&[(SEC, SECURITY_V2)]);
    let page = read(
        &{
            let public = dir.path().join("public");
            assert!(build(dir.path(), &public).status.success());
            public
        },
        "security/index.html",
    );
    for status in ["Pre-release", "Supported", "Security fixes only", "End of life", "Not supported"] {
        assert_eq!(page.matches(&format!(">{status}</span>")).count(), 1, "{status}: {page}");
    }
    let text = read(&export(dir.path()), "SECURITY.md");
    assert!(text.contains("- **Web form:** [https://tiny.example.org/report](https://tiny.example.org/report), for CPython and pip (first answer within 5 working days)"), "{text}");
    assert!(
        text.contains("To encrypt your report, use the project's [PGP key](https://tiny.example.org/key.asc)."),
        "{text}"
    );
    assert!(text.contains("## Out of scope\n\nThese are not treated as vulnerabilities:\n\n- Attacks that need *local* code execution\n"), "{text}");
    for row in [
        "| `3.15` | Pre-release |",
        "| `3.10` | Security fixes only |",
        "| `3.8` | End of life |",
        "| `2.7` | Not supported |",
    ] {
        assert!(text.contains(row), "{row}: {text}");
    }
    // governance.json keeps the version-1 shape and adds `status` where it is written.
    let json = std::fs::read_to_string(dir.path().join("public/governance.json")).expect("governance.json");
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let versions = &json["security"]["supported_versions"];
    assert_eq!(
        versions[0],
        serde_json::json!({ "version": "3.15", "supported": true, "status": "prerelease" }),
        "{json}"
    );
    assert_eq!(versions[3]["supported"], false);
    assert_eq!(versions[4], serde_json::json!({ "version": "2.7", "supported": false }));
}

#[test]
fn the_emeritus_name_replaces_emeritus_in_exports_and_the_minimal_theme() {
    let ladder = "levels:\n  - id: contributor\n    name: Contributor\n    activities: [Open an issue]\n  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [Six months of reviews]\ninactivity: A year.\nremoval: By vote.\nemeritus: Thanked.\nemeritus_name: Inactive core team member\n";
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n    affiliation: Other Inc\n  - id: carol\n    name: Carol\n    github: carol\n    emeritus: true\n";
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members: [alice, bob, carol]\n    former_members:\n      - { person: carol, since: 2019-01-01, until: 2022-01-01, reason: emeritus }\n";
    let files =
        [("governance/ladder.yaml", ladder), ("governance/people.yaml", people), ("governance/roles.yaml", roles)];
    let dir = site(&files);
    let out = export(dir.path());
    let maintainers = read(&out, "MAINTAINERS.md");
    assert!(
        maintainers.contains("## Inactive core team member\n") && !maintainers.contains("## Emeritus"),
        "{maintainers}"
    );
    assert!(maintainers.contains("| 2019-01-01 | 2022-01-01 | Inactive core team member |"), "{maintainers}");
    let contributing = read(&out, "CONTRIBUTING.md");
    assert!(
        contributing.contains("### Inactive core team member\n") && !contributing.contains("Emeritus status"),
        "{contributing}"
    );

    let public = dir.path().join("public");
    assert!(build(dir.path(), &public).status.success());
    let roles_page = read(&public, "roles/index.html");
    assert!(
        roles_page.contains("became Inactive core team member") && !roles_page.contains("became emeritus"),
        "{roles_page}"
    );
    let people_page = read(&public, "people/index.html");
    assert!(people_page.contains("People listed as “Inactive core team member” are thanked"), "{people_page}");

    let mut with_theme = files.to_vec();
    let site_yaml = common::site_yaml("theme: minimal\n");
    with_theme.push(("site.yaml", &site_yaml));
    let dir = site(&with_theme);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let roles_page = read(&public, "roles/index.html");
    assert!(roles_page.contains("Carol</a> (Inactive core team member)"), "{roles_page}");
    assert!(
        roles_page.contains("(Inactive core team member)</li>") && !roles_page.contains("(emeritus)"),
        "{roles_page}"
    );
}

#[test]
fn blank_titles_scopes_and_keys_show_nothing() {
    let coc = CONDUCT_V3.replace("title: Lead responder", "title: \" \"");
    let sec = "contacts:\n  - { kind: email, address: s@tiny.example.org, acknowledge_days: 2, scope: \"\" }\npgp_key: \"\"\ndisclosure_days: 90\n";
    let dir = site(&[(COC, &coc), (SEC, sec)]);
    let public = dir.path().join("public");
    let result = build(dir.path(), &public);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&public, "code-of-conduct/index.html");
    assert!(page.contains("Alice Zhang</a> <span class=\"muted\">— if the Conduct WG"), "{page}");
    let page = read(&public, "security/index.html");
    assert!(!page.contains("route-scope") && !page.contains("PGP key"), "{page}");
}
