//! Rule profiles: tables of severities after the public criteria they are named for.
//!
//! A profile starts from every rule's default severity and raises (or lowers) the rules it
//! lists. Site overrides in `check.rules` come after the profile.

use super::level::Level::{self, Error, Warning};

/// A built-in profile.
#[derive(Debug)]
pub struct Profile {
    /// Name used in site.yaml and `--profile`.
    pub name: &'static str,
    /// What the profile stands for.
    pub title: &'static str,
    /// The public document it follows.
    pub source: &'static str,
    /// (rule, severity, the criterion it comes from).
    pub rules: &'static [(&'static str, Level, &'static str)],
}

const CNCF_SANDBOX: &[(&str, Level, &str)] = &[
    ("project/license", Error, "CNCF IP policy: an OSI-approved licence, declared as an SPDX id"),
    ("people/no-contact", Error, "CNCF sandbox application: maintainers reachable for the TOC"),
];

const CNCF_INCUBATING: &[(&str, Level, &str)] = &[
    ("project/license", Error, "CNCF IP policy: an OSI-approved licence, declared as an SPDX id"),
    ("people/no-contact", Error, "TOC incubation (Required): maintainer list with names and contact information"),
    ("roles/no-affiliation", Error, "TOC incubation (Required): maintainer list with affiliation"),
    ("roles/bus-factor", Error, "TOC incubation (Required): an appropriate number of active maintainers"),
    ("project/no-public-channel", Error, "TOC incubation (Required): at least one public communication channel"),
    ("project/no-contributing", Error, "TOC incubation (Required): documented process to contribute"),
    ("security/no-policy", Error, "TOC incubation (Required): a security reporting process"),
];

const CNCF_GRADUATED: &[(&str, Level, &str)] = &[
    ("project/license", Error, "CNCF IP policy: an OSI-approved licence, declared as an SPDX id"),
    ("people/no-contact", Error, "TOC graduation (Required): maintainer list with names and contact information"),
    ("roles/no-affiliation", Error, "TOC graduation (Required): maintainer list with affiliation"),
    ("roles/bus-factor", Error, "TOC graduation (Required): an appropriate number of active maintainers"),
    ("project/no-public-channel", Error, "TOC graduation (Required): at least one public communication channel"),
    ("project/no-contributing", Error, "TOC graduation (Required): documented process to contribute"),
    ("security/no-policy", Error, "TOC graduation (Required): a security reporting process"),
    ("security/no-timeline", Error, "TOC graduation: security response with stated timelines"),
    ("roles/org-diversity", Error, "TOC graduation (Required): maintainers from at least 2 organisations"),
    ("ladder/no-emeritus", Error, "TOC graduation (Required): complete maintainer lifecycle, including emeritus"),
    ("ladder/no-removal", Error, "TOC graduation (Required): complete maintainer lifecycle, including removal"),
    ("ladder/no-inactivity", Error, "TOC graduation (Required): complete maintainer lifecycle, including inactivity"),
    ("text/placeholder", Error, "TOC graduation (Required): governance is up to date"),
];

const OSPS_1: &[(&str, Level, &str)] = &[
    ("project/no-public-channel", Error, "OSPS-GV-02.01: a public discussion mechanism"),
    ("project/no-contributing", Error, "OSPS-GV-03.01: a documented contribution process"),
    ("security/no-policy", Error, "OSPS-VM-02.01: security contacts"),
];

const OSPS_2: &[(&str, Level, &str)] = &[
    ("project/no-public-channel", Error, "OSPS-GV-02.01: a public discussion mechanism"),
    ("project/no-contributing", Error, "OSPS-GV-03.01 / GV-03.02: a contribution guide with requirements"),
    ("security/no-policy", Error, "OSPS-VM-02.01 / VM-03.01: security contacts and private reporting"),
    ("security/no-timeline", Error, "OSPS-VM-01.01: a disclosure policy with a response timeframe"),
    ("roles/no-members", Error, "OSPS-GV-01.02: roles and responsibilities of members"),
    ("people/no-contact", Warning, "OSPS-GV-01.02: who holds each role"),
];

const OSPS_3: &[(&str, Level, &str)] = &[
    ("project/no-public-channel", Error, "OSPS-GV-02.01: a public discussion mechanism"),
    ("project/no-contributing", Error, "OSPS-GV-03.01 / GV-03.02: a contribution guide with requirements"),
    ("security/no-policy", Error, "OSPS-VM-02.01 / VM-03.01: security contacts and private reporting"),
    ("security/no-timeline", Error, "OSPS-VM-01.01: a disclosure policy with a response timeframe"),
    ("roles/no-members", Error, "OSPS-GV-01.02: roles and responsibilities of members"),
    ("people/no-contact", Error, "OSPS-GV-01.01: a list of members with access to sensitive resources"),
    ("ladder/no-requirements", Error, "OSPS-GV-04.01: review collaborators before granting escalated permissions"),
    ("ladder/no-removal", Error, "OSPS-GV-04.01: a policy for revoking escalated permissions"),
];

/// Every built-in profile.
pub const PROFILES: &[Profile] = &[
    Profile { name: "default", title: "govsite defaults", source: "docs/checks.md", rules: &[] },
    Profile {
        name: "cncf-sandbox",
        title: "CNCF sandbox",
        source: "https://github.com/cncf/toc/blob/main/process/sandbox.md",
        rules: CNCF_SANDBOX,
    },
    Profile {
        name: "cncf-incubating",
        title: "CNCF incubating (TOC incubation application template)",
        source: "https://github.com/cncf/toc/blob/main/.github/ISSUE_TEMPLATE/template-incubation-application.md",
        rules: CNCF_INCUBATING,
    },
    Profile {
        name: "cncf-graduated",
        title: "CNCF graduated (TOC graduation application template)",
        source: "https://github.com/cncf/toc/blob/main/.github/ISSUE_TEMPLATE/template-graduation-application.md",
        rules: CNCF_GRADUATED,
    },
    Profile {
        name: "openssf-baseline-1",
        title: "OpenSSF OSPS Baseline, maturity level 1",
        source: "https://baseline.openssf.org/",
        rules: OSPS_1,
    },
    Profile {
        name: "openssf-baseline-2",
        title: "OpenSSF OSPS Baseline, maturity level 2",
        source: "https://baseline.openssf.org/",
        rules: OSPS_2,
    },
    Profile {
        name: "openssf-baseline-3",
        title: "OpenSSF OSPS Baseline, maturity level 3",
        source: "https://baseline.openssf.org/",
        rules: OSPS_3,
    },
];

/// The profile with this name.
pub fn find(name: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.name == name)
}

/// Names of every profile.
pub fn names() -> impl Iterator<Item = &'static str> {
    PROFILES.iter().map(|p| p.name)
}
