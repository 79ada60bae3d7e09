//! Validation: every rule govsite knows, in one table you can read top to bottom.
//!
//! Some rules are found while loading (a file that does not parse cannot be checked
//! further); they are listed here too, so that `--explain`, profiles and overrides see one
//! registry.

mod accounts;
mod body;
mod conduct;
mod elections;
pub mod explain;
mod groups;
mod i18n;
mod ids;
mod inactive;
mod ladder;
pub mod level;
mod license;
mod membership;
mod pages;
mod paths;
mod people;
mod placeholder;
pub mod policy;
pub mod profiles;
mod project;
mod reading;
mod references;
mod required;
pub mod score;
mod seats;
mod security;
mod text;
mod values;
mod verdict;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Site;

pub use inactive::diversity_body;
pub use paths::problem as path_problem;
pub use reading::{read_pages, PageReading, Readings};
pub use required::check_document as check_required;
pub use values::check_document as check_values;
pub use verdict::{Checked, CheckedPortfolio, CheckedProject};

/// A rule: its id, default severity, what it finds, and the check (none when the loader finds it).
pub struct Rule {
    /// Rule id, e.g. `people/unknown-person`.
    pub id: &'static str,
    /// Severity unless a profile or override says otherwise.
    pub default: Severity,
    /// What it finds, in one line.
    pub summary: &'static str,
    /// The check; `None` for problems the loader reports.
    pub check: Option<fn(&Site, &mut Vec<Diagnostic>)>,
}

use Severity::{Error, Warning};

/// Every rule.
pub const RULES: &[Rule] = &[
    Rule { id: "yaml/syntax", default: Error, summary: "a YAML file that does not parse", check: None },
    Rule { id: "schema/unknown-field", default: Error, summary: "a key the format does not know", check: None },
    Rule {
        id: "schema/type",
        default: Error,
        summary: "a value of the wrong type, or an id that is not a slug",
        check: Some(ids::slugs),
    },
    Rule {
        id: "schema/missing-field",
        default: Error,
        summary: "a required field is absent or empty",
        check: Some(required::check),
    },
    Rule {
        id: "schema/date",
        default: Error,
        summary: "a date that is not a real calendar date written YYYY-MM-DD",
        check: Some(values::dates),
    },
    Rule {
        id: "schema/url",
        default: Error,
        summary: "a link with a scheme govsite does not publish, or a base_url that is not an http(s) address",
        check: Some(values::urls),
    },
    Rule {
        id: "schema/enum",
        default: Error,
        summary: "a value that is not one of the words its key accepts",
        check: Some(values::enums),
    },
    Rule {
        id: "schema/handle",
        default: Error,
        summary: "an account handle with characters no platform allows in a user name",
        check: Some(values::handles),
    },
    Rule {
        id: "schema/time",
        default: Error,
        summary: "a meeting time that is not HH:MM, lacks its timezone, or a time_utc carrying an offset",
        check: Some(values::times),
    },
    Rule {
        id: "schema/language",
        default: Error,
        summary: "a language that is not a BCP 47 tag, or a translation into a language the site does not list",
        check: Some(i18n::languages),
    },
    Rule {
        id: "i18n/no-locale",
        default: Warning,
        summary: "a portal language govsite and the site have no interface text for (shown in English)",
        check: Some(i18n::no_locale),
    },
    Rule {
        id: "schema/name",
        default: Error,
        summary: "a theme or template given as a path instead of a name",
        check: Some(values::names),
    },
    Rule { id: "files/missing", default: Error, summary: "a required governance document is absent", check: None },
    Rule {
        id: "files/symlink-loop",
        default: Warning,
        summary: "a symbolic link to a folder that contains it",
        check: None,
    },
    Rule { id: "files/unreadable", default: Error, summary: "a file or folder that cannot be read", check: None },
    Rule {
        id: "files/outside-link",
        default: Warning,
        summary: "a file under static/ that links to a file outside the site folder",
        check: None,
    },
    Rule {
        id: "people/duplicate-id",
        default: Error,
        summary: "two people, roles, levels, groups or decisions share an id",
        check: Some(ids::duplicates),
    },
    Rule {
        id: "people/unknown-person",
        default: Error,
        summary: "a reference to a person id that people.yaml lacks",
        check: Some(references::people),
    },
    Rule {
        id: "roles/unknown-role",
        default: Error,
        summary: "a reference to a role (or group) id that does not exist",
        check: Some(references::roles),
    },
    Rule {
        id: "decisions/unknown-ref",
        default: Error,
        summary: "a decision's `affects` or `body` names no person, role or group",
        check: Some(references::decisions),
    },
    Rule {
        id: "people/no-contact",
        default: Warning,
        summary: "a person with no account, github or e-mail address",
        check: Some(people::no_contact),
    },
    Rule {
        id: "people/account-mismatch",
        default: Error,
        summary: "`github` and `accounts.github` name different handles",
        check: Some(accounts::github_mismatch),
    },
    Rule {
        id: "people/affiliation-mismatch",
        default: Error,
        summary: "`affiliation` differs from the current entry of `affiliations`",
        check: Some(people::affiliation_mismatch),
    },
    Rule {
        id: "people/affiliation-history",
        default: Error,
        summary: "an affiliation that ends before it starts, or two without `until`",
        check: Some(people::affiliation_history),
    },
    Rule {
        id: "people/inactive",
        default: Warning,
        summary: "an active role holder whose `last_active` is older than `inactivity_months`",
        check: Some(inactive::inactive),
    },
    Rule {
        id: "roles/no-members",
        default: Warning,
        summary: "a role that is not `open` has no active members",
        check: Some(membership::no_members),
    },
    Rule {
        id: "roles/bus-factor",
        default: Warning,
        summary: "the deciding body has fewer than 2 active members",
        check: Some(body::bus_factor),
    },
    Rule {
        id: "roles/org-diversity",
        default: Warning,
        summary: "one affiliation holds more than half of the deciding body (or more than its `max_per_organization`)",
        check: Some(body::org_diversity),
    },
    Rule {
        id: "roles/no-affiliation",
        default: Warning,
        summary: "an active member of the deciding body without an affiliation",
        check: Some(body::no_affiliation),
    },
    Rule {
        id: "roles/min-members",
        default: Warning,
        summary: "a role or group with `min_members` has fewer active members",
        check: Some(membership::min_members),
    },
    Rule {
        id: "roles/over-seats",
        default: Error,
        summary: "a role with `seats` has more active members than seats",
        check: Some(seats::over_seats),
    },
    Rule {
        id: "roles/vacancies",
        default: Warning,
        summary: "a role with `seats` has fewer active members than seats",
        check: Some(seats::vacancies),
    },
    Rule {
        id: "roles/org-cap",
        default: Error,
        summary: "one organisation holds more active seats of a role than its `max_per_organization`",
        check: Some(seats::org_cap),
    },
    Rule {
        id: "roles/former-active",
        default: Error,
        summary: "a current member of a role also listed as a former member without `until`",
        check: Some(seats::former_active),
    },
    Rule {
        id: "roles/bad-path",
        default: Error,
        summary: "a membership's `paths` entry that is not a repository-relative CODEOWNERS pattern",
        check: Some(paths::bad_paths),
    },
    Rule {
        id: "project/maturity-log",
        default: Error,
        summary: "`foundation.maturity_log` out of date order, or its last phase differs from `foundation.maturity`",
        check: Some(project::maturity_log),
    },
    Rule {
        id: "groups/limits",
        default: Warning,
        summary: "a group with `limits` has fewer or more active holders of a role scoped to it",
        check: Some(membership::limits),
    },
    Rule {
        id: "groups/archived-on",
        default: Error,
        summary: "a group with `archived_on` whose status is not `archived`",
        check: Some(groups::archived_on),
    },
    Rule {
        id: "elections/overdue",
        default: Warning,
        summary: "an elected role whose `elections.next` date has passed",
        check: Some(elections::overdue),
    },
    Rule {
        id: "ladder/no-requirements",
        default: Error,
        summary: "a level above the first without requirements",
        check: Some(ladder::no_requirements),
    },
    Rule {
        id: "ladder/no-inactivity",
        default: Warning,
        summary: "no `inactivity` policy (how people step down)",
        check: Some(ladder::no_inactivity),
    },
    Rule {
        id: "ladder/no-removal",
        default: Warning,
        summary: "no involuntary `removal` policy",
        check: Some(ladder::no_removal),
    },
    Rule {
        id: "ladder/no-emeritus",
        default: Warning,
        summary: "no `emeritus` policy (what it means, the way back)",
        check: Some(ladder::no_emeritus),
    },
    Rule {
        id: "conduct/no-contact",
        default: Error,
        summary: "no reporting contact in the code of conduct",
        check: Some(conduct::no_contact),
    },
    Rule {
        id: "conduct/no-enforcement",
        default: Error,
        summary: "no enforcement ladder in the code of conduct",
        check: Some(conduct::no_enforcement),
    },
    Rule {
        id: "security/no-policy",
        default: Warning,
        summary: "no security.yaml (no way to report a vulnerability)",
        check: Some(security::no_policy),
    },
    Rule {
        id: "security/no-timeline",
        default: Warning,
        summary: "no `acknowledge_days` / `disclosure_days`",
        check: Some(security::no_timeline),
    },
    Rule {
        id: "project/no-public-channel",
        default: Warning,
        summary: "no public communication channel",
        check: Some(project::no_public_channel),
    },
    Rule {
        id: "project/no-contributing",
        default: Warning,
        summary: "no contribution guide",
        check: Some(project::no_contributing),
    },
    Rule {
        id: "project/license",
        default: Warning,
        summary: "`license` is missing or not an SPDX identifier",
        check: Some(license::check),
    },
    Rule {
        id: "text/placeholder",
        default: Warning,
        summary: "TODO, TBD, FIXME, `[INSERT …]`, lorem ipsum… left in a text",
        check: Some(text::check),
    },
    Rule {
        id: "i18n/missing",
        default: Warning,
        summary: "a text or page without a translation into one of the site's `languages` (not counted in the score)",
        check: Some(i18n::missing),
    },
    Rule {
        id: "content/front-matter",
        default: Error,
        summary: "a Markdown page whose front matter is missing or invalid",
        check: None,
    },
    Rule {
        id: "check/config",
        default: Error,
        summary: "a `check:` block naming an unknown profile, rule or severity",
        check: None,
    },
    Rule {
        id: "content/unsafe-link",
        default: Error,
        summary: "a link or image in Markdown to a URL whose scheme is not allowed (`javascript:`…)",
        check: None,
    },
    Rule {
        id: "links/broken",
        default: Error,
        summary: "a link to a page, file or anchor of the site that does not exist",
        check: None,
    },
    Rule {
        id: "portfolio/duplicate-project",
        default: Error,
        summary: "two projects of a portfolio share a folder name, so they would share an address",
        check: None,
    },
    Rule {
        id: "content/path-conflict",
        default: Error,
        summary: "two pages, or a page and a generated page, published at the same address",
        check: Some(pages::conflicts),
    },
];

/// "1 active member", "3 active members", for messages.
fn members(n: usize) -> String {
    crate::wording::count(n as u64, "active member")
}

/// Runs every rule over a loaded site.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    check_read(site, &read_pages(site))
}

/// Runs every rule over a loaded site whose pages were read as `pages` (in the order of
/// `site.pages`; see [`read_pages`]).
pub fn check_read(site: &Site, pages: &[std::sync::Arc<PageReading>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        if let Some(check) = rule.check {
            check(site, &mut out);
        }
    }
    out.extend(pages.iter().flat_map(|page| page.placeholders.iter().cloned()));
    out
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_ids_are_unique() {
        let mut ids: Vec<_> = super::RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), super::RULES.len());
    }
}
