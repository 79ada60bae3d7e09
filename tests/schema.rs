//! `govsite schema`: each document's schema is a valid draft 2020-12 JSON Schema, accepts the
//! example site, the `init` templates and a portfolio, and refuses unknown keys, wrong types
//! and missing required keys — where govsite itself refuses them. Runs the real binary.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DOCUMENTS: [&str; 11] = [
    "site",
    "portfolio",
    "charter",
    "people",
    "roles",
    "ladder",
    "code-of-conduct",
    "security",
    "groups",
    "decisions",
    "front-matter",
];

fn govsite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govsite")).args(args).env("NO_COLOR", "1").output().expect("run govsite")
}

/// `govsite schema DOCUMENT`, parsed.
fn schema(document: &str) -> Value {
    let output = govsite(&["schema", document]);
    assert_eq!(output.status.code(), Some(0), "schema {document}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("schema {document} is not JSON: {e}"))
}

fn validator(document: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&schema(document)).unwrap_or_else(|e| panic!("schema {document} does not compile: {e}"))
}

/// YAML as the JSON value an editor's YAML language server validates.
fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
}

/// Every validation error, as `path: message`.
fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator.iter_errors(value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// The front matter of a Markdown page: the lines between the first two `---` lines.
fn front_matter(text: &str) -> String {
    let mut lines = text.lines();
    assert_eq!(lines.next().map(str::trim_end), Some("---"), "a page starts with front matter");
    lines.take_while(|l| l.trim_end() != "---").map(|l| format!("{l}\n")).collect()
}

/// The document a file of a site folder is, if any.
fn document_of(relative: &Path) -> Option<&'static str> {
    let name = relative.to_string_lossy().replace('\\', "/");
    if name.starts_with("content/") && name.ends_with(".md") {
        return Some("front-matter");
    }
    let stem = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml"))?;
    let stem = stem.strip_prefix("governance/").unwrap_or(stem);
    DOCUMENTS.iter().copied().find(|d| *d == stem && *d != "front-matter")
}

/// Validates every document of the site folder `root`; returns the documents seen.
fn validate_site(root: &Path) -> Vec<&'static str> {
    let validators: Vec<_> = DOCUMENTS.iter().map(|d| (*d, validator(d))).collect();
    let mut seen = Vec::new();
    let mut failures = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(root).unwrap();
        let Some(document) = document_of(relative) else { continue };
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let value = if document == "front-matter" { yaml(&front_matter(&text)) } else { yaml(&text) };
        let (_, validator) = validators.iter().find(|(d, _)| *d == document).unwrap();
        for error in errors(validator, &value) {
            failures.push(format!("{}: {error}", relative.display()));
        }
        seen.push(document);
    }
    assert!(failures.is_empty(), "the schemas refuse files of {}:\n{}", root.display(), failures.join("\n"));
    seen.sort_unstable();
    seen.dedup();
    seen
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn every_document_prints_a_draft_2020_12_schema() {
    for document in DOCUMENTS {
        let schema = schema(document);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{document}");
        assert_eq!(schema["$id"], format!("https://govsite.dev/schema/{document}.json"));
        assert!(schema["title"].as_str().is_some_and(|t| t.starts_with("govsite ")), "{document}: {}", schema["title"]);
        assert!(schema["description"].is_string(), "{document}");
        assert_eq!((&schema["type"], &schema["additionalProperties"]), (&Value::from("object"), &Value::from(false)));
        assert!(jsonschema::meta::is_valid(&schema), "{document}: not a valid JSON Schema");
        // Doc comments become descriptions, down to the fields of nested types.
        assert!(schema["$defs"].as_object().is_none_or(|defs| defs.values().all(|d| d["description"].is_string())));
    }
}

#[test]
fn required_fields_are_required_although_the_model_defaults_them() {
    let site = schema("site");
    assert_eq!(site["required"], serde_json::json!(["title", "base_url", "project"]));
    assert_eq!(site["$defs"]["Project"]["required"], serde_json::json!(["name"]));
    assert_eq!(site["properties"]["title"].get("default"), None, "a required field has no default");
    assert_eq!(site["properties"]["language"]["default"], "en");
    let charter = schema("charter");
    assert_eq!(charter["required"], serde_json::json!(["mission", "scope", "decision_making", "amendments"]));
    let vote = schema("decisions");
    assert_eq!(vote["$defs"]["Votes"]["properties"]["for"]["type"], "integer", "serde renames are followed");
}

#[test]
fn the_example_site_and_the_init_templates_validate() {
    let seen = validate_site(&repo("example-site"));
    let mut every_site_document: Vec<_> = DOCUMENTS.iter().copied().filter(|d| *d != "portfolio").collect();
    every_site_document.sort_unstable();
    assert_eq!(seen, every_site_document, "the example site has every document");
    for template in ["minimal", "cncf"] {
        let seen = validate_site(&repo(&format!("src/init/templates/{template}")));
        assert!(seen.contains(&"site") && seen.contains(&"roles"), "{template}: {seen:?}");
    }
}

#[test]
fn a_portfolio_validates() {
    let portfolio = "title: Acme OSPO\nbase_url: https://ospo.acme.org/\ndefaults: org-defaults/\n\
                     projects: [projects/alpha, projects/beta]\ncheck: { profile: cncf-sandbox, min_score: 70 }\n";
    assert_eq!(errors(&validator("portfolio"), &yaml(portfolio)), Vec::<String>::new());
    let empty = "title: Acme OSPO\nbase_url: https://ospo.acme.org/\nprojects: []\n";
    assert!(!validator("portfolio").is_valid(&yaml(empty)), "a portfolio needs a project");
}

/// The other shapes the format allows validate too.
#[test]
fn every_written_form_validates() {
    let cases = [
        ("roles", "roles:\n  - { id: a, name: A, description: D, responsibilities: [R], members: [alice, { person: bob, area: storage/, since: 2023-04-01 }] }\n"),
        ("ladder", "levels:\n  - { id: contributor, name: Contributor }\n  - { id: reviewer, name: Reviewer, requirements: [One.], sponsors: 2, metrics: { prs: 5 } }\n  - { id: maintainer, name: Maintainer, requirements: { all: [One.], any: [Two.] }, sponsors: { count: 2, from: reviewer, distinct_affiliations: true }, upkeep: { reviews: { count: 12, per: year, source: DevStats } } }\n"),
        ("security", "contacts:\n  - { kind: email, address: security@acme.org, acknowledge_days: 3 }\nsupported_versions: [\"2.x\", { version: \"1.x\", supported: false }]\n"),
        ("code-of-conduct", "based_on: { name: Contributor Covenant, version: \"2.1\", by_reference: true }\nreporting: { contacts: [{ person: alice }] }\nenforcement: [{ level: Warning }]\n"),
        ("charter", "mission: M\nscope: { in: [X] }\ndecision_making: { model: voting, body: maintainer, voting: { majority: simple } }\namendments: A\n"),
        // Version 2's keys of people, roles, groups and decisions.
        ("people", "people:\n  - { id: wang-fang, name: 王芳, accounts: { github: wangf, gitee: wang-fang, gitlab: wf, atomgit: wf, codeberg: wf }, independent: true }\n  - { id: omar, name: Omar, github: ohaddad, affiliations: [{ name: Northwind, from: 2019-04-01, until: 2023-06-30 }, { name: Quarry, from: 2023-07-01 }] }\n"),
        ("roles", "roles:\n  - { id: council, name: Council member, body_name: Council, description: D, responsibilities: [R] }\n"),
        ("groups", "groups:\n  - { id: sig, name: SIG, status: archived, archived_on: 2025-06-30, decision_making: { model: voting, body: sig, voting: { majority: simple }, thresholds: [{ decision: X, majority: two-thirds, veto_by: council }] }, meetings: [{ name: Call, time: \"10:00\", timezone: Asia/Shanghai, description: Weekly. }] }\n"),
        // Names and titles as maps of translations.
        ("roles", "roles:\n  - { id: m, name: { en: Maintainer, zh-CN: 维护者 }, body_name: { en: Council, zh-CN: 委员会 }, description: D, responsibilities: [R], members: [{ person: bob, area: { en: Docs, zh-CN: 文档 } }] }\n"),
        ("decisions", "decisions:\n  - { id: d, date: 2025-01-01, title: { en: T, zh-CN: 标题 } }\n"),
        ("decisions", "decisions:\n  - { id: e, date: 2025-01-01, title: T, outcome: elected, body: council, candidates: [{ person: omar, votes: 3, elected: true }, { person: wang-fang }] }\n"),
    ];
    for (document, text) in cases {
        assert_eq!(errors(&validator(document), &yaml(text)), Vec::<String>::new(), "{document}:\n{text}");
    }
}

/// A defective document: the schema must refuse it at `at` (a JSON pointer), and govsite
/// reports `rule` for it (`None`: only the schema catches it; see docs/format.md).
struct Defect {
    file: &'static str,
    document: &'static str,
    text: &'static str,
    at: &'static str,
    rule: Option<&'static str>,
}

const ROLE: &str = "id: maintainer, name: Maintainer, description: Decides., responsibilities: [Review.]";

fn defects() -> Vec<Defect> {
    let roles = |extra: &str| format!("roles:\n  - {{ {ROLE}, members: [ada, alan]{extra} }}\n");
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let d = |file, document, text, at, rule| Defect { file, document, text, at, rule };
    vec![
        d("governance/roles.yaml", "roles", leak(roles(", membres: [ada]")), "/roles/0", Some("schema/unknown-field")),
        d("governance/roles.yaml", "roles", leak(roles(", open: sometimes")), "/roles/0/open", Some("schema/type")),
        d("governance/roles.yaml", "roles", "roles:\n  - { id: maintainer, name: Maintainer, description: Decides., members: [ada] }\n", "/roles/0", Some("schema/missing-field")),
        d("governance/roles.yaml", "roles", leak(roles(", min_members: [2]")), "/roles/0/min_members", Some("schema/type")),
        d("governance/roles.yaml", "roles", "roles:\n  - { id: maintainer, name: Maintainer, description: Decides., responsibilities: [R.], members: [{ person: ada, role: lead }] }\n", "/roles/0/members/0", Some("schema/type")),
        d("governance/people.yaml", "people", "people:\n  - { id: Ada, name: Ada Byron, github: ada }\n", "/people/0/id", Some("schema/type")),
        d("governance/people.yaml", "people", "people:\n  - { id: ada, name: Ada Byron, github: ada, affilation: X }\n", "/people/0", Some("schema/unknown-field")),
        d("site.yaml", "site", "base_url: https://acme.github.io/acme/\nproject: { name: Acme }\n", "", Some("schema/missing-field")),
        d("site.yaml", "site", "title: T\nbase_url: https://acme.github.io/acme/\nproject: { name: Acme, channels: [{ id: chat, type: chat, url: https://c.org, public: yes please }] }\n", "/project/channels/0/public", Some("schema/type")),
        d("site.yaml", "site", "title: T\nbase_url: https://acme.github.io/acme/\nproject: { name: Acme }\ncheck: { profile: cncf }\n", "/check/profile", Some("check/config")),
        d("site.yaml", "site", "title: T\nbase_url: https://acme.github.io/acme/\nproject: { name: Acme }\ncheck: { rules: { roles/bus-factr: error } }\n", "/check/rules", Some("check/config")),
        d("site.yaml", "site", "title: T\nbase_url: https://acme.github.io/acme/\nproject: { name: Acme }\ncheck: { rules: { roles/bus-factor: fatal } }\n", "/check/rules/roles~1bus-factor", Some("check/config")),
        d("governance/charter.yaml", "charter", "mission: M\nscope: { in: [] }\ndecision_making: { model: consensus, body: maintainer }\namendments: A\n", "/scope/in", Some("schema/missing-field")),
        d("governance/charter.yaml", "charter", "mission: M\nscope: { in: [X] }\ndecision_making: { model: voting, body: maintainer }\namendments: A\n", "/decision_making", Some("schema/missing-field")),
        d("governance/ladder.yaml", "ladder", "levels:\n  - { id: contributor, name: Contributor, sponsors: two }\n", "/levels/0/sponsors", Some("schema/type")),
        d("governance/ladder.yaml", "ladder", "levels: []\n", "/levels", Some("schema/missing-field")),
        d("governance/code-of-conduct.yaml", "code-of-conduct", "standards: { positive: [Kind.] }\nscope: Everywhere.\nreporting: { contacts: [{ person: ada }] }\nenforcement: [{ level: Warning }]\n", "", Some("schema/missing-field")),
        d("governance/code-of-conduct.yaml", "code-of-conduct", "based_on: { name: CC, by_reference: true }\nreporting: { contacts: [{ person: ada, phone: 123 }] }\nenforcement: [{ level: Warning }]\n", "/reporting/contacts/0", Some("schema/unknown-field")),
        d("governance/security.yaml", "security", "acknowledge_days: 3\n", "", Some("schema/missing-field")),
        d("governance/security.yaml", "security", "contact: { email: s@acme.org }\ndisclosure_days: ninety\n", "/disclosure_days", Some("schema/type")),
        d("governance/decisions.yaml", "decisions", "decisions:\n  - { id: 2024-01, date: 2024-01-15, title: T, votes: { for: many } }\n", "/decisions/0/votes", Some("schema/type")),
        d("governance/decisions.yaml", "decisions", "decisions:\n  - { id: 2024-01, title: T }\n", "/decisions/0", Some("schema/missing-field")),
        d("governance/decisions.yaml", "decisions", "decisions:\n  - { id: 2024-01, date: 2024-01-15, title: T, candidates: [{ votes: 3 }] }\n", "/decisions/0/candidates/0", Some("schema/missing-field")),
        d("governance/people.yaml", "people", "people:\n  - { id: ada, name: Ada Byron, accounts: { gitea: ada } }\n", "/people/0/accounts", Some("schema/enum")),
        d("governance/people.yaml", "people", "people:\n  - { id: ada, name: Ada Byron, github: ada, affiliations: [{ from: 2020-01-01 }] }\n", "/people/0/affiliations/0", Some("schema/missing-field")),
        d("governance/groups.yaml", "groups", "groups:\n  - { id: sig, name: SIG, decision_making: { model: consensus } }\n", "/groups/0/decision_making", Some("schema/missing-field")),
        d("governance/groups.yaml", "groups", "groups:\n  - { id: sig, name: SIG, meetings: [{ name: Call, time_zone: UTC }] }\n", "/groups/0/meetings/0", Some("schema/unknown-field")),
        d("content/page.md", "front-matter", "---\ntitle: A page\ntitel: typo\n---\n\nText.\n", "", Some("content/front-matter")),
        d("content/page.md", "front-matter", "---\ndescription: no title\n---\n\nText.\n", "", Some("content/front-matter")),
        // The long forms of requirements, sponsors and versions refuse unknown keys too.
        d("governance/ladder.yaml", "ladder", "levels:\n  - { id: contributor, name: Contributor }\n  - { id: maintainer, name: Maintainer, requirements: { all: [One.], anyy: [Two.] } }\n", "/levels/1/requirements", Some("schema/unknown-field")),
        d("governance/security.yaml", "security", "contact: { email: s@acme.org }\nsupported_versions: [{ version: \"1.x\", supportd: false }]\n", "/supported_versions/0", Some("schema/unknown-field")),
        // Version 2's keys: a report is acknowledged within a whole number of days above 0;
        // contacts and versions take only their listed keys.
        d("governance/code-of-conduct.yaml", "code-of-conduct", "based_on: { name: CC, by_reference: true }\nreporting: { contacts: [{ person: ada }], acknowledge_days: 0 }\nenforcement: [{ level: Warning, repair: An apology. }]\n", "/reporting/acknowledge_days", Some("schema/type")),
        d("governance/security.yaml", "security", "contact: { email: s@acme.org }\ncontacts: [{ kind: email, address: s@acme.org, scpoe: all }]\n", "/contacts/0", Some("schema/unknown-field")),
        d("governance/security.yaml", "security", "contact: { email: s@acme.org }\nworking_days: often\n", "/working_days", Some("schema/type")),
    ]
}

/// A copy of the minimal site of docs/format.md, which checks without errors.
fn minimal_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("site.yaml", "title: Acme Community\nbase_url: https://acme.github.io/acme/\nproject:\n  name: Acme\n  license: Apache-2.0\n  channels:\n    - { id: chat, type: chat, url: https://chat.acme.org, public: true, purpose: Questions }\n"),
        ("governance/charter.yaml", "mission: Acme makes widgets.\nscope:\n  in: [Widgets.]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By pull request.\n"),
        ("governance/people.yaml", "people:\n  - { id: ada, name: Ada Byron, github: ada, affiliation: A }\n  - { id: alan, name: Alan Turing, github: alan, affiliation: B }\n"),
        ("governance/roles.yaml", "roles:\n  - { id: maintainer, name: Maintainer, description: Decides., responsibilities: [Review.], members: [ada, alan] }\n"),
        ("governance/ladder.yaml", "levels:\n  - { id: contributor, name: Contributor }\n  - { id: maintainer, name: Maintainer, role: maintainer, requirements: [Six months.] }\ninactivity: A year.\nemeritus: Ask.\nremoval: By vote.\n"),
        ("governance/code-of-conduct.yaml", "pledge: Kindness.\nstandards: { positive: [Kind.], negative: [Harassment.] }\nscope: Everywhere.\nreporting: { contacts: [{ name: Conduct team, email: conduct@acme.org }] }\nenforcement: [{ level: Warning, impact: Rudeness., consequence: A warning. }]\n"),
    ];
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The rules `govsite check --format json` reports for the site in `dir`.
fn check_rules(dir: &Path) -> Vec<String> {
    let output = govsite(&["check", &dir.to_string_lossy(), "--format", "json"]);
    let value: Value = serde_json::from_slice(&output.stdout).expect("check --format json");
    value["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_minimal_site_validates_and_checks_clean() {
    let site = minimal_site();
    validate_site(site.path());
    let rules = check_rules(site.path());
    assert!(!rules.iter().any(|r| r.starts_with("schema/")), "{rules:?}");
}

#[test]
fn unknown_keys_wrong_types_and_missing_required_keys_are_refused() {
    for defect in defects() {
        let value =
            if defect.document == "front-matter" { yaml(&front_matter(defect.text)) } else { yaml(defect.text) };
        let found = errors(&validator(defect.document), &value);
        assert!(
            found.iter().any(|e| e.starts_with(&format!("{}: ", defect.at))),
            "the {} schema should refuse this {} at `{}`:\n{}\nit says: {found:?}",
            defect.document,
            defect.file,
            defect.at,
            defect.text
        );
        // govsite refuses it too: the schema adds no rule of its own.
        let site = minimal_site();
        let path = site.path().join(defect.file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, defect.text).unwrap();
        let rules = check_rules(site.path());
        match defect.rule {
            Some(rule) => assert!(
                rules.iter().any(|r| r == rule),
                "govsite reports no {rule} for {}:\n{}\n{rules:?}",
                defect.file,
                defect.text
            ),
            None => assert!(
                !rules.iter().any(|r| r.starts_with("schema/")),
                "govsite refuses it now: make the rule Some:\n{}",
                defect.text
            ),
        }
    }
}

#[test]
fn without_a_document_it_lists_them_on_stderr_and_says_how_editors_use_them() {
    let output = govsite(&["schema"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing a redirect could mistake for a schema");
    let text = String::from_utf8(output.stderr).unwrap();
    for document in DOCUMENTS {
        assert!(text.contains(&format!("  {document} ")), "{document} is not listed:\n{text}");
    }
    assert!(text.contains("# yaml-language-server: $schema="), "{text}");
    assert!(text.contains("yaml.schemas"), "{text}");
}

#[test]
fn an_unknown_document_is_a_usage_error_with_a_suggestion() {
    let output = govsite(&["schema", "rols"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean `roles`?"), "{stderr}");
    assert!(output.stdout.is_empty());
    let output = govsite(&["schema", "nothing-like-it"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("documents: site, portfolio"));
}
