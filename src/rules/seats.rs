//! Fixed-size bodies, caps on one organisation's seats and seat history: `roles/over-seats`,
//! `roles/vacancies`, `roles/org-cap` and `roles/former-active`.
//!
//! Each judges a whole role, so it points at the key that states the limit (`seats`,
//! `max_per_organization`): that is the line a fix changes, whichever way it goes.

use super::members;
use crate::diagnostics::Diagnostic;
use crate::model::seats::{role_seats, seats_by_organisation};
use crate::model::{field_path, item_path, Role, Site};
use crate::wording::{count, plural_s};

/// Calls `each` with every role of roles.yaml, its active member count and the path of
/// the role — when people.yaml loaded, since without it nobody can be told apart as emeritus.
fn each_role(site: &Site, mut each: impl FnMut(usize, &Role, String)) {
    if site.people.is_none() {
        return;
    }
    let Some(roles) = &site.roles else { return };
    for (i, role) in roles.roles.iter().enumerate() {
        each(i, role, item_path("roles", i));
    }
}

/// `roles/over-seats`: a role with `seats` has more active members than seats.
pub fn over_seats(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(roles) = &site.roles else { return };
    each_role(site, |i, role, at| {
        let Some(seats) = role.seats else { return };
        let active = role_seats(site, i).len();
        let limit = usize::try_from(seats).unwrap_or(usize::MAX);
        if active <= limit {
            return;
        }
        out.push(
            Diagnostic::error(
                "roles/over-seats",
                &roles.file,
                roles.key_pos(&field_path(&at, "seats")),
                format!("role `{}` has {}, more than its {}", role.id, members(active), count(seats, "seat")),
            )
            .with_label(format!("{active} active for {seats}"))
            .with_help(format!(
                "remove {} from `{}`'s `members` (or mark {} emeritus in governance/people.yaml), or raise `seats` to {active} if the body has grown",
                count((active - limit) as u64, "member"),
                role.id,
                if active - limit == 1 { "them" } else { "each" },
            )),
        );
    });
}

/// `roles/vacancies`: a role with `seats` has fewer active members than seats.
pub fn vacancies(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(roles) = &site.roles else { return };
    each_role(site, |i, role, at| {
        let Some(seats) = role.seats else { return };
        let active = role_seats(site, i).len();
        let limit = usize::try_from(seats).unwrap_or(usize::MAX);
        if active >= limit {
            return;
        }
        let vacant = limit - active;
        let lower = if active == 0 {
            String::new()
        } else {
            format!(", or lower `seats` to {active} if the body is meant to be smaller")
        };
        out.push(
            Diagnostic::warning(
                "roles/vacancies",
                &roles.file,
                roles.key_pos(&field_path(&at, "seats")),
                format!("role `{}` has {} for its {}: {vacant} vacant", role.id, members(active), count(seats, "seat")),
            )
            .with_label(format!("{vacant} vacant seat{}", plural_s(vacant as u64)))
            .with_help(format!(
                "fill the vacant seat{} of `{}` as the charter says (an election or an appointment){lower}",
                plural_s(vacant as u64),
                role.id
            )),
        );
    });
}

/// `roles/org-cap`: one organisation holds more active seats of a role than its
/// `max_per_organization`. Independent and unaffiliated members each count alone.
pub fn org_cap(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(roles) = &site.roles else { return };
    each_role(site, |i, role, at| {
        let Some(cap) = role.max_per_organization else { return };
        let seats = role_seats(site, i);
        let total = seats.len();
        let limit = usize::try_from(cap).unwrap_or(usize::MAX);
        for (name, n) in seats_by_organisation(site, &seats) {
            if n <= limit {
                continue;
            }
            out.push(
                Diagnostic::error(
                    "roles/org-cap",
                    &roles.file,
                    roles.key_pos(&field_path(&at, "max_per_organization")),
                    format!(
                        "{name} holds {n} of the {total} active seats of role `{}`, more than its `max_per_organization` of {cap}",
                        role.id
                    ),
                )
                .with_label(format!("{n} from {name}, at most {cap}"))
                .with_help(format!(
                    "{} from {name} must step down from `{}` (or move to `emeritus`), or correct the affiliations in governance/people.yaml",
                    count((n - limit) as u64, "member"),
                    role.id
                )),
            );
        }
    });
}

/// `roles/former-active`: a person listed both in a role's `members` and in its
/// `former_members` without an `until` — the history says the holding never ended.
pub fn former_active(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(roles) = &site.roles else { return };
    for (i, role) in roles.roles.iter().enumerate() {
        let list = field_path(&item_path("roles", i), "former_members");
        for (j, former) in role.former_members.iter().enumerate() {
            let open = former.until.as_deref().is_none_or(|u| u.trim().is_empty());
            if !open || !role.members.iter().any(|m| m.person == former.person) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    "roles/former-active",
                    &roles.file,
                    roles.pos(&item_path(&list, j)),
                    format!(
                        "`{}` is a current member of role `{}` and a former one without an end date",
                        former.person, role.id
                    ),
                )
                .with_label("no `until`")
                .with_help(format!(
                    "add `until:` (the date the earlier holding ended) to this entry, or remove `{}` from `{}`'s `members` if they left",
                    former.person, role.id
                )),
            );
        }
    }
}
