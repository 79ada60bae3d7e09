//! Every string of every governance document, with its path, for rules that read text
//! generically (links in prose, placeholders).

use super::{Doc, Document, DocumentData, DocumentVisitor, Site, SourceMap};
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
    pub page: String,
    /// (path, text) of every string value, in document order.
    pub strings: Vec<(String, String)>,
}

/// Every string value of site.yaml and the governance documents.
pub fn text_fields(site: &Site) -> Vec<DocStrings<'_>> {
    struct Walk<'a>(Vec<DocStrings<'a>>);
    impl<'a> DocumentVisitor<'a> for Walk<'a> {
        fn visit<T: DocumentData>(&mut self, document: &'static Document, doc: Option<&'a Doc<T>>) {
            if let Some(doc) = doc {
                self.0.push(strings(doc, document.page()));
            }
        }
    }
    let mut walk = Walk(vec![strings(&site.site, String::new())]);
    site.visit_documents(&mut walk);
    walk.0
}

fn strings<T: Serialize>(doc: &Doc<T>, page: String) -> DocStrings<'_> {
    let mut strings = Vec::new();
    if let Ok(value) = serde_json::to_value(&doc.data) {
        collect(&value, String::new(), &mut strings);
    }
    DocStrings { file: &doc.file, source: &doc.source, text: &doc.text, page, strings }
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
