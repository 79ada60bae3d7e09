//! `govsite serve` under careless and hostile clients (spec v2 §3, "Bounded cost"): a slow
//! or stalled client delays no rebuild and no other client, idle connections time out,
//! request heads and live-reload streams are capped, and the overlay stays short. Real
//! binary or real library, real sockets, real HTTP.

mod common;
#[path = "common/http.rs"]
mod http;

use govsite::serve::{ServeOptions, MAX_CONNECTIONS, MAX_SHOWN, MAX_STREAMS};
use http::{exchange, request, try_request, EventStream, Server, PATIENCE};
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The live-reload stream of the minimal site.
const EVENTS: &str = "/tiny/__govsite/events";

/// The error overlay's element.
const OVERLAY: &str = "<div id=\"govsite-overlay\"";

/// roles.yaml of the minimal site with `count` members who are not in people.yaml, each
/// id `length` characters long: one `people/unknown-person` error each.
fn roles_with_strangers(count: usize, length: usize) -> String {
    let roles = common::MINIMAL.iter().find(|(p, _)| *p == "governance/roles.yaml").map_or("", |(_, t)| *t);
    let strangers: String =
        (0..count).map(|i| format!("      - stranger{i}-{}\n", "x".repeat(length.saturating_sub(12)))).collect();
    roles.replace("      - alice\n", &format!("      - alice\n{strangers}"))
}

/// Requests pages until `done`, from its own thread; returns how many were answered, the
/// slowest answer, and every failure.
fn keep_asking(
    addr: std::net::SocketAddr,
    done: Arc<AtomicBool>,
) -> std::thread::JoinHandle<(usize, Duration, Vec<String>)> {
    std::thread::spawn(move || {
        let (mut answered, mut slowest, mut failures) = (0, Duration::ZERO, Vec::new());
        while !done.load(Ordering::SeqCst) {
            let asked = Instant::now();
            match try_request(addr, "GET", "/tiny/people/") {
                Ok(r) if r.status == 200 => answered += 1,
                Ok(r) => failures.push(format!("status {}", r.status)),
                Err(e) => failures.push(e.to_string()),
            }
            slowest = slowest.max(asked.elapsed());
            std::thread::sleep(Duration::from_millis(20));
        }
        (answered, slowest, failures)
    })
}

#[test]
fn a_stalled_live_reload_client_delays_no_rebuild_and_no_page() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let addr = server.addr;
    // Opens its stream and never reads from it again.
    let _stalled = EventStream::open(addr, EVENTS);
    let mut reading = server.events();
    let done = Arc::new(AtomicBool::new(false));
    let pager = keep_asking(addr, Arc::clone(&done));

    // A broken edit with a problem report of megabytes (20 ids of 60,000 characters): on
    // main the whole report went to every page, filled the stalled page's socket, and the
    // rebuild thread hung in the middle of telling pages, holding the lock new pages need.
    common::write(site.path(), "governance/roles.yaml", &roles_with_strangers(20, 60_000));
    let deadline = Instant::now() + PATIENCE * 3;
    let problem = loop {
        match reading.next_before(deadline) {
            Some(event) if event.name == "problem" => break event,
            Some(_) => {}
            None => panic!("no `problem` event reached the reading page"),
        }
    };
    assert!(problem.data.contains("people/unknown-person"), "{}", &problem.data[..200.min(problem.data.len())]);
    // Pages, and new live-reload streams (which took every page worker on main), still open.
    let more: Vec<EventStream> = (0..10).map(|_| server.events()).collect();
    assert_eq!(server.get("/tiny/roles/").status, 200);

    // Fixing it reloads the reading page, twice over.
    for round in 1..=2 {
        let name = format!("Alice Round {round}");
        let people = common::MINIMAL.iter().find(|(p, _)| *p == "governance/people.yaml").map_or("", |(_, t)| *t);
        common::write(site.path(), "governance/people.yaml", &people.replace("Alice Zhang", &name));
        if round == 1 {
            common::write(site.path(), "governance/roles.yaml", &roles_with_strangers(0, 0));
        }
        reading.expect_reload_until(|| server.get("/tiny/people/").text().contains(&name));
    }
    done.store(true, Ordering::SeqCst);
    let (answered, slowest, failures) = pager.join().expect("the page thread");
    assert!(failures.is_empty(), "pages failed while a client stalled: {failures:?}");
    assert!(answered > 0);
    assert!(slowest < PATIENCE, "a page took {slowest:?} while a client stalled");
    drop(more);
}

#[test]
fn live_reload_streams_are_capped_and_take_no_page_worker() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let mut streams: Vec<EventStream> = (0..MAX_STREAMS).map(|_| server.events()).collect();
    // With every stream slot taken, pages are still answered, again and again.
    for _ in 0..20 {
        assert_eq!(server.get("/tiny/").status, 200);
    }
    let refused = EventStream::try_open(server.addr, EVENTS).err().expect("stream 65 is refused");
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");

    // A page that goes away gives its slot back.
    drop(streams.pop());
    let deadline = Instant::now() + PATIENCE;
    loop {
        if EventStream::try_open(server.addr, EVENTS).is_ok() {
            break;
        }
        assert!(Instant::now() < deadline, "the slot of a closed stream never came back");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn request_lines_and_headers_are_capped() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let line =
        |length: usize| format!("GET /tiny/{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "a".repeat(length));
    let long_line = exchange(server.addr, line(9 * 1024).as_bytes()).expect("an answer to a 9 KiB request line");
    assert_eq!(long_line.status, 414, "{}", long_line.text());
    assert_eq!(exchange(server.addr, line(8000).as_bytes()).expect("an answer").status, 404, "under the cap");

    let headers = |count: usize| {
        let filler: String = (0..count).map(|i| format!("X-Filler-{i}: {}\r\n", "b".repeat(1000))).collect();
        format!("GET /tiny/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{filler}\r\n")
    };
    let large = exchange(server.addr, headers(70).as_bytes()).expect("an answer to 70 KiB of headers");
    assert_eq!(large.status, 431, "{}", large.text());
    assert_eq!(exchange(server.addr, headers(60).as_bytes()).expect("an answer").status, 200, "under the cap");
    assert_eq!(server.get("/tiny/").status, 200);
}

#[test]
fn an_endless_request_line_is_cut_off() {
    const LIMIT: usize = 200 << 20;
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let memory_before = server.proc_status("VmRSS");
    let mut stream = TcpStream::connect_timeout(&server.addr, PATIENCE).expect("connect");
    stream.set_write_timeout(Some(PATIENCE)).expect("write timeout");
    let chunk = vec![b'a'; 64 * 1024];
    let mut sent = 0;
    let cut = stream.write_all(b"GET /").err().or_else(|| loop {
        match stream.write(&chunk) {
            Ok(n) => sent += n,
            Err(e) => break Some(e),
        }
        if sent >= LIMIT {
            break None;
        }
    });
    let cut = cut.unwrap_or_else(|| panic!("the server read {} MiB of one request line", LIMIT >> 20));
    // A server that merely stopped reading would leave the writer waiting until its timeout.
    assert!(!matches!(cut.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock), "not cut off, stuck: {cut}");
    assert!(sent < 64 << 20, "{} MiB went in before the cut", sent >> 20);
    assert_eq!(server.get("/tiny/").status, 200, "others are still served");
    if let (Some(before), Some(after)) = (memory_before, server.proc_status("VmRSS")) {
        assert!(after < before + 32 * 1024, "resident memory grew from {before} to {after} KiB");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn many_idle_connections_hold_a_bounded_number_of_threads() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let idle: Vec<TcpStream> = (0..MAX_CONNECTIONS * 3)
        .map(|_| TcpStream::connect_timeout(&server.addr, PATIENCE).expect("connect"))
        .collect();
    // The newest client is answered: the longest-idle connection made room for it.
    assert_eq!(server.get("/tiny/").status, 200);
    let threads = server.proc_status("Threads").expect("/proc/PID/status");
    let bound = (MAX_CONNECTIONS + MAX_STREAMS + 32) as u64;
    assert!(threads <= bound, "{threads} threads for {} idle connections", idle.len());
}

#[test]
fn idle_and_trickling_connections_are_closed_after_the_timeout() {
    assert_eq!(ServeOptions::default().idle_timeout, Duration::from_secs(30));
    assert_eq!(ServeOptions::default().bind, "127.0.0.1");
    let site = common::site(&[]);
    let timeout = Duration::from_secs(1);
    let options = ServeOptions { port: 0, idle_timeout: timeout, ..ServeOptions::default() };
    let preview = govsite::serve::start(site.path(), &options).expect("start the preview");
    let addr = preview.addr;

    // Waits until the server closes `stream`, feeding it `trickle` every 200 ms meanwhile.
    let closed_after = |mut stream: TcpStream, trickle: &[u8]| {
        stream.set_read_timeout(Some(Duration::from_millis(200))).expect("read timeout");
        let started = Instant::now();
        let mut buffer = [0u8; 4096];
        loop {
            assert!(started.elapsed() < PATIENCE, "the connection was never closed");
            let _ = stream.write_all(trickle);
            match stream.read(&mut buffer) {
                Ok(0) => return started.elapsed(),
                Ok(_) => {}
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(_) => return started.elapsed(),
            }
        }
    };
    let connect = || TcpStream::connect_timeout(&addr, PATIENCE).expect("connect");
    let silent = closed_after(connect(), b"");
    assert!(silent >= timeout * 9 / 10, "closed after {silent:?}, before the timeout");

    // One byte of header at a time never completes a request; the head has a deadline.
    let mut trickling = connect();
    trickling.write_all(b"GET /tiny/ HTTP/1.1\r\nX-Slow: ").expect("start a request");
    closed_after(trickling, b"a");

    // Kept alive after an answer, then idle.
    let mut kept = connect();
    kept.write_all(b"GET /tiny/robots.txt HTTP/1.1\r\nHost: x\r\n\r\n").expect("ask");
    let after_answer = closed_after(kept, b"");
    assert!(after_answer >= timeout * 9 / 10, "closed after {after_answer:?}");

    assert_eq!(request(addr, "GET", "/tiny/").status, 200, "new clients are served");
    preview.stop();
}

#[test]
fn a_redirect_to_a_non_ascii_path_carries_a_percent_encoded_location() {
    let site = common::site(&[("static/文档/index.html", "<!DOCTYPE html><title>docs</title><body>文档</body>")]);
    let server = Server::start(site.path());
    let moved = server.get("/tiny/%E6%96%87%E6%A1%A3");
    assert_eq!(moved.status, 302);
    let location = moved.header("Location").expect("a Location header");
    assert_eq!(location, "/tiny/%E6%96%87%E6%A1%A3/");
    let page = server.get(location);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("文档"));
}

#[test]
fn the_overlay_shows_the_first_fifty_problems_and_counts_the_rest() {
    let site = common::site(&[]);
    let server = Server::start(site.path());
    let mut events = server.events();
    common::write(site.path(), "governance/roles.yaml", &roles_with_strangers(120, 20));
    let problem = events.expect("problem");
    let overlay: String = serde_json::from_str(&problem.data).expect("a JSON string");
    let shown = overlay.matches("error[people/unknown-person]").count();
    assert_eq!(shown, MAX_SHOWN, "{overlay}");
    assert!(overlay.contains("and 70 more"), "{overlay}");
    let page = server.get("/tiny/").text();
    assert!(page.contains(OVERLAY) && page.contains("and 70 more"));
    assert!(page.contains("the last good build is shown"));
}

#[test]
fn a_site_broken_from_the_start_says_nothing_has_built() {
    let site = common::site(&[("governance/people.yaml", "people:\n  - id: alice\n    name: [Alice\n")]);
    let server = Server::start(site.path());
    let page = server.get("/tiny/");
    let text = page.text();
    assert!(text.contains(OVERLAY), "{text}");
    assert!(text.contains("nothing has built yet"), "{text}");
    assert!(text.contains("yaml/syntax"), "{text}");
    assert!(!text.contains("last good build"), "there is no last good build: {text}");
    assert!(server.log().contains("nothing has built yet"), "{}", server.log());
    assert!(!server.log().contains("last good build"), "{}", server.log());

    // Fixing it shows the site.
    let mut events = EventStream::open(server.addr, &format!("{}__govsite/events", server.base));
    let people = common::MINIMAL.iter().find(|(p, _)| *p == "governance/people.yaml").map_or("", |(_, t)| *t);
    common::write(site.path(), "governance/people.yaml", people);
    events.expect_reload_until(|| server.get("/tiny/").status == 200);
    assert!(!server.get("/tiny/").text().contains(OVERLAY));
}
