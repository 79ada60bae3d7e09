use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A Markdown page of `content/`.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// Source file, relative to the site folder (`content/guides/release.md`).
    pub file: PathBuf,
    /// Path of the page under the base URL, without slashes at the ends
    /// (`guides/release`; empty for `content/_index.md`, the home page).
    pub path: String,
    /// Front matter.
    pub front: FrontMatter,
    /// Markdown body after the front matter.
    pub body: String,
    /// Line of the file where the body starts (1-based), so positions in the body map back.
    pub body_line: usize,
    /// Where each front matter key and value sits in the file.
    #[serde(skip)]
    pub source: super::SourceMap,
}

impl FrontMatter {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["title"];
}

/// A page's front matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(FrontMatter::REQUIRED))]
pub struct FrontMatter {
    /// Page title (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub title: String,
    /// Summary, used in `<meta>` and listings.
    pub description: Option<String>,
    /// YYYY-MM-DD.
    pub date: Option<String>,
    /// Ordering among pages: lower first.
    pub weight: Option<i64>,
    /// A template of the theme to render with, instead of `page.html`.
    pub template: Option<String>,
    /// Skipped by `build`, shown by `serve`.
    #[serde(default)]
    pub draft: bool,
    /// Free-form data for templates.
    #[serde(default)]
    pub extra: serde_json::Value,
}
