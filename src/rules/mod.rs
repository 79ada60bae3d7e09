//! Validation: every rule govsite knows, in one table you can read top to bottom.
//!
//! Some rules are found while loading (a file that does not parse cannot be checked
//! further); they are listed here too, so that `--explain`, profiles and overrides see one
//! registry.

pub mod explain;
mod ids;
pub mod policy;
pub mod profiles;
mod references;
mod required;
pub mod score;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Site;

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
    Rule { id: "files/missing", default: Error, summary: "a required governance document is absent", check: None },
    Rule {
        id: "files/symlink-loop",
        default: Warning,
        summary: "a symbolic link to a folder that contains it",
        check: None,
    },
    Rule { id: "files/unreadable", default: Error, summary: "a file or folder that cannot be read", check: None },
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
        id: "links/broken",
        default: Error,
        summary: "a link to a page, file or anchor of the site that does not exist",
        check: None,
    },
];

/// Runs every rule over a loaded site.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        if let Some(check) = rule.check {
            check(site, &mut out);
        }
    }
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
