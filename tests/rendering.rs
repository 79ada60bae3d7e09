//! Rendering behaviour on small fixtures: escaping, overrides, drafts, symlinks, errors.

mod common;

use common::{build, read, site, stderr};

fn built(changes: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = site(changes);
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    (dir, out)
}

#[test]
fn yaml_values_are_escaped_in_html() {
    let people = "people:\n  - id: alice\n    name: \"<script>alert('x')</script> & Co\"\n    github: alicez\n    affiliation: \"A<b>C & D\"\n  - id: bob\n    name: Bob\n    email: bob@example.org\n";
    let (_dir, out) = built(&[("governance/people.yaml", people)]);
    let html = read(&out, "people/index.html");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt; &amp; Co")
            || html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"),
        "name not escaped"
    );
    assert!(html.contains("A&lt;b&gt;C &amp; D"), "affiliation not escaped");
    assert!(!html.contains("<script>alert"), "raw script in output");
    assert!(!read(&out, "roles/index.html").contains("<script>alert"));
}

#[test]
fn prose_fields_are_markdown_and_sanitized() {
    let charter = "mission: \"We make **tiny** things. <a href='https://example.org/' onclick='alert(1)'>site</a>\"\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: See [the roles](/roles/#maintainer).\n";
    let (_dir, out) = built(&[("governance/charter.yaml", charter)]);
    let html = read(&out, "charter/index.html");
    assert!(html.contains("<strong>tiny</strong>"));
    assert!(!html.contains("onclick"), "raw HTML must be sanitized");
    assert!(html.contains("<a href=\"https://example.org/\">site</a>"));
    assert!(html.contains("href=\"/tiny/roles/#maintainer\""));
}

#[test]
fn unsafe_html_keeps_raw_html_but_never_event_handlers() {
    let site_yaml = "title: T\nbase_url: https://t.example/\nproject: { name: T }\nmarkdown: { unsafe_html: true }\n";
    let (_dir, out) = built(&[
        ("site.yaml", site_yaml),
        ("content/embed.md", "---\ntitle: Embed\n---\n<div class=\"x\" onclick=\"go()\">hi</div>\n"),
    ]);
    // Format v2 §1: the site's own markup is kept, event handlers never are.
    let html = read(&out, "embed/index.html");
    assert!(html.contains("<div class=\"x\">hi</div>"), "{html}");
    assert!(!html.contains("onclick"), "{html}");
}

#[test]
fn site_templates_override_single_theme_templates() {
    let (_dir, out) = built(&[(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}Custom lost page{% endblock %}",
    )]);
    assert!(read(&out, "404.html").contains("Custom lost page"));
    assert!(!read(&out, "charter/index.html").contains("Custom lost page"));
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let dir = site(&[(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ missing.value }}\n{% endblock %}",
    )]);
    let result = build(dir.path(), &dir.path().join("public"));
    assert_eq!(result.status.code(), Some(1));
    let text = stderr(&result);
    assert!(text.contains("404.html"), "{text}");
    assert!(text.contains(":3:"), "line number missing: {text}");
    assert!(!dir.path().join("public").exists(), "nothing is written on error");
}

#[test]
fn drafts_are_skipped_unless_asked_for() {
    let dir = site(&[("content/plan.md", "---\ntitle: Plan\ndraft: true\n---\nSecret plan\n")]);
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success());
    assert!(!out.join("plan").exists());
    let result =
        common::govsite(&["build", &dir.path().to_string_lossy(), "--drafts", "--output", &out.to_string_lossy()]);
    assert!(result.status.success());
    assert!(read(&out, "plan/index.html").contains("Secret plan"));
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let dir = site(&[("content/a.md", "---\ntitle: A\n---\n[charter](/charter/)\n")]);
    let out = dir.path().join("public");
    let result = common::govsite(&[
        "build",
        &dir.path().to_string_lossy(),
        "--base-url",
        "https://x.org/other",
        "--output",
        &out.to_string_lossy(),
    ]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(read(&out, "a/index.html").contains("href=\"/other/charter/\""));
    assert!(read(&out, "sitemap.xml").contains("https://x.org/other/a/"));
}

#[test]
fn static_files_are_copied_to_the_output_root() {
    let (_dir, out) = built(&[
        ("static/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("static/CNAME", "tiny.example.org\n"),
    ]);
    assert_eq!(read(&out, "CNAME"), "tiny.example.org\n");
    assert!(out.join("img/logo.svg").is_file());
}

/// spec v2 §2: `content/` may be a link to a folder inside the site (followed, loops
/// reported), never to one outside it (reported, nothing behind it read).
#[cfg(unix)]
#[test]
fn content_may_be_a_symlink_inside_the_site_and_loops_are_reported() {
    let dir = site(&[]);
    common::write(dir.path(), "docs/pages/guide.md", "---\ntitle: Guide\n---\nLinked in\n");
    let pages = dir.path().join("docs/pages");
    std::os::unix::fs::symlink(&pages, pages.join("again")).unwrap();
    std::os::unix::fs::symlink(&pages, dir.path().join("content")).unwrap();
    let diagnostics = govsite::check(dir.path(), &Default::default()).unwrap().diagnostics;
    let loops: Vec<_> = diagnostics.iter().filter(|d| d.rule == "files/symlink-loop").collect();
    assert_eq!(loops.len(), 1, "{diagnostics:#?}");
    assert_eq!(loops[0].file.to_string_lossy(), "content/again");
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(read(&out, "guide/index.html").contains("Linked in"));
}

#[cfg(unix)]
#[test]
fn content_linked_outside_the_site_is_not_read() {
    let pages = tempfile::tempdir().unwrap();
    common::write(pages.path(), "guide.md", "---\ntitle: Outside\n---\nSECRET-PAGE\n");
    let dir = site(&[]);
    std::os::unix::fs::symlink(pages.path(), dir.path().join("content")).unwrap();
    let out = dir.path().join("public");
    let result = build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(stderr(&result).contains("warning[files/outside-link]: content is a symbolic link that leads outside"));
    assert!(!out.join("guide").exists());
    assert!(!stderr(&result).contains("SECRET"));
}

#[test]
fn chinese_text_is_searchable_by_character_pairs() {
    let (_dir, out) = built(&[("content/zh.md", "---\ntitle: 治理章程\n---\n项目由维护者共同决策。\n")]);
    let index: serde_json::Value = serde_json::from_str(&read(&out, "search-index.json")).unwrap();
    let zh = index["pages"].as_array().unwrap().iter().position(|p| p["u"] == "/tiny/zh/").unwrap() as u64;
    for term in ["治理", "章程", "维护", "决策", "治"] {
        let ids = index["terms"][term].as_array().unwrap_or_else(|| panic!("{term} not indexed"));
        assert!(ids.iter().any(|id| id.as_u64() == Some(zh)), "{term}");
    }
}

#[test]
fn files_beside_pages_are_published_and_linked() {
    let page = "---\ntitle: Release\n---\n![Flow](img/flow.svg)\n\n[the checklist](checklist.txt)\n";
    let (_dir, out) = built(&[
        ("content/guides/release.md", page),
        ("content/guides/img/flow.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("content/guides/checklist.txt", "1. Tag\n"),
    ]);
    let html = read(&out, "guides/release/index.html");
    assert!(html.contains("src=\"/tiny/guides/img/flow.svg\""), "{html}");
    assert!(html.contains("href=\"/tiny/guides/checklist.txt\""));
    assert_eq!(read(&out, "guides/checklist.txt"), "1. Tag\n");
    assert!(out.join("guides/img/flow.svg").is_file());
}
