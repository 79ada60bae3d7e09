//! security-insights.yml: the governance data as Security Insights v2 values, each checked
//! against its type.

use super::people::Row;
use super::security::ReportView;
use super::{article, PortalUrls};
use crate::markdown::LinkResolver;
use crate::model::Site;
use crate::wording::plural_s as plural;
use serde::Serialize;

/// What security-insights.yml says, each value checked against the Security Insights v2 types.
#[derive(Serialize)]
pub(super) struct Insights {
    /// The latest date in the governance data (YYYY-MM-DD).
    date: Option<String>,
    /// `header.url`: the file's raw address on GitHub, else the repository, else the portal.
    url: String,
    homepage: Option<String>,
    administrators: Vec<SiContact>,
    repositories: Vec<SiRepository>,
    steward: Option<SiLink>,
    reports_accepted: bool,
    contact: Option<SiContact>,
    policy: Option<String>,
    comment: Option<String>,
    code_of_conduct: Option<String>,
}

#[derive(Serialize)]
struct SiContact {
    name: String,
    primary: bool,
    affiliation: Option<String>,
    email: Option<String>,
    social: Option<String>,
}

#[derive(Serialize)]
struct SiRepository {
    name: String,
    url: String,
    comment: String,
}

#[derive(Serialize)]
struct SiLink {
    uri: String,
    comment: String,
}

/// An e-mail address as Security Insights accepts it.
pub(super) fn si_email(address: &str) -> Option<String> {
    let address = address.trim().strip_prefix("mailto:").unwrap_or(address.trim());
    let (local, domain) = address.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'));
    let (host, tld) = domain.rsplit_once('.')?;
    let host_ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    (local_ok && host_ok && tld_ok).then(|| address.to_string())
}

/// A URL as Security Insights accepts it (http or https, no blanks).
pub(in crate::export) fn si_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    (!rest.is_empty() && !url.chars().any(char::is_whitespace)).then(|| url.to_string())
}

/// Where a GitHub repository serves security-insights.yml at its root, unrendered: what
/// Security Insights 2.2.0 asks `header.url` to be (the file's canonical address).
fn raw_file_url(repository: &str) -> Option<String> {
    let path = repository.strip_prefix("https://github.com/")?.trim_end_matches('/').trim_end_matches(".git");
    let mut parts = path.split('/');
    let (owner, repo) = (parts.next()?, parts.next()?);
    (parts.next().is_none() && !owner.is_empty() && !repo.is_empty())
        .then(|| format!("https://raw.githubusercontent.com/{owner}/{repo}/HEAD/security-insights.yml"))
}

/// The latest YYYY-MM-DD date written in the governance data: decisions, and the dates
/// people joined and took their seats. Deterministic, unlike the clock.
pub(in crate::export) fn latest_date(site: &Site) -> Option<String> {
    let mut dates: Vec<&str> = Vec::new();
    for d in site.decisions.iter().flat_map(|d| d.decisions.iter()) {
        dates.push(&d.date);
    }
    for p in site.people.iter().flat_map(|p| p.people.iter()) {
        dates.extend(p.since.as_deref());
    }
    for r in site.roles.iter().flat_map(|r| r.roles.iter()) {
        dates.extend(r.members.iter().filter_map(|m| m.since.as_deref()));
    }
    for g in site.groups.iter().flat_map(|g| g.groups.iter()) {
        dates.extend(g.chairs.iter().chain(&g.members).filter_map(|m| m.since.as_deref()));
    }
    dates.into_iter().map(str::trim).filter(|d| is_date(d)).max().map(str::to_string)
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn si_contact(row: &Row) -> SiContact {
    SiContact {
        name: row.name.clone(),
        primary: false,
        affiliation: row.affiliation.clone(),
        email: row.email.as_deref().and_then(si_email),
        social: row.github.as_ref().map(|h| format!("https://github.com/{h}")),
    }
}

pub(super) fn insights(
    site: &Site,
    links: &LinkResolver,
    portal: &PortalUrls,
    maintainers: &[Row],
    report: Option<&ReportView>,
) -> Insights {
    let project = &site.site.project;
    let repository = project.repository.as_deref().and_then(si_url);
    let repositories = repository
        .iter()
        .map(|url| {
            let name = url.trim_end_matches('/').trim_end_matches(".git").rsplit('/').next().unwrap_or(url).to_string();
            SiRepository { name, url: url.clone(), comment: format!("The source repository of {}.", project.name) }
        })
        .collect();
    let steward = project.foundation.as_ref().and_then(|f| {
        let uri = f.url.as_deref().and_then(si_url)?;
        let comment = match f.maturity.as_deref() {
            Some(m) => format!("{} is {} {m} project of the {}.", project.name, article(m), f.name),
            None => format!("{} is a project of the {}.", project.name, f.name),
        };
        Some(SiLink { uri, comment })
    });
    let policy = site.security.as_ref();
    let contact = policy.map(|p| {
        let email = p
            .contact
            .as_ref()
            .and_then(|c| c.email.as_deref())
            .or_else(|| p.contacts.iter().find(|c| c.kind == "email").map(|c| c.address.as_str()))
            .and_then(si_email);
        let name = report
            .and_then(|r| r.team.as_ref())
            .map(|t| t.name.clone())
            .unwrap_or_else(|| format!("{} security team", project.name));
        SiContact { name, primary: true, affiliation: None, email, social: None }
    });
    let comment = report.filter(|r| !r.routes.is_empty()).map(|r| {
        let routes: Vec<String> = r
            .routes
            .iter()
            .map(|route| match route.acknowledge_days {
                Some(d) => format!("{} ({}, answered within {d} day{})", route.address, route.kind, plural(d)),
                None => format!("{} ({})", route.address, route.kind),
            })
            .collect();
        let mut text = format!("Report vulnerabilities privately: {}.", routes.join("; "));
        if let Some(d) = policy.and_then(|p| p.disclosure_days) {
            text.push_str(&format!(" Public disclosure at most {d} day{} after the report.", plural(d)));
        }
        text
    });
    Insights {
        date: latest_date(site),
        url: repository
            .as_deref()
            .and_then(raw_file_url)
            .or_else(|| repository.clone())
            .unwrap_or_else(|| links.base_path.clone()),
        homepage: repository.clone().or_else(|| si_url(&links.base_path)),
        administrators: maintainers.iter().map(si_contact).collect(),
        repositories,
        steward,
        reports_accepted: policy.is_some(),
        contact,
        policy: portal.document("security").and_then(si_url),
        comment,
        code_of_conduct: portal.document("code_of_conduct").and_then(si_url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_insights_types() {
        assert_eq!(si_email("mailto:sec@acme.org").as_deref(), Some("sec@acme.org"));
        assert_eq!(si_email("sec@localhost"), None);
        assert_eq!(si_url("https://acme.org/x").as_deref(), Some("https://acme.org/x"));
        assert_eq!(si_url("git@github.com:acme/acme"), None);
        assert!(is_date("2024-01-31"));
        assert!(!is_date("2024-1-31"));
        assert_eq!(
            raw_file_url("https://github.com/acme/rocket.git").as_deref(),
            Some("https://raw.githubusercontent.com/acme/rocket/HEAD/security-insights.yml")
        );
        assert_eq!(raw_file_url("https://github.com/acme"), None);
        assert_eq!(raw_file_url("https://gitlab.com/acme/rocket"), None);
    }
}
