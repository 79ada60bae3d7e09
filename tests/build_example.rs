//! Builds the shipped example site and checks the portal it produces.

mod common;

use common::{build, example_site, read, stderr};
use std::path::Path;
use std::sync::OnceLock;

/// The example site is built once for all tests of this file.
fn output() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        let result = build(&example_site(), &out.path().join("public"));
        assert!(result.status.success(), "example-site must build:\n{}", stderr(&result));
        assert!(
            !stderr(&result).contains("warning["),
            "example-site must build without warnings:\n{}",
            stderr(&result)
        );
        out
    })
    .path()
}

fn page(path: &str) -> String {
    read(&output().join("public"), path)
}

fn site() -> govsite::model::Site {
    govsite::load::load_site(&example_site()).unwrap().site
}

/// Tera's HTML escaping.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[test]
fn every_page_of_the_output_contract_exists() {
    for file in [
        "index.html",
        "charter/index.html",
        "people/index.html",
        "roles/index.html",
        "ladder/index.html",
        "code-of-conduct/index.html",
        "security/index.html",
        "groups/index.html",
        "decisions/index.html",
        "contributing/index.html",
        "guides/release-process/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        ".nojekyll",
        "governance.json",
        "logo.svg",
        "assets/govsite.css",
        "assets/syntax-light.css",
        "assets/syntax-dark.css",
    ] {
        assert!(output().join("public").join(file).is_file(), "{file} missing");
    }
}

#[test]
fn every_person_is_shown_with_affiliation_and_anchor() {
    let people = page("people/index.html");
    let site = site();
    let list = &site.people.as_ref().unwrap().people;
    assert!(list.len() >= 10);
    for person in list {
        assert!(people.contains(&escape(&person.name)), "{} missing", person.name);
        assert!(people.contains(&format!("id=\"{}\"", person.id)), "anchor {} missing", person.id);
        if let Some(affiliation) = &person.affiliation {
            assert!(people.contains(&escape(affiliation)), "{affiliation} missing");
        }
    }
}

#[test]
fn ladder_levels_appear_in_order() {
    let ladder = page("ladder/index.html");
    let site = site();
    let mut last = 0;
    for level in &site.ladder.as_ref().unwrap().levels {
        let at = ladder.find(&format!("id=\"{}\"", level.id)).unwrap_or_else(|| panic!("level {} missing", level.id));
        assert!(at > last, "level {} out of order", level.id);
        last = at;
    }
}

#[test]
fn every_root_relative_link_is_under_the_base_path() {
    for entry in walkdir::WalkDir::new(output().join("public")).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for attr in ["href=\"/", "src=\"/"] {
            for (i, _) in html.match_indices(attr) {
                let link = &html[i + attr.len() - 1..];
                let link = &link[..link.find('"').unwrap_or(link.len())];
                assert!(link.starts_with("/lumen/"), "{}: link {link} is not under /lumen/", entry.path().display());
            }
        }
    }
}

#[test]
fn markdown_links_are_rewritten_and_code_highlighted() {
    let contributing = page("contributing/index.html");
    assert!(contributing.contains("href=\"/lumen/meetings/\""), "meetings.md link not rewritten");
    assert!(contributing.contains("href=\"/lumen/guides/release-process/\""));
    assert!(contributing.contains("href=\"/lumen/code-of-conduct/\""));
    assert!(
        contributing.contains("<pre class=\"code\" data-lang=\"bash\" tabindex=\"0\"><code><span class=\"hl-"),
        "bash not highlighted"
    );
    assert!(contributing.contains("syntax-light.css"), "pages with code link the syntax stylesheet");
    assert!(!page("charter/index.html").contains("syntax-light.css"), "pages without code do not");
}

#[test]
fn sitemap_and_robots_use_absolute_urls() {
    let sitemap = page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://lumen-project.github.io/lumen/charter/</loc>"));
    assert!(sitemap.contains("<loc>https://lumen-project.github.io/lumen/guides/release-process/</loc>"));
    assert!(!sitemap.contains("404"));
    assert!(page("robots.txt").contains("Sitemap: https://lumen-project.github.io/lumen/sitemap.xml"));
}

#[test]
fn governance_json_round_trips() {
    let json: serde_json::Value = serde_json::from_str(&page("governance.json")).unwrap();
    let site = site();
    let roles: govsite::model::Roles = serde_json::from_value(json["roles"].clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&roles).unwrap(),
        serde_json::to_value(&site.roles.as_ref().unwrap().data).unwrap()
    );
    let ladder: govsite::model::Ladder = serde_json::from_value(json["ladder"].clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&ladder).unwrap(),
        serde_json::to_value(&site.ladder.as_ref().unwrap().data).unwrap()
    );
    assert_eq!(json, serde_json::to_value(&site).unwrap());
}

#[test]
fn the_live_reload_script_never_appears_in_build_output() {
    for entry in walkdir::WalkDir::new(output().join("public")).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("__govsite"), "{} carries the preview's script", entry.path().display());
        }
    }
}

#[test]
fn the_404_page_is_styled_under_the_base_path() {
    assert!(page("404.html").contains("href=\"/lumen/assets/govsite.css\""));
}

#[test]
fn the_search_index_covers_every_page_governance_included() {
    let index: serde_json::Value = serde_json::from_str(&page("search-index.json")).unwrap();
    let urls: Vec<_> =
        index["pages"].as_array().unwrap().iter().map(|p| p["u"].as_str().unwrap().to_string()).collect();
    for url in ["/lumen/", "/lumen/charter/", "/lumen/people/", "/lumen/ladder/", "/lumen/contributing/"] {
        assert!(urls.contains(&url.to_string()), "{url} missing from {urls:?}");
    }
    let people = urls.iter().position(|u| u == "/lumen/people/").unwrap();
    let hits = index["terms"]["okafor"].as_array().expect("a maintainer's surname is searchable");
    assert!(hits.iter().any(|id| id.as_u64() == Some(people as u64)));
    assert!(
        page("search/index.html").contains("href=\"/lumen/charter/\""),
        "the no-JavaScript search page lists every page"
    );
}
