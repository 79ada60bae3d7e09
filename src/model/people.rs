use super::Label;
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `governance/people.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Everyone with a role, a group seat or a contact duty.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub people: Vec<Person>,
}

impl Person {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["id", "name"];
}

/// A person of the community.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Person::REQUIRED))]
pub struct Person {
    /// Unique slug id (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub id: String,
    /// Display name (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: String,
    /// GitHub handle: version 1's shorthand for `accounts.github`.
    pub github: Option<String>,
    /// Handles on code forges, by platform: `github`, `gitee`, `gitlab`, `atomgit`, `codeberg`
    /// (see [`super::values::PLATFORMS`]); each is shown as a link to the profile.
    // Skipped when empty, as every version-2 key, so governance.json of a version-1 site stays.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty", deserialize_with = "super::de::or_default")]
    #[schemars(with = "AccountsForm")]
    pub accounts: IndexMap<String, String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Employer, or a word for none such as `Independent` (see [`super::independent`]).
    pub affiliation: Option<String>,
    /// Which organisation they worked for when; the entry without `until` is current.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::de::or_default")]
    pub affiliations: Vec<Affiliation>,
    /// Domain of responsibility; a map of translations in a multilingual site.
    pub area: Option<Label>,
    /// When they joined (YYYY-MM-DD).
    pub since: Option<String>,
    /// Listed but no longer active.
    #[serde(default)]
    pub emeritus: bool,
    /// Every address they commit with (spec v2 §4), matched by `govsite activity`.
    #[serde(default, deserialize_with = "super::de::or_default", skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// Their last activity (YYYY-MM-DD); `govsite activity --write` records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_active: Option<String>,
    /// Works for no organisation: counts as their own organisation in every count and chart,
    /// whatever `affiliation` says (`独立开发者`, `Indépendant`…).
    // Skipped when false so that governance.json of a version-1 site stays as it was.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub independent: bool,
}

impl Affiliation {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["name"];
}

/// A period of working for one organisation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Affiliation::REQUIRED))]
pub struct Affiliation {
    /// The organisation, as written.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: String,
    /// From (YYYY-MM-DD).
    pub from: Option<String>,
    /// Until (YYYY-MM-DD); absent: the current affiliation.
    pub until: Option<String>,
}

/// What `accounts` accepts, for the JSON Schema: one optional handle per known platform.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Accounts")]
#[allow(dead_code)] // Read by schemars only; the model keeps the map as written.
struct AccountsForm {
    /// GitHub handle (https://github.com/<handle>).
    github: Option<String>,
    /// Gitee handle (https://gitee.com/<handle>).
    gitee: Option<String>,
    /// GitLab handle (https://gitlab.com/<handle>).
    gitlab: Option<String>,
    /// AtomGit handle (https://atomgit.com/<handle>).
    atomgit: Option<String>,
    /// Codeberg handle (https://codeberg.org/<handle>).
    codeberg: Option<String>,
}

impl Person {
    /// Whether the person stands for themselves in organisational counts: `independent: true`,
    /// or a word for "no employer" as their current affiliation (`Independent`, `独立开发者`…,
    /// see [`super::independent`]).
    pub fn is_independent(&self) -> bool {
        self.independent || self.current_affiliation().is_some_and(super::independent::is_independent_word)
    }

    /// The organisation they work for now: `affiliation`, else the entry of `affiliations`
    /// without `until` (the first, if several are open).
    pub fn current_affiliation(&self) -> Option<&str> {
        self.affiliation.as_deref().or_else(|| self.open_affiliation().map(|a| a.name.as_str()))
    }

    /// The entry of `affiliations` without `until`, if any.
    pub fn open_affiliation(&self) -> Option<&Affiliation> {
        self.affiliations.iter().find(|a| a.until.is_none())
    }

    /// Their GitHub handle: `accounts.github`, else the version-1 `github`.
    pub fn github_handle(&self) -> Option<&str> {
        self.accounts.get("github").or(self.github.as_ref()).map(String::as_str)
    }

    /// Their accounts, GitHub first: `accounts` in the order written, with the version-1
    /// `github` standing in for `accounts.github` when only it is given.
    pub fn all_accounts(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        if let Some(github) = self.github_handle() {
            out.push(("github", github));
        }
        out.extend(self.accounts.iter().filter(|(k, _)| *k != "github").map(|(k, v)| (k.as_str(), v.as_str())));
        out
    }
}
