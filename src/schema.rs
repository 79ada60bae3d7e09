//! `govsite schema`: the JSON Schema (draft 2020-12) of every YAML document govsite reads,
//! generated from the model, so that editors can complete keys and flag mistakes as you type.
//!
//! The schemas follow the model's serde attributes (renames, defaults, unknown keys refused),
//! and say what the YAML accepts where the model reads more than one form (a member is an id
//! or `{ person, area, since }`). The model defaults required fields so that govsite can report
//! each missing one itself (`schema/missing-field`); [`require`] lists them as `required` here.

use crate::model;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{json, Value};

/// The stable identifiers of the schemas: each document's `$id` is this, its name and `.json`.
pub const BASE_URL: &str = "https://govsite.dev/schema/";

/// A slug, the form of every id: lowercase ASCII letters, digits and `-`.
pub const SLUG: &str = "^[a-z0-9-]+$";

/// A YAML document govsite reads.
pub struct Document {
    /// The name `govsite schema` takes, e.g. `roles`.
    pub name: &'static str,
    /// Where it lives in a site folder.
    pub file: &'static str,
    /// What it holds, in one line (the schema's description).
    pub summary: &'static str,
    generate: fn() -> Schema,
}

/// Every document, in the order the format describes them.
pub const DOCUMENTS: &[Document] = &[
    document::<model::SiteConfig>("site", "site.yaml", "How the portal is built and what project it is about."),
    document::<model::PortfolioConfig>(
        "portfolio",
        "portfolio.yaml",
        "Many project sites published as one portal (OSPO mode), instead of a site.yaml.",
    ),
    document::<model::Charter>(
        "charter",
        "governance/charter.yaml",
        "Why the project exists, what it covers and how it decides.",
    ),
    document::<model::People>("people", "governance/people.yaml", "Everyone the other documents mention, once."),
    document::<model::Roles>("roles", "governance/roles.yaml", "The roles of the project and who holds them."),
    document::<model::Ladder>(
        "ladder",
        "governance/ladder.yaml",
        "The contributor ladder: its levels, what each requires, and how people leave it.",
    ),
    document::<model::CodeOfConduct>(
        "code-of-conduct",
        "governance/code-of-conduct.yaml",
        "The code of conduct: standards, how to report a problem, and the enforcement ladder.",
    ),
    document::<model::SecurityPolicy>(
        "security",
        "governance/security.yaml",
        "How to report a vulnerability, and what happens next.",
    ),
    document::<model::Groups>("groups", "governance/groups.yaml", "Working groups, SIGs, committees and teams."),
    document::<model::DecisionLog>("decisions", "governance/decisions.yaml", "The decision log."),
    document::<model::FrontMatter>(
        "front-matter",
        "content/**/*.md",
        "The YAML front matter of a Markdown page, between the two `---` lines.",
    ),
];

const fn document<T: JsonSchema>(name: &'static str, file: &'static str, summary: &'static str) -> Document {
    Document { name, file, summary, generate: root_schema::<T> }
}

fn root_schema<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>()
}

impl Document {
    /// The document's JSON Schema, with its `$id`, title and description.
    pub fn schema(&self) -> Value {
        let mut schema = (self.generate)();
        schema.insert("$id".into(), json!(self.id()));
        schema.insert("title".into(), json!(format!("govsite {}", self.file)));
        schema.insert("description".into(), json!(self.summary));
        schema.to_value()
    }

    /// The schema's `$id`, e.g. `https://govsite.dev/schema/roles.json`.
    pub fn id(&self) -> String {
        format!("{BASE_URL}{}.json", self.name)
    }
}

/// The document called `name`, e.g. `roles`.
pub fn find(name: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.name == name)
}

/// The names `govsite schema` takes.
pub fn names() -> impl Iterator<Item = &'static str> {
    DOCUMENTS.iter().map(|d| d.name)
}

/// What `govsite schema` prints without a document: the names, and how editors use them.
pub fn usage() -> String {
    let mut out = String::from(
        "Usage: govsite schema [DOCUMENT]\n\n\
         Prints the JSON Schema (draft 2020-12) of one YAML document, for editors and CI:\n\n",
    );
    for d in DOCUMENTS {
        out.push_str(&format!("  {:<16} {}\n", d.name, d.file));
    }
    out.push_str(
        "\nSave the ones you edit, e.g. `govsite schema roles > .schemas/roles.json`, then either\n\
         start a file with a comment for the YAML language server (used by VS Code's YAML\n\
         extension, Neovim, Helix and Zed):\n\n\
         \x20 # yaml-language-server: $schema=../.schemas/roles.json\n\n\
         or map files to schemas once in the editor's settings (VS Code: .vscode/settings.json):\n\n\
         \x20 \"yaml.schemas\": { \".schemas/roles.json\": \"governance/roles.yaml\" }\n\n\
         Paths in the comment are relative to the YAML file; in `yaml.schemas`, to the workspace.\n\
         The schemas catch unknown keys, wrong types and missing required keys as you type;\n\
         `govsite check` still checks everything else (references, links, the completeness rules).\n",
    );
    out
}

/// A transform for `#[schemars(transform = crate::schema::require(&[…]))]` on a model type:
/// the format requires these fields, although the model gives them a default so that govsite
/// can report each missing one itself (`schema/missing-field`). Each is listed in `required`,
/// loses its default, and may not be empty (`minLength`/`minItems` 1), as govsite demands.
pub(crate) fn require(fields: &'static [&'static str]) -> impl FnMut(&mut Schema) {
    move |schema: &mut Schema| {
        let Some(object) = schema.as_object_mut() else { return };
        if let Some(Value::Object(properties)) = object.get_mut("properties") {
            for field in fields {
                debug_assert!(properties.contains_key(*field), "`{field}` is not a property of the schema");
                let Some(Value::Object(property)) = properties.get_mut(*field) else { continue };
                property.remove("default");
                match property.get("type").and_then(Value::as_str) {
                    Some("string") => {
                        property.entry("minLength").or_insert(json!(1));
                    }
                    Some("array") => {
                        property.entry("minItems").or_insert(json!(1));
                    }
                    _ => {}
                }
            }
        }
        if let Value::Array(required) = object.entry("required").or_insert_with(|| json!([])) {
            for field in fields {
                if !required.iter().any(|r| r == field) {
                    required.push(json!(field));
                }
            }
        }
    }
}

/// Rule ids a site may set a severity for or exempt (all but the structural ones).
fn configurable_rules() -> Vec<&'static str> {
    crate::rules::RULES.iter().map(|r| r.id).filter(|id| !crate::rules::policy::is_structural(id)).collect()
}

/// Transform of `check.profile`: one of the built-in profiles.
pub(crate) fn profile_names(schema: &mut Schema) {
    let mut names: Vec<Value> = crate::rules::profiles::names().map(Value::from).collect();
    names.push(Value::Null);
    schema.insert("enum".into(), Value::Array(names));
}

/// Transform of `check.rules`: rule ids mapped to a severity.
pub(crate) fn rule_severities(schema: &mut Schema) {
    schema.insert("propertyNames".into(), json!({ "enum": configurable_rules() }));
    schema.insert("additionalProperties".into(), json!({ "enum": ["allow", "warning", "warn", "error"] }));
}

/// Transform of an exemption's `rule`: a rule id.
pub(crate) fn rule_id(schema: &mut Schema) {
    schema.insert("enum".into(), json!(configurable_rules()));
}

/// The schema of a sponsor mapping's `distinct_affiliations` (`#[schemars(with = …)]`): how many
/// organisations, or `true` for all different. The model keeps any value; templates read these.
pub(crate) struct CountOrTrue;

impl JsonSchema for CountOrTrue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountOrTrue".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> Schema {
        schemars::json_schema!({ "type": ["integer", "boolean"], "minimum": 0 })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_document_has_a_schema_and_a_unique_name() {
        let mut names: Vec<_> = super::names().collect();
        for d in super::DOCUMENTS {
            let schema = d.schema();
            assert_eq!(schema["$id"], d.id());
            assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), super::DOCUMENTS.len());
    }
}
