//! A multilingual portal: each language is a pass of the renderer over the model read for it
//! (`Site::in_language`), published under its prefix; every page links its translations.

use crate::model::{Page, Site};
use serde::Serialize;
use std::collections::HashSet;

/// One language of the portal and where its pages are published.
pub(super) struct Language<'a> {
    /// BCP 47 tag, as site.yaml writes it (`zh-CN`).
    pub tag: &'a str,
    /// Path prefix under the base URL: empty for the default language, else `zh-cn/`.
    pub prefix: String,
    /// The absolute address of its home page.
    pub base_url: String,
    /// The path of its home page, with slashes at both ends.
    pub base_path: String,
    /// Its name in itself, as the switcher shows it.
    pub name: String,
}

/// The site's languages, the default first; a single-language site has one, at the root.
pub(super) fn languages<'a>(
    site: &'a Site,
    base_url: &str,
    base_path: &str,
    locales: &crate::i18n::Locales,
) -> Vec<Language<'a>> {
    site.site
        .languages()
        .into_iter()
        .map(|tag| {
            let prefix = site.site.language_prefix(tag);
            // The locale's own name for its language (`meta.name`), else govsite's list.
            let name = locales
                .get(Some(tag))
                .filter(|l| l.tag() == tag && !l.is_fallback())
                .map_or_else(|| name_of(tag).to_string(), |l| l.text("meta.name"));
            Language {
                tag,
                base_url: format!("{base_url}{prefix}"),
                base_path: format!("{base_path}{prefix}"),
                prefix,
                name,
            }
        })
        .collect()
}

/// The pages of `language`, in publishing order: each page's translation into it, else the
/// default language's page (else the first written), so every address exists in every
/// language.
pub(super) fn pages_in<'a>(pages: &[&'a Page], language: &str, default: &str) -> Vec<&'a Page> {
    let written: HashSet<(&str, &str)> = pages.iter().map(|p| (p.path.as_str(), p.language_or(default))).collect();
    let has = |path: &str, lang: &str| written.contains(&(path, lang));
    let mut seen = HashSet::new();
    pages
        .iter()
        .filter(|p| {
            let lang = p.language_or(default);
            let chosen = lang == language || (!has(&p.path, language) && (lang == default || !has(&p.path, default)));
            chosen && seen.insert(p.path.as_str())
        })
        .copied()
        .collect()
}

/// The addresses published once per language (see `LinkResolver::localized`).
pub(super) fn localized_addresses(site: &Site, pages: &[&Page]) -> HashSet<String> {
    let mut out: HashSet<String> =
        ["", "search", "search-index.json", "404.html", "governance.json"].map(String::from).into();
    out.extend(crate::model::DOCUMENTS.iter().filter(|d| site.has_document(d.key)).map(|d| d.key.to_string()));
    out.extend(pages.iter().map(|p| p.path.clone()));
    out
}

/// A link to one translation of a page: the language switcher's entry, the head's
/// `<link rel="alternate">` and the sitemap's `xhtml:link`.
#[derive(Serialize, Clone)]
pub(crate) struct Translation {
    /// BCP 47 tag (`hreflang` and `lang`).
    pub tag: String,
    /// The language's name in itself, as the switcher shows it.
    pub name: String,
    /// Root-relative address (the switcher's link).
    pub url: String,
    /// Absolute, percent-encoded address (`hreflang` alternates).
    pub href: String,
    /// Whether it is the page being rendered.
    pub current: bool,
}

/// The translations of the page published at `address` (`charter/`, `` for the home page).
pub(super) fn translations(languages: &[Language], address: &str, current: &str) -> Vec<Translation> {
    if languages.len() < 2 {
        return Vec::new();
    }
    languages
        .iter()
        .map(|l| Translation {
            tag: l.tag.to_string(),
            name: l.name.clone(),
            url: format!("{}{address}", l.base_path),
            href: absolute(&l.base_url, address),
            current: l.tag == current,
        })
        .collect()
}

/// A page of the sitemap with its translations.
#[derive(Serialize)]
pub(crate) struct SitemapEntry {
    /// Its absolute, percent-encoded address.
    pub loc: String,
    /// Every language's version of it, itself included.
    pub alternates: Vec<Translation>,
}

/// A language's name in itself, for the switcher; the tag itself for a language not listed.
pub(super) fn name_of(tag: &str) -> &str {
    const NAMES: &[(&str, &str)] = &[
        ("en", "English"),
        ("zh-CN", "简体中文"),
        ("zh-Hans", "简体中文"),
        ("zh-TW", "繁體中文"),
        ("zh-Hant", "繁體中文"),
        ("zh", "中文"),
        ("ja", "日本語"),
        ("ko", "한국어"),
        ("es", "Español"),
        ("fr", "Français"),
        ("de", "Deutsch"),
        ("it", "Italiano"),
        ("pt", "Português"),
        ("pt-BR", "Português (Brasil)"),
        ("ru", "Русский"),
    ];
    NAMES.iter().find(|(t, _)| t.eq_ignore_ascii_case(tag)).map_or(tag, |(_, name)| name)
}

/// The absolute, percent-encoded address of `address` under `base_url`, as the sitemap
/// writes its own (`super::page_url`).
fn absolute(base_url: &str, address: &str) -> String {
    let base = url::Url::parse(base_url).map_or_else(|_| base_url.to_string(), String::from);
    format!("{base}{}", crate::paths::encode_url_path(address))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_percent_encoded() {
        assert_eq!(absolute("https://x.org/a/zh-cn/", "治理/"), "https://x.org/a/zh-cn/%E6%B2%BB%E7%90%86/");
    }

    #[test]
    fn names_are_autonyms() {
        assert_eq!(name_of("zh-cn"), "简体中文");
        assert_eq!(name_of("x-klingon"), "x-klingon");
    }
}
