//! `links/broken`: every link of the rendered site must reach a page, file or anchor that
//! exists. Runs on the portal in memory, so the ids the theme really emits are the truth;
//! each broken link is traced back to where it was written (a Markdown page, a YAML prose
//! field, site.yaml's nav, or a template).

use crate::diagnostics::Diagnostic;
use crate::markdown::PROSE_FROM;
use crate::model::{field_path, item_path, Pos, Site};
use crate::paths::has_scheme;
use crate::render::{Content, Portal};
use pulldown_cmark::{Event, Parser, Tag};
use std::collections::{HashMap, HashSet};
use std::path::Path;

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
                    Content::Copy(_) => &[],
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
    fn problem(&self, url: &str, from_file: &str, ids: &mut IdCache<'a>) -> Option<String> {
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
            let joined = normalize(&format!("{dir}/{}", decode(path)));
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
        if ids.of(&file, bytes).contains(fragment.as_str()) {
            None
        } else {
            let page = if path.is_empty() { "this page".to_string() } else { format!("`{path}`") };
            Some(format!("{page} has no anchor `#{fragment}`"))
        }
    }
}

/// Ids of each HTML page, parsed once.
#[derive(Default)]
struct IdCache<'a> {
    pages: HashMap<String, HashSet<&'a str>>,
}

impl<'a> IdCache<'a> {
    fn of(&mut self, file: &str, bytes: &'a [u8]) -> &HashSet<&'a str> {
        self.pages.entry(file.to_string()).or_insert_with(|| {
            let html = std::str::from_utf8(bytes).unwrap_or("");
            html.match_indices(" id=\"")
                .filter_map(|(i, m)| {
                    let rest = &html[i + m.len()..];
                    rest.find('"').map(|end| &rest[..end])
                })
                .collect()
        })
    }
}

/// Checks every link of the portal; returns one diagnostic per broken link source.
pub fn check(site: &Site, portal: &Portal) -> Vec<Diagnostic> {
    let targets = Targets::new(portal);
    let mut ids = IdCache::default();
    let mut out = Vec::new();
    let mut reported: HashSet<String> = HashSet::new();
    let resolver = &portal.links;

    // Markdown pages, at the line and column of each link.
    for page in &site.pages {
        let from_file =
            if page.path.is_empty() { "index.html".to_string() } else { format!("{}/index.html", page.path) };
        if !targets.files.contains_key(&from_file) {
            continue; // a draft not rendered in this build
        }
        for (dest, offset) in markdown_links(&page.body) {
            let url = resolver.resolve(&dest, &page.file);
            if let Some(problem) = targets.problem(&url, &from_file, &mut ids) {
                reported.insert(url);
                let pos = position_in(&page.body, offset, page.body_line, dest.chars().count());
                out.push(broken(&page.file, pos, &dest, &problem));
            }
        }
    }

    // Prose fields of the governance documents (plain text — names, ids — is not Markdown).
    for doc in crate::model::text_fields(site) {
        let (file, source) = (doc.file, doc.source);
        let from_file = format!("{}index.html", doc.page);
        for (path, text) in doc.prose() {
            for (dest, offset) in markdown_links(text) {
                let url = resolver.resolve(&dest, Path::new(PROSE_FROM));
                if let Some(problem) = targets.problem(&url, &from_file, &mut ids) {
                    reported.insert(url);
                    let start = source.written(path).map_or_else(|| source.value(path), |at| source.value(&at));
                    let pos = if text.contains('\n') {
                        start
                    } else {
                        Pos { column: start.column + text[..offset].chars().count(), ..start }
                    };
                    out.push(broken(file, Pos { len: dest.chars().count(), ..pos }, &dest, &problem));
                }
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

    out.extend(template_links(portal, &targets, &mut ids, &reported));
    out
}

/// Links written in templates: every link of every page not traced to a source above.
fn template_links<'a>(
    portal: &Portal,
    targets: &Targets<'a>,
    ids: &mut IdCache<'a>,
    reported: &HashSet<String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (page, template) in &portal.page_templates {
        let file = page.to_string_lossy().replace('\\', "/");
        let Some(bytes) = targets.files.get(&file) else { continue };
        let html = std::str::from_utf8(bytes).unwrap_or("");
        for url in html_links(html) {
            let url = crate::render::decode_entities(url);
            if reported.contains(&url) || seen.contains(&(template.clone(), url.clone())) {
                continue;
            }
            if let Some(problem) = targets.problem(&url, &file, ids) {
                seen.insert((template.clone(), url.clone()));
                let (origin, pos) = locate_in_templates(portal, template, &url, targets.base_path);
                out.push(broken(Path::new(&origin), pos, &url, &format!("{problem} (in the page {file})")));
            }
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
                return (origin.clone(), position_in(source, offset, 1, needle.chars().count()));
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

/// Link and image destinations of a Markdown text, with their byte offsets.
fn markdown_links(text: &str) -> Vec<(String, usize)> {
    Parser::new_ext(text, crate::markdown::options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                // Point at the destination itself when it is written inline.
                let written = &text[range.clone()];
                let at = written.rfind(dest_url.as_ref()).map_or(range.start, |i| range.start + i);
                Some((dest_url.to_string(), at))
            }
            _ => None,
        })
        .collect()
}

/// `href="…"` and `src="…"` values of an HTML page.
fn html_links(html: &str) -> impl Iterator<Item = &str> {
    ["href=\"", "src=\""].into_iter().flat_map(move |attr| {
        html.match_indices(attr).filter_map(move |(i, m)| {
            let rest = &html[i + m.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
    })
}

/// The 1-based position of byte `offset` in `text`, whose first line is line `first_line`.
fn position_in(text: &str, offset: usize, first_line: usize, len: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line = first_line + before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos { line, column, len }
}

/// Percent-decodes a path or fragment (UTF-8; invalid sequences are kept as they are).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let trailing = if path.ends_with('/') && !parts.is_empty() { "/" } else { "" };
    format!("{}{trailing}", parts.join("/"))
}
