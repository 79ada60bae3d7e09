//! Output: refuses dangerous output folders, writes the new site beside the old one and
//! swaps it in only when complete, so a failed or killed build leaves the previous output whole.

use crate::render::{Content, OutputFile};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The file govsite leaves in every output folder: the proof that it may replace it.
pub const MARKER: &str = ".govsite-output";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder is one govsite must never replace.
    #[error("refusing to write the site to {path}: {reason}\n  = help: pass another folder with --output, e.g. `--output public`")]
    Refused {
        /// The folder.
        path: String,
        /// Why it is dangerous.
        reason: String,
    },
    /// Writing failed; the previous output is untouched.
    #[error("cannot write {path}: {source}\n  = help: the previous output was left as it was")]
    Io {
        /// The file or folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.display().to_string(), source }
}

/// Checks that `output` may be (re)placed by a build of the site in `site_root`.
///
/// Refused: `/`, the home folder, the site folder, any folder that contains the site, and a
/// non-empty folder without govsite's marker.
pub fn check_destination(output: &Path, site_root: &Path) -> Result<PathBuf, OutputError> {
    let out = resolve(output).map_err(io(output))?;
    let site = resolve(site_root).map_err(io(site_root))?;
    let refuse =
        |reason: &str| Err(OutputError::Refused { path: output.display().to_string(), reason: reason.to_string() });
    if out.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        if resolve(Path::new(&home)).is_ok_and(|home| home == out) {
            return refuse("it is your home folder");
        }
    }
    if out == site {
        return refuse("it is the site folder itself");
    }
    if site.starts_with(&out) {
        return refuse("it contains the site folder");
    }
    if out.is_file() {
        return refuse("it is a file, not a folder");
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let empty = std::fs::read_dir(&out).map_err(io(output))?.next().is_none();
        if !empty {
            return refuse(&format!("it is not empty and was not written by govsite (it has no {MARKER} file)"));
        }
    }
    Ok(out)
}

/// An absolute path with every existing part resolved (symlinks followed), so that two
/// spellings of one folder compare equal even if the folder does not exist yet.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(real) => {
                let mut out = real;
                for part in rest.iter().rev() {
                    out.push(part);
                }
                return Ok(out);
            }
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => return Ok(absolute),
            },
        }
    }
}

/// Writes `files` as the new contents of `output` (already checked), atomically replacing it.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
    Staging::new(output)?.finish(files)
}

/// A new output being written: a staging folder beside the output folder, swapped in whole
/// by [`Staging::finish`]. Dropped unfinished (the build failed), it is removed and the
/// previous output stays as it was.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    staging: PathBuf,
    previous: PathBuf,
    finished: bool,
}

impl Staging {
    /// Starts writing the output `output` (already checked by [`check_destination`]).
    pub fn new(output: &Path) -> Result<Staging, OutputError> {
        let parent = output.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
        let staging = parent.join(format!(".{name}.govsite-new-{}", std::process::id()));
        let previous = parent.join(format!(".{name}.govsite-old-{}", std::process::id()));
        remove_own(&staging)?;
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        Ok(Staging { output: output.to_path_buf(), staging, previous, finished: false })
    }

    /// Writes one file (`path` under the output folder) now; pages are streamed here as
    /// they are rendered, from several threads at once.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let target = self.staging.join(path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&target, bytes)
    }

    /// Writes the rest of `files` (those not [`Content::Written`] already) and swaps the new
    /// output in for the previous one.
    pub fn finish(mut self, files: &[OutputFile]) -> Result<(), OutputError> {
        write_all(&self.staging, files)?;
        let (output, staging, previous) = (&self.output, &self.staging, &self.previous);
        if output.exists() {
            remove_own(previous)?;
            std::fs::rename(output, previous).map_err(io(output))?;
            if let Err(source) = std::fs::rename(staging, output) {
                // Put the previous output back before reporting (the staging folder goes
                // when `self` is dropped).
                let _ = std::fs::rename(previous, output);
                return Err(OutputError::Io { path: output.display().to_string(), source });
            }
            self.finished = true;
            remove_own(previous)?;
        } else {
            std::fs::rename(staging, output).map_err(io(output))?;
            self.finished = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// Removes a folder only if govsite wrote it (it holds the marker) or it is empty.
fn remove_own(dir: &Path) -> Result<(), OutputError> {
    if !dir.exists() {
        return Ok(());
    }
    let ours = dir.join(MARKER).is_file() || std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(false);
    if ours {
        std::fs::remove_dir_all(dir).map_err(io(dir))
    } else {
        Err(OutputError::Refused {
            path: dir.display().to_string(),
            reason: "it is in the way and was not written by govsite".into(),
        })
    }
}

fn write_all(root: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter(|f| !matches!(f.content, Content::Written))
        .filter_map(|f| f.path.parent().map(|p| root.join(p)))
        .collect();
    std::fs::create_dir_all(root).map_err(io(root))?;
    for folder in &folders {
        std::fs::create_dir_all(folder).map_err(io(folder))?;
    }
    files.par_iter().try_for_each(|file| {
        let target = root.join(&file.path);
        match &file.content {
            Content::Bytes(bytes) => std::fs::write(&target, bytes),
            Content::Bundled(bytes) => std::fs::write(&target, bytes),
            Content::Copy(source) => std::fs::copy(source, &target).map(|_| ()),
            Content::Written => Ok(()),
        }
        .map_err(io(&target))
    })?;
    let marker = root.join(MARKER);
    std::fs::write(&marker, "This folder was written by govsite; every build replaces it whole.\n").map_err(io(&marker))
}
