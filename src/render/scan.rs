//! One reading of each rendered page, shared by the link check and the search index.
//!
//! Both used to tokenize every page with html5ever on their own (the link check twice: once
//! for links, once more for the ids of pages an anchor points into). Tokenizing was then the
//! largest item of a build's profile, larger than highlighting: 28% of the samples of a
//! 1,000-page build. Pages are now read once, right after they are rendered (in parallel,
//! while the HTML is still hot in the cache), and what each reader needs is kept.

use super::html::{self, Item};
use super::page_text::{PageText, TextCollector};
use std::collections::HashSet;
use std::path::PathBuf;

/// A rendered HTML page and what was read from it.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// Path under the output folder (`charter/index.html`).
    pub out: PathBuf,
    /// The template that rendered it.
    pub template: String,
    /// What its HTML holds (shared with `serve`'s render cache).
    pub scan: std::sync::Arc<PageScan>,
}

/// What one pass of the tokenizer found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageScan {
    /// Every `id`, for anchors.
    pub ids: HashSet<String>,
    /// Every `href`, `src` and `xlink:href`, in order.
    pub links: Vec<String>,
    /// The title and the text to index, when the page goes into the search index; taken
    /// (and so freed) once the index is written.
    pub text: Option<PageText>,
}

/// Reads `html` once: ids and links always, the title and text with `with_text`. The HTML
/// govsite writes is read by `fast_html`; what it does not read, by html5ever.
pub(crate) fn scan(html: &str, with_text: bool) -> PageScan {
    let fast = super::fast_html::scan(html, with_text);
    // Every page of every test and debug build is read both ways: the quick reading must
    // find exactly what the tokenizer finds.
    #[cfg(debug_assertions)]
    if let Some(fast) = &fast {
        let tokenized = tokenize(html, with_text);
        assert!(
            fast.ids == tokenized.ids && fast.links == tokenized.links && fast.text == tokenized.text,
            "fast_html read a page differently from html5ever:\n{fast:?}\n{tokenized:?}\n{html}"
        );
    }
    fast.unwrap_or_else(|| tokenize(html, with_text))
}

/// [`scan`] with html5ever's tokenizer: any HTML, read as a browser reads it.
fn tokenize(html: &str, with_text: bool) -> PageScan {
    let mut ids = HashSet::new();
    let mut links = Vec::new();
    let mut text = with_text.then(|| TextCollector::with_capacity(html.len() / 2));
    html::walk(html, |item| {
        if let Item::Start(_, attrs) = &item {
            ids.extend(html::attr(attrs, "id").map(str::to_string));
            for a in attrs.iter().filter(|a| matches!(&*a.name.local, "href" | "src" | "xlink:href")) {
                links.push(a.value.to_string());
            }
        }
        if let Some(text) = text.as_mut() {
            text.visit(&item);
        }
    });
    PageScan { ids, links, text: text.map(TextCollector::finish) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_finds_what_the_separate_readers_found() {
        let html = r##"<html><head><title>T &amp; U</title></head><body><nav><a href="/x/">X</a></nav>
            <main><h2 id="a">A</h2><p id='b'>caf&#233;<img src=/i.png></p><a href="#a">a</a></main></body></html>"##;
        let found = scan(html, true);
        assert_eq!(found.ids, html::ids(html));
        assert_eq!(found.links, html::links(html));
        let text = found.text.unwrap_or_default();
        assert_eq!((text.title.as_str(), text.text.as_str()), ("T & U", "A café a"));
        assert!(scan(html, false).text.is_none());
    }
}
