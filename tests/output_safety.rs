//! The output folder: atomic replacement, and refusal of folders govsite must never replace.

mod common;

use common::{build, govsite, site, snapshot, stderr};
use std::path::Path;

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let dir = site(&[]);
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success(), "first build must pass");
    let before = snapshot(&out);
    assert!(!before.is_empty());

    common::write(dir.path(), "governance/roles.yaml", "roles:\n  - id: maintainer\n    members: [nobody\n");
    let failed = build(dir.path(), &out);
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert_eq!(snapshot(&out), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("govsite-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left behind: {leftovers:?}");
}

#[test]
fn a_rebuild_replaces_the_output_whole() {
    let dir = site(&[("content/old.md", "---\ntitle: Old\n---\nOld page\n")]);
    let out = dir.path().join("public");
    assert!(build(dir.path(), &out).status.success());
    assert!(out.join("old/index.html").is_file());
    std::fs::remove_file(dir.path().join("content/old.md")).unwrap();
    assert!(build(dir.path(), &out).status.success());
    assert!(!out.join("old").exists(), "pages removed from the site disappear from the output");
    assert!(out.join(govsite::output::MARKER).is_file());
}

fn assert_refused(site_dir: &Path, out: &Path, home: Option<&Path>) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_govsite"));
    command.args(["build", &site_dir.to_string_lossy(), "--output", &out.to_string_lossy()]);
    if let Some(home) = home {
        command.env("HOME", home);
    }
    let result = command.output().unwrap();
    assert_eq!(result.status.code(), Some(2), "{} must be refused: {}", out.display(), stderr(&result));
    assert!(stderr(&result).contains("refusing to write the site to"), "{}", stderr(&result));
}

#[test]
fn the_site_folder_is_refused() {
    let dir = site(&[]);
    let before = snapshot(dir.path());
    assert_refused(dir.path(), dir.path(), None);
    assert_refused(dir.path(), &dir.path().join("."), None);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_folder_containing_the_site_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("site");
    for (path, text) in common::MINIMAL {
        common::write(&dir, path, text);
    }
    assert_refused(&dir, parent.path(), None);
    assert!(dir.join("site.yaml").is_file());
}

#[test]
fn the_root_folder_is_refused() {
    let dir = site(&[]);
    assert_refused(dir.path(), Path::new("/"), None);
}

#[test]
fn the_home_folder_is_refused() {
    let dir = site(&[]);
    let home = tempfile::tempdir().unwrap();
    common::write(home.path(), "notes.txt", "precious");
    assert_refused(dir.path(), home.path(), Some(home.path()));
    assert_eq!(std::fs::read_to_string(home.path().join("notes.txt")).unwrap(), "precious");
}

#[test]
fn a_non_empty_folder_not_written_by_govsite_is_refused() {
    let dir = site(&[]);
    let other = tempfile::tempdir().unwrap();
    common::write(other.path(), "thesis.tex", "years of work");
    assert_refused(dir.path(), other.path(), None);
    assert_eq!(std::fs::read_to_string(other.path().join("thesis.tex")).unwrap(), "years of work");
    // A folder inside the site that is not ours, e.g. governance/, is refused too.
    assert_refused(dir.path(), &dir.path().join("governance"), None);
}

#[test]
fn an_empty_folder_is_accepted() {
    let dir = site(&[]);
    let out = tempfile::tempdir().unwrap();
    let result = build(dir.path(), out.path());
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(out.path().join("index.html").is_file());
}

#[test]
fn a_missing_site_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let result = govsite(&["build", &empty.path().to_string_lossy()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(stderr(&result).contains("has no site.yaml"), "{}", stderr(&result));
}
