use super::{Contact, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `governance/security.yaml`: how to report a vulnerability.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [
    { "required": ["contact"], "properties": { "contact": { "type": "object" } } },
    { "required": ["contacts"], "properties": { "contacts": { "minItems": 1 } } }
]))]
pub struct SecurityPolicy {
    /// The private reporting route (required, or `contacts`).
    pub contact: Option<Contact>,
    /// Several private routes, each with its own timeline.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub contacts: Vec<SecurityContact>,
    /// First answer within this many days.
    pub acknowledge_days: Option<u32>,
    /// Public disclosure timeline in days.
    pub disclosure_days: Option<u32>,
    /// The group that handles reports.
    pub team: Option<String>,
    /// What a good report includes.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub report_contents: Vec<Text>,
    /// Which versions receive fixes.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub supported_versions: Vec<SupportedVersion>,
    /// Channel ids where advisories are published.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub bulletins: Vec<String>,
    /// The embargo policy.
    pub embargo: Option<Text>,
    /// The disclosure process.
    pub disclosure: Option<Text>,
}

/// A private reporting route.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityContact {
    /// email | form | …
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub kind: String,
    /// Address or URL.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub address: String,
    /// First answer within this many days on this route.
    pub acknowledge_days: Option<u32>,
}

/// A version line and whether it is supported; a bare string means supported.
///
/// Always serialized as `{ version, supported }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum SupportedVersion {
    /// Just the version (supported).
    Plain(String),
    /// Version and support status.
    Detailed {
        /// e.g. "1.4.x".
        version: String,
        /// Whether it receives fixes.
        #[serde(default = "supported")]
        supported: bool,
    },
}

impl Serialize for SupportedVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (version, supported) = match self {
            SupportedVersion::Plain(v) => (v, true),
            SupportedVersion::Detailed { version, supported } => (version, *supported),
        };
        let mut s = serializer.serialize_struct("SupportedVersion", 2)?;
        s.serialize_field("version", version)?;
        s.serialize_field("supported", &supported)?;
        s.end()
    }
}

fn supported() -> bool {
    true
}
