//! `govsite serve`: builds into memory, serves the portal, rebuilds on every save and tells
//! open pages to reload; a broken edit keeps the last good build and shows the problem.

mod conn;
mod head;
mod http;
mod overlay;
mod pool;
mod rebuild;
mod reload;
mod respond;
mod snapshot;
mod watch;

pub use conn::MAX_CONNECTIONS;
pub use head::{MAX_HEADERS, MAX_REQUEST_LINE};
pub use http::{content_type, reply, Reply};
pub use overlay::MAX_SHOWN;
pub use reload::MAX_STREAMS;
pub use snapshot::{inject, live_script, Snapshot, EVENTS};
pub use watch::{is_relevant, is_temporary};

use conn::Connections;
use pool::Pool;
use reload::Hub;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, RwLock, RwLockReadGuard};
use std::time::Duration;

/// Options of `govsite serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Interface to listen on; 127.0.0.1 unless asked otherwise.
    pub bind: String,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Use the polling watcher (file systems without change events).
    pub poll: bool,
    /// How long a connection may wait for its next request, and the most a request head
    /// may take to arrive or an answer to be taken (30 s).
    pub idle_timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions { bind: "127.0.0.1".into(), port: 1111, poll: false, idle_timeout: IDLE_TIMEOUT }
    }
}

/// The default of [`ServeOptions::idle_timeout`].
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

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
    /// What the last rebuild rendered, for the next (only the rebuild thread takes it).
    cache: std::sync::Mutex<crate::SiteCache>,
    hub: Hub,
    connections: Connections,
    pool: Arc<Pool>,
    origin: String,
    idle_timeout: Duration,
    stop: AtomicBool,
}

impl Shared {
    fn snapshot(&self) -> RwLockReadGuard<'_, Snapshot> {
        self.state.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The event that shows the current problem, for a page that starts listening.
    fn current_problem(&self) -> Option<String> {
        self.snapshot().problem.as_deref().map(|p| reload::message("problem", &json_string(p)))
    }
}

/// A running preview server.
pub struct Preview {
    shared: Arc<Shared>,
    /// The address it listens on.
    pub addr: SocketAddr,
    threads: Vec<std::thread::JoinHandle<()>>,
}

/// Starts serving the site in `root`: the first build, the server and the watcher.
pub fn start(root: &Path, options: &ServeOptions) -> Result<Preview, ServeError> {
    // Change events carry absolute, resolved paths; compare them with the same spelling.
    let root = &root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let addr = format!("{}:{}", options.bind, options.port);
    let listen_error = |e: std::io::Error| ServeError::Listen { addr: addr.clone(), reason: e.to_string() };
    let listener = TcpListener::bind(&addr).map_err(listen_error)?;
    let bound = listener.local_addr().map_err(listen_error)?;
    let shared = Arc::new(Shared {
        root: root.to_path_buf(),
        state: RwLock::new(Snapshot::default()),
        cache: Default::default(),
        hub: Hub::default(),
        connections: Connections::default(),
        // Page connections, streams, and evicted connections still winding down.
        pool: Arc::new(Pool::new(MAX_CONNECTIONS + MAX_STREAMS + 16)),
        origin: format!("http://{bound}"),
        // A zero timeout would mean none at all to the socket calls behind it.
        idle_timeout: options.idle_timeout.max(Duration::from_millis(1)),
        stop: AtomicBool::new(false),
    });
    rebuild::rebuild(&shared);

    let (events_tx, events_rx) = mpsc::channel();
    let watcher = watch::watch(root, options.poll, events_tx).map_err(|e| ServeError::Watch(e.to_string()))?;
    let mut threads = Vec::new();
    let accept_shared = Arc::clone(&shared);
    threads.push(std::thread::spawn(move || conn::accept(&listener, &accept_shared)));
    let watcher_shared = Arc::clone(&shared);
    threads.push(std::thread::spawn(move || rebuild::on_change(&watcher_shared, &events_rx, watcher)));
    Ok(Preview { shared, addr: bound, threads })
}

impl Preview {
    /// The URL of the portal's home page.
    pub fn url(&self) -> String {
        format!("{}{}", self.shared.origin, self.shared.snapshot().base_path)
    }

    /// Stops the server: ends every connection and stream and waits for its own threads.
    pub fn stop(self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // The accept loop waits in `accept`: one more connection lets it see the flag.
        let _ = TcpStream::connect_timeout(&wake_address(self.addr), Duration::from_secs(1));
        self.shared.hub.close_all();
        self.shared.connections.close_all();
        self.shared.pool.close();
        for thread in self.threads {
            let _ = thread.join();
        }
    }
}

/// Where to connect to reach our own listener (an unspecified address is not one).
fn wake_address(mut addr: SocketAddr) -> SocketAddr {
    if addr.ip().is_unspecified() {
        addr.set_ip(match addr {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    addr
}

/// A JSON string literal (the event data of a problem: one line, any characters).
fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}
