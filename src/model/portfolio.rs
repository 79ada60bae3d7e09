use super::CheckConfig;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

impl PortfolioConfig {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["title", "base_url", "projects"];
}

/// `portfolio.yaml`: many project sites published as one portal (OSPO mode).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(PortfolioConfig::REQUIRED))]
pub struct PortfolioConfig {
    /// Portal title (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub title: String,
    /// One-line description.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub description: String,
    /// Where the portfolio is published (required); each project goes under
    /// `<base_url><project folder name>/`.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub base_url: String,
    /// Content language, `en` by default.
    #[serde(default = "default_language", deserialize_with = "language_or_default")]
    pub language: String,
    /// A partial site whose governance documents every project inherits.
    pub defaults: Option<String>,
    /// The project site folders (required, at least one).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub projects: Vec<String>,
    /// Checks that apply to every project; a project may only make them stricter.
    #[serde(default)]
    pub check: CheckConfig,
}

fn default_language() -> String {
    "en".into()
}

/// `language: ~` is the default language, as no `language` is.
fn language_or_default<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::deserialize(deserializer)?.unwrap_or_else(default_language))
}
