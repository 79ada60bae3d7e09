//! Names and titles in a multilingual portal (spec v2 §5): a role's, level's, value's, group's,
//! meeting's, enforcement level's, contact's and decision's name may be a map of
//! translations (a `Label`), shown in each language, published in each language's
//! governance.json, and reported by `i18n/missing` and `schema/language` like prose.

mod common;

use common::{build, read, site, site_yaml, stderr};
use govsite::diagnostics::Diagnostic;
use std::path::Path;

const CHARTER: &str = "mission: { en: Make tiny things., zh-CN: 做小东西。 }\nscope:\n  in: [{ en: Tiny things, zh-CN: 小东西 }]\nvalues:\n  - name: { en: Openness, zh-CN: 开放 }\n    description: { en: We work in the open., zh-CN: 我们公开工作。 }\ndecision_making:\n  model: voting\n  body: maintainer\n  voting: { majority: simple }\n  thresholds:\n    - { decision: { en: Changing this charter, zh-CN: 修改章程 }, majority: two-thirds }\namendments: { en: By a two-thirds vote of the maintainers., zh-CN: 由维护者三分之二多数通过。 }\n";
const ROLES: &str = "roles:\n  - id: maintainer\n    name: { en: Maintainer, zh-CN: 维护者 }\n    body_name: { en: Maintainer Council, zh-CN: 维护者委员会 }\n    description: { en: Keeps the project healthy., zh-CN: 维护项目的健康。 }\n    responsibilities: [{ en: Review changes, zh-CN: 评审变更 }]\n    members:\n      - alice\n      - { person: bob, area: { en: Documentation, zh-CN: 文档 } }\n";
const LADDER: &str = "levels:\n  - id: contributor\n    name: { en: Contributor, zh-CN: 贡献者 }\n    activities: [{ en: Open an issue, zh-CN: 提交 issue }]\n  - id: maintainer\n    name: { en: Maintainer, zh-CN: 维护者 }\n    role: maintainer\n    requirements: [{ en: Six months of reviews, zh-CN: 六个月的评审 }]\ninactivity: { en: A year without activity makes a maintainer emeritus., zh-CN: 一年不活跃的维护者转为荣誉维护者。 }\nremoval: { en: The other maintainers may remove one by a two-thirds vote., zh-CN: 其他维护者可以三分之二多数罢免。 }\nemeritus: { en: Emeritus maintainers are thanked and may return., zh-CN: 荣誉维护者可以回归。 }\nemeritus_name: { en: Emeritus maintainer, zh-CN: 荣誉维护者 }\n";
const CONDUCT: &str = "pledge: { en: We pledge to be kind., zh-CN: 我们承诺友善待人。 }\nstandards:\n  positive: [{ en: Be kind, zh-CN: 友善 }]\n  negative: [{ en: Harassment, zh-CN: 骚扰 }]\nscope: { en: All spaces., zh-CN: 所有空间。 }\nreporting:\n  contacts:\n    - { name: { en: Conduct team, zh-CN: 行为准则小组 }, email: conduct@tiny.example.org }\n    - { person: alice, title: { en: Chair, zh-CN: 主席 } }\nenforcement:\n  - { level: { en: Correction, zh-CN: 纠正 }, impact: { en: Minor, zh-CN: 轻微 }, consequence: { en: A private note, zh-CN: 私下提醒 } }\n  - { level: { en: Warning, zh-CN: 警告 }, impact: { en: Repeated, zh-CN: 屡次 }, consequence: { en: A warning, zh-CN: 一次警告 } }\n";
const DECISIONS: &str = "decisions:\n  - id: 2025-01\n    date: 2025-01-15\n    title: { en: Adopt a code of conduct, zh-CN: 采用行为准则 }\n    outcome: accepted\n    body: maintainer\n";
const GROUPS: &str = "groups:\n  - id: docs-wg\n    name: { en: Docs Working Group, zh-CN: 文档工作组 }\n    description: { en: Writes the docs., zh-CN: 编写文档。 }\n    chairs: [bob]\n    meetings:\n      - { name: { en: Docs call, zh-CN: 文档例会 }, cadence: { en: every Tuesday, zh-CN: 每周二 }, time_utc: \"14:00\", public: true }\n";

/// A bilingual site whose every name and title has a Chinese translation.
fn bilingual(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let yaml = site_yaml("languages: [en, zh-CN]\n");
    let mut files = vec![
        ("site.yaml", yaml.as_str()),
        ("governance/charter.yaml", CHARTER),
        ("governance/roles.yaml", ROLES),
        ("governance/ladder.yaml", LADDER),
        ("governance/code-of-conduct.yaml", CONDUCT),
        ("governance/decisions.yaml", DECISIONS),
        ("governance/groups.yaml", GROUPS),
    ];
    files.extend_from_slice(changes);
    site(&files)
}

fn diagnostics(dir: &Path) -> Vec<Diagnostic> {
    govsite::check(dir, &Default::default()).expect("site loads").diagnostics
}

/// (file, line, column, message, help) of every diagnostic of `rule`.
fn located(dir: &Path, rule: &str) -> Vec<(String, usize, usize, String, String)> {
    diagnostics(dir)
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.file.to_string_lossy().replace('\\', "/"), d.line, d.column, d.message, d.help.unwrap_or_default()))
        .collect()
}

fn assert_has(page: &str, fragments: &[&str]) {
    for fragment in fragments {
        assert!(page.contains(fragment), "missing {fragment:?} in:\n{page}");
    }
}

#[test]
fn each_language_shows_its_names_and_titles() {
    let dir = bilingual(&[]);
    assert_eq!(located(dir.path(), "i18n/missing"), [], "everything is translated");
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));

    assert_has(
        &read(&out, "zh-cn/roles/index.html"),
        &[
            "<li><a href=\"#maintainer\">维护者</a></li>",
            "<h2>维护者 <span class=\"tag tag-accent\">决策机构</span>",
            "<dt>作为机构</dt>\n    <dd>维护者委员会</dd>",
            "<dd><a href=\"/tiny/zh-cn/ladder/#maintainer\">维护者</a></dd>",
            "<th scope=\"row\"><a href=\"/tiny/zh-cn/people/#bob\">Bob Li</a></th>\n        <td>Other Inc</td>\n        <td>文档</td>",
        ],
    );
    assert_has(
        &read(&out, "zh-cn/ladder/index.html"),
        &[
            "<span class=\"stair-name\">贡献者</span>",
            "<h2><span class=\"level-number\">第 2 级</span> 维护者</h2>",
            "<h3 id=\"policy-emeritus\">荣誉维护者</h3>",
        ],
    );
    assert_has(
        &read(&out, "zh-cn/charter/index.html"),
        &[
            "<dt>开放</dt>",
            "<th scope=\"row\">修改章程</th>",
            "<a href=\"/tiny/zh-cn/roles/#maintainer\">维护者委员会</a>",
        ],
    );
    assert_has(
        &read(&out, "zh-cn/code-of-conduct/index.html"),
        &[
            "<li>行为准则小组：<a href=\"mailto:conduct@tiny.example.org\">conduct@tiny.example.org</a></li>",
            "<li><a href=\"/tiny/zh-cn/people/#alice\">Alice Zhang</a>，主席</li>",
            "<h3><span class=\"scale-number\">1</span> 纠正</h3>",
            "<h3><span class=\"scale-number\">2</span> 警告</h3>",
        ],
    );
    assert_has(&read(&out, "zh-cn/decisions/index.html"), &["<h2>采用行为准则</h2>"]);
    assert_has(
        &read(&out, "zh-cn/groups/index.html"),
        &["<h2>文档工作组</h2>", "<strong>文档例会</strong>", "<br>会议频率：每周二，时间：UTC 14:00"],
    );
    // People's names are never translated; their roles' names are.
    assert_has(
        &read(&out, "zh-cn/people/index.html"),
        &["<dd><a href=\"/tiny/zh-cn/groups/#docs-wg\">文档工作组</a>（主席）</dd>"],
    );

    // The English pages keep the English names.
    assert_has(
        &read(&out, "roles/index.html"),
        &["<h2>Maintainer <span class=\"tag tag-accent\">deciding body</span>", "<td>Documentation</td>"],
    );
    assert_has(&read(&out, "ladder/index.html"), &["<h2><span class=\"level-number\">Level 2</span> Maintainer</h2>"]);
    assert_has(
        &read(&out, "charter/index.html"),
        &["<dt>Openness</dt>", "<th scope=\"row\">Changing this charter</th>"],
    );
    assert_has(
        &read(&out, "code-of-conduct/index.html"),
        &[
            "<h3><span class=\"scale-number\">1</span> Correction</h3>",
            "<li>Conduct team: ",
            "<li><a href=\"/tiny/people/#alice\">Alice Zhang</a>, Chair</li>",
        ],
    );
    assert_has(&read(&out, "decisions/index.html"), &["<h2>Adopt a code of conduct</h2>"]);
    assert_has(
        &read(&out, "groups/index.html"),
        &["<h2>Docs Working Group</h2>", "<br>Meets every Tuesday, at 14:00 UTC"],
    );
    for page in ["roles", "ladder", "charter", "code-of-conduct", "decisions", "groups"] {
        let english = read(&out, &format!("{page}/index.html"));
        assert!(!english.contains("维护者") && !english.contains("文档工作组"), "{page}: {english}");
    }
}

#[test]
fn each_further_language_publishes_its_governance_json() {
    let dir = bilingual(&[]);
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success());
    let json = |path: &str| -> serde_json::Value { serde_json::from_str(&read(&out, path)).expect("JSON") };
    let (en, zh) = (json("governance.json"), json("zh-cn/governance.json"));
    assert_eq!(en["roles"]["roles"][0]["name"], "Maintainer");
    assert_eq!(zh["roles"]["roles"][0]["name"], "维护者");
    assert_eq!(zh["roles"]["roles"][0]["body_name"], "维护者委员会");
    assert_eq!(zh["roles"]["roles"][0]["members"][1]["area"], "文档");
    assert_eq!(zh["decisions"]["decisions"][0]["title"], "采用行为准则");
    assert_eq!(zh["charter"]["mission"], "做小东西。");
    assert_eq!(zh["site"]["title"], "Tiny Community");
    assert_eq!(zh["people"]["people"][0]["name"], "Alice Zhang");
    // Each language's home page links its own.
    assert!(read(&out, "zh-cn/index.html").contains("<a href=\"/tiny/zh-cn/governance.json\">governance.json</a>"));
    assert!(read(&out, "index.html").contains("<a href=\"/tiny/governance.json\">governance.json</a>"));

    // One language: one governance.json, a name written as a map is its text there.
    let dir = site(&[(
        "governance/roles.yaml",
        &ROLES
            .replace(", zh-CN: 维护者 }", " }")
            .replace(", zh-CN: 维护者委员会 }", " }")
            .replace(", zh-CN: 维护项目的健康。 }", " }")
            .replace(", zh-CN: 评审变更 }", " }")
            .replace(", zh-CN: 文档 }", " }"),
    )]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(read(&out, "governance.json").contains("\"name\": \"Maintainer\",\n"));
    assert!(!out.join("zh-cn").exists() && !out.join("en").exists());
}

#[test]
fn a_name_without_a_translation_is_reported_where_it_is_written() {
    let roles = ROLES.replace("    name: { en: Maintainer, zh-CN: 维护者 }", "    name: { en: Maintainer }");
    let decisions = DECISIONS
        .replace("title: { en: Adopt a code of conduct, zh-CN: 采用行为准则 }", "title: Adopt a code of conduct");
    let dir = bilingual(&[("governance/roles.yaml", &roles), ("governance/decisions.yaml", &decisions)]);
    assert_eq!(
        located(dir.path(), "i18n/missing"),
        [(
            "governance/roles.yaml".to_string(),
            3,
            5,
            "`roles[0].name` has no zh-CN translation, so the en text is shown there (1 translation missing in zh-CN)"
                .to_string(),
            "add `zh-CN: …` to this map of translations".to_string()
        )],
        "a plain title is language-neutral, never reported"
    );
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success());
    assert!(
        read(&out, "zh-cn/roles/index.html").contains("<h2>Maintainer <span class=\"tag tag-accent\">决策机构</span>")
    );
    assert!(read(&out, "zh-cn/decisions/index.html").contains("<h2>Adopt a code of conduct</h2>"));
}

#[test]
fn a_name_in_an_unknown_language_is_refused_as_every_translation_map_is() {
    let roles =
        ROLES.replace("    name: { en: Maintainer, zh-CN: 维护者 }", "    name: { en: Maintainer, zh-cn: 维护者 }");
    let dir = bilingual(&[("governance/roles.yaml", &roles)]);
    let found = located(dir.path(), "schema/language");
    assert_eq!(found.len(), 1, "{found:#?}");
    let (file, line, column, message, help) = &found[0];
    assert_eq!((file.as_str(), *line, *column), ("governance/roles.yaml", 3, 29));
    // The portal's title, a translation map since multilingual portals began, says the same.
    let title = site_yaml("languages: [en, zh-CN]\n")
        .replace("title: Tiny Community\n", "title: { en: Tiny Community, zh-cn: 小社区 }\n");
    let dir = bilingual(&[("site.yaml", &title)]);
    let title_found = located(dir.path(), "schema/language");
    assert_eq!(title_found.len(), 1, "{title_found:#?}");
    assert_eq!((&title_found[0].3, &title_found[0].4), (message, help));
    assert_eq!(message, "`zh-cn` is not one of the site's languages (en, zh-CN)");
    assert!(help.starts_with("did you mean `zh-CN`? "), "{help}");
}

#[test]
fn a_translated_name_is_escaped() {
    let groups = GROUPS.replace("zh-CN: 文档工作组 }", "zh-CN: \"<script>alert(1)</script>文档\" }");
    let dir = bilingual(&[("governance/groups.yaml", &groups)]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(read(&out, "zh-cn/groups/index.html").contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt;文档</h2>"));
    // governance.json and the search index carry the text as data (the search box inserts
    // titles as text); no page, feed or image carries it as markup.
    for (path, bytes) in common::snapshot(&out).into_iter().filter(|(p, _)| p.extension().is_none_or(|e| e != "json")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{} publishes the script", path.display());
    }
}

#[test]
fn a_ladder_metric_needs_a_name_in_each_further_language() {
    let ladder = LADDER.replace(
        "    requirements: [{ en: Six months of reviews, zh-CN: 六个月的评审 }]\n",
        "    requirements: [{ en: Six months of reviews, zh-CN: 六个月的评审 }]\n    metrics: { months_active: 6, reviews: 20 }\n    upkeep: { months_active: 1 }\n",
    );
    let dir = bilingual(&[("governance/ladder.yaml", &ladder)]);
    assert_eq!(
        located(dir.path(), "i18n/missing"),
        [(
            "governance/ladder.yaml".to_string(),
            9,
            16,
            "the name of metric `months_active` has no zh-CN translation, so the en text is shown there (1 translation missing in zh-CN)".to_string(),
            "add `metric: { months_active: … }` to i18n/zh-CN.yaml, the name shown for it".to_string()
        )],
        "`reviews` has a name in govsite's locale; a key is reported once"
    );
    let dir =
        bilingual(&[("governance/ladder.yaml", &ladder), ("i18n/zh-CN.yaml", "metric:\n  months_active: 活跃月数\n")]);
    assert_eq!(located(dir.path(), "i18n/missing"), []);
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success());
    assert!(read(&out, "zh-cn/ladder/index.html").contains("<th scope=\"row\">活跃月数</th>"));
    assert!(read(&out, "ladder/index.html").contains("<th scope=\"row\">Months active</th>"));
}

#[test]
fn each_translation_of_a_name_is_checked_where_it_is_written() {
    let roles =
        ROLES.replace("    name: { en: Maintainer, zh-CN: 维护者 }", "    name: { en: Maintainer, zh-CN: TODO }");
    let dir = bilingual(&[("governance/roles.yaml", &roles)]);
    let found = located(dir.path(), "text/placeholder");
    let got: Vec<_> = found.iter().map(|(f, l, c, m, _)| (f.as_str(), *l, *c, m.as_str())).collect();
    assert_eq!(got, [("governance/roles.yaml", 3, 36, "placeholder `TODO` left in `roles[0].name.zh-CN`")]);
}

#[test]
fn a_foundation_stage_is_named_in_each_language_and_any_other_is_kept_as_written() {
    let yaml = site_yaml("  foundation: { name: CNCF, maturity: incubating }\nlanguages: [en, zh-CN]\n");
    let dir = bilingual(&[("site.yaml", yaml.as_str())]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert_has(&read(&out, "zh-cn/index.html"), &["Tiny 治理 · CNCF 孵化项目</p>"]);
    assert_has(&read(&out, "index.html"), &["Tiny governance · CNCF incubating project</p>"]);

    // A stage the foundation names otherwise is shown as written, in every language.
    let yaml = site_yaml("  foundation: { name: OpenInfra, maturity: Confirmed }\nlanguages: [en, zh-CN]\n");
    let dir = bilingual(&[("site.yaml", yaml.as_str())]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert_has(&read(&out, "zh-cn/index.html"), &["Tiny 治理 · OpenInfra Confirmed项目</p>"]);
}
