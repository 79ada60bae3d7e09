//! `govsite export`: the repository's community health files, written from the same data as
//! the portal so the two never drift.
//!
//! ```text
//! site ──check──▶ Site ──templates (Tera)──▶ files ──custom blocks kept──▶ DIR/GOVERNANCE.md …
//! ```
//!
//! The templates are files in `templates/`, compiled into the binary. Output depends only on
//! the site (no clock, no paths of the machine), so `--check` in CI is stable.

mod context;
mod custom;
mod markdown;

pub use custom::{BEGIN as CUSTOM_BEGIN, END as CUSTOM_END};

use crate::diagnostics::Diagnostic;
use crate::markdown::LinkResolver;
use crate::render::error_chain;
use std::path::{Path, PathBuf};
use tera::{Context, Kwargs, State, Tera, Value};

/// The files export writes, in this order.
pub const FILES: [&str; 11] = [
    "GOVERNANCE.md",
    "CODE_OF_CONDUCT.md",
    "CONTRIBUTING.md",
    "MAINTAINERS.md",
    "SECURITY.md",
    "security-insights.yml",
    "CODEOWNERS",
    "OWNERS_ALIASES",
    ".project/project.yaml",
    ".project/maintainers.yaml",
    "project-maintainers.csv",
];

/// The templates, by the name of the file each writes; `components.md` only defines components.
const TEMPLATES: [(&str, &str); 12] = [
    ("components.md", include_str!("templates/components.md")),
    ("GOVERNANCE.md", include_str!("templates/GOVERNANCE.md")),
    ("CODE_OF_CONDUCT.md", include_str!("templates/CODE_OF_CONDUCT.md")),
    ("CONTRIBUTING.md", include_str!("templates/CONTRIBUTING.md")),
    ("MAINTAINERS.md", include_str!("templates/MAINTAINERS.md")),
    ("SECURITY.md", include_str!("templates/SECURITY.md")),
    ("security-insights.yml", include_str!("templates/security-insights.yml")),
    ("CODEOWNERS", include_str!("templates/CODEOWNERS")),
    ("OWNERS_ALIASES", include_str!("templates/OWNERS_ALIASES")),
    (".project/project.yaml", include_str!("templates/project.yaml")),
    (".project/maintainers.yaml", include_str!("templates/maintainers.yaml")),
    ("project-maintainers.csv", include_str!("templates/project-maintainers.csv")),
];

/// Options of `govsite export`.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Write nothing; report which files differ.
    pub check: bool,
    /// Only these files (names of [`FILES`]); all when empty.
    pub only: Vec<String>,
}

/// A file left out for want of data: its name and the reason.
pub type Skipped = (&'static str, &'static str);

/// One generated file.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Its name in the export folder.
    pub name: &'static str,
    /// Its text, custom blocks still empty.
    pub content: String,
}

/// What export did (or, with `--check`, would do) to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The file did not exist.
    Created,
    /// The file differed.
    Updated,
    /// The file was current.
    Unchanged,
}

/// One file of the export.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Its name.
    pub name: &'static str,
    /// Its path (the export folder joined with the name).
    pub path: PathBuf,
    /// What changed.
    pub change: Change,
}

/// What a successful export did.
#[derive(Debug)]
pub struct Report {
    /// Warnings of the site (errors stop the export).
    pub diagnostics: Vec<Diagnostic>,
    /// Every file, in [`FILES`] order.
    pub files: Vec<FileReport>,
    /// Files left alone because the site has no data for them, with the reason.
    pub skipped: Vec<Skipped>,
    /// What the files lack for want of data, and how to add it.
    pub notes: Vec<String>,
}

impl Report {
    /// The files that were (or would be) created or updated.
    pub fn changed(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|f| f.change != Change::Unchanged)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The site could not be loaded, or has errors (`crate::Error::Invalid`).
    #[error(transparent)]
    Site(#[from] crate::Error),
    /// The folder is a portfolio.
    #[error("{0} holds a portfolio; export works on one site: run it on a project's folder")]
    Portfolio(PathBuf),
    /// An export template failed (a bug of govsite).
    #[error("export template `{template}` failed:\n{message}")]
    Template {
        /// Template name.
        template: String,
        /// Tera's report.
        message: String,
    },
    /// A file could not be read or written.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// read, write, create…
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An existing file's custom markers do not pair up; overwriting it could lose text.
    #[error("{path}: {message}\n  = help: pair every `{begin}` with an `{end}`, then export again", begin = custom::BEGIN, end = custom::END)]
    Markers {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line.
        message: String,
    },
    /// A target is a symbolic link: export writes only plain files inside the folder.
    #[error("{0} is a symbolic link; export does not write through links (replace it with a file, or remove it)")]
    Symlink(PathBuf),
    /// `--only` names a file export does not write.
    #[error("`{name}` is not a file govsite export writes{suggestion}\n  = help: name one or more of: {}", FILES.join(", "))]
    UnknownFile {
        /// The name given.
        name: String,
        /// `; did you mean `…`?`, or nothing.
        suggestion: String,
    },
}

impl ExportError {
    /// Whether the fault is in the site (exit code 1) rather than in usage or I/O (exit code 2).
    pub fn is_site_error(&self) -> bool {
        matches!(self, ExportError::Site(e) if e.is_site_error())
    }
}

/// Checks the site in `root` and writes its files into `to` (created if missing), keeping the
/// custom blocks of existing files; with `options.check`, writes nothing and reports which
/// files differ. A site with errors gives `ExportError::Site(Error::Invalid(..))`.
pub fn export(root: &Path, to: &Path, options: &ExportOptions) -> Result<Report, ExportError> {
    let only = selection(&options.only)?;
    let verdict = crate::check(root, &crate::CheckOptions::default())?;
    let Some(site) = verdict.site else {
        return Err(ExportError::Portfolio(root.to_path_buf()));
    };
    if verdict.diagnostics.iter().any(crate::diagnostics::Diagnostic::is_error) {
        return Err(crate::Error::Invalid(verdict.diagnostics).into());
    }
    let (mut generated, mut skipped) = generate(&site, &site_argument(root, to))?;
    generated.retain(|g| only.contains(&g.name));
    skipped.retain(|(name, _)| only.contains(name));
    if !options.check {
        std::fs::create_dir_all(to).map_err(|source| io("create", to, source))?;
    }
    let mut files = Vec::new();
    for file in &generated {
        let path = to.join(file.name);
        let existing = read_existing(&path)?;
        let merged = custom::merge(&file.content, existing.as_deref())
            .map_err(|e| ExportError::Markers { path: path.clone(), message: e.0 })?;
        let change = match &existing {
            None => Change::Created,
            Some(text) if *text == merged => Change::Unchanged,
            Some(_) => Change::Updated,
        };
        if !options.check && change != Change::Unchanged {
            write_file(to, file.name, &merged)?;
        }
        files.push(FileReport { name: file.name, path, change });
    }
    let notes = notes(&site).into_iter().filter(|(name, _)| only.contains(name)).map(|(_, note)| note).collect();
    Ok(Report { diagnostics: verdict.diagnostics, files, skipped, notes })
}

/// Gaps in the data that leave a written file short of what its format requires, by file.
fn notes(site: &crate::model::Site) -> Vec<(&'static str, String)> {
    let mut notes = Vec::new();
    for person in context::unnamed_owners(site) {
        notes.push((
            "CODEOWNERS",
            format!(
                "CODEOWNERS leaves out `{person}`, who owns paths but has neither a `github` handle nor an `email` address that CODEOWNERS can name (people.yaml)"
            ),
        ));
    }
    if site.security.is_none() {
        return notes;
    }
    if context::latest_date(site).is_none() {
        notes.push((
            "security-insights.yml",
            "security-insights.yml has no `last-updated` / `last-reviewed` date: the governance data has no \
             dates (give people or seats a `since`, or keep a decisions.yaml)"
                .into(),
        ));
    }
    if site.site.project.repository.as_deref().and_then(context::si_url).is_none() {
        notes.push((
            "security-insights.yml",
            "security-insights.yml has no `project.repositories`: site.yaml has no `project.repository` \
             (an http(s) URL)"
                .into(),
        ));
    }
    notes
}

/// The files `--only` names, checked; every file when it names none.
fn selection(only: &[String]) -> Result<Vec<&'static str>, ExportError> {
    if only.is_empty() {
        return Ok(FILES.to_vec());
    }
    let mut out = Vec::new();
    for name in only {
        let wanted = name.trim().trim_start_matches("./");
        let Some(file) = FILES.iter().find(|f| **f == wanted) else {
            let suggestion = crate::suggest::did_you_mean(wanted, FILES.iter().copied())
                .map(|s| format!("; {s}"))
                .unwrap_or_default();
            return Err(ExportError::UnknownFile { name: name.clone(), suggestion });
        };
        if !out.contains(file) {
            out.push(*file);
        }
    }
    Ok(out)
}

/// The files of a checked `site`, custom blocks empty, and the files left out for want of
/// data, each with the reason. `site_arg` is how the regenerate command in each file's
/// notice names the site folder (e.g. `.` or `docs/governance`).
pub fn generate(site: &crate::model::Site, site_arg: &str) -> Result<(Vec<Generated>, Vec<Skipped>), ExportError> {
    let base_url = crate::render::normalize_base_url(&site.site.base_url);
    let links = LinkResolver {
        base_path: base_url,
        pages: site.pages.iter().filter(|p| !p.front.draft).map(|p| (p.file.clone(), p.path.clone())).collect(),
        ..LinkResolver::default()
    };
    // Every word of the Markdown files is in the site's language; a multilingual site's
    // files are in its default language, the one its model is read in.
    let language = site.site.default_language();
    let locales = crate::i18n::Locales::for_site(site, &[language]);
    let locale = crate::i18n::Locale::for_site(site, language);
    let tera = compile(&links, std::sync::Arc::new(locales))?;
    let notice = notice(site_arg);
    let export = context::Export::new(site, &links, notice, &locale);
    let mut context = Context::new();
    context.insert("x", &export);
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for name in FILES {
        if let Some(reason) = export.skip_reason(site, name) {
            skipped.push((name, reason));
            continue;
        }
        let text = tera
            .render(name, &context)
            .map_err(|e| ExportError::Template { template: name.to_string(), message: error_chain(&e) })?;
        let content = if name.ends_with(".md") { markdown::tidy(&text) } else { tidy_yaml(&text) };
        out.push(Generated { name, content });
    }
    Ok((out, skipped))
}

fn notice(site_arg: &str) -> context::Notice {
    let (governance, config) = if site_arg == "." {
        ("governance/".to_string(), "site.yaml".to_string())
    } else {
        (format!("{site_arg}/governance/"), format!("{site_arg}/site.yaml"))
    };
    context::Notice { governance, config, command: format!("govsite export {site_arg} --to .") }
}

/// How the site folder is named from the export folder (`.`, `site`, `../governance`), so
/// the regenerate command works when run there. The files are committed, so a path is used
/// only where it is the same on every clone: the site inside the export folder, or both in
/// one git repository. Otherwise the command names a placeholder, `<site>`.
fn site_argument(root: &Path, to: &Path) -> String {
    const PLACEHOLDER: &str = "<site>";
    let (Ok(root), Ok(to)) = (std::fs::canonicalize(root), canonical_maybe_missing(to)) else {
        return PLACEHOLDER.into();
    };
    let repository = to.ancestors().find(|dir| dir.join(".git").exists());
    if !root.starts_with(&to) && !repository.is_some_and(|repo| root.starts_with(repo)) {
        return PLACEHOLDER.into();
    }
    let Some(rel) = pathdiff::diff_paths(&root, &to) else { return PLACEHOLDER.into() };
    if rel.as_os_str().is_empty() {
        return ".".into();
    }
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let joined = parts.join("/");
    if joined.chars().any(|c| c.is_whitespace() || "'\"$`\\".contains(c)) {
        format!("'{}'", joined.replace('\'', "'\\''"))
    } else {
        joined
    }
}

/// The canonical form of a folder that may not exist yet (its parent must).
fn canonical_maybe_missing(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let name = path.file_name().ok_or(e)?;
            Ok(std::fs::canonicalize(parent)?.join(name))
        }
    }
}

fn compile(links: &LinkResolver, locales: std::sync::Arc<crate::i18n::Locales>) -> Result<Tera, ExportError> {
    let mut tera = Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    crate::i18n::register(&mut tera, locales);
    let prose = links.clone();
    tera.register_filter("md", move |text: &str, kwargs: Kwargs, _: &State| {
        let text = markdown::absolutize(text.trim(), Path::new(context::PROSE_FROM), &prose);
        let indent: Option<usize> = kwargs.get("indent")?;
        Ok::<_, tera::Error>(match indent {
            Some(width) => markdown::indent_rest(&text, width),
            None => text,
        })
    });
    let urls = links.clone();
    tera.register_filter("abs", move |url: &str, _: Kwargs, _: &State| context::absolute(&urls, url.trim()));
    tera.register_filter("text", |text: &str, _: Kwargs, _: &State| markdown::escape_text(text));
    tera.register_filter("csv", |text: &str, _: Kwargs, _: &State| context::csv_field(text));
    tera.register_filter("cell", |text: &str, _: Kwargs, _: &State| markdown::escape_cell(text));
    tera.register_filter("code", |text: &str, _: Kwargs, _: &State| markdown::code_span(text));
    tera.register_filter("yaml", |value: &Value, _: Kwargs, _: &State| {
        // JSON's scalars are YAML's flow scalars: a string comes out quoted and escaped.
        serde_json::to_string(value).unwrap_or_else(|_| "null".into())
    });
    tera.add_raw_templates(TEMPLATES)
        .map_err(|e| ExportError::Template { template: "(export templates)".into(), message: error_chain(&e) })?;
    Ok(tera)
}

/// Blank lines dropped (YAML, CODEOWNERS and CSV do not need them, templates make them), one
/// newline at the end.
fn tidy_yaml(text: &str) -> String {
    let mut out: String =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{}\n", l.trim_end())).collect();
    if out.is_empty() {
        out.push('\n');
    }
    out
}

fn io(action: &'static str, path: &Path, source: std::io::Error) -> ExportError {
    ExportError::Io { action, path: path.to_path_buf(), source }
}

/// The file's text (line endings made `\n`, as export writes them), or `None` if it is absent.
fn read_existing(path: &Path) -> Result<Option<String>, ExportError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).replace("\r\n", "\n"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io("read", path, e)),
    }
}

/// Writes `to/name` through a temporary file in the same folder and a rename, so a reader never
/// sees half a file; creates the folder of a name like `.project/project.yaml`; refuses a
/// symbolic link at the target or at that folder (it could point anywhere).
fn write_file(to: &Path, name: &str, text: &str) -> Result<(), ExportError> {
    let target = to.join(name);
    let folder = target.parent().unwrap_or(to);
    if folder != to {
        if std::fs::symlink_metadata(folder).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(ExportError::Symlink(folder.to_path_buf()));
        }
        std::fs::create_dir_all(folder).map_err(|e| io("create", folder, e))?;
    }
    if std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(ExportError::Symlink(target));
    }
    let file_name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{file_name}.govsite-tmp"));
    std::fs::write(&temporary, text).map_err(|e| io("write", &temporary, e))?;
    std::fs::rename(&temporary, &target).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        io("write", &target, e)
    })
}
