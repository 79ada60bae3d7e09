//! Every string of every governance document, with its path, for rules that read text
//! generically (links in prose, placeholders), and which of them are prose: only a
//! [`Text`](super::Text) is Markdown; names, ids and e-mail addresses are plain text and are
//! never parsed as Markdown.

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
    /// For each of `strings`, whether it is prose (Markdown).
    pub is_prose: Vec<bool>,
    /// For each of `strings`, the language tag when it is one translation of a map (its path
    /// then ends in `.<tag>`).
    pub tags: Vec<Option<String>>,
}

impl DocStrings<'_> {
    /// (path, text) of the prose strings: the Markdown the theme renders.
    pub fn prose(&self) -> impl Iterator<Item = (&str, &str)> {
        self.strings
            .iter()
            .zip(&self.is_prose)
            .filter(|(_, prose)| **prose)
            .map(|((path, text), _)| (path.as_str(), text.as_str()))
    }
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
    let mut found = Vec::new();
    if let Ok(value) = super::text::mark_prose(&doc.data) {
        collect(&value, String::new(), &mut found);
    }
    let mut strings = Vec::with_capacity(found.len());
    let mut is_prose = Vec::with_capacity(found.len());
    let mut tags = Vec::with_capacity(found.len());
    for (path, text, prose, tag) in found {
        strings.push((path, text));
        is_prose.push(prose);
        tags.push(tag);
    }
    DocStrings { file: &doc.file, source: &doc.source, text: &doc.text, page, strings, is_prose, tags }
}

/// (path, text, is prose, translation tag) of every string under `value`.
type Found = Vec<(String, String, bool, Option<String>)>;

fn collect(value: &serde_json::Value, path: String, out: &mut Found) {
    match value {
        serde_json::Value::String(s) => out.push((path, s.clone(), false, None)),
        serde_json::Value::Object(map) if map.len() == 1 && map.contains_key(super::text::PROSE_MARK) => {
            match map.get(super::text::PROSE_MARK) {
                Some(serde_json::Value::String(s)) => out.push((path, s.clone(), true, None)),
                Some(serde_json::Value::Object(translations)) => {
                    for (tag, text) in translations {
                        if let serde_json::Value::String(s) = text {
                            out.push((super::field_path(&path, tag), s.clone(), true, Some(tag.clone())));
                        }
                    }
                }
                _ => {}
            }
        }
        serde_json::Value::Object(map) if map.len() == 1 && map.contains_key(super::text::PLAIN_MARK) => {
            if let Some(serde_json::Value::Object(translations)) = map.get(super::text::PLAIN_MARK) {
                for (tag, text) in translations {
                    if let serde_json::Value::String(s) = text {
                        out.push((super::field_path(&path, tag), s.clone(), false, Some(tag.clone())));
                    }
                }
            }
        }
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
