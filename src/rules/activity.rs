//! Who holds a seat: the active members of roles and groups, and the deciding body.
//!
//! Shared by the membership rules (`roles/no-members`, `roles/min-members`) and the
//! deciding-body rules (`roles/bus-factor`, `roles/org-diversity`, `roles/no-affiliation`),
//! so that they all count people the same way.

use crate::model::{field_path, item_path, Member, Origin, Pos, Site};

/// One person's seat in a role or group, and where that seat is written.
pub(super) struct Seat<'a> {
    /// The person id as listed.
    pub person: &'a str,
    /// The document listing the seat.
    pub origin: Origin<'a>,
    /// Path of the list item, e.g. `roles[2].members[0]`.
    pub path: String,
}

impl Seat<'_> {
    /// Where the list item starts.
    pub fn pos(&self) -> Pos {
        self.origin.pos(&self.path)
    }
}

/// Active means listed and not emeritus.
///
/// An id that people.yaml lacks still counts: `people/unknown-person` reports it already,
/// and counting it out would add a second, misleading warning about the same typo.
pub(super) fn is_active(site: &Site, id: &str) -> bool {
    !id.trim().is_empty() && site.person(id).is_none_or(|p| !p.emeritus)
}

fn push_seats<'a>(origin: Origin<'a>, list: &str, members: &'a [Member], out: &mut Vec<Seat<'a>>) {
    for (j, m) in members.iter().enumerate() {
        out.push(Seat { person: m.person.as_str(), origin, path: item_path(list, j) });
    }
}

/// Keeps active seats only, each person once (the first seat listed wins).
fn active_unique<'a>(site: &Site, seats: Vec<Seat<'a>>) -> Vec<Seat<'a>> {
    let mut out: Vec<Seat<'a>> = Vec::new();
    for seat in seats {
        if is_active(site, seat.person) && !out.iter().any(|s| s.person == seat.person) {
            out.push(seat);
        }
    }
    out
}

/// Every seat listed for role `index` of roles.yaml, active or not.
fn listed_role_seats(site: &Site, index: usize) -> Vec<Seat<'_>> {
    let mut seats = Vec::new();
    if let Some(roles) = &site.roles {
        if let Some(role) = roles.roles.get(index) {
            push_seats(roles.origin(), &field_path(&item_path("roles", index), "members"), &role.members, &mut seats);
        }
    }
    seats
}

/// The active seats of role `index` of roles.yaml, each person once.
pub(super) fn role_seats(site: &Site, index: usize) -> Vec<Seat<'_>> {
    active_unique(site, listed_role_seats(site, index))
}

/// The active seats of group `index` of groups.yaml: its chairs, its members and every
/// active holder of the role named in `members_from`, each person once.
pub(super) fn group_seats(site: &Site, index: usize) -> Vec<Seat<'_>> {
    let mut seats = Vec::new();
    let Some(groups) = &site.groups else { return seats };
    let Some(group) = groups.groups.get(index) else { return seats };
    let at = item_path("groups", index);
    push_seats(groups.origin(), &field_path(&at, "chairs"), &group.chairs, &mut seats);
    push_seats(groups.origin(), &field_path(&at, "members"), &group.members, &mut seats);
    if let Some(role) = &group.members_from {
        if let Some(i) = site.roles.as_ref().and_then(|r| r.roles.iter().position(|x| &x.id == role)) {
            seats.extend(listed_role_seats(site, i));
        }
    }
    active_unique(site, seats)
}

/// The body that decides, as `charter.decision_making.body` names it.
pub(super) struct Body<'a> {
    /// Its id.
    pub id: &'a str,
    /// `role` or `group`.
    pub kind: &'static str,
    /// Its active members, each once.
    pub seats: Vec<Seat<'a>>,
    /// The document that defines it (roles.yaml or groups.yaml).
    pub file: &'a std::path::Path,
    /// Where to point at the body as a whole: its `members` key, or the charter's `body`.
    pub origin: Origin<'a>,
    /// Position in `origin`.
    pub pos: Pos,
}

impl Body<'_> {
    /// `role `maintainer`` or `group `steering``, for messages.
    pub fn name(&self) -> String {
        format!("{} `{}`", self.kind, self.id)
    }
}

/// The deciding body, if the charter names a role or group that exists and people.yaml
/// loaded (without it, nobody can be told apart as emeritus or affiliated).
///
/// An unknown body id gives `None`: `roles/unknown-role` reports it.
pub(super) fn deciding_body(site: &Site) -> Option<Body<'_>> {
    let charter = site.charter.as_ref()?;
    site.people.as_ref()?;
    let id = charter.decision_making.body.trim();
    if id.is_empty() {
        return None;
    }
    let fallback = (charter.origin(), charter.pos("decision_making.body"));
    if let Some(roles) = &site.roles {
        if let Some(i) = roles.roles.iter().position(|r| r.id == id) {
            let members = field_path(&item_path("roles", i), "members");
            let (origin, pos) =
                if roles.source.contains(&members) { (roles.origin(), roles.key_pos(&members)) } else { fallback };
            return Some(Body { id, kind: "role", seats: role_seats(site, i), file: &roles.file, origin, pos });
        }
    }
    if let Some(groups) = &site.groups {
        if let Some(i) = groups.groups.iter().position(|g| g.id == id) {
            let members = field_path(&item_path("groups", i), "members");
            let (origin, pos) =
                if groups.source.contains(&members) { (groups.origin(), groups.key_pos(&members)) } else { fallback };
            return Some(Body { id, kind: "group", seats: group_seats(site, i), file: &groups.file, origin, pos });
        }
    }
    None
}

/// "1 active member", "3 active members".
pub(super) fn members(n: usize) -> String {
    if n == 1 {
        "1 active member".to_string()
    } else {
        format!("{n} active members")
    }
}
