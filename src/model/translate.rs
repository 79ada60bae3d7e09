//! The model in one language of a multilingual portal: every translated [`Text`] read for
//! that language. The renderer renders each language as a pass over the model read this way.
//!
//! [`Text`]: super::Text

use super::text::{read_in, written};
use super::{Doc, Document, DocumentData, DocumentSource, DocumentVisitor, Site, SourceMap};
use std::path::PathBuf;

impl Site {
    /// The site's configuration and governance documents with every translation map read for
    /// `language` (a missing translation: the default language's text). Pages and files are
    /// left out: each language chooses its own pages.
    pub fn in_language(&self, language: &str) -> Site {
        let default = self.site.default_language().to_string();
        self.read_in(language, &default).unwrap_or_else(|_| {
            // Every document serializes to what it deserializes from (tested); should one
            // not, the model as loaded is shown rather than nothing.
            Site { pages: Vec::new(), ..self.clone() }
        })
    }

    fn read_in(&self, language: &str, default: &str) -> serde_json::Result<Site> {
        let config = Doc { data: read_in(written(&self.site.data)?, language, default)?, ..origin(&self.site) };
        let mut out = Site::new(self.root.clone(), config);
        out.locales = self.locales.clone();
        let mut docs = Written { values: Vec::new() };
        self.visit_documents(&mut docs);
        let mut source = Localized { values: docs.values.into_iter(), language, default };
        out.load_documents(&mut source)?;
        Ok(out)
    }

    /// Reads every translation map for the default language, in place: after loading, so
    /// that rules and a single-language portal see the default language's text.
    pub fn settle_language(&mut self) {
        let localized = self.in_language(self.site.default_language());
        let pages = std::mem::take(&mut self.pages);
        let content_files = std::mem::take(&mut self.content_files);
        let static_files = std::mem::take(&mut self.static_files);
        let locales = std::mem::take(&mut self.locales);
        *self = Site { pages, content_files, static_files, locales, ..localized };
    }
}

/// A document's file, positions and text, without its data.
fn origin<T: Default>(doc: &Doc<impl Sized>) -> Doc<T> {
    Doc { data: T::default(), file: doc.file.clone(), source: doc.source.clone(), text: doc.text.clone() }
}

/// A document as written, with its translation maps, and where it came from.
type WrittenDoc = serde_json::Result<(serde_json::Value, PathBuf, SourceMap, String)>;

/// Each document as written, in table order.
struct Written {
    values: Vec<Option<WrittenDoc>>,
}

impl<'a> DocumentVisitor<'a> for Written {
    fn visit<T: DocumentData>(&mut self, _: &'static Document, doc: Option<&'a Doc<T>>) {
        self.values.push(doc.map(|doc| {
            written(&doc.data).map(|value| (value, doc.file.clone(), doc.source.clone(), doc.text.clone()))
        }));
    }
}

/// The documents of [`Written`] read again for a language.
struct Localized<'l, I> {
    values: I,
    language: &'l str,
    default: &'l str,
}

impl<I: Iterator<Item = Option<WrittenDoc>>> DocumentSource for Localized<'_, I> {
    type Error = serde_json::Error;

    fn load<T: DocumentData>(&mut self, _: &'static Document) -> Result<Option<Doc<T>>, Self::Error> {
        let Some(Some(written)) = self.values.next() else { return Ok(None) };
        let (value, file, source, text) = written?;
        Ok(Some(Doc { data: read_in(value, self.language, self.default)?, file, source, text }))
    }
}
