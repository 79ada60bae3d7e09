//! Values that are checked, not trusted (spec v2 §1): each finding with its exact rule, file,
//! line and column, and the values version-1 sites use still pass.

mod common;

use common::{site, site_yaml, MINIMAL};
use govsite::diagnostics::Diagnostic;

/// The MINIMAL file at `path`.
fn minimal(path: &str) -> &'static str {
    MINIMAL.iter().find(|(p, _)| *p == path).map(|(_, t)| *t).unwrap_or_else(|| panic!("{path}"))
}

/// Every diagnostic of a fixture made of MINIMAL with `changes`.
fn diagnostics(changes: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = site(changes);
    govsite::check(dir.path(), &Default::default()).expect("site loads").diagnostics
}

/// The one diagnostic of `rule`, which must sit at `file:line:column`.
fn assert_one(changes: &[(&str, &str)], rule: &str, file: &str, line: usize, column: usize) -> Diagnostic {
    let hits: Vec<Diagnostic> = diagnostics(changes).into_iter().filter(|d| d.rule == rule).collect();
    assert_eq!(hits.len(), 1, "expected one {rule}, got {hits:#?}");
    let d = hits.into_iter().next().unwrap();
    assert_eq!((d.file.to_string_lossy().as_ref(), d.line, d.column), (file, line, column), "{d:#?}");
    assert!(d.is_error() && d.help.is_some(), "{d:#?}");
    d
}

fn assert_none(changes: &[(&str, &str)], rule: &str) {
    let hits: Vec<Diagnostic> = diagnostics(changes).into_iter().filter(|d| d.rule == rule).collect();
    assert!(hits.is_empty(), "{hits:#?}");
}

/// MINIMAL's site.yaml with its `base_url` replaced (line 2, the value at column 11).
fn base_url(value: &str) -> String {
    minimal("site.yaml").replace("https://tiny.example.org/tiny/", value)
}

const DECISIONS: &str = "decisions:\n  - id: d1\n    date: 2024-01-15\n    title: Adopt a ladder\n";

#[test]
fn impossible_dates() {
    let decisions = DECISIONS.replace("2024-01-15", "2024-13-01");
    let d = assert_one(&[("governance/decisions.yaml", &decisions)], "schema/date", "governance/decisions.yaml", 3, 11);
    assert!(d.message.contains("`decisions[0].date`") && d.message.contains("no month 13"), "{}", d.message);

    let people = minimal("governance/people.yaml")
        .replace("affiliation: Example Corp\n", "affiliation: Example Corp\n    since: last spring\n");
    let d = assert_one(&[("governance/people.yaml", &people)], "schema/date", "governance/people.yaml", 6, 12);
    assert!(d.message.contains("YYYY-MM-DD"), "{}", d.message);

    let roles = minimal("governance/roles.yaml")
        .replace("{ person: bob, area: docs }", "{ person: bob, area: docs, since: 2023-02-29 }");
    let d = assert_one(&[("governance/roles.yaml", &roles)], "schema/date", "governance/roles.yaml", 8, 43);
    assert!(d.message.contains("February 2023 has 28 days"), "{}", d.message);

    let page = "---\ntitle: Notes\ndate: 2024-04-31\n---\nText.\n";
    assert_one(&[("content/notes.md", page)], "schema/date", "content/notes.md", 3, 7);
}

#[test]
fn real_dates_pass() {
    let roles = minimal("governance/roles.yaml")
        .replace("{ person: bob, area: docs }", "{ person: bob, area: docs, since: 2024-02-29 }");
    let page = "---\ntitle: Notes\ndate: 2024-02-29\n---\nText.\n";
    assert_none(
        &[("governance/decisions.yaml", DECISIONS), ("governance/roles.yaml", &roles), ("content/notes.md", page)],
        "schema/date",
    );
}

#[test]
fn base_url_must_be_an_http_address() {
    for (value, why) in [
        ("javascript:alert(1)//", "`javascript:`"),
        ("tiny.example.org/tiny/", "no `https://` scheme"),
        ("\"https://tiny.example.org/\\r\\nX-Injected: 1\"", "a space or a control character"),
        ("\"https://tiny.example.org/ tiny/\"", "a space or a control character"),
        ("https://tiny.example.org/?page=1", "`?query`"),
    ] {
        let d = assert_one(&[("site.yaml", &base_url(value))], "schema/url", "site.yaml", 2, 11);
        assert!(
            d.message.contains("`base_url` cannot be the portal's address") && d.message.contains(why),
            "{value}: {}",
            d.message
        );
    }
}

#[test]
fn the_base_url_flag_is_checked_like_base_url() {
    let dir = site(&[]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = common::govsite(&[
        "build",
        &dir.path().to_string_lossy(),
        "--output",
        &public.to_string_lossy(),
        "--base-url",
        "javascript:alert(1)//",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", common::stderr(&output));
    assert!(common::stderr(&output).contains("cannot be the portal's address"), "{}", common::stderr(&output));
    assert!(!public.exists());
}

#[test]
fn links_with_unsafe_schemes() {
    let channel = "    - id: chat\n      type: chat\n      url: \"  JaVaScRiPt:alert(1)\"\n      public: true\n";
    let site_text = minimal("site.yaml")
        .replace("    - { id: chat, type: chat, url: https://chat.tiny.example.org, public: true }\n", channel);
    let d = assert_one(&[("site.yaml", &site_text)], "schema/url", "site.yaml", 10, 12);
    assert!(d.message.contains("`project.channels[0].url` is a `javascript:` link"), "{}", d.message);

    let nav = site_yaml("nav:\n  - { title: X, url: \"java\\tscript:alert(1)\" }\n");
    assert_one(&[("site.yaml", &nav)], "schema/url", "site.yaml", 10, 22);

    let decisions = format!("{DECISIONS}    link: data:text/html,hello\n");
    assert_one(&[("governance/decisions.yaml", &decisions)], "schema/url", "governance/decisions.yaml", 5, 11);

    let security =
        "contacts:\n  - { kind: email, address: \"VBScript:msgbox\", acknowledge_days: 3 }\ndisclosure_days: 90\n";
    assert_one(&[("governance/security.yaml", security)], "schema/url", "governance/security.yaml", 2, 29);

    let unknown = site_yaml("nav:\n  - { title: X, url: \"ftp://files.example.org/\" }\n");
    let d = assert_one(&[("site.yaml", &unknown)], "schema/url", "site.yaml", 10, 22);
    assert!(
        d.message.contains("`ftp:`") && d.help.unwrap_or_default().contains("http, https, mailto"),
        "{}",
        d.message
    );
}

#[test]
fn harmless_links_pass() {
    // A percent-escaped "scheme" is no scheme to a browser: a relative path, published as one.
    let nav = site_yaml("nav:\n  - { title: A, url: \"%6Aavascript:alert(1)\" }\n  - { title: B, url: \"mailto:a@example.org\" }\n  - { title: C, url: \"#top\" }\n  - { title: D, url: \"ircs://irc.libera.chat/#tiny\" }\n");
    let security = "contacts:\n  - { kind: email, address: s@tiny.example.org, acknowledge_days: 3 }\n  - { kind: form, address: \"https://tiny.example.org/report\" }\ndisclosure_days: 90\n";
    assert_none(&[("site.yaml", &nav), ("governance/security.yaml", security)], "schema/url");
}

#[test]
fn enumerations_with_did_you_mean() {
    let charter = minimal("governance/charter.yaml")
        .replace("  body: maintainer\n", "  body: maintainer\n  voting:\n    majority: strict\n");
    let d = assert_one(&[("governance/charter.yaml", &charter)], "schema/enum", "governance/charter.yaml", 8, 15);
    assert_eq!(d.help.as_deref(), Some("use one of: simple, two-thirds, three-quarters, unanimous"));

    let charter = minimal("governance/charter.yaml").replace(
        "  body: maintainer\n",
        "  body: maintainer\n  thresholds:\n    - { decision: amendment, majority: two-third, base: all-members }\n",
    );
    let d = assert_one(&[("governance/charter.yaml", &charter)], "schema/enum", "governance/charter.yaml", 8, 40);
    assert!(d.help.unwrap_or_default().starts_with("did you mean `two-thirds`?"));

    let charter = minimal("governance/charter.yaml").replace("model: lazy-consensus", "model: Lazy-Consensus");
    let d = assert_one(&[("governance/charter.yaml", &charter)], "schema/enum", "governance/charter.yaml", 5, 10);
    assert!(d.help.unwrap_or_default().starts_with("did you mean `lazy-consensus`?"));

    let security =
        "contacts:\n  - { kind: emial, address: s@tiny.example.org, acknowledge_days: 3 }\ndisclosure_days: 90\n";
    let d = assert_one(&[("governance/security.yaml", security)], "schema/enum", "governance/security.yaml", 2, 13);
    assert!(d.help.unwrap_or_default().starts_with("did you mean `email`?"));

    let decisions = format!("{DECISIONS}    outcome: approved\n");
    assert_one(&[("governance/decisions.yaml", &decisions)], "schema/enum", "governance/decisions.yaml", 5, 14);
}

#[test]
fn language_tags() {
    let d = assert_one(&[("site.yaml", &site_yaml("language: 中文\n"))], "schema/language", "site.yaml", 9, 11);
    assert!(d.message.contains("`中文`"), "{}", d.message);
    assert_eq!(d.help.as_deref(), Some("did you mean `zh-CN`? `language` is a BCP 47 tag, not the language's name"));
    let d = assert_one(&[("site.yaml", &site_yaml("language: Français\n"))], "schema/language", "site.yaml", 9, 11);
    assert!(d.help.unwrap_or_default().starts_with("did you mean `fr`?"));
    let d = assert_one(&[("site.yaml", &site_yaml("language: en_US\n"))], "schema/language", "site.yaml", 9, 11);
    assert!(d.help.unwrap_or_default().starts_with("did you mean `en-US`?"));
    assert_one(&[("site.yaml", &site_yaml("language: \"\"\n"))], "schema/language", "site.yaml", 9, 11);
    assert_none(&[("site.yaml", &site_yaml("language: zh-CN\n"))], "schema/language");
}

#[test]
fn null_on_a_required_field_is_missing_never_the_text_null() {
    let site_text = minimal("site.yaml").replace("title: Tiny Community", "title: ~");
    let d = assert_one(&[("site.yaml", &site_text)], "schema/missing-field", "site.yaml", 1, 1);
    assert!(d.message.contains("`title` is empty"), "{}", d.message);

    let people = minimal("governance/people.yaml").replace("name: Bob Li", "name: null");
    assert_one(&[("governance/people.yaml", &people)], "schema/missing-field", "governance/people.yaml", 7, 5);

    let roles = minimal("governance/roles.yaml").replace("responsibilities: [Review changes]", "responsibilities: ~");
    assert_one(&[("governance/roles.yaml", &roles)], "schema/missing-field", "governance/roles.yaml", 5, 5);

    // An optional field set to ~ is left out; nothing reads "null" or "~".
    let site_text = site_yaml("description: ~\nlanguage: ~\ntheme: null\n");
    let dir = site(&[("site.yaml", &site_text)]);
    let verdict = govsite::check(dir.path(), &Default::default()).unwrap();
    assert!(verdict.diagnostics.is_empty(), "{:#?}", verdict.diagnostics);
    let config = &verdict.site.unwrap().site;
    assert_eq!((config.description.as_str(), config.language.as_str(), config.theme.as_str()), ("", "en", "default"));
}

#[test]
fn theme_and_template_are_names_never_paths() {
    let d = assert_one(&[("site.yaml", &site_yaml("theme: ../../x\n"))], "schema/name", "site.yaml", 9, 8);
    assert!(d.message.contains("not the name of a theme"), "{}", d.message);
    assert_one(&[("site.yaml", &site_yaml("theme: \"\"\n"))], "schema/name", "site.yaml", 9, 8);
    let page = "---\ntitle: Notes\ntemplate: ../page.html\n---\nText.\n";
    assert_one(&[("content/notes.md", page)], "schema/name", "content/notes.md", 3, 11);

    // The build stops before any theme is looked for; the renderer refuses the path as well.
    let dir = site(&[("site.yaml", &site_yaml("theme: ../../x\n"))]);
    let out = tempfile::tempdir().unwrap();
    let output = common::build(dir.path(), &out.path().join("public"));
    assert_eq!(output.status.code(), Some(1), "{}", common::stderr(&output));
    assert!(!out.path().join("public").exists());
    assert!(govsite::render::theme::load(dir.path(), "../../x").is_err());
    assert!(govsite::render::theme::load(dir.path(), "default").is_ok());
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let with_bom: Vec<(&str, String)> = MINIMAL.iter().map(|(p, t)| (*p, format!("\u{feff}{t}"))).collect();
    let page = ("content/notes.md", "\u{feff}---\ntitle: Notes\n---\nText.\n".to_string());
    let changes: Vec<(&str, &str)> = with_bom.iter().chain([&page]).map(|(p, t)| (*p, t.as_str())).collect();
    let found = diagnostics(&changes);
    assert!(found.is_empty(), "{found:#?}");
    // Columns on the first line count from the first character, not from the mark.
    let site_text = format!("\u{feff}base_url: javascript:x\n{}", base_url("").replace("base_url: \n", ""));
    assert_one(&[("site.yaml", &site_text)], "schema/url", "site.yaml", 1, 11);
}

#[test]
fn a_tab_is_reported_on_its_own_line_with_tab_help() {
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n\tgithub: alicez\n";
    let d = assert_one(&[("governance/people.yaml", people)], "yaml/syntax", "governance/people.yaml", 4, 1);
    assert!(d.help.unwrap_or_default().contains("never tabs"));
}

#[test]
fn a_channel_needs_an_id_and_a_url() {
    let site_text = minimal("site.yaml").replace(
        "{ id: chat, type: chat, url: https://chat.tiny.example.org, public: true }",
        "{ type: chat, public: true }",
    );
    let found: Vec<Diagnostic> =
        diagnostics(&[("site.yaml", &site_text)]).into_iter().filter(|d| d.rule == "schema/missing-field").collect();
    let at: Vec<(String, usize, usize)> = found.iter().map(|d| (d.message.clone(), d.line, d.column)).collect();
    assert_eq!(
        at,
        [
            ("required key `id` is missing in `project.channels[0]`".to_string(), 8, 7),
            ("required key `url` is missing in `project.channels[0]`".to_string(), 8, 7)
        ]
    );
}

#[test]
fn value_rules_are_structural() {
    let found = diagnostics(&[("site.yaml", &site_yaml("check:\n  rules: { schema/url: allow }\n"))]);
    assert!(found.iter().any(|d| d.rule == "check/config" && d.line == 10), "{found:#?}");
}

#[test]
fn a_portfolio_base_url_and_language_are_checked() {
    let dir = common::portfolio(&[(
        "portfolio.yaml",
        "title: Acme OSPO\nbase_url: acme.example.org/ospo/\nlanguage: english\ndefaults: org-defaults/\nprojects: [projects/alpha, projects/beta]\n",
    )]);
    let found = govsite::check(dir.path(), &Default::default()).unwrap().diagnostics;
    let at: Vec<(&str, usize, usize)> = found.iter().map(|d| (d.rule, d.line, d.column)).collect();
    assert_eq!(at, [("schema/url", 2, 11), ("schema/language", 3, 11)], "{found:#?}");
}

#[test]
fn version_1_sites_raise_nothing_new() {
    let found = govsite::check(&common::example_site(), &Default::default()).unwrap().diagnostics;
    assert!(found.is_empty(), "{found:#?}");
    for template in ["minimal", "cncf"] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let output = common::govsite(&["init", &root.to_string_lossy(), "--template", template]);
        assert!(output.status.success(), "{}", common::stderr(&output));
        let found = govsite::check(&root, &Default::default()).unwrap().diagnostics;
        assert!(found.is_empty(), "{template}: {found:#?}");
    }
}
