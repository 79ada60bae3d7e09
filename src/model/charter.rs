use super::{Label, Text};
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
    /// Name, e.g. Transparency; a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: Label,
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

/// A decision needing a particular majority, and who votes on it, how long and under
/// which conditions.
///
/// Every key after `base` is version 2's: each is skipped when absent, so that
/// governance.json of a version-1 site stays as it was.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Which decision: free text shown as written (`Changing this charter`), or a
    /// version-1 id such as `amendment`.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub decision: Label,
    /// The majority it needs.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub majority: String,
    /// What the majority is counted against.
    pub base: Option<String>,
    /// The role or group that votes on it; absent: `decision_making.body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// How long the vote stays open, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_days: Option<u32>,
    /// How many must take part: a fraction (`"1/2"`, `"2/3"`) or a number of members.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "quorum")]
    #[schemars(with = "Option<QuorumForm>")]
    pub quorum: Option<String>,
    /// The role or group that may veto the outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto_by: Option<String>,
    /// How many members must second a motion before the vote starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    /// Within how many days the seconds must come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconded_within_days: Option<u32>,
    /// When it may or may not be used, and anything else the vote needs, in Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Text>,
}

impl Threshold {
    /// How the decision is shown: a version-1 id (`amendment`, `new-maintainer`) as a
    /// phrase (`Amendment`, `New maintainer`), as version 1 showed it; anything else as written,
    /// since a name such as `PEP 13` or `Changing this charter` must keep its case.
    pub fn label(&self) -> String {
        let d = self.decision.as_str().trim();
        let is_id = !d.is_empty() && d.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !is_id {
            return d.to_string();
        }
        let phrase = d.replace('-', " ");
        let mut chars = phrase.chars();
        chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
    }

    /// Whether any version-2 detail is given: who votes, how long, quorum, veto, seconds.
    pub fn has_details(&self) -> bool {
        self.body.is_some()
            || self.period_days.is_some()
            || self.quorum.is_some()
            || self.veto_by.is_some()
            || self.seconds.is_some()
            || self.seconded_within_days.is_some()
            || self.conditions.is_some()
    }
}

/// A quorum as written: a fraction or a share in quotes, or a number of members.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Read by serde and schemars only.
enum QuorumForm {
    /// A number of members.
    Members(u32),
    /// A fraction such as `"1/2"`.
    Fraction(String),
}

/// Reads a quorum written as a number or a string into its text.
fn quorum<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<QuorumForm>::deserialize(deserializer) {
        Ok(Some(QuorumForm::Members(n))) => Some(n.to_string()),
        Ok(Some(QuorumForm::Fraction(text))) => Some(text),
        Ok(None) => None,
        Err(_) => return Err(serde::de::Error::custom("expected a fraction such as \"1/2\" or a number of members")),
    })
}
