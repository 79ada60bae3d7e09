//! A quick reading of the HTML govsite itself writes, for `scan.rs`: the same ids, links and
//! text as html5ever's tokenizer (`html.rs`) finds, at a fraction of its cost.
//!
//! Rendered pages are well-formed: attribute values quoted, text escaped by Tera,
//! pulldown-cmark or the sanitizer (`&amp;`, `&lt;`, `&#x27;`…). For that HTML the tokenizer's
//! states reduce to a few byte searches. Anything outside that subset — a named entity not in
//! [`ENTITIES`], a character reference without `;`, `<!--` inside a script, a carriage
//! return, a tag cut off by the end of the page, a repeated `id` or link attribute — makes
//! [`scan`] give up (`None`) and the page is read by html5ever instead, so a site's own
//! templates may hold any HTML. Debug builds read every page both ways and compare.

use super::html::Item;
use super::page_text::TextCollector;
use super::scan::PageScan;
use std::borrow::Cow;
use std::collections::HashSet;

/// The named character references read here (with their `;`); any other gives up.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("middot", "·"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("larr", "←"),
    ("rarr", "→"),
    ("times", "×"),
    ("bull", "•"),
];

/// Elements whose contents the tokenizer reads as text (as `html::Sink` tells it to): with
/// entities decoded (`title`, `textarea`) or not.
const RAW: &[(&str, bool)] = &[
    ("script", false),
    ("style", false),
    ("xmp", false),
    ("iframe", false),
    ("noembed", false),
    ("noframes", false),
    ("title", true),
    ("textarea", true),
];

/// What [`scan::scan`](super::scan::scan) finds, or `None` when `html` is not in the subset.
pub(crate) fn scan(html: &str, with_text: bool) -> Option<PageScan> {
    let b = html.as_bytes();
    // The tokenizer turns `\r` into `\n`, `\0` into nothing and drops a byte-order mark.
    if memchr::memchr2(b'\r', 0, b).is_some() || html.starts_with('\u{feff}') {
        return None;
    }
    let mut ids = HashSet::new();
    let mut links = Vec::new();
    let mut text = with_text.then(|| TextCollector::with_capacity(html.len() / 2));
    let mut visit = |item: Item<'_>| {
        if let Some(text) = text.as_mut() {
            text.visit(&item);
        }
    };
    let mut i = 0;
    while let Some(found) = memchr::memchr2(b'<', b'&', &b[i..]) {
        let at = i + found;
        if at > i {
            visit(Item::Text(&html[i..at]));
        }
        if b[at] == b'&' {
            let (decoded, next) = reference(html, at)?;
            visit(Item::Text(&decoded));
            i = next;
            continue;
        }
        match b.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = start_tag(html, at + 1)?;
                if let Some(id) = tag.id {
                    ids.insert(id.into_owned());
                }
                links.extend(tag.links.into_iter().map(Cow::into_owned));
                visit(Item::Start(&tag.name, &[]));
                i = tag.end;
                if let Some(&(name, decode)) = RAW.iter().find(|(name, _)| *name == tag.name) {
                    let close = raw_end(b, i, name)?;
                    let raw = &html[i..close];
                    if name == "script" && raw.contains("<!--") {
                        return None; // the script's escaped states
                    }
                    if decode {
                        visit(Item::Text(&decode_text(raw)?));
                    } else if !raw.is_empty() {
                        visit(Item::Text(raw));
                    }
                    i = close;
                }
            }
            Some(b'/') => {
                let (name, end) = end_tag(html, at + 2)?;
                visit(Item::End(&name));
                i = end;
            }
            Some(b'!') => {
                i = comment_or_doctype(html, at + 2)?;
                visit(Item::Other);
            }
            Some(b'?') => return None,
            // `<` before anything else (or at the end) is text.
            _ => {
                visit(Item::Text("<"));
                i = at + 1;
            }
        }
    }
    if i < b.len() {
        visit(Item::Text(&html[i..]));
    }
    Some(PageScan { ids, links, text: text.map(TextCollector::finish) })
}

/// A start tag's lowercase name, its first `id`, its links, and where it ends.
struct StartTag<'a> {
    name: Cow<'a, str>,
    id: Option<Cow<'a, str>>,
    links: Vec<Cow<'a, str>>,
    end: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// The bytes from `from` up to whitespace, `/` or `>` (a tag or attribute name), lowercased.
fn read_name(html: &str, from: usize, stop_at_equals: bool) -> Option<(Cow<'_, str>, usize)> {
    let b = html.as_bytes();
    let len = b[from..].iter().position(|&c| is_space(c) || c == b'/' || c == b'>' || (stop_at_equals && c == b'='))?;
    let raw = &html[from..from + len];
    if len == 0 || raw.bytes().any(|c| matches!(c, b'<' | b'"' | b'\'' | b'=')) {
        return None;
    }
    let name = if raw.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw)
    };
    Some((name, from + len))
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    i
}

/// The start tag whose name begins at `from` (just after `<`).
fn start_tag(html: &str, from: usize) -> Option<StartTag<'_>> {
    let b = html.as_bytes();
    let (name, mut i) = read_name(html, from, false)?;
    let mut tag = StartTag { name, id: None, links: Vec::new(), end: 0 };
    // Which of `id`, `href`, `src`, `xlink:href` were seen: the tokenizer drops a repeated
    // attribute, which is rare enough to leave to it.
    let mut seen = 0u8;
    loop {
        i = skip_space(b, i);
        match *b.get(i)? {
            b'>' => break,
            b'/' if b.get(i + 1) == Some(&b'>') => {
                i += 1;
                break;
            }
            b'/' => return None,
            _ => {}
        }
        let (attribute, after) = read_name(html, i, true)?;
        i = skip_space(b, after);
        let mut value = Cow::Borrowed("");
        if b.get(i) == Some(&b'=') {
            i = skip_space(b, i + 1);
            let (raw, next) = match *b.get(i)? {
                quote @ (b'"' | b'\'') => {
                    let len = memchr::memchr(quote, &b[i + 1..])?;
                    let next = i + 2 + len;
                    if !b.get(next).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>') {
                        return None;
                    }
                    (&html[i + 1..i + 1 + len], next)
                }
                _ => {
                    let len = b[i..].iter().position(|&c| is_space(c) || c == b'>')?;
                    let raw = &html[i..i + len];
                    if len == 0 || raw.bytes().any(|c| matches!(c, b'"' | b'\'' | b'<' | b'=' | b'`')) {
                        return None;
                    }
                    (raw, i + len)
                }
            };
            value = decode_text(raw)?;
            i = next;
        }
        let bit = match &*attribute {
            "id" => 1,
            "href" => 2,
            "src" => 4,
            "xlink:href" => 8,
            _ => continue,
        };
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        if bit == 1 {
            tag.id = Some(value);
        } else {
            tag.links.push(value);
        }
    }
    tag.end = i + 1;
    Some(tag)
}

/// The end tag whose name begins at `from` (just after `</`): its name and where it ends.
fn end_tag(html: &str, from: usize) -> Option<(Cow<'_, str>, usize)> {
    let b = html.as_bytes();
    if !b.get(from)?.is_ascii_alphabetic() {
        return None;
    }
    let (name, after) = read_name(html, from, false)?;
    let i = skip_space(b, after);
    (b.get(i) == Some(&b'>')).then_some((name, i + 1))
}

/// Where the raw text of element `name` that starts at `from` ends: at `</name` followed by
/// whitespace, `/` or `>`, in any case.
fn raw_end(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memchr::memmem::find(&b[i..], b"</")?;
        let after = at + 2 + name.len();
        if b.get(at + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(after).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(at);
        }
        i = at + 2;
    }
}

/// After `<!`: a comment (`<!--…-->`) or a doctype; where it ends.
fn comment_or_doctype(html: &str, from: usize) -> Option<usize> {
    let rest = &html[from..];
    if let Some(body) = rest.strip_prefix("--") {
        if body.starts_with('>') || body.starts_with("->") {
            return None;
        }
        let end = body.find("-->")?;
        if body[..end].contains("--!") {
            return None;
        }
        return Some(from + 2 + end + 3);
    }
    let doctype = rest.get(..7).is_some_and(|d| d.eq_ignore_ascii_case("doctype"));
    let end = rest.find('>')?;
    let inside = &rest[..end];
    (doctype && !inside.contains(['"', '\'', '<'])).then_some(from + end + 1)
}

/// `text` with its character references decoded.
fn decode_text(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains('&') {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(found) = text[i..].find('&') {
        out.push_str(&text[i..i + found]);
        let (decoded, next) = reference(text, i + found)?;
        out.push_str(&decoded);
        i = next;
    }
    out.push_str(&text[i..]);
    Some(Cow::Owned(out))
}

/// The character reference at `at` (an `&`) and where it ends: `&#233;`, `&#x4E2D;`, a name
/// of [`ENTITIES`] with its `;`, or a lone `&` (before a character that starts no reference).
fn reference(text: &str, at: usize) -> Option<(Cow<'static, str>, usize)> {
    let b = text.as_bytes();
    match b.get(at + 1) {
        Some(b'#') => {
            let hex = matches!(b.get(at + 2), Some(b'x' | b'X'));
            let start = at + 2 + usize::from(hex);
            let len =
                b[start..].iter().take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }).count();
            if len == 0 || len > 8 || b.get(start + len) != Some(&b';') {
                return None;
            }
            let code = u32::from_str_radix(&text[start..start + len], if hex { 16 } else { 10 }).ok()?;
            // The tokenizer replaces or reports controls, surrogates and noncharacters.
            let plain = matches!(code, 0x9 | 0xA | 0x20..=0x7E | 0xA0..=0x10FFFF)
                && !matches!(code, 0xD800..=0xDFFF | 0xFDD0..=0xFDEF)
                && code & 0xFFFE != 0xFFFE;
            let c = char::from_u32(code).filter(|_| plain)?;
            Some((Cow::Owned(c.to_string()), start + len + 1))
        }
        Some(c) if c.is_ascii_alphanumeric() => {
            let len = b[at + 1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            if b.get(at + 1 + len) != Some(&b';') {
                return None;
            }
            let name = &text[at + 1..at + 1 + len];
            let (_, decoded) = ENTITIES.iter().find(|(n, _)| *n == name)?;
            Some((Cow::Borrowed(decoded), at + len + 2))
        }
        _ => Some((Cow::Borrowed("&"), at + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html;

    /// What html5ever's tokenizer reads, to compare with.
    fn tokenized(page: &str) -> PageScan {
        let mut ids = HashSet::new();
        let mut links = Vec::new();
        let mut text = TextCollector::with_capacity(0);
        html::walk(page, |item| {
            if let Item::Start(_, attrs) = &item {
                ids.extend(html::attr(attrs, "id").map(str::to_string));
                for a in attrs.iter().filter(|a| matches!(&*a.name.local, "href" | "src" | "xlink:href")) {
                    links.push(a.value.to_string());
                }
            }
            text.visit(&item);
        });
        PageScan { ids, links, text: Some(text.finish()) }
    }

    #[test]
    fn reads_what_the_tokenizer_reads() {
        let pages = [
            r##"<!DOCTYPE html><html lang="en"><head><title>A &amp; B &#x27;q&#x27; &lt;x&gt;</title>
                <style>a > b { color: red } </style><script>if (a < b && c) { x("</scrip"); }</script>
                </head><body><!-- a -- comment --><nav><a href="/x/?a=1&amp;b=2" class=menu>X</a></nav>
                <main id="main"><H2 ID="Caf&#233;">Caf&#xe9;?</H2><p>1 < 2 &amp;& 3 &copy; &#20013;</p>
                <img src='/i.png' alt="a &quot;b&quot;"/><br/><input disabled value=a&amp;b>
                <svg><use xlink:href="#icon"></use></svg><a href = "#Caf%C3%A9" >a</a>
                <textarea>&lt;b&gt; <i></textarea></main><footer>f</footer></body></html>"##,
            "no tags at all & nothing else",
            "<p>a</p ><p>b<",
        ];
        for page in pages {
            assert_eq!(scan(page, true), Some(tokenized(page)), "{page}");
        }
    }

    #[test]
    fn gives_up_outside_the_subset() {
        for page in [
            "<p>&eacute;</p>",   // a named reference not in the table
            "<p>&copy 2024</p>", // a reference without `;`
            "<p>&#128;</p>",     // a number the tokenizer replaces
            "<p>&#0;</p>",
            "<p>&#xD800;</p>",
            "<p title=a\"b>x</p>",       // a quote in an unquoted value
            "<p id=\"a\"id=\"b\">x</p>", // no space between attributes
            "<p id=a id=b>x</p>",        // a repeated id: the tokenizer keeps the first
            "<a href=/a href=/b>x</a>",
            "<p>a\r\nb</p>", // line endings the tokenizer normalizes
            "<p>a\0b</p>",
            "\u{feff}<p>a</p>",
            "<script><!-- <script> --></script>",
            "<script>never closed",
            "<p class=\"x", // a tag cut off by the end
            "<!-->",
            "<![CDATA[x]]>",
            "<?xml version=\"1.0\"?>",
            "</ p>",
            "<a/b>",
            "<p =x>",
        ] {
            assert_eq!(scan(page, true), None, "{page}");
        }
    }

    #[test]
    fn pages_it_gives_up_on_are_still_read() {
        let page = "<h2 id=\"caf&eacute;\">x</h2><a href=\"#caf&eacute;\">x</a>";
        let found = crate::render::scan::scan(page, false);
        assert_eq!(found.ids, HashSet::from(["café".to_string()]));
        assert_eq!(found.links, ["#café"]);
    }
}
