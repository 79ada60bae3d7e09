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
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod rules;
pub mod suggest;

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

/// Options of `govsite build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; `<site>/public` when `None`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Include draft pages.
    pub drafts: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Warnings found (errors stop the build).
    pub diagnostics: Vec<Diagnostic>,
    /// The output folder.
    pub output: PathBuf,
    /// How many files were written.
    pub files: usize,
}

/// Loads and validates the site in `root`: every diagnostic, sorted.
pub fn check(root: &Path) -> Result<(model::Site, Vec<Diagnostic>), Error> {
    let loaded = load::load_site(root)?;
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(rules::check(&loaded.site));
    diagnostics::sort(&mut diagnostics);
    Ok((loaded.site, diagnostics))
}

/// Builds the site in `root`: load → validate → render → write atomically.
pub fn build(root: &Path, options: &BuildOptions) -> Result<BuildReport, Error> {
    let output = options.output.clone().unwrap_or_else(|| root.join("public"));
    let destination = output::check_destination(&output, root)?;
    let (site, diagnostics) = check(root)?;
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Invalid(diagnostics));
    }
    let render_options = render::RenderOptions { base_url: options.base_url.clone(), drafts: options.drafts };
    let files = render::render(&site, &render_options)?;
    output::write_site(&destination, &files)?;
    Ok(BuildReport { diagnostics, output, files: files.len() })
}
