//! A portal entirely in Chinese: `govsite init --language zh-CN` scaffolds a site that checks
//! clean, and its portal has no English interface text, Chinese dates, CJK line breaks
//! joined without spaces, user text as written, percent-encoded sitemap addresses and a
//! search index that finds one-digit numbers. Runs the real binary.

mod common;

use common::{build, govsite, read, stderr, write};
use govsite::i18n::bundled_messages;
use govsite::model::locale::Message;

/// A Chinese site from the zh-CN scaffold, with a page under a Chinese name and a role
/// whose name must keep its case.
fn chinese_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = govsite(&["init", &dir.path().to_string_lossy(), "--language", "zh-CN"]);
    assert_eq!(output.status.code(), Some(0), "init:\n{}", stderr(&output));
    write(
        dir.path(),
        "content/治理.md",
        "---\ntitle: 治理说明\n---\n\n技术委员会负责\n社区的技术方向，撤销 SIG 须经委员会\n同意。维护者应在 3 个工作日内处理提交的PR。\n\n- [x] 成立委员会\n",
    );
    dir
}

/// The visible text of a page: tags, scripts and styles dropped, entities left.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    for skipped in ["<script", "<style"] {
        while let Some(at) = rest.find(skipped) {
            let end = rest[at..].find("</").map_or(rest.len(), |e| at + e);
            out.push_str(&rest[..at]);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    let mut text = String::new();
    let mut in_tag = false;
    for c in out.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn init_zh_cn_checks_clean() {
    let site = chinese_site();
    let output = govsite(&["check", &site.path().to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), stderr(&output));
    assert!(!text.contains("warning"), "{text}");
    let yaml = std::fs::read_to_string(site.path().join("site.yaml")).unwrap_or_default();
    assert!(yaml.contains("\nlanguage: zh-CN\n") && yaml.contains("title: 示例项目社区"), "{yaml}");
}

#[test]
fn init_refuses_a_language_it_has_no_scaffold_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = govsite(&["init", &dir.path().join("x").to_string_lossy(), "--language", "fr"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("the minimal template is not written in `fr`"), "{}", stderr(&output));
    assert!(!dir.path().join("x").exists(), "nothing is written");
}

#[test]
fn the_portal_speaks_chinese_only() {
    let site = chinese_site();
    let out = tempfile::tempdir().expect("temp dir");
    let output = build(site.path(), out.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    // Every English interface string that differs in Chinese, absent from every page.
    let (Some(en), Some(zh)) = (bundled_messages("en"), bundled_messages("zh-CN")) else { panic!("no locales") };
    let english: Vec<&str> = en
        .iter()
        .filter(|(key, _)| !key.starts_with("format."))
        .filter_map(|(key, message)| match (message, zh.get(key)) {
            (Message::Text(text), Some(Message::Text(other))) if text != other => Some(text.as_str()),
            _ => None,
        })
        .flat_map(|text| text.split(['{', '}']).step_by(2).map(str::trim).collect::<Vec<_>>())
        .filter(|fragment| fragment.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 4)
        // One lowercase word ("governance") may be the YAML's own (a folder name in code).
        .filter(|fragment| fragment.contains(' ') || fragment.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|fragment| !matches!(*fragment, "govsite" | "governance.json" | "UTC" | "BDFL" | "Issue"))
        .collect();
    let pages = [
        "index.html",
        "charter/index.html",
        "people/index.html",
        "roles/index.html",
        "ladder/index.html",
        "code-of-conduct/index.html",
        "security/index.html",
        "search/index.html",
        "404.html",
        "治理/index.html",
    ];
    for page in pages {
        let html = read(out.path(), page);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "{page}");
        let text = visible(&html);
        for fragment in &english {
            assert!(!text.contains(fragment), "{page} shows the English `{fragment}`:\n{text}");
        }
    }

    let home = read(out.path(), "index.html");
    assert!(home.contains(">章程</a>") && home.contains(">行为准则</a>"), "the menu is Chinese");
    assert!(home.contains("<span class=\"score-label\">治理完备度</span>"), "{home}");
    let roles = read(out.path(), "roles/index.html");
    assert!(roles.contains("<time datetime=\"2024-01-15\">2024年1月15日</time>"), "dates in Chinese");
    let charter = read(out.path(), "charter/index.html");
    // A folded YAML scalar: its line breaks between Chinese characters are no spaces.
    assert!(charter.contains("示例项目开发一个小巧可靠的配置文件读写库，并让它始终易于使用"), "{charter}");
    // A Markdown page: the same for soft breaks; user text keeps its case.
    let page = read(out.path(), "治理/index.html");
    assert!(
        page.contains(
            "<p>技术委员会负责社区的技术方向，撤销 SIG 须经委员会同意。维护者应在 3 个工作日内处理提交的PR。</p>"
        ),
        "{page}"
    );

    assert!(page.contains("<input type=\"checkbox\" disabled checked aria-label=\"已完成\"> 成立委员会"), "{page}");

    let sitemap = read(out.path(), "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.github.io/example-project/%E6%B2%BB%E7%90%86/</loc>"), "{sitemap}");
    assert!(!sitemap.contains("治理"), "{sitemap}");

    let index: serde_json::Value = serde_json::from_str(&read(out.path(), "search-index.json")).expect("index");
    let pages = index["pages"].as_array().cloned().unwrap_or_default();
    let id = pages.iter().position(|p| p["u"] == "/example-project/%E6%B2%BB%E7%90%86/").expect("the page is indexed");
    assert_eq!(pages[id]["t"], "治理说明 · 示例项目社区");
    for term in ["3", "工作", "作日", "sig", "pr"] {
        let ids = index["terms"][term].as_array().cloned().unwrap_or_default();
        assert!(ids.iter().any(|v| v.as_u64() == Some(id as u64)), "`{term}` does not find the page");
    }
}

#[test]
fn an_unknown_language_falls_back_to_english_with_a_warning() {
    let site = common::site(&[("site.yaml", &common::site_yaml("language: fr\n"))]);
    let output = govsite(&["check", &site.path().to_string_lossy()]);
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), stderr(&output));
    assert!(text.contains("warning[i18n/no-locale]"), "{text}");
    assert!(text.contains("site.yaml:9:11"), "{text}");
    write(site.path(), "i18n/fr.yaml", "site:\n  skip: Aller au contenu\n");
    let out = tempfile::tempdir().expect("temp dir");
    let output = build(site.path(), out.path());
    assert!(!stderr(&output).contains("i18n/no-locale"), "{}", stderr(&output));
    let home = read(out.path(), "index.html");
    assert!(home.contains(">Aller au contenu</a>") && home.contains(">Charter</a>"), "{home}");
}

/// The Chinese scaffold's code of conduct has the English scaffold's structure — Contributor
/// Covenant 3.0, the same keys, as many behaviours, report contents and enforcement steps,
/// each step with its event, consequence and repair — in Chinese.
#[test]
fn init_zh_cn_code_of_conduct_follows_the_english_scaffold() {
    let yaml = |language: &str| -> serde_yaml::Value {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        let output = govsite(&["init", &site.to_string_lossy(), "--language", language]);
        assert_eq!(output.status.code(), Some(0), "init:\n{}", stderr(&output));
        let text = std::fs::read_to_string(site.join("governance/code-of-conduct.yaml")).expect("code of conduct");
        serde_yaml::from_str(&text).expect("yaml")
    };
    let (en, zh) = (yaml("en"), yaml("zh-CN"));
    let keys = |v: &serde_yaml::Value| -> Vec<String> {
        v.as_mapping().expect("mapping").keys().filter_map(|k| k.as_str().map(String::from)).collect()
    };
    assert_eq!(keys(&zh), keys(&en));
    assert_eq!(zh["based_on"]["version"].as_str(), Some("3.0"));
    assert_eq!(zh["based_on"]["url"], en["based_on"]["url"]);
    let len = |v: &serde_yaml::Value| v.as_sequence().map_or(0, Vec::len);
    for list in
        [&["standards", "positive"][..], &["standards", "negative"], &["reporting", "contents"], &["enforcement"]]
    {
        let pick = |v: &serde_yaml::Value| list.iter().fold(v.clone(), |v, k| v[*k].clone());
        assert_eq!(len(&pick(&zh)), len(&pick(&en)), "{list:?}");
    }
    let steps = zh["enforcement"].as_sequence().expect("enforcement");
    let levels: Vec<&str> = steps.iter().filter_map(|s| s["level"].as_str()).collect();
    assert_eq!(levels, ["警告", "暂时限制参与", "暂停参与", "永久禁止"]);
    for step in steps {
        assert_eq!(keys(step), ["level", "event", "consequence", "repair"], "{step:?}");
    }
    assert_eq!(zh["reporting"]["acknowledge_days"], en["reporting"]["acknowledge_days"]);
}
