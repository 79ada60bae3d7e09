//! `govsite activity --git REPO`: who is active, from the repository's own history.
//!
//! Every commit reachable from HEAD is read once ([`git`]); its author, committer and
//! `Co-authored-by`/`Reviewed-by`/`Signed-off-by` trailers are matched to people by their
//! `email`/`emails` and by the forges' no-reply addresses (`123+handle@users.noreply.github.com`,
//! Gitee's, GitLab.com's, Codeberg's) against the handles of `accounts`. [`write`] records the result as `last_active` in people.yaml without
//! disturbing the file's comments or layout.

pub mod git;
pub mod write;

use crate::model::{seats, Site};
use crate::today::{iso, months_before, parse_iso, utc_date};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use time::Date;

/// The inactivity period when ladder.yaml states none: the spec's example, and the period
/// the CNCF templates suggest.
pub const DEFAULT_INACTIVITY_MONTHS: u32 = 12;

/// Why `activity` could not run.
#[derive(Debug, thiserror::Error)]
pub enum ActivityError {
    /// The site could not be loaded.
    #[error(transparent)]
    Load(#[from] crate::load::LoadError),
    /// The folder is a portfolio: activity is per project.
    #[error("`{0}` is a portfolio; run `govsite activity` on one project's folder")]
    Portfolio(std::path::PathBuf),
    /// people.yaml did not load; its problems are reported by `govsite check`.
    #[error("governance/people.yaml could not be read; run `govsite check` to see why")]
    NoPeople,
    /// The history could not be read.
    #[error(transparent)]
    Git(#[from] git::GitError),
}

/// One person who holds a role, and what the history says of them (spec v2 §6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonActivity {
    /// Person id.
    pub id: String,
    /// The roles that list them, in roles.yaml order.
    pub roles: Vec<String>,
    /// Their last activity: the later of the history's and people.yaml's `last_active`.
    pub last_active: Option<String>,
    /// Commits they took part in, in the 12 months up to `as_of`.
    pub commits_12_months: u32,
    /// Whether `last_active` is older than the inactivity period, or unknown.
    pub inactive: bool,
    /// Marked emeritus in people.yaml (their seats do not count).
    pub emeritus: bool,
    /// The last activity the history shows, if newer than what people.yaml records: what
    /// `--write` would record.
    #[serde(skip)]
    pub newer: Option<String>,
}

/// What `activity` found.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// The date compared against (today, or `SOURCE_DATE_EPOCH`).
    pub as_of: String,
    /// ladder.yaml's `inactivity_months`, or [`DEFAULT_INACTIVITY_MONTHS`].
    pub inactivity_months: u32,
    /// Everyone listed in a role, in people.yaml order.
    pub people: Vec<PersonActivity>,
    /// How many commits were read.
    #[serde(skip)]
    pub commits: usize,
}

/// Loads the site in `dir` and reads the history of `repo`, as of `as_of`.
pub fn activity(dir: &Path, repo: &Path, as_of: Date) -> Result<(Site, Activity), ActivityError> {
    if matches!(crate::load::Input::find(dir)?, crate::load::Input::Portfolio) {
        return Err(ActivityError::Portfolio(dir.to_path_buf()));
    }
    let site = crate::load::load_site(dir)?.site;
    if site.people.is_none() {
        return Err(ActivityError::NoPeople);
    }
    let found = scan(&site, repo, as_of)?;
    let activity = summarise(&site, &found, as_of);
    Ok((site, activity))
}

/// Per person id: the last date seen, and the commits in the last 12 months.
struct Found {
    last: HashMap<String, Date>,
    recent: HashMap<String, u32>,
    commits: usize,
}

/// The no-reply commit addresses of the forges, each `<handle>@<domain>`, or with the
/// account's number before the handle and `separator` between them: (platform of
/// `accounts`, domain, separator). Only formats the forges document or show in their own
/// history are listed; AtomGit's is not known, so its people match by `email` alone.
const NOREPLY: &[(&str, &str, char)] = &[
    // `123+handle@…` since 2017, `handle@…` before.
    ("github", "users.noreply.github.com", '+'),
    // `123+handle@…` when "keep my email address private" is on.
    ("gitee", "user.noreply.gitee.com", '+'),
    // `123-handle@…`, GitLab.com's private commit address.
    ("gitlab", "users.noreply.gitlab.com", '-'),
    // `handle@…`, Forgejo's address when the e-mail is kept private.
    ("codeberg", "noreply.codeberg.org", '+'),
];

/// Which person an address belongs to: `email`, `emails`, and each forge's no-reply
/// address against their handle in `accounts` (GitHub's also against `github`) — all
/// compared without case.
fn identities(site: &Site) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for person in site.people.iter().flat_map(|p| p.people.iter()) {
        for email in person.email.iter().chain(person.emails.iter()) {
            map.entry(email.trim().to_lowercase()).or_insert_with(|| person.id.clone());
        }
        for (platform, handle) in person.all_accounts() {
            let handle = handle.trim().trim_start_matches('@');
            let Some((_, domain, _)) = NOREPLY.iter().find(|(p, _, _)| *p == platform) else { continue };
            if !handle.is_empty() {
                map.entry(format!("{}@{domain}", handle.to_lowercase())).or_insert_with(|| person.id.clone());
            }
        }
    }
    map
}

/// A no-reply address without the account number (`123+handle@users.noreply.github.com` →
/// `handle@users.noreply.github.com`), so that it matches the handle; any other address as
/// it is, lowercased.
fn normalise(email: &str) -> String {
    let email = email.trim().to_lowercase();
    let Some((local, domain)) = email.rsplit_once('@') else { return email };
    let Some((_, _, separator)) = NOREPLY.iter().find(|(_, d, _)| *d == domain) else { return email };
    match local.split_once(*separator) {
        Some((id, handle)) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) && !handle.is_empty() => {
            format!("{handle}@{domain}")
        }
        _ => email,
    }
}

fn scan(site: &Site, repo: &Path, as_of: Date) -> Result<Found, ActivityError> {
    let who = identities(site);
    let window = months_before(as_of, 12);
    let mut found = Found { last: HashMap::new(), recent: HashMap::new(), commits: 0 };
    let mut seen: Vec<&str> = Vec::new();
    found.commits = git::for_each_commit(repo, |involved| {
        seen.clear();
        for i in involved {
            let Some(id) = who.get(&normalise(i.email)) else { continue };
            let date = utc_date(i.time);
            // A commit dated after `as_of` (a clock set wrong, or a fixed SOURCE_DATE_EPOCH)
            // still proves activity, but not activity later than today.
            let date = date.min(as_of);
            let last = found.last.entry(id.clone()).or_insert(date);
            *last = (*last).max(date);
            if date > window && !seen.contains(&id.as_str()) {
                seen.push(id.as_str());
                *found.recent.entry(id.clone()).or_insert(0) += 1;
            }
        }
    })?;
    Ok(found)
}

fn summarise(site: &Site, found: &Found, as_of: Date) -> Activity {
    let months = site.ladder.as_ref().and_then(|l| l.inactivity_months).unwrap_or(DEFAULT_INACTIVITY_MONTHS);
    let cutoff = months_before(as_of, months);
    let mut people = Vec::new();
    for person in site.people.iter().flat_map(|p| p.people.iter()) {
        let roles: Vec<String> = seats::listings(site, &person.id).roles.iter().map(|r| r.id.clone()).collect();
        if roles.is_empty() {
            continue;
        }
        let recorded = person.last_active.as_deref().and_then(parse_iso);
        let seen = found.last.get(&person.id).copied();
        let newer = seen.filter(|s| recorded.is_none_or(|r| *s > r));
        let last = recorded.max(seen);
        people.push(PersonActivity {
            id: person.id.clone(),
            roles,
            last_active: last.map(iso),
            commits_12_months: found.recent.get(&person.id).copied().unwrap_or(0),
            inactive: last.is_none_or(|d| d < cutoff),
            emeritus: person.emeritus,
            newer: newer.map(iso),
        });
    }
    Activity { as_of: iso(as_of), inactivity_months: months, people, commits: found.commits }
}

/// `--format human`: one line a person, inactive ones marked.
pub fn human(activity: &Activity) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let width = activity.people.iter().map(|p| p.id.chars().count()).max().unwrap_or(0).max(6);
    let _ = writeln!(out, "{:width$}  {:11}  {:>17}  roles", "person", "last active", "commits/12 months");
    for p in &activity.people {
        let state = match (p.emeritus, p.inactive) {
            (true, _) => "  (emeritus)",
            (false, true) => "  INACTIVE",
            (false, false) => "",
        };
        let last = p.last_active.as_deref().unwrap_or("never");
        let _ = writeln!(out, "{:width$}  {last:11}  {:>17}  {}{state}", p.id, p.commits_12_months, p.roles.join(", "));
    }
    out
}

/// `--format json`: the shape of spec v2 §6.
pub fn json(activity: &Activity) -> String {
    let value = serde_json::json!({
        "as_of": activity.as_of,
        "inactivity_months": activity.inactivity_months,
        "people": activity.people,
    });
    format!("{value:#}\n")
}
