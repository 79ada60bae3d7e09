//! Roles, groups and ladder levels as pages show them: who holds each, counted the way the
//! membership rules count, and the deciding body's diversity chart.

use super::people::SeatView;
use super::Link;
use crate::markdown::LinkResolver;
use crate::model::seats::{self, Share};
use crate::model::{Group, LadderLevel, Role, Site, Sponsors};
use serde::Serialize;

/// A role with its seats resolved.
#[derive(Serialize)]
pub(super) struct RoleView<'a> {
    #[serde(flatten)]
    role: &'a Role,
    /// Every seat as listed, emeritus included: the member table.
    member_seats: Vec<SeatView<'a>>,
    /// The active holders, each once: what `roles/min-members` counts.
    holders: Vec<SeatView<'a>>,
    /// The ladder levels that grant the role.
    levels: Vec<Link<'a>>,
    /// Its seats and cap, when it states either.
    composition: Option<Composition>,
    /// The seat history, latest end first.
    former_seats: Vec<FormerSeat<'a>>,
}

/// A past holding, with the person's name resolved.
#[derive(Serialize)]
struct FormerSeat<'a> {
    person: &'a str,
    /// The name from people.yaml, else the id.
    name: &'a str,
    /// Whether people.yaml knows the person (the name then links to the people page).
    known: bool,
    since: Option<&'a str>,
    until: Option<&'a str>,
    reason: Option<&'a str>,
}

impl<'a> FormerSeat<'a> {
    /// The history of `role`, latest end first; a holding without an end comes first.
    fn of(site: &'a Site, role: &'a Role) -> Vec<Self> {
        let mut out: Vec<FormerSeat<'a>> = role
            .former_members
            .iter()
            .map(|f| FormerSeat {
                person: &f.person,
                name: site.person(&f.person).map_or(f.person.as_str(), |p| p.name.as_str()),
                known: site.person(&f.person).is_some(),
                since: f.since.as_deref(),
                until: f.until.as_deref(),
                reason: f.reason.as_deref(),
            })
            .collect();
        // Dates are `YYYY-MM-DD` (checked by `schema/date`), so text order is date order.
        out.sort_by(|a, b| match (a.until, b.until) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Less,
            (Some(_), None) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => y.cmp(x),
        });
        out
    }
}

/// A fixed-size body's seats, how many are filled, and the cap on one organisation.
#[derive(Serialize)]
struct Composition {
    /// `seats`, when given.
    seats: Option<u32>,
    /// Active members, each once.
    active: usize,
    /// Seats without an active holder.
    vacant: usize,
    /// `max_per_organization`, when given.
    cap: Option<u32>,
}

impl Composition {
    fn of(role: &Role, active: usize) -> Option<Self> {
        if role.seats.is_none() && role.max_per_organization.is_none() {
            return None;
        }
        let vacant = role.seats.map_or(0, |s| usize::try_from(s).unwrap_or(usize::MAX).saturating_sub(active));
        Some(Composition { seats: role.seats, active, vacant, cap: role.max_per_organization })
    }
}

impl<'a> RoleView<'a> {
    /// The view of role `index` of roles.yaml.
    fn new(site: &'a Site, links: &LinkResolver, index: usize) -> Option<Self> {
        let role = site.roles.as_ref()?.roles.get(index)?;
        let levels = site.ladder.iter().flat_map(|l| l.levels.iter());
        let holders = SeatView::active(site, seats::role_seats(site, index));
        Some(RoleView {
            role,
            member_seats: SeatView::all(site, &role.members),
            composition: Composition::of(role, holders.len()),
            former_seats: FormerSeat::of(site, role),
            holders,
            levels: levels
                .filter(|l| l.role.as_deref() == Some(role.id.as_str()))
                .map(|l| Link::new(links, "ladder", &l.id, &l.name))
                .collect(),
        })
    }

    /// The view of the first role with id `id`.
    fn find(site: &'a Site, links: &LinkResolver, id: &str) -> Option<Self> {
        let index = site.roles.as_ref()?.roles.iter().position(|r| r.id == id)?;
        Self::new(site, links, index)
    }
}

/// Every role of roles.yaml, in file order.
pub(super) fn roles<'a>(site: &'a Site, links: &LinkResolver) -> Vec<RoleView<'a>> {
    let count = site.roles.as_ref().map_or(0, |r| r.roles.len());
    (0..count).filter_map(|i| RoleView::new(site, links, i)).collect()
}

/// A group with its seats resolved.
#[derive(Serialize)]
pub(super) struct GroupView<'a> {
    #[serde(flatten)]
    group: &'a Group,
    chair_seats: Vec<SeatView<'a>>,
    member_seats: Vec<SeatView<'a>>,
    /// The role `members_from` names, if it exists.
    from_role: Option<RoleView<'a>>,
    /// Its `limits`, each with the role's name and the active holders scoped to the group.
    limit_rows: Vec<LimitRow<'a>>,
    /// The thresholds of its own `decision_making`, resolved as the charter's are.
    thresholds: Option<crate::model::thresholds::Thresholds<'a>>,
    /// Its meetings, each with its time in UTC.
    meeting_times: Vec<MeetingView<'a>>,
    /// Whether `status` is `archived`.
    archived: bool,
}

/// A meeting with its local time converted to UTC.
#[derive(Serialize)]
struct MeetingView<'a> {
    #[serde(flatten)]
    meeting: &'a crate::model::Meeting,
    /// `time` in `timezone`, in UTC on the date the portal is built (see [`crate::today`]):
    /// the offset of a zone with daylight saving depends on the date.
    utc: Option<crate::zones::InUtc>,
}

impl<'a> MeetingView<'a> {
    fn of(group: &'a Group) -> Vec<Self> {
        let today = crate::today::today();
        group
            .meetings
            .iter()
            .map(|meeting| {
                let utc = match (&meeting.time, &meeting.timezone) {
                    (Some(time), Some(zone)) => crate::zones::to_utc(time, zone.trim(), today),
                    _ => None,
                };
                MeetingView { meeting, utc }
            })
            .collect()
    }
}

/// One of a group's `limits`, as shown.
#[derive(Serialize)]
struct LimitRow<'a> {
    role: &'a str,
    /// The role's name, else its id.
    name: &'a str,
    min: Option<u32>,
    max: Option<u32>,
    /// Active people holding the role with `group:` naming this group, each once.
    holders: usize,
}

impl<'a> LimitRow<'a> {
    fn of(site: &'a Site, group: &'a Group) -> Vec<Self> {
        group
            .limits
            .iter()
            .map(|(role, limit)| {
                let mut people: Vec<&str> = Vec::new();
                let scoped = site.roles.iter().flat_map(|r| r.roles.iter()).filter(|r| r.id == *role);
                for m in scoped.flat_map(|r| r.members.iter()) {
                    let here = m.group.as_deref().map(str::trim) == Some(group.id.as_str());
                    if here && seats::is_active(site, &m.person) && !people.contains(&m.person.as_str()) {
                        people.push(&m.person);
                    }
                }
                LimitRow { role, name: site.name_of(role), min: limit.min, max: limit.max, holders: people.len() }
            })
            .collect()
    }
}

impl<'a> GroupView<'a> {
    fn new(site: &'a Site, links: &LinkResolver, group: &'a Group) -> Self {
        GroupView {
            group,
            chair_seats: SeatView::all(site, &group.chairs),
            member_seats: SeatView::all(site, &group.members),
            from_role: group.members_from.as_deref().and_then(|id| RoleView::find(site, links, id)),
            limit_rows: LimitRow::of(site, group),
            thresholds: group.decision_making.as_ref().map(|dm| crate::model::thresholds::thresholds(site, dm)),
            meeting_times: MeetingView::of(group),
            archived: group.is_archived(),
        }
    }
}

/// Every group of groups.yaml, in file order; none without groups.yaml.
pub(super) fn groups<'a>(site: &'a Site, links: &LinkResolver) -> Option<Vec<GroupView<'a>>> {
    Some(site.groups.as_ref()?.groups.iter().map(|g| GroupView::new(site, links, g)).collect())
}

/// The role or group the charter names as deciding body, with its seats. Looked up as
/// written, and without people.yaml too, so that the home page always says who decides.
pub(super) fn body<'a>(site: &'a Site, links: &LinkResolver) -> (Option<RoleView<'a>>, Option<GroupView<'a>>) {
    let Some(charter) = &site.charter else { return (None, None) };
    let id = charter.decision_making.body.as_str();
    if let Some(role) = RoleView::find(site, links, id) {
        return (Some(role), None);
    }
    (None, site.group(id).map(|g| GroupView::new(site, links, g)))
}

/// A ladder level with the people on it.
#[derive(Serialize)]
pub(super) struct LevelView<'a> {
    #[serde(flatten)]
    level: &'a LadderLevel,
    /// The active holders of the level's role, each once; empty without a role.
    holders: Vec<SeatView<'a>>,
    /// The level `sponsors.from` names, if it exists.
    sponsors_from: Option<Link<'a>>,
}

/// The ladder's levels, entry level first; empty without ladder.yaml.
pub(super) fn levels<'a>(site: &'a Site, links: &LinkResolver) -> Vec<LevelView<'a>> {
    let Some(ladder) = &site.ladder else { return Vec::new() };
    let view = |level: &'a LadderLevel| {
        let role = level.role.as_deref().filter(|r| !r.is_empty());
        let from = match &level.sponsors {
            Some(Sponsors::Detailed { from: Some(from), .. }) if !from.is_empty() => site.level(from),
            _ => None,
        };
        LevelView {
            level,
            holders: role.map(|r| SeatView::active(site, seats::holders(site, r))).unwrap_or_default(),
            sponsors_from: from.map(|l| Link::new(links, "ladder", &l.id, &l.name)),
        }
    };
    ladder.levels.iter().map(view).collect()
}

/// The deciding body and its organisations, for the diversity chart.
#[derive(Serialize)]
pub(super) struct BodyView<'a> {
    id: &'a str,
    kind: &'static str,
    /// The role's or group's name.
    name: &'a str,
    members: usize,
    organisations: Vec<Organisation>,
    /// The organisation holding more than half of the seats.
    majority: Option<Share>,
    /// Else the first holding exactly half.
    half: Option<Share>,
    /// The body's `max_per_organization`, when it is a role that states one: the chart
    /// then marks organisations over the cap instead of over half.
    cap: Option<u32>,
    /// The first organisation holding more seats than the cap.
    over_cap: Option<Share>,
    /// Active members left out of the figures as inactive (site.yaml's
    /// `diversity.active_only`), and the ladder's period that made them so.
    not_counted: usize,
    inactivity_months: Option<u32>,
}

/// An organisation's seats, and whether they are more than half.
#[derive(Serialize)]
struct Organisation {
    #[serde(flatten)]
    share: Share,
    over_half: bool,
    /// Whether its bar is marked: over the cap when there is one, else over half.
    warn: bool,
}

/// The deciding body, when the charter names one that exists and people.yaml loaded.
/// The model's own words for independents and the unaffiliated are the locale's.
pub(super) fn deciding_body<'a>(site: &'a Site, locale: &crate::i18n::Locale) -> Option<BodyView<'a>> {
    let listed = seats::deciding_body(site)?.seats.len();
    let body = crate::rules::diversity_body(site)?;
    let members = body.seats.len();
    let mut shares = seats::organisations(site, &body);
    for share in shares.iter_mut().filter(|s| !s.organisation) {
        if share.name == "No affiliation" {
            share.name = locale.text("chart.no_affiliation");
        } else if let Some(rest) = share.name.strip_prefix("Independent") {
            share.name = format!("{}{rest}", locale.text("chart.independent"));
        }
    }
    let cap = seats::cap(site, &body);
    let name = match body.kind {
        "role" => site.role(body.id).map(|r| r.name.as_str()),
        _ => site.group(body.id).map(|g| g.name.as_str()),
    };
    Some(BodyView {
        id: body.id,
        kind: body.kind,
        name: name.unwrap_or(body.id),
        members,
        majority: shares.iter().find(|s| s.over_half(members)).cloned(),
        half: shares.iter().find(|s| s.exactly_half(members)).cloned(),
        cap,
        over_cap: cap.and_then(|c| shares.iter().find(|s| s.over_cap(c)).cloned()),
        not_counted: listed.saturating_sub(members),
        inactivity_months: site.ladder.as_ref().and_then(|l| l.inactivity_months),
        organisations: shares
            .into_iter()
            .map(|share| {
                let over_half = share.over_half(members);
                let warn = match cap {
                    Some(c) => share.over_cap(c),
                    None => over_half,
                };
                Organisation { over_half, warn, share }
            })
            .collect(),
    })
}
