//! Themes are swappable: the example site builds with the bundled `minimal` theme (set by
//! `theme: minimal` in site.yaml), which shows the same data and keeps the same anchors.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A copy of example-site in a temporary folder, with `theme: minimal`.
fn example_with_minimal_theme() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
    let site = tmp.path().join("site");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.expect("walk example-site");
        let rel = entry.path().strip_prefix(&from).expect("inside example-site");
        // Never copy a build lying in the example's own output folder.
        if rel.starts_with("public") {
            continue;
        }
        let target = site.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    let config = site.join("site.yaml");
    let yaml = std::fs::read_to_string(&config).expect("site.yaml");
    assert!(yaml.contains("\ntheme: default\n"), "example-site names its theme");
    std::fs::write(&config, yaml.replace("\ntheme: default\n", "\ntheme: minimal\n")).expect("write site.yaml");
    (tmp, site)
}

/// The text of an HTML page with the entities Tera writes decoded.
fn decoded(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn read(out: &Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

fn yaml(site: &Path, file: &str) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(site.join(file)).expect("read")).expect("parse")
}

#[test]
fn the_example_site_builds_with_the_minimal_theme_and_shows_its_data() {
    let (tmp, site) = example_with_minimal_theme();
    let out = tmp.path().join("out");
    let build = Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["build", &site.to_string_lossy(), "--output", &out.to_string_lossy()])
        .env("NO_COLOR", "1")
        .output()
        .expect("run govsite");
    let said = String::from_utf8_lossy(&build.stderr);
    assert_eq!(build.status.code(), Some(0), "build with theme minimal failed:\n{said}");
    assert!(!said.contains("warning[") && !said.contains("error["), "{said}");

    // Every person, by name and anchor.
    let people = read(&out, "people/index.html");
    let people_text = decoded(&people);
    let listed = yaml(&site, "governance/people.yaml");
    let listed = listed["people"].as_sequence().expect("people");
    assert!(!listed.is_empty());
    for person in listed {
        let id = person["id"].as_str().expect("id");
        let name = person["name"].as_str().expect("name");
        assert!(people.contains(&format!("id=\"{id}\"")), "people page lacks the anchor `{id}`");
        assert!(people_text.contains(name), "people page lacks `{name}`");
    }

    // Every ladder level, by anchor, and by its name in each language.
    let ladder = read(&out, "ladder/index.html");
    let zh_ladder = decoded(&read(&out, "zh-cn/ladder/index.html"));
    let levels = yaml(&site, "governance/ladder.yaml");
    let levels = levels["levels"].as_sequence().expect("levels");
    assert!(!levels.is_empty());
    for level in levels {
        let id = level["id"].as_str().expect("id");
        assert!(ladder.contains(&format!("id=\"{id}\"")), "ladder page lacks the level `{id}`");
        let (en, zh) =
            (level["name"]["en"].as_str().expect("name.en"), level["name"]["zh-CN"].as_str().expect("name.zh-CN"));
        assert!(decoded(&ladder).contains(en) && !decoded(&ladder).contains(zh), "{en}");
        assert!(zh_ladder.contains(zh), "{zh}");
    }

    // Every page of the default theme exists, styled by the minimal theme's own stylesheet
    // under the site's base path (example-site lives at /lumen/).
    assert!(out.join("assets/minimal.css").is_file());
    assert!(!out.join("assets/govsite.css").exists(), "the default theme's assets are not mixed in");
    for page in [
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
        "404.html",
    ] {
        let html = read(&out, page);
        assert!(html.contains("href=\"/lumen/assets/minimal.css\""), "{page} links the stylesheet under the base path");
        assert!(html.starts_with("<!DOCTYPE html>"), "{page}");
    }
    assert!(read(&out, "sitemap.xml").contains("<urlset"));
    assert!(read(&out, "robots.txt").contains("Sitemap: "));

    // Role, group and decision anchors, and prose rendered as Markdown.
    let roles = read(&out, "roles/index.html");
    for role in yaml(&site, "governance/roles.yaml")["roles"].as_sequence().expect("roles") {
        assert!(roles.contains(&format!("id=\"{}\"", role["id"].as_str().expect("id"))));
    }
    let groups = read(&out, "groups/index.html");
    for group in yaml(&site, "governance/groups.yaml")["groups"].as_sequence().expect("groups") {
        assert!(groups.contains(&format!("id=\"{}\"", group["id"].as_str().expect("id"))));
    }
    let decisions = read(&out, "decisions/index.html");
    for decision in yaml(&site, "governance/decisions.yaml")["decisions"].as_sequence().expect("decisions") {
        let id = match &decision["id"] {
            serde_yaml::Value::String(s) => s.clone(),
            other => panic!("decision id {other:?}"),
        };
        assert!(decisions.contains(&format!("id=\"{id}\"")), "decisions page lacks `{id}`");
    }
    let charter = read(&out, "charter/index.html");
    assert!(charter.contains("<strong>lazy consensus</strong>"), "charter prose is Markdown");
    assert!(charter.contains("href=\"/lumen/decisions/\""), "links in prose carry the base path");
}
