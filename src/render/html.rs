//! Reading the rendered HTML back: the ids, links and text of a page, for the link check and
//! the search index (`scan.rs` reads each rendered page once, for both).
//!
//! html5ever's tokenizer reads attributes however they are quoted (`id="x"`, `id='x'`,
//! `id=x`) and decodes every entity (`&amp;`, `&#233;`, `&#x4E2D;`, `&eacute;`) as a browser
//! does, which scanning for ` id="` did not. It is already built for ammonia, so it adds no
//! crate. On a 1,000-page portal (25 MB of HTML, one thread) it reads the pages in about
//! 0.3 s; lol_html was up to twice as fast but leaves entities encoded (a decoder would still
//! be needed) and adds 28 crates, html5gum about 1.5 times as fast with two more crates. So
//! pages are tokenized in parallel, once each, as they are rendered — and only the pages
//! `fast_html.rs` does not read: it reads the HTML govsite itself writes with byte searches,
//! which took tokenizing from 13% of a 10,000-page build's samples to under 2%.

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::Attribute;
use std::cell::RefCell;
use std::collections::HashSet;

/// A piece of a page, in document order.
pub(crate) enum Item<'a> {
    /// A start tag: its lowercase name and attributes (values decoded).
    Start(&'a str, &'a [Attribute]),
    /// An end tag's lowercase name.
    End(&'a str),
    /// Text, entities decoded. The contents of `<script>` and `<style>` are text too.
    Text(&'a str),
    /// A comment or doctype: neither text nor an element.
    Other,
}

/// The value of attribute `name` (lowercase) of a start tag.
pub(crate) fn attr<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
}

/// Calls `visit` with every piece of `html`, in order.
pub(crate) fn walk(html: &str, visit: impl FnMut(Item<'_>)) {
    let tokenizer = Tokenizer::new(Sink(RefCell::new(visit)), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    // Without a tree builder nothing can ask the tokenizer to stop for a script.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
}

/// Every `id` of a page (pages that were not rendered, such as copied `.html` files, are read
/// with this; rendered ones were read once by `scan`).
pub(crate) fn ids(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    walk(html, |item| {
        if let Item::Start(_, attrs) = item {
            ids.extend(attr(attrs, "id").map(str::to_string));
        }
    });
    ids
}

/// Every `href` and `src` of a page, in order (what `scan` collects, kept to test it against).
#[cfg(test)]
pub(crate) fn links(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    walk(html, |item| {
        if let Item::Start(_, attrs) = item {
            for a in attrs.iter().filter(|a| matches!(&*a.name.local, "href" | "src" | "xlink:href")) {
                links.push(a.value.to_string());
            }
        }
    });
    links
}

struct Sink<F>(RefCell<F>);

impl<F: FnMut(Item<'_>)> TokenSink for Sink<F> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut visit = self.0.borrow_mut();
        match token {
            Token::TagToken(Tag { kind: TagKind::StartTag, name, attrs, .. }) => {
                visit(Item::Start(&name, &attrs));
                // What the tree builder would tell the tokenizer: these elements hold text
                // (`<` and `&` read as the HTML spec says), not markup.
                return match &*name {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                };
            }
            Token::TagToken(Tag { kind: TagKind::EndTag, name, .. }) => visit(Item::End(&name)),
            Token::CharacterTokens(text) => visit(Item::Text(&text)),
            Token::CommentToken(_) | Token::DoctypeToken(_) => visit(Item::Other),
            Token::NullCharacterToken | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_however_quoted_and_escaped() {
        let html = r#"<h2 id="a">A</h2><p id='b'>B</p><div id=c></div><span ID="d"></span>
            <a id="caf&#233;"></a><a id="&#x4E2D;&amp;x"></a><p data-id="no">id="no"</p>"#;
        let mut found: Vec<String> = ids(html).into_iter().collect();
        found.sort();
        assert_eq!(found, ["a", "b", "c", "café", "d", "中&x"]);
    }

    #[test]
    fn links_however_quoted_and_escaped() {
        let html = r##"<a href="/a/?x=1&amp;y=2">a</a><img src='/logo.svg'><a href=/b/>b</a>
            <a data-href="/no/">x</a><script>var s = '<a href="/script/">';</script>
            <svg><use xlink:href="#icon"/></svg>"##;
        assert_eq!(links(html), ["/a/?x=1&y=2", "/logo.svg", "/b/", "#icon"]);
    }

    #[test]
    fn text_is_decoded_and_raw_text_stays_text() {
        let mut text = String::new();
        walk(
            "<title>a &lt;b&gt;</title><p>caf&#233; &#x4E2D; &eacute;&nbsp;</p><script>if (a<b) x();</script>",
            |item| {
                if let Item::Text(t) = item {
                    text.push_str(t);
                }
            },
        );
        assert_eq!(text, "a <b>café 中 é\u{a0}if (a<b) x();");
    }
}
