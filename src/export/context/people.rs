//! The people of the export: the deciding body, and one row per person in a seat.

use super::absolute;
use crate::i18n::Locale;
use crate::markdown::LinkResolver;
use crate::model::{seats, Contact, Member, Person, Site, Text};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct BodyView<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    /// A role's `body_name`: what its holders are called together.
    body_name: Option<&'a str>,
    url: String,
    description: Option<&'a Text>,
    term: Option<&'a Text>,
    responsibilities: &'a [Text],
    privileges: &'a [Text],
    /// `seats` of a fixed-size body.
    seats: Option<u32>,
    /// Seats without an active holder.
    vacant: usize,
    /// `max_per_organization`.
    cap: Option<u32>,
    /// How the body is elected.
    elections: Option<&'a crate::model::Elections>,
    /// Who votes, in words: "every active Council member", "the active members of Core team".
    electorate: Option<String>,
    /// Who may stand, in words.
    candidates: Option<String>,
}

/// One person in one seat.
#[derive(Serialize, Clone)]
pub(super) struct Row {
    id: String,
    pub(super) name: String,
    pub(super) github: Option<String>,
    /// Their first account on any forge (GitHub first), for the `Account` column.
    account: Option<Account>,
    pub(super) affiliation: Option<String>,
    role: String,
    area: Option<String>,
    since: Option<String>,
    pub(super) email: Option<String>,
}

#[derive(Serialize)]
pub(super) struct GroupView<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) url: String,
    pub(super) description: Option<&'a Text>,
    pub(super) chairs: Vec<String>,
    pub(super) archived: bool,
    pub(super) archived_on: Option<&'a str>,
    /// The group's own decision rules, with their thresholds resolved.
    pub(super) decision_making: Option<&'a crate::model::DecisionMaking>,
    pub(super) thresholds: Option<crate::model::thresholds::Thresholds<'a>>,
    /// Who may call a vote in the group, as a phrase.
    pub(super) vote_caller: Option<String>,
    /// The name of the body its `decision_making` names.
    pub(super) decided_by: Option<&'a str>,
}

/// A handle on a code forge, with the platform's name and the profile's address.
#[derive(Serialize, Clone)]
pub(super) struct Account {
    platform: &'static str,
    handle: String,
    url: String,
}

/// Whether the people tables need an `Account` column: someone has a handle on another forge
/// but none on GitHub. A site whose people are all on GitHub (or on no forge) keeps its
/// `GitHub` column, so its files do not change.
pub(super) fn accounts_column(site: &Site) -> bool {
    site.people.iter().flat_map(|p| p.people.iter()).any(|p| p.github_handle().is_none() && account(p).is_some())
}

/// The first of `person`'s accounts that names a profile (GitHub first).
fn account(person: &Person) -> Option<Account> {
    person.all_accounts().into_iter().find_map(|(platform, text)| {
        let url = crate::model::values::profile_url(platform, text)?;
        let handle = crate::model::values::handle(text)?.to_string();
        let name = crate::model::values::PROFILE_URLS.iter().find(|(p, _, _)| *p == platform)?.1;
        Some(Account { platform: name, handle, url })
    })
}

/// A way to reach someone, with a person of people.yaml resolved.
#[derive(Serialize, Default)]
pub(super) struct ContactView {
    name: Option<String>,
    email: Option<String>,
    url: Option<String>,
    github: Option<String>,
    /// What the contact is (`Lead responder`).
    title: Option<String>,
    /// When to use it rather than the others.
    when: Option<String>,
}

pub(super) fn deciding_body<'a>(site: &'a Site, links: &LinkResolver, locale: &Locale) -> Option<BodyView<'a>> {
    let id = site.charter.as_ref()?.decision_making.body.trim();
    if let Some(role) = site.role(id) {
        let active = seats::holders(site, id).len();
        return Some(BodyView {
            seats: role.seats,
            vacant: role.seats.map_or(0, |s| usize::try_from(s).unwrap_or(usize::MAX).saturating_sub(active)),
            cap: role.max_per_organization,
            elections: role.elections.as_ref(),
            electorate: role
                .elections
                .as_ref()
                .and_then(|e| e.electorate.as_deref())
                .map(|i| who(site, i, true, locale)),
            candidates: role
                .elections
                .as_ref()
                .and_then(|e| e.candidates_from.as_deref())
                .map(|i| who(site, i, false, locale)),
            id: &role.id,
            kind: "role",
            name: &role.name,
            body_name: role.body_name.as_deref().map(str::trim).filter(|n| !n.is_empty()),
            url: absolute(links, &format!("/roles/#{}", role.id)),
            description: Some(&role.description),
            term: role.term.as_ref(),
            responsibilities: &role.responsibilities,
            privileges: &role.privileges,
        });
    }
    let group = site.group(id)?;
    Some(BodyView {
        id: &group.id,
        kind: "group",
        name: &group.name,
        body_name: None,
        url: absolute(links, &format!("/groups/#{}", group.id)),
        description: group.description.as_ref(),
        term: None,
        responsibilities: &[],
        privileges: &[],
        seats: None,
        vacant: 0,
        cap: None,
        elections: None,
        electorate: None,
        candidates: None,
    })
}

/// The holders of role or group `id`, in words: `every active Maintainer` for a role (whose
/// name is one holder's), `the active members of Core team` for a group.
fn who(site: &Site, id: &str, active: bool, locale: &Locale) -> String {
    let (key, name) = match site.named(id) {
        Some(crate::model::Named::Role(r)) => (
            if active { "export_text.people.every_active_role" } else { "export_text.people.every_role" },
            r.name.trim(),
        ),
        Some(named) => (
            if active { "export_text.people.active_members_of" } else { "export_text.people.members_of" },
            named.name(),
        ),
        None => return id.to_string(),
    };
    locale.t(key, &[("name", name.into())])
}

/// The first seat of `person` among `lists`: where its area and date come from.
pub(super) fn seat_of<'m>(lists: &[&'m [Member]], person: &str) -> Option<&'m Member> {
    lists.iter().flat_map(|l| l.iter()).find(|m| m.person == person)
}

pub(super) fn row(site: &Site, person: &str, role: String, seat: Option<&Member>) -> Row {
    let p: Option<&Person> = site.person(person);
    let nonblank = |s: Option<&str>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Row {
        id: person.to_string(),
        name: p.map_or_else(|| person.to_string(), |p| p.name.clone()),
        github: p.and_then(|p| p.github_handle()).and_then(crate::model::values::handle).map(str::to_string),
        account: p.and_then(account),
        affiliation: p.and_then(|p| p.current_affiliation()).map(|a| a.trim().to_string()).filter(|a| !a.is_empty()),
        role,
        area: nonblank(seat.and_then(|s| s.area.as_deref())).or_else(|| p.and_then(|p| nonblank(p.area.as_deref()))),
        since: nonblank(seat.and_then(|s| s.since.as_deref())).or_else(|| p.and_then(|p| nonblank(p.since.as_deref()))),
        email: p.and_then(|p| nonblank(p.email.as_deref())),
    }
}

/// The deciding body's active members, as `seats` counts them (each once, emeritus left out).
pub(super) fn body_rows(site: &Site, locale: &Locale) -> Vec<Row> {
    let Some(body) = seats::deciding_body(site) else { return Vec::new() };
    match body.kind {
        "role" => {
            let Some(role) = site.role(body.id) else { return Vec::new() };
            body.seats
                .iter()
                .map(|s| row(site, s.person, role.name.to_string(), seat_of(&[&role.members], s.person)))
                .collect()
        }
        _ => {
            let Some(group) = site.group(body.id) else { return Vec::new() };
            let from_role = group.members_from.as_deref().and_then(|r| site.role(r)).map_or(&[][..], |r| &r.members);
            body.seats
                .iter()
                .map(|s| {
                    let chair = group.chairs.iter().any(|m| m.person == s.person);
                    let role = if chair {
                        locale.t("export_text.people.chair", &[("group", group.name.as_str().into())])
                    } else {
                        group.name.to_string()
                    };
                    row(site, s.person, role, seat_of(&[&group.chairs, &group.members, from_role], s.person))
                })
                .collect()
        }
    }
}

/// Holders of every other role with a member list, the roles the ladder grants from the top
/// level down, then the rest in roles.yaml order.
pub(super) fn other_rows(site: &Site) -> Vec<Row> {
    let Some(roles) = &site.roles else { return Vec::new() };
    let body = site.charter.as_ref().map(|c| c.decision_making.body.trim()).unwrap_or("");
    let ladder_rank = |id: &str| {
        site.ladder.as_ref().and_then(|l| l.levels.iter().rposition(|level| level.role.as_deref() == Some(id)))
    };
    let mut order: Vec<(usize, &crate::model::Role)> =
        roles.roles.iter().enumerate().filter(|(_, r)| !r.open && r.id != body).collect();
    order.sort_by_key(|(i, r)| match ladder_rank(&r.id) {
        Some(rank) => (0, usize::MAX - rank, *i),
        None => (1, 0, *i),
    });
    let mut rows = Vec::new();
    for (i, role) in order {
        for seat in seats::role_seats(site, i) {
            rows.push(row(site, seat.person, role.name.to_string(), seat_of(&[&role.members], seat.person)));
        }
    }
    rows
}

/// Emeritus people, with the roles and groups that still list them.
pub(super) fn emeritus_rows(site: &Site, locale: &Locale) -> Vec<Row> {
    let Some(people) = &site.people else { return Vec::new() };
    people
        .people
        .iter()
        .filter(|p| p.emeritus)
        .map(|p| {
            let mut held: Vec<String> = Vec::new();
            let mut seat: Option<&Member> = None;
            for r in site.roles.iter().flat_map(|r| r.roles.iter()) {
                if let Some(m) = r.members.iter().find(|m| m.person == p.id) {
                    held.push(r.name.to_string());
                    seat = seat.or(Some(m));
                }
            }
            for g in site.groups.iter().flat_map(|g| g.groups.iter()) {
                if let Some(m) = g.chairs.iter().chain(&g.members).find(|m| m.person == p.id) {
                    held.push(g.name.to_string());
                    seat = seat.or(Some(m));
                }
            }
            row(site, &p.id, held.join(&locale.text("export_text.sep")), seat)
        })
        .collect()
}

pub(super) fn contact(site: &Site, links: &LinkResolver, c: &Contact) -> ContactView {
    let person = c.person.as_deref().and_then(|id| site.person(id));
    let name = match (person, &c.name) {
        (Some(p), Some(n)) => Some(format!("{} ({n})", p.name)),
        (Some(p), None) => Some(p.name.clone()),
        (None, Some(n)) => Some(n.to_string()),
        (None, None) => c.person.clone(),
    };
    ContactView {
        name,
        email: c.email.clone().or_else(|| person.and_then(|p| p.email.clone())),
        url: c.url.as_deref().map(|u| absolute(links, u)),
        github: person.and_then(|p| p.github_handle()).and_then(crate::model::values::handle).map(str::to_string),
        title: given(c.title.as_deref()),
        when: given(c.when.as_deref()),
    }
}

/// A plain-text value that says something: trimmed, or `None` when blank.
fn given(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(String::from)
}

/// A past holding of a role, for MAINTAINERS.md's seat history.
#[derive(Serialize)]
pub(super) struct FormerRow {
    name: String,
    github: Option<String>,
    account: Option<Account>,
    role: String,
    since: Option<String>,
    until: Option<String>,
    reason: Option<String>,
}

/// Every role's `former_members`, role by role in file order, latest end first within a role.
pub(super) fn former_rows(site: &Site, locale: &Locale) -> Vec<FormerRow> {
    let named = site.ladder.as_ref().and_then(|l| l.emeritus_name());
    let mut out = Vec::new();
    for role in site.roles.iter().flat_map(|r| r.roles.iter()) {
        let mut rows: Vec<FormerRow> =
            role.former_members
                .iter()
                .map(|f| {
                    let person = site.person(&f.person);
                    FormerRow {
                        name: person.map_or_else(|| f.person.clone(), |p| p.name.clone()),
                        github: person
                            .and_then(|p| p.github_handle())
                            .and_then(crate::model::values::handle)
                            .map(str::to_string),
                        account: person.and_then(account),
                        role: role.name.to_string(),
                        since: f.since.clone(),
                        until: f.until.clone(),
                        reason: f.reason.as_deref().map(|r| match (r.trim(), named) {
                            ("emeritus", Some(name)) => name.to_string(),
                            (reason, _) => locale
                                .text_or(&format!("export_text.people.end_reason.{reason}"), || r.replace('-', " ")),
                        }),
                    }
                })
                .collect();
        // An open holding first, then by end date, latest first (dates are YYYY-MM-DD).
        rows.sort_by(|a, b| match (&a.until, &b.until) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Less,
            (Some(_), None) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => y.cmp(x),
        });
        out.extend(rows);
    }
    out
}

/// One entry of a person's affiliation history, for MAINTAINERS.md.
#[derive(Serialize)]
pub(super) struct AffiliationRow<'a> {
    name: &'a str,
    organisation: &'a str,
    from: Option<&'a str>,
    until: Option<&'a str>,
}

/// Every entry of every person's `affiliations`, person by person in file order, each
/// person's entries as written.
pub(super) fn affiliation_rows(site: &Site) -> Vec<AffiliationRow<'_>> {
    site.people
        .iter()
        .flat_map(|p| p.people.iter())
        .flat_map(|person| {
            person.affiliations.iter().map(move |a| AffiliationRow {
                name: &person.name,
                organisation: &a.name,
                from: a.from.as_deref(),
                until: a.until.as_deref(),
            })
        })
        .collect()
}
