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
    /// GitHub handle.
    pub github: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Employer or `Independent`.
    pub affiliation: Option<String>,
    /// Domain of responsibility.
    pub area: Option<String>,
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

impl Person {
    /// Whether the person stands for themselves in organisational counts: `independent: true`,
    /// or the English word `Independent` (any case) as affiliation, which version 1 used.
    pub fn is_independent(&self) -> bool {
        self.independent
            || self.affiliation.as_deref().is_some_and(|a| super::seats::organisation_key(a) == "independent")
    }
}
