//! Reads one HTTP/1.x request head with hard caps, so that no client can make the server
//! buffer without limit: at most [`MAX_REQUEST_LINE`] bytes of request line and
//! [`MAX_HEADERS`] bytes of headers are ever held, whatever the client sends.

use std::io::{self, BufRead};

/// The longest request line accepted (method, target, version), without its line end.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;

/// The most header bytes accepted after the request line, line ends included.
pub const MAX_HEADERS: usize = 64 * 1024;

/// Empty lines tolerated before a request line (RFC 9112 §2.2: some clients send a stray
/// CRLF after a request body).
const LEADING_EMPTY_LINES: usize = 4;

/// What the preview needs to know of a request.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    /// `GET`, `HEAD`, … (a token, checked).
    pub method: String,
    /// The request target exactly as sent (valid UTF-8, no control characters).
    pub target: String,
    /// The minor version of HTTP/1.x.
    pub minor: u8,
    /// Whether the client wants the connection kept open after the response.
    pub keep_alive: bool,
    /// Whether a body follows (it is never read; the connection is closed after answering).
    pub has_body: bool,
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub enum HeadError {
    /// The connection ended, failed or ran out of time: there is nobody to answer.
    Gone,
    /// The request line is longer than [`MAX_REQUEST_LINE`]: 414.
    LineTooLong,
    /// The headers are larger than [`MAX_HEADERS`]: 431.
    HeadersTooLarge,
    /// Not an HTTP/1.x request: 400.
    Malformed,
    /// HTTP, but not version 1.0 or 1.1: 505.
    Version,
}

impl HeadError {
    /// The status to answer with, if the client is still there to read it.
    pub fn status(&self) -> Option<u16> {
        match self {
            HeadError::Gone => None,
            HeadError::LineTooLong => Some(414),
            HeadError::HeadersTooLarge => Some(431),
            HeadError::Malformed => Some(400),
            HeadError::Version => Some(505),
        }
    }
}

/// How reading one line ended.
enum Line {
    Complete,
    TooLong,
    End,
}

/// Reads the next request head from `reader`. Read errors (a timeout included) and the end
/// of the stream are [`HeadError::Gone`].
pub fn read(reader: &mut impl BufRead) -> Result<Head, HeadError> {
    let mut line = Vec::new();
    let mut empty = 0;
    loop {
        match read_line(reader, MAX_REQUEST_LINE, &mut line) {
            Ok(Line::Complete) if line.is_empty() && empty < LEADING_EMPTY_LINES => empty += 1,
            Ok(Line::Complete) => break,
            Ok(Line::TooLong) => return Err(HeadError::LineTooLong),
            Ok(Line::End) | Err(_) => return Err(HeadError::Gone),
        }
    }
    let (method, target, minor) = request_line(&line)?;
    let mut head = Head { method, target, minor, keep_alive: minor >= 1, has_body: false };
    let mut budget = MAX_HEADERS;
    loop {
        // Room for this line's CR LF and the empty line that ends the head.
        match read_line(reader, budget.saturating_sub(4), &mut line) {
            Ok(Line::Complete) => {}
            Ok(Line::TooLong) => return Err(HeadError::HeadersTooLarge),
            Ok(Line::End) | Err(_) => return Err(HeadError::Gone),
        }
        if line.is_empty() {
            return Ok(head);
        }
        budget = budget.saturating_sub(line.len() + 2);
        header(&line, &mut head)?;
    }
}

/// Reads up to a line feed into `out` (without the CR LF), holding at most `cap` bytes of
/// it: a longer line is reported as soon as it passes the cap, not read to its end.
fn read_line(reader: &mut impl BufRead, cap: usize, out: &mut Vec<u8>) -> io::Result<Line> {
    out.clear();
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(Line::End);
        }
        let (taken, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (buffer.len(), false),
        };
        // One byte of slack for the CR of CR LF, removed below.
        if out.len() + taken > cap + 1 {
            return Ok(Line::TooLong);
        }
        out.extend_from_slice(&buffer[..taken]);
        reader.consume(if done { taken + 1 } else { taken });
        if done {
            if out.last() == Some(&b'\r') {
                out.pop();
            }
            return Ok(if out.len() > cap { Line::TooLong } else { Line::Complete });
        }
    }
}

/// `METHOD target HTTP/1.x`, each part checked.
fn request_line(line: &[u8]) -> Result<(String, String, u8), HeadError> {
    let text = std::str::from_utf8(line).map_err(|_| HeadError::Malformed)?;
    let mut parts = text.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed);
    };
    if method.is_empty() || !method.bytes().all(is_token) {
        return Err(HeadError::Malformed);
    }
    if target.is_empty() || target.chars().any(char::is_control) {
        return Err(HeadError::Malformed);
    }
    let minor = match version {
        "HTTP/1.1" => 1,
        "HTTP/1.0" => 0,
        other if other.starts_with("HTTP/") => return Err(HeadError::Version),
        _ => return Err(HeadError::Malformed),
    };
    Ok((method.to_string(), target.to_string(), minor))
}

/// Notes the headers that decide how the connection goes on; the rest are not kept.
fn header(line: &[u8], head: &mut Head) -> Result<(), HeadError> {
    let colon = line.iter().position(|&b| b == b':').ok_or(HeadError::Malformed)?;
    let (name, value) = (&line[..colon], &line[colon + 1..]);
    // An empty name or a folded continuation line (leading space) is not accepted (RFC 9112 §5).
    if name.is_empty() || !name.iter().copied().all(is_token) {
        return Err(HeadError::Malformed);
    }
    let value = String::from_utf8_lossy(value);
    let value = value.trim();
    if name.eq_ignore_ascii_case(b"connection") {
        for option in value.split(',').map(str::trim) {
            if option.eq_ignore_ascii_case("close") {
                head.keep_alive = false;
            } else if option.eq_ignore_ascii_case("keep-alive") {
                head.keep_alive = true;
            }
        }
    } else if name.eq_ignore_ascii_case(b"content-length") {
        let length: u64 = value.parse().map_err(|_| HeadError::Malformed)?;
        head.has_body |= length > 0;
    } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
        head.has_body = true;
    }
    Ok(())
}

/// A character of an RFC 9110 token (methods, header names).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    fn parse(raw: &[u8]) -> Result<Head, HeadError> {
        read(&mut BufReader::with_capacity(64, raw))
    }

    #[test]
    fn reads_a_request_head() {
        let head = parse(b"\r\nGET /a%20b/?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nrest").unwrap();
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/a%20b/?x=1");
        assert!(!head.keep_alive && !head.has_body);
        let old = parse(b"HEAD / HTTP/1.0\r\nconnection: Keep-Alive\r\n\r\n").unwrap();
        assert!(old.keep_alive && old.minor == 0);
        assert!(!parse(b"GET / HTTP/1.0\n\n").unwrap().keep_alive);
        assert!(parse(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc").unwrap().has_body);
        assert!(parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap().has_body);
    }

    #[test]
    fn caps_the_request_line_and_the_headers() {
        let line = |n: usize| format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(n)).into_bytes();
        let fits = MAX_REQUEST_LINE - "GET / HTTP/1.1".len();
        assert!(parse(&line(fits)).is_ok());
        assert_eq!(parse(&line(fits + 1)), Err(HeadError::LineTooLong));
        let header = |n: usize| format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(n)).into_bytes();
        let fits = MAX_HEADERS - "X: \r\n".len() - 2;
        assert!(parse(&header(fits)).is_ok());
        assert_eq!(parse(&header(fits + 1)), Err(HeadError::HeadersTooLarge));
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X-A: b\r\n".repeat(MAX_HEADERS / 8 + 1));
        assert_eq!(parse(many.as_bytes()), Err(HeadError::HeadersTooLarge));
    }

    #[test]
    fn an_endless_line_is_refused_after_the_cap_not_read_to_its_end() {
        // An endless source: reading it to the end would never return.
        let endless = std::io::repeat(b'a');
        let mut reader = BufReader::new(b"GET /".chain(endless));
        assert_eq!(read(&mut reader), Err(HeadError::LineTooLong));
        let mut headers = BufReader::new(b"GET / HTTP/1.1\r\nX: ".chain(std::io::repeat(b'a')));
        assert_eq!(read(&mut headers), Err(HeadError::HeadersTooLarge));
    }

    #[test]
    fn refuses_what_is_not_http_1() {
        for raw in [
            &b"GET /\r\n\r\n"[..],
            b"GET  / HTTP/1.1\r\n\r\n",
            b"G\xc3T / HTTP/1.1\r\n\r\n",
            b"GET /\x01 HTTP/1.1\r\n\r\n",
            b"GET / FTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\n folded: x\r\n\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        ] {
            assert_eq!(parse(raw), Err(HeadError::Malformed), "{}", String::from_utf8_lossy(raw));
        }
        assert_eq!(parse(b"GET / HTTP/2.0\r\n\r\n"), Err(HeadError::Version));
        assert_eq!(parse(b""), Err(HeadError::Gone));
        assert_eq!(parse(b"GET / HTTP/1.1\r\nHost: x\r\n"), Err(HeadError::Gone));
        assert_eq!(parse(b"\r\n\r\n\r\n\r\n\r\n"), Err(HeadError::Malformed));
    }
}
