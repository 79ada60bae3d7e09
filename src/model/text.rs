use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// Prose written by people: Markdown, rendered by the theme.
///
/// A newtype rather than a bare `String` so that a later translation map
/// (`{en: …, zh: …}`) can be accepted here without reshaping the model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(inline, description = "Markdown, rendered by the theme; links in it are rewritten and checked.")]
pub struct Text(pub String);

/// A null (`~`) is no text at all, never the word "null" (see `super::de`).
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Text(Option::<String>::deserialize(deserializer)?.unwrap_or_default()))
    }
}

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
