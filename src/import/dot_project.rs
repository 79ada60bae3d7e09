//! CNCF `.project/project.yaml` and `.project/maintainers.yaml` (schema 1.0.0, described in
//! cncf/automation `utilities/dot-project/SCHEMA.md`): the project's name and description,
//! its security contact and contributor identity (DCO/CLA), and the `project-maintainers` team.
//!
//! Read leniently: fields govsite does not use are ignored, so a newer schema still imports.

use super::documents::SecurityContact;
use super::people::{is_handle, Found, Seat};
use serde::Deserialize;

/// What project.yaml says that a site uses.
#[derive(Debug, Default, PartialEq)]
pub struct ProjectFacts {
    /// Display name.
    pub name: Option<String>,
    /// One-line description.
    pub description: Option<String>,
    /// `security.contact`.
    pub security: Option<SecurityContact>,
    /// `dco` or `cla`, from `legal.identity_type`.
    pub sign_off: Option<&'static str>,
}

#[derive(Deserialize, Default)]
struct Project {
    name: Option<String>,
    description: Option<String>,
    #[serde(default)]
    security: Security,
    #[serde(default)]
    legal: Legal,
}

#[derive(Deserialize, Default)]
struct Security {
    contact: Option<Contact>,
}

#[derive(Deserialize, Default)]
struct Contact {
    email: Option<String>,
    advisory_url: Option<String>,
}

#[derive(Deserialize, Default)]
struct Legal {
    identity_type: Option<Identity>,
}

#[derive(Deserialize, Default)]
struct Identity {
    #[serde(default)]
    has_dco: bool,
    #[serde(default)]
    has_cla: bool,
}

/// Reads project.yaml; `Err` with the parser's message when it does not read.
pub fn project(text: &str) -> Result<ProjectFacts, String> {
    let p: Project = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let contact = p.security.contact.unwrap_or_default();
    let security = match (contact.email, contact.advisory_url) {
        (Some(email), _) if !email.trim().is_empty() => Some(SecurityContact::Email(email.trim().to_string())),
        (_, Some(url)) if !url.trim().is_empty() => Some(SecurityContact::Url(url.trim().to_string())),
        _ => None,
    };
    let sign_off = p.legal.identity_type.and_then(|i| match (i.has_dco, i.has_cla) {
        (true, _) => Some("dco"),
        (false, true) => Some("cla"),
        _ => None,
    });
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(ProjectFacts { name: clean(p.name), description: clean(p.description), security, sign_off })
}

#[derive(Deserialize, Default)]
struct Maintainers {
    #[serde(default)]
    maintainers: Vec<Entry>,
}

#[derive(Deserialize, Default)]
struct Entry {
    #[serde(default)]
    teams: Vec<Team>,
}

#[derive(Deserialize, Default)]
struct Team {
    #[serde(default)]
    name: String,
    #[serde(default)]
    members: Vec<String>,
}

/// Reads maintainers.yaml: the members of every `project-maintainers` team.
pub fn maintainers(text: &str) -> Result<Vec<Found>, String> {
    let m: Maintainers = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let mut out: Vec<Found> = Vec::new();
    for team in m.maintainers.iter().flat_map(|e| e.teams.iter()).filter(|t| t.name == "project-maintainers") {
        for member in &team.members {
            let handle = member.trim().trim_start_matches('@');
            let known = out.iter().any(|f| f.github.as_deref().is_some_and(|g| g.eq_ignore_ascii_case(handle)));
            if is_handle(handle) && !known {
                out.push(Found { github: Some(handle.to_string()), seats: vec![Seat::Maintainer], ..Found::default() });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_facts_govsite_uses() {
        let facts = super::project("schema_version: \"1.0.0\"\nslug: demo\nname: Demo\ndescription: Demos things.\nsecurity:\n  contact: { advisory_url: \"https://github.com/d/demo/security/advisories/new\" }\nlegal:\n  identity_type: { has_dco: true }\nmaturity_log: []\n").unwrap();
        assert_eq!(facts.name.as_deref(), Some("Demo"));
        assert_eq!(facts.sign_off, Some("dco"));
        let people = super::maintainers("maintainers:\n  - project_id: demo\n    teams:\n      - name: project-maintainers\n        members: [\"@ann\", bo, ANN]\n      - name: reviewers\n        members: [cy]\n").unwrap();
        let handles: Vec<_> = people.iter().filter_map(|p| p.github.as_deref()).collect();
        assert_eq!(handles, ["ann", "bo"]);
    }
}
