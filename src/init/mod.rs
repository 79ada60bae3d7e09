//! `govsite init`: scaffolds a new site from a bundled template.
//!
//! The scaffold files are real files under `src/init/templates/` (`minimal/`, `cncf/`, and
//! `common/` for what both share), embedded in the binary. Each passes `govsite check`
//! without a warning as it is: it describes a fictional "Example Project" with real-looking
//! values, never with placeholders, and its comments say what to replace.
//!
//! `init` never overwrites: when any file it would write exists, it writes nothing.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// The GitHub Actions workflow that publishes the portal, relative to the site folder.
pub const WORKFLOW: &str = ".github/workflows/governance.yml";

/// The GitHub Actions workflow that checks pull requests and comments what they change.
pub const PR_WORKFLOW: &str = ".github/workflows/governance-pr.yml";

/// The workflows `init` writes, each with the `SITE_DIR` and action version set by
/// [`workflow_text`].
pub const WORKFLOWS: &[&str] = &[WORKFLOW, PR_WORKFLOW];

/// The action the workflows install govsite with (this repository's action.yml).
const ACTION: &str = "govsite/govsite";

/// The governance a new site starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Template {
    /// The smallest complete governance: two maintainers, a two-level ladder, a code of
    /// conduct, a security policy.
    Minimal,
    /// The CNCF project template: a maintainer council, the contributor → member →
    /// reviewer → maintainer ladder, a security response team, the cncf-sandbox profile.
    Cncf,
}

impl Template {
    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Template::Minimal => "minimal",
            Template::Cncf => "cncf",
        }
    }

    /// The files of this template: (path relative to the site folder, contents).
    pub fn files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Template::Minimal => MINIMAL,
            Template::Cncf => CNCF,
        }
    }

    /// The files of this template written in `language` (a BCP 47 tag): `en` and `zh-CN`
    /// (or a tag served by them, such as `en-GB` or `zh-Hans`) for `minimal`, `en` for `cncf`.
    pub fn files_in(self, language: &str) -> Result<&'static [(&'static str, &'static str)], InitError> {
        match (self, crate::i18n::bundled_tag(language)) {
            (_, Some("en")) => Ok(self.files()),
            (Template::Minimal, Some("zh-CN")) => Ok(MINIMAL_ZH_CN),
            _ => Err(InitError::NoLanguage { template: self.name(), language: language.to_string() }),
        }
    }
}

const WORKFLOW_TEXT: &str = include_str!("templates/common/.github/workflows/governance.yml");
const PR_WORKFLOW_TEXT: &str = include_str!("templates/common/.github/workflows/governance-pr.yml");

/// A template's files: each path under `templates/<folder>/`, with the workflows every
/// scaffold shares.
macro_rules! scaffold {
    ($folder:literal; $($path:literal),* $(,)?) => {
        [
            $(($path, include_str!(concat!("templates/", $folder, "/", $path))),)*
            (WORKFLOW, WORKFLOW_TEXT),
            (PR_WORKFLOW, PR_WORKFLOW_TEXT),
        ]
    };
}

const MINIMAL: &[(&str, &str)] = &scaffold!["minimal";
    "site.yaml",
    "governance/charter.yaml",
    "governance/people.yaml",
    "governance/roles.yaml",
    "governance/ladder.yaml",
    "governance/code-of-conduct.yaml",
    "governance/security.yaml",
    "content/_index.md",
    "content/contributing.md",
    "static/.gitkeep",
];

/// The minimal template in Simplified Chinese: the same governance with its values (names,
/// prose, pages) written in Chinese and `language: zh-CN`. The comments stay English: they
/// are the format's reference, kept word for word with docs/format.md and with the English
/// templates, and the keys they explain are English anyway.
const MINIMAL_ZH_CN: &[(&str, &str)] = &scaffold!["minimal-zh-CN";
    "site.yaml",
    "governance/charter.yaml",
    "governance/people.yaml",
    "governance/roles.yaml",
    "governance/ladder.yaml",
    "governance/code-of-conduct.yaml",
    "governance/security.yaml",
    "content/_index.md",
    "content/contributing.md",
    "static/.gitkeep",
];

const CNCF: &[(&str, &str)] = &scaffold!["cncf";
    "site.yaml",
    "governance/charter.yaml",
    "governance/people.yaml",
    "governance/roles.yaml",
    "governance/ladder.yaml",
    "governance/code-of-conduct.yaml",
    "governance/security.yaml",
    "governance/groups.yaml",
    "governance/decisions.yaml",
    "content/_index.md",
    "content/contributing.md",
    "static/logo.svg",
];

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// Files (or folders in their way) already exist.
    #[error(
        "refusing to overwrite what already exists; nothing was written:\n{}  = help: run `govsite init` in an empty folder, or name a new one: `govsite init my-governance`",
        list(.0)
    )]
    Exists(Vec<PathBuf>),
    /// The template has no scaffold in the language asked for.
    #[error("the {template} template is not written in `{language}`; nothing was written\n  = help: use --language en or --language zh-CN (zh-CN: --template minimal); a site in another language can start from the English scaffold, set `language` in site.yaml and add i18n/<tag>.yaml (docs/i18n.md)")]
    NoLanguage {
        /// The template.
        template: &'static str,
        /// The language asked for.
        language: String,
    },
    /// The site folder or a file could not be written.
    #[error("cannot write {}: {message}; nothing was written", .path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| format!("  {}\n", p.display())).collect()
}

/// What `init` wrote.
#[derive(Debug, Clone)]
pub struct Scaffold {
    /// The site folder, as given.
    pub dir: PathBuf,
    /// The template used.
    pub template: Template,
    /// The files written, relative to `dir`, in order.
    pub written: Vec<&'static str>,
    /// The root of the Git repository holding `dir`, if there is one.
    pub repository: Option<PathBuf>,
    /// The site folder relative to that repository (`.` at its root), as the workflow's
    /// `SITE_DIR` has it.
    pub site_dir: String,
}

/// Scaffolds a site of `template` in `dir`, creating the folder if it is missing.
///
/// Writes nothing when any of its files (or a file where it needs a folder) exists.
pub fn init(dir: &Path, template: Template) -> Result<Scaffold, InitError> {
    init_in(dir, template, "en")
}

/// [`init`] with the scaffold written in `language` (see [`Template::files_in`]).
pub fn init_in(dir: &Path, template: Template, language: &str) -> Result<Scaffold, InitError> {
    let files = template.files_in(language)?;
    let conflicts = conflicts(dir, files);
    if !conflicts.is_empty() {
        return Err(InitError::Exists(conflicts));
    }
    let io = |path: &Path, e: std::io::Error| InitError::Io { path: path.to_path_buf(), message: e.to_string() };
    fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let (repository, site_dir) = locate(dir);
    let mut written: Vec<PathBuf> = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        let text = if WORKFLOWS.contains(rel) { workflow_text(text, &site_dir) } else { (*text).to_string() };
        if let Err(e) = write_new(&path, &text) {
            // Leave nothing half done: take back what this run wrote.
            for done in written.iter().rev() {
                let _ = fs::remove_file(done);
            }
            return Err(io(&path, e));
        }
        written.push(path);
    }
    Ok(Scaffold {
        dir: dir.to_path_buf(),
        template,
        written: files.iter().map(|(rel, _)| *rel).collect(),
        repository,
        site_dir,
    })
}

/// The files of `files` that exist in `dir`, and files standing where a folder is needed.
fn conflicts(dir: &Path, files: &[(&str, &str)]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = Vec::new();
    let mut add = |path: PathBuf| {
        if !found.contains(&path) {
            found.push(path);
        }
    };
    if dir.is_file() {
        add(dir.to_path_buf());
    }
    for (rel, _) in files {
        let path = dir.join(rel);
        if fs::symlink_metadata(&path).is_ok() {
            add(path);
            continue;
        }
        // A file where one of the file's folders should be.
        let mut folder = dir.to_path_buf();
        let parts: Vec<_> = Path::new(rel).components().collect();
        for part in &parts[..parts.len().saturating_sub(1)] {
            folder.push(part);
            if fs::metadata(&folder).is_ok_and(|m| !m.is_dir()) {
                add(folder.clone());
                break;
            }
        }
    }
    found
}

fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())
}

/// The Git repository holding `dir` (the nearest folder above it with a `.git`), and
/// `dir` relative to it, with `/` separators (`.` at the root, and when there is none).
fn locate(dir: &Path) -> (Option<PathBuf>, String) {
    let Ok(abs) = dir.canonicalize() else { return (None, ".".into()) };
    let Some(root) = abs.ancestors().find(|a| a.join(".git").exists()) else { return (None, ".".into()) };
    let rel: Vec<String> = abs
        .strip_prefix(root)
        .map(|r| {
            r.components()
                .filter_map(|c| match c {
                    Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let site_dir = if rel.is_empty() { ".".to_string() } else { rel.join("/") };
    (Some(root.to_path_buf()), site_dir)
}

/// The Pages workflow, with `SITE_DIR` set to the site's folder and the action pinned to
/// this govsite's release.
pub fn workflow(site_dir: &str) -> String {
    workflow_text(WORKFLOW_TEXT, site_dir)
}

/// The pull-request workflow, as [`workflow`] sets it up.
pub fn pr_workflow(site_dir: &str) -> String {
    workflow_text(PR_WORKFLOW_TEXT, site_dir)
}

/// `text` with `SITE_DIR` set to `site_dir` and every `uses: govsite/govsite@…` pinned to
/// the tag of this govsite's release, so a new site runs the version that wrote it.
fn workflow_text(text: &str, site_dir: &str) -> String {
    let text = set_env(text, "SITE_DIR", site_dir);
    let pinned = format!("uses: {ACTION}@v{}", env!("CARGO_PKG_VERSION"));
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match line.find(&format!("uses: {ACTION}@")) {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push_str(&pinned);
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Sets the value of the first `KEY: …` line (any indentation) to `value`, double-quoted.
fn set_env(text: &str, key: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len() + value.len());
    let mut done = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !done && trimmed.starts_with(&format!("{key}:")) {
            let indent = &line[..line.len() - trimmed.len()];
            let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
            let end = if line.ends_with('\n') { "\n" } else { "" };
            let _ = write!(out, "{indent}{key}: \"{quoted}\"{end}");
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `word` as one shell word: as it is when it is plain, else single-quoted.
fn shell_word(word: &str) -> String {
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "_./-:@%+=,".contains(c)) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

impl Scaffold {
    /// What was written and what to do next, for the terminal.
    pub fn report(&self) -> String {
        let dir = shell_word(&self.dir.display().to_string());
        let mut out = String::new();
        let _ = writeln!(out, "Created a {} governance site in {dir}:", self.template.name());
        for rel in &self.written {
            let _ = writeln!(out, "  {}", self.dir.join(rel).display());
        }
        let _ = writeln!(out, "\nIt describes a fictional \"Example Project\": replace the example values (names,");
        let _ = writeln!(out, "people, addresses, URLs) with your project's; the comments in each file explain");
        let _ = writeln!(out, "every field. `govsite check {dir}` reports anything missing or inconsistent.\n");
        let _ = writeln!(out, "Next steps:");
        let _ = writeln!(out, "  1. Preview the portal while you edit:  govsite serve {dir}");
        let _ = writeln!(
            out,
            "  2. Commit it (the build goes to {}, which you can add to .gitignore):",
            self.dir.join("public").display()
        );
        let _ = writeln!(out, "       git add {dir} && git commit -m \"Add the governance portal\"");
        let _ = writeln!(out, "  3. Publish it on GitHub Pages: in the repository's Settings → Pages, set");
        let _ = writeln!(out, "     Source: GitHub Actions. The workflow {WORKFLOW}");
        let _ = writeln!(out, "     then deploys every push to main, and {PR_WORKFLOW}");
        let _ = writeln!(out, "     checks every pull request and comments what it changes.");
        match (&self.repository, self.site_dir.as_str()) {
            (Some(_), ".") => {}
            (Some(root), site_dir) => {
                let _ = writeln!(out, "\nThe site is in {site_dir}/ of the repository {}.", root.display());
                let _ =
                    writeln!(out, "GitHub runs workflows only from the repository's own .github/workflows/, so move");
                for rel in WORKFLOWS {
                    let _ = writeln!(out, "  {}", self.dir.join(rel).display());
                }
                let _ = writeln!(
                    out,
                    "to {} (their SITE_DIR is already \"{site_dir}\").",
                    root.join(".github/workflows/").display()
                );
            }
            (None, _) => {
                let _ = writeln!(out, "\nIf {dir} is not the root of your repository, move");
                for rel in WORKFLOWS {
                    let _ = writeln!(out, "  {}", self.dir.join(rel).display());
                }
                let _ = writeln!(
                    out,
                    "to the repository's .github/workflows/ and set SITE_DIR in them to the site's folder."
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflows_get_the_site_folder_and_version() {
        for text in [workflow("docs/gov \"x\""), pr_workflow("docs/gov \"x\"")] {
            assert!(text.contains("  SITE_DIR: \"docs/gov \\\"x\\\"\"\n"), "{text}");
            let pinned = format!("        uses: govsite/govsite@v{}\n", env!("CARGO_PKG_VERSION"));
            assert_eq!(text.matches(&pinned).count(), 1, "{text}");
            assert_eq!(text.matches("govsite/govsite@").count(), 1, "{text}");
            assert_eq!(text.matches("SITE_DIR:").count(), 1);
        }
    }

    #[test]
    fn every_template_has_the_required_files() {
        for t in [Template::Minimal, Template::Cncf] {
            let names: Vec<_> = t.files().iter().map(|(p, _)| *p).collect();
            for required in ["site.yaml", "governance/charter.yaml", "content/contributing.md", WORKFLOW, PR_WORKFLOW] {
                assert!(names.contains(&required), "{} lacks {required}", t.name());
            }
        }
    }

    #[test]
    fn commands_quote_unusual_folders() {
        assert_eq!(shell_word("docs/governance"), "docs/governance");
        assert_eq!(shell_word("my site"), "'my site'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }

    #[test]
    fn finds_files_in_the_way() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("governance"), "not a folder").expect("write");
        fs::write(dir.path().join("site.yaml"), "title: x\n").expect("write");
        let found = conflicts(dir.path(), Template::Minimal.files());
        assert_eq!(found, vec![dir.path().join("site.yaml"), dir.path().join("governance")]);
    }
}
