//! Multilingual portals (spec v2 §5): `languages`, translation maps, `page.<tag>.md`
//! translations, per-language addresses, the switcher, `hreflang` alternates, the sitemap's
//! `xhtml:link`, the fallback to the default language and `i18n/missing`.

mod common;

use common::{build, read, site, site_yaml, stderr};
use govsite::diagnostics::Diagnostic;
use std::path::Path;

const CHARTER: &str = "mission:\n  en: Make tiny things.\n  zh-CN: 做小东西。\nscope:\n  in:\n    - { en: Tiny things, zh-CN: 小东西 }\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By a two-thirds vote of the maintainers.\n";
const ROLES: &str = "roles:\n  - id: maintainer\n    name: Maintainer\n    description: { en: Keeps the project healthy., zh-CN: 维护项目的健康。 }\n    responsibilities: [{ en: Review changes, zh-CN: 评审变更 }]\n    members:\n      - alice\n      - { person: bob, area: docs }\n";
const LADDER: &str = "levels:\n  - id: contributor\n    name: Contributor\n    activities: [{ en: Open an issue, zh-CN: 提交 issue }]\n  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [{ en: Six months of reviews, zh-CN: 六个月的评审 }]\ninactivity: { en: A year without activity makes a maintainer emeritus., zh-CN: 一年不活跃的维护者转为荣誉维护者。 }\nremoval: { en: The other maintainers may remove one by a two-thirds vote., zh-CN: 其他维护者可以三分之二多数罢免。 }\nemeritus: { en: Emeritus maintainers are thanked and may return., zh-CN: 荣誉维护者可以回归。 }\n";
const CONDUCT: &str = "pledge: { en: We pledge to be kind., zh-CN: 我们承诺友善待人。 }\nstandards:\n  positive: [{ en: Be kind, zh-CN: 友善 }]\n  negative: [{ en: Harassment, zh-CN: 骚扰 }]\nscope: { en: All spaces., zh-CN: 所有空间。 }\nreporting:\n  contacts:\n    - { name: Conduct team, email: conduct@tiny.example.org }\nenforcement:\n  - { level: Correction, impact: { en: Minor, zh-CN: 轻微 }, consequence: { en: A private note, zh-CN: 私下提醒 } }\n";

/// A bilingual site, English first: everything translated but the charter's `amendments`
/// (a plain string) and `content/about.md`.
fn bilingual() -> tempfile::TempDir {
    site(&[
        ("site.yaml", &site_yaml("languages: [en, zh-CN]\n")),
        ("governance/charter.yaml", CHARTER),
        ("governance/roles.yaml", ROLES),
        ("governance/ladder.yaml", LADDER),
        ("governance/code-of-conduct.yaml", CONDUCT),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        ("content/_index.zh-CN.md", "---\ntitle: 首页\n---\n欢迎。\n"),
        ("content/notes.md", "---\ntitle: Notes\n---\nSee the [charter](/charter/) and [about](about.md).\n"),
        ("content/notes.zh-CN.md", "---\ntitle: 笔记\n---\n请看[章程](/charter/)和[关于](about.md)。\n"),
        ("content/about.md", "---\ntitle: About\n---\nAbout us.\n"),
    ])
}

fn diagnostics(dir: &Path) -> Vec<Diagnostic> {
    govsite::check(dir, &Default::default()).expect("site loads").diagnostics
}

#[test]
fn missing_translations_are_counted_and_located() {
    let dir = bilingual();
    let found: Vec<_> = diagnostics(dir.path()).into_iter().filter(|d| d.rule == "i18n/missing").collect();
    let got: Vec<_> = found
        .iter()
        .map(|d| (d.file.to_string_lossy().replace('\\', "/"), d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "content/about.md".to_string(),
                1,
                1,
                "this page has no zh-CN translation, so the en text is shown there (2 translations missing in zh-CN)"
            ),
            (
                "governance/charter.yaml".to_string(),
                10,
                13,
                "`amendments` has no zh-CN translation, so the en text is shown there (2 translations missing in zh-CN)"
            ),
        ]
    );
    assert!(found.iter().all(|d| !d.is_error() && d.help.is_some()));
    assert_eq!(found[0].help.as_deref(), Some("translate it into content/about.zh-CN.md"));
    let verdict = govsite::check(dir.path(), &Default::default()).unwrap();
    assert_eq!(verdict.score, 100, "a missing translation does not lower the score");
}

#[test]
fn each_language_is_published_under_its_prefix_with_its_translations_linked() {
    let dir = bilingual();
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));

    let zh_notes = read(&out, "zh-cn/notes/index.html");
    assert!(zh_notes.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "{zh_notes}");
    assert!(zh_notes.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://tiny.example.org/tiny/notes/\">\n\
         <link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://tiny.example.org/tiny/zh-cn/notes/\">\n\
         <link rel=\"alternate\" hreflang=\"x-default\" href=\"https://tiny.example.org/tiny/notes/\">\n"
    ));
    assert!(zh_notes.contains(
        "<nav class=\"language-switcher\" aria-label=\"语言\">\n        <ul>\n          \
         <li><a href=\"/tiny/notes/\" lang=\"en\" hreflang=\"en\">English</a></li>\n          \
         <li><a href=\"/tiny/zh-cn/notes/\" lang=\"zh-CN\" hreflang=\"zh-CN\" aria-current=\"true\">简体中文</a></li>\n        </ul>\n      </nav>"
    ), "{zh_notes}");
    // Links of a translated page lead to the same language's pages.
    assert!(zh_notes
        .contains("<p>请看<a href=\"/tiny/zh-cn/charter/\">章程</a>和<a href=\"/tiny/zh-cn/about/\">关于</a>。</p>"));
    assert!(zh_notes.contains("data-index=\"/tiny/zh-cn/search-index.json\""), "search loads its language's index");
    assert!(zh_notes.contains("<link rel=\"stylesheet\" href=\"/tiny/assets/govsite.css\">"), "assets are shared");

    let en_notes = read(&out, "notes/index.html");
    assert!(en_notes.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en_notes
        .contains("<p>See the <a href=\"/tiny/charter/\">charter</a> and <a href=\"/tiny/about/\">about</a>.</p>"));
    assert!(en_notes
        .contains("<li><a href=\"/tiny/notes/\" lang=\"en\" hreflang=\"en\" aria-current=\"true\">English</a></li>"));

    // A page without a translation: the default language's content, marked as such.
    let zh_about = read(&out, "zh-cn/about/index.html");
    assert!(zh_about.contains("<article class=\"page\" lang=\"en\">") && zh_about.contains("About us."));
    assert!(!read(&out, "about/index.html").contains("<article class=\"page\" lang="));

    // Translation maps: each language's text on its own pages.
    assert!(read(&out, "zh-cn/charter/index.html").contains("做小东西。"));
    assert!(!read(&out, "charter/index.html").contains("做小东西。"));
    assert!(read(&out, "zh-cn/charter/index.html").contains("By a two-thirds vote"), "a plain string falls back");
    assert!(read(&out, "zh-cn/index.html").contains("欢迎。"));
    // Theme components (which do not see the page's `locale`) speak the pass's language too.
    assert!(read(&out, "zh-cn/charter/index.html").contains("<dt>决策方式</dt>"));
    assert!(read(&out, "charter/index.html").contains("<dt>Model</dt>"));

    // A search index per language.
    assert!(read(&out, "zh-cn/search-index.json").contains("/tiny/zh-cn/notes/"));
    assert!(!read(&out, "search-index.json").contains("/tiny/zh-cn/"));

    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"));
    assert!(sitemap.contains(
        "  <url><loc>https://tiny.example.org/tiny/zh-cn/notes/</loc>\n    \
         <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://tiny.example.org/tiny/notes/\"/>\n    \
         <xhtml:link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://tiny.example.org/tiny/zh-cn/notes/\"/>\n    \
         <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://tiny.example.org/tiny/notes/\"/>\n  </url>\n"
    ), "{sitemap}");
    assert_eq!(sitemap.matches("<url>").count(), 2 * 10, "home, 6 documents, notes, about, search; twice");
}

#[test]
fn a_single_language_site_is_unchanged() {
    let dir = site(&[("content/notes.md", "---\ntitle: Notes\n---\nText.\n")]);
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success());
    let notes = read(&out, "notes/index.html");
    assert!(
        !notes.contains("hreflang")
            && !notes.contains("language-switcher")
            && !notes.contains("<article class=\"page\" lang")
    );
    assert!(!read(&out, "sitemap.xml").contains("xhtml"));
    assert!(!out.join("en").exists());
}

#[test]
fn translation_tags_must_be_languages_of_the_site() {
    let charter = CHARTER.replace("  zh-CN: 做小东西。", "  zh-cn: 做小东西。");
    let dir = site(&[("site.yaml", &site_yaml("languages: [en, zh-CN]\n")), ("governance/charter.yaml", &charter)]);
    let errors: Vec<_> = diagnostics(dir.path()).into_iter().filter(|d| d.rule == "schema/language").collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    assert_eq!((d.file.to_string_lossy().as_ref(), d.line, d.column), ("governance/charter.yaml", 3, 3));
    assert_eq!(d.message, "`zh-cn` is not one of the site's languages (en, zh-CN)");
    assert!(d.help.as_deref().unwrap().starts_with("did you mean `zh-CN`? "), "{d:#?}");

    // In a single-language site a map in the site's language is its text; another tag is refused.
    let dir = site(&[("governance/charter.yaml", CHARTER)]);
    let errors: Vec<_> = diagnostics(dir.path()).into_iter().filter(|d| d.rule == "schema/language").collect();
    assert_eq!(errors.iter().map(|d| (d.line, d.column)).collect::<Vec<_>>(), [(3, 3), (6, 26)]);
    let only_en = "mission: { en: Make tiny things. }\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By vote.\n";
    let dir = site(&[("governance/charter.yaml", only_en)]);
    assert!(diagnostics(dir.path()).iter().all(|d| d.rule != "schema/language" && d.rule != "i18n/missing"));
}

#[test]
fn language_and_languages_must_agree() {
    let dir = site(&[("site.yaml", &site_yaml("language: en\nlanguages: [zh-CN, en, zh-CN, 中文]\n"))]);
    let errors: Vec<_> = diagnostics(dir.path()).into_iter().filter(|d| d.rule == "schema/language").collect();
    let got: Vec<_> = errors.iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
    assert_eq!(
        got,
        [
            (9, 11, "`language` is `en` but `languages` starts with `zh-CN`: the first of `languages` is the portal's default language"),
            (10, 24, "`zh-CN` is listed twice in `languages`"),
            (10, 31, "`languages[3]` is `中文`, which is not a BCP 47 language tag"),
        ],
        "{errors:#?}"
    );
}

#[test]
fn a_page_under_a_language_prefix_conflicts() {
    let dir = site(&[
        ("site.yaml", &site_yaml("languages: [en, zh-CN]\n")),
        ("content/zh-cn/notes.md", "---\ntitle: Notes\n---\nText.\n"),
    ]);
    let d: Vec<_> = diagnostics(dir.path()).into_iter().filter(|d| d.rule == "content/path-conflict").collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message, "this page would be published under `/zh-cn/`, where the portal's zh-cn pages are");
}

#[test]
fn a_language_shaped_like_a_path_is_reported_and_never_becomes_a_folder() {
    let dir = site(&[
        ("site.yaml", &site_yaml("languages: [en, zh-CN, \"../../etc\", \"x-<b>\"]\n")),
        ("governance/charter.yaml", CHARTER),
        ("governance/roles.yaml", ROLES),
        ("content/notes.md", "---\ntitle: Notes\n---\nText.\n"),
    ]);
    let found: Vec<_> = diagnostics(dir.path())
        .into_iter()
        .filter(|d| d.rule == "schema/language")
        .map(|d| (d.line, d.column, d.message))
        .collect();
    assert_eq!(
        found,
        [
            (9, 24, "`languages[2]` is `../../etc`, which is not a BCP 47 language tag".to_string()),
            (9, 37, "`languages[3]` is `x-<b>`, which is not a BCP 47 language tag".to_string()),
        ]
    );
    // schema/* cannot be lowered by a policy, so nothing is rendered either.
    assert!(matches!(govsite::render_site(dir.path(), &Default::default()), Err(govsite::Error::Invalid(_))));
}
