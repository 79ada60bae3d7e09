//! The portal's languages: `i18n/no-locale`, a language for which there are no interface
//! strings; `schema/language` for `languages` and the tags of translation maps; and
//! `i18n/missing`, a text or page without a translation into one of the site's languages (it
//! is shown in the default language there).

use crate::diagnostics::Diagnostic;
use crate::model::{text_fields, DocStrings, Pos, Site};
use crate::suggest::did_you_mean;
use crate::wording::count;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// `i18n/no-locale`: a language of the portal (`language`, or each of `languages`) is a good
/// tag, but neither govsite nor the site's `i18n/<tag>.yaml` has interface strings for it, so
/// the portal's own words are English.
pub fn no_locale(site: &Site, out: &mut Vec<Diagnostic>) {
    let config = &site.site;
    let tags: Vec<(String, &str)> = if config.languages.is_empty() {
        vec![("language".to_string(), config.language.as_str())]
    } else {
        config.languages.iter().enumerate().map(|(i, t)| (format!("languages[{i}]"), t.as_str())).collect()
    };
    for (path, tag) in tags {
        // A tag that is not BCP 47 is `schema/language`'s to report.
        if icu_locale_core::Locale::try_from_str(tag).is_err()
            || !crate::i18n::Locale::for_site(site, tag).is_fallback()
        {
            continue;
        }
        let bundled: Vec<String> = crate::i18n::BUNDLED.iter().map(|(t, _)| format!("`{t}`")).collect();
        out.push(
            Diagnostic::warning(
                "i18n/no-locale",
                &config.file,
                config.pos(&path),
                format!(
                    "`{path}` is `{tag}`, but govsite has no interface text in that language; the portal's navigation, headings and labels are in English"
                ),
            )
            .with_label("no locale for this language")
            .with_help(format!(
                "add i18n/{tag}.yaml with the translated strings (copy a bundled locale, see docs/i18n.md), or write a language govsite ships: {}",
                bundled.join(", ")
            )),
        );
    }
}

/// `schema/language`: every language tag of site.yaml (the table's rows, `model::values`),
/// then `language` against `languages`, a language listed twice, and a translation map with a
/// tag the site does not publish.
pub fn languages(site: &Site, out: &mut Vec<Diagnostic>) {
    super::values::languages(site, out);
    let config = &site.site;
    if let (Some(first), true) = (config.languages.first(), config.source.contains("language")) {
        if config.language != *first {
            out.push(
                Diagnostic::error(
                    "schema/language",
                    &config.file,
                    config.pos("language"),
                    format!(
                        "`language` is `{}` but `languages` starts with `{first}`: the first of `languages` is the portal's default language",
                        config.language
                    ),
                )
                .with_label("not the first of `languages`")
                .with_help(format!("remove `language` (`languages` says it all), or set it to `{first}`")),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, tag) in config.languages.iter().enumerate() {
        if !seen.insert(tag.to_lowercase()) {
            out.push(
                Diagnostic::error(
                    "schema/language",
                    &config.file,
                    config.pos(&format!("languages[{i}]")),
                    format!("`{tag}` is listed twice in `languages`"),
                )
                .with_label("listed before")
                .with_help("list each language once"),
            );
        }
    }
    let known = config.languages();
    for doc in text_fields(site) {
        for ((path, _), tag) in doc.strings.iter().zip(&doc.tags) {
            let Some(tag) = tag else { continue };
            if known.contains(&tag.as_str()) {
                continue;
            }
            let hint = did_you_mean(tag, known.iter().copied()).map_or(String::new(), |q| format!("{q} "));
            out.push(
                Diagnostic::error(
                    "schema/language",
                    doc.file,
                    Pos { len: tag.chars().count(), ..doc.source.key(path) },
                    format!("`{tag}` is not one of the site's languages ({})", known.join(", ")),
                )
                .with_label("not a language of the site")
                .with_help(format!(
                    "{hint}translations are given for the languages site.yaml lists in `languages`; add `{tag}` there, or remove this translation"
                )),
            );
        }
    }
}

/// One text or page without a translation into one language.
struct Missing {
    language: String,
    file: PathBuf,
    pos: Pos,
    what: String,
    help: String,
}

/// `i18n/missing`: in a multilingual site, a prose field, a name or title written as a map of
/// translations, a page, or a ladder metric's name that lacks a language's translation. Each
/// is reported where it is written, with the count of that language's missing translations;
/// names, titles, handles and ids written as plain strings are language-neutral and never are.
pub fn missing(site: &Site, out: &mut Vec<Diagnostic>) {
    let config = &site.site;
    if !config.is_multilingual() {
        return;
    }
    let languages = config.languages();
    let default = config.default_language();
    let mut found = Vec::new();
    for doc in text_fields(site) {
        missing_in_doc(&doc, &languages, default, &mut found);
    }
    missing_pages(site, &languages, default, &mut found);
    missing_metric_names(site, &languages, default, &mut found);
    let mut per_language: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &found {
        *per_language.entry(m.language.as_str()).or_default() += 1;
    }
    for m in &found {
        let total = per_language.get(m.language.as_str()).copied().unwrap_or(0);
        out.push(
            Diagnostic::warning(
                "i18n/missing",
                &m.file,
                m.pos,
                format!(
                    "{} has no {} translation, so the {default} text is shown there ({} missing in {})",
                    m.what,
                    m.language,
                    count(total as u64, "translation"),
                    m.language
                ),
            )
            .with_label(format!("no {}", m.language))
            .with_help(m.help.clone()),
        );
    }
}

fn missing_in_doc(doc: &DocStrings, languages: &[&str], default: &str, found: &mut Vec<Missing>) {
    // The translations given for each prose field, by the field's path.
    let mut fields: BTreeMap<&str, (Vec<&str>, bool)> = BTreeMap::new();
    let mut order = Vec::new();
    for (i, (path, text)) in doc.strings.iter().enumerate() {
        // Plain text is language-neutral unless written as a map of translations.
        if (!doc.is_prose[i] && doc.tags[i].is_none()) || text.trim().is_empty() {
            continue;
        }
        let (field, tag, translated) = match &doc.tags[i] {
            Some(tag) => {
                (path.strip_suffix(tag.as_str()).and_then(|p| p.strip_suffix('.')).unwrap_or(path), tag.as_str(), true)
            }
            None => (path.as_str(), default, false),
        };
        let entry = fields.entry(field).or_insert_with(|| {
            order.push(field);
            (Vec::new(), translated)
        });
        entry.0.push(tag);
    }
    for field in order {
        let (given, translated) = &fields[field];
        for language in languages.iter().filter(|l| !given.contains(l)) {
            let (pos, help) = if *translated {
                (doc.source.key(field), format!("add `{language}: …` to this map of translations"))
            } else {
                let at = doc.source.written(field).unwrap_or_else(|| field.to_string());
                (
                    doc.source.value(&at),
                    format!("write it as a map of translations: `{{ {default}: …, {language}: … }}`"),
                )
            };
            found.push(Missing {
                language: language.to_string(),
                file: doc.file.to_path_buf(),
                pos,
                what: format!("`{field}`"),
                help,
            });
        }
    }
}

fn missing_pages(site: &Site, languages: &[&str], default: &str, found: &mut Vec<Missing>) {
    let mut by_path: BTreeMap<&str, Vec<&crate::model::Page>> = BTreeMap::new();
    for page in site.pages.iter().filter(|p| !p.front.draft) {
        by_path.entry(page.path.as_str()).or_default().push(page);
    }
    for pages in by_path.values() {
        let given: Vec<&str> = pages.iter().map(|p| p.language_or(default)).collect();
        let original = pages.iter().find(|p| p.language_or(default) == default).unwrap_or(&pages[0]);
        for language in languages.iter().filter(|l| !given.contains(l)) {
            let stem = original.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let stem = stem.rsplit_once('.').filter(|(_, t)| languages.iter().any(|l| l.eq_ignore_ascii_case(t)));
            let name = stem.map_or_else(
                || original.file.with_extension(format!("{language}.md")),
                |(name, _)| original.file.with_file_name(format!("{name}.{language}.md")),
            );
            found.push(Missing {
                language: language.to_string(),
                file: original.file.clone(),
                pos: Pos::START,
                what: "this page".into(),
                help: format!("translate it into {}", name.display().to_string().replace('\\', "/")),
            });
        }
    }
}

/// A ladder metric is named by its key (`months_active`), which each language shows as its
/// locale's `metric.<key>`; a further language without one shows the key. Reported once per
/// key, at its first use.
fn missing_metric_names(site: &Site, languages: &[&str], default: &str, found: &mut Vec<Missing>) {
    let Some(ladder) = &site.ladder else { return };
    let locales: Vec<(&str, crate::i18n::Locale)> =
        languages.iter().filter(|l| **l != default).map(|l| (*l, crate::i18n::Locale::for_site(site, l))).collect();
    let mut seen = HashSet::new();
    for (i, level) in ladder.levels.iter().enumerate() {
        for (list, metrics) in [("metrics", &level.metrics), ("upkeep", &level.upkeep)] {
            for key in metrics.keys().filter(|k| seen.insert(k.as_str())) {
                for (language, locale) in &locales {
                    if locale.has(&format!("metric.{key}")) {
                        continue;
                    }
                    let path = format!("levels[{i}].{list}.{key}");
                    found.push(Missing {
                        language: language.to_string(),
                        file: ladder.file.clone(),
                        pos: Pos { len: key.chars().count(), ..ladder.source.key(&path) },
                        what: format!("the name of metric `{key}`"),
                        help: format!("add `metric: {{ {key}: … }}` to i18n/{language}.yaml, the name shown for it"),
                    });
                }
            }
        }
    }
}
