//! `govsite import`: a site from a repository's existing governance files. The fixtures are
//! small files written for these tests, in the shapes real projects use.

mod common;

use common::{govsite, read, write};

const MAINTAINERS: &str = "# Maintainers\n\n| Name | GitHub | Company | Area |\n| --- | --- | --- | --- |\n| Ann Lee | [@annlee](https://github.com/annlee) | Acme | Engine |\n| Bo Chen | bochen | Initech | Docs |\n\n## Emeritus maintainers\n\n- Dee Ray (@deeray), Globex\n";

/// A GitHub project: MAINTAINERS.md table and list, CODEOWNERS with a team, a Contributor
/// Covenant 2.1 by link, GitHub private reporting, DCO, Apache-2.0.
fn github_project() -> tempfile::TempDir {
    let repo = tempfile::tempdir().expect("temp dir");
    let files = [
        (".git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:acme/rocket.git\n"),
        ("MAINTAINERS.md", MAINTAINERS),
        (".github/CODEOWNERS", "# Owners\n* @annlee @acme/core\n/docs/ @cyd\n"),
        ("CODE_OF_CONDUCT.md", "# Code of conduct\n\nWe adopt the [Covenant](https://www.contributor-covenant.org/version/2/1/code_of_conduct.html).\nWrite to conduct@rocket.example to report.\n"),
        ("SECURITY.md", "# Security\n\nUse https://github.com/acme/rocket/security/advisories/new to report privately.\n"),
        ("CONTRIBUTING.md", "# Contributing\n\nEvery commit needs a Signed-off-by line.\n"),
        ("LICENSE", "\n                                 Apache License\n                           Version 2.0, January 2004\n"),
    ];
    for (path, text) in files {
        write(repo.path(), path, text);
    }
    repo
}

#[test]
fn a_github_project_becomes_a_site_that_builds() {
    let repo = github_project();
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let stderr = common::stderr(&output);
    let notes: Vec<&str> = stderr.lines().take(7).collect();
    assert_eq!(
        notes,
        [
            "read MAINTAINERS.md: 3 people in 3 entries (table and list)",
            "read .github/CODEOWNERS: 2 code owners; teams not resolved (their members are not in the file): @acme/core",
            "read CODE_OF_CONDUCT.md: Contributor Covenant 2.1; reports to conduct@rocket.example",
            "read SECURITY.md: reports through https://github.com/acme/rocket/security/advisories/new",
            "read CONTRIBUTING.md: asks for a DCO",
            "read LICENSE: Apache-2.0",
            &format!("wrote 7 files to {}", site.display()),
        ]
    );
    let header = "# Written by `govsite import`. Check every value; `govsite check` lists what is still\n# missing as `text/placeholder` warnings (the TODO markers).\n";
    assert_eq!(
        read(&site, "site.yaml"),
        format!("{header}title: \"rocket Community\"\nbase_url: \"https://acme.github.io/rocket/\"\nproject:\n  name: \"rocket\"\n  repository: \"https://github.com/acme/rocket\"\n  license: Apache-2.0\n  contributing: \"https://github.com/acme/rocket/blob/HEAD/CONTRIBUTING.md\"\n  sign_off: dco\n")
    );
    assert_eq!(
        read(&site, "governance/people.yaml"),
        format!("{header}people:\n  - id: annlee\n    name: \"Ann Lee\"\n    github: \"annlee\"\n    affiliation: \"Acme\"\n    area: \"Engine\"\n  - id: bochen\n    name: \"Bo Chen\"\n    github: \"bochen\"\n    affiliation: \"Initech\"\n    area: \"Docs\"\n  - id: deeray\n    name: \"Dee Ray\"\n    github: \"deeray\"\n    affiliation: \"Globex\"\n    emeritus: true\n  - id: cyd\n    name: \"TODO: the name of @cyd\"\n    github: \"cyd\"\n")
    );
    assert_eq!(
        read(&site, "governance/roles.yaml"),
        format!("{header}roles:\n  - id: maintainer\n    name: Maintainer\n    description: \"TODO: what a maintainer is in this project.\"\n    responsibilities: [\"TODO: what a maintainer must do.\"]\n    members:\n      - annlee\n      - bochen\n      - deeray\n  - id: code-owner\n    name: Code owner\n    description: \"TODO: what a code owner is in this project.\"\n    responsibilities: [\"TODO: what a code owner must do.\"]\n    members:\n      - {{ person: annlee, paths: [\"**\"] }}\n      - {{ person: cyd, paths: [\"docs/\"] }}\n")
    );
    assert_eq!(
        read(&site, "governance/code-of-conduct.yaml"),
        format!("{header}based_on:\n  name: \"Contributor Covenant\"\n  version: \"2.1\"\n  url: \"https://www.contributor-covenant.org/version/2/1/code_of_conduct/\"\n  by_reference: true\nreporting:\n  contacts:\n    - {{ name: \"Code of conduct contacts\", email: \"conduct@rocket.example\" }}\nenforcement:\n  - {{ level: \"Correction\" }}\n  - {{ level: \"Warning\" }}\n  - {{ level: \"Temporary Ban\" }}\n  - {{ level: \"Permanent Ban\" }}\n")
    );
    assert_eq!(
        read(&site, "governance/security.yaml"),
        format!("{header}contact: {{ url: \"https://github.com/acme/rocket/security/advisories/new\" }}\n")
    );
    // The site builds; what is missing is listed as warnings.
    let public = out.path().join("public");
    let built = common::build(&site, &public);
    assert_eq!(built.status.code(), Some(0), "{}", common::stderr(&built));
    let check = govsite(&["check", &site.to_string_lossy(), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&check.stdout).expect("json");
    let mut rules: Vec<&str> =
        value["diagnostics"].as_array().expect("list").iter().filter_map(|d| d["rule"].as_str()).collect();
    rules.dedup();
    assert!(rules.contains(&"text/placeholder"), "{rules:?}");
    assert_eq!(value["errors"], 0);
}

#[test]
fn a_prow_project_with_owners_and_aliases() {
    let repo = tempfile::tempdir().expect("temp dir");
    write(
        repo.path(),
        "OWNERS",
        "approvers:\n  - core-team\nreviewers:\n  - eve\nemeritus_approvers:\n  - old-timer\n",
    );
    write(repo.path(), "OWNERS_ALIASES", "aliases:\n  core-team:\n    - fay\n    - gus\n");
    write(repo.path(), "CODE_OF_CONDUCT.md", "Please see the CNCF Code of Conduct.\n");
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(common::stderr(&output).starts_with(
        "read OWNERS: 4 people in 4 entries of approvers, reviewers and emeritus_approvers, aliases expanded from OWNERS_ALIASES\nread CODE_OF_CONDUCT.md: CNCF Code of Conduct; no reporting address\n"
    ));
    let roles = read(&site, "governance/roles.yaml");
    assert!(roles.contains("    members:\n      - fay\n      - gus\n      - old-timer\n  - id: reviewer\n"), "{roles}");
    let conduct = read(&site, "governance/code-of-conduct.yaml");
    assert!(conduct.contains("    - { name: \"TODO: who receives reports (a maintainer until decided)\", person: fay }\nenforcement:\n  - { level: \"TODO: the first enforcement step\" }\n"), "{conduct}");
    let built = common::build(&site, &out.path().join("public"));
    assert_eq!(built.status.code(), Some(0), "{}", common::stderr(&built));
}

#[test]
fn an_empty_folder_still_gives_a_site_that_builds() {
    let repo = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(common::stderr(&output).starts_with("read nothing: no governance files found; every fact is a TODO\n"));
    let built = common::build(&site, &out.path().join("public"));
    assert_eq!(built.status.code(), Some(0), "{}", common::stderr(&built));
    // A second import refuses to overwrite.
    let again = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn a_cncf_project_with_dot_project_files() {
    let repo = tempfile::tempdir().expect("temp dir");
    write(repo.path(), ".project/project.yaml", "schema_version: \"1.0.0\"\nslug: demo\nname: Demo\ndescription: Demos things.\nsecurity:\n  contact: { email: security@demo.example }\nlegal:\n  identity_type: { has_dco: true }\nmaturity_log:\n  - { phase: sandbox, date: \"2024-01-02T00:00:00Z\", issue: \"https://github.com/cncf/toc/issues/1\" }\nrepositories: [\"https://github.com/demo/demo\"]\n");
    write(repo.path(), ".project/maintainers.yaml", "maintainers:\n  - project_id: demo\n    teams:\n      - name: project-maintainers\n        members: [\"@ann\", bo]\n");
    write(repo.path(), "CODE_OF_CONDUCT.md", "Our code is the Contributor Covenant, version 3.0.\n");
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(common::stderr(&output).starts_with(
        "read .project/project.yaml: Demo\nread .project/maintainers.yaml: 2 handles in the project-maintainers team\nread CODE_OF_CONDUCT.md: Contributor Covenant 3.0; no reporting address\n"
    ), "{}", common::stderr(&output));
    let site_yaml = read(&site, "site.yaml");
    assert!(site_yaml.contains("title: \"Demo Community\"\ndescription: \"Demos things.\"\n"), "{site_yaml}");
    assert!(site_yaml.ends_with("  sign_off: dco\n"), "{site_yaml}");
    assert!(read(&site, "governance/security.yaml").ends_with("contact: { email: \"security@demo.example\" }\n"));
    assert!(read(&site, "governance/code-of-conduct.yaml").contains(
        "  version: \"3.0\"\n  url: \"https://www.contributor-covenant.org/version/3/0/code_of_conduct/\"\n"
    ));
    assert!(read(&site, "governance/code-of-conduct.yaml").ends_with(
        "enforcement:\n  - { level: \"Warning\" }\n  - { level: \"Temporarily Limited Activities\" }\n  - { level: \"Temporary Suspension\" }\n  - { level: \"Permanent Ban\" }\n"
    ));
    let built = common::build(&site, &out.path().join("public"));
    assert_eq!(built.status.code(), Some(0), "{}", common::stderr(&built));
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_repository_is_not_read() {
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "secret.md", "| Name | GitHub |\n| --- | --- |\n| Eve | @eve |\n");
    let repo = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(outside.path().join("secret.md"), repo.path().join("MAINTAINERS.md")).expect("link");
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(!read(&site, "governance/people.yaml").contains("github: \"eve\""));
    assert!(common::stderr(&output).starts_with("read nothing:"), "{}", common::stderr(&output));
}

/// CODEOWNERS owners become memberships' `paths`, the field export's CODEOWNERS reads, so
/// importing a repository and exporting it again gives its owners back.
#[test]
fn codeowners_round_trip_through_import_and_export() {
    let repo = github_project();
    write(
        repo.path(),
        ".github/CODEOWNERS",
        "# Owners\n/docs/ @cyd\n/src/ @annlee @cyd\n*.md @annlee\n/src/[ab].rs @cyd\n",
    );
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = govsite(&["import", &repo.path().to_string_lossy(), "--to", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let roles = read(&site, "governance/roles.yaml");
    assert!(
        roles.ends_with("    members:\n      - { person: annlee, paths: [\"src/\", \"**/*.md\"] }\n      - { person: cyd, paths: [\"docs/\", \"src/\"] }\n"),
        "{roles}"
    );
    let exported = out.path().join("export");
    let output =
        govsite(&["export", &site.to_string_lossy(), "--to", &exported.to_string_lossy(), "--only", "CODEOWNERS"]);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let codeowners = read(&exported, "CODEOWNERS");
    let lines: Vec<&str> = codeowners.lines().filter(|l| !l.starts_with('#')).collect();
    // The same owners for the same files: `*.md` matches at any depth, as `/**/*.md` does;
    // lines of one depth follow people.yaml's order (they cannot overlap, so order does not
    // matter); the `[…]` range `paths` cannot hold is left out.
    assert_eq!(lines, ["/src/ @annlee @cyd", "/docs/ @cyd", "/**/*.md @annlee"], "{codeowners}");
}
