//! `govsite check`: output formats, profiles, overrides, exemptions, score and `--explain`.

mod common;

use common::{govsite, site};
use serde_json::Value;

fn check(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    govsite(&all)
}

/// A site with one error (an unknown person) and one warning (a person without contact).
fn flawed() -> tempfile::TempDir {
    let roles = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps it.\n    responsibilities: [Review]\n    members:\n      - alice\n      - bob\n      - carl\n";
    let people = "people:\n  - id: alice\n    name: Alice\n    github: a\n    affiliation: A Corp\n  - id: bob\n    name: Bob\n    affiliation: B Corp\n";
    site(&[("governance/roles.yaml", roles), ("governance/people.yaml", people)])
}

#[test]
fn json_is_exactly_the_contract() {
    let dir = flawed();
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["diagnostics", "errors", "score", "warnings"]);
    assert_eq!((value["errors"].as_u64(), value["warnings"].as_u64()), (Some(1), Some(1)));
    let unknown =
        value["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "people/unknown-person").unwrap();
    assert_eq!(unknown["file"], "governance/roles.yaml");
    assert_eq!((unknown["line"].as_u64(), unknown["column"].as_u64()), (Some(9), Some(9)));
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["help"], "add `carl` to governance/people.yaml");
    let score = value["score"].as_u64().unwrap();
    assert!(score < 100 && score > 50, "{score}");
}

#[test]
fn human_output_is_cargo_style_with_a_summary() {
    let dir = flawed();
    let out = check(dir.path(), &[]);
    let text = common::stderr(&out);
    assert!(
        text.contains("error[people/unknown-person]: role `maintainer` lists `carl`, who is not in people.yaml"),
        "{text}"
    );
    assert!(text.contains("--> governance/roles.yaml:9:9"), "{text}");
    assert!(text.contains("|       - carl\n"), "{text}");
    assert!(text.contains("^^^^ not a person id"), "{text}");
    assert!(text.contains("warning[people/no-contact]"), "{text}");
    assert!(text.contains("1 error, 1 warning; completeness score"), "{text}");
    assert!(!text.contains("\u{1b}["), "no colour when not on a terminal");
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let dir = flawed();
    let out = check(dir.path(), &["--format", "sarif"]);
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The official schema's own `language` pattern has an unbalanced `]` that strict regex
    // engines reject (the meta-schema would refuse the schema itself); escape it.
    let text = include_str!("fixtures/sarif-schema-2.1.0.json").replace("{2}]?$", "{2}\\\\]?$");
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), govsite::rules::RULES.len());
    let first = &results[0];
    let index = first["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], first["ruleId"]);
}

#[test]
fn github_format_annotates_pull_requests() {
    let dir = flawed();
    let out = check(dir.path(), &["--format", "github"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let prefix = format!(
        "::error file={}/governance/roles.yaml,line=9,col=9,title=people/unknown-person::",
        dir.path().display()
    );
    assert!(text.lines().any(|l| l.starts_with(&prefix)), "{text}");
    assert!(text.lines().any(|l| l.starts_with("::warning file=") && l.contains("title=people/no-contact")), "{text}");
}

#[test]
fn profiles_raise_rules_to_errors() {
    // One organisation holds the whole deciding body: a warning by default, an error when graduated.
    let people = "people:\n  - id: alice\n    name: Alice\n    github: a\n    affiliation: Acme\n  - id: bob\n    name: Bob\n    github: b\n    affiliation: \" @acme \"\n";
    let dir = site(&[("governance/people.yaml", people)]);
    let default = check(dir.path(), &["--format", "json"]);
    assert_eq!(default.status.code(), Some(0), "{}", common::stderr(&default));
    let value: Value = serde_json::from_slice(&default.stdout).unwrap();
    assert!(value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["rule"] == "roles/org-diversity" && d["severity"] == "warning"));
    let graduated = check(dir.path(), &["--format", "json", "--profile", "cncf-graduated"]);
    assert_eq!(graduated.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&graduated.stdout).unwrap();
    assert!(value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["rule"] == "roles/org-diversity" && d["severity"] == "error"));
}

#[test]
fn unknown_profile_is_a_usage_error_with_a_suggestion() {
    let dir = site(&[]);
    let out = check(dir.path(), &["--profile", "cncf-graduate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("did you mean `cncf-graduated`?"));
}

#[test]
fn overrides_and_exemptions_with_reasons() {
    let site_yaml = common::site_yaml("check:\n  rules: { people/no-contact: error }\n  exemptions:\n    - { rule: security/no-policy, reason: The foundation's security team handles reports. }\n");
    let people = "people:\n  - id: alice\n    name: Alice\n    github: a\n    affiliation: A Corp\n  - id: bob\n    name: Bob\n    affiliation: B Corp\n";
    let dir = site(&[("site.yaml", &site_yaml), ("governance/people.yaml", people), ("governance/security.yaml", "")]);
    let out = check(dir.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "people/no-contact raised to error");
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<_> =
        value["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect();
    assert!(rules.contains(&"people/no-contact".to_string()));
    assert!(!rules.contains(&"security/no-policy".to_string()), "exempted rule is silent");
}

#[test]
fn exemptions_are_published_on_the_portal() {
    let site_yaml = common::site_yaml("check:\n  exemptions:\n    - { rule: security/no-policy, reason: The foundation's security team handles reports. }\n");
    let dir = site(&[("site.yaml", &site_yaml), ("governance/security.yaml", "")]);
    let out = dir.path().join("public");
    assert!(common::build(dir.path(), &out).status.success());
    let home = common::read(&out, "index.html");
    assert!(home.contains("security/no-policy"), "exempted rule shown");
    assert!(
        home.contains("The foundation’s security team handles reports.")
            || home.contains("The foundation's security team handles reports."),
        "reason shown"
    );
    assert!(common::read(&out, "badge.svg").contains("governance: 100%"));
}

#[test]
fn an_exemption_without_a_reason_is_an_error() {
    let site_yaml = common::site_yaml("check:\n  exemptions:\n    - { rule: security/no-policy }\n");
    let dir = site(&[("site.yaml", &site_yaml)]);
    let checked = govsite::check(dir.path(), &Default::default()).unwrap();
    let d = checked.diagnostics.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!((d.rule, d.line), ("schema/missing-field", 11));
    assert!(d.message.contains("reason"));
}

#[test]
fn check_config_problems_are_located() {
    let site_yaml = common::site_yaml(
        "check:\n  profile: cncf-graduate\n  rules: { people/no-contcat: error, yaml/syntax: allow }\n",
    );
    let dir = site(&[("site.yaml", &site_yaml)]);
    let checked = govsite::check(dir.path(), &Default::default()).unwrap();
    let config: Vec<_> = checked.diagnostics.iter().filter(|d| d.rule == "check/config").collect();
    assert_eq!(config.len(), 3, "{config:#?}");
    assert_eq!((config[0].line, config[0].column), (10, 12));
    assert_eq!(config[0].help.as_deref(), Some("did you mean `cncf-graduated`?"));
    assert!(config.iter().any(|d| d.help.as_deref().unwrap_or("").contains("did you mean `people/no-contact`?")));
    assert!(config.iter().any(|d| d.message.contains("cannot be changed")));
}

#[test]
fn min_score_fails_the_check() {
    let dir = flawed();
    // flawed() has an error; use a clean site with one warning instead.
    drop(dir);
    let people = "people:\n  - id: alice\n    name: Alice\n    github: a\n    affiliation: A Corp\n  - id: bob\n    name: Bob\n    affiliation: B Corp\n";
    let dir = site(&[("governance/people.yaml", people)]);
    assert_eq!(check(dir.path(), &[]).status.code(), Some(0));
    let out = check(dir.path(), &["--min-score", "100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains("is below the minimum of 100"));
}

#[test]
fn explain_names_the_criterion_and_suggests_on_typos() {
    let out = govsite(&["check", "--explain", "roles/org-diversity"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# roles/org-diversity (warning)"));
    for part in ["## What it checks", "## Why it matters", "## How to fix", "```yaml"] {
        assert!(text.contains(part), "{part} missing");
    }
    let short = govsite(&["check", "--explain", "org-diversity"]);
    assert_eq!(short.stdout, text.as_bytes(), "a unique short name is enough");
    let all = govsite(&["check", "--explain"]);
    assert_eq!(all.status.code(), Some(0));
    let listed = String::from_utf8(all.stdout).unwrap();
    for rule in govsite::rules::RULES {
        assert!(listed.contains(&format!("  {} ", rule.id)), "{} is not listed", rule.id);
    }
    let typo = govsite(&["check", "--explain", "roles/org-diversty"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(common::stderr(&typo).contains("did you mean `roles/org-diversity`?"));
}

#[test]
fn example_site_is_clean_under_every_profile() {
    for profile in govsite::rules::profiles::names() {
        let out = check(&common::example_site(), &["--format", "json", "--profile", profile]);
        let value: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(value["diagnostics"], serde_json::json!([]), "profile {profile}");
        assert_eq!(value["score"], 100);
    }
}

/// Issue 9: a wrong DIR says what was meant.
#[test]
fn a_wrong_folder_says_what_was_meant() {
    let dir = site(&[]);
    let file = dir.path().join("site.yaml");
    let out = govsite(&["check", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let text = common::stderr(&out);
    assert!(text.contains("is a file, not a site folder"), "{text}");
    assert!(text.contains(&format!("pass the folder that holds it: {}", dir.path().display())), "{text}");
    let missing = dir.path().join("nope");
    let out = govsite(&["build", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("does not exist"), "{}", common::stderr(&out));
}
