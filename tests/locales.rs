//! The bundled locales are complete: every key a theme template or govsite's code uses is in
//! each of them, and no locale has a key the others lack.

use govsite::i18n::{bundled_messages, Locale, BUNDLED};
use govsite::model::locale::Message;
use govsite::model::values;
use std::collections::BTreeSet;
use std::path::Path;

fn keys(tag: &str) -> BTreeSet<String> {
    bundled_messages(tag).unwrap_or_else(|| panic!("no bundled locale {tag}")).keys().cloned().collect()
}

/// The text of every file under `dir` whose name ends with one of `exts`.
fn sources(dir: &str, exts: &[&str]) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && exts.iter().any(|x| e.path().to_string_lossy().ends_with(x)))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap_or_else(|err| panic!("{}: {err}", e.path().display()));
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// The string literals that follow `marker` in `text` (`t(key="site.skip"` → `site.skip`),
/// with whether the literal is only a prefix (followed by ` ~`).
fn literals_after<'a>(text: &'a str, marker: &str) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        let Some(end) = rest.find('"') else { break };
        let literal = &rest[..end];
        let prefix = rest[end + 1..].trim_start().starts_with('~');
        out.push((literal, prefix));
        rest = &rest[end + 1..];
    }
    out
}

#[test]
fn every_bundled_locale_has_the_same_keys() {
    let english = keys("en");
    assert!(english.len() > 300, "en has only {} keys", english.len());
    for (tag, _) in BUNDLED {
        let these = keys(tag);
        let missing: Vec<_> = english.difference(&these).collect();
        let extra: Vec<_> = these.difference(&english).collect();
        assert!(missing.is_empty(), "{tag} lacks keys en has: {missing:?}");
        assert!(extra.is_empty(), "{tag} has keys en lacks: {extra:?}");
    }
}

#[test]
fn plural_messages_have_the_forms_of_their_language() {
    for (tag, _) in BUNDLED {
        for (key, message) in bundled_messages(tag).into_iter().flatten() {
            if let Message::Plural(forms) = message {
                assert!(forms.contains_key("other"), "{tag}: {key} has no `other` form");
                if tag == "en" {
                    assert!(forms.contains_key("one"), "en: {key} has no `one` form");
                }
            }
        }
    }
}

#[test]
fn every_key_the_templates_use_is_in_the_locales() {
    let english = keys("en");
    let mut used = 0;
    let themes = sources("themes", &[".html", ".xml", ".txt"]);
    for (file, text) in themes.into_iter().chain(sources("src/export/templates", &[".md", ".yml"])) {
        for (literal, prefix) in literals_after(&text, "t(key=\"") {
            used += 1;
            if prefix {
                assert!(english.iter().any(|k| k.starts_with(literal)), "{file}: no key starts with `{literal}`");
            } else {
                assert!(english.contains(literal), "{file}: key `{literal}` is not in locales/en.yaml");
            }
        }
    }
    assert!(used > 300, "only {used} uses of t() found");
}

#[test]
fn every_key_govsites_code_uses_is_in_the_locales() {
    let english = keys("en");
    let mut used = 0;
    for (file, text) in sources("src", &[".rs"]) {
        for marker in [".text(\"", "locale.t(\"", "i18n_key(\""] {
            for (literal, _) in literals_after(&text, marker) {
                used += 1;
                assert!(english.contains(literal), "{file}: key `{literal}` is not in locales/en.yaml");
            }
        }
        for (literal, _) in literals_after(&text, "\"serve.") {
            used += 1;
            let key = format!("serve.{literal}");
            assert!(english.contains(&key), "{file}: key `{key}` is not in locales/en.yaml");
        }
    }
    assert!(used >= 8, "only {used} uses found");
    for document in govsite::model::DOCUMENTS {
        assert!(english.contains(&format!("doc.{}", document.key)), "no menu title doc.{}", document.key);
    }
}

#[test]
fn every_checked_word_has_its_words_in_each_locale() {
    let tables = [
        ("decision_model", &values::DECISION_MODELS),
        ("majority", &values::MAJORITIES),
        ("vote_base", &values::VOTE_BASES),
        ("channel", &values::CHANNEL_TYPES),
        ("outcome", &values::OUTCOMES),
        ("contact_kind", &values::SECURITY_CONTACT_KINDS),
        ("election_method", &values::ELECTION_METHODS),
        ("end_reason", &values::END_REASONS),
    ];
    for (tag, _) in BUNDLED {
        let these = keys(tag);
        for (group, table) in tables {
            for value in table.values {
                assert!(these.contains(&format!("enum.{group}.{value}")), "{tag}: no enum.{group}.{value}");
            }
        }
    }
}

#[test]
fn chinese_is_chinese() {
    let zh = Locale::bundled("zh-CN");
    assert_eq!(zh.text("doc.charter"), "章程");
    assert_eq!(zh.text("doc.code-of-conduct"), "行为准则");
    assert_eq!(zh.t("chart.seats_share", &[("n", 6u32.into()), ("percent", 32u32.into())]), "6 席 · 32%");
    assert_eq!(
        zh.t(
            "decisions.votes",
            &[("yes", "14 票赞成".into()), ("no", "2 票反对".into()), ("abstain", "1 票弃权".into())]
        ),
        "14 票赞成，2 票反对，1 票弃权"
    );
    assert_eq!(zh.t("security.within_days", &[("n", 3u32.into())]), "3 天内");
    let en = Locale::bundled("en");
    assert_eq!(en.t("security.within_days", &[("n", 1u32.into())]), "within 1 day");
    assert_eq!(en.t("security.within_days", &[("n", 3u32.into())]), "within 3 days");
}
