//! A reader of the tags and attributes of raw HTML, with their byte positions: what
//! `content/unsafe-link` needs to point at a URL written in HTML.
//!
//! It follows the HTML tokenizer where it decides what is a tag and where an attribute's
//! value ends (quotes, comments, raw-text elements such as `<script>`), but it is not the
//! sanitizer: what is published is decided by ammonia's real HTML parser, and this only
//! finds what to report.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

/// One attribute of a start tag.
#[derive(Debug)]
pub struct Attribute<'a> {
    /// Its name, as written.
    pub name: &'a str,
    /// Its value, character references decoded.
    pub value: Cow<'a, str>,
    /// Where the value is written (without its quotes).
    pub value_at: Range<usize>,
}

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: [&str; 9] =
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Calls `visit(element, attribute)` for every attribute of every start tag of `html`.
pub fn for_each_attribute<'a>(html: &'a str, mut visit: impl FnMut(&'a str, &Attribute<'a>)) {
    scan(html, |name, attributes| {
        for attribute in attributes {
            visit(name, attribute);
        }
    });
}

/// The names of the elements of `html`, as written and lowercased.
pub fn tag_names(html: &str) -> HashSet<String> {
    let mut names = HashSet::new();
    scan(html, |name, _| {
        names.insert(name.to_string());
        names.insert(name.to_ascii_lowercase());
    });
    names
}

/// Calls `tag(name, attributes)` for every start tag of `html`.
fn scan<'a>(html: &'a str, mut tag: impl FnMut(&'a str, &[Attribute<'a>])) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let open = i + offset;
        let rest = &html[open + 1..];
        i = if rest.starts_with("!--") {
            comment_end(html, open + 4)
        } else if rest.starts_with(['!', '?']) || (rest.starts_with('/') && !starts_with_letter(&rest[1..])) {
            // A doctype, CDATA, processing instruction or `</>`: up to the next `>`.
            html[open..].find('>').map_or(html.len(), |e| open + e + 1)
        } else if rest.starts_with('/') {
            // End tags may carry (ignored) attributes; read them to find the tag's end.
            read_tag(html, open + 2).end
        } else if starts_with_letter(rest) {
            let read = read_tag(html, open + 1);
            tag(read.name, &read.attributes);
            let lower = read.name.to_ascii_lowercase();
            if RAW_TEXT.contains(&lower.as_str()) {
                raw_text_end(html, read.end, &lower)
            } else {
                read.end
            }
        } else {
            open + 1
        };
        if i >= bytes.len() {
            break;
        }
    }
}

fn starts_with_letter(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
}

/// Where a comment whose text starts at `from` ends: its earliest possible end (`-->`,
/// `--!>`, or an abrupt `<!-->` / `<!--->`), so that no tag a browser would see after it is
/// skipped. One pass: a page of many comments is read in linear time.
fn comment_end(html: &str, from: usize) -> usize {
    let rest = &html[from.min(html.len())..];
    if rest.starts_with('>') {
        return from + 1;
    }
    if rest.starts_with("->") {
        return from + 2;
    }
    let mut at = 0;
    while let Some(i) = rest[at..].find("--") {
        let after = &rest[at + i + 2..];
        if after.starts_with('>') {
            return from + at + i + 3;
        }
        if after.starts_with("!>") {
            return from + at + i + 4;
        }
        at += i + 1;
    }
    html.len()
}

/// Where the raw text of element `name` that starts at `from` ends: at its first end tag
/// (matched without regard to case, without copying the rest of the page).
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(i) = html[at..].find("</") {
        let start = at + i;
        let after = start + 2 + name.len();
        let named = bytes.get(start + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if named && bytes.get(after).is_none_or(|&b| is_space(b) || b == b'/' || b == b'>') {
            return start;
        }
        at = start + 2;
    }
    html.len()
}

struct Tag<'a> {
    name: &'a str,
    attributes: Vec<Attribute<'a>>,
    end: usize,
}

/// Reads the tag whose name starts at `start`, up to and including its `>`.
fn read_tag(html: &str, start: usize) -> Tag<'_> {
    let bytes = html.as_bytes();
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = &html[start..i];
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return Tag { name, attributes, end: bytes.len() };
        }
        if bytes[i] == b'>' {
            return Tag { name, attributes, end: i + 1 };
        }
        // A name runs to a blank, `/`, `>` or `=` (a leading `=` belongs to it).
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attribute_name = &html[name_start..i];
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] != b'=' {
            attributes.push(Attribute { name: attribute_name, value: Cow::Borrowed(""), value_at: i..i });
            continue;
        }
        i += 1;
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let value_at = match bytes.get(i) {
            Some(&quote @ (b'"' | b'\'')) => {
                let from = i + 1;
                let to = html[from..].find(quote as char).map_or(html.len(), |e| from + e);
                i = (to + 1).min(bytes.len());
                from..to
            }
            _ => {
                let from = i;
                while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                from..i
            }
        };
        attributes.push(Attribute { name: attribute_name, value: decode(&html[value_at.clone()]), value_at });
    }
}

/// Decodes the character references that can spell a URL's scheme: numeric ones (with or
/// without `;`, as browsers accept them) and the few named ones for ASCII punctuation and
/// blanks. Others are kept as written, which cannot make a refused scheme look allowed.
fn decode(value: &str) -> Cow<'_, str> {
    if !value.contains('&') {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `text` (`&#106;`, `&#x6A`, `&colon;`) stands
/// for, and its length.
fn reference(text: &str) -> Option<(char, usize)> {
    const NAMED: [(&str, char); 8] = [
        ("&colon;", ':'),
        ("&Tab;", '\t'),
        ("&NewLine;", '\n'),
        ("&plus;", '+'),
        ("&period;", '.'),
        ("&amp;", '&'),
        ("&sol;", '/'),
        ("&num;", '#'),
    ];
    if let Some((name, c)) = NAMED.iter().find(|(name, _)| text.starts_with(name)) {
        return Some((*c, name.len()));
    }
    let numeric = text.strip_prefix("&#")?;
    let (digits, radix, skip) = match numeric.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 3),
        None => (numeric, 10, 2),
    };
    let len = digits.bytes().take_while(|b| (*b as char).is_digit(radix)).count();
    if len == 0 {
        return None;
    }
    // An out-of-range number is U+FFFD to a browser; either way it spells no scheme.
    let c = u32::from_str_radix(&digits[..len.min(8)], radix).ok().and_then(char::from_u32).unwrap_or('\u{fffd}');
    let semicolon = usize::from(digits[len..].starts_with(';'));
    Some((c, skip + len + semicolon))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(html: &str) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for_each_attribute(html, |element, a| {
            out.push((element.to_string(), a.name.to_string(), a.value.to_string()));
        });
        out
    }

    #[test]
    fn reads_quoted_unquoted_and_bare_attributes() {
        let found = attributes("<a href=\"x y\" title='t' data-n=3 hidden/><IMG\nSRC = z>");
        let flat: Vec<String> = found.iter().map(|(e, n, v)| format!("{e} {n}={v}")).collect();
        assert_eq!(flat, ["a href=x y", "a title=t", "a data-n=3", "a hidden=", "IMG SRC=z"]);
    }

    #[test]
    fn decodes_references_that_spell_schemes() {
        assert_eq!(decode("&#106ava&#X73;cript&colon;x"), "javascript:x");
        assert_eq!(decode("a&amp;b&unknown;"), "a&b&unknown;");
    }

    #[test]
    fn comments_and_raw_text_hide_tags_up_to_their_earliest_end() {
        assert!(attributes("<!-- <a href=x> --><b id=1>").iter().all(|(e, ..)| e == "b"));
        // A quote inside a comment or a script must not hide the tag after its end.
        let after = attributes("<!-- <a x=\"--><img src=1>\" --><script>var s = '<a b=\"';</script><i id=2>");
        let names: Vec<&str> = after.iter().map(|(e, ..)| e.as_str()).collect();
        assert_eq!(names, ["img", "i"]);
    }

    #[test]
    fn raw_text_ends_at_its_end_tag_in_any_case() {
        let found = attributes("<SCRIPT>x = '<a href=1>'</sCrIpT ><b id=2><textarea></textareax><i id=3></textarea>");
        let names: Vec<&str> = found.iter().map(|(e, ..)| e.as_str()).collect();
        assert_eq!(names, ["b"]);
        assert!(attributes("<!--x--!><a id=1><!---><b id=2>").len() == 2);
    }

    #[test]
    fn tag_names_are_kept_as_written_and_lowercased() {
        let names = tag_names("<My-Card></My-Card><p>");
        assert!(names.contains("My-Card") && names.contains("my-card") && names.contains("p"));
    }
}
