//! Where things are written in a Markdown text — link destinations and code — as byte ranges
//! of the source, read with the same parser and dialect that renders it.
//!
//! For the tools that point into the source or edit it in place rather than render it: the
//! link check (a broken link's column), the placeholder rule (a `TODO.md` destination or a
//! `$VAR` in code is not a placeholder) and export (destinations rewritten, the rest kept).

use super::options;
use super::safety::{destination_at, url_is_allowed, urls_in_html, UnsafeLink};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Range;

/// The destination of a link or image, or of a reference definition, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    /// As parsed: escapes and entities resolved.
    pub url: String,
    /// How the link is written; `None` for a reference definition (`[id]: url`).
    pub link_type: Option<LinkType>,
    /// The whole link, image or definition.
    pub span: Range<usize>,
    /// What follows the text or label — `(url "title")`, `: url "title"` — when the
    /// destination is written there (inline links and definitions).
    pub tail: Option<Range<usize>>,
    /// The destination itself, when it is written as `url` reads: not when escapes or
    /// entities change it, nor for reference links (written at their definition).
    pub written: Option<Range<usize>>,
}

/// Everything these tools need from one Markdown text, read in one pass of the parser: what
/// [`destinations`], [`code`] and [`super::safety::unsafe_links`] return.
/// The link check, the placeholder rule and `content/unsafe-link` read each page through one
/// `Reading` (and `serve` keeps it while the page is unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    /// Every link and image, in order, then every reference definition.
    pub destinations: Vec<Destination>,
    /// Every URL raw HTML links to or loads, with where its attribute's value is written.
    pub html_urls: Vec<(String, Range<usize>)>,
    /// Every link and image whose URL is not allowed, in order, each once.
    pub unsafe_links: Vec<UnsafeLink>,
    /// Code spans (with their backticks) and code blocks (fenced ones with their fences).
    pub code: Vec<Code>,
}

/// A code span or block of a Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Where it is written.
    pub range: Range<usize>,
    /// Whether it is a fenced code block.
    pub fenced: bool,
}

/// A refused link as met in the text: resolved once the reference definitions are known.
enum Refused<'a> {
    Link { link_type: LinkType, url: pulldown_cmark::CowStr<'a>, id: pulldown_cmark::CowStr<'a>, range: Range<usize> },
    Html(Vec<UnsafeLink>),
}

/// Reads `text` once (see [`Reading`]).
pub fn read(text: &str) -> Reading {
    // A refused URL has a scheme, so a `:` — written, or as an entity (`&colon;`, `&#58;`).
    let refusable = text.contains([':', '&']);
    let mut reading = Reading::default();
    let mut refused: Vec<Refused> = Vec::new();
    // The links and images open around the current event: index in `destinations`, and where
    // the text inside them has reached (their destination follows it).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut in_html_block = false;
    let mut parser = Parser::new_ext(text, options()).into_offset_iter();
    for (event, range) in parser.by_ref() {
        if !matches!(event, Event::End(TagEnd::Link | TagEnd::Image)) {
            grow(&mut open, range.end);
        }
        match event {
            Event::Start(Tag::Link { link_type, dest_url, id, .. } | Tag::Image { link_type, dest_url, id, .. }) => {
                open.push((reading.destinations.len(), range.start));
                if refusable && !url_is_allowed(&dest_url) {
                    refused.push(Refused::Link { link_type, url: dest_url.clone(), id, range: range.clone() });
                }
                reading.destinations.push(Destination {
                    url: dest_url.to_string(),
                    link_type: Some(link_type),
                    span: range,
                    tail: None,
                    written: None,
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((i, text_end)) = open.pop() {
                    locate(text, &mut reading.destinations[i], text_end);
                }
                grow(&mut open, range.end);
            }
            // A block is read whole: a tag may run over several of its lines.
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                html(text, range, refusable, &mut reading.html_urls, &mut refused);
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            Event::Html(_) | Event::InlineHtml(_) if !in_html_block => {
                html(text, range, refusable, &mut reading.html_urls, &mut refused)
            }
            Event::Code(_) => reading.code.push(Code { range, fenced: false }),
            Event::Start(Tag::CodeBlock(kind)) => {
                reading.code.push(Code { range, fenced: matches!(kind, CodeBlockKind::Fenced(_)) })
            }
            _ => {}
        }
    }
    let definitions = parser.reference_definitions();
    for (_, definition) in definitions.iter() {
        let span = definition.span.clone();
        let Some(colon) = text.get(span.clone()).and_then(|s| s.find("]:")) else { continue };
        let tail = span.start + colon + 1..span.end;
        let written = written_at(text, tail.start + 1, &definition.dest, span.end);
        reading.destinations.push(Destination {
            url: definition.dest.to_string(),
            link_type: None,
            span,
            tail: Some(tail),
            written,
        });
    }
    for item in refused {
        match item {
            Refused::Link { link_type, url, id, range } => {
                let at = match link_type {
                    LinkType::Inline => {
                        text[range.clone()].rfind("](").and_then(|i| destination_at(text, range.start + i + 2, &url))
                    }
                    LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
                        definitions.get(&id).and_then(|definition| {
                            let colon = text[definition.span.clone()].find("]:")?;
                            destination_at(text, definition.span.start + colon + 2, &url)
                        })
                    }
                    LinkType::Autolink | LinkType::Email => Some(range.start + 1..range.end.saturating_sub(1)),
                    _ => None,
                };
                reading.unsafe_links.push(UnsafeLink { url: url.to_string(), at: at.unwrap_or(range) });
            }
            Refused::Html(found) => reading.unsafe_links.extend(found),
        }
    }
    let mut seen = HashSet::new();
    reading.unsafe_links.retain(|link| seen.insert(link.at.start));
    reading
}

/// The URLs of raw HTML written at `range`, and the refused ones among them (one per
/// attribute, for its first refused URL).
fn html(
    text: &str,
    range: Range<usize>,
    refusable: bool,
    urls: &mut Vec<(String, Range<usize>)>,
    refused: &mut Vec<Refused>,
) {
    let found = urls_in_html(text, range);
    if refusable {
        let mut last = None;
        let mut bad = Vec::new();
        for (url, at) in &found {
            if !url_is_allowed(url) && last.as_ref() != Some(at) {
                last = Some(at.clone());
                bad.push(UnsafeLink { url: url.clone(), at: at.clone() });
            }
        }
        refused.push(Refused::Html(bad));
    }
    urls.extend(found);
}

/// Every link and image of `text`, in order, then every reference definition.
pub fn destinations(text: &str) -> Vec<Destination> {
    read(text).destinations
}

/// The innermost open link's text reaches at least `end`.
fn grow(open: &mut [(usize, usize)], end: usize) {
    if let Some((_, text_end)) = open.last_mut() {
        *text_end = (*text_end).max(end);
    }
}

/// Fills in where the destination of a link whose text ends at `text_end` is written.
fn locate(text: &str, link: &mut Destination, text_end: usize) {
    let span = link.span.clone();
    match link.link_type {
        Some(LinkType::Inline) => {
            let Some(open) = text.get(text_end..span.end).and_then(|s| s.find("](")) else { return };
            let paren = text_end + open + 1;
            link.tail = Some(paren..span.end);
            link.written = written_at(text, paren + 1, &link.url, span.end);
        }
        Some(LinkType::Autolink | LinkType::Email) => {
            let inner = span.start + 1..span.end.saturating_sub(1);
            if text.get(inner.clone()) == Some(link.url.as_str()) {
                link.written = Some(inner);
            }
        }
        _ => {}
    }
}

/// Where `dest` is written from `start` on, after blanks and an opening `<`, before `end`.
fn written_at(text: &str, start: usize, dest: &str, end: usize) -> Option<Range<usize>> {
    if dest.is_empty() {
        return None;
    }
    let rest = text.get(start..end)?;
    let mut begin = start + (rest.len() - rest.trim_start().len());
    if text[begin..].starts_with('<') {
        begin += 1;
    }
    (text[begin..end].starts_with(dest)).then(|| begin..begin + dest.len())
}

/// Code of `text`: inline code spans (with their backticks) and code blocks, fenced ones with
/// their fences.
pub fn code(text: &str) -> Vec<Range<usize>> {
    read(text).code.into_iter().map(|c| c.range).collect()
}

/// Fenced code blocks of `text`, fences included.
pub fn fenced_code(text: &str) -> Vec<Range<usize>> {
    read(text).code.into_iter().filter(|c| c.fenced).map(|c| c.range).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written<'a>(text: &'a str, d: &Destination) -> Option<&'a str> {
        d.written.clone().map(|r| &text[r])
    }

    #[test]
    fn destinations_where_written() {
        let text = "[a](/x/ \"/x/ title\") [![b](/badge.svg)](/y/) <https://z.org/> [c][r] [d](/e\\_f/) [](<g h>)\n\n[r]: /ref/ \"t\"\n";
        let found = destinations(text);
        let urls: Vec<&str> = found.iter().map(|d| d.url.as_str()).collect();
        assert_eq!(urls, ["/x/", "/y/", "/badge.svg", "https://z.org/", "/ref/", "/e_f/", "g h", "/ref/"]);
        let at: Vec<Option<&str>> = found.iter().map(|d| written(text, d)).collect();
        assert_eq!(
            at,
            [
                Some("/x/"),
                Some("/y/"),
                Some("/badge.svg"),
                Some("https://z.org/"),
                None,
                None,
                Some("g h"),
                Some("/ref/")
            ]
        );
        // The destination is the one after the text, not the same characters in the title.
        assert_eq!(found[0].written, Some(4..7));
        assert_eq!(found[0].tail.clone().map(|r| &text[r]), Some("(/x/ \"/x/ title\")"));
        assert_eq!(found[7].tail.clone().map(|r| &text[r]), Some(": /ref/ \"t\""));
        assert_eq!(found[7].link_type, None);
    }

    #[test]
    fn a_link_text_with_brackets_and_code() {
        let text = "[see `](x)` and \\](y)](/real/)";
        let found = destinations(text);
        assert_eq!(found.len(), 1);
        assert_eq!(written(text, &found[0]), Some("/real/"));
    }

    #[test]
    fn code_spans_and_blocks() {
        let text = "a `b` c\n\n```sh\necho $X\n```\n\n    indented\n\nnot `` a`b `` code\n";
        let code: Vec<&str> = code(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(code, ["`b`", "```sh\necho $X\n```", "indented\n", "`` a`b ``"]);
        let fenced: Vec<&str> = fenced_code(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(fenced, ["```sh\necho $X\n```"]);
    }
}
