//! Where the format's required keys sit in each document: the one list that the JSON Schema
//! (through each type's `REQUIRED`) and the rule `schema/missing-field` both read.
//!
//! Requirements that depend on another value (a `voting` block when the model is `voting`, a
//! pledge unless the code is adopted by reference, `contact` or `contacts`) are not here: the
//! schema states them with `if`/`anyOf`, and `rules/required.rs` checks them by name.

use super::{
    Affiliation, Candidate, Channel, Charter, Decision, DecisionMaking, Exemption, Group, Ladder, LadderLevel,
    MaturityStep, NavItem, Person, PortfolioConfig, Project, Role, Scope, SiteConfig,
};

/// The required keys of the mappings at `parent` in one document.
#[derive(Debug)]
pub struct RequiredKeys {
    /// `site`, `portfolio`, or a governance document's key (`charter`).
    pub document: &'static str,
    /// Path of the mapping: `` for the root, `project`, or `nav[]` for every item of a list.
    /// A nested mapping is checked only when its key is written (its absence is reported on
    /// the parent).
    pub parent: &'static str,
    /// The keys it must have, non-empty.
    pub keys: &'static [&'static str],
}

/// Every unconditional requirement. The code of conduct's `reporting` and `enforcement` are
/// required by its schema but reported by `conduct/no-contact` and `conduct/no-enforcement`,
/// which say more about what is missing.
pub const REQUIRED: &[RequiredKeys] = &[
    RequiredKeys { document: "site", parent: "", keys: SiteConfig::REQUIRED },
    RequiredKeys { document: "site", parent: "project", keys: Project::REQUIRED },
    RequiredKeys { document: "site", parent: "project.channels[]", keys: Channel::REQUIRED },
    RequiredKeys { document: "site", parent: "nav[]", keys: NavItem::REQUIRED },
    RequiredKeys { document: "site", parent: "project.foundation.maturity_log[]", keys: MaturityStep::REQUIRED },
    RequiredKeys { document: "site", parent: "check.exemptions[]", keys: Exemption::REQUIRED },
    RequiredKeys { document: "portfolio", parent: "", keys: PortfolioConfig::REQUIRED },
    RequiredKeys { document: "portfolio", parent: "check.exemptions[]", keys: Exemption::REQUIRED },
    RequiredKeys { document: "charter", parent: "", keys: Charter::REQUIRED },
    RequiredKeys { document: "charter", parent: "scope", keys: Scope::REQUIRED },
    RequiredKeys { document: "charter", parent: "decision_making", keys: DecisionMaking::REQUIRED },
    RequiredKeys { document: "people", parent: "people[]", keys: Person::REQUIRED },
    RequiredKeys { document: "people", parent: "people[].affiliations[]", keys: Affiliation::REQUIRED },
    RequiredKeys { document: "roles", parent: "roles[]", keys: Role::REQUIRED },
    RequiredKeys { document: "ladder", parent: "", keys: Ladder::REQUIRED },
    RequiredKeys { document: "ladder", parent: "levels[]", keys: LadderLevel::REQUIRED },
    RequiredKeys { document: "groups", parent: "groups[]", keys: Group::REQUIRED },
    RequiredKeys { document: "groups", parent: "groups[].decision_making", keys: DecisionMaking::REQUIRED },
    RequiredKeys { document: "decisions", parent: "decisions[]", keys: Decision::REQUIRED },
    RequiredKeys { document: "decisions", parent: "decisions[].candidates[]", keys: Candidate::REQUIRED },
];

/// The requirements of one document.
pub fn required_in(document: &str) -> impl Iterator<Item = &'static RequiredKeys> + '_ {
    REQUIRED.iter().filter(move |r| r.document == document)
}
