use super::{Label, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `governance/decisions.yaml`: the decision log.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionLog {
    /// Decisions, as written.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub decisions: Vec<Decision>,
}

impl Decision {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["id", "date", "title"];
}

/// A recorded decision.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Decision::REQUIRED))]
pub struct Decision {
    /// Unique id, also its anchor (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub id: String,
    /// YYYY-MM-DD (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub date: String,
    /// Title (required); a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub title: Label,
    /// accepted | rejected | deferred | withdrawn | superseded | elected.
    pub outcome: Option<String>,
    /// The role or group that decided.
    pub body: Option<String>,
    /// The vote, if there was one.
    pub votes: Option<Votes>,
    /// Person, role or group ids the decision affects.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub affects: Vec<String>,
    /// What was decided and why.
    pub summary: Option<Text>,
    /// Where the discussion is.
    pub link: Option<String>,
    /// An election's candidates, with their votes and whether they were elected.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::de::or_default")]
    pub candidates: Vec<Candidate>,
}

impl Candidate {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["person"];
}

/// A candidate of an election and its result.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Candidate::REQUIRED))]
pub struct Candidate {
    /// Person id (from people.yaml).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub person: String,
    /// Votes received.
    pub votes: Option<u32>,
    /// Whether they won a seat.
    #[serde(default)]
    pub elected: bool,
}

/// A vote count.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// Votes in favour.
    #[serde(rename = "for", default)]
    pub in_favour: u32,
    /// Votes against.
    #[serde(default)]
    pub against: u32,
    /// Abstentions.
    #[serde(default)]
    pub abstain: u32,
}
