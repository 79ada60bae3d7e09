use super::{Label, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// `governance/roles.yaml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// Every role of the project.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub roles: Vec<Role>,
}

impl Role {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["id", "name", "description", "responsibilities"];
}

/// A role people hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Role::REQUIRED))]
pub struct Role {
    /// Unique slug id (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub id: String,
    /// Display name (required): what one holder is called; a map of translations in a
    /// multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: Label,
    /// What the holders are called together, acting as a body (`Steering Council`, where one
    /// holder is a `Steering Council member`): used where a text speaks of the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_name: Option<Label>,
    /// What the role is (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub description: Text,
    /// What holders must do (required, non-empty).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub responsibilities: Vec<Text>,
    /// What holders may do.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub privileges: Vec<Text>,
    /// Who holds it.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub members: Vec<Member>,
    /// Fewer active members than this is a warning.
    pub min_members: Option<u32>,
    /// Anyone may hold it; no member list expected.
    #[serde(default)]
    pub open: bool,
    /// Term of office.
    pub term: Option<Text>,
    /// A fixed-size body: how many seats it has. Fewer active members are vacancies
    /// (`roles/vacancies`), more are an error (`roles/over-seats`).
    // Skipped when absent, as every version-2 key, so that governance.json of a version-1
    // site stays byte for byte as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub seats: Option<u32>,
    /// At most this many active seats may be held by people of one organisation
    /// (`roles/org-cap`); independents each count alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub max_per_organization: Option<u32>,
    /// Who held the role before, with dates: the seat history.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::de::or_default")]
    pub former_members: Vec<FormerMember>,
    /// How seats are filled, when the body is elected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elections: Option<Elections>,
}

/// A past holding of a role: who, from when to when, and why it ended.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormerMember {
    /// Person id (from people.yaml).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub person: String,
    /// Held since (YYYY-MM-DD).
    pub since: Option<String>,
    /// Held until (YYYY-MM-DD); absent with a current holding of the same person is
    /// `roles/former-active`.
    pub until: Option<String>,
    /// term-ended | resigned | emeritus | removed | inactive | other.
    pub reason: Option<String>,
}

/// How an elected body's seats are filled.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Elections {
    /// Length of a term, in months.
    pub term_months: Option<u32>,
    /// Seats filled at each election; fewer than `seats` means staggered terms.
    pub seats_per_election: Option<u32>,
    /// The next election's date (YYYY-MM-DD); in the past: `elections/overdue`.
    pub next: Option<String>,
    /// The role or group whose active members vote.
    pub electorate: Option<String>,
    /// The role or group whose members may stand; absent: anyone.
    pub candidates_from: Option<String>,
    /// How candidates are nominated, in Markdown.
    pub nomination: Option<Text>,
    /// approval | condorcet | stv | plurality | majority | other.
    pub method: Option<String>,
    /// Consecutive terms one person may serve; 0 or absent: no limit.
    pub term_limit: Option<u32>,
    /// Who runs the election, in Markdown.
    pub officer: Option<Text>,
}

/// A seat held by a person, written as an id or as `{ person, area, since }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Member {
    /// Person id.
    pub person: String,
    /// Area of responsibility in this seat.
    pub area: Option<Label>,
    /// Held since (YYYY-MM-DD).
    pub since: Option<String>,
    /// The group (a SIG) this holding is scoped to: what `groups[].limits` count.
    // Skipped when absent so that governance.json of a version-1 site stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The parts of the repository this holding owns (`storage/`, `*.md`), in CODEOWNERS
    /// syntax: what `govsite export` writes to CODEOWNERS.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
}

/// A seat with its area or start date.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct MemberDetail {
    /// Person id (from people.yaml).
    #[schemars(pattern(super::schema::SLUG))]
    person: String,
    /// Area of responsibility in this seat.
    area: Option<Label>,
    /// Held since (YYYY-MM-DD).
    since: Option<String>,
    /// The group this holding is scoped to.
    group: Option<String>,
    /// Repository paths this holding owns (`storage/`, `docs/*.md`): CODEOWNERS patterns,
    /// relative to the repository root.
    #[serde(default, deserialize_with = "super::de::or_default")]
    paths: Vec<String>,
}

/// A person id, or `{ person, area, since }`.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum MemberForm {
    /// A person id (from people.yaml).
    Id(#[schemars(pattern(super::schema::SLUG))] String),
    /// A person id with the area and start of the seat.
    Detail(MemberDetail),
}

/// The schema of what YAML accepts (`MemberForm`), not of the one shape `Member` serializes to.
impl JsonSchema for Member {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Member".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        MemberForm::json_schema(generator)
    }
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match MemberForm::deserialize(deserializer) {
            Ok(MemberForm::Id(person)) => Ok(Member { person, ..Member::default() }),
            Ok(MemberForm::Detail(d)) => {
                Ok(Member { person: d.person, area: d.area, since: d.since, group: d.group, paths: d.paths })
            }
            Err(_) => Err(serde::de::Error::custom("expected a person id or a mapping `{ person, area, since }`")),
        }
    }
}
