//! `content/unsafe-link`: a link or image in Markdown — a page, or a prose field of the YAML
//! documents — whose URL has a scheme that is not allowed (`javascript:`, `data:`, `ftp:`…).
//!
//! The renderer never publishes such a URL whatever this rule's severity; the rule says
//! where it was written, so an error stops the build and a warning explains the missing link.

use super::safety::{unsafe_links, UnsafeLink, ALLOWED_SCHEMES};
use crate::diagnostics::Diagnostic;
use crate::model::{text_fields, Pos, Site};
use std::path::Path;

/// The rule's id.
pub const RULE: &str = "content/unsafe-link";

/// Every refused link of the site's pages (drafts too: `--drafts` publishes them) and prose
/// fields, at the line and column of its URL. Plain-text fields (names, ids, e-mail
/// addresses) are not Markdown and are not read.
pub fn unsafe_link_diagnostics(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &site.pages {
        for link in unsafe_links(&page.body) {
            let pos = position_in(&page.body, &link, page.body_line);
            out.push(diagnostic(&page.file, pos, &link.url));
        }
    }
    for doc in text_fields(site) {
        for (path, text) in doc.prose() {
            let links = unsafe_links(text);
            if links.is_empty() {
                continue;
            }
            let Some(at) = doc.source.written(path) else { continue };
            let start = doc.source.value(&at);
            for link in links {
                out.push(diagnostic(doc.file, in_yaml(start, text, &link, doc.text), &link.url));
            }
        }
    }
    out
}

/// The position of `link` in `text`, whose first line is line `first_line` of its file.
fn position_in(text: &str, link: &UnsafeLink, first_line: usize) -> Pos {
    let before = &text[..link.at.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line: first_line + before.matches('\n').count(),
        column: before[line_start..].chars().count() + 1,
        len: text[link.at.clone()].chars().count(),
    }
}

/// Where `link` of the YAML string `text`, whose value starts at `start`, sits in `file`.
fn in_yaml(start: Pos, text: &str, link: &UnsafeLink, file: &str) -> Pos {
    let written = &text[link.at.clone()];
    let len = written.chars().count();
    if !text.contains('\n') {
        let offset = text[..link.at.start].chars().count();
        let chars = text.chars().count();
        // A plain scalar is the text itself; a quoted one adds its two quotes.
        if start.len == chars {
            return Pos { column: start.column + offset, len, ..start };
        }
        if start.len == chars + 2 {
            return Pos { column: start.column + 1 + offset, len, ..start };
        }
    }
    // Block scalars, folded lines, escapes: find the same occurrence in the file itself.
    let nth = text[..link.at.start].matches(written).count();
    in_file(start, written, nth, file).unwrap_or(Pos { len, ..start })
}

/// The `nth` occurrence of `needle` in `file` from `start` on.
fn in_file(start: Pos, needle: &str, nth: usize, file: &str) -> Option<Pos> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    for _ in 1..start.line {
        from += file[from..].find('\n')? + 1;
    }
    let line_len = file[from..].find('\n').unwrap_or(file.len() - from);
    from += file[from..from + line_len].char_indices().nth(start.column.saturating_sub(1)).map_or(line_len, |(i, _)| i);
    let (offset, _) = file[from..].match_indices(needle).nth(nth)?;
    let before = &file[..from + offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        len: needle.chars().count(),
    })
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
        let link = |text: &str| unsafe_links(text).remove(0);
        let plain = "See [x](javascript:y)";
        let at = in_yaml(Pos { line: 3, column: 10, len: 21 }, plain, &link(plain), "");
        assert_eq!((at.line, at.column, at.len), (3, 18, 12));
        let quoted = in_yaml(Pos { line: 3, column: 10, len: 23 }, plain, &link(plain), "");
        assert_eq!(quoted.column, 19);
        let file = "a: 1\nmission: |\n  Text.\n  See [x](javascript:y)\n";
        let block = "Text.\nSee [x](javascript:y)\n";
        let at = in_yaml(Pos { line: 2, column: 10, len: 0 }, block, &link(block), file);
        assert_eq!((at.line, at.column), (4, 11));
    }
}
