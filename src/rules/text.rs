//! `text/placeholder`: placeholders left in any text of the site — every string value of
//! every YAML document, and the body of every Markdown page but drafts — each reported at
//! its own line and column.
//!
//! YAML documents are walked generically (serialized to JSON, strings visited with their
//! path), so a field added to the model later is covered without touching this rule.

use super::placeholder::{find, Hit, Kind};
use crate::diagnostics::Diagnostic;
use crate::model::{text_fields, DocStrings, Pos, Site};

/// `text/placeholder`: TODO, TBD, FIXME, `[INSERT …]`, `$NAME` slots, lorem ipsum.
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    for doc in text_fields(site) {
        scan_doc(&doc, out);
    }
    // A draft is unfinished by definition and never published by `build`; its TODOs are
    // the author's notes, and would otherwise fail builds under profiles that make this rule
    // an error.
    for page in site.pages.iter().filter(|p| !p.front.draft) {
        for hit in find(&page.body) {
            let at = Pos::at_offset(&page.body, hit.start);
            let len = page.body[hit.start..hit.end].chars().count();
            let pos = Pos { line: page.body_line + at.line - 1, len, ..at };
            out.push(diagnostic(&page.file, pos, &page.body[hit.start..hit.end], hit.kind, "the page's text"));
        }
    }
}

fn scan_doc(doc: &DocStrings, out: &mut Vec<Diagnostic>) {
    for (path, text) in &doc.strings {
        let hits = find(text);
        if hits.is_empty() {
            continue;
        }
        let Some(at) = doc.source.written(path) else { continue };
        let start = doc.source.value(&at);
        for hit in &hits {
            let word = &text[hit.start..hit.end];
            // Which occurrence of these characters in the value it is, to find it again in the
            // file: counted as text, so what the file's YAML syntax looks like as Markdown
            // (an indented block read as code) cannot shift it.
            let nth = text[..hit.start].matches(word).count();
            let pos = locate(start, text, hit, nth, doc.text);
            out.push(diagnostic(doc.file, pos, word, hit.kind, &format!("`{at}`")));
        }
    }
}

/// Where `hit` of the string `text`, whose YAML value starts at `start`, sits in the file.
fn locate(start: Pos, text: &str, hit: &Hit, nth: usize, file: &str) -> Pos {
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
    in_file(start, &text[hit.start..hit.end], nth, file).unwrap_or(Pos { len, ..start })
}

fn in_file(start: Pos, word: &str, nth: usize, file: &str) -> Option<Pos> {
    let from = start.offset_in(file)?;
    let (at, _) = file[from..].match_indices(word).nth(nth)?;
    Some(Pos { len: word.chars().count(), ..Pos::at_offset(file, from + at) })
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
