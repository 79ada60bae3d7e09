//! Answers one request from the current snapshot. Nothing outside the build can be served:
//! paths are looked up in the snapshot's in-memory files, never on disk.

use super::snapshot::{inject, Snapshot, EVENTS};
use percent_encoding::percent_decode_str;
use std::sync::Arc;

/// What to send back.
#[derive(Debug, PartialEq, Eq)]
pub enum Reply {
    /// A file (or the 404 page), with its status and content type.
    File {
        /// 200 or 404.
        status: u16,
        /// MIME type.
        content_type: &'static str,
        /// The bytes.
        body: Arc<Vec<u8>>,
    },
    /// A redirect (to the base path, or to add a trailing slash), percent-encoded.
    Redirect(String),
    /// Only GET and HEAD are served.
    MethodNotAllowed,
    /// The live-reload event stream.
    Events,
    /// A path that tries to leave the site: answered 400, never looked up.
    BadRequest,
}

/// The reply to `method url` from `snapshot`.
pub fn reply(snapshot: &Snapshot, method: &str, url: &str) -> Reply {
    if method != "GET" && method != "HEAD" {
        return Reply::MethodNotAllowed;
    }
    let raw_path = url.split(['?', '#']).next().unwrap_or("");
    let Some(path) = decode(raw_path) else { return Reply::BadRequest };
    if !is_safe(&path) {
        return Reply::BadRequest;
    }
    if snapshot.files.is_empty() {
        return first_build_failed(snapshot, &path);
    }
    let base = snapshot.base_path.as_str();
    if path == base.trim_end_matches('/') && base != "/" {
        return redirect(base);
    }
    let Some(rest) = path.strip_prefix(base) else {
        if path == "/" {
            return redirect(base);
        }
        return not_found(snapshot);
    };
    if rest == EVENTS {
        return Reply::Events;
    }
    let candidates =
        if rest.is_empty() || rest.ends_with('/') { vec![format!("{rest}index.html")] } else { vec![rest.to_string()] };
    for candidate in &candidates {
        if let Some(body) = snapshot.files.get(candidate) {
            return file(snapshot, 200, candidate, body);
        }
    }
    if !rest.ends_with('/') && snapshot.files.contains_key(&format!("{rest}/index.html")) {
        return redirect(&format!("{base}{rest}/"));
    }
    not_found(snapshot)
}

/// Before any build succeeded there is nothing to serve but the problem, on a page that
/// reloads itself once the input is fixed.
fn first_build_failed(snapshot: &Snapshot, path: &str) -> Reply {
    if path.ends_with(EVENTS) {
        return Reply::Events;
    }
    let locale = crate::i18n::Locale::bundled(&snapshot.language);
    let page = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>govsite: {}</title></head><body></body></html>",
        crate::markdown::escape(&snapshot.language),
        crate::markdown::escape(&locale.text("serve.page_title"))
    );
    let body = inject(page.as_bytes(), &snapshot.base_path, snapshot.problem.as_deref());
    Reply::File { status: 503, content_type: "text/html; charset=utf-8", body: Arc::new(body) }
}

fn not_found(snapshot: &Snapshot) -> Reply {
    match snapshot.files.get("404.html") {
        Some(body) => file(snapshot, 404, "404.html", body),
        None => Reply::File {
            status: 404,
            content_type: "text/plain; charset=utf-8",
            body: Arc::new(b"Not found\n".to_vec()),
        },
    }
}

fn file(snapshot: &Snapshot, status: u16, path: &str, body: &Arc<Vec<u8>>) -> Reply {
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") {
        Arc::new(inject(body, &snapshot.base_path, snapshot.problem.as_deref()))
    } else {
        Arc::clone(body)
    };
    Reply::File { status, content_type, body }
}

/// A redirect to the decoded path `to`.
fn redirect(to: &str) -> Reply {
    Reply::Redirect(crate::paths::encode_url_path(to))
}

/// Percent-decodes a URL path; `None` if a `%` is not followed by two hex digits (which the
/// crate would keep as they are) or the bytes are not UTF-8.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let escapes_ok = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'%')
        .all(|(i, _)| bytes.get(i + 1..i + 3).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)));
    if !escapes_ok {
        return None;
    }
    percent_decode_str(path).decode_utf8().ok().map(|p| p.into_owned())
}

/// A decoded path may not climb out, name a drive, or smuggle separators or NULs.
fn is_safe(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains(['\\', '\0', ':'])
        && !path.split('/').any(|segment| segment == ".." || segment == ".")
}

/// MIME type by extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_before_any_build_speaks_the_site_language() {
        let waiting =
            Snapshot { language: "zh-CN".into(), problem: Some("<div>x</div>".into()), ..Snapshot::default() };
        let Reply::File { status, body, .. } = reply(&waiting, "GET", "/") else { panic!("no page") };
        let page = String::from_utf8_lossy(&body).into_owned();
        assert_eq!(status, 503);
        assert!(
            page.starts_with(
                "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>govsite: 站点有错误</title>"
            ),
            "{page}"
        );
    }

    fn snapshot() -> Snapshot {
        let mut s = Snapshot { base_path: "/acme/".into(), ..Snapshot::default() };
        for (path, body) in [
            ("index.html", "<body>home</body>"),
            ("charter/index.html", "<body>charter</body>"),
            ("404.html", "<body>lost</body>"),
            ("logo.svg", "<svg/>"),
        ] {
            s.files.insert(path.into(), Arc::new(body.as_bytes().to_vec()));
        }
        s
    }

    #[test]
    fn routes_pages_under_the_base_path() {
        let s = snapshot();
        assert_eq!(reply(&s, "GET", "/"), Reply::Redirect("/acme/".into()));
        assert_eq!(reply(&s, "GET", "/acme"), Reply::Redirect("/acme/".into()));
        assert_eq!(reply(&s, "GET", "/acme/charter"), Reply::Redirect("/acme/charter/".into()));
        assert!(matches!(reply(&s, "GET", "/acme/charter/?x=1"), Reply::File { status: 200, .. }));
        assert!(matches!(
            reply(&s, "HEAD", "/acme/logo.svg"),
            Reply::File { status: 200, content_type: "image/svg+xml", .. }
        ));
        assert!(matches!(reply(&s, "GET", "/acme/nope/"), Reply::File { status: 404, .. }));
        assert!(matches!(reply(&s, "GET", "/other/"), Reply::File { status: 404, .. }));
        assert_eq!(reply(&s, "POST", "/acme/"), Reply::MethodNotAllowed);
        assert_eq!(reply(&s, "GET", "/acme/__govsite/events"), Reply::Events);
    }

    #[test]
    fn redirects_carry_a_percent_encoded_location() {
        let mut s = snapshot();
        s.files.insert("文档 a/index.html".into(), Arc::new(b"<body>docs</body>".to_vec()));
        let expected = "/acme/%E6%96%87%E6%A1%A3%20a/";
        assert_eq!(reply(&s, "GET", "/acme/%E6%96%87%E6%A1%A3%20a"), Reply::Redirect(expected.into()));
        assert_eq!(reply(&s, "GET", "/acme/文档%20a"), Reply::Redirect(expected.into()));
        assert!(matches!(reply(&s, "GET", expected), Reply::File { status: 200, .. }));
    }

    #[test]
    fn refuses_every_way_out() {
        let s = snapshot();
        for url in [
            "/acme/../etc/passwd",
            "/acme/%2e%2e/etc/passwd",
            "/acme/%2E%2E%2Fetc%2Fpasswd",
            "/acme/..%5c..%5cwindows",
            "/acme/a\\..\\b",
            "//etc/passwd",
            "/acme/C:/x",
            "/acme/%00",
            "/acme/%zz",
        ] {
            assert_eq!(reply(&s, "GET", url), Reply::BadRequest, "{url}");
        }
    }
}
