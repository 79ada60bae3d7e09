//! spec v2 §2: the site folder is a boundary. Every case links something of a site to a
//! "secret" outside it and asserts that the secret reaches neither the output nor any message.
#![cfg(unix)]

mod common;

use common::{build, govsite, site, snapshot, stderr};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

const SECRET: &str = "root:S3CRET-TOKEN:19000:0:99999:7:::";

/// A folder outside every site, holding a secret file and a folder with a Markdown page,
/// a template and a YAML document that all carry the secret.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "shadow", &format!("{SECRET}\n"));
    common::write(dir.path(), "etc/page.md", &format!("---\ntitle: Leak\n---\n{SECRET}\n"));
    common::write(dir.path(), "etc/404.html", &format!("<p>{SECRET}</p>\n"));
    common::write(dir.path(), "people.yaml", &format!("people: {SECRET}\n"));
    dir
}

/// Builds `site` and asserts the secret is nowhere: not in the output, stdout or stderr.
fn build_without_leak(site: &Path) -> Output {
    let out = site.join("public");
    let result = build(site, &out);
    let printed = format!("{}{}", stderr(&result), String::from_utf8_lossy(&result.stdout));
    assert!(!printed.contains("S3CRET"), "printed the secret:\n{printed}");
    for (path, bytes) in snapshot(&out) {
        assert!(!String::from_utf8_lossy(&bytes).contains("S3CRET"), "published the secret in {}", path.display());
    }
    let check = govsite(&["check", &site.to_string_lossy()]);
    assert!(!stderr(&check).contains("S3CRET"), "check printed the secret:\n{}", stderr(&check));
    result
}

#[test]
fn a_page_linked_to_a_file_outside_is_reported_not_published() {
    let (secret, dir) = (outside(), site(&[]));
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    symlink(secret.path().join("shadow"), dir.path().join("content/leak.md")).unwrap();
    let result = build_without_leak(dir.path());
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(stderr(&result).contains("warning[files/outside-link]: content/leak.md is a symbolic link"));
    assert!(!dir.path().join("public/leak").exists());
}

#[test]
fn a_content_folder_linked_outside_is_not_walked() {
    let (secret, dir) = (outside(), site(&[]));
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    symlink(secret.path().join("etc"), dir.path().join("content/etc")).unwrap();
    let result = build_without_leak(dir.path());
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(stderr(&result).contains("content/etc is a symbolic link that leads outside"));
    assert!(!dir.path().join("public/etc").exists());
}

#[test]
fn static_linked_outside_is_not_published() {
    let (secret, dir) = (outside(), site(&[]));
    symlink(secret.path().join("etc"), dir.path().join("static")).unwrap();
    let result = build_without_leak(dir.path());
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(stderr(&result).contains("static is a symbolic link that leads outside"));
    assert!(!dir.path().join("public/page.md").exists());
}

#[test]
fn a_template_linked_outside_stops_the_build() {
    let (secret, dir) = (outside(), site(&[]));
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    symlink(secret.path().join("etc/404.html"), dir.path().join("templates/404.html")).unwrap();
    let result = build_without_leak(dir.path());
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(stderr(&result).contains("templates/404.html is a symbolic link that leads outside the site folder"));
}

#[test]
fn a_governance_document_linked_outside_is_missing_and_never_parsed() {
    let (secret, dir) = (outside(), site(&[("governance/people.yaml", "")]));
    symlink(secret.path().join("people.yaml"), dir.path().join("governance/people.yaml")).unwrap();
    let result = build_without_leak(dir.path());
    assert_eq!(result.status.code(), Some(1));
    let text = stderr(&result);
    assert!(text.contains("error[files/missing]: governance/people.yaml cannot be read: it leads outside"), "{text}");
    assert!(!text.contains("schema/type"), "{text}");
}

#[test]
fn site_yaml_linked_outside_is_not_read() {
    let (secret, dir) = (outside(), site(&[("site.yaml", "")]));
    symlink(secret.path().join("shadow"), dir.path().join("site.yaml")).unwrap();
    let result = build_without_leak(dir.path());
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(stderr(&result).contains("site.yaml cannot be read: it leads outside"));
}

#[test]
fn a_theme_folder_linked_outside_is_no_theme() {
    let (secret, dir) = (outside(), site(&[]));
    common::write(secret.path(), "theme/templates/index.html", SECRET);
    std::fs::create_dir_all(dir.path().join("themes")).unwrap();
    symlink(secret.path().join("theme"), dir.path().join("themes/evil")).unwrap();
    let yaml = common::site_yaml("theme: evil\n");
    common::write(dir.path(), "site.yaml", &yaml);
    let result = build_without_leak(dir.path());
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(stderr(&result).contains("names theme `evil`"), "{}", stderr(&result));
}

#[test]
fn a_portfolio_project_outside_the_portfolio_is_refused() {
    let elsewhere = site(&[]);
    let dir = common::portfolio(&[]);
    symlink(elsewhere.path(), dir.path().join("projects/gamma")).unwrap();
    common::write(
        dir.path(),
        "portfolio.yaml",
        "title: T\nbase_url: https://t.example/\ndefaults: org-defaults/\nprojects: [projects/alpha, projects/gamma]\n",
    );
    let check = govsite(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr(&check).contains("project `projects/gamma` leads outside the portfolio folder"),
        "{}",
        stderr(&check)
    );
}
