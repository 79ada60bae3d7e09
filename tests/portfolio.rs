//! Portfolios: projects inherit governance documents, are checked under the portfolio's
//! policy and published under one portal.

mod common;

use common::{govsite, portfolio, read, stderr};
use std::path::Path;

fn check_json(dir: &Path) -> (Option<i32>, serde_json::Value) {
    let out = govsite(&["check", &dir.to_string_lossy(), "--format", "json"]);
    (out.status.code(), serde_json::from_slice(&out.stdout).unwrap_or_default())
}

#[test]
fn a_portfolio_builds_every_project_under_its_folder_name() {
    let dir = portfolio(&[]);
    let out = dir.path().join("public");
    let result = common::build(dir.path(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(
        read(&out, "alpha/charter/index.html").contains("href=\"/ospo/alpha/roles/\""),
        "project links carry its address"
    );
    assert!(out.join("beta/code-of-conduct/index.html").is_file(), "an inherited document is published");
    let home = read(&out, "index.html");
    assert!(home.contains("href=\"/ospo/alpha/\"") && home.contains("href=\"/ospo/beta/\""));
    let people = read(&out, "people/index.html");
    assert!(people.contains("Alice Zhang"));
    assert!(people.contains("href=\"/ospo/beta/roles/#maintainer\""), "who serves where");
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("https://acme.example.org/ospo/beta/charter/"), "{sitemap}");
}

#[test]
fn inherited_documents_count_and_problems_name_their_real_file() {
    let dir = portfolio(&[]);
    let (code, value) = check_json(dir.path());
    assert_eq!(code, Some(0), "{value}");
    assert_eq!(value["diagnostics"], serde_json::json!([]));

    let broken = "pledge: We pledge.\nstandards:\n  positive: [Be kind]\nscope: All.\nreporting:\n  contacts: []\nenforcement:\n  - { level: Correction, impact: Minor, consequence: A note }\n";
    let dir = portfolio(&[("org-defaults/governance/code-of-conduct.yaml", broken)]);
    let (code, value) = check_json(dir.path());
    assert_eq!(code, Some(1));
    let d =
        value["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "conduct/no-contact").expect("reported");
    assert_eq!(d["file"], "org-defaults/governance/code-of-conduct.yaml");
    let roles = "roles:\n  - id: maintainer\n    name: M\n    description: D\n    responsibilities: [R]\n    members: [alice, zed]\n";
    let dir = portfolio(&[("projects/alpha/governance/roles.yaml", roles)]);
    let (_, value) = check_json(dir.path());
    let d = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "people/unknown-person")
        .expect("reported");
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("projects/alpha/governance/roles.yaml"), Some(6), Some(22))
    );
}

#[test]
fn the_portfolio_policy_is_a_floor_for_every_project() {
    let strict = "title: Acme OSPO\nbase_url: https://acme.example.org/ospo/\ndefaults: org-defaults/\nprojects: [projects/alpha, projects/beta]\ncheck:\n  rules: { people/no-contact: error }\n";
    let people = "people:\n  - id: alice\n    name: Alice Zhang\n    github: alicez\n    affiliation: Example Corp\n  - id: bob\n    name: Bob Li\n    affiliation: Other Inc\n";
    let loosen = common::site_yaml("check:\n  rules: { people/no-contact: allow }\n");
    let dir = portfolio(&[
        ("portfolio.yaml", strict),
        ("projects/alpha/governance/people.yaml", people),
        ("projects/alpha/site.yaml", &loosen),
    ]);
    let (code, value) = check_json(dir.path());
    assert_eq!(code, Some(1), "a project cannot switch off what the portfolio makes an error: {value}");
    let d =
        value["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "people/no-contact").expect("reported");
    assert_eq!(d["severity"], "error");
}

#[test]
fn a_missing_project_is_reported_in_portfolio_yaml() {
    let dir = portfolio(&[(
        "portfolio.yaml",
        "title: T\nbase_url: https://t.example/\nprojects: [projects/alpha, projects/gamma]\n",
    )]);
    let (code, value) = check_json(dir.path());
    assert_eq!(code, Some(1));
    let d = &value["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["file"].as_str(), d["line"].as_u64()),
        (Some("files/missing"), Some("portfolio.yaml"), Some(3))
    );
}

#[test]
fn links_of_every_project_are_checked() {
    let page = "---\ntitle: Notes\n---\n[gone](/nowhere/)\n";
    let dir = portfolio(&[("projects/beta/content/notes.md", page)]);
    let (code, value) = check_json(dir.path());
    assert_eq!(code, Some(1));
    let d = value["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "links/broken").expect("reported");
    assert_eq!((d["file"].as_str(), d["line"].as_u64()), (Some("projects/beta/content/notes.md"), Some(4)));
}

#[test]
fn two_projects_with_one_folder_name_are_refused_and_do_not_lower_a_score() {
    let dir = portfolio(&[]);
    let copy = |from: &Path, to: &Path| {
        for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file())
        {
            let target = to.join(entry.path().strip_prefix(from).unwrap());
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), target).unwrap();
        }
    };
    copy(&dir.path().join("projects/alpha"), &dir.path().join("archive/alpha"));
    common::write(
        dir.path(),
        "portfolio.yaml",
        "title: T\nbase_url: https://t.example/\ndefaults: org-defaults/\nprojects: [projects/alpha, archive/alpha]\n",
    );
    let (code, value) = check_json(dir.path());
    assert_eq!(code, Some(1));
    let found: Vec<_> = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "portfolio/duplicate-project")
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, vec![("portfolio.yaml".to_string(), 4)]);
    assert_eq!(value["score"], 100, "a portfolio rule is not part of a project's score");
}
