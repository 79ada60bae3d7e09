//! Every file `govsite export` writes for other tools passes that tool's real schema:
//! Security Insights 2.2.0 (CUE, translated and cross-checked here), the CNCF `.project`
//! schema v1.0.0 (its JSON Schema, and what its SCHEMA.md requires of maintainers.yaml), the
//! foundation's maintainers CSV, GitHub's CODEOWNERS and Prow's OWNERS_ALIASES.

mod common;

use common::{example_site, govsite, read, stderr};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// The example site exported once.
fn exported() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        let (site, to) = (example_site(), out.path().to_path_buf());
        let result = govsite(&["export", &site.to_string_lossy(), "--to", &to.to_string_lossy()]);
        assert!(result.status.success(), "example-site must export:\n{}", stderr(&result));
        out
    })
    .path()
}

fn yaml_as_json(text: &str) -> Value {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).expect("valid YAML");
    serde_json::to_value(yaml).expect("YAML that JSON can hold")
}

fn validate(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"));
    validator.iter_errors(instance).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// The fields of CUE definition `#name` in `cue`: (field, required), from its top level.
fn cue_fields(cue: &str, name: &str) -> Vec<(String, bool)> {
    let start = cue.find(&format!("\n#{name}: {{")).unwrap_or_else(|| panic!("no #{name} in the CUE schema"));
    let mut depth = 0usize;
    let mut fields = Vec::new();
    for line in cue[start + 1..].lines() {
        let code = line.split("//").next().unwrap_or("").trim();
        if depth == 1 && !code.is_empty() {
            if let Some((key, _)) = code.split_once(':') {
                let (key, optional) = match key.strip_suffix('?') {
                    Some(k) => (k, true),
                    None => (key, false),
                };
                fields.push((key.trim_matches('"').to_string(), !optional));
            }
        }
        depth += code.matches('{').count();
        depth -= code.matches('}').count().min(depth);
        if depth == 0 && line.contains('}') {
            break;
        }
    }
    fields
}

#[test]
fn the_security_insights_translation_matches_the_cue_schema() {
    let cue = include_str!("fixtures/security-insights-2.2.0.cue");
    let schema: Value = serde_json::from_str(include_str!("fixtures/security-insights-2.2.0.schema.json")).unwrap();
    let defs = schema["$defs"].as_object().unwrap();
    let mut translated = 0;
    for (name, def) in defs.iter().filter(|(_, d)| d.get("properties").is_some()) {
        let mut cue_side = cue_fields(cue, name);
        let mut json_side: Vec<(String, bool)> = def["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| (k.clone(), def["required"].as_array().is_some_and(|r| r.iter().any(|x| x == k))))
            .collect();
        cue_side.sort();
        json_side.sort();
        assert_eq!(json_side, cue_side, "#{name}: the translation's fields differ from the CUE schema's");
        assert_eq!(def["additionalProperties"], Value::Bool(false), "#{name} is closed in CUE");
        translated += 1;
    }
    assert_eq!(
        translated, 7,
        "Header, Contact, Link, ProjectRepository, ProjectDocumentation, VulnerabilityReporting, Project"
    );
    let mut top = cue_fields(cue, "SecurityInsights");
    top.sort();
    assert_eq!(top, [("header".to_string(), true), ("project".to_string(), false), ("repository".to_string(), false)]);
    for (primitive, pattern) in
        [("URL", "^https?://[^\\\\s]+$"), ("Email", "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\\\.[A-Za-z]{2,}$")]
    {
        assert!(cue.contains(&format!("#{primitive}: =~\"{pattern}\"")), "#{primitive} changed in the CUE schema");
        assert_eq!(defs[primitive]["pattern"].as_str().unwrap(), pattern.replace("\\\\", "\\"));
    }
}

#[test]
fn security_insights_passes_the_2_2_0_schema() {
    let schema: Value = serde_json::from_str(include_str!("fixtures/security-insights-2.2.0.schema.json")).unwrap();
    let instance = yaml_as_json(&read(exported(), "security-insights.yml"));
    assert_eq!(validate(&schema, &instance), Vec::<String>::new());
    assert_eq!(instance["header"]["schema-version"], "2.2.0");
    assert_eq!(
        instance["header"]["url"], "https://raw.githubusercontent.com/lumen-project/lumen/HEAD/security-insights.yml",
        "2.2.0: the file's canonical address, not the project's"
    );
    assert_eq!(
        instance["project"]["vulnerability-reporting"]["policy"],
        "https://lumen-project.github.io/lumen/security/"
    );
    // The schema is strict enough to catch the 2.0.0 spelling.
    let mut old = instance.clone();
    old["project"]["vulnerability-reporting"]["security-policy"] = Value::String("https://x.org/".into());
    assert_eq!(validate(&schema, &old).len(), 1);
}

#[test]
fn dot_project_project_yaml_passes_the_cncf_schema_and_its_written_rules() {
    let schema: Value = serde_json::from_str(include_str!("fixtures/dot-project-schema-1.0.0.json")).unwrap();
    let instance = yaml_as_json(&read(exported(), ".project/project.yaml"));
    assert_eq!(validate(&schema, &instance), Vec::<String>::new());
    // SCHEMA.md's rules beyond the JSON Schema: non-empty name and description, at least one
    // maturity entry in chronological order, at least one repository.
    assert!(instance["name"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(instance["description"].as_str().is_some_and(|s| !s.is_empty()));
    let dates: Vec<&str> =
        instance["maturity_log"].as_array().unwrap().iter().map(|m| m["date"].as_str().unwrap()).collect();
    assert!(!dates.is_empty() && dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(!instance["repositories"].as_array().unwrap().is_empty());
    assert_eq!(instance["slug"], "lumen");
    assert_eq!(instance["maturity_log"][1]["phase"], "incubating");
    assert_eq!(instance["maturity_log"][1]["date"], "2025-02-11T00:00:00Z");
    assert_eq!(instance["legal"]["identity_type"]["has_dco"], true);
}

/// What cncf/automation's SCHEMA.md requires of maintainers.yaml (it has no JSON Schema).
fn maintainers_problems(doc: &Value, slug: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(top) = doc.as_object() else { return vec!["not a mapping".into()] };
    problems.extend(top.keys().filter(|k| *k != "maintainers").map(|k| format!("unknown field `{k}`")));
    let entries = doc["maintainers"].as_array().cloned().unwrap_or_default();
    if entries.is_empty() {
        problems.push("`maintainers` needs at least one entry".into());
    }
    for entry in &entries {
        let fields = entry.as_object().cloned().unwrap_or_default();
        problems.extend(
            fields
                .keys()
                .filter(|k| !["project_id", "org", "teams"].contains(&k.as_str()))
                .map(|k| format!("unknown field `{k}`")),
        );
        if entry["project_id"] != slug {
            problems.push(format!("project_id {} is not the slug {slug}", entry["project_id"]));
        }
        let teams = entry["teams"].as_array().cloned().unwrap_or_default();
        let required = teams.iter().find(|t| t["name"] == "project-maintainers");
        if required.and_then(|t| t["members"].as_array()).is_none_or(|m| m.is_empty()) {
            problems.push("no non-empty `project-maintainers` team".into());
        }
        for team in &teams {
            let fields = team.as_object().cloned().unwrap_or_default();
            problems.extend(
                fields
                    .keys()
                    .filter(|k| !["name", "members"].contains(&k.as_str()))
                    .map(|k| format!("unknown team field `{k}`")),
            );
            let members = team["members"].as_array().cloned().unwrap_or_default();
            let mut seen: Vec<String> = Vec::new();
            for m in &members {
                let Some(handle) = m.as_str() else {
                    problems.push(format!("member {m} is not a string"));
                    continue;
                };
                if handle.trim() != handle || handle.starts_with('@') || handle.is_empty() {
                    problems.push(format!("member `{handle}` is not a normalised handle"));
                }
                if seen.contains(&handle.to_lowercase()) {
                    problems.push(format!("member `{handle}` twice"));
                }
                seen.push(handle.to_lowercase());
            }
        }
    }
    problems
}

#[test]
fn dot_project_maintainers_yaml_has_the_structure_schema_md_requires() {
    let doc = yaml_as_json(&read(exported(), ".project/maintainers.yaml"));
    assert_eq!(maintainers_problems(&doc, "lumen"), Vec::<String>::new());
    let bad = serde_json::json!({"maintainers": [{"project_id": "x", "teams": [{"name": "reviewers", "members": ["@a", "a"]}]}], "extra": 1});
    assert_eq!(
        maintainers_problems(&bad, "lumen").len(),
        4,
        "the check can fail: {:?}",
        maintainers_problems(&bad, "lumen")
    );
    let teams = doc["maintainers"][0]["teams"].as_array().unwrap();
    assert_eq!(
        teams[0]["members"],
        serde_json::json!(["mokafor", "siobhan-oneill", "tvidal", "priyaraman", "jbecker"])
    );
}

/// The foundation CSV's fields, RFC 4180.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn the_maintainers_csv_has_the_foundation_columns_and_one_row_per_maintainer() {
    let text = read(exported(), "project-maintainers.csv");
    let rows = csv_rows(&text);
    assert_eq!(
        rows[0],
        [",Project,Maintainer Name,Company,Github Name,OWNERS/MAINTAINERS".split(',').collect::<Vec<_>>()].concat()
    );
    assert!(rows.iter().all(|r| r.len() == 6), "{rows:?}");
    assert_eq!(rows.len(), 6, "the header and the five active maintainers: {text}");
    assert_eq!(
        rows[1],
        [
            "Incubating",
            "Lumen",
            "Mira Okafor",
            "Northwind Labs",
            "mokafor",
            "https://github.com/lumen-project/lumen/blob/HEAD/MAINTAINERS.md"
        ]
    );
    assert!(rows[2..].iter().all(|r| r[0].is_empty() && r[1].is_empty() && r[5].is_empty()), "{rows:?}");
    assert!(!text.contains("Wei Chen"), "emeritus maintainers are not listed");
}

#[test]
fn codeowners_and_owners_aliases_are_well_formed() {
    let codeowners = read(exported(), "CODEOWNERS");
    let handle = |o: &str| {
        o.strip_prefix('@').is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            || o.split_once('@').is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
    };
    let lines: Vec<&str> = codeowners.lines().filter(|l| !l.starts_with('#')).collect();
    assert!(!lines.is_empty());
    for line in &lines {
        let mut parts = line.split_whitespace();
        let pattern = parts.next().unwrap();
        assert!(pattern.starts_with('/') && !pattern.contains(".."), "{line}");
        let owners: Vec<&str> = parts.collect();
        assert!(!owners.is_empty() && owners.iter().all(|o| handle(o)), "{line}");
    }
    assert!(codeowners.contains("\n/storage/ @mokafor\n"), "{codeowners}");
    let aliases = yaml_as_json(&read(exported(), "OWNERS_ALIASES"));
    let map = aliases["aliases"].as_object().expect("an `aliases` mapping");
    assert_eq!(aliases.as_object().unwrap().len(), 1, "only `aliases`");
    for (name, handles) in map {
        let handles = handles.as_array().unwrap_or_else(|| panic!("{name} is not a list"));
        assert!(!handles.is_empty() && handles.iter().all(|h| h.as_str().is_some_and(|h| handle(&format!("@{h}")))));
    }
    assert!(!map["maintainer"].as_array().unwrap().iter().any(|h| h == "weichen"), "emeritus is not an owner");
}
