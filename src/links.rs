//! `links/broken`: every link of the rendered site must reach a page, file or anchor that
//! exists. Runs on the portal in memory, so the ids the theme really emits are the truth;
//! each broken link is traced back to where it was written (a Markdown page, a YAML prose
//! field, site.yaml's nav, or a template).

use crate::diagnostics::Diagnostic;
use crate::markdown::{scan, PROSE_FROM};
use crate::model::spans::{in_scalar, LineIndex};
use crate::model::{field_path, item_path, Pos, Site};
use crate::paths::{has_scheme, normalize};
use crate::render::{html, Content, Portal};
use percent_encoding::percent_decode_str;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

const RULE: &str = "links/broken";

/// The output as a set of addresses, with the ids of each HTML page.
struct Targets<'a> {
    base_path: &'a str,
    files: HashMap<String, &'a [u8]>,
}

impl<'a> Targets<'a> {
    fn new(portal: &'a Portal) -> Self {
        let files = portal
            .files
            .iter()
            .map(|f| {
                let bytes: &[u8] = match &f.content {
                    Content::Bytes(b) => b,
                    Content::Bundled(b) => b,
                    Content::Copy(_) | Content::Written => &[],
                };
                (f.path.to_string_lossy().replace('\\', "/"), bytes)
            })
            .collect();
        Targets { base_path: &portal.links.base_path, files }
    }

    /// The output file a site path (`charter/`, `logo.svg`, ``) is served from.
    fn file_for(&self, path: &str) -> Option<String> {
        let candidates = if path.is_empty() || path.ends_with('/') {
            vec![format!("{path}index.html")]
        } else {
            vec![path.to_string(), format!("{path}/index.html")]
        };
        candidates.into_iter().find(|c| self.files.contains_key(c))
    }

    /// Why `url` (as published, in the page served from `from_file`) is broken, if it is.
    fn problem(&self, url: &str, from_file: &str, ids: &mut IdCache<'_>) -> Option<String> {
        if url.is_empty() || url.starts_with("//") || has_scheme(url) {
            return None;
        }
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        let path = path.split('?').next().unwrap_or("");
        let file = if path.is_empty() {
            from_file.to_string()
        } else if let Some(rest) = path.strip_prefix(self.base_path) {
            match self.file_for(&decode(rest)) {
                Some(f) => f,
                None => return Some(format!("`{path}` is not a page or file of this site")),
            }
        } else if path.starts_with('/') {
            if self.base_path == "/" {
                return Some(format!("`{path}` is not a page of this site"));
            }
            return Some(format!("`{path}` is outside the site's base path `{}`", self.base_path));
        } else {
            let dir = from_file.rsplit_once('/').map_or("", |(d, _)| d);
            let joined = join(dir, &decode(path));
            match self.file_for(&joined) {
                Some(f) => f,
                None => return Some(format!("`{url}` is not a page or file of this site")),
            }
        };
        let Some(bytes) = self.files.get(&file) else {
            return Some(format!("`{url}` is not a page or file of this site"));
        };
        let fragment = fragment.filter(|f| !f.is_empty())?;
        if !file.ends_with(".html") {
            return None;
        }
        let fragment = decode(fragment);
        if ids.of(&file, bytes).contains(fragment.as_ref()) {
            None
        } else {
            let page = if path.is_empty() { "this page".to_string() } else { format!("`{path}`") };
            Some(format!("{page} has no anchor `#{fragment}`"))
        }
    }
}

/// Ids of each HTML page: those read while rendering, else (a copied or bundled `.html` file)
/// parsed once, and only for pages an anchor points into.
struct IdCache<'a> {
    rendered: HashMap<String, &'a HashSet<String>>,
    parsed: HashMap<String, HashSet<String>>,
}

impl<'a> IdCache<'a> {
    fn new(portal: &'a Portal) -> Self {
        let rendered = portal.pages.iter().map(|p| (p.out.to_string_lossy().replace('\\', "/"), &p.scan.ids)).collect();
        IdCache { rendered, parsed: HashMap::new() }
    }

    fn of(&mut self, file: &str, bytes: &[u8]) -> &HashSet<String> {
        if let Some(ids) = self.rendered.get(file).copied() {
            return ids;
        }
        self.parsed.entry(file.to_string()).or_insert_with(|| html::ids(std::str::from_utf8(bytes).unwrap_or("")))
    }
}

/// Checks every link of the portal; returns one diagnostic per broken link source. `readings`
/// are the pages' Markdown, read once (in the order of `site.pages`).
pub fn check(site: &Site, portal: &Portal, readings: &[&scan::Reading]) -> Vec<Diagnostic> {
    let targets = Targets::new(portal);
    let mut ids = IdCache::new(portal);
    let mut out = Vec::new();
    let mut reported: HashSet<String> = HashSet::new();
    let resolver = &portal.links;

    // A translation is published under its language's prefix, and its links lead to that
    // language's pages: one resolver per language.
    let mut by_language: HashMap<&str, crate::markdown::LinkResolver> = HashMap::new();
    for page in &site.pages {
        if let Some(language) = page.language.as_deref() {
            by_language.entry(language).or_insert_with(|| resolver.in_language(&site.site.language_prefix(language)));
        }
    }

    // Markdown pages, at the line and column of each link.
    for (i, page) in site.pages.iter().enumerate() {
        let prefix = page.language.as_deref().map(|l| site.site.language_prefix(l)).unwrap_or_default();
        let resolver = page.language.as_deref().and_then(|l| by_language.get(l)).unwrap_or(resolver);
        let from_file = if page.path.is_empty() {
            format!("{prefix}index.html")
        } else {
            format!("{prefix}{}/index.html", page.path)
        };
        if !targets.files.contains_key(&from_file) {
            continue; // a draft not rendered in this build
        }
        let mut body = None;
        let read_now;
        let reading = match readings.get(i) {
            Some(reading) => *reading,
            None => {
                read_now = scan::read(&page.body);
                &read_now
            }
        };
        for (dest, offset, raw) in markdown_links(reading) {
            let url = if raw { dest.to_string() } else { resolver.resolve(dest, &page.file) };
            if let Some(problem) = targets.problem(&url, &from_file, &mut ids) {
                reported.insert(url);
                let at = body.get_or_insert_with(|| LineIndex::new(&page.body)).pos(offset);
                let pos = Pos { line: page.body_line + at.line - 1, len: dest.chars().count(), ..at };
                out.push(broken(&page.file, pos, dest, &problem));
            }
        }
    }

    // Prose fields of the governance documents (plain text — names, ids — is not Markdown).
    for doc in crate::model::text_fields(site) {
        let (file, source) = (doc.file, doc.source);
        let from_file = format!("{}index.html", doc.page);
        let mut index = None;
        for (path, text) in doc.prose() {
            let mut found = Vec::new();
            let reading = scan::read(text);
            for (dest, offset, raw) in markdown_links(&reading) {
                let url = if raw { dest.to_string() } else { resolver.resolve(dest, Path::new(PROSE_FROM)) };
                if let Some(problem) = targets.problem(&url, &from_file, &mut ids) {
                    reported.insert(url);
                    found.push((offset..offset + dest.len(), dest, problem));
                }
            }
            if found.is_empty() {
                continue;
            }
            found.sort_by_key(|(span, _, _)| span.start);
            let start = source.written(path).map_or_else(|| source.value(path), |at| source.value(&at));
            let spans: Vec<_> = found.iter().map(|(span, _, _)| span.clone()).collect();
            let index = index.get_or_insert_with(|| LineIndex::new(doc.text));
            for ((_, dest, problem), pos) in found.iter().zip(in_scalar(index, start, text, &spans)) {
                out.push(broken(file, Pos { len: dest.chars().count(), ..pos }, dest, problem));
            }
        }
    }

    // site.yaml's navigation.
    for (i, nav) in site.site.nav.iter().enumerate() {
        let url = resolver.resolve(&nav.url, Path::new("site.yaml"));
        if let Some(problem) = targets.problem(&url, "index.html", &mut ids) {
            reported.insert(url);
            let pos = site.site.pos(&field_path(&item_path("nav", i), "url"));
            out.push(broken(&site.site.file, pos, &nav.url, &problem));
        }
    }

    let yaml_urls = yaml_urls(site, resolver);
    out.extend(template_links(portal, &targets, &mut ids, &reported, &yaml_urls));
    out
}

/// Where each URL field of the YAML (the `Url` rows of `model::values`) is written, by the
/// address a theme publishes it at: a broken link that a template prints from the data is
/// the data's fault, and is reported there, not in the template.
fn yaml_urls(
    site: &Site,
    resolver: &crate::markdown::LinkResolver,
) -> HashMap<String, (std::path::PathBuf, Pos, String)> {
    use crate::model::values::{site_values, Form};
    let mut found = HashMap::new();
    site_values(site, |form| matches!(form, Form::Url), &mut |value| {
        if value.text.is_empty() {
            return;
        }
        let at = (value.file.to_path_buf(), value.source.value(&value.path), value.text.to_string());
        for published in [
            resolver.resolve(value.text, Path::new(PROSE_FROM)),
            resolver.resolve(value.text, value.file),
            value.text.to_string(),
        ] {
            found.entry(published).or_insert_with(|| at.clone());
        }
    });
    found
}

/// Links written in templates: every link of every page not traced to a source above.
fn template_links(
    portal: &Portal,
    targets: &Targets<'_>,
    ids: &mut IdCache<'_>,
    reported: &HashSet<String>,
    yaml_urls: &HashMap<String, (std::path::PathBuf, Pos, String)>,
) -> Vec<Diagnostic> {
    // The links were read while rendering (render/scan.rs); checked in page order.
    let pages = portal.pages.iter().filter_map(|page| {
        let file = page.out.to_string_lossy().replace('\\', "/");
        targets.files.contains_key(&file).then_some((file, &page.template, &page.scan.links))
    });
    let mut out = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    // A URL from the root (or with a scheme) reads the same from every page, and most pages
    // carry the same menu: each is checked once.
    let mut known: HashMap<&str, Option<String>> = HashMap::new();
    for (file, template, links) in pages {
        for url in links {
            if reported.contains(url) {
                continue;
            }
            let problem = if url.starts_with('/') || has_scheme(url) {
                known.entry(url.as_str()).or_insert_with(|| targets.problem(url, &file, ids)).clone()
            } else {
                targets.problem(url, &file, ids)
            };
            // `seen` holds only broken links, so a good one never needs the lookup.
            let Some(problem) = problem else { continue };
            if !seen.insert((template.clone(), url.clone())) {
                continue;
            }
            if let Some((yaml, pos, written)) = yaml_urls.get(url) {
                // Once per value, however many pages show it.
                if seen.insert((yaml.display().to_string(), url.clone())) {
                    out.push(broken(yaml, *pos, written, &problem));
                }
                continue;
            }
            let (origin, pos) = locate_in_templates(portal, template, url, targets.base_path);
            out.push(broken(Path::new(&origin), pos, url, &format!("{problem} (in the page {file})")));
        }
    }
    out
}

/// The template (and position) most likely to hold `url`: one whose source has its path.
fn locate_in_templates(portal: &Portal, page_template: &str, url: &str, base_path: &str) -> (String, Pos) {
    let rooted = url.strip_prefix(base_path).map(|rest| format!("/{rest}"));
    let needles: Vec<&str> = [Some(url), rooted.as_deref()].into_iter().flatten().filter(|n| n.len() > 1).collect();
    for (_, source, origin) in &portal.templates {
        for needle in &needles {
            if let Some(offset) = source.find(needle) {
                return (origin.clone(), Pos { len: needle.chars().count(), ..Pos::at_offset(source, offset) });
            }
        }
    }
    let origin =
        portal.templates.iter().find(|(n, _, _)| n == page_template).map_or(page_template.to_string(), |t| t.2.clone());
    (origin, Pos::START)
}

fn broken(file: &Path, pos: Pos, dest: &str, problem: &str) -> Diagnostic {
    Diagnostic::error(RULE, file, pos, format!("broken link `{dest}`: {problem}"))
        .with_label("broken link")
        .with_help("link to a page that exists (`/charter/`, `/roles/#<role id>`, `other-page.md#heading`), or fix the anchor to a real id")
}

/// Link and image destinations of a Markdown text, read as `reading` (raw HTML's too, marked
/// `true`), with the byte offset to report them at: the destination where it is written,
/// else the link.
fn markdown_links(reading: &scan::Reading) -> Vec<(&str, usize, bool)> {
    let mut links: Vec<(&str, usize, bool)> = reading
        .destinations
        .iter()
        .filter(|d| d.link_type.is_some())
        .map(|d| {
            let at = d.written.as_ref().map_or(d.span.start, |w| w.start);
            (d.url.as_str(), at, false)
        })
        .collect();
    // Raw HTML's links are the author's too, reported where written rather than in a
    // template; they are published as written (only Markdown links are rewritten).
    links.extend(reading.html_urls.iter().map(|(url, at)| (url.as_str(), at.start, true)));
    links
}

/// Percent-decodes a path or fragment as a browser does (UTF-8); a text that does not decode
/// to UTF-8 is kept as written, and then reported as not found.
fn decode(text: &str) -> Cow<'_, str> {
    percent_decode_str(text).decode_utf8().unwrap_or(Cow::Borrowed(text))
}

/// `dir/path` with `.` and `..` resolved; a `..` above the output root stays at the root, as
/// at a host's root. (Under a base path such as `/acme/` a browser would leave the site
/// there; that is not reported yet.)
fn join(dir: &str, path: &str) -> String {
    // A decoded `%2F` may start `path` with a slash, which must not make it absolute.
    let joined = normalize(&Path::new(dir).join(path.trim_start_matches('/')));
    let parts: Vec<String> = joined
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let trailing = if path.ends_with('/') && !parts.is_empty() { "/" } else { "" };
    format!("{}{trailing}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_never_splits_a_character() {
        // Regression: `%` before a multi-byte character made the hand-written decoder panic.
        assert_eq!(decode("%€"), "%€");
        assert_eq!(decode("a%€b%"), "a%€b%");
        assert_eq!(decode("%E2%82%AC-%C3%A9t%C3%A9"), "€-été");
        assert_eq!(decode("100%25 %zz %4"), "100% %zz %4");
        // Not UTF-8 once decoded: kept as written (and so reported as not found).
        assert_eq!(decode("%FF"), "%FF");
    }

    #[test]
    fn relative_paths_join_like_a_browser() {
        assert_eq!(join("guides", "../charter/"), "charter/");
        assert_eq!(join("guides", "./img/a.png"), "guides/img/a.png");
        assert_eq!(join("", "../../charter/"), "charter/", "`..` stops at the root");
        assert_eq!(join("roles", ".."), "");
        assert_eq!(join("roles", "/etc/x"), "roles/etc/x", "a decoded `%2F` stays relative");
    }
}
