use super::{Label, Text};
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

impl Ladder {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["levels"];

    /// What the project calls its emeritus status, as written (user text is never
    /// case-folded); `None` when it does not say, and govsite's own word is used.
    pub fn emeritus_name(&self) -> Option<&str> {
        self.emeritus_name.as_ref().map(|n| n.as_str().trim()).filter(|n| !n.is_empty())
    }
}

/// `governance/ladder.yaml`: the contributor ladder, from first contribution to the top.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Ladder::REQUIRED))]
pub struct Ladder {
    /// What the ladder is for and how to read it.
    pub description: Option<Text>,
    /// Who helps people climb it.
    pub contact: Option<Contact>,
    /// Each level also carries the requirements and privileges of those below it.
    #[serde(default = "yes")]
    pub cumulative: bool,
    /// The levels, entry level first (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub levels: Vec<LadderLevel>,
    /// When someone counts as inactive, and what follows.
    pub inactivity: Option<Text>,
    /// Inactivity as a number of months.
    pub inactivity_months: Option<u32>,
    /// Moving down the ladder or resigning.
    pub stepping_down: Option<Text>,
    /// What emeritus means, and the way back.
    pub emeritus: Option<Text>,
    /// What the project calls its emeritus status (`Inactive core team member`); the portal
    /// says it instead of "Emeritus".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emeritus_name: Option<Label>,
    /// Involuntary removal: grounds and who decides.
    pub removal: Option<Text>,
}

fn yes() -> bool {
    true
}

/// A way to reach someone: e-mail, URL or a person of people.yaml.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Display name.
    pub name: Option<Label>,
    /// E-mail address.
    pub email: Option<String>,
    /// A web address.
    pub url: Option<String>,
    /// A person id.
    pub person: Option<String>,
    /// What the contact is, shown after it: `Lead responder`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Label>,
    /// When to use this contact rather than the others, as plain text: `if the Conduct WG has
    /// a conflict of interest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Label>,
}

impl LadderLevel {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["id", "name"];
}

/// One step of the contributor ladder.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(LadderLevel::REQUIRED))]
pub struct LadderLevel {
    /// Unique slug id (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub id: String,
    /// Display name (required); a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: Label,
    /// The role this level grants.
    pub role: Option<String>,
    /// What the level is.
    pub description: Option<Text>,
    /// Ways to take part.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub activities: Vec<Text>,
    /// What it takes to reach this level (required above the first).
    pub requirements: Option<Requirements>,
    /// Measurable requirements, shown as a table.
    #[serde(default)]
    pub metrics: IndexMap<String, Metric>,
    /// What it takes to keep the level.
    #[serde(default)]
    pub upkeep: IndexMap<String, Metric>,
    /// Who must sponsor a candidate.
    pub sponsors: Option<Sponsors>,
    /// What holders must do.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub responsibilities: Vec<Text>,
    /// What holders may do.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub privileges: Vec<Text>,
    /// How one is nominated and approved.
    pub nomination: Option<Text>,
}

/// Requirements: a plain list (all of them), or `{ all, any }`.
///
/// Always serialized as `{ all, any }`, so templates and governance.json see one shape.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum Requirements {
    /// Every item is required.
    All(Vec<Text>),
    /// All of `all` and at least one of `any`.
    Grouped {
        /// Every item is required.
        #[serde(default)]
        all: Vec<Text>,
        /// At least one is required.
        #[serde(default)]
        any: Vec<Text>,
    },
}

impl Serialize for Requirements {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (all, any): (&[Text], &[Text]) = match self {
            Requirements::All(items) => (items, &[]),
            Requirements::Grouped { all, any } => (all, any),
        };
        let mut s = serializer.serialize_struct("Requirements", 2)?;
        s.serialize_field("all", all)?;
        s.serialize_field("any", any)?;
        s.end()
    }
}

impl Requirements {
    /// True when no requirement is written down.
    pub fn is_empty(&self) -> bool {
        match self {
            Requirements::All(items) => items.is_empty(),
            Requirements::Grouped { all, any } => all.is_empty() && any.is_empty(),
        }
    }
}

/// A measurable requirement: a number, or `{ count, per, source }`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum Metric {
    /// A plain count.
    Count(f64),
    /// A count with its period and data source.
    Detailed {
        /// How many.
        count: f64,
        /// Over which period: total, year, month…
        per: Option<String>,
        /// Where the number comes from, e.g. DevStats.
        source: Option<String>,
    },
}

/// Sponsors a candidate needs: a number, or `{ count, from, distinct_affiliations }`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum Sponsors {
    /// How many sponsors.
    Count(u32),
    /// How many, from which level, from how many organisations.
    Detailed {
        /// How many.
        count: u32,
        /// The level id sponsors must hold.
        from: Option<String>,
        /// Sponsors must come from this many different organisations (or `true`: all different).
        #[schemars(with = "Option<super::schema::CountOrTrue>")]
        distinct_affiliations: Option<serde_json::Value>,
    },
}
