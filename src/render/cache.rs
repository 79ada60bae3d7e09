//! What `serve` keeps from one render to the next, so that a save re-renders only the pages
//! it can change.
//!
//! A page is rendered from its template (and the templates it extends, includes or imports),
//! the shared values of the context ([`super::context::Globals`]), its own Markdown page, and
//! the filters, which read the link resolver and the Markdown options. A page is taken from
//! the last render when all of these are the same: the same theme, options and resolver, the
//! same page, and the same value for every context name its templates mention. Which names a
//! template mentions is read from its source as plainly as possible (every word of it), so a
//! name is never missed; at worst a page is rendered that did not need to be.

use super::scan::PageScan;
use crate::markdown::{highlight, LinkResolver};
use crate::model::Page;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use tera::Context;

/// The variable a Tera template prints to show its whole context.
const DUMPS_THE_CONTEXT: &str = "__tera_context";

/// What one render leaves for the next (see the module documentation).
#[derive(Default)]
pub struct RenderCache {
    /// Highlighted code blocks, by language and code.
    pub(super) highlighted: Arc<highlight::Cache>,
    /// Each language's last render, by its prefix (`` for the default language).
    last: HashMap<String, Last>,
    reused: usize,
}

impl std::fmt::Debug for RenderCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RenderCache").field("pages", &self.last.values().map(|l| l.pages.len()).sum::<usize>()).finish()
    }
}

/// Everything outside the context that a page's bytes depend on.
#[derive(PartialEq)]
pub(super) struct Setting {
    pub base_url: String,
    pub purpose: super::Purpose,
    pub unsafe_html: bool,
    pub links: LinkResolver,
    pub templates: Vec<(String, String, String)>,
    /// The site's own strings (i18n/<tag>.yaml): templates reach them through `t(…)`, not
    /// through a context value, so a changed string must be seen here.
    pub locales: u64,
}

impl Setting {
    pub(super) fn new(
        base_url: &str,
        purpose: super::Purpose,
        unsafe_html: bool,
        links: &LinkResolver,
        templates: &[(String, String, String)],
        locales: u64,
    ) -> Setting {
        Setting {
            base_url: base_url.to_string(),
            purpose,
            unsafe_html,
            links: links.clone(),
            templates: templates.to_vec(),
            locales,
        }
    }
}

struct Last {
    setting: Setting,
    globals: Context,
    pages: HashMap<PathBuf, Kept>,
    index: super::search::KeptIndex,
    /// The names each of the setting's templates mentions (read again only when a template
    /// changes).
    names: Arc<HashMap<String, HashSet<String>>>,
}

/// A rendered page and what it was rendered from.
#[derive(Clone)]
pub(super) struct Kept {
    pub key: &'static str,
    pub template: String,
    pub page: Option<Page>,
    pub html: Arc<str>,
    pub scan: Arc<PageScan>,
    pub search: Option<Arc<super::search::SearchEntry>>,
}

/// The pages of the last render that this render may take as they are.
pub(super) struct Reusable<'a> {
    pages: &'a HashMap<PathBuf, Kept>,
    /// Per template: whether every context value it mentions is unchanged.
    unchanged: HashMap<String, bool>,
}

impl Reusable<'_> {
    /// The last render of `out`, if rendering it again would give the same bytes.
    pub(super) fn get(&self, out: &PathBuf, key: &str, template: &str, page: Option<&Page>) -> Option<&Kept> {
        let kept = self.pages.get(out)?;
        let same_page = match (&kept.page, page) {
            (None, None) => true,
            (Some(a), Some(b)) => same_page(a, b),
            _ => false,
        };
        (same_page && kept.key == key && kept.template == template && self.unchanged.get(template) == Some(&true))
            .then_some(kept)
    }
}

impl RenderCache {
    /// Starts a render of the languages with these prefixes: forgets the languages the
    /// portal no longer has, and counts reused pages afresh.
    pub(super) fn start(&mut self, prefixes: &[&str]) {
        self.last.retain(|prefix, _| prefixes.contains(&prefix.as_str()));
        self.reused = 0;
    }

    /// What the pass of the language with `prefix` may reuse, rendering with `setting` and
    /// shared values `globals`; `None` when nothing may (the first render, or another theme,
    /// base URL or set of pages).
    pub(super) fn reusable(&self, prefix: &str, setting: &Setting, globals: &Context) -> Option<Reusable<'_>> {
        let last = self.last.get(prefix).filter(|last| last.setting == *setting)?;
        let unchanged = last
            .names
            .iter()
            .map(|(template, names)| {
                // Tera's whole-context dump reads every name without writing one.
                let same = !names.contains(DUMPS_THE_CONTEXT)
                    && names.iter().all(|name| last.globals.get(name) == globals.get(name));
                (template.clone(), same)
            })
            .collect();
        Some(Reusable { pages: &last.pages, unchanged })
    }

    /// The search index the last render of this language left (empty for the first), to
    /// update rather than merge again.
    pub(super) fn take_index(&mut self, prefix: &str) -> super::search::KeptIndex {
        self.last.get_mut(prefix).map(|last| std::mem::take(&mut last.index)).unwrap_or_default()
    }

    /// Keeps this language's pages and search index for the next render; `reused` of the
    /// pages came from the last.
    pub(super) fn keep(
        &mut self,
        prefix: &str,
        setting: Setting,
        globals: Context,
        pages: HashMap<PathBuf, Kept>,
        reused: usize,
        index: super::search::KeptIndex,
    ) {
        let names = match self.last.get(prefix) {
            Some(last) if last.setting.templates == setting.templates => Arc::clone(&last.names),
            _ => Arc::new(mentioned_names(&setting.templates)),
        };
        self.last.insert(prefix.to_string(), Last { setting, globals, pages, index, names });
        self.reused += reused;
    }

    /// How many pages the last render took from the one before.
    pub fn reused(&self) -> usize {
        self.reused
    }
}

/// Whether two pages render alike (the source map, positions only, is not rendered).
fn same_page(a: &Page, b: &Page) -> bool {
    a.file == b.file && a.path == b.path && a.body == b.body && a.body_line == b.body_line && a.front == b.front
}

/// Every word of each template and of the templates it names (extends, includes, imports),
/// by template name: a superset of the context names it can read.
fn mentioned_names(templates: &[(String, String, String)]) -> HashMap<String, HashSet<String>> {
    let own: HashMap<&str, (HashSet<String>, Vec<&str>)> = templates
        .iter()
        .map(|(name, source, _)| {
            let named = templates
                .iter()
                .map(|(other, _, _)| other.as_str())
                .filter(|other| other != name && mentions_template(source, other))
                .collect();
            (name.as_str(), (words(source), named))
        })
        .collect();
    own.keys()
        .map(|name| {
            let mut names = HashSet::new();
            let mut seen = HashSet::new();
            let mut todo = vec![*name];
            while let Some(next) = todo.pop() {
                if !seen.insert(next) {
                    continue;
                }
                if let Some((words, named)) = own.get(next) {
                    names.extend(words.iter().cloned());
                    todo.extend(named.iter().copied());
                }
            }
            (name.to_string(), names)
        })
        .collect()
}

/// Whether `source` names the template `name` in quotes, as `extends`, `include` and
/// `import` do.
fn mentions_template(source: &str, name: &str) -> bool {
    ['"', '\''].iter().any(|q| source.contains(&format!("{q}{name}{q}")))
}

/// The identifier-like words of a text.
fn words(source: &str) -> HashSet<String> {
    source
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(name: &str, source: &str) -> (String, String, String) {
        (name.to_string(), source.to_string(), format!("theme/{name}"))
    }

    #[test]
    fn a_template_mentions_the_names_of_what_it_extends_and_includes() {
        let templates = [
            template("base.html", "<title>{{ site.title }}</title>{% for m in menu %}{% endfor %}"),
            template("page.html", "{% extends \"base.html\" %}{{ page.content }}{% include 'foot.html' %}"),
            template("foot.html", "{{ score }}"),
            template("people.html", "{% extends \"base.html\" %}{{ gov.people }}"),
        ];
        let names = mentioned_names(&templates);
        let page = &names["page.html"];
        for word in ["site", "menu", "page", "score", "extends"] {
            assert!(page.contains(word), "{word}");
        }
        assert!(!page.contains("gov"), "page.html never reads gov");
        assert!(names["people.html"].contains("gov"));
        assert!(!names["foot.html"].contains("site"));
    }

    #[test]
    fn a_template_that_dumps_the_context_is_never_reused() {
        let templates = vec![template("debug.html", "{{ __tera_context }}")];
        let setting =
            Setting::new("/", crate::render::Purpose::Publish, false, &LinkResolver::default(), &templates, 0);
        let mut cache = RenderCache::default();
        cache.keep("", setting, Context::new(), HashMap::new(), 0, Default::default());
        let setting =
            Setting::new("/", crate::render::Purpose::Publish, false, &LinkResolver::default(), &templates, 0);
        let reusable = cache.reusable("", &setting, &Context::new()).unwrap();
        assert_eq!(reusable.unchanged.get("debug.html"), Some(&false));
        let templates = vec![template("plain.html", "{{ site }}")];
        let setting =
            Setting::new("/", crate::render::Purpose::Publish, false, &LinkResolver::default(), &templates, 0);
        cache.keep("", setting, Context::new(), HashMap::new(), 0, Default::default());
        let setting =
            Setting::new("/", crate::render::Purpose::Publish, false, &LinkResolver::default(), &templates, 0);
        assert_eq!(cache.reusable("", &setting, &Context::new()).unwrap().unchanged.get("plain.html"), Some(&true));
    }
}
