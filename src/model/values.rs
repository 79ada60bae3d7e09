//! Where the values that are checked, not trusted, sit in each document: dates, links, the
//! portal's address, enumerations, language tags and theme or template names. The rules
//! `schema/date`, `schema/url`, `schema/enum`, `schema/language` and `schema/name` walk this
//! one table; docs/format.md lists the same values for people.
//!
//! A new checked value is one row here. Paths are written as in [`super::required`]: `nav[]`
//! is every item of `nav`; only values the file writes are checked (a default is trusted).

use serde_json::Value;

/// A closed list of words a key accepts.
#[derive(Debug, PartialEq, Eq)]
pub struct Enumeration {
    /// What the words are, in messages: "decision model".
    pub what: &'static str,
    /// The accepted words, in the order docs/format.md gives them.
    pub values: &'static [&'static str],
}

/// `decision_making.model`.
pub const DECISION_MODELS: Enumeration =
    Enumeration { what: "decision model", values: &["lazy-consensus", "consensus", "voting", "bdfl"] };
/// `majority` of `voting` and of each threshold.
pub const MAJORITIES: Enumeration =
    Enumeration { what: "majority", values: &["simple", "two-thirds", "three-quarters", "unanimous"] };
/// `base` of `voting` and of each threshold: what a majority is counted against.
pub const VOTE_BASES: Enumeration =
    Enumeration { what: "vote base", values: &["all-members", "votes-cast", "all-but-subject"] };
/// `project.channels[].type`.
pub const CHANNEL_TYPES: Enumeration = Enumeration {
    what: "channel type",
    values: &["chat", "forum", "mailing-list", "issue-tracker", "meeting", "feed", "social", "other"],
};
/// `project.sign_off`.
pub const SIGN_OFFS: Enumeration = Enumeration { what: "sign-off", values: &["dco", "cla"] };
/// `decisions[].outcome` (`elected` is version 2's addition for elections).
pub const OUTCOMES: Enumeration = Enumeration {
    what: "decision outcome",
    values: &["accepted", "rejected", "deferred", "withdrawn", "superseded", "elected"],
};
/// `contacts[].kind` of security.yaml. Version 1 named `email` and `form` and left the list
/// open; these are the routes projects publish, with `other` for anything else.
pub const SECURITY_CONTACT_KINDS: Enumeration =
    Enumeration { what: "contact kind", values: &["email", "form", "web", "phone", "chat", "other"] };

/// `roles[].elections.method`: how votes become seats.
pub const ELECTION_METHODS: Enumeration = Enumeration {
    what: "election method",
    values: &["approval", "condorcet", "stv", "plurality", "majority", "other"],
};

/// `roles[].former_members[].reason`: why a holding ended.
pub const END_REASONS: Enumeration =
    Enumeration { what: "reason", values: &["term-ended", "resigned", "emeritus", "removed", "inactive", "other"] };

/// `project.foundation.maturity_log[].phase`: the CNCF `.project` schema's phases.
pub const FOUNDATION_PHASES: Enumeration =
    Enumeration { what: "maturity phase", values: &["sandbox", "incubating", "graduated", "archived"] };

/// `enforcement_order` of code-of-conduct.yaml.
pub const ENFORCEMENT_ORDERS: Enumeration = Enumeration { what: "enforcement order", values: &["ladder", "unordered"] };

/// The keys of a person's `accounts`: the code forges govsite links profiles on.
pub const PLATFORMS: Enumeration =
    Enumeration { what: "account platform", values: &["github", "gitee", "gitlab", "atomgit", "codeberg"] };

/// Each platform of [`PLATFORMS`]: its name as written, and where it shows a person's profile
/// (the handle follows).
pub const PROFILE_URLS: &[(&str, &str, &str)] = &[
    ("github", "GitHub", "https://github.com/"),
    ("gitee", "Gitee", "https://gitee.com/"),
    ("gitlab", "GitLab", "https://gitlab.com/"),
    ("atomgit", "AtomGit", "https://atomgit.com/"),
    ("codeberg", "Codeberg", "https://codeberg.org/"),
];

/// `groups[].status`.
pub const GROUP_STATUSES: Enumeration = Enumeration { what: "group status", values: &["active", "archived"] };

/// `based_on.version` of code-of-conduct.yaml when `based_on.name` is the Contributor
/// Covenant: the versions projects adopt (other codes keep their own numbering, unchecked).
pub const COVENANT_VERSIONS: Enumeration =
    Enumeration { what: "Contributor Covenant version", values: &["1.4", "2.0", "2.1", "3.0"] };

/// `supported_versions[].status` of security.yaml.
pub const SUPPORT_STATUSES: Enumeration =
    Enumeration { what: "support status", values: &["supported", "security", "end-of-life", "prerelease"] };

/// What a value must be.
#[derive(Debug, PartialEq, Eq)]
pub enum Form {
    /// A calendar date written `YYYY-MM-DD` (`schema/date`).
    Date,
    /// A link govsite publishes: see [`super::url::classify`] (`schema/url`).
    Url,
    /// The portal's address: see [`super::url::check_base_url`] (`schema/url`).
    BaseUrl,
    /// One word of a closed list (`schema/enum`).
    OneOf(&'static Enumeration),
    /// A BCP 47 language tag such as `en`, `zh-CN` or `pt-BR` (`schema/language`).
    Language,
    /// The name of a theme or template: never a path (`schema/name`, see [`is_name`]).
    Name,
    /// An account handle: see [`handle`] (`schema/handle`).
    Handle,
    /// A time of day written `HH:MM`, 24-hour, in the meeting's `timezone` (`schema/time`).
    Time,
    /// A time of day in UTC, as version 1 wrote it: free text, but never with an offset or a
    /// zone of its own, which the portal's " UTC" after it would contradict (`schema/time`).
    UtcTime,
    /// An IANA time zone name such as `Asia/Shanghai` (`schema/enum`).
    TimeZone,
}

impl Form {
    /// The rule that reports a value not of this form.
    pub fn rule(&self) -> &'static str {
        match self {
            Form::Date => "schema/date",
            Form::Url | Form::BaseUrl => "schema/url",
            Form::OneOf(_) | Form::TimeZone => "schema/enum",
            Form::Handle => "schema/handle",
            Form::Time | Form::UtcTime => "schema/time",
            Form::Language => "schema/language",
            Form::Name => "schema/name",
        }
    }
}

/// A checked value: in which document, at which path, of which form.
#[derive(Debug)]
pub struct CheckedValue {
    /// `site`, `portfolio`, `page` (a page's front matter) or a governance document's key.
    pub document: &'static str,
    /// Path of the value: `base_url`, `nav[].url`, `roles[].members[].since`.
    pub path: &'static str,
    /// What it must be.
    pub form: Form,
}

const fn at(document: &'static str, path: &'static str, form: Form) -> CheckedValue {
    CheckedValue { document, path, form }
}

use Form::{BaseUrl, Date, Handle, Language, Name, OneOf, Time, TimeZone, Url, UtcTime};

/// Every checked value of every document.
pub const VALUES: &[CheckedValue] = &[
    at("site", "base_url", BaseUrl),
    at("site", "language", Language),
    at("site", "languages[]", Language),
    at("site", "theme", Name),
    at("site", "project.repository", Url),
    at("site", "project.logo", Url),
    at("site", "project.channels[].type", OneOf(&CHANNEL_TYPES)),
    at("site", "project.channels[].url", Url),
    at("site", "project.contributing", Url),
    at("site", "project.sign_off", OneOf(&SIGN_OFFS)),
    at("site", "project.cla_url", Url),
    at("site", "project.foundation.url", Url),
    at("site", "project.foundation.maturity_log[].phase", OneOf(&FOUNDATION_PHASES)),
    at("site", "project.foundation.maturity_log[].date", Date),
    at("site", "project.foundation.maturity_log[].issue", Url),
    at("site", "nav[].url", Url),
    at("portfolio", "base_url", BaseUrl),
    at("portfolio", "language", Language),
    at("page", "date", Date),
    at("page", "template", Name),
    at("charter", "decision_making.model", OneOf(&DECISION_MODELS)),
    at("charter", "decision_making.voting.majority", OneOf(&MAJORITIES)),
    at("charter", "decision_making.voting.base", OneOf(&VOTE_BASES)),
    at("charter", "decision_making.thresholds[].majority", OneOf(&MAJORITIES)),
    at("charter", "decision_making.thresholds[].base", OneOf(&VOTE_BASES)),
    at("people", "people[].since", Date),
    at("people", "people[].github", Handle),
    at("people", "people[].accounts.github", Handle),
    at("people", "people[].accounts.gitee", Handle),
    at("people", "people[].accounts.gitlab", Handle),
    at("people", "people[].accounts.atomgit", Handle),
    at("people", "people[].accounts.codeberg", Handle),
    at("people", "people[].affiliations[].from", Date),
    at("people", "people[].affiliations[].until", Date),
    at("people", "people[].last_active", Date),
    at("roles", "roles[].members[].since", Date),
    at("roles", "roles[].elections.next", Date),
    at("roles", "roles[].former_members[].since", Date),
    at("roles", "roles[].former_members[].until", Date),
    at("roles", "roles[].former_members[].reason", OneOf(&END_REASONS)),
    at("roles", "roles[].elections.method", OneOf(&ELECTION_METHODS)),
    at("ladder", "contact.url", Url),
    at("code-of-conduct", "based_on.url", Url),
    at("code-of-conduct", "enforcement_order", OneOf(&ENFORCEMENT_ORDERS)),
    at("code-of-conduct", "reporting.contacts[].url", Url),
    at("code-of-conduct", "attribution[].url", Url),
    at("security", "contact.url", Url),
    at("security", "contacts[].kind", OneOf(&SECURITY_CONTACT_KINDS)),
    at("security", "contacts[].address", Url),
    at("groups", "groups[].status", OneOf(&GROUP_STATUSES)),
    at("groups", "groups[].archived_on", Date),
    at("groups", "groups[].decision_making.model", OneOf(&DECISION_MODELS)),
    at("groups", "groups[].decision_making.voting.majority", OneOf(&MAJORITIES)),
    at("groups", "groups[].decision_making.voting.base", OneOf(&VOTE_BASES)),
    at("groups", "groups[].decision_making.thresholds[].majority", OneOf(&MAJORITIES)),
    at("groups", "groups[].decision_making.thresholds[].base", OneOf(&VOTE_BASES)),
    at("groups", "groups[].meetings[].time", Time),
    at("groups", "groups[].meetings[].time_utc", UtcTime),
    at("groups", "groups[].meetings[].timezone", TimeZone),
    at("security", "supported_versions[].status", OneOf(&SUPPORT_STATUSES)),
    at("security", "pgp_key", Url),
    at("groups", "groups[].chairs[].since", Date),
    at("groups", "groups[].members[].since", Date),
    at("groups", "groups[].meetings[].notes_url", Url),
    at("groups", "groups[].meetings[].calendar_url", Url),
    at("decisions", "decisions[].date", Date),
    at("decisions", "decisions[].outcome", OneOf(&OUTCOMES)),
    at("decisions", "decisions[].link", Url),
];

/// A written string value of a row of [`VALUES`], as [`written_values`] finds it.
pub struct WrittenValue<'a> {
    /// The file it is written in, relative to the site folder.
    pub file: &'a std::path::Path,
    /// Positions in that file.
    pub source: &'a super::SourceMap,
    /// Its row of the table.
    pub row: &'static CheckedValue,
    /// Its path (`nav[1].url`).
    pub path: String,
    /// The value, as parsed.
    pub text: &'a str,
}

/// Calls `visit` with every written string value of `document` (serialized from `data`)
/// whose row's form `only` selects: what the file writes, not govsite's defaults.
pub fn written_values<'a, T: serde::Serialize>(
    data: &T,
    file: &'a std::path::Path,
    source: &'a super::SourceMap,
    document: &str,
    only: fn(&Form) -> bool,
    visit: &mut dyn FnMut(WrittenValue<'_>),
) {
    // Serializing is most of the cost (once per page): skip it when the file writes none of
    // the keys the selected rows start from.
    let written = |path: &str| source.contains(path.split(['.', '[']).next().unwrap_or(path));
    let mut rows = values_in(document).filter(|v| only(&v.form) && written(v.path)).peekable();
    if rows.peek().is_none() {
        return;
    }
    let Ok(value) = serde_json::to_value(data) else { return };
    for row in rows {
        for (path, found) in find(&value, row.path) {
            if let (Value::String(text), true) = (found, source.contains(&path)) {
                visit(WrittenValue { file, source, row, path, text });
            }
        }
    }
}

/// [`written_values`] of site.yaml, every governance document and every page's front matter.
pub fn site_values(site: &super::Site, only: fn(&Form) -> bool, visit: &mut dyn FnMut(WrittenValue<'_>)) {
    use super::{Doc, Document, DocumentData, DocumentVisitor};
    struct Documents<'v> {
        only: fn(&Form) -> bool,
        visit: &'v mut dyn FnMut(WrittenValue<'_>),
    }
    impl<'a> DocumentVisitor<'a> for Documents<'_> {
        fn visit<T: DocumentData>(&mut self, document: &'static Document, doc: Option<&'a Doc<T>>) {
            if let Some(doc) = doc {
                written_values(&doc.data, &doc.file, &doc.source, document.key, self.only, &mut *self.visit);
            }
        }
    }
    written_values(&site.site.data, &site.site.file, &site.site.source, "site", only, visit);
    site.visit_documents(&mut Documents { only, visit: &mut *visit });
    for page in &site.pages {
        written_values(&page.front, &page.file, &page.source, "page", only, visit);
    }
}

/// The checked values of one document.
pub fn values_in(document: &str) -> impl Iterator<Item = &'static CheckedValue> + '_ {
    VALUES.iter().filter(move |v| v.document == document)
}

/// The values at `pattern` in `root` (a document serialized to JSON), with their paths:
/// `nav[].url` gives `("nav[0].url", …)`, `("nav[1].url", …)`. Absent keys and nulls give
/// nothing.
pub fn find<'v>(root: &'v Value, pattern: &str) -> Vec<(String, &'v Value)> {
    let mut found = vec![(String::new(), root)];
    for segment in pattern.split('.') {
        let (key, each) = match segment.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (segment, false),
        };
        found = found
            .into_iter()
            .flat_map(|(path, value)| {
                let path = super::field_path(&path, key);
                match value.get(key) {
                    Some(Value::Array(items)) if each => {
                        items.iter().enumerate().map(|(i, item)| (super::item_path(&path, i), item)).collect()
                    }
                    Some(Value::Null) | None => Vec::new(),
                    Some(value) if !each => vec![(path, value)],
                    Some(_) => Vec::new(),
                }
            })
            .collect();
    }
    found
}

/// Whether `name` names a theme or template rather than a path: not empty, no `/` or `\`,
/// not `.` or `..`, and no control character — so `themes/<name>` never leaves `themes/`.
pub fn is_name(name: &str) -> bool {
    !name.trim().is_empty()
        && !name.contains(['/', '\\'])
        && name != "."
        && !name.contains("..")
        && !name.chars().any(char::is_control)
}

/// `text` as a handle: a leading `@` and surrounding space dropped, if what is left is 1 to
/// 100 ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit. That covers
/// the user names of every platform in [`PLATFORMS`] and keeps the profile link inside the
/// platform: no `/`, `?`, `#`, `..` or space can reach the URL.
pub fn handle(text: &str) -> Option<&str> {
    let h = text.trim().strip_prefix('@').unwrap_or(text.trim());
    let first_ok = h.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
    let ok = first_ok
        && h.len() <= 100
        && !h.contains("..")
        && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    ok.then_some(h)
}

/// The profile link of `handle` on `platform`, when both are known and the handle is one.
pub fn profile_url(platform: &str, text: &str) -> Option<String> {
    let prefix = PROFILE_URLS.iter().find(|(p, _, _)| *p == platform)?.2;
    handle(text).map(|h| format!("{prefix}{h}"))
}

/// The name of `platform` as written (`GitHub`, `Gitee`), else the key itself.
pub fn platform_name(platform: &str) -> &str {
    PROFILE_URLS.iter().find(|(p, _, _)| *p == platform).map_or(platform, |(_, name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn handles_never_leave_the_profile_path() {
        assert_eq!(handle("@wang-fang"), Some("wang-fang"));
        assert_eq!(handle(" ann_b.c "), Some("ann_b.c"));
        for bad in ["", "@", "a/b", "../x", "a..b", "-x", ".x", "a b", "a?b", "a#b", "javascript:x", "王芳"] {
            assert_eq!(handle(bad), None, "{bad}");
        }
        assert_eq!(profile_url("gitee", "wang-fang").as_deref(), Some("https://gitee.com/wang-fang"));
        assert_eq!(profile_url("codeberg", "@omar").as_deref(), Some("https://codeberg.org/omar"));
        assert_eq!(profile_url("gitea", "omar"), None);
        assert_eq!(profile_url("github", "a/../b"), None);
        assert!(PLATFORMS.values.iter().all(|p| PROFILE_URLS.iter().any(|(q, _, _)| q == p)));
    }

    #[test]
    fn finds_values_through_lists_and_mappings() {
        let doc = json!({
            "roles": [
                { "members": [{ "person": "a", "since": "2021-01-01" }, { "person": "b", "since": null }] },
                { "members": [] },
                { "members": [{ "person": "c", "since": "2022-02-02" }] }
            ],
            "nav": "not a list"
        });
        let found = find(&doc, "roles[].members[].since");
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["roles[0].members[0].since", "roles[2].members[0].since"]);
        assert_eq!(found[1].1, "2022-02-02");
        assert!(find(&doc, "nav[].url").is_empty(), "a list pattern does not enter a string");
        assert!(find(&doc, "project.repository").is_empty());
        assert_eq!(find(&json!({ "decision_making": { "model": "voting" } }), "decision_making.model").len(), 1);
    }

    #[test]
    fn every_row_names_a_known_document_and_rule() {
        let known = ["site", "portfolio", "page"];
        for v in VALUES {
            let document_known =
                known.contains(&v.document) || super::super::DOCUMENTS.iter().any(|d| d.key == v.document);
            assert!(document_known, "{} is not a document", v.document);
            assert!(v.form.rule().starts_with("schema/"), "{}: value rules are structural", v.path);
            assert!(!v.path.is_empty() && !v.path.contains(".."), "{}", v.path);
        }
        assert_eq!(values_in("portfolio").count(), 2);
        assert!(values_in("site").any(|v| v.path == "languages[]"));
    }

    #[test]
    fn names_are_never_paths() {
        for ok in ["default", "minimal", "my-theme", "page.html", "wide_page.html", "主题"] {
            assert!(is_name(ok), "{ok}");
        }
        for bad in ["", " ", "../../x", "..", ".", "a/b", "a\\b", "/etc", "x..y", "a\nb"] {
            assert!(!is_name(bad), "{bad:?}");
        }
    }
}
