//! Building the site into a new snapshot, and doing it again on every relevant change.

use super::reload::Hub;
use super::snapshot::Snapshot;
use super::{overlay, watch, Shared};
use crate::BuildOptions;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Builds the site into a new snapshot, or records the problem and keeps the old one.
pub fn rebuild(shared: &Shared) -> bool {
    let started = Instant::now();
    let options = BuildOptions { drafts: true, origin: Some(shared.origin.clone()), ..BuildOptions::default() };
    // A bug in govsite must not end the preview: a panic in a rebuild is shown like any other
    // problem, and the next save tries again.
    let mut cache = shared.cache.lock().unwrap_or_else(|p| p.into_inner());
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::render_site_cached(&shared.root, &options, &mut cache)
    }))
    .unwrap_or_else(|panic| {
        // What a render that panicked left behind is not trusted: the next one starts over.
        *cache = crate::SiteCache::default();
        let what =
            panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
        Err(crate::Error::Internal(what.unwrap_or_else(|| "a panic".into())))
    });
    match result {
        Ok((checked, portal)) => {
            let files = portal.files.len();
            let snapshot = Snapshot::from_portal(portal);
            print_diagnostics(&checked.diagnostics, &shared.root);
            eprintln!(
                "Rebuilt {} files in {} ms (completeness score {}/100)",
                files,
                started.elapsed().as_millis(),
                checked.score
            );
            *shared.state.write().unwrap_or_else(|p| p.into_inner()) = snapshot;
            true
        }
        Err(error) => {
            let built = !shared.snapshot().files.is_empty();
            let language = site_language(&shared.root);
            let locale = crate::i18n::Locale::bundled(&language);
            let still = if built {
                "still serving the last good build"
            } else {
                "nothing has built yet; pages show the problem until it is fixed"
            };
            let overlay = match &error {
                crate::Error::Invalid(found) => {
                    print_diagnostics(found, &shared.root);
                    eprintln!("error: the site has {}; {still}", crate::diagnostics::summary(found));
                    overlay::for_diagnostics(found, &shared.root, built, &locale)
                }
                other => {
                    eprintln!("error: {other}\n{still}");
                    overlay::for_error(&other.to_string(), built, &locale)
                }
            };
            let mut state = shared.state.write().unwrap_or_else(|p| p.into_inner());
            state.problem = Some(overlay);
            state.language = language;
            false
        }
    }
}

/// The language site.yaml names, for the overlay's words (read on its own: the build that
/// failed may not have loaded the site); `en` when site.yaml cannot be read or names none.
fn site_language(root: &Path) -> String {
    #[derive(serde::Deserialize)]
    struct Language {
        language: Option<String>,
    }
    crate::load::site_file(root)
        .and_then(|file| crate::load::read_text(&root.join(file)).ok())
        .and_then(|text| serde_yaml::from_str::<Language>(&text).ok())
        .and_then(|site| site.language)
        .unwrap_or_else(|| "en".into())
}

/// Prints what the overlay shows: the preview is for looking at pages, and thousands of
/// diagnostics on every save would bury the terminal (and slow each rebuild).
fn print_diagnostics(found: &[crate::diagnostics::Diagnostic], root: &Path) {
    let (text, hidden) = overlay::shown(found, root);
    eprint!("{text}");
    if hidden > 0 {
        eprintln!("…and {hidden} more; `govsite check` lists them all");
    }
}

/// Rebuilds on every batch of relevant changes and tells open pages, until the server stops.
pub fn on_change(
    shared: &Shared,
    events: &mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    mut watcher: watch::SiteWatcher,
) {
    while !shared.stop.load(Ordering::SeqCst) {
        let Ok(batch) = events.recv_timeout(Duration::from_millis(200)) else { continue };
        let mut relevant = matters(&shared.root, batch);
        // Coalesce bursts: everything already queued goes into this one rebuild.
        while let Ok(more) = events.try_recv() {
            relevant |= matters(&shared.root, more);
        }
        if !relevant {
            continue;
        }
        if let Err(e) = watcher.refresh() {
            eprintln!("warning: cannot watch a new folder: {e}");
        }
        let built = rebuild(shared);
        tell(&shared.hub, built, shared.snapshot().problem.as_deref());
    }
}

/// Tells every open page: reload after a good build, else show the problem. Never waits
/// for a page (see `reload.rs`).
fn tell(hub: &Hub, built: bool, problem: Option<&str>) {
    match (built, problem) {
        (true, _) => hub.broadcast("reload", "{}"),
        (false, Some(problem)) => hub.broadcast("problem", &super::json_string(problem)),
        (false, None) => {}
    }
}

fn matters(root: &Path, batch: notify_debouncer_full::DebounceEventResult) -> bool {
    match batch {
        Ok(events) => events.iter().any(|e| {
            !matches!(e.kind, notify::EventKind::Access(_)) && e.paths.iter().any(|p| watch::is_relevant(root, p))
        }),
        Err(_) => true,
    }
}
