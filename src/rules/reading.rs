//! Each Markdown page read once: the links, raw HTML URLs and code of its text
//! ([`scan::read`]), and what the rules find in it (`text/placeholder`,
//! `content/unsafe-link`). The link check reads the same [`PageReading`]; `serve` keeps each
//! page's reading while the page is unchanged ([`Readings`]), so a save reads only the pages
//! it changed.

use crate::diagnostics::Diagnostic;
use crate::markdown::check::page_unsafe_links;
use crate::markdown::scan::{self, Reading};
use crate::model::{Page, Site};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// One page, read.
#[derive(Debug)]
pub struct PageReading {
    /// Its text's links, raw HTML URLs and code.
    pub reading: Reading,
    /// `text/placeholder` in its text (none for a draft).
    pub placeholders: Vec<Diagnostic>,
    /// `content/unsafe-link` in its text.
    pub unsafe_links: Vec<Diagnostic>,
}

impl PageReading {
    fn new(page: &Page) -> PageReading {
        let reading = scan::read(&page.body);
        let placeholders = super::text::page(page, &reading);
        let unsafe_links = page_unsafe_links(page, &reading);
        PageReading { reading, placeholders, unsafe_links }
    }
}

/// Every page of `site` read, in the order of `site.pages`.
pub fn read_pages(site: &Site) -> Vec<Arc<PageReading>> {
    site.pages.par_iter().map(|page| Arc::new(PageReading::new(page))).collect()
}

/// What a page's reading depends on: its diagnostics name its file and lines from
/// `body_line`, and a draft has no placeholders.
#[derive(PartialEq)]
struct Source {
    body: String,
    body_line: usize,
    draft: bool,
}

impl Source {
    fn of(page: &Page) -> Source {
        Source { body: page.body.clone(), body_line: page.body_line, draft: page.front.draft }
    }

    fn is(&self, page: &Page) -> bool {
        self.body == page.body && self.body_line == page.body_line && self.draft == page.front.draft
    }
}

/// The pages' readings of the last check, by file, for `serve`: the next check takes a page's
/// reading from here when the page is unchanged.
#[derive(Default)]
pub struct Readings {
    by_file: HashMap<PathBuf, (Source, Arc<PageReading>)>,
}

impl std::fmt::Debug for Readings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readings").field("pages", &self.by_file.len()).finish()
    }
}

impl Readings {
    /// Every page of `site` read, in order, reusing the readings of unchanged pages; keeps
    /// these for the next call (and forgets the pages `site` no longer has).
    pub fn read(&mut self, site: &Site) -> Vec<Arc<PageReading>> {
        let kept = &self.by_file;
        let read: Vec<(Arc<PageReading>, bool)> = site
            .pages
            .par_iter()
            .map(|page| match kept.get(&page.file).filter(|(source, _)| source.is(page)) {
                Some((_, reading)) => (Arc::clone(reading), true),
                None => (Arc::new(PageReading::new(page)), false),
            })
            .collect();
        let mut next = HashMap::with_capacity(site.pages.len());
        for (page, (reading, reused)) in site.pages.iter().zip(&read) {
            let source = match (reused, self.by_file.remove(&page.file)) {
                (true, Some((source, _))) => source,
                _ => Source::of(page),
            };
            next.insert(page.file.clone(), (source, Arc::clone(reading)));
        }
        self.by_file = next;
        read.into_iter().map(|(reading, _)| reading).collect()
    }
}
