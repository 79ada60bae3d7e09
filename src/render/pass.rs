//! One language's rendering of the site: its pages (the home page, the governance documents'
//! pages, the Markdown pages, search and 404), rendered in parallel, reused from `serve`'s
//! render cache where nothing a page is made of changed, and its search index.

use super::context::{Globals, PageView};
use super::scan::{self, PageScan, RenderedPage};
use super::{
    cache, compile, languages, locale_digest, page_url, render_template, search, Content, OutputFile, Pages, Purpose,
    RenderCache, RenderError, RenderOptions, Theme,
};
use crate::markdown::{LinkResolver, Markdown};
use crate::model::Site;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::{Context, Tera};

/// A page to render: which template, where to, and for Markdown pages the page itself.
struct Job<'a> {
    key: &'static str,
    template: String,
    out: PathBuf,
    page: Option<&'a crate::model::Page>,
}

/// One language's rendering of the site.
pub(super) struct Pass<'a> {
    pub(super) checked: &'a crate::rules::Checked,
    /// The model read for this language.
    pub(super) model: &'a Site,
    pub(super) language: &'a languages::Language<'a>,
    pub(super) languages: &'a [languages::Language<'a>],
    pub(super) options: &'a RenderOptions,
    /// Every language's interface strings.
    pub(super) locales: &'a Arc<crate::i18n::Locales>,
    /// Code blocks already highlighted, shared by the passes (and by `serve`'s saves).
    pub(super) highlighted: Option<Arc<crate::markdown::highlight::Cache>>,
}

/// What a pass produced: its files and pages, its sitemap entries (address, translations),
/// and its compiled theme and shared context (the default language's make robots.txt and
/// the sitemap).
pub(super) struct PassOutput {
    pub(super) files: Vec<OutputFile>,
    pub(super) rendered: Vec<RenderedPage>,
    pub(super) urls: Vec<(String, Vec<languages::Translation>)>,
    pub(super) tera: Tera,
    pub(super) base: Context,
}

impl Pass<'_> {
    /// Renders this language's pages, kept or streamed (`pages_to`), reusing what `cache`
    /// kept of the last render where nothing a page is made of changed, and keeping this
    /// render for the next.
    pub(super) fn render(
        &self,
        pages: &[&crate::model::Page],
        links: LinkResolver,
        theme: &Theme,
        pages_to: &Pages<'_>,
        mut cache: Option<&mut RenderCache>,
    ) -> Result<PassOutput, RenderError> {
        let (site, options, language) = (self.model, self.options, self.language);
        let locale = self
            .locales
            .get(Some(language.tag))
            .map(Arc::clone)
            .unwrap_or_else(|| Arc::new(crate::i18n::Locale::bundled("en")));
        let markdown = Arc::new(Markdown {
            links,
            unsafe_html: site.site.markdown.unsafe_html,
            highlight: options.purpose == Purpose::Publish,
            highlighted: self.highlighted.clone(),
            task_labels: crate::markdown::TaskLabels {
                done: locale.text("markdown.task_done"),
                open: locale.text("markdown.task_open"),
            },
        });
        let tera = compile(theme, &markdown, &language.base_path, Arc::new(self.locales.speaking(language.tag)))?;
        let globals = Globals::new(self.checked, site, language, pages, &markdown, &locale);
        let mut base = Context::new();
        globals.insert_into(&mut base);
        base.insert("locale", locale.tag());

        let setting = cache.as_ref().map(|_| {
            cache::Setting::new(
                &language.base_url,
                options.purpose,
                markdown.unsafe_html,
                &markdown.links,
                &theme.templates,
                locale_digest(&self.checked.site.locales),
            )
        });
        // Each page's number in the search index: the indexed pages, counted in order.
        let indexed = options.purpose == Purpose::Publish;
        // With a cache, the last render's index is updated instead of merged again.
        let mut kept_index = cache.as_deref_mut().filter(|_| indexed).map(|cache| cache.take_index(&language.prefix));
        let incremental = kept_index.is_some();
        let reusable = match (&cache, &setting) {
            (Some(cache), Some(setting)) => cache.reusable(&language.prefix, setting, &base),
            _ => None,
        };
        let jobs = jobs(site, pages, &tera);
        let search_ids: Vec<Option<usize>> = jobs
            .iter()
            .scan(0, |next, job| {
                Some((indexed && searchable(job)).then(|| {
                    *next += 1;
                    *next - 1
                }))
            })
            .collect();
        let index = search::IndexBuilder::default();
        let reused = std::sync::atomic::AtomicUsize::new(0);
        let rendered: Vec<(OutputFile, Arc<PageScan>, Option<cache::Kept>)> = jobs
            .par_iter()
            .zip(&search_ids)
            .map(|(job, search_id)| {
                let kept = reusable.as_ref().and_then(|r| r.get(&job.out, job.key, &job.template, job.page));
                let (html, scan, entry) = match kept {
                    Some(kept) => {
                        reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        (Arc::clone(&kept.html), Arc::clone(&kept.scan), kept.search.clone())
                    }
                    None => {
                        let html = self.render_page(job, &tera, &base, &markdown)?;
                        let mut scan = scan::scan(&html, search_id.is_some());
                        let text = scan.text.take();
                        let entry =
                            text.map(|text| Arc::new(search::entry(page_url(&language.base_path, &job.out), &text)));
                        (Arc::<str>::from(html), Arc::new(scan), entry)
                    }
                };
                if let (Some(id), Some(entry), false) = (search_id, &entry, incremental) {
                    index.add(*id, entry);
                }
                let out = Path::new(&language.prefix).join(&job.out);
                let content = match pages_to {
                    Pages::Keep => Content::Bytes(html.as_bytes().to_vec()),
                    Pages::Stream(write) => {
                        write(&out, html.as_bytes())
                            .map_err(|source| RenderError::Write { path: out.display().to_string(), source })?;
                        Content::Written
                    }
                };
                let kept = setting.is_some().then(|| cache::Kept {
                    key: job.key,
                    template: job.template.clone(),
                    page: job.page.cloned(),
                    html,
                    scan: Arc::clone(&scan),
                    search: entry,
                });
                Ok((OutputFile { path: out, content }, scan, kept))
            })
            .collect::<Result<_, RenderError>>()?;
        drop(reusable);
        let mut files = Vec::with_capacity(rendered.len() + 1);
        let mut pages_read = Vec::with_capacity(rendered.len());
        let mut kept_pages = std::collections::HashMap::new();
        let mut entries = vec![None; search_ids.iter().flatten().count()];
        for ((job, search_id), (file, scan, kept)) in jobs.iter().zip(&search_ids).zip(rendered) {
            if let Some(kept) = kept {
                if let (Some(id), true) = (search_id, incremental) {
                    entries[*id] = kept.search.clone();
                }
                kept_pages.insert(job.out.clone(), kept);
            }
            pages_read.push(RenderedPage { out: file.path.clone(), template: job.template.clone(), scan });
            files.push(file);
        }
        let index = match (indexed, kept_index.as_mut()) {
            // Empty when rendering only to check links, so links to it still resolve.
            (false, _) => b"{}".to_vec(),
            (true, Some(kept)) => kept.update(entries),
            (true, None) => index.finish(),
        };
        files.push(OutputFile {
            path: Path::new(&language.prefix).join("search-index.json"),
            content: Content::Bytes(index),
        });

        let urls = jobs
            .iter()
            .filter(|j| j.key != "404")
            .map(|j| {
                (page_url(&language.base_url, &j.out), languages::translations(self.languages, &address(&j.out), ""))
            })
            .collect();
        if let (Some(cache), Some(setting)) = (cache, setting) {
            cache.keep(
                &language.prefix,
                setting,
                base.clone(),
                kept_pages,
                reused.into_inner(),
                kept_index.unwrap_or_default(),
            );
        }
        Ok(PassOutput { files, rendered: pages_read, urls, tera, base })
    }

    /// One page's HTML, with the links to its translations.
    fn render_page(
        &self,
        job: &Job<'_>,
        tera: &Tera,
        base: &Context,
        markdown: &Markdown,
    ) -> Result<String, RenderError> {
        let language = self.language;
        let mut context = base.clone();
        context.insert("current", job.key);
        context.insert("translations", &languages::translations(self.languages, &address(&job.out), language.tag));
        let mut has_code = false;
        if let Some(page) = job.page {
            let rendered = markdown.render(&page.body, &page.file);
            has_code = rendered.has_code;
            let default = self.checked.site.site.default_language();
            let written_in = Some(page.language_or(default)).filter(|l| *l != language.tag);
            context.insert("page", &PageView::new(page, rendered, &language.base_path, written_in));
        }
        context.insert("has_code", &has_code);
        render_template(tera, &job.template, &context)
    }
}

/// A page's address under its language's home: `charter/index.html` → `charter/`.
fn address(out: &Path) -> String {
    let path = out.to_string_lossy().replace('\\', "/");
    path.strip_suffix("index.html").unwrap_or(&path).to_string()
}

/// Every page to render: the home page, a page per governance document the site has, the
/// Markdown pages, the search page and the 404 page.
fn jobs<'a>(site: &Site, pages: &[&'a crate::model::Page], tera: &Tera) -> Vec<Job<'a>> {
    let mut jobs = vec![Job {
        key: "home",
        template: "index.html".into(),
        out: "index.html".into(),
        page: pages.iter().find(|p| p.path.is_empty()).copied(),
    }];
    // A page for each document the site has, as the menu lists them (a required document
    // that is missing stops the check before anything is rendered).
    for document in crate::model::DOCUMENTS.iter().filter(|d| site.has_document(d.key)) {
        jobs.push(Job {
            key: document.key,
            template: format!("{}.html", document.key),
            out: PathBuf::from(document.key).join("index.html"),
            page: None,
        });
    }
    for page in pages.iter().filter(|p| !p.path.is_empty()) {
        let template = page.front.template.clone().unwrap_or_else(|| "page.html".into());
        jobs.push(Job { key: "page", template, out: PathBuf::from(&page.path).join("index.html"), page: Some(page) });
    }
    if tera.contains_template("search.html") {
        // The search page lists every page, so search works without JavaScript too.
        jobs.push(Job { key: "search", template: "search.html".into(), out: "search/index.html".into(), page: None });
    }
    jobs.push(Job { key: "404", template: "404.html".into(), out: "404.html".into(), page: None });

    jobs
}

/// Whether a page goes into the search index (the search and 404 pages do not).
fn searchable(job: &Job) -> bool {
    !matches!(job.key, "404" | "search")
}
