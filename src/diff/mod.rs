//! `govsite diff BASE HEAD`: what a change does to the governance — people in and out, seat
//! changes in roles and groups, the deciding body's organisations before and after, changed
//! thresholds and policies, rules newly failing or fixed, and the score before and after.
//!
//! Both sides are checked with [`crate::check`], exactly as `govsite check` would, so the
//! verdicts and the score agree with what CI reports; this module only compares them.
//! [`report`] prints the comparison for people, pull-request comments, annotations and scripts.

mod leaves;
pub mod report;

use crate::diagnostics::Diagnostic;
use crate::model::{seats, Doc, Origin, Pos, Site};
use crate::rules::RULES;
use indexmap::IndexMap;
pub use leaves::Leaf;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Why two folders could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// One side could not be read at all (not a site, unreadable…).
    #[error("cannot read {side} `{}`: {source}", dir.display())]
    Check {
        /// `the base` or `the head`.
        side: &'static str,
        /// The folder given.
        dir: PathBuf,
        /// What went wrong.
        source: crate::Error,
    },
    /// One side is a portfolio: diff compares the governance of one project.
    #[error("{side} `{}` is a portfolio; give the folders of one project on both sides", dir.display())]
    Portfolio {
        /// `the base` or `the head`.
        side: &'static str,
        /// The folder given.
        dir: PathBuf,
    },
}

/// Ids that appear on one side only.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Delta {
    /// On the head side only, in head order.
    pub added: Vec<String>,
    /// On the base side only, in base order.
    pub removed: Vec<String>,
}

impl Delta {
    fn between<'a>(before: impl IntoIterator<Item = &'a str>, after: impl IntoIterator<Item = &'a str>) -> Delta {
        let (before, after): (Vec<&str>, Vec<&str>) = (before.into_iter().collect(), after.into_iter().collect());
        let only = |a: &[&str], b: &[&str]| {
            let mut out: Vec<String> = Vec::new();
            for id in a {
                if !b.contains(id) && !out.iter().any(|x| x == id) {
                    out.push((*id).to_string());
                }
            }
            out
        };
        Delta { added: only(&after, &before), removed: only(&before, &after) }
    }

    /// Whether nothing was added or removed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// A before/after pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pair<T> {
    /// The base side.
    pub before: T,
    /// The head side.
    pub after: T,
}

/// The deciding body's active seats by organisation, before and after.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BodyShares {
    /// The body's id (`charter.decision_making.body`) on each side; `None` when it names nothing.
    pub body: Pair<Option<String>>,
    /// Seats by organisation, largest first. An independent person counts under their own name.
    pub before: IndexMap<String, usize>,
    /// The same on the head side.
    pub after: IndexMap<String, usize>,
}

/// Where a change is written on the head side, for annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The file, relative to the head site folder.
    pub file: PathBuf,
    /// Its position; `None` for something removed, which has no line on the head side.
    pub pos: Option<Pos>,
}

/// Everything a change does to the governance.
#[derive(Debug, Clone, Default)]
pub struct GovernanceDiff {
    /// People added to and removed from people.yaml.
    pub people: Delta,
    /// Fields of a person present on both sides that changed (`bob.affiliation`).
    pub people_changed: Vec<(Leaf, Place)>,
    /// Active holders added and removed, per role id (roles without change are left out).
    pub roles: IndexMap<String, Delta>,
    /// Active members added and removed, per group id.
    pub groups: IndexMap<String, Delta>,
    /// The repository paths a membership owns (`paths`, which export writes to CODEOWNERS)
    /// that changed: `roles[maintainer].members[alice].paths`.
    pub paths: Vec<(Leaf, Place)>,
    /// The deciding body's organisations.
    pub deciding_body: BodyShares,
    /// Thresholds and policies: decision making, role and group settings, inactivity, the
    /// check policy, the disclosure timeline.
    pub policies: Vec<(Leaf, Place)>,
    /// The completeness score.
    pub score: Pair<u32>,
    /// Rules that report something on the head side only, in the order of the rule table.
    pub newly_failing: Vec<&'static str>,
    /// Rules that report something on the base side only.
    pub fixed: Vec<&'static str>,
    /// The head side's diagnostics of the newly failing rules.
    pub new_problems: Vec<Diagnostic>,
    /// Whether anything in charter.yaml changed, prose included.
    pub charter_changed: bool,
    /// Where people and seats were added on the head side, for annotations.
    pub places: IndexMap<String, Place>,
}

impl GovernanceDiff {
    /// Whether the change touches nothing that `diff` compares.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
            && self.people_changed.is_empty()
            && self.roles.is_empty()
            && self.groups.is_empty()
            && self.paths.is_empty()
            && self.deciding_body.before == self.deciding_body.after
            && self.deciding_body.body.before == self.deciding_body.body.after
            && self.policies.is_empty()
            && self.newly_failing.is_empty()
            && self.fixed.is_empty()
            && !self.charter_changed
            && self.score.before == self.score.after
    }
}

struct Side {
    site: Site,
    diagnostics: Vec<Diagnostic>,
    score: u32,
}

fn check(side: &'static str, dir: &Path) -> Result<Side, DiffError> {
    let verdict = crate::check(dir, &crate::CheckOptions::default()).map_err(|source| DiffError::Check {
        side,
        dir: dir.to_path_buf(),
        source,
    })?;
    let site = verdict.site.ok_or_else(|| DiffError::Portfolio { side, dir: dir.to_path_buf() })?;
    Ok(Side { site: *site, diagnostics: verdict.diagnostics, score: verdict.score })
}

/// Checks both folders (in parallel: each check renders its portal for the link check) and
/// compares them.
pub fn diff(base: &Path, head: &Path) -> Result<GovernanceDiff, DiffError> {
    let (before, after) = rayon::join(|| check("the base", base), || check("the head", head));
    Ok(compare(&before?, &after?))
}

fn compare(before: &Side, after: &Side) -> GovernanceDiff {
    let (b, a) = (&before.site, &after.site);
    let mut out = GovernanceDiff {
        score: Pair { before: before.score, after: after.score },
        charter_changed: to_value(&b.charter.as_ref().map(|c| &c.data))
            != to_value(&a.charter.as_ref().map(|c| &c.data)),
        ..GovernanceDiff::default()
    };
    people(b, a, &mut out);
    seats_changes(b, a, &mut out);
    out.paths = owned_paths(b, a);
    out.deciding_body =
        BodyShares { body: Pair { before: body_id(b), after: body_id(a) }, before: shares(b), after: shares(a) };
    out.policies = policies(b, a);
    let failing = |side: &Side, id: &str| side.diagnostics.iter().any(|d| d.rule == id);
    for rule in RULES {
        match (failing(before, rule.id), failing(after, rule.id)) {
            (false, true) => out.newly_failing.push(rule.id),
            (true, false) => out.fixed.push(rule.id),
            _ => {}
        }
    }
    out.new_problems = after.diagnostics.iter().filter(|d| out.newly_failing.contains(&d.rule)).cloned().collect();
    out
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn person_ids(site: &Site) -> Vec<&str> {
    site.people.iter().flat_map(|p| p.people.iter()).map(|p| p.id.as_str()).collect()
}

/// People in and out, and the fields that changed of everyone on both sides.
fn people(b: &Site, a: &Site, out: &mut GovernanceDiff) {
    out.people = Delta::between(person_ids(b), person_ids(a));
    let Some(doc) = &a.people else { return };
    for (i, person) in doc.people.iter().enumerate() {
        let path = format!("people[{i}]");
        if out.people.added.contains(&person.id) {
            out.places.insert(
                format!("person:{}", person.id),
                Place { file: doc.file.clone(), pos: Some(doc.key_pos(&path)) },
            );
            continue;
        }
        let Some(old) = b.person(&person.id) else { continue };
        let mut leaves = Vec::new();
        leaves::diff(&person.id, &path, &to_value(old), &to_value(person), &mut leaves);
        out.people_changed.extend(leaves.into_iter().map(|leaf| place(leaf, doc.origin())));
    }
}

/// Active holders of every role and active members of every group, compared by id.
fn seats_changes(b: &Site, a: &Site, out: &mut GovernanceDiff) {
    let role_ids = |s: &Site| s.roles.iter().flat_map(|r| r.roles.iter().map(|r| r.id.clone())).collect::<Vec<_>>();
    for id in union(role_ids(b), role_ids(a)) {
        let (old, new) = (seats::holders(b, &id), seats::holders(a, &id));
        let delta = Delta::between(old.iter().map(|s| s.person), new.iter().map(|s| s.person));
        for seat in new.iter().filter(|s| delta.added.iter().any(|p| p == s.person)) {
            let place = Place { file: seat.origin.file.to_path_buf(), pos: Some(seat.pos()) };
            out.places.insert(format!("role:{id}:{}", seat.person), place);
        }
        if !delta.is_empty() {
            out.roles.insert(id, delta);
        }
    }
    let group_ids = |s: &Site| s.groups.iter().flat_map(|g| g.groups.iter().map(|g| g.id.clone())).collect::<Vec<_>>();
    let group_seats = |s: &'_ Site, id: &str| -> Vec<String> {
        let Some(i) = s.groups.as_ref().and_then(|g| g.groups.iter().position(|g| g.id == id)) else {
            return Vec::new();
        };
        seats::group_seats(s, i).iter().map(|seat| seat.person.to_string()).collect()
    };
    for id in union(group_ids(b), group_ids(a)) {
        let (old, new) = (group_seats(b, &id), group_seats(a, &id));
        let delta = Delta::between(old.iter().map(String::as_str), new.iter().map(String::as_str));
        if !delta.is_empty() {
            out.groups.insert(id, delta);
        }
    }
}

/// The `paths` of every membership of roles.yaml and groups.yaml, by role or group and
/// person: the members lists are left out of the policies (seats are compared as people),
/// but what someone owns in the repository is a change a reviewer must see.
fn owned_paths(b: &Site, a: &Site) -> Vec<(Leaf, Place)> {
    fn member(m: &crate::model::Member) -> Value {
        serde_json::json!({ "person": m.person, "paths": m.paths })
    }
    let roles = |s: &Site| -> Value {
        let roles = s.roles.iter().flat_map(|r| r.roles.iter());
        Value::Array(
            roles
                .map(|r| serde_json::json!({ "id": r.id, "members": r.members.iter().map(member).collect::<Vec<_>>() }))
                .collect(),
        )
    };
    let groups = |s: &Site| -> Value {
        let groups = s.groups.iter().flat_map(|g| g.groups.iter());
        Value::Array(
            groups
                .map(|g| {
                    serde_json::json!({
                        "id": g.id,
                        "chairs": g.chairs.iter().map(member).collect::<Vec<_>>(),
                        "members": g.members.iter().map(member).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        )
    };
    let mut out = Vec::new();
    compare_doc("roles", "roles", roles(b), roles(a), a.roles.as_ref(), &mut out);
    compare_doc("groups", "groups", groups(b), groups(a), a.groups.as_ref(), &mut out);
    // Seats are compared as people above; here only what the memberships own.
    out.retain(|(leaf, _)| leaf.setting.ends_with(".paths"));
    out
}

/// `a` then what `b` adds, each once.
fn union(a: Vec<String>, b: Vec<String>) -> Vec<String> {
    let mut out = a;
    for id in b {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out.dedup();
    out
}

fn body_id(site: &Site) -> Option<String> {
    seats::deciding_body(site).map(|body| body.id.to_string())
}

/// The deciding body's active seats by organisation, largest first (ties by name).
///
/// Unlike the portal's chart, an independent person is not grouped with other independents:
/// spec v2 §6 names each under their own name, so a diff shows who joins or leaves.
fn shares(site: &Site) -> IndexMap<String, usize> {
    let Some(body) = crate::rules::diversity_body(site) else { return IndexMap::new() };
    let mut held: Vec<(String, String, usize)> = Vec::new();
    for seat in &body.seats {
        let (key, name) = match seats::holder(site, seat.person) {
            seats::Holder::Organisation { key, name } => (key, name.to_string()),
            seats::Holder::Independent => {
                let name = site.person(seat.person).map_or(seat.person, |p| p.name.as_str()).to_string();
                (format!("\u{0}{}", seat.person), name)
            }
            seats::Holder::Unaffiliated => (String::new(), "No affiliation".to_string()),
        };
        match held.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => held.push((key, name, 1)),
        }
    }
    held.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| x.1.cmp(&y.1)));
    held.into_iter().map(|(_, name, n)| (name, n)).collect()
}

/// The settings a reviewer must not miss: how decisions are made, what roles and groups
/// require, when someone is inactive, the check policy, how diversity is counted and the
/// disclosure timeline.
fn policies(b: &Site, a: &Site) -> Vec<(Leaf, Place)> {
    let mut out = Vec::new();
    let charter = |s: &Site| {
        let mut v = s.charter.as_ref().map(|c| to_value(&c.decision_making)).unwrap_or(Value::Null);
        strip(&mut v, &["description"]);
        v
    };
    compare_doc("charter.decision_making", "decision_making", charter(b), charter(a), a.charter.as_ref(), &mut out);
    // Prose and the member lists are left out: seats are compared as people, above.
    const NOT_SETTINGS: &[&str] =
        &["name", "description", "responsibilities", "privileges", "members", "former_members", "chairs", "meetings"];
    let roles = |s: &Site| {
        let mut v = s.roles.as_ref().map(|r| to_value(&r.roles)).unwrap_or(Value::Null);
        strip_items(&mut v, NOT_SETTINGS);
        v
    };
    compare_doc("roles", "roles", roles(b), roles(a), a.roles.as_ref(), &mut out);
    let groups = |s: &Site| {
        let mut v = s.groups.as_ref().map(|g| to_value(&g.groups)).unwrap_or(Value::Null);
        strip_items(&mut v, NOT_SETTINGS);
        v
    };
    compare_doc("groups", "groups", groups(b), groups(a), a.groups.as_ref(), &mut out);
    let inactivity = |s: &Site| s.ladder.as_ref().map(|l| to_value(&l.inactivity_months)).unwrap_or(Value::Null);
    compare_doc(
        "ladder.inactivity_months",
        "inactivity_months",
        inactivity(b),
        inactivity(a),
        a.ladder.as_ref(),
        &mut out,
    );
    compare_doc("site.check", "check", to_value(&b.site.check), to_value(&a.site.check), Some(&a.site), &mut out);
    let diversity = |s: &Site| to_value(&s.site.diversity);
    compare_doc("site.diversity", "diversity", diversity(b), diversity(a), Some(&a.site), &mut out);
    for key in ["acknowledge_days", "disclosure_days"] {
        let days = |s: &Site| {
            s.security.as_ref().map(|d| to_value(&d.data)).and_then(|v| v.get(key).cloned()).unwrap_or(Value::Null)
        };
        compare_doc(&format!("security.{key}"), key, days(b), days(a), a.security.as_ref(), &mut out);
    }
    out
}

fn compare_doc<T>(
    setting: &str,
    source: &str,
    before: Value,
    after: Value,
    doc: Option<&Doc<T>>,
    out: &mut Vec<(Leaf, Place)>,
) {
    let mut leaves = Vec::new();
    leaves::diff(setting, source, &before, &after, &mut leaves);
    for leaf in leaves {
        match doc {
            Some(doc) => out.push(place(leaf, doc.origin())),
            None => out.push((leaf, Place { file: PathBuf::new(), pos: None })),
        }
    }
}

fn place(leaf: Leaf, origin: Origin) -> (Leaf, Place) {
    let pos = leaf.source_path.as_deref().filter(|p| origin.source.contains(p)).map(|p| origin.key_pos(p));
    (leaf, Place { file: origin.file.to_path_buf(), pos })
}

fn strip(value: &mut Value, keys: &[&str]) {
    if let Value::Object(map) = value {
        for key in keys {
            map.remove(*key);
        }
    }
}

fn strip_items(value: &mut Value, keys: &[&str]) {
    if let Value::Array(items) = value {
        items.iter_mut().for_each(|item| strip(item, keys));
    }
}
