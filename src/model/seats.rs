//! Who holds a seat: the active members of roles and groups, and the deciding body.
//!
//! Shared by the membership rules (`roles/no-members`, `roles/min-members`), the
//! deciding-body rules (`roles/bus-factor`, `roles/org-diversity`, `roles/no-affiliation`)
//! and the portal (the diversity chart, the holders it lists and counts), so that they all
//! count people the same way.

use super::{field_path, item_path, Group, Member, Origin, Pos, Role, Site};

/// One person's seat in a role or group, and where that seat is written.
pub struct Seat<'a> {
    /// The person id as listed.
    pub person: &'a str,
    /// The list item itself, with the seat's own area and start date.
    pub member: &'a Member,
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
pub fn is_active(site: &Site, id: &str) -> bool {
    !id.trim().is_empty() && site.person(id).is_none_or(|p| !p.emeritus)
}

fn push_seats<'a>(origin: Origin<'a>, list: &str, members: &'a [Member], out: &mut Vec<Seat<'a>>) {
    for (j, m) in members.iter().enumerate() {
        out.push(Seat { person: m.person.as_str(), member: m, origin, path: item_path(list, j) });
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
pub fn role_seats(site: &Site, index: usize) -> Vec<Seat<'_>> {
    active_unique(site, listed_role_seats(site, index))
}

/// Where the first role with id `role` sits in roles.yaml.
fn role_index(site: &Site, role: &str) -> Option<usize> {
    site.roles.as_ref()?.roles.iter().position(|r| r.id == role)
}

/// The active holders of the first role with id `role`, each once; none for an unknown role.
pub fn holders<'a>(site: &'a Site, role: &str) -> Vec<Seat<'a>> {
    role_index(site, role).map(|i| role_seats(site, i)).unwrap_or_default()
}

/// The active seats of group `index` of groups.yaml: its chairs, its members and every
/// active holder of the role named in `members_from`, each person once.
pub fn group_seats(site: &Site, index: usize) -> Vec<Seat<'_>> {
    let mut seats = Vec::new();
    let Some(groups) = &site.groups else { return seats };
    let Some(group) = groups.groups.get(index) else { return seats };
    let at = item_path("groups", index);
    push_seats(groups.origin(), &field_path(&at, "chairs"), &group.chairs, &mut seats);
    push_seats(groups.origin(), &field_path(&at, "members"), &group.members, &mut seats);
    if let Some(i) = group.members_from.as_deref().and_then(|role| role_index(site, role)) {
        seats.extend(listed_role_seats(site, i));
    }
    active_unique(site, seats)
}

/// Where a person is listed, as written: emeritus or not, and without the groups that
/// take in a whole role through `members_from`.
pub struct Listings<'a> {
    /// Roles whose `members` name the person.
    pub roles: Vec<&'a Role>,
    /// Groups whose `chairs` name the person.
    pub chairs: Vec<&'a Group>,
    /// Groups whose `members` name the person.
    pub groups: Vec<&'a Group>,
}

/// The roles and groups that list `person`, each once, in file order.
pub fn listings<'a>(site: &'a Site, person: &str) -> Listings<'a> {
    let names = |members: &[Member]| members.iter().any(|m| m.person == person);
    let groups = || site.groups.iter().flat_map(|g| g.groups.iter());
    Listings {
        roles: site.roles.iter().flat_map(|r| r.roles.iter()).filter(|r| names(&r.members)).collect(),
        chairs: groups().filter(|g| names(&g.chairs)).collect(),
        groups: groups().filter(|g| names(&g.members)).collect(),
    }
}

/// The body that decides, as `charter.decision_making.body` names it.
pub struct Body<'a> {
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
pub fn deciding_body(site: &Site) -> Option<Body<'_>> {
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

/// How an affiliation is compared: case, surrounding space and a leading `@` ignored.
pub fn organisation_key(affiliation: &str) -> String {
    affiliation.trim().trim_start_matches('@').trim().to_lowercase()
}

/// Whom a seat counts for when seats are counted by organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder<'a> {
    /// An organisation: its comparison key ([`organisation_key`]) and its spelling.
    Organisation {
        /// How it is compared.
        key: String,
        /// As first written.
        name: &'a str,
    },
    /// An independent person, who is their own organisation and never grouped with another.
    Independent,
    /// No affiliation given, or a person people.yaml lacks.
    Unaffiliated,
}

/// Whom `person`'s seat counts for.
pub fn holder<'a>(site: &'a Site, person: &str) -> Holder<'a> {
    let Some(p) = site.person(person) else { return Holder::Unaffiliated };
    if p.is_independent() {
        return Holder::Independent;
    }
    match p.current_affiliation().map(str::trim) {
        Some(name) if !organisation_key(name).is_empty() => Holder::Organisation { key: organisation_key(name), name },
        _ => Holder::Unaffiliated,
    }
}

/// The organisations holding `seats`, with how many each holds, in order of first appearance.
/// Independents and unaffiliated people are left out: each stands for themselves.
pub fn seats_by_organisation<'a>(site: &'a Site, seats: &[Seat]) -> Vec<(&'a str, usize)> {
    let mut held: Vec<(String, &str, usize)> = Vec::new();
    for seat in seats {
        let Holder::Organisation { key, name } = holder(site, seat.person) else { continue };
        match held.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => held.push((key, name, 1)),
        }
    }
    held.into_iter().map(|(_, name, n)| (name, n)).collect()
}

/// The cap `max_per_organization` of the deciding body, when it is a role that states one.
pub fn cap(site: &Site, body: &Body) -> Option<u32> {
    (body.kind == "role").then(|| site.role(body.id).and_then(|r| r.max_per_organization)).flatten()
}

/// An organisation's seats in the deciding body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Share {
    /// The organisation, as first spelled (`Independent`, or `No affiliation`).
    pub name: String,
    /// Active seats it holds.
    pub seats: usize,
    /// Its share of the body, in whole percent.
    pub percent: usize,
    /// Whether it is an organisation, not an independent person or the unaffiliated, who
    /// each stand for themselves: only an organisation can go over a cap.
    #[serde(skip)]
    pub organisation: bool,
}

impl Share {
    /// Whether it holds more than half of a body of `members`: it could outvote everyone else.
    pub fn over_half(&self, members: usize) -> bool {
        self.seats * 2 > members
    }

    /// Whether it holds exactly half of a body of `members`: one more seat gives it a majority.
    pub fn exactly_half(&self, members: usize) -> bool {
        self.seats * 2 == members
    }

    /// Whether it is an organisation holding more seats than `cap` allows one.
    pub fn over_cap(&self, cap: u32) -> bool {
        self.organisation && u32::try_from(self.seats).unwrap_or(u32::MAX) > cap
    }
}

/// The organisations of the deciding body's active members, largest first. Every
/// independent member is a bar of their own; when there are several, each bar also names
/// the person, so that the chart never shows two bars that read the same.
pub fn organisations(site: &Site, body: &Body) -> Vec<Share> {
    let total = body.seats.len().max(1);
    let independents = body.seats.iter().filter(|s| holder(site, s.person) == Holder::Independent).count();
    let mut shares: Vec<(String, Share)> = Vec::new();
    for seat in &body.seats {
        let person = site.person(seat.person);
        let spelled = person.and_then(|p| p.current_affiliation()).map(str::trim).unwrap_or("");
        let holder = holder(site, seat.person);
        let organisation = matches!(holder, Holder::Organisation { .. });
        let (key, name) = match holder {
            Holder::Independent => {
                let spelled = if spelled.is_empty() { "Independent" } else { spelled };
                let name = match person {
                    Some(p) if independents > 1 => format!("{spelled} ({})", p.name.trim()),
                    _ => spelled.to_string(),
                };
                // A key no organisation can have: independents are never grouped.
                (format!("\0{}", seat.person), name)
            }
            Holder::Organisation { key, .. } => (key, spelled.to_string()),
            Holder::Unaffiliated => (String::new(), "No affiliation".to_string()),
        };
        match shares.iter_mut().find(|(k, _)| *k == key) {
            Some((_, share)) => share.seats += 1,
            None => shares.push((key, Share { name, seats: 1, percent: 0, organisation })),
        }
    }
    let mut out: Vec<Share> = shares.into_iter().map(|(_, s)| s).collect();
    for share in &mut out {
        share.percent = (share.seats * 100 + total / 2) / total;
    }
    out.sort_by(|a, b| b.seats.cmp(&a.seats).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn organisations_compare_loosely() {
        assert_eq!(super::organisation_key(" @Acme "), super::organisation_key("acme "));
        assert_eq!(super::organisation_key("@"), "");
    }
}
