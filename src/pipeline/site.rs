//! The stages for one site folder.

use super::{
    check_links, publish_url, render_checked, validate, BuildOptions, CheckOptions, Error, Outcome, SiteCache,
};
use crate::rules::{policy::Policy, Checked};
use crate::{load, render};
use std::path::Path;

/// Load → validate → check links.
pub(super) fn check(root: &Path, options: &CheckOptions) -> Result<Checked, Error> {
    let mut checked = load_and_validate(root, options)?;
    check_links(&mut checked)?;
    Ok(checked)
}

/// Load → validate → render → check links, in memory (reusing `cache`, when given).
pub(super) fn render(
    root: &Path,
    options: &BuildOptions,
    cache: Option<&mut SiteCache>,
) -> Result<(Outcome, render::Portal), Error> {
    let (checked, render_cache) = match cache {
        Some(cache) => {
            let loaded = load::load_site_kept(root, &mut cache.pages)?;
            (validate_loaded(loaded, &options.check, Some(&mut cache.readings)), Some(&mut cache.render))
        }
        None => (load_and_validate(root, &options.check)?, None),
    };
    render_validated(checked, options, render::Pages::Keep, render_cache)
}

/// Render → check links, of a validated site; its pages go to `pages_to`.
pub(super) fn render_validated(
    checked: Checked,
    options: &BuildOptions,
    pages_to: render::Pages<'_>,
    cache: Option<&mut render::RenderCache>,
) -> Result<(Outcome, render::Portal), Error> {
    let base_url = publish_url(options, &checked.site.site.base_url);
    let (checked, portal) = render_checked(checked, Some(base_url), options.drafts, pages_to, cache)?;
    Ok((Outcome { diagnostics: checked.diagnostics, score: checked.score }, portal))
}

/// Load and every rule that reads the model, under the site's own policy.
pub(super) fn load_and_validate(root: &Path, options: &CheckOptions) -> Result<Checked, Error> {
    Ok(validate_loaded(load::load_site(root)?, options, None))
}

/// Every rule that reads the model, on a loaded site, under its own policy.
fn validate_loaded(
    loaded: load::Loaded,
    options: &CheckOptions,
    readings: Option<&mut crate::rules::Readings>,
) -> Checked {
    let (policy, problems) = Policy::from_site(&loaded.site.site, options.profile.as_deref());
    validate(loaded, policy, problems, readings)
}
