//! CODEOWNERS (GitHub) and OWNERS/OWNERS_ALIASES (Prow): who owns which paths, who
//! approves and who reviews.

use super::people::{email_in, is_handle, Found, Seat};
use std::collections::BTreeMap;

/// What CODEOWNERS held.
#[derive(Debug, Default)]
pub struct CodeOwners {
    /// One entry per owner, with the paths they own.
    pub people: Vec<Found>,
    /// `@org/team` owners: their members are not in the file.
    pub teams: Vec<String>,
}

/// Reads CODEOWNERS: `pattern owner…` lines; comments and blank lines skipped.
pub fn codeowners(text: &str) -> CodeOwners {
    let mut out = CodeOwners::default();
    for line in text.lines() {
        let line = line.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let Some(pattern) = words.next() else { continue };
        for owner in words {
            let found = if let Some(handle) = owner.strip_prefix('@') {
                if handle.contains('/') {
                    if !out.teams.iter().any(|t| t == owner) {
                        out.teams.push(owner.to_string());
                    }
                    continue;
                }
                if !is_handle(handle) {
                    continue;
                }
                Found { github: Some(handle.to_string()), ..Found::default() }
            } else if let Some(email) = email_in(owner) {
                Found { email: Some(email), ..Found::default() }
            } else {
                continue;
            };
            let key = |f: &Found| (f.github.clone().map(|g| g.to_lowercase()), f.email.clone());
            match out.people.iter_mut().find(|p| key(p) == key(&found)) {
                Some(person) if !person.paths.iter().any(|p| p == pattern) => person.paths.push(pattern.to_string()),
                Some(_) => {}
                None => {
                    out.people.push(Found { paths: vec![pattern.to_string()], seats: vec![Seat::CodeOwner], ..found })
                }
            }
        }
    }
    out
}

/// A CODEOWNERS pattern as a membership's `paths` entry, which export writes back anchored at
/// the root (`/docs/`): an anchored pattern loses its `/`; one without a folder separator
/// matches at any depth, so it gains `**/` (`*.md` → `**/*.md`, `*` → `**`); one with a `/`
/// inside is already relative to the root. `None` for a pattern `paths` cannot hold
/// (`roles/bad-path`: a `[…]` range, `!`, …), which stays out of the site.
pub fn site_path(pattern: &str) -> Option<String> {
    let pattern = pattern.trim();
    let path = if let Some(anchored) = pattern.strip_prefix('/') {
        if anchored.is_empty() {
            "**".to_string()
        } else {
            anchored.to_string()
        }
    } else if pattern == "*" {
        "**".to_string()
    } else if pattern.trim_end_matches('/').contains('/') || pattern.starts_with("**") {
        pattern.to_string()
    } else {
        format!("**/{pattern}")
    };
    crate::rules::path_problem(&path).is_none().then_some(path)
}

/// Prow's OWNERS: `approvers`, `reviewers` and `emeritus_approvers`, with aliases expanded.
#[derive(Debug, Default, serde::Deserialize)]
struct Owners {
    #[serde(default)]
    approvers: Vec<String>,
    #[serde(default)]
    reviewers: Vec<String>,
    #[serde(default)]
    emeritus_approvers: Vec<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct Aliases {
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
}

/// Reads OWNERS (and OWNERS_ALIASES when given); `Err` with the parser's message when the
/// YAML does not read.
pub fn owners(owners: &str, aliases: Option<&str>) -> Result<Vec<Found>, String> {
    let owners: Owners = serde_yaml::from_str(owners).map_err(|e| e.to_string())?;
    let aliases: Aliases = match aliases {
        Some(text) => serde_yaml::from_str(text).map_err(|e| format!("OWNERS_ALIASES: {e}"))?,
        None => Aliases::default(),
    };
    let expand = |names: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in names {
            let members = aliases.aliases.get(name).cloned().unwrap_or_else(|| vec![name.clone()]);
            for m in members {
                let m = m.trim().trim_start_matches('@').to_string();
                if is_handle(&m) && !out.iter().any(|x| x.eq_ignore_ascii_case(&m)) {
                    out.push(m);
                }
            }
        }
        out
    };
    let mut people = Vec::new();
    for (list, seat, emeritus) in [
        (&owners.approvers, Seat::Maintainer, false),
        (&owners.reviewers, Seat::Reviewer, false),
        (&owners.emeritus_approvers, Seat::Maintainer, true),
    ] {
        for handle in expand(list) {
            people.push(Found { github: Some(handle), seats: vec![seat], emeritus, ..Found::default() });
        }
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codeowners_patterns_become_paths_export_writes_back() {
        let path = |p: &str| super::site_path(p);
        assert_eq!(path("/docs/").as_deref(), Some("docs/"));
        assert_eq!(path("/src/main.rs").as_deref(), Some("src/main.rs"));
        assert_eq!(path("docs/build/").as_deref(), Some("docs/build/"));
        assert_eq!(path("*").as_deref(), Some("**"));
        assert_eq!(path("/").as_deref(), Some("**"));
        assert_eq!(path("*.md").as_deref(), Some("**/*.md"));
        assert_eq!(path("docs/").as_deref(), Some("**/docs/"));
        assert_eq!(path("**/BUILD").as_deref(), Some("**/BUILD"));
        assert_eq!(path("/src/[ab].rs"), None);
    }

    #[test]
    fn codeowners_and_owners() {
        let co = super::codeowners("# owners\n* @ann @org/core\n/docs/ @bo ann@x.org # docs\n/src/ @ann\n");
        let owners: Vec<_> =
            co.people.iter().map(|p| (p.github.as_deref(), p.email.as_deref(), p.paths.join(" "))).collect();
        assert_eq!(
            owners,
            [
                (Some("ann"), None, "* /src/".into()),
                (Some("bo"), None, "/docs/".into()),
                (None, Some("ann@x.org"), "/docs/".into())
            ]
        );
        assert_eq!(co.teams, ["@org/core"]);
        let found = super::owners(
            "approvers: [core]\nreviewers: [cy]\nemeritus_approvers: [old]\n",
            Some("aliases:\n  core: [ann, bo]\n"),
        )
        .unwrap();
        let got: Vec<_> = found.iter().map(|p| (p.github.as_deref().unwrap_or(""), p.emeritus)).collect();
        assert_eq!(got, [("ann", false), ("bo", false), ("cy", false), ("old", true)]);
    }
}
