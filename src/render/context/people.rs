//! People as pages show them: seats with their person resolved, the people page's two
//! lists, and what every id names.

use super::{anchor, Link};
use crate::markdown::LinkResolver;
use crate::model::{seats, Member, Person, Site};
use serde::Serialize;
use std::collections::BTreeMap;

/// A person as pages show them: as written, with their current organisation and the links
/// to their profiles worked out.
#[derive(Serialize)]
pub(super) struct Who<'a> {
    #[serde(flatten)]
    person: &'a Person,
    /// The organisation they work for now: `affiliation`, else the entry of `affiliations`
    /// without `until`.
    organisation: Option<&'a str>,
    /// Their accounts with a profile link, GitHub first; a handle that is not one (reported
    /// by `schema/handle`) gets no link.
    profiles: Vec<Profile<'a>>,
}

/// An account on a code forge, linked.
#[derive(Serialize)]
struct Profile<'a> {
    /// `github`, `gitee`…
    platform: &'a str,
    /// `GitHub`, `Gitee`…
    label: &'a str,
    /// The handle, without a leading `@`.
    handle: &'a str,
    /// `https://gitee.com/<handle>`.
    url: String,
}

impl<'a> Who<'a> {
    pub(super) fn new(person: &'a Person) -> Self {
        use crate::model::values::{handle, platform_name, profile_url};
        let profiles = person
            .all_accounts()
            .into_iter()
            .filter_map(|(platform, text)| {
                let url = profile_url(platform, text)?;
                Some(Profile { platform, label: platform_name(platform), handle: handle(text)?, url })
            })
            .collect();
        Who { person, organisation: person.current_affiliation(), profiles }
    }
}

/// One seat as written (`{person, area, since}`) and, as `who`, the person it names; `who`
/// is none when people.yaml does not list them, so a theme can show the bare id.
#[derive(Serialize)]
pub(super) struct SeatView<'a> {
    #[serde(flatten)]
    member: &'a Member,
    who: Option<Who<'a>>,
}

impl<'a> SeatView<'a> {
    fn new(site: &'a Site, member: &'a Member) -> Self {
        SeatView { member, who: site.person(&member.person).map(Who::new) }
    }

    /// Every seat of `members`, as listed (emeritus and unknown people included).
    pub(super) fn all(site: &'a Site, members: &'a [Member]) -> Vec<Self> {
        members.iter().map(|m| Self::new(site, m)).collect()
    }

    /// The seats `seats` counts as active: each person once, emeritus left out.
    pub(super) fn active(site: &'a Site, active: Vec<seats::Seat<'a>>) -> Vec<Self> {
        active.into_iter().map(|s| Self::new(site, s.member)).collect()
    }
}

/// A person with the roles and groups that list them, for the people page.
#[derive(Serialize)]
pub(super) struct PersonView<'a> {
    #[serde(flatten)]
    person: Who<'a>,
    held_roles: Vec<Link<'a>>,
    chaired: Vec<Link<'a>>,
    joined: Vec<Link<'a>>,
}

/// Everyone in people.yaml, in file order: those who are active, and the emeriti.
pub(super) fn people<'a>(site: &'a Site, links: &LinkResolver) -> (Vec<PersonView<'a>>, Vec<PersonView<'a>>) {
    let view = |person: &'a Person| {
        let held = seats::listings(site, &person.id);
        PersonView {
            person: Who::new(person),
            held_roles: held.roles.iter().map(|r| Link::new(links, "roles", &r.id, &r.name)).collect(),
            chaired: held.chairs.iter().map(|g| Link::new(links, "groups", &g.id, &g.name)).collect(),
            joined: held.groups.iter().map(|g| Link::new(links, "groups", &g.id, &g.name)).collect(),
        }
    };
    let everyone = site.people.iter().flat_map(|p| p.people.iter());
    let (emeriti, active): (Vec<&Person>, Vec<&Person>) = everyone.partition(|p| p.emeritus);
    (active.into_iter().map(&view).collect(), emeriti.into_iter().map(&view).collect())
}

/// What an id names, as the `ref` and `contact` components show it.
#[derive(Serialize)]
pub(super) struct Ref<'a> {
    kind: &'static str,
    name: &'a str,
    /// Its name as a body (a role's `body_name`), for texts that speak of the body.
    body: &'a str,
    url: String,
    /// A person's e-mail address, for contacts; none for everything else.
    email: Option<&'a str>,
}

/// Every id of people.yaml, roles.yaml, groups.yaml and the ladder's levels, with what it
/// names (`Site::named` settles ids that two documents share).
pub(super) fn refs<'a>(site: &'a Site, links: &LinkResolver) -> BTreeMap<&'a str, Ref<'a>> {
    let people = site.people.iter().flat_map(|p| p.people.iter().map(|x| x.id.as_str()));
    let roles = site.roles.iter().flat_map(|r| r.roles.iter().map(|x| x.id.as_str()));
    let groups = site.groups.iter().flat_map(|g| g.groups.iter().map(|x| x.id.as_str()));
    let levels = site.ladder.iter().flat_map(|l| l.levels.iter().map(|x| x.id.as_str()));
    let mut refs = BTreeMap::new();
    for id in people.chain(roles).chain(groups).chain(levels) {
        if refs.contains_key(id) {
            continue;
        }
        if let Some(named) = site.named(id) {
            let email = match named {
                crate::model::Named::Person(p) => p.email.as_deref(),
                _ => None,
            };
            refs.insert(
                id,
                Ref {
                    kind: named.kind(),
                    name: named.name(),
                    body: named.body_name(),
                    url: anchor(links, named.page(), id),
                    email,
                },
            );
        }
    }
    refs
}
