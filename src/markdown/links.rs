//! Where a link in Markdown really points once the site is published.

use super::safety::url_is_allowed;
use crate::paths::{has_scheme, normalize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Where prose of the YAML documents is taken to be written: relative `.md` links in it are
/// read as if written in `content/`, by the portal, the link check and the export alike.
pub const PROSE_FROM: &str = "content/_prose.md";

/// What a URL with a refused scheme is published as: a link to nowhere, on the same page.
pub const REFUSED: &str = "#";

/// Rewrites links to carry the base path: root-relative URLs and relative `.md` links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkResolver {
    /// The path of `base_url`, with slashes at both ends (`/acme/`, or `/`).
    pub base_path: String,
    /// Page source (`content/guides/release.md`) → its URL path (`guides/release`).
    pub pages: HashMap<PathBuf, String>,
    /// In a further language of a multilingual portal, its prefix (`zh-cn/`): links to pages
    /// lead to the pages of that language. Empty for the default language.
    pub language: String,
    /// The addresses published once per language (`charter`, `guides/release`, `` for the
    /// home page, `search-index.json`), without slashes at the ends: a root-relative link to
    /// one of them gets the language's prefix; assets and static files are shared.
    pub localized: HashSet<String>,
}

impl LinkResolver {
    /// The published form of `dest`, written in the file `from` (relative to the site folder).
    ///
    /// A URL whose scheme is refused ([`url_is_allowed`]) becomes `#`: every URL the portal
    /// prints from the YAML or Markdown passes here, so none is published even where no rule
    /// looked at it first.
    pub fn resolve(&self, dest: &str, from: &Path) -> String {
        if !url_is_allowed(dest) {
            return REFUSED.to_string();
        }
        if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") || has_scheme(dest) {
            return dest.to_string();
        }
        if let Some(rooted) = dest.strip_prefix('/') {
            return format!("{}{}{}", self.base_path, self.prefix_of(rooted), rooted);
        }
        let (path, fragment) = split_fragment(dest);
        let target = normalize(&from.parent().unwrap_or(Path::new("")).join(path));
        if !path.ends_with(".md") {
            // A file beside the page (`diagram.png`) or in static/: pages are published one
            // folder deeper than their file (`guide.md` → `guide/`), so point at it from the root.
            let published = target.strip_prefix("content").or_else(|_| target.strip_prefix("static"));
            return match published {
                Ok(rel) if !path.is_empty() => {
                    format!("{}{}{}", self.base_path, rel.to_string_lossy().replace('\\', "/"), fragment)
                }
                _ => dest.to_string(),
            };
        }
        let url = match self.pages.get(&target) {
            Some(page) if page.is_empty() => String::new(),
            Some(page) => format!("{page}/"),
            // Unknown pages keep a predictable URL; the link check reports them.
            None => url_for(&target),
        };
        format!("{}{}{}{}", self.base_path, self.language, url, fragment)
    }

    /// This resolver for the language whose pages are published under `prefix` (`zh-cn/`).
    pub fn in_language(&self, prefix: &str) -> LinkResolver {
        LinkResolver { language: prefix.to_string(), ..self.clone() }
    }

    /// The language's prefix when `rooted` (a root-relative link without its `/`) is a page.
    fn prefix_of(&self, rooted: &str) -> &str {
        if self.language.is_empty() {
            return "";
        }
        let (path, _) = split_fragment(rooted);
        if self.localized.contains(path.trim_matches('/')) {
            &self.language
        } else {
            ""
        }
    }
}

/// `content/a/b.md` → `a/b/`.
fn url_for(target: &Path) -> String {
    let rel = target.strip_prefix("content").unwrap_or(target).with_extension("");
    let text = rel.to_string_lossy().replace('\\', "/");
    format!("{}/", text.trim_end_matches("/_index").trim_end_matches("/index"))
}

fn split_fragment(dest: &str) -> (&str, &str) {
    match dest.find(['#', '?']) {
        Some(i) => (&dest[..i], &dest[i..]),
        None => (dest, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver() -> LinkResolver {
        let mut pages = HashMap::new();
        pages.insert(PathBuf::from("content/meetings.md"), "meetings".to_string());
        pages.insert(PathBuf::from("content/guides/release.md"), "guides/release".to_string());
        pages.insert(PathBuf::from("content/_index.md"), String::new());
        LinkResolver { base_path: "/acme/".into(), pages, ..LinkResolver::default() }
    }

    #[test]
    fn links_to_pages_lead_to_the_same_language() {
        let mut r = resolver().in_language("zh-cn/");
        r.localized = ["", "charter", "meetings", "search-index.json"].map(String::from).into_iter().collect();
        let from = Path::new("content/meetings.zh-CN.md");
        assert_eq!(r.resolve("/charter/#scope", from), "/acme/zh-cn/charter/#scope");
        assert_eq!(r.resolve("/", from), "/acme/zh-cn/");
        assert_eq!(r.resolve("/search-index.json", from), "/acme/zh-cn/search-index.json");
        assert_eq!(r.resolve("meetings.md", from), "/acme/zh-cn/meetings/");
        assert_eq!(r.resolve("/assets/govsite.css", from), "/acme/assets/govsite.css", "assets are shared");
        assert_eq!(r.resolve("img/a.png", from), "/acme/img/a.png");
    }

    #[test]
    fn rewrites_root_relative_and_md_links() {
        let r = resolver();
        let from = Path::new("content/guides/release.md");
        assert_eq!(r.resolve("/charter/", from), "/acme/charter/");
        assert_eq!(r.resolve("../meetings.md#agenda", from), "/acme/meetings/#agenda");
        assert_eq!(r.resolve("../_index.md", from), "/acme/");
        assert_eq!(r.resolve("release.md", from), "/acme/guides/release/");
    }

    #[test]
    fn leaves_external_and_anchor_links_alone() {
        let r = resolver();
        let from = Path::new("content/meetings.md");
        for dest in ["https://x.org/a.md", "mailto:a@b.org", "#top", "//cdn.example/x"] {
            assert_eq!(r.resolve(dest, from), dest);
        }
    }

    #[test]
    fn refused_schemes_become_a_link_to_nowhere() {
        let r = resolver();
        for dest in ["javascript:alert(1)", " JaVaScRiPt:x", "data:text/html,x", "file:///etc/passwd"] {
            assert_eq!(r.resolve(dest, Path::new("content/a.md")), "#", "{dest}");
        }
    }

    #[test]
    fn files_beside_pages_are_addressed_from_the_root() {
        let r = resolver();
        assert_eq!(r.resolve("img/flow.png", Path::new("content/guides/release.md")), "/acme/guides/img/flow.png");
        assert_eq!(r.resolve("../../static/logo.svg#x", Path::new("content/guides/release.md")), "/acme/logo.svg#x");
    }
}
