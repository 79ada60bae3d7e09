//! CODEOWNERS and Prow's OWNERS_ALIASES: who owns which paths, and who holds each role, as
//! the forge's review tooling reads them. Current holders only: an emeritus person, or a
//! former member, never owns anything.

use crate::model::{seats, Member, Site};
use serde::Serialize;

/// One CODEOWNERS line: a pattern anchored at the repository root, and its owners.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct OwnedPath {
    /// `/storage/`.
    pattern: String,
    /// `@bob`, or `bob@example.org` for someone without a GitHub account, in file order.
    owners: Vec<String>,
}

/// A role's Prow alias: its id and the GitHub handles of its active holders.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct Alias {
    pub(super) name: String,
    pub(super) handles: Vec<String>,
}

/// The active seats of every role and group, with the membership each was written as.
fn memberships(site: &Site) -> Vec<(&str, &Member)> {
    let mut out = Vec::new();
    if let Some(roles) = &site.roles {
        for i in 0..roles.roles.len() {
            out.extend(seats::role_seats(site, i).into_iter().map(|s| (s.person, s.member)));
        }
    }
    if let Some(groups) = &site.groups {
        for group in &groups.groups {
            for m in group.chairs.iter().chain(&group.members) {
                if seats::is_active(site, &m.person) {
                    out.push((m.person.as_str(), m));
                }
            }
        }
    }
    out
}

/// How `person` is named as an owner: `@handle`, else the e-mail address; `None` for someone
/// reachable by neither (`people/no-contact` reports them). CODEOWNERS is read line by line
/// and word by word, so only a name that is one word of the characters GitHub allows is used:
/// whatever people.yaml holds can never add a line or an owner.
fn owner(site: &Site, person: &str) -> Option<String> {
    let p = site.person(person)?;
    let handle = p.github.as_deref().map(|h| h.trim().trim_start_matches('@'));
    let handle = handle.filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let email = p.email.as_deref().map(str::trim).map(|e| e.strip_prefix("mailto:").unwrap_or(e));
    let email = email.filter(|e| {
        e.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
            && !e.chars().any(|c| c.is_whitespace() || c.is_control() || c == '#')
    });
    match handle {
        Some(h) => Some(format!("@{h}")),
        None => email.map(str::to_string),
    }
}

/// The CODEOWNERS lines. The last matching pattern wins in CODEOWNERS, so broader paths
/// (fewer folders deep) come first and a deeper path's owners take over inside it; paths
/// of the same depth keep the order they are first written in.
pub(super) fn codeowners(site: &Site) -> Vec<OwnedPath> {
    let mut lines: Vec<OwnedPath> = Vec::new();
    for (person, member) in memberships(site) {
        let Some(owner) = owner(site, person) else { continue };
        // A path `roles/bad-path` refuses is never written, even when a policy allows the rule.
        for path in member.paths.iter().filter(|p| crate::rules::path_problem(p).is_none()) {
            let pattern = format!("/{}", path.trim());
            match lines.iter_mut().find(|l| l.pattern == pattern) {
                Some(line) if line.owners.contains(&owner) => {}
                Some(line) => line.owners.push(owner.clone()),
                None => lines.push(OwnedPath { pattern, owners: vec![owner.clone()] }),
            }
        }
    }
    let depth = |p: &str| p.trim_matches('/').split('/').filter(|s| !s.is_empty()).count();
    lines.sort_by_key(|l| depth(&l.pattern));
    lines
}

/// People with `paths` who cannot be named in CODEOWNERS (no usable GitHub handle or e-mail).
pub(in crate::export) fn unnamed_owners(site: &Site) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (person, member) in memberships(site) {
        if !member.paths.is_empty() && owner(site, person).is_none() && !out.iter().any(|p| p == person) {
            out.push(person.to_string());
        }
    }
    out
}

/// One alias per role that is not `open`, in roles.yaml order, with the GitHub handles of its
/// active holders; roles whose holders have no handle are left out (Prow names accounts).
pub(super) fn aliases(site: &Site) -> Vec<Alias> {
    let Some(roles) = &site.roles else { return Vec::new() };
    roles
        .roles
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.open)
        .filter_map(|(i, role)| {
            let mut handles: Vec<String> = Vec::new();
            for seat in seats::role_seats(site, i) {
                let handle = site.person(seat.person).and_then(|p| p.github.as_deref());
                let handle = handle.map(|h| h.trim().trim_start_matches('@')).filter(|h| !h.is_empty());
                if let Some(h) = handle.filter(|h| !handles.iter().any(|x| x == h)) {
                    handles.push(h.to_string());
                }
            }
            (!handles.is_empty()).then(|| Alias { name: role.id.clone(), handles })
        })
        .collect()
}
