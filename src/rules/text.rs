//! `text/placeholder`: placeholders left in any text of the site — every string value of
//! every YAML document, and the body of every Markdown page but drafts — each reported at
//! its own line and column.
//!
//! YAML documents are walked generically (serialized to JSON, strings visited with their
//! path), so a field added to the model later is covered without touching this rule.

use super::placeholder::{find, find_in, Kind};
use crate::diagnostics::Diagnostic;
use crate::markdown::scan::Reading;
use crate::model::spans::{in_scalar, LineIndex};
use crate::model::{text_fields, DocStrings, Page, Pos, Site};

/// `text/placeholder` in the YAML documents: TODO, TBD, FIXME, `[INSERT …]`, `$NAME` slots,
/// lorem ipsum. The pages' text is read with the rest of each page ([`page`]).
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    for doc in text_fields(site) {
        scan_doc(&doc, out);
    }
}

/// `text/placeholder` in a page's text, read as `reading`.
pub(super) fn page(page: &Page, reading: &Reading) -> Vec<Diagnostic> {
    // A draft is unfinished by definition and never published by `build`; its TODOs are
    // the author's notes, and would otherwise fail builds under profiles that make this rule
    // an error.
    if page.front.draft {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut body = None;
    for hit in find_in(&page.body, Some(reading)) {
        let at = body.get_or_insert_with(|| LineIndex::new(&page.body)).pos(hit.start);
        let len = page.body[hit.start..hit.end].chars().count();
        let pos = Pos { line: page.body_line + at.line - 1, len, ..at };
        out.push(diagnostic(&page.file, pos, &page.body[hit.start..hit.end], hit.kind, "the page's text"));
    }
    out
}

fn scan_doc(doc: &DocStrings, out: &mut Vec<Diagnostic>) {
    let mut file = None;
    for (path, text) in &doc.strings {
        let hits = find(text);
        if hits.is_empty() {
            continue;
        }
        let Some(at) = doc.source.written(path) else { continue };
        let start = doc.source.value(&at);
        let file = file.get_or_insert_with(|| LineIndex::new(doc.text));
        let spans: Vec<_> = hits.iter().map(|hit| hit.start..hit.end).collect();
        for (hit, pos) in hits.iter().zip(in_scalar(file, start, text, &spans)) {
            let word = &text[hit.start..hit.end];
            out.push(diagnostic(doc.file, pos, word, hit.kind, &format!("`{at}`")));
        }
    }
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
