//! The site folder as a boundary: every file govsite reads for a site goes through here, and
//! nothing that resolves outside the folder is read, followed, published or printed.
//!
//! govsite runs in CI on pull requests from strangers; a symbolic link in such a pull request
//! (`content/x.md -> /etc/shadow`, `static -> /etc`) must not carry a runner's files into a
//! public portal or log. The folder is resolved once (the path given may itself go through a
//! link); a link inside it is followed only when its target is inside too.

use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// A resolved site (or portfolio) folder.
#[derive(Debug, Clone)]
pub struct Boundary {
    /// The folder as the user gave it, for messages and relative paths.
    root: PathBuf,
    /// The folder with every link resolved.
    real: PathBuf,
}

/// What a walk of a folder inside the boundary met.
#[derive(Debug)]
pub enum Found {
    /// A file inside the boundary (possibly through links that stay inside), as a path under
    /// the folder walked.
    File(DirEntry),
    /// A symbolic link (to a file or a folder) that resolves outside; not followed.
    OutsideLink(PathBuf),
    /// A walk error: a link loop or an unreadable entry.
    Error(walkdir::Error),
}

impl Boundary {
    /// The boundary of `root`; `None` when it cannot be resolved (it does not exist).
    pub fn new(root: &Path) -> Option<Boundary> {
        Some(Boundary { root: root.to_path_buf(), real: root.canonicalize().ok()? })
    }

    /// The folder as given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether `path` exists and resolves inside the boundary.
    pub fn contains(&self, path: &Path) -> bool {
        path.canonicalize().is_ok_and(|real| real.starts_with(&self.real))
    }

    /// Whether `path` exists but resolves outside the boundary (through a link).
    pub fn leaves(&self, path: &Path) -> bool {
        path.canonicalize().is_ok_and(|real| !real.starts_with(&self.real))
    }

    /// `path` relative to the folder as given, for messages (`content/x.md`).
    pub fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Every file under `folder` (sorted by name), following links that stay inside and
    /// reporting those that leave, without ever reading what they point at.
    pub fn walk(&self, folder: &Path) -> Vec<Found> {
        let mut found = Vec::new();
        if self.leaves(folder) {
            found.push(Found::OutsideLink(folder.to_path_buf()));
            return found;
        }
        let mut outside = Vec::new();
        let walk = WalkDir::new(folder).follow_links(true).sort_by_file_name().into_iter().filter_entry(|entry| {
            // Only a link can lead out: everything below a folder already inside stays inside.
            if entry.path_is_symlink() && !self.contains(entry.path()) {
                // A dangling link is not followed either, but it is not a leak: say nothing.
                if self.leaves(entry.path()) {
                    outside.push(entry.path().to_path_buf());
                }
                return false;
            }
            true
        });
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() => found.push(Found::File(e)),
                Ok(_) => {}
                Err(e) => found.push(Found::Error(e)),
            }
        }
        found.extend(outside.into_iter().map(Found::OutsideLink));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_out_are_reported_and_not_followed() -> std::io::Result<()> {
        let outside = tempfile::tempdir()?;
        std::fs::write(outside.path().join("secret"), "s3cret")?;
        let site = tempfile::tempdir()?;
        let content = site.path().join("content");
        std::fs::create_dir_all(content.join("inner"))?;
        std::fs::write(content.join("inner/page.md"), "x")?;
        std::os::unix::fs::symlink(outside.path().join("secret"), content.join("leak.md"))?;
        std::os::unix::fs::symlink(outside.path(), content.join("etc"))?;
        std::os::unix::fs::symlink(content.join("inner"), content.join("alias"))?;
        let boundary = Boundary::new(site.path()).ok_or_else(|| std::io::Error::other("root"))?;
        let found = boundary.walk(&content);
        let files: Vec<_> = found
            .iter()
            .filter_map(|f| match f {
                Found::File(e) => Some(e.path().strip_prefix(&content).ok()?.to_path_buf()),
                _ => None,
            })
            .collect();
        assert_eq!(files, vec![PathBuf::from("alias/page.md"), PathBuf::from("inner/page.md")]);
        let mut out: Vec<_> = found
            .iter()
            .filter_map(|f| match f {
                Found::OutsideLink(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        out.sort();
        assert_eq!(out, vec!["etc", "leak.md"]);
        Ok(())
    }
}
