//! govsite: governance as data, checked like code, published as a static portal.
//!
//! The pipeline, one stage per module, data flowing one way:
//!
//! ```text
//! site folder ──load──▶ Site ──rules──▶ diagnostics ──render──▶ pages ──output──▶ public/
//! ```
//!
//! [`build`] runs it end to end; each stage is public for `check`, `serve` and tests.

#![deny(missing_docs)]

pub mod diagnostics;
pub mod export;
pub mod formats;
pub mod init;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod paths;
pub mod portfolio;
pub mod render;
pub mod rules;
pub mod schema;
pub mod serve;
pub mod suggest;
pub mod wording;

use diagnostics::Diagnostic;
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

/// A loaded site and the verdict of its checks.
#[derive(Debug)]
pub struct Checked {
    /// The site as loaded.
    pub site: model::Site,
    /// Every problem, with the severity the policy gives it, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The completeness score, 0–100.
    pub score: u32,
    /// The profile, overrides and exemptions in force.
    pub policy: rules::policy::Policy,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
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

/// Loads and validates the site in `root` under its policy, links included.
///
/// Links are checked on the portal rendered in memory (without highlighting, which only a
/// build needs), so the anchors the theme really emits are what links are checked against.
pub fn check(root: &Path, options: &CheckOptions) -> Result<Checked, Error> {
    let mut checked = validate(root, options)?;
    if !checked.has_errors() {
        let preview = render::RenderOptions { base_url: None, drafts: false, purpose: render::Purpose::CheckLinks };
        let portal = render::render(&checked, &preview)?;
        add_link_diagnostics(&mut checked, &portal);
    }
    Ok(checked)
}

/// Builds the site (or portfolio) in `root`: load → validate → render → check links →
/// write atomically.
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildReport, Error> {
    let output = options.output.clone().unwrap_or_else(|| root.join("public"));
    let destination = output::check_destination(&output, root)?;
    let (outcome, portal) = render_site(root, options)?;
    output::write_site(&destination, &portal.files)?;
    Ok(BuildReport { diagnostics: outcome.diagnostics, score: outcome.score, output, files: portal.files.len() })
}

/// The problems and score of a site (or of a whole portfolio: its lowest score).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Warnings found (errors stop a build).
    pub diagnostics: Vec<Diagnostic>,
    /// The completeness score.
    pub score: u32,
}

/// Load → validate → render → check links, in memory: what `build` writes and `serve` serves.
pub fn render_site(root: &Path, options: &BuildOptions) -> Result<(Outcome, render::Portal), Error> {
    if portfolio::is_portfolio(root) {
        return portfolio::render(root, options);
    }
    let checked = validate(root, &options.check)?;
    let base_url = match &options.origin {
        Some(origin) => {
            Some(format!("{}{}", origin.trim_end_matches('/'), render::base_path(&checked.site.site.base_url)))
        }
        None => options.base_url.clone(),
    };
    let (checked, portal) = render_checked(checked, base_url, options.drafts)?;
    Ok((Outcome { diagnostics: checked.diagnostics, score: checked.score }, portal))
}

/// Renders a validated site at `base_url` and checks its links; errors stop it.
fn render_checked(
    mut checked: Checked,
    base_url: Option<String>,
    drafts: bool,
) -> Result<(Checked, render::Portal), Error> {
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    let render_options = render::RenderOptions { base_url, drafts, purpose: render::Purpose::Publish };
    let portal = render::render(&checked, &render_options)?;
    add_link_diagnostics(&mut checked, &portal);
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    Ok((checked, portal))
}

/// Load and every rule that reads the model (all but the link check).
fn validate(root: &Path, options: &CheckOptions) -> Result<Checked, Error> {
    let loaded = load::load_site(root)?;
    let (policy, problems) = rules::policy::Policy::from_site(&loaded.site.site, options.profile.as_deref());
    Ok(validate_loaded(loaded, policy, problems))
}

/// Every rule that reads the model, on a loaded site, under `policy`.
fn validate_loaded(loaded: load::Loaded, policy: rules::policy::Policy, mut diagnostics: Vec<Diagnostic>) -> Checked {
    diagnostics.extend(loaded.diagnostics);
    if loaded.config_read {
        diagnostics.extend(rules::check(&loaded.site));
    }
    let mut diagnostics = policy.apply(diagnostics);
    diagnostics::sort(&mut diagnostics);
    let score = rules::score::score(&diagnostics, &policy);
    Checked { site: loaded.site, diagnostics, score, policy }
}

fn add_link_diagnostics(checked: &mut Checked, portal: &render::Portal) {
    let found = checked.policy.apply(links::check(&checked.site, portal));
    if found.is_empty() {
        return;
    }
    checked.diagnostics.extend(found);
    diagnostics::sort(&mut checked.diagnostics);
    checked.score = rules::score::score(&checked.diagnostics, &checked.policy);
}
