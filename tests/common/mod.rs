//! Shared helpers for integration tests: small fixture sites and the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The smallest site that passes every rule: structural, completeness and health.
pub const MINIMAL: &[(&str, &str)] = &[
    (
        "site.yaml",
        "title: Tiny Community\nbase_url: https://tiny.example.org/tiny/\nproject:\n  name: Tiny\n  license: MIT\n  contributing: https://github.com/tiny/tiny/blob/main/CONTRIBUTING.md\n  channels:\n    - { id: chat, type: chat, url: https://chat.tiny.example.org, public: true }\n",
    ),
    (
        "governance/charter.yaml",
        "mission: Make tiny things.\nscope:\n  in: [Tiny things]\ndecision_making:\n  model: lazy-consensus\n  body: maintainer\namendments: By a two-thirds vote of the maintainers.\n",
    ),
    (
        "governance/people.yaml",
        "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    email: bob@example.org\n    affiliation: Other Inc\n",
    ),
    (
        "governance/roles.yaml",
        "roles:\n  - id: maintainer\n    name: Maintainer\n    description: Keeps the project healthy.\n    responsibilities: [Review changes]\n    members:\n      - alice\n      - { person: bob, area: docs }\n",
    ),
    (
        "governance/ladder.yaml",
        "levels:\n  - id: contributor\n    name: Contributor\n    activities: [Open an issue]\n  - id: maintainer\n    name: Maintainer\n    role: maintainer\n    requirements: [Six months of reviews]\ninactivity: A year without activity makes a maintainer emeritus.\nremoval: The other maintainers may remove one by a two-thirds vote.\nemeritus: Emeritus maintainers are thanked and may return by lazy consensus.\n",
    ),
    (
        "governance/code-of-conduct.yaml",
        "pledge: We pledge to be kind.\nstandards:\n  positive: [Be kind]\n  negative: [Harassment]\nscope: All spaces.\nreporting:\n  contacts:\n    - { name: Conduct team, email: conduct@tiny.example.org }\nenforcement:\n  - { level: Correction, impact: Minor, consequence: A private note }\n",
    ),
    (
        "governance/security.yaml",
        "contact: { email: security@tiny.example.org }\nacknowledge_days: 3\ndisclosure_days: 90\n",
    ),
];

/// MINIMAL's site.yaml with `extra` appended (e.g. a `check:` block).
pub fn site_yaml(extra: &str) -> String {
    let base = MINIMAL.iter().find(|(p, _)| *p == "site.yaml").map_or("", |(_, t)| *t);
    format!("{base}{extra}")
}

/// A temporary site made of `MINIMAL` with `changes` applied (an empty text deletes a file).
pub fn site(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in MINIMAL {
        write(dir.path(), path, text);
    }
    for (path, text) in changes {
        if text.is_empty() {
            let _ = std::fs::remove_file(dir.path().join(path));
        } else {
            write(dir.path(), path, text);
        }
    }
    dir
}

/// A portfolio of two projects made from MINIMAL; `beta` inherits its code of conduct.
pub fn portfolio(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for project in ["projects/alpha", "projects/beta"] {
        for (path, text) in MINIMAL {
            write(&dir.path().join(project), path, text);
        }
    }
    let coc = MINIMAL.iter().find(|(p, _)| *p == "governance/code-of-conduct.yaml").unwrap().1;
    std::fs::remove_file(dir.path().join("projects/beta/governance/code-of-conduct.yaml")).unwrap();
    write(dir.path(), "org-defaults/governance/code-of-conduct.yaml", coc);
    write(dir.path(), "portfolio.yaml", "title: Acme OSPO\nbase_url: https://acme.example.org/ospo/\ndefaults: org-defaults/\nprojects: [projects/alpha, projects/beta]\n");
    for (path, text) in extra {
        write(dir.path(), path, text);
    }
    dir
}

/// Writes `text` to `root/path`, creating folders.
pub fn write(root: &Path, path: &str, text: &str) {
    let target = root.join(path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(target, text).expect("write file");
}

/// Runs the real `govsite` binary.
pub fn govsite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govsite")).args(args).env("NO_COLOR", "1").output().expect("run govsite")
}

/// Runs `govsite build SITE --output OUT`.
pub fn build(site: &Path, out: &Path) -> Output {
    govsite(&["build", &site.to_string_lossy(), "--output", &out.to_string_lossy()])
}

/// The example site shipped in the repository.
pub fn example_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site")
}

/// Reads a file of the output, panicking with its path if absent.
pub fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file under `root` with its bytes, sorted: a snapshot to compare outputs.
pub fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf(), std::fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

/// stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Copies the folder `from` to `to`, recursively (a fixture site to edit in place).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The rules' diagnostics for a fixture site with `changes`, which must load cleanly.
pub fn rules(changes: &[(&str, &str)]) -> Vec<govsite::diagnostics::Diagnostic> {
    let dir = site(changes);
    let loaded = govsite::load::load_site(dir.path()).expect("loads");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    govsite::rules::check(&loaded.site)
}

/// (line, column, message, help) of every diagnostic of `rule`.
pub fn hits(changes: &[(&str, &str)], rule: &str) -> Vec<(usize, usize, String, String)> {
    rules(changes)
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.line, d.column, d.message, d.help.unwrap_or_default()))
        .collect()
}
