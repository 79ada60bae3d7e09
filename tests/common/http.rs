//! A running `govsite serve` (the real binary) and a tiny HTTP/1.1 client over raw TCP, so
//! request targets are sent exactly as written, traversal forms included.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, ChildStderr, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long anything may take on a loaded CI machine before a test gives up.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A `govsite serve` child process; killed (and reaped) when dropped.
pub struct Server {
    child: Child,
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The URL it printed, e.g. `http://127.0.0.1:40123/tiny/`.
    pub url: String,
    /// The path part of `url` (the site's base path), e.g. `/tiny/`.
    pub base: String,
    /// Every line the server wrote to stderr so far (drained in the background, so the
    /// pipe never fills up and blocks the server).
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `govsite serve SITE --port 0` and waits for its "Serving … at URL" line.
    pub fn start(site: &Path) -> Server {
        Server::start_with(site, &[])
    }

    /// The same with extra arguments (e.g. `--poll`).
    pub fn start_with(site: &Path, extra: &[&str]) -> Server {
        let site = site.to_string_lossy();
        let mut args = vec!["serve", site.as_ref(), "--port", "0"];
        args.extend_from_slice(extra);
        let mut child = Command::new(env!("CARGO_BIN_EXE_govsite"))
            .args(&args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start govsite serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let lines = drain(stderr, Arc::clone(&log));
        let deadline = Instant::now() + PATIENCE;
        let url = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(url) = serving_url(&line) {
                        break url;
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("govsite serve printed no URL; its stderr:\n{}", log.lock().unwrap().join("\n"));
                }
            }
        };
        let rest = url.strip_prefix("http://").expect("an http URL");
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let addr = host.parse().unwrap_or_else(|e| panic!("address in {url}: {e}"));
        let base = if path.is_empty() { "/".to_string() } else { path.to_string() };
        Server { child, addr, url, base, log }
    }

    /// Sends one request (`Connection: close`) and reads the whole response.
    pub fn request(&self, method: &str, target: &str) -> Response {
        request(self.addr, method, target)
    }

    /// `GET target`.
    pub fn get(&self, target: &str) -> Response {
        self.request("GET", target)
    }

    /// Opens the live-reload event stream under the base path.
    pub fn events(&self) -> EventStream {
        EventStream::open(self.addr, &format!("{}__govsite/events", self.base))
    }

    /// The server's stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).join("\n")
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A number field of `/proc/PID/status` (Linux), e.g. `Threads`, or `VmRSS` in KiB.
    pub fn proc_status(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        let line = status.lines().find(|l| l.split(':').next() == Some(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// The exit status, once the process has ended.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The URL in `Serving DIR at URL (Ctrl-C to stop)`.
pub fn serving_url(line: &str) -> Option<String> {
    let rest = line.strip_prefix("Serving ")?;
    let at = rest.rfind(" at http://")?;
    let url = rest[at + 4..].split_whitespace().next()?;
    Some(url.to_string())
}

/// Reads `stderr` line by line on a thread: every line goes into `log` and down the channel.
fn drain(stderr: ChildStderr, log: Arc<Mutex<Vec<String>>>) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            log.lock().unwrap_or_else(|p| p.into_inner()).push(line.clone());
            // Nobody listens once the URL is known; keep draining regardless.
            let _ = tx.send(line);
        }
    });
    rx
}

/// One HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers in order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked).
    pub body: Vec<u8>,
}

impl Response {
    /// The first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `METHOD target HTTP/1.1` with `Host` and `Connection: close`, exactly as given, and
/// reads the response to the end of the connection.
pub fn request(addr: SocketAddr, method: &str, target: &str) -> Response {
    try_request(addr, method, target).unwrap_or_else(|e| panic!("{method} {target}: {e}"))
}

/// [`request`], returning I/O errors instead of panicking.
pub fn try_request(addr: SocketAddr, method: &str, target: &str) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect_timeout(&addr, PATIENCE)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    let head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    stream.flush()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse(&raw, method == "HEAD")
}

/// Sends `raw` exactly as given (a malformed or oversized request, say) and reads the
/// response to the end of the connection.
pub fn exchange(addr: SocketAddr, raw: &[u8]) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect_timeout(&addr, PATIENCE)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    stream.write_all(raw)?;
    stream.flush()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse(&raw, false)
}

fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message)
}

/// Parses a complete response: status line, headers, body (by length, chunks or to the end).
fn parse(raw: &[u8], head_only: bool) -> std::io::Result<Response> {
    let end = find(raw, b"\r\n\r\n").ok_or_else(|| invalid(format!("no end of headers in {raw:?}")))?;
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split(' ');
    let (version, code) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    if !version.starts_with("HTTP/1.") {
        return Err(invalid(format!("not an HTTP response: {status_line}")));
    }
    let status = code.parse().map_err(|_| invalid(format!("bad status line: {status_line}")))?;
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_string(), v.trim().to_string())).collect();
    let mut response = Response { status, headers, body: raw[end + 4..].to_vec() };
    if head_only {
        return Ok(response);
    }
    let chunked = response.header("Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if chunked {
        response.body = dechunk(&response.body)?;
    } else if let Some(length) = response.header("Content-Length").and_then(|v| v.parse::<usize>().ok()) {
        if response.body.len() < length {
            return Err(invalid(format!("body cut short: {} of {length} bytes", response.body.len())));
        }
        response.body.truncate(length);
    }
    Ok(response)
}

fn dechunk(mut data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(data, b"\r\n").ok_or_else(|| invalid("chunk size line".into()))?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| invalid(format!("chunk size {size_text:?}")))?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size + 2 {
            return Err(invalid("chunk cut short".into()));
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// One Server-Sent Event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `event:` (`message` when absent).
    pub name: String,
    /// The `data:` lines, joined by newlines.
    pub data: String,
}

/// An open live-reload event stream, read incrementally.
pub struct EventStream {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl EventStream {
    /// Connects, asks for `path` and checks the response head (200, `text/event-stream`).
    pub fn open(addr: SocketAddr, path: &str) -> EventStream {
        EventStream::try_open(addr, path).unwrap_or_else(|head| panic!("event stream answered {head}"))
    }

    /// [`EventStream::open`], returning the response head when it is not an event stream.
    pub fn try_open(addr: SocketAddr, path: &str) -> Result<EventStream, String> {
        let mut stream = TcpStream::connect_timeout(&addr, PATIENCE).expect("connect to the event stream");
        let head = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n");
        stream.write_all(head.as_bytes()).expect("ask for the event stream");
        let mut events = EventStream { stream, buffer: Vec::new() };
        let deadline = Instant::now() + PATIENCE;
        let end = loop {
            if let Some(end) = find(&events.buffer, b"\r\n\r\n") {
                break end;
            }
            assert!(events.fill(deadline), "no response head from the event stream: {:?}", events.buffer);
        };
        let head = String::from_utf8_lossy(&events.buffer[..end]).into_owned();
        events.buffer.drain(..end + 4);
        let is_stream = head.to_ascii_lowercase().contains("content-type: text/event-stream");
        if !head.starts_with("HTTP/1.1 200") || !is_stream {
            return Err(head);
        }
        Ok(events)
    }

    /// Reads more bytes, waiting at most until `deadline`; false on timeout or end of stream.
    fn fill(&mut self, deadline: Instant) -> bool {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        let _ = self.stream.set_read_timeout(Some(left.max(Duration::from_millis(1))));
        let mut chunk = [0u8; 16 * 1024];
        match self.stream.read(&mut chunk) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buffer.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// The next event (comments and `retry:` lines skipped), or `None` by `deadline`.
    pub fn next_before(&mut self, deadline: Instant) -> Option<Event> {
        loop {
            while let Some(end) = find(&self.buffer, b"\n\n") {
                let block: Vec<u8> = self.buffer.drain(..end + 2).collect();
                if let Some(event) = parse_event(&String::from_utf8_lossy(&block)) {
                    return Some(event);
                }
            }
            if !self.fill(deadline) {
                return None;
            }
        }
    }

    /// Waits for an event called `name`, skipping others; panics after [`PATIENCE`].
    pub fn expect(&mut self, name: &str) -> Event {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        while let Some(event) = self.next_before(deadline) {
            if event.name == name {
                return event;
            }
            seen.push(event.name);
        }
        panic!("no `{name}` event within {PATIENCE:?} (saw {seen:?})");
    }

    /// Waits for `reload` events until `ready()` holds after one; panics after [`PATIENCE`].
    /// (A save may reach the watcher as two bursts, so the first reload can predate it.)
    pub fn expect_reload_until(&mut self, mut ready: impl FnMut() -> bool) {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        while let Some(event) = self.next_before(deadline) {
            if event.name == "reload" && ready() {
                return;
            }
            seen.push(event.name);
        }
        panic!("no `reload` event followed by the expected content within {PATIENCE:?} (saw {seen:?})");
    }
}

/// One event block; `None` for a block of comments or `retry:` only.
fn parse_event(block: &str) -> Option<Event> {
    let (mut name, mut data, mut any) = (None, Vec::new(), false);
    for line in block.lines() {
        if let Some(v) = line.strip_prefix("event:") {
            name = Some(v.trim_start().to_string());
            any = true;
        } else if let Some(v) = line.strip_prefix("data:") {
            data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
            any = true;
        }
    }
    any.then(|| Event { name: name.unwrap_or_else(|| "message".into()), data: data.join("\n") })
}
