//! The security policy: the routes to report a vulnerability, the team, the bulletins.

use super::absolute;
use super::people::{row, seat_of, Row};
use crate::i18n::Locale;
use crate::markdown::LinkResolver;
use crate::model::{seats, Site, Text};
use serde::Serialize;

/// The security policy's routes and people.
#[derive(Serialize)]
pub(super) struct ReportView {
    pub(super) routes: Vec<Route>,
    pub(super) team: Option<TeamView>,
    bulletins: Vec<ChannelView>,
}

#[derive(Serialize)]
pub(super) struct Route {
    /// What the route is, in English (security-insights.yml's text).
    pub(super) kind: String,
    /// The same in the site's language (SECURITY.md).
    label: String,
    pub(super) address: String,
    href: Option<String>,
    pub(super) acknowledge_days: Option<u32>,
    /// What the route is for (`everything else, or if unsure`).
    scope: Option<String>,
}

#[derive(Serialize)]
pub(super) struct TeamView {
    pub(super) name: String,
    url: Option<String>,
    members: Vec<Row>,
}

#[derive(Serialize)]
struct ChannelView {
    id: String,
    kind: String,
    url: String,
    purpose: Option<Text>,
}

pub(super) fn report(
    site: &Site,
    links: &LinkResolver,
    policy: &crate::model::SecurityPolicy,
    locale: &Locale,
) -> ReportView {
    let mut routes: Vec<Route> = Vec::new();
    let route = |kind: &str, label: String, address: &str, days: Option<u32>, scope: Option<String>| {
        let mut route = route(kind, address, links, days, scope);
        route.label = label;
        route
    };
    let word = |key: &str| locale.text(&format!("export_text.security.route.{key}"));
    if let Some(c) = &policy.contact {
        let listed = |a: &str| policy.contacts.iter().any(|x| x.address.trim() == a.trim());
        if let Some(email) = c.email.as_deref().filter(|e| !listed(e)) {
            routes.push(route("E-mail", word("email"), email, policy.acknowledge_days, None));
        }
        if let Some(url) = c.url.as_deref().filter(|u| !listed(u)) {
            routes.push(route("Web", word("web"), url, policy.acknowledge_days, None));
        }
        if let Some(p) = c.person.as_deref().and_then(|id| site.person(id)) {
            if let Some(email) = p.email.as_deref().filter(|e| !listed(e)) {
                let label = locale.t("export_text.security.route.email_to", &[("name", p.name.as_str().into())]);
                routes.push(route(&format!("E-mail to {}", p.name), label, email, policy.acknowledge_days, None));
            }
        }
    }
    for c in &policy.contacts {
        let kind = match c.kind.as_str() {
            "email" => "E-mail".to_string(),
            "form" => "Web form".to_string(),
            other => other.replace('-', " "),
        };
        // The English kinds of SECURITY.md are the locale's `route.*`; the other kinds of
        // contact (`phone`, `chat`) are the locale's `enum.contact_kind.*`, as written otherwise.
        let label = match c.kind.as_str() {
            "email" | "form" | "web" => word(c.kind.as_str()),
            other => locale.text_or(&format!("enum.contact_kind.{other}"), || kind.clone()),
        };
        let scope = c.scope.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        routes.push(route(&kind, label, &c.address, c.acknowledge_days.or(policy.acknowledge_days), scope));
    }
    let team = policy.team.as_deref().map(|id| {
        let group = site.groups.as_ref().and_then(|g| g.groups.iter().position(|x| x.id == id));
        match group {
            Some(i) => {
                let g = &site.groups.as_ref().expect("groups loaded").groups[i];
                let from_role = g.members_from.as_deref().and_then(|r| site.role(r)).map_or(&[][..], |r| &r.members);
                let members = seats::group_seats(site, i)
                    .iter()
                    .map(|s| {
                        let chair = g.chairs.iter().any(|m| m.person == s.person);
                        let role = if chair { locale.text("export_text.people.chair_alone") } else { String::new() };
                        row(site, s.person, role, seat_of(&[&g.chairs, &g.members, from_role], s.person))
                    })
                    .collect();
                TeamView { name: g.name.to_string(), url: Some(absolute(links, &format!("/groups/#{id}"))), members }
            }
            None => match site.roles.as_ref().and_then(|r| r.roles.iter().position(|x| x.id == id)) {
                Some(i) => {
                    let role = &site.roles.as_ref().expect("roles loaded").roles[i];
                    let members = seats::role_seats(site, i)
                        .iter()
                        .map(|s| row(site, s.person, String::new(), seat_of(&[&role.members], s.person)))
                        .collect();
                    TeamView {
                        name: role.name.to_string(),
                        url: Some(absolute(links, &format!("/roles/#{id}"))),
                        members,
                    }
                }
                None => TeamView { name: id.to_string(), url: None, members: Vec::new() },
            },
        }
    });
    let bulletins = policy
        .bulletins
        .iter()
        .map(|id| match site.site.project.channels.iter().find(|c| &c.id == id) {
            Some(c) => ChannelView {
                id: c.id.clone(),
                kind: locale.text_or(&format!("enum.channel.{}", c.kind), || c.kind.replace('-', " ")),
                url: absolute(links, &c.url),
                purpose: c.purpose.clone(),
            },
            None => ChannelView { id: id.clone(), kind: String::new(), url: String::new(), purpose: None },
        })
        .collect();
    ReportView { routes, team, bulletins }
}

fn route(
    kind: &str,
    address: &str,
    links: &LinkResolver,
    acknowledge_days: Option<u32>,
    scope: Option<String>,
) -> Route {
    let address = address.trim();
    let href = if address.contains("://") || address.starts_with("mailto:") {
        Some(address.to_string())
    } else if address.starts_with('/') {
        Some(absolute(links, address))
    } else if address.contains('@') {
        Some(format!("mailto:{address}"))
    } else {
        None
    };
    Route {
        kind: kind.to_string(),
        label: kind.to_string(),
        address: address.strip_prefix("mailto:").unwrap_or(address).to_string(),
        href,
        acknowledge_days,
        scope,
    }
}
