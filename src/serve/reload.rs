//! Server-Sent Events: open pages listen here and are told to reload, or shown a problem.

use std::io::Write;
use std::sync::Mutex;

/// Every open page's event stream.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
}

/// The response head of an event stream, written by hand: tiny_http would buffer a
/// streamed response until 8 KiB had queued, and a reload must arrive at once.
const HEAD: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";

impl Hub {
    /// Adds a page's connection; `current` is sent first (the problem being shown, if any).
    pub fn join(&self, mut writer: Box<dyn Write + Send>, current: Option<(&str, &str)>) {
        let mut ok = writer.write_all(HEAD).and_then(|()| writer.flush()).is_ok();
        if let (true, Some((event, data))) = (ok, current) {
            ok = send(&mut writer, event, data);
        }
        if ok {
            self.lock().push(writer);
        }
    }

    /// Sends an event to every open page; connections that fail are dropped.
    pub fn broadcast(&self, event: &str, data: &str) {
        self.lock().retain_mut(|w| send(w, event, data));
    }

    /// A comment line that keeps proxies from closing idle streams and prunes dead clients.
    pub fn ping(&self) {
        self.lock().retain_mut(|w| w.write_all(b": ping\n\n").and_then(|()| w.flush()).is_ok());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Box<dyn Write + Send>>> {
        // A panic while holding the lock leaves the list usable; keep serving.
        self.clients.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn send(writer: &mut Box<dyn Write + Send>, event: &str, data: &str) -> bool {
    let mut message = format!("event: {event}\n");
    for line in data.lines() {
        message.push_str(&format!("data: {line}\n"));
    }
    message.push('\n');
    writer.write_all(message.as_bytes()).and_then(|()| writer.flush()).is_ok()
}
