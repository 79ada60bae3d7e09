//! `links/broken`: every link reaches a page, file or anchor that exists, and is reported
//! where it was written.

mod common;

use common::site;
use govsite::diagnostics::Diagnostic;

fn broken(changes: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = site(changes);
    let checked = govsite::check(dir.path(), &Default::default()).expect("site loads");
    checked.diagnostics.into_iter().filter(|d| d.rule == "links/broken").collect()
}

fn at(d: &Diagnostic) -> (String, usize, usize) {
    (d.file.to_string_lossy().into_owned(), d.line, d.column)
}

#[test]
fn good_links_pass() {
    let page = "---\ntitle: Guide\n---\n# Start here\n\n[roles](/roles/#maintainer) [people](/people/#alice) [top](#start-here) [other](other.md#part-two) [home](/) [ladder](/ladder/#maintainer)\n";
    let other = "---\ntitle: Other\n---\n## Part two\n";
    assert_eq!(broken(&[("content/guide.md", page), ("content/other.md", other)]), vec![]);
}

#[test]
fn markdown_links_are_reported_at_their_position() {
    let page = "---\ntitle: Guide\n---\nIntro\n\nSee [x](/nothing/) or [y](other.md) or [z](/roles/#nobody) or [w](#nowhere).\n";
    let found = broken(&[("content/guide.md", page)]);
    let places: Vec<_> = found.iter().map(at).collect();
    let file = "content/guide.md".to_string();
    assert_eq!(places, vec![(file.clone(), 6, 9), (file.clone(), 6, 27), (file.clone(), 6, 44), (file, 6, 67)]);
    assert!(found[2].message.contains("has no anchor `#nobody`"), "{}", found[2].message);
}

#[test]
fn links_in_yaml_prose_are_reported_in_the_yaml() {
    let charter = "mission: Read [the rules](/roles/#reviewers) first.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By vote.\n";
    let found = broken(&[("governance/charter.yaml", charter)]);
    assert_eq!(found.iter().map(at).collect::<Vec<_>>(), vec![("governance/charter.yaml".into(), 1, 27)]);
}

#[test]
fn nav_links_are_checked() {
    let site_yaml = "title: T\nbase_url: https://t.example/t/\nproject: { name: T }\nnav:\n  - { title: Meetings, url: /meetings/ }\n";
    let found = broken(&[("site.yaml", site_yaml)]);
    assert_eq!(found.iter().map(at).collect::<Vec<_>>(), vec![("site.yaml".into(), 5, 29)]);
}

#[test]
fn template_links_are_reported_in_the_template() {
    let template = "{% extends \"base.html\" %}\n{% block content %}\n<a href=\"{{ \"/lost/\" | url }}\">lost</a>\n{% endblock %}\n";
    let found = broken(&[("templates/404.html", template)]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].file.ends_with("templates/404.html"), "{found:#?}");
    assert_eq!((found[0].line, found[0].column), (3, 14));
}

#[test]
fn broken_links_stop_the_build() {
    let dir = site(&[("content/a.md", "---\ntitle: A\n---\n[x](/nothing/)\n")]);
    let out = dir.path().join("public");
    let result = common::build(dir.path(), &out);
    assert_eq!(result.status.code(), Some(1));
    assert!(common::stderr(&result).contains("error[links/broken]"));
    assert!(!out.exists());
}

/// Regression: `%` before a multi-byte character made the link check panic (exit 101) in
/// every command that checks links.
#[test]
fn percent_before_a_multibyte_character_is_reported_not_a_crash() {
    let cases = [
        ("content/a.md", "---\ntitle: A\n---\nSee [a](%€) now.\n", "content/a.md:4:9"),
        (
            "governance/charter.yaml",
            "mission: Make [a](%€) things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By vote.\n",
            "governance/charter.yaml:1:19",
        ),
    ];
    for (file, text, place) in cases {
        let dir = site(&[(file, text)]);
        let root = dir.path().to_string_lossy().into_owned();
        let out = dir.path().join("public").to_string_lossy().into_owned();
        let export = dir.path().join("export").to_string_lossy().into_owned();
        for args in
            [vec!["check", &root], vec!["build", &root, "--output", &out], vec!["export", &root, "--to", &export]]
        {
            let result = common::govsite(&args);
            let stderr = common::stderr(&result);
            assert_eq!(result.status.code(), Some(1), "{args:?} on {file}: {stderr}");
            assert!(stderr.contains("broken link `%€`") && stderr.contains(place), "{args:?} on {file}: {stderr}");
        }
    }
}

/// Anchors and links are read as a browser reads them: any quoting, any entity.
#[test]
fn anchors_and_links_however_written_in_raw_html() {
    let site_yaml = common::site_yaml("markdown:\n  unsafe_html: true\n");
    let other = "---\ntitle: Other\n---\n<span id='single'></span> <span id=bare></span> <span id=\"caf&#233;\"></span> <span id=\"&#x4E2D;\"></span>\n\n<a href='/lost/'>lost</a>\n";
    let page = "---\ntitle: Guide\n---\n[a](other.md#single) [b](other.md#bare) [c](other.md#café) [d](other.md#caf%C3%A9) [e](other.md#中) [f](other.md#nope)\n";
    let found = broken(&[("site.yaml", &site_yaml), ("content/other.md", other), ("content/guide.md", page)]);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(found.len(), 2, "{messages:#?}");
    assert!(messages.iter().any(|m| m.contains("has no anchor `#nope`")), "{messages:#?}");
    assert!(messages.iter().any(|m| m.contains("broken link `/lost/`")), "{messages:#?}");
}

/// Issue 9: a link on the second line of a folded YAML text, in a quoted one, and a URL field
/// the theme prints are each reported where the author wrote them.
#[test]
fn yaml_links_are_located_where_they_are_written() {
    let charter = "mission: >-\n  Make tiny things,\n  see [gone](/nowhere/) and [again](/nowhere-2/).\nvision: \"Quoted [q](/quoted-gone/) here.\"\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By a two-thirds vote of the maintainers.\n";
    let site_yaml = common::MINIMAL[0]
        .1
        .replace("contributing: https://github.com/tiny/tiny/blob/main/CONTRIBUTING.md", "contributing: /gone-guide/");
    let found = broken(&[("governance/charter.yaml", charter), ("site.yaml", &site_yaml)]);
    let mut located: Vec<_> = found.iter().map(at).collect();
    located.sort();
    assert_eq!(
        located,
        vec![
            ("governance/charter.yaml".to_string(), 3, 14),
            ("governance/charter.yaml".to_string(), 3, 37),
            ("governance/charter.yaml".to_string(), 4, 21),
            ("site.yaml".to_string(), 6, 17),
        ],
        "{found:#?}"
    );
}

/// A broken link in raw HTML of a YAML text is the author's: reported in the YAML, as written
/// (raw HTML is published unrewritten), never at a template's first line.
#[test]
fn raw_html_links_in_yaml_prose_are_reported_in_the_yaml() {
    let charter = "mission: Make <a href=\"/raw-gone/\">tiny</a> things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By a two-thirds vote of the maintainers.\n";
    let found = broken(&[("governance/charter.yaml", charter)]);
    let located: Vec<_> = found.iter().map(at).collect();
    assert_eq!(located, vec![("governance/charter.yaml".to_string(), 1, 24)], "{found:#?}");
}
