//! The pipeline, in one place: a site folder (or a portfolio of them) is loaded, validated,
//! rendered, link-checked and written — or, for `check`, stops after the link check.
//!
//! ```text
//! folder ──load──▶ Site ──rules──▶ Checked ──render──▶ Portal ──links──▶ Portal ──output──▶ public/
//! ```
//!
//! A site and a portfolio are two inputs to the same stages ([`site`] and [`portfolio`] hold
//! what differs); every command enters through [`check`], [`build`] or [`render_site`].

mod portfolio;
mod site;

use crate::diagnostics::Diagnostic;
use crate::load::{self, Input};
use crate::{model, output, render, rules};
use std::path::{Path, PathBuf};

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site has errors; nothing was written.
    #[error("the site has errors; nothing was written")]
    Invalid(Vec<Diagnostic>),
    /// The folder could not be loaded at all.
    #[error(transparent)]
    Load(#[from] load::LoadError),
    /// A template or theme problem.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// The output could not be written (or must not be).
    #[error(transparent)]
    Output(#[from] output::OutputError),
    /// govsite itself failed (a bug): what it said.
    #[error("govsite hit an internal error: {0}\n  = help: this is a bug in govsite; please report it with the input that caused it")]
    Internal(String),
}

impl Error {
    /// Whether the fault is in the site (exit code 1) rather than in usage or I/O (exit code 2).
    pub fn is_site_error(&self) -> bool {
        matches!(
            self,
            Error::Invalid(_)
                | Error::Render(
                    render::RenderError::Template { .. }
                        | render::RenderError::Theme(_)
                        | render::RenderError::HighlightTheme(..)
                )
        )
    }
}

/// Options of `govsite check` (and of the check that starts every build).
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// A profile that replaces site.yaml's `check.profile`.
    pub profile: Option<String>,
}

/// Options of `govsite build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; `<site>/public` when `None`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Include draft pages.
    pub drafts: bool,
    /// How to check first.
    pub check: CheckOptions,
    /// Publish under this origin (`http://127.0.0.1:1111`), keeping base_url's path: for `serve`.
    pub origin: Option<String>,
}

/// What `check` found, for a site or a portfolio.
#[derive(Debug)]
pub struct Verdict {
    /// Every problem, sorted by file and position (a portfolio's files are relative to it).
    pub diagnostics: Vec<Diagnostic>,
    /// The completeness score; a portfolio's is its lowest project's.
    pub score: u32,
    /// The profile in force: a profile name, `per project`, or `none` when nothing could be read.
    pub profile: &'static str,
    /// The score below which `check` fails, from site.yaml or portfolio.yaml.
    pub min_score: Option<u32>,
    /// A portfolio's projects and their scores, in the order listed.
    pub projects: Vec<(String, u32)>,
    /// The site, when the input is one site (a portfolio has many).
    pub site: Option<Box<model::Site>>,
}

impl Verdict {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Warnings found (errors stop the build).
    pub diagnostics: Vec<Diagnostic>,
    /// The completeness score shown on the portal.
    pub score: u32,
    /// The output folder.
    pub output: PathBuf,
    /// How many files were written.
    pub files: usize,
}

/// The problems and score of a rendered site (or of a whole portfolio: its lowest score).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Warnings found (errors stop a build).
    pub diagnostics: Vec<Diagnostic>,
    /// The completeness score.
    pub score: u32,
}

/// Loads and validates the site or portfolio in `root` under its policy, links included.
///
/// Links are checked on the portal rendered in memory (without highlighting, which only a
/// build needs), so the anchors the theme really emits are what links are checked against.
pub fn check(root: &Path, options: &CheckOptions) -> Result<Verdict, Error> {
    match Input::find(root)? {
        Input::Site => {
            let checked = site::check(root, options)?;
            Ok(Verdict {
                score: checked.score,
                profile: checked.policy.profile.name,
                min_score: checked.site.site.check.min_score,
                projects: Vec::new(),
                diagnostics: checked.diagnostics,
                site: Some(Box::new(checked.site)),
            })
        }
        Input::Portfolio => match portfolio::check(root, options, true) {
            Ok(p) => Ok(Verdict {
                score: p.score(),
                profile: "per project",
                min_score: p.config.check.min_score,
                projects: p.projects.iter().map(|x| (x.name.clone(), x.checked.score)).collect(),
                diagnostics: p.diagnostics,
                site: None,
            }),
            // portfolio.yaml itself does not parse: nothing else can be checked.
            Err(Error::Invalid(found)) => Ok(Verdict {
                diagnostics: found,
                score: 0,
                profile: "none",
                min_score: None,
                projects: Vec::new(),
                site: None,
            }),
            Err(other) => Err(other),
        },
    }
}

/// Builds the site (or portfolio) in `root`: load → validate → render → check links →
/// write atomically.
///
/// A site's pages are written to a staging folder as they are rendered, so a build never
/// holds them all; the staging folder replaces the output only once everything is written
/// and the links are good (dropped on any error, it leaves the previous output as it was).
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildReport, Error> {
    let output = options.output.clone().unwrap_or_else(|| root.join("public"));
    let destination = output::check_destination(&output, root)?;
    let (outcome, portal) = match Input::find(root)? {
        Input::Site => {
            let checked = site::load_and_validate(root, &options.check)?;
            if checked.has_errors() {
                return Err(Error::Invalid(checked.diagnostics));
            }
            let staging = output::Staging::new(&destination)?;
            let write = |path: &Path, bytes: &[u8]| staging.write(path, bytes);
            let rendered = site::render_validated(checked, options, render::Pages::Stream(&write), None)?;
            staging.finish(&rendered.1.files)?;
            rendered
        }
        Input::Portfolio => {
            let rendered = portfolio::render(root, options)?;
            output::write_site(&destination, &rendered.1.files)?;
            rendered
        }
    };
    Ok(BuildReport { diagnostics: outcome.diagnostics, score: outcome.score, output, files: portal.files.len() })
}

/// Load → validate → render → check links, in memory: what `build` writes and `serve` serves.
pub fn render_site(root: &Path, options: &BuildOptions) -> Result<(Outcome, render::Portal), Error> {
    match Input::find(root)? {
        Input::Site => site::render(root, options, None),
        Input::Portfolio => portfolio::render(root, options),
    }
}

/// What `serve` keeps from one rebuild to the next.
#[derive(Debug, Default)]
pub struct SiteCache {
    /// Each page file, parsed (see `load::KeptPages`).
    pub pages: load::KeptPages,
    /// Each page's Markdown, read (see `rules::Readings`).
    pub readings: rules::Readings,
    /// The last render's pages and highlighted code (see `render::RenderCache`).
    pub render: render::RenderCache,
}

impl SiteCache {
    /// How many pages the last render took from the one before.
    pub fn reused(&self) -> usize {
        self.render.reused()
    }
}

/// [`render_site`] again after an edit: every stage runs as before, so the result is the same
/// as a first render's, but a page unchanged since the last call is not read again, pages
/// whose inputs are unchanged are taken from `cache` (see `render::RenderCache`) and
/// highlighted code is reused; `serve` calls this on every save.
pub fn render_site_cached(
    root: &Path,
    options: &BuildOptions,
    cache: &mut SiteCache,
) -> Result<(Outcome, render::Portal), Error> {
    match Input::find(root)? {
        Input::Site => site::render(root, options, Some(cache)),
        Input::Portfolio => portfolio::render(root, options),
    }
}

/// The base URL to publish under: `serve`'s origin with base_url's path, `--base-url`, or
/// the configured one.
fn publish_url(options: &BuildOptions, configured: &str) -> String {
    match &options.origin {
        Some(origin) => format!("{}{}", origin.trim_end_matches('/'), render::base_path(configured)),
        None => render::normalize_base_url(options.base_url.as_deref().unwrap_or(configured)),
    }
}

/// Every rule that reads the model (all but the link check), on a loaded site, under `policy`;
/// each page's Markdown is read once here (taken from `kept` where unchanged, for `serve`).
fn validate(
    loaded: load::Loaded,
    policy: rules::policy::Policy,
    mut diagnostics: Vec<Diagnostic>,
    kept: Option<&mut rules::Readings>,
) -> rules::Checked {
    let pages = match kept {
        Some(kept) => kept.read(&loaded.site),
        None => rules::read_pages(&loaded.site),
    };
    diagnostics.extend(loaded.diagnostics);
    if loaded.config_read {
        diagnostics.extend(rules::check_read(&loaded.site, &pages));
        // Markdown is read by the markdown stage, which owns what a link may point at.
        diagnostics.extend(pages.iter().flat_map(|page| page.unsafe_links.iter().cloned()));
        diagnostics.extend(crate::markdown::check::unsafe_prose_links(&loaded.site));
    }
    let mut diagnostics = policy.apply(diagnostics);
    crate::diagnostics::sort(&mut diagnostics);
    let score = rules::score::score(&diagnostics, &policy);
    rules::Checked { site: loaded.site, diagnostics, score, policy, pages }
}

/// Renders a validated site at `base_url` and checks its links; errors stop it.
fn render_checked(
    mut checked: rules::Checked,
    base_url: Option<String>,
    drafts: bool,
    pages_to: render::Pages<'_>,
    cache: Option<&mut render::RenderCache>,
) -> Result<(rules::Checked, render::Portal), Error> {
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    let render_options = render::RenderOptions { base_url, drafts, purpose: render::Purpose::Publish };
    let portal = render::render_with(&checked, &render_options, pages_to, cache)?;
    add_link_diagnostics(&mut checked, &portal);
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    Ok((checked, portal))
}

/// Renders `checked` for the link check only (no highlighting, no search index) and adds
/// what it finds; a site with errors is not rendered.
fn check_links(checked: &mut rules::Checked) -> Result<(), Error> {
    if checked.has_errors() {
        return Ok(());
    }
    let preview = render::RenderOptions { base_url: None, drafts: false, purpose: render::Purpose::CheckLinks };
    let portal = render::render(checked, &preview)?;
    add_link_diagnostics(checked, &portal);
    Ok(())
}

fn add_link_diagnostics(checked: &mut rules::Checked, portal: &render::Portal) {
    let readings: Vec<&crate::markdown::scan::Reading> = checked.pages.iter().map(|page| &page.reading).collect();
    let found = checked.policy.apply(crate::links::check(&checked.site, portal, &readings));
    if found.is_empty() {
        return;
    }
    checked.diagnostics.extend(found);
    crate::diagnostics::sort(&mut checked.diagnostics);
    checked.score = rules::score::score(&checked.diagnostics, &checked.policy);
}
