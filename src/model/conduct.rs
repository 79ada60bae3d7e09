use super::{Contact, Label, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

impl CodeOfConduct {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["reporting", "enforcement"];
}

/// `governance/code-of-conduct.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(CodeOfConduct::REQUIRED))]
#[schemars(extend(
    "if" = {
        "required": ["based_on"],
        "properties": {
            "based_on": { "type": "object", "required": ["by_reference"], "properties": { "by_reference": { "const": true } } }
        }
    },
    "else" = { "required": ["pledge", "standards", "scope"] }
))]
pub struct CodeOfConduct {
    /// The code this one adapts.
    pub based_on: Option<BasedOn>,
    /// The pledge (required unless adopted by reference).
    pub pledge: Option<Text>,
    /// Expected and unacceptable behaviour (required unless adopted by reference).
    pub standards: Option<Standards>,
    /// What the enforcers are responsible for.
    pub enforcement_responsibilities: Option<Text>,
    /// Where the code applies (required unless adopted by reference).
    pub scope: Option<Text>,
    /// How to report a problem (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub reporting: Reporting,
    /// The enforcement ladder, mildest first (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub enforcement: Vec<EnforcementStep>,
    /// `ladder` (mildest first, the default) or `unordered`: possible responses that are
    /// neither ranked nor exhaustive (the PSF's), never shown as a ladder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforcement_order: Option<String>,
    /// Credits.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub attribution: Vec<Attribution>,
}

/// The code a code of conduct adapts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasedOn {
    /// e.g. Contributor Covenant.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: Label,
    /// e.g. "2.1"; for the Contributor Covenant one of [`super::values::COVENANT_VERSIONS`].
    pub version: Option<String>,
    /// Where it is published.
    pub url: Option<String>,
    /// Adopted by link: pledge, standards and scope may be left out.
    #[serde(default)]
    pub by_reference: bool,
}

/// Expected and unacceptable behaviour.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standards {
    /// Behaviour that makes a positive environment.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub positive: Vec<Text>,
    /// Unacceptable behaviour.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub negative: Vec<Text>,
}

impl Reporting {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["contacts"];
}

/// How to report a conduct problem.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Reporting::REQUIRED))]
pub struct Reporting {
    /// Who receives reports (required: at least one): `{ name, email }`, a `url` or `{ person }`.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub contacts: Vec<Contact>,
    /// What happens to a report.
    pub process: Option<Text>,
    /// Who handles it when a leader is involved.
    pub escalation: Option<Text>,
    /// Every report is acknowledged within this many days (a whole number above 0).
    // Version 2's keys are skipped when absent, so that governance.json of a version-1 site
    // stays byte for byte as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge_days: Option<std::num::NonZeroU32>,
    /// What a report should include.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::de::or_default")]
    pub contents: Vec<Text>,
}

/// One step of the enforcement ladder.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnforcementStep {
    /// e.g. Correction, Warning; a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub level: Label,
    /// The behaviour that leads here, in Contributor Covenant 2.x's words ("community impact").
    pub impact: Option<Text>,
    /// The behaviour that leads here, in Contributor Covenant 3.0's words ("event").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Text>,
    /// What follows.
    pub consequence: Option<Text>,
    /// How the harm is addressed and repaired (Contributor Covenant 3.0's "repair").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<Text>,
}

/// A credit line.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// The credit.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub text: Text,
    /// Where the source lives.
    pub url: Option<String>,
}
