//! Every string of every governance document, with its path, for rules that read text
//! generically (links in prose, placeholders).

use super::{Site, SourceMap};
use serde::Serialize;
use std::path::Path;

/// The strings of one document.
pub struct DocStrings<'a> {
    /// The file, relative to the site folder.
    pub file: &'a Path,
    /// Positions of its keys and values.
    pub source: &'a SourceMap,
    /// The file's text.
    pub text: &'a str,
    /// The portal page that shows it (`charter/`, or `` for site.yaml and the home page).
    pub page: &'static str,
    /// (path, text) of every string value, in document order.
    pub strings: Vec<(String, String)>,
}

/// Every string value of site.yaml and the governance documents.
pub fn text_fields(site: &Site) -> Vec<DocStrings<'_>> {
    let mut out = Vec::new();
    push(&mut out, Some(&site.site), "");
    push(&mut out, site.charter.as_ref(), "charter/");
    push(&mut out, site.people.as_ref(), "people/");
    push(&mut out, site.roles.as_ref(), "roles/");
    push(&mut out, site.ladder.as_ref(), "ladder/");
    push(&mut out, site.code_of_conduct.as_ref(), "code-of-conduct/");
    push(&mut out, site.security.as_ref(), "security/");
    push(&mut out, site.groups.as_ref(), "groups/");
    push(&mut out, site.decisions.as_ref(), "decisions/");
    out
}

fn push<'a, T: Serialize>(out: &mut Vec<DocStrings<'a>>, doc: Option<&'a super::Doc<T>>, page: &'static str) {
    let Some(doc) = doc else { return };
    let mut strings = Vec::new();
    if let Ok(value) = serde_json::to_value(&doc.data) {
        collect(&value, String::new(), &mut strings);
    }
    out.push(DocStrings { file: &doc.file, source: &doc.source, text: &doc.text, page, strings });
}

fn collect(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, super::item_path(&path, i), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                collect(item, super::field_path(&path, key), out);
            }
        }
        _ => {}
    }
}
