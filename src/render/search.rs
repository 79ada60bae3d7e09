//! `search-index.json`: every page's title, address and words, for the theme's search box.
//!
//! Words are lowercased runs of letters and digits. Chinese, Japanese and Korean text has
//! no spaces between words, so it is indexed as single characters and pairs of neighbouring
//! characters (n-grams), which the search script matches the same way.

use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One page of the index.
#[derive(Serialize)]
struct Entry {
    /// Title.
    t: String,
    /// Address.
    u: String,
    /// The start of its text.
    s: String,
}

#[derive(Serialize)]
struct Index {
    pages: Vec<Entry>,
    /// Term → ids of the pages that contain it.
    terms: BTreeMap<String, Vec<usize>>,
}

/// Length of the text shown under a result.
const SNIPPET: usize = 160;

/// The index of `pages`: (address, HTML) pairs, in the order results should prefer.
pub fn index(pages: &[(String, &[u8])]) -> Vec<u8> {
    let parsed: Vec<(Entry, BTreeSet<String>)> = pages
        .par_iter()
        .map(|(url, html)| {
            let html = String::from_utf8_lossy(html);
            let title = between(&html, "<title>", "</title>").map(decode_entities).unwrap_or_default();
            let main = main_content(&html);
            let text = plain_text(main);
            let snippet: String = text.chars().take(SNIPPET).collect();
            let mut terms = BTreeSet::new();
            tokens(&title, &mut terms);
            tokens(&text, &mut terms);
            (Entry { t: title, u: url.clone(), s: snippet }, terms)
        })
        .collect();
    let mut index = Index { pages: Vec::with_capacity(parsed.len()), terms: BTreeMap::new() };
    for (id, (entry, terms)) in parsed.into_iter().enumerate() {
        index.pages.push(entry);
        for term in terms {
            index.terms.entry(term).or_default().push(id);
        }
    }
    serde_json::to_vec(&index).unwrap_or_default()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// The page's `<main>` element, or the whole page when the theme has none.
fn main_content(html: &str) -> &str {
    let Some(open) = html.find("<main") else { return html };
    let start = html[open..].find('>').map_or(open, |i| open + i + 1);
    let end = html[start..].find("</main>").map_or(html.len(), |i| start + i);
    &html[start..end]
}

/// Text without tags, scripts and styles, with whitespace collapsed.
fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let tag = &rest[open..];
        let skip_to = ["<script", "<style"]
            .iter()
            .find(|t| tag.starts_with(**t))
            .and_then(|t| tag.find(&format!("</{}>", &t[1..])).map(|i| i + t.len() + 2));
        let close = match skip_to {
            Some(end) => Some(end),
            None => tag.find('>').map(|i| i + 1),
        };
        match close {
            Some(n) => rest = &tag[n.min(tag.len())..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text with the entities Tera's and pulldown-cmark's escaping write turned back.
pub fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Whether `c` is written without spaces between words (CJK scripts).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F) // Extensions B–F, supplement
}

/// Adds the search terms of `text`: words of two or more characters, and CJK characters
/// and character pairs.
pub fn tokens(text: &str, out: &mut BTreeSet<String>) {
    let lower = text.to_lowercase();
    let mut word = String::new();
    let mut previous_cjk: Option<char> = None;
    for c in lower.chars() {
        if is_cjk(c) {
            flush(&mut word, out);
            out.insert(c.to_string());
            if let Some(p) = previous_cjk {
                out.insert(format!("{p}{c}"));
            }
            previous_cjk = Some(c);
        } else {
            previous_cjk = None;
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, out);
            }
        }
    }
    flush(&mut word, out);
}

fn flush(word: &mut String, out: &mut BTreeSet<String>) {
    if word.chars().count() >= 2 {
        out.insert(std::mem::take(word));
    } else {
        word.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_indexed_as_characters_and_pairs() {
        let mut terms = BTreeSet::new();
        tokens("治理 Charter, v2", &mut terms);
        let terms: Vec<_> = terms.into_iter().collect();
        assert_eq!(terms, ["charter", "v2", "治", "治理", "理"]);
    }

    #[test]
    fn indexes_main_text_and_title() {
        let html = b"<html><head><title>Roles &amp; duties</title></head><body><nav>Menu</nav><main><h1>Roles</h1><p>Maintainers <b>review</b> changes.</p><script>var x=1;</script></main></body></html>";
        let json = index(&[("/acme/roles/".to_string(), html.as_slice())]);
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(value["pages"][0]["t"], "Roles & duties");
        assert_eq!(value["pages"][0]["s"], "Roles Maintainers review changes.");
        assert_eq!(value["terms"]["review"], serde_json::json!([0]));
        assert!(value["terms"].get("menu").is_none(), "navigation is not indexed");
        assert!(value["terms"].get("var").is_none(), "scripts are not indexed");
    }
}
