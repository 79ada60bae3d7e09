//! Watching the site and its theme: native events (or polling), debounced, with editor
//! temporary files and the output folder ignored.

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, Debouncer, NoCache, RecommendedCache,
};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// Quiet time before a burst of events becomes one rebuild: short enough to feel instant,
/// long enough to see an editor's write-then-rename save as one change (those events come
/// within a few milliseconds). The debouncer looks every quarter of it, so a save waits
/// 20–25 ms before its rebuild starts: a fifth of the 100 ms a save → reload may take.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// How often `--poll` scans the files.
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// A running watcher over a site; dropping it stops watching.
pub struct SiteWatcher {
    inner: Watcher,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

enum Watcher {
    /// inotify, FSEvents, ReadDirectoryChangesW.
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    /// Scans the files every [`POLL_INTERVAL`].
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// The folders of a site that hold its input (watched recursively when they exist).
pub const INPUT_FOLDERS: [&str; 6] = ["governance", "content", "static", "templates", "themes", "i18n"];

/// Watches `root`: its site.yaml and input folders (a site's own theme lives in `themes/`),
/// sending every debounced batch to `events`.
pub fn watch(root: &Path, poll: bool, events: Sender<DebounceEventResult>) -> notify::Result<SiteWatcher> {
    let inner = if poll {
        let config = notify::Config::default().with_poll_interval(POLL_INTERVAL).with_compare_contents(true);
        Watcher::Poll(new_debouncer_opt(DEBOUNCE, None, events, NoCache, config)?)
    } else {
        Watcher::Native(new_debouncer(DEBOUNCE, None, events)?)
    };
    let mut watcher = SiteWatcher { inner, root: root.to_path_buf(), watched: Vec::new() };
    if crate::load::Input::is_portfolio(root) {
        // A portfolio's projects and defaults may sit anywhere below it: watch it all, and
        // let `is_relevant` skip output folders.
        watcher.add(root, RecursiveMode::Recursive)?;
        return Ok(watcher);
    }
    // The site folder itself, not recursively: site.yaml saved by rename is seen there, and
    // the output folder (usually public/ inside it) is never watched.
    watcher.add(root, RecursiveMode::NonRecursive)?;
    watcher.refresh()?;
    Ok(watcher)
}

impl SiteWatcher {
    /// Starts watching input folders that did not exist before (a new `content/`, say).
    pub fn refresh(&mut self) -> notify::Result<()> {
        if crate::load::Input::is_portfolio(&self.root) {
            return Ok(());
        }
        let folders: Vec<PathBuf> = INPUT_FOLDERS.iter().map(|f| self.root.join(f)).collect();
        for folder in folders {
            if folder.is_dir() && !self.watched.contains(&folder) {
                self.add(&folder, RecursiveMode::Recursive)?;
            }
        }
        self.watched.retain(|f| f.exists());
        Ok(())
    }

    fn add(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match &mut self.inner {
            Watcher::Native(d) => d.watch(path, mode)?,
            Watcher::Poll(d) => d.watch(path, mode)?,
        }
        self.watched.push(path.to_path_buf());
        Ok(())
    }
}

/// Whether a changed path matters to the site in `root`: input files, not editor temporaries.
pub fn is_relevant(root: &Path, path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else { return false };
    if is_temporary(&name) {
        return false;
    }
    if crate::load::Input::is_portfolio(root) {
        // Skip output and tool folders anywhere in a portfolio.
        return path.strip_prefix(root).is_ok_and(|rel| {
            !rel.components().any(|c| {
                let c = c.as_os_str().to_string_lossy();
                c.starts_with('.') || ["public", "target", "node_modules"].contains(&c.as_ref())
            })
        });
    }
    match path.strip_prefix(root) {
        // In the site folder itself only site.yaml counts (and input folders appearing).
        Ok(rel) if rel.components().count() == 1 => {
            crate::load::SITE_FILES.contains(&name.as_ref()) || INPUT_FOLDERS.contains(&name.as_ref())
        }
        Ok(rel) => rel.components().next().is_some_and(|c| INPUT_FOLDERS.iter().any(|f| c.as_os_str() == *f)),
        Err(_) => false,
    }
}

/// Swap, backup and temporary files of editors (vim, emacs, JetBrains, Kate, and the
/// write-then-rename temporaries of many tools).
pub fn is_temporary(name: &str) -> bool {
    name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".kate-swp", ".crswap", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|ext| name.ends_with(ext))
        || name.contains(".tmp.")
        || (name.starts_with('.') && name.contains(".tmp"))
        || name == "4913"
        || name == ".DS_Store"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_are_ignored() {
        for name in [
            "roles.yaml~",
            ".roles.yaml.swp",
            "#roles.yaml#",
            ".#roles.yaml",
            "4913",
            "roles.yaml.tmp.1234",
            ".roles.yaml.tmp5",
            "x___jb_tmp___",
        ] {
            assert!(is_temporary(name), "{name}");
        }
        assert!(!is_temporary("roles.yaml"));
    }

    #[test]
    fn only_inputs_are_relevant() {
        let root = Path::new("/s");
        assert!(is_relevant(root, Path::new("/s/site.yaml")));
        assert!(is_relevant(root, Path::new("/s/governance/roles.yaml")));
        assert!(is_relevant(root, Path::new("/s/content/a/b.md")));
        assert!(!is_relevant(root, Path::new("/s/public/index.html")));
        assert!(!is_relevant(root, Path::new("/s/README.md")));
        assert!(!is_relevant(root, Path::new("/s/governance/.roles.yaml.swp")));
    }
}
