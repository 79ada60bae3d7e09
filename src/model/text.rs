use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Prose written by people: Markdown, rendered by the theme.
///
/// A newtype rather than a bare `String` so that a later translation map
/// (`{en: …, zh: …}`) can be accepted here without reshaping the model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(inline, description = "Markdown, rendered by the theme; links in it are rewritten and checked.")]
pub struct Text(pub String);

impl Text {
    /// The Markdown source.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when there is nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}
