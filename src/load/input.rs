//! What a folder given to govsite holds: one site, or a portfolio of them. Decided here once,
//! so every command (and the watcher) agrees on it.

use super::LoadError;
use std::path::{Path, PathBuf};

/// The file that makes a folder a portfolio.
pub const PORTFOLIO_FILE: &str = "portfolio.yaml";

/// The two kinds of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A folder with a site.yaml (or site.yml).
    Site,
    /// A folder with a portfolio.yaml and no site.yaml.
    Portfolio,
}

impl Input {
    /// What `root` holds; an error that says what was meant when it is neither.
    pub fn find(root: &Path) -> Result<Input, LoadError> {
        if site_file(root).is_some() {
            return Ok(Input::Site);
        }
        if root.join(PORTFOLIO_FILE).is_file() {
            return Ok(Input::Portfolio);
        }
        let shown = root.display().to_string();
        if root.is_file() {
            let folder = root.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            return Err(LoadError::NotAFolder { path: shown, folder: folder.display().to_string() });
        }
        if !root.exists() {
            return Err(LoadError::Missing(shown));
        }
        Err(LoadError::NotASite(shown))
    }

    /// Whether `root` holds a portfolio.
    pub fn is_portfolio(root: &Path) -> bool {
        matches!(Input::find(root), Ok(Input::Portfolio))
    }
}

/// The names a site's configuration may have, in the order they are looked for.
pub const SITE_FILES: [&str; 2] = ["site.yaml", "site.yml"];

/// The site.yaml (or site.yml) of `folder`, as a file name.
pub fn site_file(folder: &Path) -> Option<PathBuf> {
    SITE_FILES.iter().map(PathBuf::from).find(|name| folder.join(name).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_was_meant() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("nope");
        assert!(matches!(Input::find(&missing), Err(LoadError::Missing(_))));
        assert!(matches!(Input::find(dir.path()), Err(LoadError::NotASite(_))));
        std::fs::write(dir.path().join("site.yaml"), "title: x\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Input::find(dir.path()).ok(), Some(Input::Site));
        let err = Input::find(&dir.path().join("site.yaml")).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("is a file") && err.contains(&dir.path().display().to_string()), "{err}");
    }
}
