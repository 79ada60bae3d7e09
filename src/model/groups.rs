use super::{DecisionMaking, Label, Member, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `governance/groups.yaml`: working groups, SIGs, teams.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Groups {
    /// Every group.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub groups: Vec<Group>,
}

impl Group {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["id", "name"];
}

/// A working group, SIG or team.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Group::REQUIRED))]
pub struct Group {
    /// Unique slug id (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub id: String,
    /// Display name (required); a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: Label,
    /// What the group does.
    pub description: Option<Text>,
    /// Chairs (person ids or `{ person, area, since }`).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub chairs: Vec<Member>,
    /// Members (person ids or `{ person, area, since }`).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub members: Vec<Member>,
    /// Every active holder of this role is a member.
    pub members_from: Option<String>,
    /// The role or group that appoints it.
    pub appointed_by: Option<String>,
    /// Fewer active members than this is a warning.
    pub min_members: Option<u32>,
    /// How often the group's charter is reviewed.
    pub review_every_months: Option<u32>,
    /// Regular meetings.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub meetings: Vec<Meeting>,
    /// How many holders of a role the group should have, by role id: role holdings whose
    /// `group:` names this group (`groups/limits`). Skipped when empty, as every version-2
    /// key, so that governance.json of a version-1 site stays as it was.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[serde(deserialize_with = "super::de::or_default")]
    pub limits: std::collections::BTreeMap<String, Limit>,
    /// `active` (the default) or `archived`: an archived group is kept for the record, shown
    /// apart and left out of `groups/limits`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// When it was archived (YYYY-MM-DD); only with `status: archived`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_on: Option<String>,
    /// The group's own decision rules, as the charter's `decision_making` states the project's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_making: Option<DecisionMaking>,
}

impl Group {
    /// Whether `status` is `archived`.
    pub fn is_archived(&self) -> bool {
        self.status.as_deref().map(str::trim) == Some("archived")
    }
}

/// The least and most holders of a role a group should have.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Fewer active holders is a warning.
    pub min: Option<u32>,
    /// More active holders is a warning.
    pub max: Option<u32>,
}

/// A regular meeting.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Meeting name.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: Label,
    /// e.g. every second Tuesday.
    pub cadence: Option<Label>,
    /// e.g. "16:00", in UTC.
    pub time_utc: Option<String>,
    /// The local time, `HH:MM` (24-hour), in `timezone`; shown with its UTC equivalent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The IANA time zone of `time`, e.g. `Asia/Shanghai` or `Europe/Berlin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Open to anyone.
    #[serde(default)]
    pub public: bool,
    /// Meeting notes.
    pub notes_url: Option<String>,
    /// Calendar invitation.
    pub calendar_url: Option<String>,
    /// What the meeting is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}
