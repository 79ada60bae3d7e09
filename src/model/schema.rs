//! What the model says about its own JSON Schema, beside the serde attributes: the keys the
//! format requires, the form of an id, and values the model keeps loosely.
//!
//! Used through `#[schemars(…)]` attributes on the model's types, so each fact is stated next
//! to the type it is about; `crate::schema` adds what only the rules know (rule and profile names).

use schemars::{JsonSchema, Schema};
use serde_json::{json, Value};

/// A slug, the form of every id: lowercase ASCII letters, digits and `-`.
pub const SLUG: &str = "^[a-z0-9-]+$";

/// A transform for `#[schemars(transform = super::schema::require(Type::REQUIRED))]` on a model type:
/// the format requires these fields, although the model gives them a default so that govsite
/// can report each missing one itself (`schema/missing-field`). Each is listed in `required`,
/// loses its default, and may not be empty (`minLength`/`minItems` 1), as govsite demands;
/// a text that may be a map of translations (`Text`, `Label`) may not be an empty string.
pub fn require(fields: &'static [&'static str]) -> impl FnMut(&mut Schema) {
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
                    _ => non_empty_string(property.get_mut("anyOf")),
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

/// The string form of a field written as a string or a map of translations (`anyOf`) may not
/// be empty.
fn non_empty_string(any_of: Option<&mut Value>) {
    let Some(Value::Array(forms)) = any_of else { return };
    for form in forms {
        if let Value::Object(form) = form {
            if form.get("type").and_then(Value::as_str) == Some("string") {
                form.entry("minLength").or_insert(json!(1));
            }
        }
    }
}

/// The schema of a sponsor mapping's `distinct_affiliations` (`#[schemars(with = …)]`): how many
/// organisations, or `true` for all different. The model keeps any value; templates read these.
pub struct CountOrTrue;

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
