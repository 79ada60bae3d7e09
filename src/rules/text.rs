//! `text/placeholder`: placeholders left in any text of the site — every string value of
//! every YAML document, and the body of every Markdown page but drafts — each reported at
//! its own line and column.
//!
//! YAML documents are walked generically (serialized to JSON, strings visited with their
//! path), so a field added to the model later is covered without touching this rule.

use super::placeholder::{find, Hit, Kind};
use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Doc, Pos, Site, SourceMap};
use serde::Serialize;

/// `text/placeholder`: TODO, TBD, FIXME, `[INSERT …]`, `$NAME` slots, lorem ipsum.
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    scan_doc(site, &site.site, out);
    if let Some(d) = &site.charter {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.people {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.roles {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.ladder {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.code_of_conduct {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.security {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.groups {
        scan_doc(site, d, out);
    }
    if let Some(d) = &site.decisions {
        scan_doc(site, d, out);
    }
    // A draft is unfinished by definition and never published by `build`; its TODOs are
    // the author's notes, and would otherwise fail builds under profiles that make this rule
    // an error.
    for page in site.pages.iter().filter(|p| !p.front.draft) {
        for hit in find(&page.body) {
            let before = &page.body[..hit.start];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let pos = Pos {
                line: page.body_line + before.matches('\n').count(),
                column: before[line_start..].chars().count() + 1,
                len: page.body[hit.start..hit.end].chars().count(),
            };
            out.push(diagnostic(&page.file, pos, &page.body[hit.start..hit.end], hit.kind, "the page's text"));
        }
    }
}

/// Every string of `value` with its path (`roles[0].description`).
fn strings<'a>(value: &'a serde_json::Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        serde_json::Value::String(s) => out.push((path, s)),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, item_path(&path, i), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                strings(item, field_path(&path, key), out);
            }
        }
        _ => {}
    }
}

/// The path of the YAML node a serialized path came from.
///
/// The model serializes some shorthands in their long form: a requirements list as
/// `{ all, any }`, a member id as `{ person, … }`, a version string as `{ version, … }`.
/// `None` means the value is a default that the file does not contain.
fn resolve(source: &SourceMap, path: &str) -> Option<String> {
    if source.contains(path) {
        return Some(path.to_string());
    }
    if let Some((head, index)) = path.rsplit_once(".all[") {
        let list = format!("{head}[{index}");
        if source.contains(&list) {
            return Some(list);
        }
    }
    let (parent, _) = path.rsplit_once('.')?;
    source.contains(parent).then(|| parent.to_string())
}

/// The file's text, read once per document and only when a position needs it.
struct Raw<'a> {
    site: &'a Site,
    file: &'a std::path::Path,
    text: Option<Option<String>>,
}

impl Raw<'_> {
    fn get(&mut self) -> Option<&str> {
        let (site, file) = (self.site, self.file);
        self.text.get_or_insert_with(|| std::fs::read_to_string(site.root.join(file)).ok()).as_deref()
    }
}

fn scan_doc<T: Serialize>(site: &Site, doc: &Doc<T>, out: &mut Vec<Diagnostic>) {
    let Ok(value) = serde_json::to_value(&doc.data) else { return };
    let mut found = Vec::new();
    strings(&value, String::new(), &mut found);
    let mut raw = Raw { site, file: &doc.file, text: None };
    for (path, text) in found {
        let hits = find(text);
        if hits.is_empty() {
            continue;
        }
        let Some(at) = resolve(&doc.source, &path) else { continue };
        let start = doc.pos(&at);
        for (k, hit) in hits.iter().enumerate() {
            let word = &text[hit.start..hit.end];
            // Which occurrence of this word in the value it is, to find it again in the file.
            let nth = hits[..k].iter().filter(|h| &text[h.start..h.end] == word).count();
            let pos = locate(start, text, hit, nth, &mut raw);
            out.push(diagnostic(&doc.file, pos, word, hit.kind, &format!("`{at}`")));
        }
    }
}

/// Where `hit` of the string `text`, whose YAML value starts at `start`, sits in the file.
fn locate(start: Pos, text: &str, hit: &Hit, nth: usize, raw: &mut Raw) -> Pos {
    let offset = text[..hit.start].chars().count();
    let len = text[hit.start..hit.end].chars().count();
    let chars = text.chars().count();
    if !text.contains('\n') {
        // A plain scalar is the text itself; a quoted one adds its two quotes.
        if start.len == chars {
            return Pos { column: start.column + offset, len, ..start };
        }
        if start.len == chars + 2 {
            return Pos { column: start.column + 1 + offset, len, ..start };
        }
    }
    // Block scalars, folded lines, escapes: find the same occurrence in the file itself.
    in_file(start, &text[hit.start..hit.end], nth, raw).unwrap_or(Pos { len, ..start })
}

fn in_file(start: Pos, word: &str, nth: usize, raw: &mut Raw) -> Option<Pos> {
    let file = raw.get()?;
    let mut from = 0;
    for _ in 1..start.line {
        from += file[from..].find('\n')? + 1;
    }
    let line_len = file[from..].find('\n').unwrap_or(file.len() - from);
    from += file[from..from + line_len].char_indices().nth(start.column.saturating_sub(1)).map_or(line_len, |(i, _)| i);
    let rest = &file[from..];
    let hit = find(rest).into_iter().filter(|h| &rest[h.start..h.end] == word).nth(nth)?;
    let before = &file[..from + hit.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        len: word.chars().count(),
    })
}

fn diagnostic(file: &std::path::Path, pos: Pos, word: &str, kind: Kind, place: &str) -> Diagnostic {
    let help = match kind {
        Kind::Marker => format!("replace `{word}` with the missing text, or remove it"),
        Kind::Insert => format!("replace `{word}` with the value it stands for"),
        Kind::Slot => format!(
            "replace the template slot `{word}` with its value (if it is a variable shown as an example, put it in `backticks`)"
        ),
        Kind::Lorem => "replace the lorem ipsum filler with real text".to_string(),
    };
    Diagnostic::warning("text/placeholder", file, pos, format!("placeholder `{word}` left in {place}"))
        .with_label("placeholder")
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthands_resolve_to_the_written_node() {
        let mut map = SourceMap::default();
        map.insert_value("levels[1].requirements[0]".into(), Pos::START);
        map.insert_value("roles[0].members[1]".into(), Pos::START);
        assert_eq!(resolve(&map, "levels[1].requirements.all[0]").as_deref(), Some("levels[1].requirements[0]"));
        assert_eq!(resolve(&map, "roles[0].members[1].person").as_deref(), Some("roles[0].members[1]"));
        assert_eq!(resolve(&map, "language"), None);
    }
}
