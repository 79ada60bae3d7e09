//! What the preview serves: the last good build, in memory, and the problem (if any) that
//! keeps the newest edit from building.

use crate::render::{Content, Portal};
use std::collections::HashMap;
use std::sync::Arc;

/// Path of the live-reload event stream, under the base path.
pub const EVENTS: &str = "__govsite/events";

/// One state of the preview.
pub struct Snapshot {
    /// Files of the last good build, by path under the base path.
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// The base path of the last good build (`/lumen/`).
    pub base_path: String,
    /// Why the newest edit does not build, as overlay HTML.
    pub problem: Option<String>,
    /// The site's language, for the words of the page shown before anything has built.
    pub language: String,
}

impl Default for Snapshot {
    /// Nothing built yet: every address shows the problem, under `/`.
    fn default() -> Self {
        Snapshot { files: HashMap::new(), base_path: "/".into(), problem: None, language: "en".into() }
    }
}

impl Snapshot {
    /// A snapshot of a good build; files to copy are read now, so later edits of the
    /// sources never change what this build serves.
    pub fn from_portal(portal: Portal) -> Snapshot {
        let base_path = portal.links.base_path;
        let files = portal
            .files
            .into_iter()
            .map(|f| {
                let bytes = match f.content {
                    Content::Bytes(b) => b,
                    Content::Bundled(b) => b.to_vec(),
                    Content::Copy(path) => std::fs::read(path).unwrap_or_default(),
                    // `serve` keeps its pages (`render::Pages::Keep`): nothing is written.
                    Content::Written => Vec::new(),
                };
                (f.path.to_string_lossy().replace('\\', "/"), Arc::new(bytes))
            })
            .collect();
        Snapshot { files, base_path, problem: None, language: "en".into() }
    }
}

/// The live-reload script for pages served under `base_path`.
pub fn live_script(base_path: &str) -> String {
    format!(
        "<script>(()=>{{const s=new EventSource(\"{base_path}{EVENTS}\");s.addEventListener(\"reload\",()=>location.reload());s.addEventListener(\"problem\",e=>{{const t=document.createElement(\"template\");t.innerHTML=JSON.parse(e.data);const o=document.getElementById(\"govsite-overlay\");if(o)o.replaceWith(t.content);else document.body.append(t.content);}});}})();</script>"
    )
}

/// `html` with the live-reload script (and the overlay, while there is a problem) before
/// `</body>`; only the preview does this, never `build`.
pub fn inject(html: &[u8], base_path: &str, problem: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let extra = format!("{}{}", problem.unwrap_or(""), live_script(base_path));
    let out = match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]),
        None => format!("{text}{extra}"),
    };
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_closing_body() {
        let out =
            String::from_utf8(inject(b"<html><body><p>x</p></body></html>", "/acme/", Some("<div>bad</div>"))).unwrap();
        assert!(out.starts_with("<html><body><p>x</p><div>bad</div><script>"));
        assert!(out.contains("new EventSource(\"/acme/__govsite/events\")"));
        assert!(out.ends_with("</script></body></html>"));
    }
}
