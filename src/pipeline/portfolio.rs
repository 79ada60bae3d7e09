//! The stages for a portfolio (OSPO mode): `portfolio.yaml` lists project sites that inherit
//! governance documents from a shared folder; each project goes through the site stages under
//! the portfolio's policy and is published under `<base_url><project folder name>/`, beside a
//! home page comparing them and an organisation-wide people page.

use super::{check_links, publish_url, render_checked, validate, BuildOptions, CheckOptions, Error, Outcome};
use crate::boundary::Boundary;
use crate::diagnostics::{self, Diagnostic};
use crate::load::{self, LoadError, PORTFOLIO_FILE as FILE};
use crate::model::{item_path, Doc, PortfolioConfig};
use crate::paths::normalize;
use crate::render::{self, OutputFile, Portal};
use crate::rules::policy::Policy;
use crate::rules::{CheckedPortfolio as Portfolio, CheckedProject as Project};
use std::path::{Path, PathBuf};

/// Loads portfolio.yaml and checks every project under the portfolio's policy; links only
/// with `links` (a build checks them on its own render).
pub(super) fn check(root: &Path, options: &CheckOptions, links: bool) -> Result<Portfolio, Error> {
    let config = load_config(root)?;
    let boundary = Boundary::new(root).ok_or_else(|| LoadError::Missing(root.display().to_string()))?;
    let mut diagnostics = Vec::new();
    crate::rules::check_required(&config, "portfolio", &mut diagnostics);
    crate::rules::check_values(&config, "portfolio", &mut diagnostics);
    let (portfolio_policy, problems) = Policy::from_check(&config.check, config.origin(), options.profile.as_deref());
    diagnostics.extend(problems);
    let mut defaults = config.defaults.as_deref().map(|d| root.join(d));
    if let (Some(d), Some(path)) = (&defaults, &config.defaults) {
        if boundary.leaves(d) {
            diagnostics.push(
                Diagnostic::error(
                    "files/outside-link",
                    FILE,
                    config.pos("defaults"),
                    format!("the defaults folder `{path}` leads outside the portfolio folder"),
                )
                .with_help(
                    "keep the inherited documents inside the portfolio folder; govsite reads nothing outside it",
                ),
            );
            defaults = None;
        } else if !d.is_dir() {
            diagnostics.push(
                Diagnostic::error(
                    "files/missing",
                    FILE,
                    config.pos("defaults"),
                    format!("the defaults folder `{path}` does not exist"),
                )
                .with_help("create it, or fix the path (relative to portfolio.yaml)"),
            );
        }
    }
    let mut projects = Vec::new();
    for (i, dir) in config.projects.iter().enumerate() {
        let project_root = root.join(dir);
        let name = project_name(dir);
        if !boundary.contains(&project_root) && project_root.exists() {
            diagnostics.push(
                Diagnostic::error(
                    "files/outside-link",
                    FILE,
                    config.pos(&item_path("projects", i)),
                    format!("project `{dir}` leads outside the portfolio folder"),
                )
                .with_help("list project folders inside the portfolio folder; govsite reads nothing outside it"),
            );
            continue;
        }
        if load::site_file(&project_root).is_none() {
            diagnostics.push(
                Diagnostic::error(
                    "files/missing",
                    FILE,
                    config.pos(&item_path("projects", i)),
                    format!("project `{dir}` has no site.yaml"),
                )
                .with_help("each project is a site folder with its own site.yaml; fix the path or create the file"),
            );
            continue;
        }
        let inherit = defaults.as_ref().and_then(|d| relative_path(&project_root, d));
        let loaded = load::load_site_inheriting(&project_root, inherit.as_deref(), &boundary)?;
        let (policy, problems) = Policy::for_project(&portfolio_policy, &loaded.site.site, options.profile.as_deref());
        let mut checked = validate(loaded, policy, problems, None);
        if links {
            check_links(&mut checked)?;
        }
        let rel = PathBuf::from(dir);
        diagnostics.extend(checked.diagnostics.iter().cloned().map(|d| within(&rel, d)));
        projects.push(Project { name, dir: rel, checked });
    }
    diagnostics.extend(duplicate_project(&config, &projects));
    diagnostics::sort(&mut diagnostics);
    Ok(Portfolio { config, projects, diagnostics })
}

/// portfolio.yaml, parsed; a file that does not parse stops everything.
fn load_config(root: &Path) -> Result<Doc<PortfolioConfig>, Error> {
    let text = load::read_text(&root.join(FILE))
        .map_err(|source| LoadError::Io { path: root.join(FILE).display().to_string(), source })?;
    load::parse(Path::new(FILE), &text).map_err(|d| Error::Invalid(vec![d]))
}

/// `portfolio/duplicate-project`: two projects published at the same address.
fn duplicate_project(config: &Doc<PortfolioConfig>, projects: &[Project]) -> Option<Diagnostic> {
    let mut names: Vec<&str> = projects.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    let pair = names.windows(2).find(|w| w[0] == w[1])?;
    Some(
        Diagnostic::error(
            "portfolio/duplicate-project",
            FILE,
            config.key_pos("projects"),
            format!("two projects share the folder name `{}`, so they would share an address", pair[0]),
        )
        .with_help("rename one of the project folders"),
    )
}

/// Renders every project under its address and the portfolio's own pages.
pub(super) fn render(root: &Path, options: &BuildOptions) -> Result<(Outcome, Portal), Error> {
    let checked = check(root, &options.check, false)?;
    if checked.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Invalid(checked.diagnostics));
    }
    let base_url = publish_url(options, &checked.config.base_url);
    let mut files = Vec::new();
    let mut link_problems = Vec::new();
    let mut rendered = Vec::new();
    for project in checked.projects {
        let url = format!("{base_url}{}/", project.name);
        let dir = project.dir.clone();
        match render_checked(project.checked, Some(url), options.drafts, render::Pages::Keep, None) {
            Ok((done, portal)) => {
                files.extend(
                    portal
                        .files
                        .into_iter()
                        .map(|f| OutputFile { path: Path::new(&project.name).join(&f.path), content: f.content }),
                );
                rendered.push(Project { name: project.name, dir: project.dir, checked: done });
            }
            Err(Error::Invalid(found)) => link_problems.extend(found.into_iter().map(|d| within(&dir, d))),
            Err(other) => return Err(other),
        }
    }
    if link_problems.iter().any(Diagnostic::is_error) {
        diagnostics::sort(&mut link_problems);
        return Err(Error::Invalid(link_problems));
    }
    let finished = Portfolio { config: checked.config, projects: rendered, diagnostics: checked.diagnostics };
    let project_pages: Vec<String> =
        files.iter().filter_map(|f| f.path.to_str()?.strip_suffix("index.html").map(str::to_string)).collect();
    files.extend(render::portfolio::pages(&finished, root, &base_url, &project_pages)?);
    let mut diagnostics: Vec<Diagnostic> = finished
        .projects
        .iter()
        .flat_map(|p| p.checked.diagnostics.iter().cloned().map(|d| within(&p.dir, d)))
        .collect();
    diagnostics.extend(finished.diagnostics.iter().filter(|d| d.file == Path::new(FILE)).cloned());
    diagnostics::sort(&mut diagnostics);
    diagnostics.dedup();
    let outcome = Outcome { diagnostics, score: finished.score() };
    let links = crate::markdown::LinkResolver { base_path: render::base_path(&base_url), ..Default::default() };
    Ok((outcome, Portal { files, links, templates: Vec::new(), pages: Vec::new() }))
}

/// The folder name a project is published under.
fn project_name(dir: &str) -> String {
    Path::new(dir).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| dir.to_string())
}

/// A project's diagnostic, with its file named from the portfolio folder.
fn within(dir: &Path, mut d: Diagnostic) -> Diagnostic {
    d.file = normalize(&dir.join(&d.file));
    d
}

/// `to` as seen from `from` (both existing folders), e.g. `../../org-defaults`.
fn relative_path(from: &Path, to: &Path) -> Option<PathBuf> {
    pathdiff::diff_paths(to.canonicalize().ok()?, from.canonicalize().ok()?)
}
