//! `content/unsafe-link`: a link or image in Markdown — a page, or a prose field of the YAML
//! documents — whose URL has a scheme that is not allowed (`javascript:`, `data:`, `ftp:`…).
//!
//! The renderer never publishes such a URL whatever this rule's severity; the rule says
//! where it was written, so an error stops the build and a warning explains the missing link.

use super::safety::{unsafe_links, UnsafeLink};
use super::scan::Reading;
use crate::diagnostics::Diagnostic;
use crate::model::spans::{in_scalar, LineIndex};
use crate::model::url::SAFE_SCHEMES as ALLOWED_SCHEMES;
use crate::model::{text_fields, Page, Pos, Site};
use std::path::Path;

/// The rule's id.
pub const RULE: &str = "content/unsafe-link";

/// Every refused link of a page (drafts too: `--drafts` publishes them), read as `reading`,
/// at the line and column of its URL.
pub fn page_unsafe_links(page: &Page, reading: &Reading) -> Vec<Diagnostic> {
    if reading.unsafe_links.is_empty() {
        return Vec::new();
    }
    let body = LineIndex::new(&page.body);
    sorted(reading.unsafe_links.clone())
        .into_iter()
        .map(|link| {
            let at = body.pos(link.at.start);
            let pos = Pos { line: page.body_line + at.line - 1, len: page.body[link.at.clone()].chars().count(), ..at };
            diagnostic(&page.file, pos, &link.url)
        })
        .collect()
}

/// Every refused link of the prose fields of the YAML documents, at the line and column of
/// its URL. Plain-text fields (names, ids, e-mail addresses) are not Markdown and are not
/// read; the pages are read by [`page_unsafe_links`].
pub fn unsafe_prose_links(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for doc in text_fields(site) {
        for (path, text) in doc.prose() {
            let links = sorted(unsafe_links(text));
            if links.is_empty() {
                continue;
            }
            let Some(at) = doc.source.written(path) else { continue };
            let start = doc.source.value(&at);
            let spans: Vec<_> = links.iter().map(|link| link.at.clone()).collect();
            for (link, pos) in links.iter().zip(in_scalar(&LineIndex::new(doc.text), start, text, &spans)) {
                out.push(diagnostic(doc.file, pos, &link.url));
            }
        }
    }
    out
}

/// `links` in the order they are written (a reference link is found at its definition).
fn sorted(mut links: Vec<UnsafeLink>) -> Vec<UnsafeLink> {
    links.sort_by_key(|link| link.at.start);
    links
}

fn diagnostic(file: &Path, pos: Pos, url: &str) -> Diagnostic {
    let scheme = super::safety::url_scheme(url).unwrap_or_default();
    Diagnostic::error(RULE, file, pos, format!("link to `{}`: the `{scheme}:` scheme is not allowed", shown(url)))
        .with_label("unsafe link")
        .with_help(format!(
            "link with {} or a relative path instead; `javascript:`, `vbscript:`, `data:` and `file:` links are never published",
            ALLOWED_SCHEMES.map(|s| format!("`{s}:`")).join(", ")
        ))
}

/// `url` for a message: control characters made visible, and at most 60 characters.
fn shown(url: &str) -> String {
    let visible: String = url.chars().flat_map(char::escape_debug).collect();
    match visible.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &visible[..cut]),
        None => visible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_or_odd_urls_are_shown_readably() {
        assert_eq!(shown("java\tscript:x"), "java\\tscript:x");
        assert_eq!(shown(&format!("data:{}", "a".repeat(100))).chars().count(), 61);
    }

    #[test]
    fn yaml_positions_account_for_quotes_and_block_scalars() {
        let at = |start: Pos, text: &str, file: &str| {
            let spans: Vec<_> = sorted(unsafe_links(text)).into_iter().map(|l| l.at).collect();
            in_scalar(&LineIndex::new(file), start, text, &spans)
        };
        let plain = "See [x](javascript:y) and <vbscript:z>";
        let found = at(Pos { line: 3, column: 10, len: 38 }, plain, "");
        let found: Vec<_> = found.iter().map(|p| (p.line, p.column, p.len)).collect();
        assert_eq!(found, [(3, 18, 12), (3, 37, 10)]);
        assert_eq!(at(Pos { line: 3, column: 10, len: 40 }, plain, "")[0].column, 19, "quoted");
        let file = "a: 1\nmission: |\n  Text.\n  See [x](javascript:y)\n  and [y](javascript:y)\n";
        let block = "Text.\nSee [x](javascript:y)\nand [y](javascript:y)\n";
        let found = at(Pos { line: 2, column: 10, len: 0 }, block, file);
        let found: Vec<_> = found.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(found, [(4, 11), (5, 11)]);
    }
}
