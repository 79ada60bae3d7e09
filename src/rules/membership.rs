//! Roles and groups that nobody (or too few or too many people) actively hold:
//! `roles/no-members`, `roles/min-members` and `groups/limits`.

use super::members;
use crate::diagnostics::Diagnostic;
use crate::model::seats::{group_seats, role_seats};
use crate::model::{field_path, item_path, Site};

/// `roles/no-members`: a role that is not `open` has no active members.
pub fn no_members(site: &Site, out: &mut Vec<Diagnostic>) {
    // Without people.yaml nobody can be told apart as emeritus; its load error says why.
    if site.people.is_none() {
        return;
    }
    let Some(roles) = &site.roles else { return };
    for (i, role) in roles.roles.iter().enumerate() {
        if role.open || !role_seats(site, i).is_empty() {
            continue;
        }
        let at = item_path("roles", i);
        let (message, help) = if role.members.is_empty() {
            (
                format!("role `{}` has no members", role.id),
                format!(
                    "list the people who hold `{}` under `members:`, or set `open: true` if anyone may hold it",
                    role.id
                ),
            )
        } else {
            (
                format!("role `{}` has no active members: everyone it lists is emeritus", role.id),
                format!(
                    "add an active holder to `{}`'s `members:`, or set `open: true` if anyone may hold it",
                    role.id
                ),
            )
        };
        out.push(
            Diagnostic::warning("roles/no-members", &roles.file, roles.pos(&field_path(&at, "id")), message)
                .with_label("nobody holds this role")
                .with_help(help),
        );
    }
}

/// `roles/min-members`: a role or group with `min_members` has fewer active members.
pub fn min_members(site: &Site, out: &mut Vec<Diagnostic>) {
    if site.people.is_none() {
        return;
    }
    if let Some(roles) = &site.roles {
        for (i, role) in roles.roles.iter().enumerate() {
            if let Some(min) = role.min_members {
                let active = role_seats(site, i).len();
                let key = field_path(&item_path("roles", i), "min_members");
                if let Some(d) = shortfall("role", &role.id, active, min) {
                    out.push(d.at(&roles.file, roles.key_pos(&key)));
                }
            }
        }
    }
    if let Some(groups) = &site.groups {
        for (i, group) in groups.groups.iter().enumerate().filter(|(_, g)| !g.is_archived()) {
            if let Some(min) = group.min_members {
                let active = group_seats(site, i).len();
                let key = field_path(&item_path("groups", i), "min_members");
                if let Some(d) = shortfall("group", &group.id, active, min) {
                    out.push(d.at(&groups.file, groups.key_pos(&key)));
                }
            }
        }
    }
}

/// `groups/limits`: a group has fewer or more active holders of a role, scoped to it by the
/// holdings' `group:`, than its `limits` allow (openEuler: 1–3 maintainers per SIG).
pub fn limits(site: &Site, out: &mut Vec<Diagnostic>) {
    if site.people.is_none() {
        return;
    }
    let (Some(groups), Some(roles)) = (&site.groups, &site.roles) else { return };
    // An archived group is kept for the record: its limits no longer apply.
    for (i, group) in groups.groups.iter().enumerate().filter(|(_, g)| !g.is_archived()) {
        for (role, limit) in &group.limits {
            let mut holders: Vec<&str> = Vec::new();
            let scoped = roles.roles.iter().filter(|r| r.id == *role).flat_map(|r| r.members.iter());
            for m in scoped.filter(|m| m.group.as_deref().map(str::trim) == Some(group.id.as_str())) {
                if crate::model::seats::is_active(site, &m.person) && !holders.contains(&m.person.as_str()) {
                    holders.push(&m.person);
                }
            }
            let n = holders.len();
            let as_usize = |v: u32| usize::try_from(v).unwrap_or(usize::MAX);
            let (bound, word) = match (limit.min, limit.max) {
                (Some(min), _) if n < as_usize(min) => (min, "fewer than its minimum"),
                (_, Some(max)) if n > as_usize(max) => (max, "more than its maximum"),
                _ => continue,
            };
            let key = field_path(&field_path(&item_path("groups", i), "limits"), role);
            out.push(
                Diagnostic::warning(
                    "groups/limits",
                    &groups.file,
                    groups.key_pos(&key),
                    format!("group `{}` has {} `{role}` holding{} scoped to it, {word} of {bound}", group.id, n, crate::wording::plural_s(n as u64)),
                )
                .with_label(format!("{n} active"))
                .with_help(format!(
                    "in governance/roles.yaml, list the `{role}` members of this group as `{{ person, group: {} }}`, or change `limits.{role}`",
                    group.id
                )),
            );
        }
    }
}

/// The message and help of a shortfall, before it is placed in a file.
struct Shortfall {
    message: String,
    help: String,
}

impl Shortfall {
    fn at(self, file: &std::path::Path, pos: crate::model::Pos) -> Diagnostic {
        Diagnostic::warning("roles/min-members", file, pos, self.message)
            .with_label("more members needed")
            .with_help(self.help)
    }
}

fn shortfall(kind: &str, id: &str, active: usize, min: u32) -> Option<Shortfall> {
    let min = usize::try_from(min).unwrap_or(usize::MAX);
    if active >= min {
        return None;
    }
    let missing = min - active;
    let more = crate::wording::count(missing as u64, "more active member");
    let lower = if active == 0 {
        // `min_members: 0` would hide the problem rather than state a real minimum.
        String::new()
    } else {
        format!(", or lower `min_members` to {active} if that is enough")
    };
    Some(Shortfall {
        message: format!("{kind} `{id}` has {}, fewer than its `min_members` of {min}", members(active)),
        help: format!("add {more} to `{id}`{lower}"),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn shortfall_wording() {
        let s = super::shortfall("role", "maintainer", 1, 3).unwrap();
        assert_eq!(s.message, "role `maintainer` has 1 active member, fewer than its `min_members` of 3");
        assert_eq!(s.help, "add 2 more active members to `maintainer`, or lower `min_members` to 1 if that is enough");
        assert!(super::shortfall("role", "maintainer", 3, 3).is_none());
    }
}
