use super::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

impl Charter {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["mission", "scope", "decision_making", "amendments"];
}

/// `governance/charter.yaml`: why the project exists and how it decides.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Charter::REQUIRED))]
pub struct Charter {
    /// Mission (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub mission: Text,
    /// Vision.
    pub vision: Option<Text>,
    /// What is in and out of scope (required: at least one `in` item).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub scope: Scope,
    /// The community's values.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub values: Vec<Value>,
    /// How decisions are made (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub decision_making: DecisionMaking,
    /// How this charter is changed (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub amendments: Text,
}

impl Scope {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["in"];
}

/// Scope of the project.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Scope::REQUIRED))]
pub struct Scope {
    /// In scope.
    #[serde(rename = "in", default, deserialize_with = "super::de::or_default")]
    pub in_scope: Vec<Text>,
    /// Out of scope.
    #[serde(rename = "out", default, deserialize_with = "super::de::or_default")]
    pub out_of_scope: Vec<Text>,
}

/// A value the community holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Value {
    /// Name, e.g. Transparency.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: String,
    /// What it means here.
    pub description: Option<Text>,
}

impl DecisionMaking {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["model", "body"];
}

/// The decision-making process.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(DecisionMaking::REQUIRED))]
#[schemars(extend(
    "if" = { "required": ["model"], "properties": { "model": { "const": "voting" } } },
    "then" = { "required": ["voting"], "properties": { "voting": { "type": "object" } } }
))]
pub struct DecisionMaking {
    /// lazy-consensus | consensus | voting | bdfl (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub model: String,
    /// The role or group that decides (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub body: String,
    /// The process in words.
    pub description: Option<Text>,
    /// Voting rules; required when `model` is `voting`.
    pub voting: Option<Voting>,
    /// Decisions that need another majority.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub thresholds: Vec<Threshold>,
}

/// Voting rules.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Voting {
    /// e.g. "2/3".
    pub quorum: Option<String>,
    /// simple | two-thirds | three-quarters | unanimous.
    pub majority: Option<String>,
    /// all-members (default) | votes-cast | all-but-subject.
    pub base: Option<String>,
    /// How long a vote stays open.
    pub period_days: Option<u32>,
    /// Who may call a vote (role or group id).
    pub on_demand_by: Option<String>,
}

/// A decision needing a particular majority.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Which decision, e.g. amendment, removal.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub decision: String,
    /// The majority it needs.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub majority: String,
    /// What the majority is counted against.
    pub base: Option<String>,
}
