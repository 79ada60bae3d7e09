use super::{Label, Text};
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

impl SiteConfig {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["title", "base_url", "project"];
}

/// `site.yaml`: how the portal is built and what project it is about.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(SiteConfig::REQUIRED))]
pub struct SiteConfig {
    /// Portal title (required); a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub title: Label,
    /// One-line description, used in `<meta>` and on the home page; a map of translations in
    /// a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub description: Label,
    /// Where the portal is published (required); its path prefixes every link.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub base_url: String,
    /// Content language, `en` by default.
    #[serde(default = "default_language", deserialize_with = "language_or_default")]
    pub language: String,
    /// A multilingual portal's languages (BCP 47), the first the default: each further one is
    /// published under `<base_url><tag lowercased>/`. Empty for a portal in `language` only.
    #[serde(default, deserialize_with = "super::de::or_default", skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Theme folder name under `themes/`, `default` by default.
    #[serde(default = "default_theme", deserialize_with = "theme_or_default")]
    pub theme: String,
    /// The project the portal governs (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub project: Project,
    /// Extra top-navigation entries.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub nav: Vec<NavItem>,
    /// Markdown options.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// Check options: profile, overrides, exemptions, minimum score.
    #[serde(default)]
    pub check: CheckConfig,
    /// How the organisational-diversity figures count the deciding body.
    // Skipped when default, so that governance.json of a version-1 site stays as it was.
    #[serde(default, skip_serializing_if = "super::site::is_default")]
    pub diversity: DiversityConfig,
}

/// Whether `tag` has the shape of a BCP 47 tag: ASCII letters and digits in subtags of one
/// to eight, joined by `-`. (`schema/language` checks the tag itself.)
fn is_tag_shaped(tag: &str) -> bool {
    tag.split('-').all(|sub| (1..=8).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `value` is its type's default (for `skip_serializing_if`).
pub(super) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl SiteConfig {
    /// The portal's languages, the default first: `languages`, or `language` alone.
    ///
    /// A listed tag that is not even shaped like a language tag (`../x`) is left out: tags
    /// become folder and file names, and `schema/language` reports it, but `serve` and the
    /// other rules still run on an invalid site.
    pub fn languages(&self) -> Vec<&str> {
        let listed: Vec<&str> = self.listed_languages().collect();
        if listed.is_empty() {
            vec![self.language.as_str()]
        } else {
            listed
        }
    }

    /// The default language: the first of `languages`, else `language`.
    pub fn default_language(&self) -> &str {
        self.listed_languages().next().unwrap_or(self.language.as_str())
    }

    /// Whether the portal is published in more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.listed_languages().nth(1).is_some()
    }

    fn listed_languages(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(String::as_str).filter(|tag| is_tag_shaped(tag))
    }

    /// The path prefix of `language`'s pages under the base URL: nothing for the default
    /// language, `<tag lowercased>/` for each further one.
    pub fn language_prefix(&self, language: &str) -> String {
        if language == self.default_language() {
            String::new()
        } else {
            format!("{}/", language.to_lowercase())
        }
    }
}

fn default_language() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}

/// `language: ~` is the default language, as no `language` is (see [`super::de`]).
fn language_or_default<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::deserialize(deserializer)?.unwrap_or_else(default_language))
}

/// `theme: ~` is the default theme, as no `theme` is.
fn theme_or_default<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::deserialize(deserializer)?.unwrap_or_else(default_theme))
}

impl Project {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["name"];
}

/// The project a site governs.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Project::REQUIRED))]
pub struct Project {
    /// Project name (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: String,
    /// Source repository URL.
    pub repository: Option<String>,
    /// SPDX licence identifier.
    pub license: Option<String>,
    /// Logo, a path in the site folder (e.g. `static/logo.svg`).
    pub logo: Option<String>,
    /// Where the community talks.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub channels: Vec<Channel>,
    /// The contribution guide: a page of the site (`content/…md`) or a URL.
    pub contributing: Option<String>,
    /// `dco` or `cla`.
    pub sign_off: Option<String>,
    /// Where to sign the CLA when `sign_off` is `cla`.
    pub cla_url: Option<String>,
    /// The foundation the project belongs to.
    pub foundation: Option<Foundation>,
}

impl Channel {
    /// The keys the format requires (see [`super::required`]). The id is the channel's anchor
    /// (`#channel-<id>`), its link text and what security.yaml's `bulletins` name; without
    /// it two channels would share an anchor and the link would have no accessible name.
    pub const REQUIRED: &[&str] = &["id", "url"];
}

/// A communication channel.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Channel::REQUIRED))]
pub struct Channel {
    /// Slug id (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    #[schemars(pattern(super::schema::SLUG))]
    pub id: String,
    /// chat | forum | mailing-list | issue-tracker | meeting | feed | social | other.
    #[serde(rename = "type", default, deserialize_with = "super::de::or_default")]
    pub kind: String,
    /// Where to find it (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub url: String,
    /// Whether anyone may read it.
    #[serde(default)]
    pub public: bool,
    /// What it is for.
    pub purpose: Option<Text>,
}

/// A foundation and the project's maturity in it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Foundation {
    /// Foundation name.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub name: String,
    /// Foundation website.
    pub url: Option<String>,
    /// e.g. sandbox, incubating, graduated.
    pub maturity: Option<String>,
    /// The project's stage changes in the foundation, oldest first; the last one's phase is
    /// `maturity` (`project/maturity-log`).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::de::or_default")]
    pub maturity_log: Vec<MaturityStep>,
}

impl MaturityStep {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["phase", "date", "issue"];
}

/// A change of the project's stage in its foundation, and the decision behind it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(MaturityStep::REQUIRED))]
pub struct MaturityStep {
    /// sandbox | incubating | graduated | archived.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub phase: String,
    /// When the foundation decided it (YYYY-MM-DD).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub date: String,
    /// The issue (or vote) that decided it: a URL.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub issue: String,
}

/// `diversity:` of site.yaml: how the organisational-diversity figures count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiversityConfig {
    /// Count only the members active within the ladder's `inactivity_months` (by their
    /// `last_active`) in `roles/org-diversity`, the home page's chart and `govsite diff`.
    #[serde(default)]
    pub active_only: bool,
}

impl NavItem {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["title", "url"];
}

/// An extra entry of the top navigation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(NavItem::REQUIRED))]
pub struct NavItem {
    /// Link text; a map of translations in a multilingual site.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub title: Label,
    /// Root-relative URL of a page of the site, or an absolute URL.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub url: String,
}

/// Markdown options.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// A syntect theme name for code blocks.
    pub highlight_theme: Option<String>,
    /// Keep raw HTML in Markdown as its authors wrote it (scripts included), except event
    /// handlers and URLs with a refused scheme, which are never published.
    #[serde(default)]
    pub unsafe_html: bool,
}

/// Check options.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// A built-in rule profile, `default` when absent.
    pub profile: Option<String>,
    /// Per-rule severity: allow | warning | error.
    #[serde(default)]
    pub rules: IndexMap<String, String>,
    /// Rules switched off for a stated reason.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub exemptions: Vec<Exemption>,
    /// `check` fails below this completeness score.
    pub min_score: Option<u32>,
}

impl Exemption {
    /// The keys the format requires (see [`super::required`]).
    pub const REQUIRED: &[&str] = &["rule", "reason"];
}

/// A rule switched off, with the reason published on the portal.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::require(Exemption::REQUIRED))]
pub struct Exemption {
    /// Rule id.
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub rule: String,
    /// Why (required).
    #[serde(default, deserialize_with = "super::de::or_default")]
    pub reason: Text,
}
