//! What Markdown may publish (format v2 §1): the URL schemes a link or image may use, the
//! links of a text that break that rule (reported as `content/unsafe-link`), and the two
//! sanitizers raw HTML goes through.
//!
//! The events pulldown-cmark produces are made safe where they are rendered (a refused link
//! loses its `href`, a heading keeps only its id and classes), so only raw HTML needs a
//! sanitizer — which is why a page without raw HTML is never re-serialized.

use super::raw_html;
use crate::model::url::SAFE_SCHEMES as ALLOWED_SCHEMES;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The scheme of `url` as a browser reads it, lowercased, or `None` for a URL without one.
pub fn url_scheme(url: &str) -> Option<String> {
    crate::model::url::classify(url).scheme().map(str::to_string)
}

/// Whether a link or image may point at `url`: the one allow-list of `model::url`, shared
/// with the YAML URL fields.
pub fn url_is_allowed(url: &str) -> bool {
    crate::model::url::is_safe_url(url)
}

/// Whether an attribute is an event handler (`onclick`, `onerror`…), which runs script.
pub fn is_event_handler(attribute: &str) -> bool {
    attribute.len() > 2 && attribute.as_bytes()[..2].eq_ignore_ascii_case(b"on")
}

/// The URLs that the attribute `attribute` of `element` makes a browser follow or load, read
/// from its (entity-decoded) `value`; empty for an attribute that holds no URL.
pub fn attribute_urls<'v>(element: &str, attribute: &str, value: &'v str) -> Vec<&'v str> {
    let attribute = attribute.to_ascii_lowercase();
    match attribute.as_str() {
        "href" | "src" | "xlink:href" | "action" | "formaction" | "data" | "poster" | "cite" | "background"
        | "longdesc" | "lowsrc" | "dynsrc" | "codebase" | "manifest" | "icon" | "classid" | "to" | "from" | "by" => {
            vec![value]
        }
        // `url 1x, url 2x`; `a b` (pings); `a;b` (SVG animation values).
        "srcset" | "imagesrcset" => value.split(',').filter_map(|c| c.split_whitespace().next()).collect(),
        "ping" | "archive" => value.split_whitespace().collect(),
        "values" => value.split(';').collect(),
        // `<meta http-equiv="refresh" content="0; url=…">` navigates.
        "content" if element.eq_ignore_ascii_case("meta") => {
            let lower = value.to_ascii_lowercase();
            lower.find("url=").map(|i| value[i + 4..].trim_matches(|c| c == '\'' || c == '"')).into_iter().collect()
        }
        _ => Vec::new(),
    }
}

/// Whether the attribute may be published: not an event handler, and every URL it holds is
/// allowed.
fn attribute_is_safe(element: &str, attribute: &str, value: &str) -> bool {
    !is_event_handler(attribute) && attribute_urls(element, attribute, value).into_iter().all(url_is_allowed)
}

/// A link or image of a Markdown text that may not be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeLink {
    /// The URL, as pulldown-cmark (or the HTML parser) reads it.
    pub url: String,
    /// Where it is written in the text, in bytes (the link itself when the URL is written
    /// with escapes or entities).
    pub at: Range<usize>,
}

/// Every link and image of `text` (inline, reference, autolink or in raw HTML) whose URL is
/// not allowed, in order, each once.
pub fn unsafe_links(text: &str) -> Vec<UnsafeLink> {
    super::scan::read(text).unsafe_links
}

/// Every URL the attributes of raw HTML written at `range` of `text` make a browser follow or
/// load, with where the attribute's value is written.
pub fn urls_in_html(text: &str, range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let fragment = text.get(range.clone()).unwrap_or("");
    let mut found = Vec::new();
    raw_html::for_each_attribute(fragment, |element, attribute| {
        let at = range.start + attribute.value_at.start..range.start + attribute.value_at.end;
        for url in attribute_urls(element, attribute.name, &attribute.value) {
            found.push((url.to_string(), at.clone()));
        }
    });
    found
}

/// Where `dest` is written, starting at `start` after optional blanks and a `<`; a
/// zero-length range at its start when it is written with escapes or entities.
pub(super) fn destination_at(text: &str, start: usize, dest: &str) -> Option<Range<usize>> {
    let rest = text.get(start..)?;
    let mut begin = start + (rest.len() - rest.trim_start().len());
    if text[begin..].starts_with('<') {
        begin += 1;
    }
    Some(if text[begin..].starts_with(dest) { begin..begin + dest.len() } else { begin..begin })
}

/// The sanitizer of a site that keeps `unsafe_html` off: harmless markup only (ammonia's
/// allow-list plus what Markdown and the highlighter produce), links and images only to
/// allowed URLs.
pub(super) fn sanitize(html: &str) -> String {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_generic_attributes(["class", "id", "data-lang", "tabindex"])
                .add_tags(["input"])
                .add_tag_attributes("input", ["type", "checked", "disabled", "aria-label"])
                // Table columns' alignment, as Markdown writes it; no other style.
                .add_tag_attributes("th", ["style"])
                .add_tag_attributes("td", ["style"])
                .filter_style_properties(HashSet::from(["text-align"]))
                .link_rel(None)
                .url_schemes(ALLOWED_SCHEMES.into_iter().collect())
                .attribute_filter(|element, attribute, value| {
                    attribute_is_safe(element, attribute, value).then_some(value.into())
                });
            builder
        })
        .clean(html)
        .to_string()
}

/// The sanitizer of a site that sets `unsafe_html: true`: every element and attribute its
/// authors wrote is kept (scripts, styles, iframes, custom elements, comments), except event
/// handlers and links or images to refused URLs — those are never published.
///
/// The page is parsed and serialized again by html5ever, as a browser would read it, so that
/// what is removed is what a browser would have run; the markup may change in form (quotes,
/// `<br />` → `<br>`) but not in meaning.
pub(super) fn sanitize_trusted(html: &str) -> String {
    let written = raw_html::tag_names(html);
    let mut names: HashSet<&str> = written.iter().map(String::as_str).collect();
    names.extend(ammonia::Builder::default().clone_tags());
    let cleaned = ammonia::Builder::default()
        .tags(names)
        .clean_content_tags(HashSet::new())
        .generic_attribute_prefixes(HashSet::from([""]))
        .strip_comments(false)
        .link_rel(None)
        .url_schemes(ALLOWED_SCHEMES.into_iter().collect())
        .attribute_filter(|element, attribute, value| {
            attribute_is_safe(element, attribute, value).then_some(value.into())
        })
        .clean(html)
        .to_string();
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_browsers_read_them() {
        assert_eq!(url_scheme("JaVaScRiPt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(url_scheme(" \u{1}java\tscr\nipt:x").as_deref(), Some("javascript"));
        assert_eq!(url_scheme("web+app.v2:x").as_deref(), Some("web+app.v2"));
        for relative in ["/charter/", "a.md#x", "#top", "//cdn.example/x", "./a:b", "1x:y", "", "?q=a:b"] {
            assert_eq!(url_scheme(relative), None, "{relative}");
        }
    }

    #[test]
    fn only_listed_schemes_are_allowed() {
        for ok in ["https://x.org", "HTTP://x", "mailto:a@b.org", "tel:+1", "irc://x", "matrix:r/x", "/a", "#b"] {
            assert!(url_is_allowed(ok), "{ok}");
        }
        for refused in
            ["javascript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd", "ftp://x", "C:\\x"]
        {
            assert!(!url_is_allowed(refused), "{refused}");
        }
    }

    #[test]
    fn finds_every_kind_of_link_at_its_destination() {
        let text = "[a](javascript:alert(1)) <JaVaScRiPt:alert(2)> [b][r] [c](https://ok.org)\n\n[r]: vbscript:x\n";
        let found = unsafe_links(text);
        let written: Vec<&str> = found.iter().map(|l| &text[l.at.clone()]).collect();
        assert_eq!(written, ["javascript:alert(1)", "JaVaScRiPt:alert(2)", "vbscript:x"]);
    }

    #[test]
    fn finds_links_in_raw_html_with_entities() {
        let text = "<p>\n<a\nhref=\"jav&#x61;script:x\">a</a>\n</p>\n\nHi <img src='data:image/png,x'> <b onclick=\"y\">b</b>\n";
        let found = unsafe_links(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].url, "javascript:x");
        assert_eq!(&text[found[0].at.clone()], "jav&#x61;script:x");
        assert_eq!(&text[found[1].at.clone()], "data:image/png,x");
    }

    #[test]
    fn a_reference_used_twice_is_reported_once() {
        assert_eq!(unsafe_links("[a][r] [b][r]\n\n[r]: file:///x\n").len(), 1);
    }

    #[test]
    fn what_markdown_generates_keeps_its_meaning_through_the_sanitizer() {
        // A page with raw HTML is sanitized whole: its generated markup must survive it.
        let md = super::super::Markdown::default();
        let text = "| a | b |\n|:-|--:|\n| 1 | 2 |\n\n- [x] done\n\n## T {#t .c}\n\n```rust\ncode\n```\n\n[x](/a) ![i](b.png \"t\")\n";
        let html = sanitize(&md.render(text, std::path::Path::new("content/a.md")).html);
        for kept in [
            "<th style=\"text-align:left\">a</th><th style=\"text-align:right\">b</th>",
            "<input type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"done\">",
            "<h2 id=\"t\" class=\"c\">T</h2>",
            "<pre class=\"code\" data-lang=\"rust\" tabindex=\"0\">",
            "<a href=\"a\">x</a> <img src=\"b.png\" alt=\"i\" title=\"t\">",
        ] {
            assert!(html.contains(kept), "{kept} missing in {html}");
        }
    }

    #[test]
    fn sanitizers_drop_handlers_and_refused_urls() {
        let html = "<a href=\"JaVaScRiPt:x\" title=\"t\">a</a><img src=x onerror=alert(1)><q cite=\"vbscript:x\">q</q>";
        assert_eq!(sanitize(html), "<a title=\"t\">a</a><img src=\"x\"><q>q</q>");
        let trusted = sanitize_trusted(&format!("{html}<my-card data-x=\"1\"></my-card><script>go()</script>"));
        assert_eq!(
            trusted,
            "<a title=\"t\">a</a><img src=\"x\"><q>q</q><my-card data-x=\"1\"></my-card><script>go()</script>"
        );
    }
}
