//! The CNCF files: `.project/project.yaml` and `.project/maintainers.yaml` (the `.project`
//! schema v1.0.0 of cncf/automation's `utilities/dot-project`), and the rows of the
//! foundation's `project-maintainers.csv`.
//!
//! Each value is checked against what the schema accepts (a slug, http(s) URLs, an e-mail
//! address); what the data cannot give is left out rather than guessed.

use super::insights::{si_email, si_url};
use super::people::Row;
use super::PortalUrls;
use crate::model::Site;
use serde::Serialize;

/// What the `.project` files and the CSV say; `None` fields are left out.
#[derive(Serialize)]
pub(super) struct DotProject {
    /// Lowercase letters, digits and inner hyphens, from the project name.
    slug: Option<String>,
    description: String,
    maturity_log: Vec<Step>,
    repositories: Vec<String>,
    security_policy: Option<String>,
    security_email: Option<String>,
    /// `governance:` references, in the schema's order.
    governance: Vec<Reference>,
    has_dco: bool,
    has_cla: bool,
    cla_url: Option<String>,
    /// The GitHub organisation of `project.repository`.
    org: Option<String>,
    /// `project-maintainers`: the deciding body's GitHub handles.
    pub(super) maintainers: Vec<String>,
    /// The other roles as teams.
    teams: Vec<Team>,
    /// The rows of the foundation CSV, one per member of the deciding body: maturity
    /// (`Incubating`), project and the list's address on the first row only, then name,
    /// company and GitHub handle.
    csv: Vec<[String; 6]>,
}

/// A `PathRef` of the schema under its key.
#[derive(Serialize)]
struct Reference {
    key: &'static str,
    path: String,
}

/// A team of maintainers.yaml: a role's id and its current holders' GitHub handles.
#[derive(Serialize, Clone)]
pub(super) struct Team {
    pub(super) name: String,
    pub(super) members: Vec<String>,
}

#[derive(Serialize)]
struct Step {
    phase: String,
    /// RFC 3339 date-time, as the schema's `date-time` format wants (`2023-05-01T00:00:00Z`).
    date: String,
    issue: String,
}

impl DotProject {
    /// Whether the CSV's maturity column would be empty.
    pub(super) fn csv_status_missing(&self) -> bool {
        self.csv.first().is_none_or(|row| row[0].is_empty())
    }
}

/// `Lumen Engine` → `lumen-engine`; `None` when no letter or digit is left.
pub(super) fn slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// `https://github.com/lumen-project/lumen` → `lumen-project`.
fn github_org(url: &str) -> Option<String> {
    let rest = url.trim().strip_prefix("https://github.com/")?;
    let org = rest.split('/').next()?.trim();
    (!org.is_empty()).then(|| org.to_string())
}

fn handles(rows: &[Row]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in rows.iter().filter_map(|r| r.github.clone()) {
        if !out.iter().any(|x| x.eq_ignore_ascii_case(&h)) {
            out.push(h);
        }
    }
    out
}

/// Why the `.project` files cannot be written, if they cannot.
pub(in crate::export) fn missing(site: &Site) -> Option<&'static str> {
    let project = &site.site.project;
    let foundation = project.foundation.as_ref();
    if foundation.is_none_or(|f| f.maturity_log.is_empty()) {
        return Some("site.yaml has no `project.foundation.maturity_log`, which the `.project` schema requires");
    }
    if project.repository.as_deref().and_then(si_url).is_none() {
        return Some("site.yaml has no `project.repository` (an http(s) URL), which the `.project` schema requires");
    }
    if slug(&project.name).is_none() {
        return Some("the project name has no letter or digit to make the `.project` slug from");
    }
    None
}

pub(super) fn dot_project(site: &Site, portal: &PortalUrls, body: &[Row], others: Vec<Team>) -> DotProject {
    let project = &site.site.project;
    let foundation = project.foundation.as_ref();
    let maturity_log = foundation
        .iter()
        .flat_map(|f| f.maturity_log.iter())
        .map(|s| Step {
            phase: s.phase.trim().to_lowercase(),
            date: format!("{}T00:00:00Z", s.date.trim()),
            issue: s.issue.trim().to_string(),
        })
        .collect();
    // The mission says what the project is; site.yaml's description is about the portal.
    let mission = site.charter.as_ref().map_or("", |c| c.mission.as_str().trim().split("\n\n").next().unwrap_or(""));
    let description = [mission, site.site.description.as_str()]
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| project.name.trim().to_string());
    let repository = project.repository.as_deref().and_then(si_url);
    let governance = [
        ("governance_doc", "charter"),
        ("roles_and_teams", "roles"),
        ("code_of_conduct", "code_of_conduct"),
        ("contributor_ladder", "ladder"),
    ]
    .into_iter()
    .filter_map(|(key, field)| portal.document(field).and_then(si_url).map(|path| Reference { key, path }))
    .collect();
    let security_email = site.security.as_ref().and_then(|p| {
        p.contact
            .as_ref()
            .and_then(|c| c.email.as_deref())
            .or_else(|| p.contacts.iter().find(|c| c.kind == "email").map(|c| c.address.as_str()))
            .and_then(si_email)
    });
    let sign_off = project.sign_off.as_deref().map(str::trim);
    let maturity = foundation.and_then(|f| f.maturity.as_deref()).unwrap_or("").trim().to_lowercase();
    let mut chars = maturity.chars();
    let status: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    let source = match repository.as_deref().filter(|r| r.starts_with("https://github.com/")) {
        Some(repo) => format!("{}/blob/HEAD/MAINTAINERS.md", repo.trim_end_matches('/').trim_end_matches(".git")),
        None => portal.document("roles").map_or_else(|| portal.home.clone(), str::to_string),
    };
    let csv = body
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let first = |text: &str| if i == 0 { text.to_string() } else { String::new() };
            [
                first(&status),
                first(project.name.trim()),
                row.name.trim().to_string(),
                row.affiliation.clone().unwrap_or_default(),
                row.github.clone().unwrap_or_default(),
                first(&source),
            ]
        })
        .collect();
    DotProject {
        slug: slug(&project.name),
        description,
        maturity_log,
        repositories: repository.iter().cloned().collect(),
        security_policy: site.security.as_ref().and(portal.document("security")).and_then(si_url),
        security_email,
        governance,
        has_dco: sign_off == Some("dco"),
        has_cla: sign_off == Some("cla"),
        cla_url: project.cla_url.as_deref().and_then(si_url),
        org: repository.as_deref().and_then(github_org),
        maintainers: handles(body),
        teams: others,
        csv,
    }
}

/// One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
pub(in crate::export) fn csv_field(text: &str) -> String {
    let text = text.trim();
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_orgs_and_csv_fields() {
        assert_eq!(slug("Lumen Engine").as_deref(), Some("lumen-engine"));
        assert_eq!(slug("  -K8s++ (core)- ").as_deref(), Some("k8s-core"));
        assert_eq!(slug("日本"), None);
        assert_eq!(github_org("https://github.com/lumen-project/lumen").as_deref(), Some("lumen-project"));
        assert_eq!(github_org("https://gitlab.com/a/b"), None);
        assert_eq!(csv_field("Carabiner Systems, Inc"), "\"Carabiner Systems, Inc\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field(" plain "), "plain");
    }
}
