//! Locales: every word govsite itself writes (theme, `serve` pages and overlay, export
//! headings), in the portal's language, with that language's plurals, numbers and dates.
//!
//! # The API
//!
//! - [`Locale::for_site`]`(site, tag)`: the locale of one BCP 47 tag for one site — govsite's
//!   bundled `locales/<tag>.yaml` over `locales/en.yaml`, then the site's `i18n/<tag>.yaml`
//!   over both. A tag govsite has no strings for (and the site neither) falls back to `en`
//!   ([`Locale::is_fallback`]; the rule `i18n/no-locale` reports it). [`Locale::bundled`] is
//!   the same without a site (export, `serve`'s own pages).
//! - In Rust: [`Locale::text`]`("nav.skip")`, [`Locale::t`]`("seats", &[("n", 6.into())])`
//!   (plain text, the plural form chosen by the argument `n`), [`Locale::number`],
//!   [`Locale::date`] (`2025-03-01` → `2025年3月1日` in `zh-CN`).
//! - In templates ([`register`] puts these into a Tera built with a [`Locales`]):
//!   `{{ t(key="nav.skip") }}`, `{{ t(key="home.seats", n=6, percent=32) }}`,
//!   `{{ d.date | local_date }}`, `{{ n | local_number }}`. Which language: the context's
//!   `locale` (a tag; [`Locales::default_tag`] when absent), so one compiled Tera renders
//!   every language of a multilingual portal — put `locale` in each page's context.
//!   `t` escapes the message and every argument except those already safe (a `{% set %}`
//!   block or a `| safe` value), so a link can be an argument: `t(key="k", link=a_html)`.
//!
//! Messages are `{name}` placeholders in text; a message with plural forms is a mapping of
//! plural categories (`one`, `other`, …, chosen by ICU4X's plural rules for the language).
//! Numbers given as arguments are formatted for the language (ICU4X decimal formatting).

mod format;
mod tera_fns;

pub use format::Arg;
pub use tera_fns::register;

use crate::model::locale::{LocaleTree, Message, Strings};
use crate::model::Site;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The locales govsite ships: (tag, file). `en` is complete and every other has its keys.
pub const BUNDLED: [(&str, &str); 2] =
    [("en", include_str!("../../locales/en.yaml")), ("zh-CN", include_str!("../../locales/zh-CN.yaml"))];

/// The bundled locales' messages, parsed once.
fn bundled_strings() -> &'static BTreeMap<&'static str, Strings> {
    static STRINGS: OnceLock<BTreeMap<&'static str, Strings>> = OnceLock::new();
    STRINGS.get_or_init(|| {
        BUNDLED
            .iter()
            // A bundled file that does not parse is empty here; the key test fails on it.
            .map(|(tag, text)| {
                (*tag, serde_yaml::from_str::<LocaleTree>(text).map(|t| t.flatten()).unwrap_or_default())
            })
            .collect()
    })
}

/// The messages of bundled locale `tag` as written (for tests and `govsite init`).
pub fn bundled_messages(tag: &str) -> Option<&'static Strings> {
    bundled_strings().get(tag)
}

/// The bundled locale that serves `tag`: itself, or one of the same language and script
/// (`en-GB` → `en`, `zh-Hans-SG` → `zh-CN`, but not `zh-TW`, which is written in another
/// script).
pub fn bundled_tag(tag: &str) -> Option<&'static str> {
    if let Some((found, _)) = BUNDLED.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)) {
        return Some(found);
    }
    let wanted = icu_locale_core::Locale::try_from_str(tag).ok()?;
    let script = |l: &icu_locale_core::Locale| {
        let mut l = l.clone();
        // The likely script of a tag without one: Chinese of Taiwan, Hong Kong and Macao is
        // written in traditional characters.
        if l.id.script.is_none() && l.id.language.as_str() == "zh" {
            let traditional = l.id.region.is_some_and(|r| matches!(r.as_str(), "TW" | "HK" | "MO"));
            l.id.script = Some(if traditional { "Hant" } else { "Hans" }.parse().ok()?);
        }
        Some(l.id.script)
    };
    let wanted_script = script(&wanted)?;
    BUNDLED.iter().map(|(t, _)| *t).find(|t| {
        icu_locale_core::Locale::try_from_str(t)
            .ok()
            .is_some_and(|b| b.id.language == wanted.id.language && script(&b).is_some_and(|s| s == wanted_script))
    })
}

/// One language's interface: its messages, plural rules and number and date formats.
pub struct Locale {
    tag: String,
    fallback: bool,
    messages: Strings,
    formats: format::Formats,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("tag", &self.tag).field("fallback", &self.fallback).finish_non_exhaustive()
    }
}

/// Why a message could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    /// No locale has the key.
    #[error("no interface string `{key}` in locale `{tag}`")]
    Unknown {
        /// The key.
        key: String,
        /// The locale.
        tag: String,
    },
    /// The message has a placeholder no argument fills.
    #[error("interface string `{key}` needs the argument `{arg}`")]
    MissingArg {
        /// The key.
        key: String,
        /// The placeholder.
        arg: String,
    },
}

impl Locale {
    /// The locale of `tag` without a site's strings.
    pub fn bundled(tag: &str) -> Locale {
        Locale::build(tag, None)
    }

    /// The locale of `tag` for `site`: govsite's strings under the site's `i18n/<tag>.yaml`.
    pub fn for_site(site: &Site, tag: &str) -> Locale {
        Locale::build(tag, site.locales.iter().find(|l| l.tag.eq_ignore_ascii_case(tag)).map(|l| &l.strings))
    }

    fn build(tag: &str, own: Option<&Strings>) -> Locale {
        let bundled = bundled_tag(tag);
        let all = bundled_strings();
        let mut messages = all.get("en").cloned().unwrap_or_default();
        if let Some(strings) = bundled.filter(|b| *b != "en").and_then(|b| all.get(b)) {
            messages.extend(strings.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        if let Some(own) = own {
            messages.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let fallback = bundled.is_none() && own.is_none();
        // Plurals, numbers and dates follow the language the words are in.
        let formats_tag = if fallback { "en" } else { tag };
        let date_style = match messages.get("format.date") {
            Some(Message::Text(style)) => style.clone(),
            _ => "iso".into(),
        };
        Locale { tag: tag.to_string(), fallback, formats: format::Formats::new(formats_tag, &date_style), messages }
    }

    /// The tag asked for (as `site.language` writes it).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// True when neither govsite nor the site has strings for this tag, so they are English.
    pub fn is_fallback(&self) -> bool {
        self.fallback
    }

    /// Whether the locale has a message for `key`.
    pub fn has(&self, key: &str) -> bool {
        self.messages.contains_key(key)
    }

    /// The message `key` without arguments if the locale has it, else `fallback`'s text (a
    /// value shown as written when no locale names it).
    pub fn text_or(&self, key: &str, fallback: impl FnOnce() -> String) -> String {
        if self.has(key) {
            self.text(key)
        } else {
            fallback()
        }
    }

    /// The message `key` without arguments (the key itself if there is none, so that a
    /// missing string shows rather than disappears; the key test keeps that from shipping).
    pub fn text(&self, key: &str) -> String {
        self.t(key, &[])
    }

    /// The message `key` with its `{name}` placeholders filled from `args`, as plain text.
    pub fn t(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.try_t(key, args).unwrap_or_else(|_| key.to_string())
    }

    /// The message `key` with its placeholders filled from `args`, or why it cannot be.
    pub fn try_t(&self, key: &str, args: &[(&str, Arg)]) -> Result<String, MessageError> {
        self.write(key, |name| args.iter().find(|(n, _)| *n == name).map(|(_, a)| a.clone()), &|s| s.to_string())
    }

    /// Writes message `key`: its text through `literal` (escaping for HTML, or nothing),
    /// each placeholder from `arg` (numbers formatted for the language).
    pub(crate) fn write(
        &self,
        key: &str,
        arg: impl Fn(&str) -> Option<Arg>,
        literal: &dyn Fn(&str) -> String,
    ) -> Result<String, MessageError> {
        let unknown = || MessageError::Unknown { key: key.to_string(), tag: self.tag.clone() };
        let text = match self.messages.get(key).ok_or_else(unknown)? {
            Message::Text(text) => text.as_str(),
            Message::Plural(forms) => {
                let category = match arg("n") {
                    Some(Arg::Number(n)) => self.formats.plural_category(n),
                    _ => "other",
                };
                forms.get(category).or_else(|| forms.get("other")).map(String::as_str).unwrap_or_default()
            }
        };
        format::fill(text, |name| arg(name).map(|a| self.formats.arg(a)), literal)
            .map_err(|arg| MessageError::MissingArg { key: key.to_string(), arg })
    }

    /// `n` as the language writes numbers (`1,234`).
    pub fn number(&self, n: i64) -> String {
        self.formats.number(n)
    }

    /// A `YYYY-MM-DD` date as the language writes dates (`2025年3月1日`); anything else is
    /// returned as it is.
    pub fn date(&self, iso: &str) -> String {
        self.formats.date(iso)
    }
}

/// The locales of one render, by tag: what the template functions read.
#[derive(Debug)]
pub struct Locales {
    default: String,
    by_tag: BTreeMap<String, Arc<Locale>>,
}

impl Locales {
    /// The locales of `tags` for `site`; the first is the default.
    pub fn for_site(site: &Site, tags: &[&str]) -> Locales {
        let by_tag = tags.iter().map(|t| (t.to_string(), Arc::new(Locale::for_site(site, t)))).collect();
        Locales { default: tags.first().map_or_else(|| "en".into(), |t| t.to_string()), by_tag }
    }

    /// The same locales with `tag` as the default: what a template reads where it cannot see
    /// the page's `locale` (Tera components see only what they are given), so each
    /// language's pass of a multilingual portal speaks its own language throughout.
    pub fn speaking(&self, tag: &str) -> Locales {
        let default = if self.by_tag.contains_key(tag) { tag.to_string() } else { self.default.clone() };
        Locales { default, by_tag: self.by_tag.clone() }
    }

    /// One bundled locale (no site).
    pub fn bundled(tag: &str) -> Locales {
        Locales {
            default: tag.to_string(),
            by_tag: BTreeMap::from([(tag.to_string(), Arc::new(Locale::bundled(tag)))]),
        }
    }

    /// The tag used when a context has no `locale`.
    pub fn default_tag(&self) -> &str {
        &self.default
    }

    /// The locale of `tag`, or the default one.
    pub fn get(&self, tag: Option<&str>) -> Option<&Arc<Locale>> {
        tag.and_then(|t| self.by_tag.get(t)).or_else(|| self.by_tag.get(&self.default))
    }
}

#[cfg(test)]
mod tests;
