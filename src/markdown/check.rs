//! `content/unsafe-link`: a link or image in Markdown — a page, or a prose field of the YAML
//! documents — whose URL has a scheme that is not allowed (`javascript:`, `data:`, `ftp:`…).
//!
//! The renderer never publishes such a URL whatever this rule's severity; the rule says
//! where it was written, so an error stops the build and a warning explains the missing link.

use super::safety::{unsafe_links, UnsafeLink};
use crate::diagnostics::Diagnostic;
use crate::model::url::SAFE_SCHEMES as ALLOWED_SCHEMES;
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
        let mut lines = Lines::new(&page.body, page.body_line);
        for link in sorted(unsafe_links(&page.body)) {
            let pos = lines.pos(link.at.start, page.body[link.at.clone()].chars().count());
            out.push(diagnostic(&page.file, pos, &link.url));
        }
    }
    for doc in text_fields(site) {
        for (path, text) in doc.prose() {
            let links = sorted(unsafe_links(text));
            if links.is_empty() {
                continue;
            }
            let Some(at) = doc.source.written(path) else { continue };
            let start = doc.source.value(&at);
            for (link, pos) in links.iter().zip(in_yaml(start, text, &links, doc.text)) {
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

/// Turns increasing byte offsets of a text into lines and columns, reading the text once
/// (a 20 MB page with thousands of links stays linear).
struct Lines<'a> {
    text: &'a str,
    /// The offset reached, its line, and its column in characters (0-based).
    at: usize,
    line: usize,
    column: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        Lines { text, at: 0, line: first_line, column: 0 }
    }

    /// The position of byte `offset` (not before the previous one), `len` characters long.
    fn pos(&mut self, offset: usize, len: usize) -> Pos {
        let offset = offset.clamp(self.at, self.text.len());
        let between = &self.text[self.at..offset];
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.matches('\n').count();
                self.column = between[last + 1..].chars().count();
            }
            None => self.column += between.chars().count(),
        }
        self.at = offset;
        Pos { line: self.line, column: self.column + 1, len }
    }
}

/// Where each of `links` (in order) of the YAML string `text`, whose value starts at
/// `start`, sits in `file`.
fn in_yaml(start: Pos, text: &str, links: &[UnsafeLink], file: &str) -> Vec<Pos> {
    let chars = text.chars().count();
    // A plain scalar on one line is the text itself; a quoted one adds its two quotes.
    let shift = if text.contains('\n') {
        None
    } else if start.len == chars {
        Some(0)
    } else if start.len == chars + 2 {
        Some(1)
    } else {
        None
    };
    if let Some(shift) = shift {
        let mut lines = Lines::new(text, start.line);
        return links
            .iter()
            .map(|link| {
                let pos = lines.pos(link.at.start, text[link.at.clone()].chars().count());
                Pos { column: start.column + shift + pos.column - 1, ..pos }
            })
            .collect();
    }
    // Block scalars, folded lines, escapes: find each URL in the file itself, in order, from
    // where the value starts.
    let Some(from) = offset_of(file, start) else {
        return links.iter().map(|_| start).collect();
    };
    let mut lines = Lines::new(file, 1);
    let mut cursor = from;
    links
        .iter()
        .map(|link| {
            let written = &text[link.at.clone()];
            let found = (!written.is_empty()).then(|| file[cursor..].find(written)).flatten();
            match found {
                Some(i) => {
                    cursor += i + written.len();
                    lines.pos(cursor - written.len(), written.chars().count())
                }
                None => Pos { len: written.chars().count(), ..start },
            }
        })
        .collect()
}

/// The byte offset of `pos` in `file`.
fn offset_of(file: &str, pos: Pos) -> Option<usize> {
    let line_start = if pos.line <= 1 { 0 } else { file.match_indices('\n').nth(pos.line - 2)?.0 + 1 };
    let line = &file[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    Some(line_start + line.char_indices().nth(pos.column.saturating_sub(1)).map_or(line.len(), |(i, _)| i))
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
        let at = |start: Pos, text: &str, file: &str| in_yaml(start, text, &sorted(unsafe_links(text)), file);
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

    #[test]
    fn lines_are_counted_forward() {
        let mut lines = Lines::new("ab\ncdé\nf", 5);
        assert_eq!(lines.pos(1, 1), Pos { line: 5, column: 2, len: 1 });
        assert_eq!(lines.pos(5, 1), Pos { line: 6, column: 3, len: 1 });
        assert_eq!(lines.pos(8, 1), Pos { line: 7, column: 1, len: 1 });
    }
}
