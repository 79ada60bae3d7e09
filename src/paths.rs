//! Path and URL spelling, resolved without touching the file system.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::path::{Component, Path, PathBuf};

/// What a URL path keeps of its characters: RFC 3986 path characters stay, everything else
/// (non-ASCII above all, which a header, a sitemap or a crawler may not carry) is
/// percent-encoded.
const URL_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// `path` (or a whole URL) with what a URL path may not hold percent-encoded:
/// `/治理/` → `/%E6%B2%BB%E7%90%86/`; `:`, `/` and the other path characters stay.
pub fn encode_url_path(path: &str) -> String {
    utf8_percent_encode(path, URL_PATH).to_string()
}

/// `a/./b/../c.md` → `a/c.md`; a `..` that climbs above the start is kept (`../x`).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                let climbed = out.components().next_back().is_some_and(|c| c == Component::ParentDir);
                if climbed || !out.pop() {
                    out.push("..");
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`): it leaves the site.
pub fn has_scheme(url: &str) -> bool {
    url.find(':').is_some_and(|i| i > 0 && url[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_lexically() {
        assert_eq!(normalize(Path::new("content/guides/../a.md")), PathBuf::from("content/a.md"));
        assert_eq!(normalize(Path::new("projects/alpha/../../org/x.yaml")), PathBuf::from("org/x.yaml"));
        assert_eq!(normalize(Path::new("a/../../b")), PathBuf::from("../b"));
        assert_eq!(normalize(Path::new("../../b")), PathBuf::from("../../b"));
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x.org") && has_scheme("mailto:a@b.org"));
        assert!(!has_scheme("/charter/") && !has_scheme("a.md") && !has_scheme(":x"));
    }
}
