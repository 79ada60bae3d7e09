//! `search-index.json`: every page's title, address and words, for the theme's search box.
//!
//! Words are lowercased runs of letters and digits (lowercased for matching only: titles
//! and snippets are shown as written), of two or more characters, and numbers of any
//! length ("3 个工作日" is found by "3"). Chinese, Japanese and Korean text has no spaces
//! between words, so it is indexed as single characters and pairs of neighbouring
//! characters (bigrams), which the search script matches the same way: a query of two or
//! more such characters must contain each of its pairs. A result's title is the page's
//! `<title>`, which the theme writes in the portal's language.

use super::page_text::PageText;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// One page of the index.
#[derive(Debug, Clone, Serialize)]
struct Entry {
    /// Title.
    t: String,
    /// Address.
    u: String,
    /// The start of its text.
    s: String,
}

#[derive(Serialize)]
struct Index<'a> {
    pages: Vec<&'a Entry>,
    /// Term → ids of the pages that contain it, by term.
    terms: SortedTerms<'a>,
}

/// Terms in byte order (as a `BTreeMap<String, _>` would serialize them).
struct SortedTerms<'a>(Vec<(&'a String, &'a Vec<u32>)>);

impl Serialize for SortedTerms<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}

/// Length of the text shown under a result.
const SNIPPET: usize = 160;

/// A page's entry in the index and its terms, worked out where the page is rendered (in
/// parallel; `serve` keeps it with the page), so the index is only a merge at the end.
#[derive(Debug)]
pub struct SearchEntry {
    entry: Entry,
    terms: BTreeSet<String>,
}

/// The entry of the page at `url` with this title and text.
pub(crate) fn entry(url: String, page: &PageText) -> SearchEntry {
    let snippet: String = page.text.chars().take(SNIPPET).collect();
    let mut terms = BTreeSet::new();
    tokens(&page.title, &mut terms);
    tokens(&page.text, &mut terms);
    SearchEntry { entry: Entry { t: page.title.clone(), u: url, s: snippet }, terms }
}

/// The index, filled page by page, from several threads, in any order: a build does not
/// keep every page's terms until the end, only the merged index.
#[derive(Default)]
pub(crate) struct IndexBuilder {
    inner: Mutex<Merged>,
}

#[derive(Default)]
struct Merged {
    pages: BTreeMap<usize, Entry>,
    // A fast hash: the order is fixed by sorting in `finish`, and every term of every page
    // passes here (the standard hasher was 4% of a 1,000-page rebuild).
    terms: HashMap<String, Vec<u32>, foldhash::fast::RandomState>,
}

impl IndexBuilder {
    /// Adds the page that is number `id` of the index (ids count the indexed pages in order).
    pub(crate) fn add(&self, id: usize, page: &SearchEntry) {
        let mut merged = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        merged.pages.insert(id, page.entry.clone());
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        for term in &page.terms {
            match merged.terms.get_mut(term.as_str()) {
                Some(ids) => ids.push(id),
                None => {
                    merged.terms.insert(term.clone(), vec![id]);
                }
            }
        }
    }

    /// search-index.json: the pages in id order, each term with its pages in id order.
    pub(crate) fn finish(self) -> Vec<u8> {
        let mut merged = self.inner.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        merged.terms.values_mut().for_each(|ids| ids.sort_unstable());
        let mut terms: Vec<(&String, &Vec<u32>)> = merged.terms.iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        json(merged.pages.values().collect(), terms)
    }
}

/// The index as `serve` keeps it from one render to the next: each page's entry by id, and
/// the merged terms, so that a render merges again only the pages whose entry changed.
#[derive(Default)]
pub(crate) struct KeptIndex {
    entries: Vec<Option<Arc<SearchEntry>>>,
    /// Term → ids of the pages that contain it, in id order.
    terms: BTreeMap<String, Vec<u32>>,
}

impl KeptIndex {
    /// search-index.json of the pages `entries` (by id), the same bytes as [`IndexBuilder`]
    /// gives: the terms of a page whose entry is not the one kept are taken out, and its new
    /// entry's put in (all of them when the number of pages changed).
    pub(crate) fn update(&mut self, entries: Vec<Option<Arc<SearchEntry>>>) -> Vec<u8> {
        if entries.len() != self.entries.len() {
            *self = KeptIndex { entries: vec![None; entries.len()], terms: BTreeMap::new() };
        }
        let KeptIndex { entries: kept, terms } = self;
        for (id, (old, new)) in kept.iter().zip(&entries).enumerate() {
            let same = match (old, new) {
                (Some(old), Some(new)) => Arc::ptr_eq(old, new),
                (None, None) => true,
                _ => false,
            };
            if same {
                continue;
            }
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            for term in old.iter().flat_map(|old| &old.terms) {
                if let Some(ids) = terms.get_mut(term) {
                    if let Ok(at) = ids.binary_search(&id) {
                        ids.remove(at);
                    }
                    if ids.is_empty() {
                        terms.remove(term);
                    }
                }
            }
            for term in new.iter().flat_map(|new| &new.terms) {
                let ids = terms.entry(term.clone()).or_default();
                if let Err(at) = ids.binary_search(&id) {
                    ids.insert(at, id);
                }
            }
        }
        self.entries = entries;
        json(self.entries.iter().flatten().map(|e| &e.entry).collect(), self.terms.iter().collect())
    }
}

/// search-index.json: `pages` in id order, `terms` in byte order, each with its ids in order.
fn json(pages: Vec<&Entry>, terms: Vec<(&String, &Vec<u32>)>) -> Vec<u8> {
    serde_json::to_vec(&Index { pages, terms: SortedTerms(terms) }).unwrap_or_default()
}

/// The index of `pages`: (address, title and text) pairs, in the order results should prefer.
#[cfg(test)]
pub fn index(pages: &[(String, PageText)]) -> Vec<u8> {
    use rayon::prelude::*;
    let builder = IndexBuilder::default();
    pages.par_iter().enumerate().for_each(|(id, (url, page))| builder.add(id, &entry(url.clone(), page)));
    builder.finish()
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

/// Adds the search terms of `text`: words of two or more characters, numbers of any length,
/// and CJK characters and character pairs.
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
    if word.chars().count() >= 2 || (!word.is_empty() && word.chars().all(char::is_numeric)) {
        out.insert(std::mem::take(word));
    } else {
        word.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_and_text(html: &str) -> PageText {
        super::super::scan::scan(html, true).text.unwrap_or_default()
    }

    #[test]
    fn cjk_is_indexed_as_characters_and_pairs() {
        let mut terms = BTreeSet::new();
        tokens("治理 Charter, v2", &mut terms);
        let terms: Vec<_> = terms.into_iter().collect();
        assert_eq!(terms, ["charter", "v2", "治", "治理", "理"]);
    }

    #[test]
    fn numbers_of_any_length_are_words() {
        let mut terms = BTreeSet::new();
        tokens("3 个工作日, 14 days, a b", &mut terms);
        let terms: Vec<_> = terms.into_iter().collect();
        assert_eq!(terms, ["14", "3", "days", "个", "个工", "作", "作日", "工", "工作", "日"]);
    }

    #[test]
    fn indexes_main_text_and_title() {
        let html = b"<html><head><title>Roles &amp; duties</title></head><body><nav>Menu</nav><main><h1>Roles</h1><p>Maintainers <b>review</b> changes.</p><script>var x=1;</script></main></body></html>";
        let page = title_and_text(std::str::from_utf8(html).unwrap());
        let json = index(&[("/acme/roles/".to_string(), page)]);
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(value["pages"][0]["t"], "Roles & duties");
        assert_eq!(value["pages"][0]["s"], "Roles Maintainers review changes.");
        assert_eq!(value["terms"]["review"], serde_json::json!([0]));
        assert!(value["terms"].get("menu").is_none(), "navigation is not indexed");
        assert!(value["terms"].get("var").is_none(), "scripts are not indexed");
    }

    #[test]
    fn the_kept_index_gives_the_bytes_of_a_full_merge() {
        let page = |url: &str, text: &str| {
            Arc::new(entry(url.into(), &PageText { title: url.to_uppercase(), text: text.into() }))
        };
        let full = |entries: &[Option<Arc<SearchEntry>>]| {
            let builder = IndexBuilder::default();
            for (id, entry) in entries.iter().enumerate() {
                if let Some(entry) = entry {
                    builder.add(id, entry);
                }
            }
            builder.finish()
        };
        let mut kept = KeptIndex::default();
        let mut pages = vec![Some(page("a", "alpha beta")), None, Some(page("c", "beta gamma"))];
        assert_eq!(kept.update(pages.clone()), full(&pages));
        // A page's words change: `alpha` goes, `delta` comes, `beta` stays with both ids.
        pages[0] = Some(page("a", "beta delta"));
        assert_eq!(kept.update(pages.clone()), full(&pages));
        // Two pages trade places; then one more page.
        pages.swap(0, 2);
        assert_eq!(kept.update(pages.clone()), full(&pages));
        pages.push(Some(page("d", "omega")));
        assert_eq!(kept.update(pages.clone()), full(&pages));
        let json: serde_json::Value = serde_json::from_slice(&kept.update(pages.clone())).unwrap();
        assert_eq!(json["terms"]["beta"], serde_json::json!([0, 2]));
        assert!(json["terms"].get("alpha").is_none());
    }

    #[test]
    fn every_entity_is_decoded() {
        let html = "<title>Caf&eacute; &#x4E2D;&#25991;</title><main><p>R&#233;sum&eacute; &amp; &#x4E2D;&#x6587; &lt;tag&gt;&nbsp;x</p><style>p{}</style></main>";
        let page = title_and_text(html);
        assert_eq!(page.title, "Café 中文");
        assert_eq!(page.text, "Résumé & 中文 <tag> x");
    }

    #[test]
    fn whole_page_without_main() {
        let page = title_and_text("<title>T</title><p>One<br>two</p><!-- c > d --><script>x</script>");
        assert_eq!((page.title.as_str(), page.text.as_str()), ("T", "T One two"));
    }
}
