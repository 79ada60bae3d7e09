//! Turns a [`Reply`] into bytes on the wire with tiny_http's response writer (status line,
//! `Date`, `Content-Length`, no body for HEAD).

use super::head::Head;
use super::http::{reply, Reply};
use super::Shared;
use std::io::{self, BufWriter, Cursor, Write};
use std::sync::Arc;
use tiny_http::{HTTPVersion, Header, Response, StatusCode};

/// The reply to `head` from the current snapshot.
pub fn route(shared: &Shared, head: &Head) -> Reply {
    reply(&shared.snapshot(), &head.method, &head.target)
}

const PLAIN: &str = "text/plain; charset=utf-8";

/// A body shared with the snapshot, so a large file is not copied for each request.
struct Body(Arc<Vec<u8>>);

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// Writes `reply` (anything but [`Reply::Events`]); `close` announces that the connection
/// ends after it.
pub fn write(out: &mut impl Write, reply: Reply, head: &Head, close: bool) -> io::Result<()> {
    let (status, body, header) = match reply {
        Reply::File { status, content_type, body } => (status, body, ("Content-Type", content_type.to_string())),
        Reply::Redirect(location) => (302, Arc::default(), ("Location", location)),
        Reply::MethodNotAllowed => (405, text("Only GET and HEAD are served.\n"), ("Allow", "GET, HEAD".into())),
        Reply::BadRequest => (400, text("Bad request.\n"), ("Content-Type", PLAIN.into())),
        Reply::Events => (500, text("The event stream is not a page.\n"), ("Content-Type", PLAIN.into())),
    };
    let length = body.len();
    let mut response = Response::new(StatusCode(status), Vec::new(), Cursor::new(Body(body)), Some(length), None)
        // Always a Content-Length, never chunks: every body is complete in memory.
        .with_chunked_threshold(usize::MAX);
    add(&mut response, header.0, &header.1);
    add(&mut response, "Cache-Control", "no-cache");
    if close {
        add(&mut response, "Connection", "close");
    } else if head.minor == 0 {
        // An HTTP/1.0 client keeps the connection only when told it may.
        add(&mut response, "Connection", "keep-alive");
    }
    print(out, response, head.minor, head.method == "HEAD")
}

/// A plain-text refusal that ends the connection (400, 414, 431, 503, 505).
pub fn refuse(out: &mut impl Write, status: u16) -> io::Result<()> {
    let message = match status {
        414 => "The request line is longer than 8 KiB.\n",
        431 => "The request headers are larger than 64 KiB.\n",
        503 => "Too many connections; try again.\n",
        505 => "Only HTTP/1.0 and HTTP/1.1 are served.\n",
        _ => "Bad request.\n",
    };
    refuse_with(out, status, message)
}

/// [`refuse`] with its own message.
pub fn refuse_with(out: &mut impl Write, status: u16, message: &str) -> io::Result<()> {
    let mut response = Response::from_string(message).with_status_code(status);
    add(&mut response, "Content-Type", PLAIN);
    add(&mut response, "Connection", "close");
    print(out, response, 1, false)
}

fn text(message: &str) -> Arc<Vec<u8>> {
    Arc::new(message.as_bytes().to_vec())
}

/// Adds a header; values are ASCII by construction (a `Location` is percent-encoded), and
/// one that were not is left out rather than sent broken.
fn add<R: io::Read>(response: &mut Response<R>, name: &str, value: &str) {
    if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        response.add_header(header);
    }
}

fn print<R: io::Read>(out: &mut impl Write, response: Response<R>, minor: u8, head_only: bool) -> io::Result<()> {
    // Header lines are written one by one; gather them into few packets.
    let mut buffered = BufWriter::new(out);
    response.raw_print(&mut buffered, HTTPVersion(1, minor), &[], head_only, None)?;
    buffered.flush()
}
