//! `govsite schema`: the JSON Schema (draft 2020-12) of every YAML document govsite reads,
//! generated from the model, so that editors can complete keys and flag mistakes as you type.
//!
//! The schemas follow the model's serde attributes (renames, defaults, unknown keys refused),
//! and say what the YAML accepts where the model reads more than one form (a member is an id
//! or `{ person, area, since }`). The model defaults required fields so that govsite can report
//! each missing one itself (`schema/missing-field`); `model::schema::require` lists them as
//! `required` here.

use crate::model;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{json, Value};

/// The stable identifiers of the schemas: each document's `$id` is this, its name and `.json`.
pub const BASE_URL: &str = "https://govsite.dev/schema/";

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

/// Every document, in the order the format describes them: site.yaml, portfolio.yaml, the
/// governance documents of [`model::DOCUMENTS`], and a page's front matter.
pub fn documents() -> Vec<Document> {
    struct Governance(Vec<Document>);
    impl model::DocumentVisitor<'static> for Governance {
        fn visit<T: model::DocumentData>(&mut self, d: &'static model::Document, _: Option<&'static model::Doc<T>>) {
            self.0.push(document::<T>(d.key, d.file, d.summary));
        }
    }
    let mut governance = Governance(Vec::new());
    model::documents::visit_document_types(&mut governance);
    let mut all = vec![
        document::<model::SiteConfig>("site", "site.yaml", "How the portal is built and what project it is about."),
        document::<model::PortfolioConfig>(
            "portfolio",
            "portfolio.yaml",
            "Many project sites published as one portal (OSPO mode), instead of a site.yaml.",
        ),
    ];
    all.extend(governance.0);
    all.push(document::<model::FrontMatter>(
        "front-matter",
        "content/**/*.md",
        "The YAML front matter of a Markdown page, between the two `---` lines.",
    ));
    all
}

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
        add_rule_names(&mut schema);
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
pub fn find(name: &str) -> Option<Document> {
    documents().into_iter().find(|d| d.name == name)
}

/// The names `govsite schema` takes.
pub fn names() -> Vec<&'static str> {
    documents().iter().map(|d| d.name).collect()
}

/// What `govsite schema` prints without a document: the names, and how editors use them.
pub fn usage() -> String {
    let mut out = String::from(
        "Usage: govsite schema [DOCUMENT]\n\n\
         Prints the JSON Schema (draft 2020-12) of one YAML document, for editors and CI:\n\n",
    );
    for d in documents() {
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

/// Rule ids a site may set a severity for or exempt (all but the structural ones).
fn configurable_rules() -> Vec<&'static str> {
    crate::rules::RULES.iter().map(|r| r.id).filter(|id| !crate::rules::policy::is_structural(id)).collect()
}

/// Names only the rules know, added where the model's schema has a `check:` block: the
/// profiles for `profile`, rule ids and severities for `rules`, rule ids for an exemption.
/// Added after generation so that the model never imports the rules.
fn add_rule_names(schema: &mut Schema) {
    let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) else { return };
    if let Some(check) = defs.get_mut("CheckConfig").and_then(|d| d.get_mut("properties")) {
        if let Some(Value::Object(profile)) = check.get_mut("profile") {
            let mut names: Vec<Value> = crate::rules::profiles::names().map(Value::from).collect();
            names.push(Value::Null);
            profile.insert("enum".into(), Value::Array(names));
        }
        if let Some(Value::Object(rules)) = check.get_mut("rules") {
            rules.insert("propertyNames".into(), json!({ "enum": configurable_rules() }));
            rules.insert("additionalProperties".into(), json!({ "enum": ["allow", "warning", "warn", "error"] }));
        }
    }
    if let Some(Value::Object(rule)) =
        defs.get_mut("Exemption").and_then(|d| d.get_mut("properties")).and_then(|p| p.get_mut("rule"))
    {
        rule.insert("enum".into(), json!(configurable_rules()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_document_has_a_schema_and_a_unique_name() {
        let mut names = super::names();
        for d in super::documents() {
            let schema = d.schema();
            assert_eq!(schema["$id"], d.id());
            assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), super::documents().len());
    }
}
