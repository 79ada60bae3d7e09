//! Where things are written in a Markdown text — link destinations and code — as byte ranges
//! of the source, read with the same parser and dialect that renders it.
//!
//! For the tools that point into the source or edit it in place rather than render it: the
//! link check (a broken link's column), the placeholder rule (a `TODO.md` destination or a
//! `$VAR` in code is not a placeholder) and export (destinations rewritten, the rest kept).

use super::options;
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};
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

/// Every link and image of `text`, in order, then every reference definition.
pub fn destinations(text: &str) -> Vec<Destination> {
    let mut out: Vec<Destination> = Vec::new();
    // The links and images open around the current event: index in `out`, and where the
    // text inside them has reached (their destination follows it).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut parser = Parser::new_ext(text, options()).into_offset_iter();
    for (event, range) in parser.by_ref() {
        match event {
            Event::Start(Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. }) => {
                grow(&mut open, range.end);
                open.push((out.len(), range.start));
                out.push(Destination {
                    url: dest_url.to_string(),
                    link_type: Some(link_type),
                    span: range,
                    tail: None,
                    written: None,
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((i, text_end)) = open.pop() {
                    locate(text, &mut out[i], text_end);
                }
                grow(&mut open, range.end);
            }
            _ => grow(&mut open, range.end),
        }
    }
    for (_, definition) in parser.reference_definitions().iter() {
        let span = definition.span.clone();
        let Some(colon) = text.get(span.clone()).and_then(|s| s.find("]:")) else { continue };
        let tail = span.start + colon + 1..span.end;
        let written = written_at(text, tail.start + 1, &definition.dest, span.end);
        out.push(Destination { url: definition.dest.to_string(), link_type: None, span, tail: Some(tail), written });
    }
    out
}

/// Every URL that raw HTML in `text` links to or loads (`<a href>`, `<img src>`…), with where
/// its attribute's value is written: what `destinations` is to Markdown links.
pub fn html_urls(text: &str) -> Vec<(String, Range<usize>)> {
    if !text.contains('<') {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut in_block = false;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            // A block is read whole: a tag may run over several of its lines.
            Event::Start(Tag::HtmlBlock) => {
                in_block = true;
                found.extend(super::safety::urls_in_html(text, range));
            }
            Event::End(TagEnd::HtmlBlock) => in_block = false,
            Event::Html(_) | Event::InlineHtml(_) if !in_block => {
                found.extend(super::safety::urls_in_html(text, range))
            }
            _ => {}
        }
    }
    found
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
    code_where(text, |_| true)
}

/// Fenced code blocks of `text`, fences included.
pub fn fenced_code(text: &str) -> Vec<Range<usize>> {
    code_where(text, |kind| matches!(kind, Some(CodeBlockKind::Fenced(_))))
}

/// Code spans (`kind` `None`) and blocks for which `keep` holds.
fn code_where(text: &str, keep: impl Fn(Option<&CodeBlockKind>) -> bool) -> Vec<Range<usize>> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) if keep(None) => Some(range),
            Event::Start(Tag::CodeBlock(kind)) if keep(Some(&kind)) => Some(range),
            _ => None,
        })
        .collect()
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
