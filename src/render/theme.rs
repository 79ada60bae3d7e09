//! Themes: the bundled ones, a site's own `themes/<name>/`, and single-template overrides
//! from the site's `templates/`.

use crate::boundary::{Boundary, Found};
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/themes.rs"));

/// A file of a theme's `static/` folder, copied to the output root.
#[derive(Debug, Clone)]
pub enum Asset {
    /// Bundled in the binary.
    Bundled(&'static [u8]),
    /// On disk.
    File(PathBuf),
}

/// A theme ready to compile: its templates (after the site's overrides) and static files.
#[derive(Debug, Default)]
pub struct Theme {
    /// (template name, source, where it came from for messages).
    pub templates: Vec<(String, String, String)>,
    /// (path under the output root, contents).
    pub assets: Vec<(PathBuf, Asset)>,
    /// Folders a live preview should watch (empty for a bundled theme).
    pub folders: Vec<PathBuf>,
}

/// Why a theme could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// No theme of that name.
    #[error("site.yaml names theme `{name}`, which is neither in {local} nor bundled with govsite\n  = help: use one of: {available}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// Where a site-local theme would be.
        local: String,
        /// Bundled theme names.
        available: String,
    },
    /// A theme or template file is a link that leads outside the site folder.
    #[error("{path} is a symbolic link that leads outside the site folder, so govsite does not read it\n  = help: copy the file into the site folder instead of linking to it")]
    OutsideLink {
        /// The link, as found under the site folder.
        path: String,
    },
    /// A theme or template file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
}

/// Names of the bundled themes.
pub fn bundled_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = BUILTIN_THEME_FILES.iter().map(|(t, _, _)| *t).collect();
    names.dedup();
    names
}

/// Loads theme `name` for the site in `root`, then applies `root/templates/` overrides;
/// nothing outside the site folder is read.
pub fn load(root: &Path, name: &str) -> Result<Theme, ThemeError> {
    // `schema/name` reports a path given as a theme; refuse it here too, so that no caller
    // ever reads a theme from outside `themes/`.
    if !crate::model::values::is_name(name) {
        return Err(ThemeError::Unknown {
            name: name.to_string(),
            local: root.join("themes").display().to_string(),
            available: bundled_names().join(", "),
        });
    }
    let boundary = Boundary::new(root)
        .ok_or_else(|| ThemeError::Io { path: root.display().to_string(), message: "the folder is gone".into() })?;
    let local = root.join("themes").join(name);
    // A theme folder linked elsewhere is no local theme.
    let is_local = local.is_dir() && boundary.contains(&local);
    let mut theme = if is_local {
        let mut theme = Theme { folders: vec![local.clone()], ..Theme::default() };
        read_templates(&boundary, &local.join("templates"), &mut theme.templates)?;
        for (rel, path) in files(&boundary, &local.join("static"))? {
            theme.assets.push((rel, Asset::File(path)));
        }
        theme
    } else {
        bundled(name).ok_or_else(|| ThemeError::Unknown {
            name: name.to_string(),
            local: local.display().to_string(),
            available: bundled_names().join(", "),
        })?
    };
    let overrides = root.join("templates");
    if overrides.is_dir() {
        let mut extra = Vec::new();
        read_templates(&boundary, &overrides, &mut extra)?;
        for (name, source, origin) in extra {
            theme.templates.retain(|(n, _, _)| *n != name);
            theme.templates.push((name, source, origin));
        }
        theme.folders.push(overrides);
    }
    Ok(theme)
}

fn bundled(name: &str) -> Option<Theme> {
    let mut theme = Theme::default();
    for (_, path, bytes) in BUILTIN_THEME_FILES.iter().filter(|(t, _, _)| *t == name) {
        if let Some(template) = path.strip_prefix("templates/") {
            let source = String::from_utf8_lossy(bytes).into_owned();
            theme.templates.push((template.to_string(), source, format!("themes/{name}/{path}")));
        } else if let Some(asset) = path.strip_prefix("static/") {
            theme.assets.push((PathBuf::from(asset), Asset::Bundled(bytes)));
        }
    }
    (!theme.templates.is_empty()).then_some(theme)
}

fn files(boundary: &Boundary, dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, ThemeError> {
    let mut out = Vec::new();
    if !dir.is_dir() && !boundary.leaves(dir) {
        return Ok(out);
    }
    for found in boundary.walk(dir) {
        match found {
            Found::File(entry) => {
                if let Ok(rel) = entry.path().strip_prefix(dir) {
                    out.push((rel.to_path_buf(), entry.path().to_path_buf()));
                }
            }
            Found::OutsideLink(path) => {
                return Err(ThemeError::OutsideLink { path: boundary.relative(&path).display().to_string() })
            }
            Found::Error(e) => return Err(ThemeError::Io { path: dir.display().to_string(), message: e.to_string() }),
        }
    }
    Ok(out)
}

fn read_templates(boundary: &Boundary, dir: &Path, out: &mut Vec<(String, String, String)>) -> Result<(), ThemeError> {
    for (rel, path) in files(boundary, dir)? {
        let source = crate::load::read_text(&path)
            .map_err(|e| ThemeError::Io { path: path.display().to_string(), message: e.to_string() })?;
        let name = rel.to_string_lossy().replace('\\', "/");
        out.push((name, source, path.display().to_string()));
    }
    Ok(())
}
