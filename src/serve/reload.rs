//! Server-Sent Events: open pages listen here and are told to reload, or shown a problem.
//!
//! Each open page gets a bounded queue that only its own thread writes to its socket, with a
//! write timeout. The rebuild thread only puts a shared message into every queue without
//! waiting: a page whose queue is full has fallen behind and is dropped (its socket shut, so
//! a write it is stuck in fails at once). So no page, however slow, delays a rebuild or
//! another page, and a stalled one costs at most its queue.

use std::io::Write;
use std::net::{Shutdown, TcpStream};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Open event streams allowed at once; one more is answered 503. Each holds a thread and a
/// socket, so their number must be bounded like any other connection's.
pub const MAX_STREAMS: usize = 64;

/// Messages that may wait for a page; a page further behind than this is dropped. Pages
/// only act on the last message, so a few are plenty for a page that is merely slow.
const QUEUE: usize = 16;

/// A comment line this often keeps proxies from closing a quiet stream.
const PING_EVERY: Duration = Duration::from_secs(15);

/// How often a quiet stream looks whether its page went away, so its slot is freed soon
/// after a page is closed or reloaded rather than at the next message.
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// The response head of an event stream, written by hand: tiny_http would buffer a
/// streamed response until 8 KiB had queued, and a reload must arrive at once.
const HEAD: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";

/// Every open page's event stream.
pub struct Hub {
    clients: Mutex<Clients>,
    max: usize,
}

#[derive(Default)]
struct Clients {
    next: u64,
    list: Vec<Client>,
}

struct Client {
    id: u64,
    queue: SyncSender<Arc<str>>,
    /// Ends the page's connection; never blocks.
    hang_up: Box<dyn Fn() + Send>,
}

/// A page's place in the hub: its queue, and its slot until dropped.
pub struct Member<'a> {
    hub: &'a Hub,
    id: u64,
    /// Messages for this page, in order.
    pub queue: Receiver<Arc<str>>,
}

impl Drop for Member<'_> {
    fn drop(&mut self) {
        self.hub.lock().list.retain(|c| c.id != self.id);
    }
}

impl Default for Hub {
    fn default() -> Self {
        Hub::new(MAX_STREAMS)
    }
}

impl Hub {
    /// A hub for at most `max` streams.
    pub fn new(max: usize) -> Hub {
        Hub { clients: Mutex::default(), max }
    }

    /// Adds a page, unless [`MAX_STREAMS`] are open; `hang_up` must end its connection
    /// without blocking (it is called with the hub locked).
    pub fn join(&self, hang_up: Box<dyn Fn() + Send>) -> Option<Member<'_>> {
        let mut clients = self.lock();
        if clients.list.len() >= self.max {
            return None;
        }
        let (sender, queue) = mpsc::sync_channel(QUEUE);
        clients.next += 1;
        let id = clients.next;
        clients.list.push(Client { id, queue: sender, hang_up });
        Some(Member { hub: self, id, queue })
    }

    /// Queues an event for every open page, never waiting: a page whose queue is full is
    /// dropped.
    pub fn broadcast(&self, event: &str, data: &str) {
        let message: Arc<str> = message(event, data).into();
        self.lock().list.retain(|client| match client.queue.try_send(Arc::clone(&message)) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => {
                (client.hang_up)();
                false
            }
            Err(TrySendError::Disconnected(_)) => false,
        });
    }

    /// Ends every stream (the server is stopping).
    pub fn close_all(&self) {
        for client in self.lock().list.drain(..) {
            (client.hang_up)();
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().list.len()
    }

    fn lock(&self) -> MutexGuard<'_, Clients> {
        // A panic while holding the lock leaves the list usable; keep serving.
        self.clients.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// One event in the wire format: `event:`, a `data:` line per line of `data`, a blank line.
pub fn message(event: &str, data: &str) -> String {
    let mut message = format!("event: {event}\n");
    for line in data.lines() {
        message.push_str("data: ");
        message.push_str(line);
        message.push('\n');
    }
    message.push('\n');
    message
}

/// Runs a page's event stream on the calling thread until the page goes away, falls behind
/// or the server stops. `current` is asked after joining, so no event between it and the
/// queue is lost (at worst one arrives twice). `None` if [`MAX_STREAMS`] are open: nothing
/// has been written then.
pub fn stream(
    hub: &Hub,
    mut socket: TcpStream,
    current: impl FnOnce() -> Option<String>,
    write_timeout: Duration,
) -> Result<(), TcpStream> {
    let Ok(closer) = socket.try_clone() else { return Ok(()) };
    let Some(member) = hub.join(Box::new(move || {
        let _ = closer.shutdown(Shutdown::Both);
    })) else {
        return Err(socket);
    };
    let mut first = HEAD.to_vec();
    if let Some(message) = current() {
        first.extend_from_slice(message.as_bytes());
    }
    // A page never sends anything on its stream, so a short read timeout only serves to
    // look whether it hung up.
    let ready = socket.set_write_timeout(Some(write_timeout)).is_ok()
        && socket.set_read_timeout(Some(Duration::from_millis(1))).is_ok();
    if !ready || send(&mut socket, &first).is_err() {
        return Ok(());
    }
    let mut last_write = Instant::now();
    loop {
        let sent = match member.queue.recv_timeout(CHECK_EVERY) {
            Ok(message) => send(&mut socket, message.as_bytes()),
            Err(RecvTimeoutError::Timeout) if hung_up(&socket) => return Ok(()),
            Err(RecvTimeoutError::Timeout) if last_write.elapsed() >= PING_EVERY => send(&mut socket, b": ping\n\n"),
            Err(RecvTimeoutError::Timeout) => continue,
            // Dropped for falling behind, or the server stops.
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        if sent.is_err() {
            return Ok(());
        }
        last_write = Instant::now();
    }
}

fn send(socket: &mut TcpStream, bytes: &[u8]) -> std::io::Result<()> {
    socket.write_all(bytes)?;
    socket.flush()
}

/// Whether the page closed its end (or sent something, which a page listening to events
/// never does).
fn hung_up(socket: &TcpStream) -> bool {
    let mut byte = [0u8; 1];
    match socket.peek(&mut byte) {
        Ok(_) => true,
        Err(e) => !matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn counting(hung_up: &Arc<AtomicUsize>) -> Box<dyn Fn() + Send> {
        let hung_up = Arc::clone(hung_up);
        Box::new(move || {
            hung_up.fetch_add(1, Ordering::SeqCst);
        })
    }

    #[test]
    fn a_page_that_falls_behind_is_dropped_and_delays_nobody() {
        let hub = Hub::default();
        let stalled_hung_up = Arc::new(AtomicUsize::new(0));
        let stalled = hub.join(counting(&stalled_hung_up)).unwrap();
        let reading = hub.join(counting(&Arc::new(AtomicUsize::new(0)))).unwrap();
        let started = Instant::now();
        for i in 0..QUEUE * 4 {
            hub.broadcast("problem", &format!("\"{i}\""));
            assert_eq!(reading.queue.try_recv().as_deref(), Ok(message("problem", &format!("\"{i}\"")).as_str()));
        }
        // Nothing waited: the whole loop is queue operations only.
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(stalled_hung_up.load(Ordering::SeqCst), 1, "the stalled page was hung up once");
        assert_eq!(hub.len(), 1, "only the reading page is left");
        // The stalled page gets what was queued before it fell behind, then the end.
        assert_eq!(stalled.queue.try_iter().count(), QUEUE);
        assert!(matches!(stalled.queue.try_recv(), Err(mpsc::TryRecvError::Disconnected)));
    }

    #[test]
    fn streams_are_capped_and_slots_come_back() {
        let hub = Hub::new(2);
        let first = hub.join(Box::new(|| {})).unwrap();
        let _second = hub.join(Box::new(|| {})).unwrap();
        assert!(hub.join(Box::new(|| {})).is_none());
        drop(first);
        assert!(hub.join(Box::new(|| {})).is_some());
    }

    #[test]
    fn events_are_one_block_with_a_data_line_per_line() {
        assert_eq!(message("reload", "{}"), "event: reload\ndata: {}\n\n");
        assert_eq!(message("problem", "a\nb"), "event: problem\ndata: a\ndata: b\n\n");
    }
}
