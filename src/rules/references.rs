//! References between documents: person ids, role and group ids, decision targets.

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Origin, Site};
use crate::suggest::did_you_mean;

fn person_ids(site: &Site) -> Vec<&str> {
    site.people.iter().flat_map(|p| p.people.iter().map(|x| x.id.as_str())).collect()
}

fn role_ids(site: &Site) -> Vec<&str> {
    site.roles.iter().flat_map(|r| r.roles.iter().map(|x| x.id.as_str())).collect()
}

fn group_ids(site: &Site) -> Vec<&str> {
    site.groups.iter().flat_map(|g| g.groups.iter().map(|x| x.id.as_str())).collect()
}

/// `people/unknown-person`: role members, group chairs and members, contacts.
pub fn people(site: &Site, out: &mut Vec<Diagnostic>) {
    if site.people.is_none() {
        return; // already reported as missing or unparseable
    }
    let known = person_ids(site);
    let mut check = |doc: Origin, path: String, id: &str, whose: String| {
        if id.is_empty() || known.contains(&id) {
            return;
        }
        out.push(unknown_person(doc, &path, id, &whose, &known));
    };
    if let Some(roles) = &site.roles {
        for (i, role) in roles.roles.iter().enumerate() {
            for (j, m) in role.members.iter().enumerate() {
                check(
                    roles.origin(),
                    item_path(&field_path(&item_path("roles", i), "members"), j),
                    &m.person,
                    format!("role `{}`", role.id),
                );
            }
            for (j, m) in role.former_members.iter().enumerate() {
                check(
                    roles.origin(),
                    field_path(&item_path(&field_path(&item_path("roles", i), "former_members"), j), "person"),
                    &m.person,
                    format!("role `{}`'s former members", role.id),
                );
            }
        }
    }
    if let Some(groups) = &site.groups {
        for (i, group) in groups.groups.iter().enumerate() {
            for list in ["chairs", "members"] {
                let members = if list == "chairs" { &group.chairs } else { &group.members };
                for (j, m) in members.iter().enumerate() {
                    check(
                        groups.origin(),
                        item_path(&field_path(&item_path("groups", i), list), j),
                        &m.person,
                        format!("group `{}`", group.id),
                    );
                }
            }
        }
    }
    if let Some(d) = &site.decisions {
        for (i, decision) in d.decisions.iter().enumerate() {
            for (j, c) in decision.candidates.iter().enumerate() {
                check(
                    d.origin(),
                    item_path(&field_path(&item_path("decisions", i), "candidates"), j),
                    &c.person,
                    format!("decision `{}`'s candidates", decision.id),
                );
            }
        }
    }
    if let Some(coc) = &site.code_of_conduct {
        for (i, c) in coc.reporting.contacts.iter().enumerate() {
            if let Some(id) = &c.person {
                check(
                    coc.origin(),
                    field_path(&item_path("reporting.contacts", i), "person"),
                    id,
                    "the code of conduct's reporting contacts".into(),
                );
            }
        }
    }
    if let Some(ladder) = &site.ladder {
        if let Some(id) = ladder.contact.as_ref().and_then(|c| c.person.as_ref()) {
            check(ladder.origin(), "contact.person".into(), id, "the ladder's contact".into());
        }
    }
    if let Some(sec) = &site.security {
        if let Some(id) = sec.contact.as_ref().and_then(|c| c.person.as_ref()) {
            check(sec.origin(), "contact.person".into(), id, "the security contact".into());
        }
    }
}

fn unknown_person(doc: Origin, path: &str, id: &str, whose: &str, known: &[&str]) -> Diagnostic {
    let at =
        if doc.source.contains(&field_path(path, "person")) { field_path(path, "person") } else { path.to_string() };
    let mut help = format!("add `{id}` to governance/people.yaml");
    if let Some(question) = did_you_mean(id, known.iter().copied()) {
        help.push_str(&format!(", or {question}"));
    }
    Diagnostic::error(
        "people/unknown-person",
        doc.file,
        doc.pos(&at),
        format!("{whose} lists `{id}`, who is not in people.yaml"),
    )
    .with_label("not a person id")
    .with_help(help)
}

/// `roles/unknown-role`: references to roles (and to groups where either is allowed).
pub fn roles(site: &Site, out: &mut Vec<Diagnostic>) {
    if site.roles.is_none() {
        return;
    }
    let roles = role_ids(site);
    let groups = group_ids(site);
    let bodies: Vec<&str> = roles.iter().chain(groups.iter()).copied().collect();
    let mut check = |doc: Origin, path: &str, id: &str, allowed: &[&str], what: &str| {
        if id.is_empty() || allowed.contains(&id) {
            return;
        }
        let help = unknown_id_help(id, allowed, what);
        out.push(
            Diagnostic::error(
                "roles/unknown-role",
                doc.file,
                doc.pos(path),
                format!("`{id}` is not the id of any {what}"),
            )
            .with_label(format!("no such {what}"))
            .with_help(help),
        );
    };
    if let Some(c) = &site.charter {
        let dm = &c.decision_making;
        check(c.origin(), "decision_making.body", &dm.body, &bodies, "role or group");
        if let Some(by) = dm.voting.as_ref().and_then(|v| v.on_demand_by.as_deref()) {
            check(c.origin(), "decision_making.voting.on_demand_by", by, &bodies, "role or group");
        }
        for (i, t) in dm.thresholds.iter().enumerate() {
            let at = item_path("decision_making.thresholds", i);
            for (key, id) in [("body", &t.body), ("veto_by", &t.veto_by)] {
                if let Some(id) = id.as_deref() {
                    check(c.origin(), &field_path(&at, key), id, &bodies, "role or group");
                }
            }
        }
    }
    if let Some(r) = &site.roles {
        for (i, role) in r.roles.iter().enumerate() {
            let Some(e) = &role.elections else { continue };
            let at = field_path(&item_path("roles", i), "elections");
            for (key, id) in [("electorate", &e.electorate), ("candidates_from", &e.candidates_from)] {
                if let Some(id) = id.as_deref() {
                    check(r.origin(), &field_path(&at, key), id, &bodies, "role or group");
                }
            }
        }
    }
    if let Some(g) = &site.groups {
        for (i, group) in g.groups.iter().enumerate() {
            let Some(dm) = &group.decision_making else { continue };
            let at = field_path(&item_path("groups", i), "decision_making");
            check(g.origin(), &field_path(&at, "body"), dm.body.trim(), &bodies, "role or group");
            if let Some(by) = dm.voting.as_ref().and_then(|v| v.on_demand_by.as_deref()) {
                check(
                    g.origin(),
                    &field_path(&field_path(&at, "voting"), "on_demand_by"),
                    by,
                    &bodies,
                    "role or group",
                );
            }
            for (j, t) in dm.thresholds.iter().enumerate() {
                let at = item_path(&field_path(&at, "thresholds"), j);
                for (key, id) in [("body", &t.body), ("veto_by", &t.veto_by)] {
                    if let Some(id) = id.as_deref() {
                        check(g.origin(), &field_path(&at, key), id, &bodies, "role or group");
                    }
                }
            }
        }
    }
    if let Some(g) = &site.groups {
        for (i, group) in g.groups.iter().enumerate() {
            let at = field_path(&item_path("groups", i), "limits");
            for role in group.limits.keys() {
                check(g.origin(), &field_path(&at, role), role, &roles, "role");
            }
        }
    }
    if let Some(r) = &site.roles {
        for (i, role) in r.roles.iter().enumerate() {
            for (j, m) in role.members.iter().enumerate() {
                if let Some(group) = m.group.as_deref() {
                    let at = item_path(&field_path(&item_path("roles", i), "members"), j);
                    check(r.origin(), &field_path(&at, "group"), group.trim(), &groups, "group");
                }
            }
        }
    }
    if let Some(l) = &site.ladder {
        for (i, level) in l.levels.iter().enumerate() {
            if let Some(role) = &level.role {
                check(l.origin(), &field_path(&item_path("levels", i), "role"), role, &roles, "role");
            }
        }
    }
    if let Some(g) = &site.groups {
        for (i, group) in g.groups.iter().enumerate() {
            let at = item_path("groups", i);
            if let Some(role) = &group.members_from {
                check(g.origin(), &field_path(&at, "members_from"), role, &roles, "role");
            }
            if let Some(by) = &group.appointed_by {
                check(g.origin(), &field_path(&at, "appointed_by"), by, &bodies, "role or group");
            }
        }
    }
    if let Some(sec) = &site.security {
        if let Some(team) = &sec.team {
            check(sec.origin(), "team", team, &groups, "group");
        }
    }
}

/// At most this many ids are listed in a help; more would bury the line.
const LISTED_IDS: usize = 8;

/// The help of `roles/unknown-role`: the closest id, and the ids themselves when there are
/// few, so the fix is in the message.
fn unknown_id_help(id: &str, allowed: &[&str], what: &str) -> String {
    let listed = (!allowed.is_empty() && allowed.len() <= LISTED_IDS)
        .then(|| allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", "));
    match (did_you_mean(id, allowed.iter().copied()), listed) {
        (Some(question), Some(ids)) => format!("{question} (the {what} ids are {ids})"),
        (Some(question), None) => question,
        (None, Some(ids)) => format!("use one of the {what} ids: {ids}"),
        (None, None) => format!("use the id of a {what} that exists"),
    }
}

/// `decisions/unknown-ref`: a decision's `body` or `affects` names nothing that exists.
pub fn decisions(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(d) = &site.decisions else { return };
    let people = person_ids(site);
    let roles = role_ids(site);
    let groups = group_ids(site);
    let bodies: Vec<&str> = roles.iter().chain(groups.iter()).copied().collect();
    let anything: Vec<&str> = bodies.iter().chain(people.iter()).copied().collect();
    for (i, decision) in d.decisions.iter().enumerate() {
        let at = item_path("decisions", i);
        let mut refs: Vec<(String, &str, &[&str], &str)> = Vec::new();
        if let Some(body) = &decision.body {
            refs.push((field_path(&at, "body"), body, &bodies, "role or group"));
        }
        for (j, id) in decision.affects.iter().enumerate() {
            refs.push((item_path(&field_path(&at, "affects"), j), id, &anything, "person, role or group"));
        }
        for (path, id, allowed, what) in refs {
            if allowed.contains(&id) {
                continue;
            }
            let help = did_you_mean(id, allowed.iter().copied())
                .unwrap_or_else(|| format!("name a {what} defined in governance/"));
            out.push(
                Diagnostic::error(
                    "decisions/unknown-ref",
                    d.file.as_path(),
                    d.pos(&path),
                    format!("decision `{}` names `{id}`, which is no {what}", decision.id),
                )
                .with_label("unknown id")
                .with_help(help),
            );
        }
    }
}
