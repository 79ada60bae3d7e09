//! What the export templates see: the governance model, with people resolved, URLs made
//! absolute to the portal, and the few values only code can work out (seat holders, dates).

use crate::markdown::LinkResolver;
use crate::model::{seats, Contact, LadderLevel, Member, Metric, Person, Site, Sponsors, Text};
use serde::Serialize;
use std::path::Path;

/// Where prose of the YAML is taken to be written, for relative `.md` links (as the portal does).
pub(super) const PROSE_FROM: &str = "content/_prose.md";

/// Everything the templates read.
#[derive(Serialize)]
pub(super) struct Export<'a> {
    notice: Notice,
    project: ProjectView<'a>,
    portal: PortalUrls,
    charter: Option<&'a crate::model::Charter>,
    ladder: Option<&'a crate::model::Ladder>,
    conduct: Option<&'a crate::model::CodeOfConduct>,
    security: Option<&'a crate::model::SecurityPolicy>,
    /// The deciding body.
    body: Option<BodyView<'a>>,
    /// Who may call a vote, by name.
    vote_caller: Option<String>,
    groups: Vec<GroupView<'a>>,
    /// Active members of the deciding body.
    maintainers: Vec<Row>,
    /// Active holders of the other roles (not open ones), top of the ladder first.
    others: Vec<Row>,
    /// Emeritus people.
    emeritus: Vec<Row>,
    conduct_contacts: Vec<ContactView>,
    ladder_contact: Option<ContactView>,
    levels: Vec<LevelView<'a>>,
    contributing: ContributingView,
    report: Option<ReportView>,
    insights: Insights,
}

/// The generated-file notice.
#[derive(Serialize)]
pub(super) struct Notice {
    /// `governance/` as seen from the export folder (`example-site/governance/`).
    pub governance: String,
    /// `site.yaml`, likewise.
    pub config: String,
    /// The command that regenerates the files.
    pub command: String,
}

#[derive(Serialize)]
struct ProjectView<'a> {
    name: &'a str,
    repository: Option<&'a str>,
    license: Option<&'a str>,
    foundation: Option<&'a crate::model::Foundation>,
    /// `a` or `an`, before the foundation maturity.
    maturity_article: &'static str,
    sign_off: Option<&'a str>,
    cla_url: Option<String>,
}

/// A page of the portal.
#[derive(Serialize)]
struct PageLink {
    title: &'static str,
    url: String,
}

#[derive(Serialize)]
struct PortalUrls {
    home: String,
    /// The pages beside the charter, for a sentence that lists them.
    pages: Vec<PageLink>,
    charter: String,
    people: String,
    roles: String,
    ladder: String,
    code_of_conduct: String,
    security: Option<String>,
    groups: Option<String>,
    decisions: Option<String>,
}

#[derive(Serialize)]
struct BodyView<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    url: String,
    description: Option<&'a Text>,
    term: Option<&'a Text>,
    responsibilities: &'a [Text],
    privileges: &'a [Text],
}

/// One person in one seat.
#[derive(Serialize, Clone)]
struct Row {
    id: String,
    name: String,
    github: Option<String>,
    affiliation: Option<String>,
    role: String,
    area: Option<String>,
    since: Option<String>,
    email: Option<String>,
}

#[derive(Serialize)]
struct GroupView<'a> {
    id: &'a str,
    name: &'a str,
    url: String,
    description: Option<&'a Text>,
    chairs: Vec<String>,
}

/// A way to reach someone, with a person of people.yaml resolved.
#[derive(Serialize, Default)]
struct ContactView {
    name: Option<String>,
    email: Option<String>,
    url: Option<String>,
    github: Option<String>,
}

#[derive(Serialize)]
struct LevelView<'a> {
    #[serde(flatten)]
    level: &'a LadderLevel,
    number: usize,
    role_name: Option<String>,
    role_url: Option<String>,
    sponsors_text: Option<String>,
    measures: Vec<MeasureRow>,
    keep: Vec<MeasureRow>,
}

#[derive(Serialize)]
struct MeasureRow {
    name: String,
    count: String,
    per: Option<String>,
    source: Option<String>,
}

#[derive(Serialize, Default)]
struct ContributingView {
    /// The guide's page title, when it is a page of the site.
    title: Option<String>,
    /// The page's Markdown, links made absolute.
    body: Option<String>,
    /// Where the guide is published.
    url: Option<String>,
    /// The guide is the repository's own CONTRIBUTING.md: the file export writes, so no link.
    self_reference: bool,
}

/// The security policy's routes and people.
#[derive(Serialize)]
struct ReportView {
    routes: Vec<Route>,
    team: Option<TeamView>,
    bulletins: Vec<ChannelView>,
}

#[derive(Serialize)]
struct Route {
    kind: String,
    address: String,
    href: Option<String>,
    acknowledge_days: Option<u32>,
}

#[derive(Serialize)]
struct TeamView {
    name: String,
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

/// What security-insights.yml says, each value checked against the Security Insights v2 types.
#[derive(Serialize)]
struct Insights {
    /// The latest date in the governance data (YYYY-MM-DD).
    date: Option<String>,
    /// `header.url`: the repository, or the portal.
    url: String,
    homepage: Option<String>,
    administrators: Vec<SiContact>,
    repositories: Vec<SiRepository>,
    steward: Option<SiLink>,
    reports_accepted: bool,
    contact: Option<SiContact>,
    policy: Option<String>,
    comment: Option<String>,
    code_of_conduct: Option<String>,
}

#[derive(Serialize)]
struct SiContact {
    name: String,
    primary: bool,
    affiliation: Option<String>,
    email: Option<String>,
    social: Option<String>,
}

#[derive(Serialize)]
struct SiRepository {
    name: String,
    url: String,
    comment: String,
}

#[derive(Serialize)]
struct SiLink {
    uri: String,
    comment: String,
}

/// The published URL of `url` as written in the YAML: root-relative ones are made absolute.
pub(super) fn absolute(links: &LinkResolver, url: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        links.resolve(url, Path::new(PROSE_FROM))
    } else {
        url.to_string()
    }
}

impl<'a> Export<'a> {
    /// The context for `site`, whose portal `links` point into.
    pub(super) fn new(site: &'a Site, links: &LinkResolver, notice: Notice) -> Self {
        let config = &site.site.project;
        let page_url = |key: &str| absolute(links, &format!("/{key}/"));
        let mut pages = vec![
            PageLink { title: "people", url: page_url("people") },
            PageLink { title: "roles", url: page_url("roles") },
            PageLink { title: "contributor ladder", url: page_url("ladder") },
        ];
        if site.groups.is_some() {
            pages.push(PageLink { title: "groups", url: page_url("groups") });
        }
        if site.decisions.is_some() {
            pages.push(PageLink { title: "decision log", url: page_url("decisions") });
        }
        let portal = PortalUrls {
            home: links.base_path.clone(),
            pages,
            charter: page_url("charter"),
            people: page_url("people"),
            roles: page_url("roles"),
            ladder: page_url("ladder"),
            code_of_conduct: page_url("code-of-conduct"),
            security: site.security.is_some().then(|| page_url("security")),
            groups: site.groups.is_some().then(|| page_url("groups")),
            decisions: site.decisions.is_some().then(|| page_url("decisions")),
        };
        let body = deciding_body(site, links);
        let maintainers = body_rows(site);
        let others = other_rows(site);
        let emeritus = emeritus_rows(site);
        let vote_caller = site
            .charter
            .as_ref()
            .and_then(|c| c.decision_making.voting.as_ref())
            .and_then(|v| v.on_demand_by.as_deref())
            .map(|id| vote_caller(site, id));
        let groups = site
            .groups
            .iter()
            .flat_map(|g| g.groups.iter())
            .map(|g| GroupView {
                id: &g.id,
                name: &g.name,
                url: absolute(links, &format!("/groups/#{}", g.id)),
                description: g.description.as_ref(),
                chairs: g.chairs.iter().map(|m| name_of(site, &m.person)).collect(),
            })
            .collect();
        let conduct_contacts = site
            .code_of_conduct
            .iter()
            .flat_map(|c| c.reporting.contacts.iter())
            .map(|c| contact(site, links, c))
            .collect();
        let ladder_contact = site.ladder.as_ref().and_then(|l| l.contact.as_ref()).map(|c| contact(site, links, c));
        let levels = levels(site, links);
        let contributing = contributing(site, links);
        let report = site.security.as_ref().map(|s| report(site, links, s));
        let insights = insights(site, links, &portal, &maintainers, report.as_ref());
        Export {
            notice,
            project: ProjectView {
                name: &config.name,
                repository: config.repository.as_deref(),
                license: config.license.as_deref(),
                foundation: config.foundation.as_ref(),
                maturity_article: article(config.foundation.as_ref().and_then(|f| f.maturity.as_deref()).unwrap_or("")),
                sign_off: config.sign_off.as_deref(),
                cla_url: config.cla_url.as_deref().map(|u| absolute(links, u)),
            },
            portal,
            charter: site.charter.as_deref(),
            ladder: site.ladder.as_deref(),
            conduct: site.code_of_conduct.as_deref(),
            security: site.security.as_deref(),
            body,
            vote_caller,
            groups,
            maintainers,
            others,
            emeritus,
            conduct_contacts,
            ladder_contact,
            levels,
            contributing,
            report,
            insights,
        }
    }
}

/// The name of whatever `id` names: a person, role, group or ladder level; else the id.
fn name_of(site: &Site, id: &str) -> String {
    if let Some(p) = site.person(id) {
        return p.name.clone();
    }
    if let Some(r) = site.role(id) {
        return r.name.clone();
    }
    if let Some(g) = site.group(id) {
        return g.name.clone();
    }
    if let Some(l) = site.ladder.as_ref().and_then(|l| l.levels.iter().find(|l| l.id == id)) {
        return l.name.clone();
    }
    id.to_string()
}

/// Who may call a vote, as a phrase: `any Maintainer`, `any member of the Steering Committee`.
fn vote_caller(site: &Site, id: &str) -> String {
    if let Some(r) = site.role(id) {
        return format!("any {}", r.name);
    }
    if let Some(g) = site.group(id) {
        return format!("any member of the {}", g.name);
    }
    name_of(site, id)
}

fn deciding_body<'a>(site: &'a Site, links: &LinkResolver) -> Option<BodyView<'a>> {
    let id = site.charter.as_ref()?.decision_making.body.trim();
    if let Some(role) = site.role(id) {
        return Some(BodyView {
            id: &role.id,
            kind: "role",
            name: &role.name,
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
        url: absolute(links, &format!("/groups/#{}", group.id)),
        description: group.description.as_ref(),
        term: None,
        responsibilities: &[],
        privileges: &[],
    })
}

/// The first seat of `person` among `lists`: where its area and date come from.
fn seat_of<'m>(lists: &[&'m [Member]], person: &str) -> Option<&'m Member> {
    lists.iter().flat_map(|l| l.iter()).find(|m| m.person == person)
}

fn row(site: &Site, person: &str, role: String, seat: Option<&Member>) -> Row {
    let p: Option<&Person> = site.person(person);
    let nonblank = |s: Option<&String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Row {
        id: person.to_string(),
        name: p.map_or_else(|| person.to_string(), |p| p.name.clone()),
        github: p.and_then(|p| nonblank(p.github.as_ref())).map(|h| h.trim_start_matches('@').to_string()),
        affiliation: p.and_then(|p| nonblank(p.affiliation.as_ref())),
        role,
        area: nonblank(seat.and_then(|s| s.area.as_ref())).or_else(|| p.and_then(|p| nonblank(p.area.as_ref()))),
        since: nonblank(seat.and_then(|s| s.since.as_ref())).or_else(|| p.and_then(|p| nonblank(p.since.as_ref()))),
        email: p.and_then(|p| nonblank(p.email.as_ref())),
    }
}

/// The deciding body's active members, as `seats` counts them (each once, emeritus left out).
fn body_rows(site: &Site) -> Vec<Row> {
    let Some(body) = seats::deciding_body(site) else { return Vec::new() };
    match body.kind {
        "role" => {
            let Some(role) = site.role(body.id) else { return Vec::new() };
            body.seats
                .iter()
                .map(|s| row(site, s.person, role.name.clone(), seat_of(&[&role.members], s.person)))
                .collect()
        }
        _ => {
            let Some(group) = site.group(body.id) else { return Vec::new() };
            let from_role = group.members_from.as_deref().and_then(|r| site.role(r)).map_or(&[][..], |r| &r.members);
            body.seats
                .iter()
                .map(|s| {
                    let chair = group.chairs.iter().any(|m| m.person == s.person);
                    let role = if chair { format!("{} (chair)", group.name) } else { group.name.clone() };
                    row(site, s.person, role, seat_of(&[&group.chairs, &group.members, from_role], s.person))
                })
                .collect()
        }
    }
}

/// Holders of every other role with a member list, the roles the ladder grants from the top
/// level down, then the rest in roles.yaml order.
fn other_rows(site: &Site) -> Vec<Row> {
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
            rows.push(row(site, seat.person, role.name.clone(), seat_of(&[&role.members], seat.person)));
        }
    }
    rows
}

/// Emeritus people, with the roles and groups that still list them.
fn emeritus_rows(site: &Site) -> Vec<Row> {
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
                    held.push(r.name.clone());
                    seat = seat.or(Some(m));
                }
            }
            for g in site.groups.iter().flat_map(|g| g.groups.iter()) {
                if let Some(m) = g.chairs.iter().chain(&g.members).find(|m| m.person == p.id) {
                    held.push(g.name.clone());
                    seat = seat.or(Some(m));
                }
            }
            row(site, &p.id, held.join(", "), seat)
        })
        .collect()
}

fn contact(site: &Site, links: &LinkResolver, c: &Contact) -> ContactView {
    let person = c.person.as_deref().and_then(|id| site.person(id));
    let name = match (person, &c.name) {
        (Some(p), Some(n)) => Some(format!("{} ({n})", p.name)),
        (Some(p), None) => Some(p.name.clone()),
        (None, Some(n)) => Some(n.clone()),
        (None, None) => c.person.clone(),
    };
    ContactView {
        name,
        email: c.email.clone().or_else(|| person.and_then(|p| p.email.clone())),
        url: c.url.as_deref().map(|u| absolute(links, u)),
        github: person.and_then(|p| p.github.clone()).map(|h| h.trim_start_matches('@').to_string()),
    }
}

fn levels<'a>(site: &'a Site, links: &LinkResolver) -> Vec<LevelView<'a>> {
    let Some(ladder) = &site.ladder else { return Vec::new() };
    ladder
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| LevelView {
            level,
            number: i + 1,
            role_name: level.role.as_deref().map(|r| name_of(site, r)),
            role_url: level
                .role
                .as_deref()
                .filter(|r| site.role(r).is_some())
                .map(|r| absolute(links, &format!("/roles/#{r}"))),
            sponsors_text: level.sponsors.as_ref().map(|s| sponsors(site, s)),
            measures: measures(&level.metrics),
            keep: measures(&level.upkeep),
        })
        .collect()
}

fn sponsors(site: &Site, sponsors: &Sponsors) -> String {
    let count = |n: u32| format!("{n} sponsor{}", if n == 1 { "" } else { "s" });
    match sponsors {
        Sponsors::Count(n) => format!("{}.", count(*n)),
        Sponsors::Detailed { count: n, from, distinct_affiliations } => {
            let mut text = count(*n);
            if let Some(from) = from {
                text.push_str(&format!(" at the {} level or above", name_of(site, from)));
            }
            match distinct_affiliations {
                Some(serde_json::Value::Number(k)) => {
                    let k = k.as_u64().unwrap_or(0);
                    text.push_str(&format!(
                        ", from at least {k} different organisation{}",
                        if k == 1 { "" } else { "s" }
                    ));
                }
                Some(serde_json::Value::Bool(true)) => text.push_str(", each from a different organisation"),
                _ => {}
            }
            text.push('.');
            text
        }
    }
}

fn measures(map: &indexmap::IndexMap<String, Metric>) -> Vec<MeasureRow> {
    let number = |n: f64| if n.fract() == 0.0 { format!("{n:.0}") } else { n.to_string() };
    map.iter()
        .map(|(key, metric)| {
            let mut name = key.replace('_', " ");
            if let Some(first) = name.get(..1) {
                name = format!("{}{}", first.to_uppercase(), &name[1..]);
            }
            match metric {
                Metric::Count(n) => MeasureRow { name, count: number(*n), per: None, source: None },
                Metric::Detailed { count, per, source } => MeasureRow {
                    name,
                    count: number(*count),
                    per: per.as_deref().map(|p| if p == "total" { "in total".to_string() } else { format!("per {p}") }),
                    source: source.clone(),
                },
            }
        })
        .collect()
}

fn contributing(site: &Site, links: &LinkResolver) -> ContributingView {
    let Some(guide) = site.site.project.contributing.as_deref().map(str::trim).filter(|g| !g.is_empty()) else {
        return ContributingView::default();
    };
    let file = Path::new(guide.strip_prefix("./").unwrap_or(guide));
    if let Some(page) = site.pages.iter().find(|p| p.file == file) {
        let body = super::markdown::absolutize(&page.body, &page.file, links);
        return ContributingView {
            title: Some(page.front.title.clone()),
            body: Some(body.trim().to_string()),
            url: Some(links.resolve(guide, Path::new("site.yaml"))),
            self_reference: false,
        };
    }
    let url = links.resolve(guide, Path::new("site.yaml"));
    let last = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let self_reference = last.eq_ignore_ascii_case("CONTRIBUTING.md");
    ContributingView { title: None, body: None, url: (!self_reference).then_some(url), self_reference }
}

fn report(site: &Site, links: &LinkResolver, policy: &crate::model::SecurityPolicy) -> ReportView {
    let mut routes: Vec<Route> = Vec::new();
    if let Some(c) = &policy.contact {
        let listed = |a: &str| policy.contacts.iter().any(|x| x.address.trim() == a.trim());
        if let Some(email) = c.email.as_deref().filter(|e| !listed(e)) {
            routes.push(route("E-mail", email, links, policy.acknowledge_days));
        }
        if let Some(url) = c.url.as_deref().filter(|u| !listed(u)) {
            routes.push(route("Web", url, links, policy.acknowledge_days));
        }
        if let Some(p) = c.person.as_deref().and_then(|id| site.person(id)) {
            if let Some(email) = p.email.as_deref().filter(|e| !listed(e)) {
                routes.push(route(&format!("E-mail to {}", p.name), email, links, policy.acknowledge_days));
            }
        }
    }
    for c in &policy.contacts {
        let kind = match c.kind.as_str() {
            "email" => "E-mail".to_string(),
            "form" => "Web form".to_string(),
            other => other.replace('-', " "),
        };
        routes.push(route(&kind, &c.address, links, c.acknowledge_days.or(policy.acknowledge_days)));
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
                        let role = if chair { "chair".to_string() } else { String::new() };
                        row(site, s.person, role, seat_of(&[&g.chairs, &g.members, from_role], s.person))
                    })
                    .collect();
                TeamView { name: g.name.clone(), url: Some(absolute(links, &format!("/groups/#{id}"))), members }
            }
            None => match site.roles.as_ref().and_then(|r| r.roles.iter().position(|x| x.id == id)) {
                Some(i) => {
                    let role = &site.roles.as_ref().expect("roles loaded").roles[i];
                    let members = seats::role_seats(site, i)
                        .iter()
                        .map(|s| row(site, s.person, String::new(), seat_of(&[&role.members], s.person)))
                        .collect();
                    TeamView { name: role.name.clone(), url: Some(absolute(links, &format!("/roles/#{id}"))), members }
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
                kind: c.kind.replace('-', " "),
                url: absolute(links, &c.url),
                purpose: c.purpose.clone(),
            },
            None => ChannelView { id: id.clone(), kind: String::new(), url: String::new(), purpose: None },
        })
        .collect();
    ReportView { routes, team, bulletins }
}

fn route(kind: &str, address: &str, links: &LinkResolver, acknowledge_days: Option<u32>) -> Route {
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
        address: address.strip_prefix("mailto:").unwrap_or(address).to_string(),
        href,
        acknowledge_days,
    }
}

/// An e-mail address as Security Insights accepts it.
fn si_email(address: &str) -> Option<String> {
    let address = address.trim().strip_prefix("mailto:").unwrap_or(address.trim());
    let (local, domain) = address.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'));
    let (host, tld) = domain.rsplit_once('.')?;
    let host_ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    (local_ok && host_ok && tld_ok).then(|| address.to_string())
}

/// A URL as Security Insights accepts it (http or https, no blanks).
pub(super) fn si_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    (!rest.is_empty() && !url.chars().any(char::is_whitespace)).then(|| url.to_string())
}

/// The latest YYYY-MM-DD date written in the governance data: decisions, and the dates
/// people joined and took their seats. Deterministic, unlike the clock.
pub(super) fn latest_date(site: &Site) -> Option<String> {
    let mut dates: Vec<&str> = Vec::new();
    for d in site.decisions.iter().flat_map(|d| d.decisions.iter()) {
        dates.push(&d.date);
    }
    for p in site.people.iter().flat_map(|p| p.people.iter()) {
        dates.extend(p.since.as_deref());
    }
    for r in site.roles.iter().flat_map(|r| r.roles.iter()) {
        dates.extend(r.members.iter().filter_map(|m| m.since.as_deref()));
    }
    for g in site.groups.iter().flat_map(|g| g.groups.iter()) {
        dates.extend(g.chairs.iter().chain(&g.members).filter_map(|m| m.since.as_deref()));
    }
    dates.into_iter().map(str::trim).filter(|d| is_date(d)).max().map(str::to_string)
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn si_contact(row: &Row) -> SiContact {
    SiContact {
        name: row.name.clone(),
        primary: false,
        affiliation: row.affiliation.clone(),
        email: row.email.as_deref().and_then(si_email),
        social: row.github.as_ref().map(|h| format!("https://github.com/{h}")),
    }
}

fn insights(
    site: &Site,
    links: &LinkResolver,
    portal: &PortalUrls,
    maintainers: &[Row],
    report: Option<&ReportView>,
) -> Insights {
    let project = &site.site.project;
    let repository = project.repository.as_deref().and_then(si_url);
    let repositories = repository
        .iter()
        .map(|url| {
            let name = url.trim_end_matches('/').trim_end_matches(".git").rsplit('/').next().unwrap_or(url).to_string();
            SiRepository { name, url: url.clone(), comment: format!("The source repository of {}.", project.name) }
        })
        .collect();
    let steward = project.foundation.as_ref().and_then(|f| {
        let uri = f.url.as_deref().and_then(si_url)?;
        let comment = match f.maturity.as_deref() {
            Some(m) => format!("{} is {} {m} project of the {}.", project.name, article(m), f.name),
            None => format!("{} is a project of the {}.", project.name, f.name),
        };
        Some(SiLink { uri, comment })
    });
    let policy = site.security.as_ref();
    let contact = policy.map(|p| {
        let email = p
            .contact
            .as_ref()
            .and_then(|c| c.email.as_deref())
            .or_else(|| p.contacts.iter().find(|c| c.kind == "email").map(|c| c.address.as_str()))
            .and_then(si_email);
        let name = report
            .and_then(|r| r.team.as_ref())
            .map(|t| t.name.clone())
            .unwrap_or_else(|| format!("{} security team", project.name));
        SiContact { name, primary: true, affiliation: None, email, social: None }
    });
    let comment = report.filter(|r| !r.routes.is_empty()).map(|r| {
        let routes: Vec<String> = r
            .routes
            .iter()
            .map(|route| match route.acknowledge_days {
                Some(d) => format!("{} ({}, answered within {d} day{})", route.address, route.kind, plural(d)),
                None => format!("{} ({})", route.address, route.kind),
            })
            .collect();
        let mut text = format!("Report vulnerabilities privately: {}.", routes.join("; "));
        if let Some(d) = policy.and_then(|p| p.disclosure_days) {
            text.push_str(&format!(" Public disclosure at most {d} day{} after the report.", plural(d)));
        }
        text
    });
    Insights {
        date: latest_date(site),
        url: repository.clone().unwrap_or_else(|| links.base_path.clone()),
        homepage: repository.clone().or_else(|| si_url(&links.base_path)),
        administrators: maintainers.iter().map(si_contact).collect(),
        repositories,
        steward,
        reports_accepted: policy.is_some(),
        contact,
        policy: portal.security.as_deref().and_then(si_url),
        comment,
        code_of_conduct: si_url(&portal.code_of_conduct),
    }
}

fn article(word: &str) -> &'static str {
    match word.trim().chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_insights_types() {
        assert_eq!(si_email("mailto:sec@acme.org").as_deref(), Some("sec@acme.org"));
        assert_eq!(si_email("sec@localhost"), None);
        assert_eq!(si_url("https://acme.org/x").as_deref(), Some("https://acme.org/x"));
        assert_eq!(si_url("git@github.com:acme/acme"), None);
        assert!(is_date("2024-01-31"));
        assert!(!is_date("2024-1-31"));
    }
}
