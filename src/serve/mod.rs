//! `govsite serve`: builds into memory, serves the portal, rebuilds on every save and tells
//! open pages to reload; a broken edit keeps the last good build and shows the problem.

mod http;
mod reload;
mod snapshot;
mod watch;

pub use http::{content_type, reply, Reply};
pub use snapshot::{inject, live_script, Snapshot, EVENTS};
pub use watch::{is_relevant, is_temporary};

use crate::BuildOptions;
use reload::Hub;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Options of `govsite serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Interface to listen on; 127.0.0.1 unless asked otherwise.
    pub bind: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Use the polling watcher (file systems without change events).
    pub poll: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions { bind: "127.0.0.1".into(), port: 1111, poll: false }
    }
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}: {reason}\n  = help: another program may use this port; try `--port 0` for any free port")]
    Listen {
        /// The address.
        addr: String,
        /// Why.
        reason: String,
    },
    /// The watcher could not start.
    #[error("cannot watch the site for changes: {0}\n  = help: try `--poll` on file systems without change events")]
    Watch(String),
}

/// The parts of a running preview that threads share.
struct Shared {
    root: PathBuf,
    state: RwLock<Snapshot>,
    hub: Hub,
    origin: String,
    stop: AtomicBool,
}

/// A running preview server.
pub struct Preview {
    shared: Arc<Shared>,
    /// The address it listens on.
    pub addr: SocketAddr,
    threads: Vec<std::thread::JoinHandle<()>>,
}

/// Threads answering requests; each event stream is handed off, so they are free again at once.
const WORKERS: usize = 8;

/// Starts serving the site in `root`: the first build, the server and the watcher.
pub fn start(root: &Path, options: &ServeOptions) -> Result<Preview, ServeError> {
    // Change events carry absolute, resolved paths; compare them with the same spelling.
    let root = &root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let addr = format!("{}:{}", options.bind, options.port);
    let server =
        tiny_http::Server::http(&addr).map_err(|e| ServeError::Listen { addr: addr.clone(), reason: e.to_string() })?;
    let Some(bound) = server.server_addr().to_ip() else {
        return Err(ServeError::Listen { addr, reason: "not an IP address".into() });
    };
    let server = Arc::new(server);
    let shared = Arc::new(Shared {
        root: root.to_path_buf(),
        state: RwLock::new(Snapshot::default()),
        hub: Hub::default(),
        origin: format!("http://{bound}"),
        stop: AtomicBool::new(false),
    });
    rebuild(&shared);

    let mut threads = Vec::new();
    for _ in 0..WORKERS {
        let (server, shared) = (Arc::clone(&server), Arc::clone(&shared));
        threads.push(std::thread::spawn(move || answer_requests(&server, &shared)));
    }
    let (events_tx, events_rx) = mpsc::channel();
    let watcher = watch::watch(root, options.poll, events_tx).map_err(|e| ServeError::Watch(e.to_string()))?;
    let watcher_shared = Arc::clone(&shared);
    threads.push(std::thread::spawn(move || rebuild_on_change(&watcher_shared, &events_rx, watcher)));
    let ping_shared = Arc::clone(&shared);
    threads.push(std::thread::spawn(move || keep_alive(&ping_shared)));
    Ok(Preview { shared, addr: bound, threads })
}

impl Preview {
    /// The URL of the portal's home page.
    pub fn url(&self) -> String {
        format!("{}{}", self.shared.origin, read(&self.shared).base_path)
    }

    /// Stops the server and waits for its threads.
    pub fn stop(self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        for thread in self.threads {
            let _ = thread.join();
        }
    }
}

fn read(shared: &Shared) -> std::sync::RwLockReadGuard<'_, Snapshot> {
    shared.state.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn answer_requests(server: &tiny_http::Server, shared: &Shared) {
    while !shared.stop.load(Ordering::SeqCst) {
        match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => answer(request, shared),
            Ok(None) => {}
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

fn answer(request: tiny_http::Request, shared: &Shared) {
    let method = request.method().as_str().to_string();
    let (result, problem) = {
        let snapshot = read(shared);
        (reply(&snapshot, &method, request.url()), snapshot.problem.clone())
    };
    let response = match result {
        Reply::Events => {
            let writer = request.into_writer();
            let current = problem.map(|p| json_string(&p));
            shared.hub.join(writer, current.as_deref().map(|p| ("problem", p)));
            return;
        }
        Reply::File { status, content_type, body } => {
            let mut r = tiny_http::Response::from_data(body.as_slice().to_vec()).with_status_code(status);
            for h in [header("Content-Type", content_type), header("Cache-Control", "no-cache")].into_iter().flatten() {
                r.add_header(h);
            }
            r
        }
        Reply::Redirect(location) => {
            let mut r = tiny_http::Response::from_data(Vec::new()).with_status_code(302);
            if let Some(h) = header("Location", &location) {
                r.add_header(h);
            }
            r
        }
        Reply::MethodNotAllowed => {
            let mut r = tiny_http::Response::from_string("Only GET and HEAD are served.\n").with_status_code(405);
            if let Some(h) = header("Allow", "GET, HEAD") {
                r.add_header(h);
            }
            r
        }
        Reply::BadRequest => tiny_http::Response::from_string("Bad request.\n").with_status_code(400),
    };
    // A client that hung up is no error of ours.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// A JSON string literal (the event data of a problem: one line, any characters).
fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// Builds the site into a new snapshot, or records the problem and keeps the old one.
fn rebuild(shared: &Shared) -> bool {
    let started = Instant::now();
    let options = BuildOptions { drafts: true, origin: Some(shared.origin.clone()), ..BuildOptions::default() };
    match crate::render_site(&shared.root, &options) {
        Ok((checked, portal)) => {
            let snapshot = Snapshot::from_portal(&portal);
            print_diagnostics(&checked.diagnostics, &shared.root);
            eprintln!(
                "Rebuilt {} files in {} ms (completeness score {}/100)",
                portal.files.len(),
                started.elapsed().as_millis(),
                checked.score
            );
            *shared.state.write().unwrap_or_else(|p| p.into_inner()) = snapshot;
            true
        }
        Err(error) => {
            let overlay = match &error {
                crate::Error::Invalid(found) => {
                    print_diagnostics(found, &shared.root);
                    eprintln!("error: the site has {}; {}", crate::diagnostics::summary(found), still_serving(shared));
                    snapshot::overlay(found, &shared.root)
                }
                other => {
                    eprintln!("error: {other}\n{}", still_serving(shared));
                    snapshot::overlay_text(
                        "The site could not be built; the last good build is shown",
                        &other.to_string(),
                    )
                }
            };
            shared.state.write().unwrap_or_else(|p| p.into_inner()).problem = Some(overlay);
            false
        }
    }
}

fn still_serving(shared: &Shared) -> &'static str {
    if read(shared).files.is_empty() {
        "pages show the problem until it is fixed"
    } else {
        "still serving the last good build"
    }
}

fn print_diagnostics(found: &[crate::diagnostics::Diagnostic], root: &Path) {
    for d in found {
        eprint!("{}", crate::diagnostics::render_human(d, root, false));
    }
}

fn rebuild_on_change(
    shared: &Shared,
    events: &mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    mut watcher: watch::SiteWatcher,
) {
    while !shared.stop.load(Ordering::SeqCst) {
        let Ok(batch) = events.recv_timeout(Duration::from_millis(200)) else { continue };
        let mut relevant = matters(shared, batch);
        // Coalesce bursts: everything already queued goes into this one rebuild.
        while let Ok(more) = events.try_recv() {
            relevant |= matters(shared, more);
        }
        if !relevant {
            continue;
        }
        if let Err(e) = watcher.refresh() {
            eprintln!("warning: cannot watch a new folder: {e}");
        }
        if rebuild(shared) {
            shared.hub.broadcast("reload", "{}");
        } else if let Some(problem) = read(shared).problem.clone() {
            shared.hub.broadcast("problem", &json_string(&problem));
        }
    }
}

fn matters(shared: &Shared, batch: notify_debouncer_full::DebounceEventResult) -> bool {
    match batch {
        Ok(events) => events.iter().any(|e| {
            !matches!(e.kind, notify::EventKind::Access(_)) && e.paths.iter().any(|p| is_relevant(&shared.root, p))
        }),
        Err(_) => true,
    }
}

fn keep_alive(shared: &Shared) {
    let mut last = Instant::now();
    while !shared.stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(200));
        if last.elapsed() >= Duration::from_secs(15) {
            shared.hub.ping();
            last = Instant::now();
        }
    }
}
