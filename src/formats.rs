//! Machine formats of a check: JSON (cli.md), SARIF 2.1.0 (code scanning) and GitHub
//! workflow commands (pull-request annotations).

use crate::diagnostics::{Diagnostic, Severity};
use crate::rules::RULES;
use serde_json::{json, Value};
use std::path::Path;

/// `--format json`: `{"score", "errors", "warnings", "diagnostics": [...]}`.
pub fn json(diagnostics: &[Diagnostic], score: u32) -> String {
    let (errors, warnings) = crate::diagnostics::counts(diagnostics);
    let value = json!({ "score": score, "errors": errors, "warnings": warnings, "diagnostics": diagnostics });
    format!("{value:#}\n")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Where a diagnostic's file is for tools run from the current folder: `DIR/file`.
pub(crate) fn repo_path(dir: &Path, file: &Path) -> String {
    let joined = dir.join(file);
    let text = joined.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// `--format sarif`: SARIF 2.1.0, with every rule's metadata, paths relative to the
/// current folder (run it from the repository root for code scanning).
pub fn sarif(diagnostics: &[Diagnostic], score: u32, dir: &Path) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.replace(['/', '-'], "_"),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": crate::rules::explain::text(r.id).unwrap_or(r.summary) },
                "help": { "text": format!("Run `govsite check --explain {}` for what it checks, why it matters and how to fix it.", r.id) },
                "defaultConfiguration": { "level": level(r.default) },
                "properties": { "tags": ["governance"] }
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            json!({
                "ruleId": d.rule,
                "ruleIndex": RULES.iter().position(|r| r.id == d.rule).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": repo_path(dir, &d.file) },
                        "region": { "startLine": d.line, "startColumn": d.column }
                    }
                }]
            })
        })
        .collect();
    let value = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "govsite",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/govsite/govsite",
                "rules": rules
            }},
            "results": results,
            "properties": { "score": score }
        }]
    });
    format!("{value:#}\n")
}

/// `--format github`: one workflow command per diagnostic, then a notice with the score.
pub fn github(diagnostics: &[Diagnostic], score: u32, dir: &Path) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&github_annotation(d, dir));
    }
    let (errors, warnings) = crate::diagnostics::counts(diagnostics);
    out.push_str(&format!(
        "::notice title=govsite::Governance completeness score {score}/100 ({errors} errors, {warnings} warnings)\n"
    ));
    out
}

/// One diagnostic as a workflow command (`::error file=…,line=…::message`), its file
/// relative to the current folder.
pub(crate) fn github_annotation(d: &Diagnostic, dir: &Path) -> String {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!(
        "::{} file={},line={},col={},title={}::{}\n",
        level(d.severity),
        escape_property(&repo_path(dir, &d.file)),
        d.line,
        d.column,
        escape_property(d.rule),
        escape_data(&message)
    )
}

/// Workflow command data: `%`, CR and LF are escaped.
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Workflow command properties: also `:` and `,`.
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    fn sample() -> Vec<Diagnostic> {
        vec![Diagnostic::error(
            "people/unknown-person",
            "governance/roles.yaml",
            Pos { line: 14, column: 7, len: 5 },
            "role `maintainer` lists `carol`, who is not in people.yaml",
        )
        .with_help("add `carol` to governance/people.yaml, or did you mean `carl`?")]
    }

    #[test]
    fn json_matches_the_contract() {
        let value: Value = serde_json::from_str(&json(&sample(), 87)).unwrap();
        assert_eq!(
            value,
            json!({"score": 87, "errors": 1, "warnings": 0, "diagnostics": [{
                "rule": "people/unknown-person", "severity": "error",
                "message": "role `maintainer` lists `carol`, who is not in people.yaml",
                "file": "governance/roles.yaml", "line": 14, "column": 7,
                "help": "add `carol` to governance/people.yaml, or did you mean `carl`?"}]})
        );
    }

    #[test]
    fn github_commands_are_escaped() {
        let text = github(&sample(), 87, Path::new("site"));
        assert_eq!(
            text.lines().next().unwrap(),
            "::error file=site/governance/roles.yaml,line=14,col=7,title=people/unknown-person::role `maintainer` lists `carol`, who is not in people.yaml%0Ahelp: add `carol` to governance/people.yaml, or did you mean `carl`?"
        );
        assert!(text.ends_with("::notice title=govsite::Governance completeness score 87/100 (1 errors, 0 warnings)\n"));
    }
}
