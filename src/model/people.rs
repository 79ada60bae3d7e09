use serde::{Deserialize, Serialize};

/// `governance/people.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Everyone with a role, a group seat or a contact duty.
    #[serde(default)]
    pub people: Vec<Person>,
}

/// A person of the community.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique slug id (required).
    #[serde(default)]
    pub id: String,
    /// Display name (required).
    #[serde(default)]
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
}
