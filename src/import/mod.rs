//! `govsite import [REPO] --to DIR`: a site from the governance files a repository already
//! has — GOVERNANCE.md, MAINTAINERS.md, CODEOWNERS, OWNERS/OWNERS_ALIASES, CODE_OF_CONDUCT.md, SECURITY.md,
//! CONTRIBUTING.md, LICENSE and the `origin` remote.
//!
//! Only facts the files state are written; every required fact that could not be found
//! becomes a `TODO:` text, which `text/placeholder` reports, so `govsite check` lists the
//! remaining work and the site builds from the first minute.

mod charter;
mod committee;
mod documents;
mod dot_project;
mod emit;
pub mod governance;
mod maintainers;
mod owners;
pub mod people;

use people::{Found, Roster};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The largest file read: governance files are small, and a bounded read keeps a stray
/// binary from costing memory (spec v2 §3).
const MAX_FILE: u64 = 1 << 20;

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// REPO is not a folder.
    #[error("`{}` is not a folder", .0.display())]
    NotAFolder(PathBuf),
    /// The target folder exists and is not empty.
    #[error("`{}` is not empty; import writes a new site, give an empty or new folder with --to", .0.display())]
    NotEmpty(PathBuf),
    /// Writing failed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// What the repository said, ready to be written as a site.
#[derive(Debug, Default)]
pub struct Imported {
    /// The project's name: the remote's repository name, else REPO's folder name.
    pub name: String,
    /// One line about the project (`.project/project.yaml`).
    pub description: Option<String>,
    /// `https://github.com/owner/name`, from the `origin` remote.
    pub repository: Option<String>,
    /// `owner` and `name` of a GitHub remote, for the Pages address.
    pub github: Option<(String, String)>,
    /// SPDX identifier from LICENSE.
    pub license: Option<&'static str>,
    /// `dco` or `cla`, from CONTRIBUTING.md.
    pub sign_off: Option<&'static str>,
    /// CONTRIBUTING.md's path, when there is one.
    pub contributing: Option<String>,
    /// Everyone found.
    pub roster: Roster,
    /// The code of conduct, when there is one.
    pub conduct: Option<documents::Conduct>,
    /// SECURITY.md's reporting route.
    pub security: Option<documents::SecurityContact>,
    /// What GOVERNANCE.md says about deciding, when there is one.
    pub governance: Option<governance::Governance>,
    /// What was read and understood, one line per file, for the report.
    pub notes: Vec<String>,
}

/// What `import` did.
#[derive(Debug)]
pub struct Report {
    /// What was read and understood.
    pub notes: Vec<String>,
    /// The files written, relative to the target folder.
    pub files: Vec<PathBuf>,
}

/// The first of `names` that exists under `repo`, with its text (at most [`MAX_FILE`] bytes,
/// invalid UTF-8 replaced).
fn first(repo: &Path, names: &[&str]) -> Option<(String, String)> {
    use std::io::Read;
    let root = std::fs::canonicalize(repo).ok()?;
    for name in names {
        let path = repo.join(name);
        // A symbolic link out of the repository (`MAINTAINERS.md -> ~/.ssh/…`) is not read:
        // what import reads is what the repository holds.
        if !path.is_file() || !std::fs::canonicalize(&path).is_ok_and(|real| real.starts_with(&root)) {
            continue;
        }
        let mut bytes = Vec::new();
        let file = std::fs::File::open(&path).ok()?;
        file.take(MAX_FILE).read_to_end(&mut bytes).ok()?;
        return Some(((*name).to_string(), String::from_utf8_lossy(&bytes).into_owned()));
    }
    None
}

fn count(n: usize, noun: &str) -> String {
    crate::wording::count(n as u64, noun)
}

/// Reads what `repo` has.
pub fn read(repo: &Path) -> Result<Imported, ImportError> {
    if !repo.is_dir() {
        return Err(ImportError::NotAFolder(repo.to_path_buf()));
    }
    let mut out = Imported::default();
    if let Some((_, config)) = first(repo, &[".git/config"]) {
        out.github = github_remote(&config);
    }
    out.name = match &out.github {
        Some((_, name)) => name.clone(),
        None => std::fs::canonicalize(repo)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "project".to_string()),
    };
    out.repository = out.github.as_ref().map(|(owner, name)| format!("https://github.com/{owner}/{name}"));
    if let Some((file, text)) = first(repo, &["MAINTAINERS.md", "MAINTAINERS", "MAINTAINERS.txt"]) {
        let read = maintainers::read(&text);
        let (before, listed) = (out.roster.people.len(), read.people.len());
        read.people.into_iter().for_each(|p| out.roster.add(p));
        let new = out.roster.people.len() - before;
        let who = if new == 1 { "person" } else { "people" };
        out.notes.push(format!("{file}: {new} {who} in {listed} entries ({})", read.shape));
    }
    let mut from_project = dot_project::ProjectFacts::default();
    if let Some((file, text)) = first(repo, &[".project/project.yaml"]) {
        match dot_project::project(&text) {
            Ok(facts) => {
                out.notes.push(format!("{file}: {}", facts.name.as_deref().unwrap_or("no name")));
                from_project = facts;
            }
            Err(e) => out.notes.push(format!("{file}: not read ({e})")),
        }
    }
    if let Some(name) = from_project.name.take() {
        out.name = name;
    }
    out.description = from_project.description.take();
    if let Some((file, text)) = first(repo, &[".project/maintainers.yaml"]) {
        match dot_project::maintainers(&text) {
            Ok(found) => {
                out.notes.push(format!("{file}: {} in the project-maintainers team", count(found.len(), "handle")));
                found.into_iter().for_each(|p| out.roster.add(p));
            }
            Err(e) => out.notes.push(format!("{file}: not read ({e})")),
        }
    }
    if let Some((file, text)) = first(repo, &["OWNERS"]) {
        let aliases = first(repo, &["OWNERS_ALIASES"]);
        match owners::owners(&text, aliases.as_ref().map(|(_, t)| t.as_str())) {
            Ok(found) => {
                let with = if aliases.is_some() { ", aliases expanded from OWNERS_ALIASES" } else { "" };
                let (before, listed) = (out.roster.people.len(), found.len());
                found.into_iter().for_each(|p| out.roster.add(p));
                let new = out.roster.people.len() - before;
                let who = if new == 1 { "person" } else { "people" };
                out.notes.push(format!(
                    "{file}: {new} {who} in {listed} entries of approvers, reviewers and emeritus_approvers{with}"
                ));
            }
            Err(e) => out.notes.push(format!("{file}: not read ({e})")),
        }
    }
    if let Some((file, text)) = first(repo, &["CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"]) {
        let co = owners::codeowners(&text);
        let teams = if co.teams.is_empty() {
            String::new()
        } else {
            format!("; teams not resolved (their members are not in the file): {}", co.teams.join(", "))
        };
        out.notes.push(format!("{file}: {}{teams}", count(co.people.len(), "code owner")));
        co.people.into_iter().for_each(|p| out.roster.add(p));
    }
    if let Some((file, text)) = first(repo, &["GOVERNANCE.md", ".github/GOVERNANCE.md", "docs/GOVERNANCE.md"]) {
        let mut found = governance::read(&text);
        out.notes.push(format!("{file}: {}", governance_note(&found)));
        if let Some(c) = found.committee.as_mut() {
            std::mem::take(&mut c.members).into_iter().for_each(|p| out.roster.add(p));
        }
        if let Some(handle) = &found.lead {
            let lead = Found { github: Some(handle.clone()), seats: vec![people::Seat::Committee], ..Found::default() };
            out.roster.add(lead);
        }
        out.governance = Some(found);
    }
    if let Some((file, text)) =
        first(repo, &["CODE_OF_CONDUCT.md", ".github/CODE_OF_CONDUCT.md", "docs/CODE_OF_CONDUCT.md"])
    {
        let conduct = documents::conduct(&text);
        let what = match (conduct.based_on, &conduct.version) {
            (Some(name), Some(v)) => format!("{name} {v}"),
            (Some(name), None) if name == "Contributor Covenant" => format!("{name}, version not recognised"),
            (Some(name), None) => name.to_string(),
            (None, _) => "not a code govsite recognises".to_string(),
        };
        let contact =
            conduct.contact.as_deref().map_or("no reporting address".to_string(), |c| format!("reports to {c}"));
        out.notes.push(format!("{file}: {what}; {contact}"));
        out.conduct = Some(conduct);
    }
    if let Some((file, text)) = first(repo, &["SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md"]) {
        out.security = documents::security(&text);
        let what = match &out.security {
            Some(documents::SecurityContact::Email(e)) => format!("reports to {e}"),
            Some(documents::SecurityContact::Url(u)) => format!("reports through {u}"),
            None => "no private reporting route found".to_string(),
        };
        out.notes.push(format!("{file}: {what}"));
    }
    if let Some((file, text)) = first(repo, &["CONTRIBUTING.md", ".github/CONTRIBUTING.md", "docs/CONTRIBUTING.md"]) {
        out.sign_off = documents::sign_off(&text);
        let what = out
            .sign_off
            .map_or("no DCO or CLA requirement found".to_string(), |s| format!("asks for a {}", s.to_uppercase()));
        out.notes.push(format!("{file}: {what}"));
        out.contributing = Some(file);
    }
    // SECURITY.md and CONTRIBUTING.md are what people read; .project only fills gaps.
    out.security = out.security.take().or(from_project.security);
    out.sign_off = out.sign_off.or(from_project.sign_off);
    if let Some((file, text)) = first(repo, &["LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING"]) {
        out.license = documents::license(&text);
        out.notes.push(format!("{file}: {}", out.license.unwrap_or("licence not recognised")));
    }
    if out.notes.is_empty() {
        out.notes.push("nothing: no governance files found; every fact is a TODO".to_string());
    }
    Ok(out)
}

/// What was understood of GOVERNANCE.md, in one line.
fn governance_note(g: &governance::Governance) -> String {
    let mut parts = vec![match g.model {
        Some(model) => format!("decision model {model}"),
        None => "decision model not recognised".to_string(),
    }];
    if let Some(m) = g.majority {
        parts.push(format!("votes by {m} majority{}", g.base.map_or(String::new(), |b| format!(" of {b}"))));
    }
    for (decision, majority) in &g.thresholds {
        parts.push(format!("{decision}: {majority}"));
    }
    if let Some(lead) = &g.lead {
        parts.push(format!("BDFL @{lead}"));
    }
    if let Some(c) = &g.committee {
        let mut about = c.name.clone();
        if let Some(short) = &c.short {
            let _ = write!(about, " ({short})");
        }
        if let Some(size) = c.size {
            let _ = write!(about, ", {size} seats");
        }
        if c.of_maintainers {
            about.push_str(", made of the maintainers");
        } else if !c.members.is_empty() {
            let _ = write!(about, ", {} listed", count(c.members.len(), "member"));
        }
        if let Some(cadence) = c.cadence {
            let _ = write!(about, ", meets {cadence}");
        }
        parts.push(about);
    }
    parts.join("; ")
}

/// `owner` and `name` of the `origin` remote (or the first remote) when it is on GitHub.
fn github_remote(config: &str) -> Option<(String, String)> {
    let urls = config.lines().filter_map(|l| l.trim().strip_prefix("url")).filter_map(|l| l.trim().strip_prefix('='));
    for url in urls {
        let url = url.trim();
        let Some(at) = url.find("github.com").map(|i| i + "github.com".len() + 1) else { continue };
        let mut parts = url.get(at..)?.trim_end_matches('/').trim_end_matches(".git").split('/');
        if let (Some(owner), Some(name)) = (parts.next(), parts.next()) {
            if people::is_handle(owner)
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            {
                return Some((owner.to_string(), name.to_string()));
            }
        }
    }
    None
}

/// Reads `repo` and writes a new site into `to` (which must be absent or empty).
pub fn import(repo: &Path, to: &Path) -> Result<Report, ImportError> {
    let imported = read(repo)?;
    if to.exists() && std::fs::read_dir(to).map_or(true, |mut d| d.next().is_some()) {
        return Err(ImportError::NotEmpty(to.to_path_buf()));
    }
    let mut files = Vec::new();
    for (path, text) in emit::site(&imported) {
        let target = to.join(&path);
        let write = |p: &Path| -> std::io::Result<()> {
            if let Some(parent) = p.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(p, &text)
        };
        write(&target).map_err(|source| ImportError::Write { path: target.clone(), source })?;
        files.push(PathBuf::from(path));
    }
    Ok(Report { notes: imported.notes, files })
}

/// Everyone found who holds a seat of `kind`.
fn holders(roster: &Roster, kind: people::Seat) -> impl Iterator<Item = (usize, &Found)> {
    roster.people.iter().enumerate().filter(move |(_, p)| p.seats.contains(&kind))
}
