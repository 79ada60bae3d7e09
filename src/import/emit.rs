//! The site an import writes, as YAML text: every value a fact from the repository or a
//! `TODO:` marker, every string double-quoted (JSON's escaping is valid YAML), so no
//! imported text can change the document's structure.

use super::documents::{covenant_levels, is_example, Conduct, SecurityContact};
use super::people::{slug, Found, Seat};
use super::{holders, Imported};
use std::fmt::Write;

fn q(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

const HEADER: &str = "# Written by `govsite import`. Check every value; `govsite check` lists what is still\n# missing as `text/placeholder` warnings (the TODO markers).\n";

/// Every file of the site: (path relative to the site folder, text).
pub fn site(imported: &Imported) -> Vec<(String, String)> {
    let ids = ids(&imported.roster.people);
    let mut files = vec![
        ("site.yaml".to_string(), site_yaml(imported)),
        ("governance/charter.yaml".to_string(), super::charter::charter(imported)),
        ("governance/people.yaml".to_string(), people(imported, &ids)),
        ("governance/roles.yaml".to_string(), roles(imported, &ids)),
        ("governance/ladder.yaml".to_string(), ladder(imported)),
        ("governance/code-of-conduct.yaml".to_string(), conduct(imported, &ids)),
    ];
    if let Some(groups) = super::charter::groups(imported, &ids) {
        files.push(("governance/groups.yaml".to_string(), groups));
    }
    if let Some(contact) = &imported.security {
        let line = match contact {
            SecurityContact::Email(e) => format!("contact: {{ email: {} }}\n", q(e)),
            SecurityContact::Url(u) => format!("contact: {{ url: {} }}\n", q(u)),
        };
        files.push(("governance/security.yaml".to_string(), format!("{HEADER}{line}")));
    }
    files
}

/// A unique slug id per person: the handle, the name, or the address's local part.
fn ids(people: &[Found]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let base = p
            .github
            .as_deref()
            .and_then(slug)
            .or_else(|| p.name.as_deref().and_then(slug))
            .or_else(|| p.email.as_deref().and_then(|e| e.split('@').next()).and_then(slug))
            .unwrap_or_else(|| format!("person-{}", i + 1));
        let mut id = base.clone();
        let mut n = 2;
        while out.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        out.push(id);
    }
    out
}

fn site_yaml(imported: &Imported) -> String {
    let mut out = String::from(HEADER);
    let _ = writeln!(out, "title: {}", q(&format!("{} Community", imported.name)));
    if let Some(description) = &imported.description {
        let _ = writeln!(out, "description: {}", q(description));
    }
    let base_url = match &imported.github {
        Some((owner, name)) => format!("https://{}.github.io/{name}/", owner.to_lowercase()),
        None => "https://example.org/TODO-the-portal-address/".to_string(),
    };
    let _ = writeln!(out, "base_url: {}", q(&base_url));
    let _ = writeln!(out, "project:\n  name: {}", q(&imported.name));
    if let Some(repo) = &imported.repository {
        let _ = writeln!(out, "  repository: {}", q(repo));
    }
    if let Some(license) = imported.license {
        let _ = writeln!(out, "  license: {license}");
    }
    if let (Some(repo), Some(file)) = (&imported.repository, &imported.contributing) {
        let _ = writeln!(out, "  contributing: {}", q(&format!("{repo}/blob/HEAD/{file}")));
    }
    if let Some(sign_off) = imported.sign_off {
        let _ = writeln!(out, "  sign_off: {sign_off}");
    }
    out
}

fn people(imported: &Imported, ids: &[String]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("people:\n");
    if imported.roster.people.is_empty() {
        out.truncate(out.len() - 1);
        out.push_str(" []\n");
    }
    for (p, id) in imported.roster.people.iter().zip(ids) {
        let _ = writeln!(out, "  - id: {id}");
        let name = match (&p.name, &p.github) {
            (Some(name), _) => name.clone(),
            (None, Some(handle)) => format!("TODO: the name of @{handle}"),
            (None, None) => "TODO: this person's name".to_string(),
        };
        let _ = writeln!(out, "    name: {}", q(&name));
        for (key, value) in
            [("github", &p.github), ("email", &p.email), ("affiliation", &p.affiliation), ("area", &p.area)]
        {
            if let Some(v) = value {
                let _ = writeln!(out, "    {key}: {}", q(v));
            }
        }
        if p.emeritus {
            out.push_str("    emeritus: true\n");
        }
    }
    out
}

fn roles(imported: &Imported, ids: &[String]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("roles:\n");
    let role = |out: &mut String, id: &str, name: &str, members: Vec<String>| {
        let _ = write!(
            out,
            "  - id: {id}\n    name: {name}\n    description: \"TODO: what a {lower} is in this project.\"\n    responsibilities: [\"TODO: what a {lower} must do.\"]\n    members:",
            lower = name.to_lowercase()
        );
        if members.is_empty() {
            out.push_str(" []\n");
        }
        for m in members {
            let _ = write!(out, "\n      - {m}");
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    };
    let roster = &imported.roster;
    role(
        &mut out,
        "maintainer",
        "Maintainer",
        holders(roster, Seat::Maintainer).map(|(i, _)| ids[i].clone()).collect(),
    );
    let reviewers: Vec<String> = holders(roster, Seat::Reviewer).map(|(i, _)| ids[i].clone()).collect();
    if !reviewers.is_empty() {
        role(&mut out, "reviewer", "Reviewer", reviewers);
    }
    if imported.governance.as_ref().is_some_and(|g| g.model == Some("bdfl")) {
        let lead = holders(roster, Seat::Committee)
            .filter(|(_, p)| p.github == imported.governance.as_ref().and_then(|g| g.lead.clone()));
        role(&mut out, super::charter::LEAD_ROLE, "Project lead", lead.map(|(i, _)| ids[i].clone()).collect());
    }
    let owners: Vec<String> = holders(roster, Seat::CodeOwner)
        .filter_map(|(i, p)| {
            // `paths`, the field export's CODEOWNERS reads, so an import round-trips.
            let paths: Vec<String> =
                p.paths.iter().filter_map(|p| super::owners::site_path(p)).map(|p| q(&p)).collect();
            (!paths.is_empty()).then(|| format!("{{ person: {}, paths: [{}] }}", ids[i], paths.join(", ")))
        })
        .collect();
    if !owners.is_empty() {
        role(&mut out, "code-owner", "Code owner", owners);
    }
    out
}

fn ladder(imported: &Imported) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "levels:\n  - id: contributor\n    name: Contributor\n    activities: [\"TODO: ways to take part.\"]\n",
    );
    if holders(&imported.roster, Seat::Reviewer).next().is_some() {
        out.push_str("  - id: reviewer\n    name: Reviewer\n    role: reviewer\n    requirements: [\"TODO: what it takes to become a reviewer.\"]\n");
    }
    out.push_str("  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [\"TODO: what it takes to become a maintainer.\"]\n");
    out
}

fn conduct(imported: &Imported, ids: &[String]) -> String {
    let mut out = String::from(HEADER);
    let found = imported.conduct.clone().unwrap_or(Conduct { based_on: None, version: None, url: None, contact: None });
    match found.based_on {
        Some(name) => {
            let _ = writeln!(out, "based_on:\n  name: {}", q(name));
            if let Some(v) = &found.version {
                let _ = writeln!(out, "  version: {}", q(v));
            }
            if let Some(url) = &found.url {
                let _ = writeln!(out, "  url: {}", q(url));
            }
            out.push_str("  by_reference: true\n");
        }
        None => out.push_str("pledge: \"TODO: the community's commitment.\"\nstandards:\n  positive: [\"TODO: behaviour that builds a good environment.\"]\n  negative: [\"TODO: unacceptable behaviour.\"]\nscope: \"TODO: where and when the code applies.\"\n"),
    }
    out.push_str("reporting:\n  contacts:\n");
    let first_maintainer = holders(&imported.roster, Seat::Maintainer).find(|(_, p)| !p.emeritus).map(|(i, _)| &ids[i]);
    match (found.contact.filter(|c| !is_example(c)), first_maintainer) {
        (Some(email), _) => {
            let _ = writeln!(out, "    - {{ name: \"Code of conduct contacts\", email: {} }}", q(&email));
        }
        (None, Some(id)) => {
            let _ = writeln!(
                out,
                "    - {{ name: \"TODO: who receives reports (a maintainer until decided)\", person: {id} }}"
            );
        }
        (None, None) => {
            out.push_str("    - { name: \"TODO: who receives reports\", email: \"TODO@example.invalid\" }\n")
        }
    }
    out.push_str("enforcement:\n");
    let levels = covenant_levels(found.version.as_deref());
    if levels.is_empty() || found.based_on != Some("Contributor Covenant") {
        out.push_str("  - { level: \"TODO: the first enforcement step\" }\n");
    }
    for level in levels.iter().filter(|_| found.based_on == Some("Contributor Covenant")) {
        let _ = writeln!(out, "  - {{ level: {} }}", q(level));
    }
    out
}
