//! Nothing that runs script is published (format v2 §1, `content/unsafe-link`): links and
//! images in Markdown — inline, reference, autolink, raw HTML — to refused schemes, event
//! handlers, heading attributes, and URLs of the YAML.

mod common;

use common::{build, govsite, read, site, site_yaml, stderr};
use serde_json::Value;
use std::path::Path;

/// A page with every Markdown form of a `javascript:` / `vbscript:` / `data:` link.
const VECTORS: &str = "---\ntitle: Vectors\n---\n\
[inline](javascript:alert(1))\n\
<JaVaScRiPt:alert(2)>\n\
[reference][r] and ![image](data:image/png;base64,AAAA)\n\
Raw <a href=\"jav&#x61;script:alert(3)\">html</a> <img src=https://example.org/i.png onerror=alert(4)>\n\
[fine](https://example.org/) [also fine](/charter/)\n\
\n\
[r]: vbscript:msgbox(5)\n";

/// The same without raw HTML: before, such a page was never sanitized, so all of these were
/// published as live links.
const MARKDOWN_ONLY: &str = "---\ntitle: Plain\n---\n[inline](javascript:alert(1)) <JaVaScRiPt:alert(2)>\n\
[reference][r] ![image](data:image/png;base64,AAAA) [file](file:///etc/passwd)\n\n[r]: vbscript:msgbox(5)\n";

/// One `content/unsafe-link` of `govsite check --format json`.
#[derive(Debug)]
struct Found {
    file: String,
    line: u64,
    column: u64,
    message: String,
}

/// The exit code of `govsite check --format json` and its `content/unsafe-link` diagnostics.
fn unsafe_links(dir: &Path) -> (Option<i32>, Vec<Found>) {
    let out = govsite(&["check", &dir.to_string_lossy(), "--format", "json"]);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let found = value["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "content/unsafe-link")
        .map(|d| Found {
            file: d["file"].as_str().unwrap_or_default().to_string(),
            line: d["line"].as_u64().unwrap_or(0),
            column: d["column"].as_u64().unwrap_or(0),
            message: d["message"].as_str().unwrap_or_default().to_string(),
        })
        .collect();
    (out.status.code(), found)
}

/// Every HTML file of `out` is inert: no tag holds `javascript:`, `vbscript:` or `data:` (in
/// any case) or an `on…=` attribute. (Text may mention `javascript:` — an autolink's text,
/// a name — as long as no attribute does.)
fn assert_inert(out: &Path) {
    for entry in walkdir::WalkDir::new(out).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).unwrap().to_ascii_lowercase();
        for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!tag.contains(scheme), "{scheme} in <{tag}> of {}", path.display());
            }
            let handler = tag.split(|c: char| c.is_ascii_whitespace() || c == '/').any(|attribute| {
                attribute.starts_with("on") && attribute.contains('=') && !attribute.starts_with("one")
            });
            assert!(!handler, "event handler in <{tag}> of {}", path.display());
        }
    }
}

fn lowered(extra: &str) -> String {
    site_yaml(&format!("check:\n  rules:\n    content/unsafe-link: warning\n{extra}"))
}

#[test]
fn every_markdown_form_is_an_error_at_its_url() {
    let dir = site(&[("content/vectors.md", VECTORS)]);
    let (code, found) = unsafe_links(dir.path());
    assert_eq!(code, Some(1));
    let at: Vec<(u64, u64)> = found.iter().map(|f| (f.line, f.column)).collect();
    assert_eq!(at, [(4, 10), (5, 2), (6, 29), (7, 14), (10, 6)], "{found:?}");
    assert!(found.iter().all(|f| f.file == "content/vectors.md"));
    assert!(found[0].message.contains("`javascript:alert(1)`: the `javascript:` scheme is not allowed"), "{found:?}");
    assert!(found[4].message.contains("`vbscript:"), "{found:?}");

    let text = stderr(&govsite(&["check", &dir.path().to_string_lossy()]));
    assert!(text.contains("error[content/unsafe-link]"), "{text}");
    assert!(text.contains("--> content/vectors.md:4:10"), "{text}");
    assert!(text.contains("^^^^^^^^^^^^^^^^^^^ unsafe link"), "{text}");

    let out = dir.path().join("public");
    assert_eq!(build(dir.path(), &out).status.code(), Some(1));
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn lowered_to_a_warning_the_text_is_published_without_its_href() {
    let dir =
        site(&[("site.yaml", &lowered("")), ("content/vectors.md", VECTORS), ("content/plain.md", MARKDOWN_ONLY)]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert!(stderr(&result).contains("warning[content/unsafe-link]"));
    assert_inert(&out);
    let html = read(&out, "vectors/index.html");
    // The autolink's text is its URL; as text it is inert, and it is the only mention left.
    assert_eq!(html.to_ascii_lowercase().matches("javascript:").count(), 1, "{html}");
    for text in [
        "<p>inline\nJaVaScRiPt:alert(2)\nreference and image\nRaw <a>html</a> <img src=\"https://example.org/i.png\">",
        "href=\"/tiny/charter/\"",
    ] {
        assert!(html.contains(text), "{text} missing in {html}");
    }
    assert!(!html.contains("data:image"), "{html}");
    let plain = read(&out, "plain/index.html");
    assert!(
        plain.contains("<p>inline JaVaScRiPt:alert(2)\nreference image file</p>"),
        "published as text, without a link: {plain}"
    );
}

#[test]
fn unsafe_html_keeps_markup_but_not_handlers_or_refused_urls() {
    let page =
        "---\ntitle: Embed\n---\n<div class=\"x\" onclick=\"go()\">hi <a href=\"JAVASCRIPT:go()\">a</a></div>\n\n\
<img src=https://example.org/i.png onerror=alert(1)> <my-card data-n=\"1\"></my-card>\n\n<script>console.log(1)</script>\n";
    let dir = site(&[("site.yaml", &lowered("markdown:\n  unsafe_html: true\n")), ("content/embed.md", page)]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let html = read(&out, "embed/index.html");
    assert!(html.contains("<div class=\"x\">hi <a>a</a></div>"), "{html}");
    assert!(html.contains("<img src=\"https://example.org/i.png\"> <my-card data-n=\"1\"></my-card>"), "{html}");
    assert!(html.contains("<script>console.log(1)</script>"), "scripts are the authors' choice: {html}");
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("javascript:") && !lower.contains("onerror") && !lower.contains("onclick"), "{html}");
}

#[test]
fn yaml_prose_is_checked_at_the_url_and_published_without_it() {
    let charter = "mission: \"We make [tiny](javascript:alert(1)) things.\"\nscope:\n  in: [Tiny things]\n\
decision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: |\n  By vote.\n  See <img src=\"DATA:text/html,x\">.\n";
    let dir = site(&[("governance/charter.yaml", charter)]);
    let (code, found) = unsafe_links(dir.path());
    assert_eq!(code, Some(1));
    let at: Vec<(&str, u64, u64)> = found.iter().map(|f| (f.file.as_str(), f.line, f.column)).collect();
    assert_eq!(at, [("governance/charter.yaml", 1, 26), ("governance/charter.yaml", 9, 17)], "{found:?}");

    std::fs::write(dir.path().join("site.yaml"), lowered("")).unwrap();
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert_inert(&out);
    let html = read(&out, "charter/index.html");
    assert!(html.contains("We make tiny things."), "{html}");
    assert!(!html.to_ascii_lowercase().contains("data:text"), "{html}");
}

#[test]
fn headings_keep_only_their_id_and_classes() {
    let page = "---\ntitle: H\n---\n## Title {autofocus onfocus=alert(1) #tid .note}\n\n## Other {tabindex=1}\n";
    let dir = site(&[("content/h.md", page)]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let html = read(&out, "h/index.html");
    assert!(html.contains("<h2 id=\"tid\" class=\"note\">Title</h2>"), "{html}");
    assert!(html.contains("<h2 id=\"other\">Other</h2>"), "{html}");
    assert_inert(&out);
    assert!(!html.contains("autofocus"), "{html}");
}

#[test]
fn plain_text_is_never_markdown() {
    let people = concat!(
        "people:\n  - id: alice\n    name: \"Jun Li <jun@example>\"\n    github: alicez\n    affiliation: Example Corp\n",
        "  - id: bob\n    name: \"Bob [x](javascript:alert(1)) [y](/nope/)\"\n    email: bob@example.org\n",
        "    affiliation: Other Inc\n",
    );
    let dir = site(&[("governance/people.yaml", people)]);
    let check = govsite(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(check.status.code(), Some(0), "neither a broken nor an unsafe link: {}", stderr(&check));
    let out = dir.path().join("public");
    assert_eq!(build(dir.path(), &out).status.code(), Some(0));
    let html = read(&out, "people/index.html");
    assert!(html.contains("Jun Li &lt;jun@example&gt;"), "{html}");
    assert!(
        html.contains("Bob [x](javascript:alert(1)) [y](&#x2F;nope&#x2F;)")
            || html.contains("Bob [x](javascript:alert(1)) [y](/nope/)"),
        "{html}"
    );
    assert!(!html.contains("href=\"mailto:jun@example\""), "{html}");
}

#[test]
fn yaml_urls_with_a_refused_scheme_stop_the_build_at_each_value() {
    // `schema/url` refuses every one of them (structural: it cannot be lowered), so nothing is
    // written; the theme's `url` filter, which prints `#` for them, is the unit-tested last line.
    let site_yaml = "title: T\nbase_url: https://t.example/\nproject:\n  name: T\n  repository: javascript:alert(1)\n  license: MIT\n  sign_off: cla\n  cla_url: \" JaVaScRiPt:alert(2)\"\n  foundation: { name: F, url: \"vbscript:x\" }\n  channels:\n    - { id: chat, type: chat, url: \"javascript://x%0Aalert(3)\", public: true }\n\
nav:\n  - { title: Evil, url: \"javascript:alert(4)\" }\n";
    let conduct = "pledge: Kind.\nbased_on: { name: Covenant, url: \"javascript:alert(5)\" }\nstandards:\n  positive: [Be kind]\n  negative: [Harassment]\nscope: All.\nreporting:\n  contacts:\n    - { name: Team, email: c@t.example }\nenforcement:\n  - { level: Correction, impact: Minor, consequence: A note }\n";
    let decisions = "decisions:\n  - id: d1\n    title: D\n    date: 2024-01-02\n    outcome: accepted\n    link: \"javascript:alert(6)\"\n";
    let security = "contacts:\n  - { kind: email, address: \"javascript://x%0Aalert(7)\" }\nacknowledge_days: 3\ndisclosure_days: 90\n";
    let dir = site(&[
        ("site.yaml", site_yaml),
        ("governance/code-of-conduct.yaml", conduct),
        ("governance/decisions.yaml", decisions),
        ("governance/security.yaml", security),
    ]);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    let text = stderr(&result);
    let located: Vec<&str> = text.lines().filter(|l| l.contains("error[schema/url]")).collect();
    assert_eq!(located.len(), 8, "every refused value is reported:\n{text}");
    for at in [
        "site.yaml:5:15",
        "site.yaml:8:12",
        "site.yaml:9:31",
        "site.yaml:11:36",
        "site.yaml:13:25",
        "governance/code-of-conduct.yaml:2:34",
        "governance/decisions.yaml:6:11",
        "governance/security.yaml:2:29",
    ] {
        assert!(text.contains(&format!("--> {at}\n")), "{at} not reported:\n{text}");
    }
    assert!(!out.exists(), "nothing is written");
}
