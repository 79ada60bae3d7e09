//! Connections: accepting them, the cap on how many are open, and their deadlines.
//!
//! Why not `tiny_http::Server`: version 0.12 reads a request line into a buffer that grows
//! until a line end arrives (200 MB sent, 200 MB held), starts a thread for every connection
//! without limit, and has no read or idle timeout; it can be handed only a listener, never
//! an accepted stream, so a layer in front of it could not pass a checked connection on
//! without proxying every byte. So the preview accepts and reads request heads itself
//! (`head.rs`, with caps) and keeps tiny_http for what it does well: building and writing
//! responses (`Response::raw_print`, see `respond.rs`).
//!
//! Every connection has a thread of its own (from `pool.rs`), and at most
//! [`MAX_CONNECTIONS`] are open at once besides the event streams (which have their own cap
//! in `reload.rs`). When they are all taken, the connection that has waited longest for a
//! request is closed to make room, so idle or slow clients can never lock out a new one.

use super::head::{self, HeadError};
use super::http::Reply;
use super::respond;
use super::Shared;
use std::collections::HashMap;
use std::io::{self, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Page connections open at once (browsers open about six per server).
pub const MAX_CONNECTIONS: usize = 128;

/// After refusing a request, how much more of it is read and thrown away so that the
/// refusal reaches the client before the connection closes (closing with unread input
/// would reset the connection and lose the answer).
const LINGER_BYTES: u64 = 256 * 1024;

/// How long that may take at most.
const LINGER_TIME: Duration = Duration::from_secs(1);

/// The open page connections, so that one can be closed to make room for another.
#[derive(Default)]
pub struct Connections {
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next: u64,
    by_id: HashMap<u64, Entry>,
}

struct Entry {
    socket: TcpStream,
    /// Since when it waits for a request; `None` while one is being answered.
    waiting_since: Option<Instant>,
}

/// A connection's place among the open ones, given up when dropped.
pub struct Slot {
    shared: Arc<Shared>,
    id: u64,
}

impl Connections {
    /// Registers `socket`, closing the connection that has waited longest for a request if
    /// all [`MAX_CONNECTIONS`] are taken; `None` if every one is busy answering.
    fn admit(&self, shared: &Arc<Shared>, socket: &TcpStream) -> Option<Slot> {
        let handle = socket.try_clone().ok()?;
        let mut open = self.lock();
        if open.by_id.len() >= MAX_CONNECTIONS {
            let oldest = open
                .by_id
                .iter()
                .filter_map(|(id, e)| e.waiting_since.map(|since| (since, *id)))
                .min()
                .map(|(_, id)| id)?;
            if let Some(evicted) = open.by_id.remove(&oldest) {
                let _ = evicted.socket.shutdown(Shutdown::Both);
            }
        }
        open.next += 1;
        let id = open.next;
        open.by_id.insert(id, Entry { socket: handle, waiting_since: Some(Instant::now()) });
        Some(Slot { shared: Arc::clone(shared), id })
    }

    /// Closes every page connection (the server is stopping).
    pub fn close_all(&self) {
        for (_, entry) in self.lock().by_id.drain() {
            let _ = entry.socket.shutdown(Shutdown::Both);
        }
    }

    fn lock(&self) -> MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Slot {
    fn set_waiting(&self, waiting: bool) {
        if let Some(entry) = self.shared.connections.lock().by_id.get_mut(&self.id) {
            entry.waiting_since = waiting.then(Instant::now);
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.shared.connections.lock().by_id.remove(&self.id);
    }
}

/// A socket whose every read and write must be done by a deadline, however the client
/// trickles its bytes: a per-call timeout alone would let one byte every few seconds keep a
/// connection forever.
pub struct Timed {
    socket: TcpStream,
    deadline: Instant,
}

impl Timed {
    fn new(socket: TcpStream) -> Timed {
        Timed { socket, deadline: Instant::now() }
    }

    fn left(&self) -> io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        Ok(left)
    }
}

impl Read for Timed {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.socket.set_read_timeout(Some(self.left()?))?;
        self.socket.read(buf)
    }
}

impl Write for Timed {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.socket.set_write_timeout(Some(self.left()?))?;
        self.socket.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.socket.flush()
    }
}

/// Accepts connections until the server stops, handing each to a thread of the pool.
pub fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    for incoming in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        match incoming {
            Ok(socket) => admit(socket, shared),
            // Out of file descriptors, say: wait for some to be freed rather than spin.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

fn admit(socket: TcpStream, shared: &Arc<Shared>) {
    let _ = socket.set_nodelay(true);
    let Some(slot) = shared.connections.admit(shared, &socket) else {
        // Every connection is busy answering: say so without waiting for this client.
        let _ = socket.set_nonblocking(true);
        let _ = respond::refuse(&mut &socket, 503);
        return;
    };
    let job_shared = Arc::clone(shared);
    // With every thread busy (only while evicted connections wind down) the job is dropped,
    // and with it the socket and the slot.
    let _ = shared.pool.run(Box::new(move || serve(socket, &job_shared, slot)));
}

/// Answers requests on one connection until it closes, goes idle or turns into an event
/// stream.
fn serve(socket: TcpStream, shared: &Arc<Shared>, slot: Slot) {
    let Ok(write_half) = socket.try_clone() else { return };
    let mut reader = BufReader::new(Timed::new(socket));
    let mut writer = Timed::new(write_half);
    let idle = shared.idle_timeout;
    loop {
        slot.set_waiting(true);
        reader.get_mut().deadline = Instant::now() + idle;
        let head = head::read(&mut reader);
        slot.set_waiting(false);
        let head = match head {
            Ok(head) => head,
            Err(error) => {
                if let Some(status) = HeadError::status(&error) {
                    writer.deadline = Instant::now() + idle;
                    if respond::refuse(&mut writer, status).is_ok() {
                        linger(reader, &writer.socket);
                    }
                }
                return;
            }
        };
        let reply = respond::route(shared, &head);
        if reply == Reply::Events {
            // The stream has its own cap and runs on this thread: it no longer counts as a
            // page connection.
            drop(slot);
            return stream(shared, writer.socket, reader);
        }
        // A body is never read: the connection closes after the answer instead.
        let close = head.has_body || !head.keep_alive;
        writer.deadline = Instant::now() + idle;
        if respond::write(&mut writer, reply, &head, close).is_err() {
            return;
        }
        if close {
            linger(reader, &writer.socket);
            return;
        }
    }
}

/// Runs the live-reload stream for this connection, or answers 503 when too many are open.
fn stream(shared: &Arc<Shared>, socket: TcpStream, reader: BufReader<Timed>) {
    let current = || shared.current_problem();
    if let Err(socket) = super::reload::stream(&shared.hub, socket, current, shared.idle_timeout) {
        let mut writer = Timed { socket, deadline: Instant::now() + shared.idle_timeout };
        let message = "Too many live-reload streams are open; close some pages of the preview.\n";
        if respond::refuse_with(&mut writer, 503, message).is_ok() {
            linger(reader, &writer.socket);
        }
    }
}

/// Ends the answer, then reads and drops what the client still sends (bounded in bytes and
/// time) so that the answer is not lost to a connection reset.
fn linger(reader: BufReader<Timed>, socket: &TcpStream) {
    let _ = socket.shutdown(Shutdown::Write);
    let mut timed = reader.into_inner();
    timed.deadline = Instant::now() + LINGER_TIME;
    let _ = io::copy(&mut timed.take(LINGER_BYTES), &mut io::sink());
}
