use super::{Contact, Label, Text};
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
    /// The disclosure process; a negotiated disclosure date, written here, is a timeline too
    /// (`security/no-timeline`).
    pub disclosure: Option<Text>,
    /// Timelines count working days, not calendar days.
    // Version 2's keys are skipped when absent, so that governance.json of a version-1 site
    // stays byte for byte as it was.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub working_days: bool,
    /// Where the public key for encrypted reports is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pgp_key: Option<String>,
    /// What is not treated as a vulnerability.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::de::or_default")]
    pub out_of_scope: Vec<Text>,
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
    /// What this route is for, as plain text: `CPython and pip`, `everything else, or if unsure`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Label>,
}

/// A version line and whether it is supported; a bare string means supported.
///
/// Always serialized as `{ version, supported }`, with `status` when the file writes one.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged, deny_unknown_fields)]
pub enum SupportedVersion {
    /// Just the version (supported).
    Plain(String),
    /// Version and support status.
    Detailed {
        /// e.g. "1.4.x".
        version: String,
        /// Whether it receives fixes (without it: as `status` says, else yes).
        supported: Option<bool>,
        /// supported | security | end-of-life | prerelease; takes precedence over `supported`.
        status: Option<String>,
    },
}

impl Serialize for SupportedVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("SupportedVersion", 3)?;
        s.serialize_field("version", self.version())?;
        s.serialize_field("supported", &self.supported())?;
        match self {
            SupportedVersion::Detailed { status: Some(status), .. } => s.serialize_field("status", status)?,
            _ => s.skip_field("status")?,
        }
        s.end()
    }
}

impl SupportedVersion {
    /// The version line as written.
    pub fn version(&self) -> &str {
        match self {
            SupportedVersion::Plain(v) | SupportedVersion::Detailed { version: v, .. } => v,
        }
    }

    /// Whether the line receives fixes: what `status` says (all but `end-of-life`), else
    /// `supported` as written, else yes.
    pub fn supported(&self) -> bool {
        match self {
            SupportedVersion::Plain(_) => true,
            SupportedVersion::Detailed { status: Some(status), .. } => status.trim() != "end-of-life",
            SupportedVersion::Detailed { supported, .. } => supported.unwrap_or(true),
        }
    }
}
