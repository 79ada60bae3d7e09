//! What validation produces: a site checked under its policy, or a portfolio of them. The
//! renderer reads these; the pipeline makes them.

use crate::diagnostics::Diagnostic;
use crate::model::{Doc, PortfolioConfig, Site};
use std::path::PathBuf;

/// A loaded site and the verdict of its checks.
#[derive(Debug)]
pub struct Checked {
    /// The site as loaded.
    pub site: Site,
    /// Every problem, with the severity the policy gives it, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The completeness score, 0–100.
    pub score: u32,
    /// The profile, overrides and exemptions in force.
    pub policy: super::policy::Policy,
    /// Each page's Markdown, read once (in the order of `site.pages`): for the link check.
    pub pages: Vec<std::sync::Arc<super::PageReading>>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// One project of a portfolio, checked.
#[derive(Debug)]
pub struct CheckedProject {
    /// Its folder name: its address under the portfolio.
    pub name: String,
    /// Its folder, relative to the portfolio.
    pub dir: PathBuf,
    /// The project as loaded and checked (diagnostic files relative to the project).
    pub checked: Checked,
}

/// A portfolio and each of its projects, checked.
#[derive(Debug)]
pub struct CheckedPortfolio {
    /// portfolio.yaml.
    pub config: Doc<PortfolioConfig>,
    /// The projects, in the order listed.
    pub projects: Vec<CheckedProject>,
    /// Problems of portfolio.yaml itself and of every project, files relative to the portfolio.
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckedPortfolio {
    /// The lowest project score (the one a CI gate should look at).
    pub fn score(&self) -> u32 {
        self.projects.iter().map(|p| p.checked.score).min().unwrap_or(100)
    }
}
