//! Markdown → HTML: GitHub-flavoured extensions, heading ids, highlighted code, links
//! rewritten under the base path, and nothing that runs script: links and images only to
//! allowed URLs, headings with only an id and classes, raw HTML sanitized (see [`safety`]).

pub mod check;
pub mod highlight;
mod links;
mod raw_html;
pub mod safety;
pub mod scan;

pub use links::{LinkResolver, PROSE_FROM, REFUSED};

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// A heading of a rendered page, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// A rendered Markdown text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Its headings, in order.
    pub toc: Vec<Heading>,
    /// Whether a code block was highlighted (the page then needs the syntax stylesheet).
    pub has_code: bool,
}

/// Renders Markdown the same way for pages and for prose fields of the YAML.
#[derive(Debug, Clone, Default)]
pub struct Markdown {
    /// Link rewriting.
    pub links: LinkResolver,
    /// Keep every element and attribute of raw HTML but event handlers and refused URLs.
    pub unsafe_html: bool,
    /// Highlight code blocks (off when only checking: highlighting is most of a build's cost).
    pub highlight: bool,
    /// Code blocks highlighted by earlier renders (`serve` keeps one across rebuilds).
    pub highlighted: Option<std::sync::Arc<highlight::Cache>>,
    /// The accessible names of a task list's ticked and unticked boxes, in the portal's
    /// language (`markdown.task_done`, `markdown.task_open`).
    pub task_labels: TaskLabels,
}

/// The accessible names of task-list checkboxes.
#[derive(Debug, Clone)]
pub struct TaskLabels {
    /// A ticked box.
    pub done: String,
    /// An unticked box.
    pub open: String,
}

/// English, as govsite's `en` locale has them.
impl Default for TaskLabels {
    fn default() -> Self {
        TaskLabels { done: "done".into(), open: "not done".into() }
    }
}

/// The Markdown dialect of every page and prose field: GitHub's extensions and `{#id}` headings.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

impl Markdown {
    /// Renders a whole document written in `from` (relative to the site folder).
    pub fn render(&self, text: &str, from: &Path) -> Rendered {
        let mut events: Vec<Event> = Parser::new_ext(text, options()).collect();
        drop_cjk_soft_breaks(&mut events);
        let toc = assign_heading_ids(&mut events);
        let mut has_raw_html = false;
        let mut has_code = false;
        let mut out: Vec<Event> = Vec::with_capacity(events.len());
        let mut code: Option<(String, String)> = None;
        // For each open link or image: whether it was refused (its end is dropped with it).
        let mut refused: Vec<bool> = Vec::new();
        for event in events {
            if let Some((lang, buffer)) = code.as_mut() {
                match event {
                    Event::Text(t) => buffer.push_str(&t),
                    Event::End(TagEnd::CodeBlock) => {
                        has_code |= !lang.is_empty();
                        out.push(Event::Html(self.code_block(lang, buffer).into()));
                        code = None;
                    }
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => info.split([' ', ',', '{']).next().unwrap_or("").to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                // A refused URL is never published: the link's text (an image's description)
                // stays, as text; `content/unsafe-link` reports where it was written.
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                    if !safety::url_is_allowed(&dest_url) =>
                {
                    refused.push(true);
                }
                Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                    refused.push(false);
                    let dest_url = CowStr::from(self.links.resolve(&dest_url, from));
                    out.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
                Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                    refused.push(false);
                    let dest_url = CowStr::from(self.links.resolve(&dest_url, from));
                    out.push(Event::Start(Tag::Image { link_type, dest_url, title, id }));
                }
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    if !refused.pop().unwrap_or(false) {
                        out.push(event);
                    }
                }
                // `{#id .class}` only: other attributes (`onfocus=…`, `autofocus`) are dropped.
                Event::Start(Tag::Heading { level, id, classes, .. }) => {
                    out.push(Event::Start(Tag::Heading { level, id, classes, attrs: Vec::new() }));
                }
                // A checkbox needs a name for screen readers.
                Event::TaskListMarker(done) => {
                    let labels = &self.task_labels;
                    let (checked, label) = if done { (" checked", &labels.done) } else { ("", &labels.open) };
                    let label = escape(label);
                    out.push(Event::InlineHtml(
                        format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> ").into(),
                    ));
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    has_raw_html = true;
                    out.push(event);
                }
                other => out.push(other),
            }
        }
        let mut html_out = String::with_capacity(text.len() * 3 / 2);
        html::push_html(&mut html_out, out.into_iter());
        // The events above are safe as generated; only raw HTML needs the sanitizer (and a
        // page without it keeps its bytes exactly).
        if has_raw_html {
            html_out = if self.unsafe_html { safety::sanitize_trusted(&html_out) } else { safety::sanitize(&html_out) };
        }
        Rendered { html: html_out, toc, has_code }
    }

    /// Renders a short prose field: a single paragraph loses its `<p>` so it sits inline.
    pub fn render_inline(&self, text: &str, from: &Path) -> String {
        let html = self.render(text, from).html;
        let trimmed = html.trim_end();
        match trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
            Some(inner) if !inner.contains("<p>") => inner.to_string(),
            _ => html,
        }
    }

    fn code_block(&self, lang: &str, code: &str) -> String {
        let spans = match (&self.highlighted, self.highlight) {
            (_, false) => None,
            (Some(cache), true) => cache.highlight(code, lang),
            (None, true) => highlight::highlight(code, lang),
        };
        code_block_html(lang, code, spans)
    }
}

fn code_block_html(lang: &str, code: &str, spans: Option<String>) -> String {
    let escaped_lang = escape(lang);
    match spans {
        Some(spans) => {
            format!("<pre class=\"code\" data-lang=\"{escaped_lang}\" tabindex=\"0\"><code>{spans}</code></pre>\n")
        }
        None => {
            let class = if lang.is_empty() { String::new() } else { format!(" data-lang=\"{escaped_lang}\"") };
            format!("<pre class=\"code\"{class} tabindex=\"0\"><code>{}</code></pre>\n", escape(code))
        }
    }
}

/// Removes the soft breaks (line breaks inside a paragraph) that stand between two CJK
/// characters: written without spaces, Chinese and Japanese would otherwise show one where
/// the editor wrapped the line (see `model::cjk`). Emphasis and link boundaries between
/// the break and the characters do not matter.
fn drop_cjk_soft_breaks(events: &mut Vec<Event>) {
    let text_edge = |event: &Event, last: bool| -> Option<Option<char>> {
        match event {
            Event::Text(t) | Event::Code(t) => Some(if last { t.chars().last() } else { t.chars().next() }),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => None,
            _ => Some(None),
        }
    };
    let mut drop = Vec::new();
    for (i, event) in events.iter().enumerate() {
        if !matches!(event, Event::SoftBreak) {
            continue;
        }
        let before = events[..i].iter().rev().find_map(|e| text_edge(e, true)).flatten();
        let after = events[i + 1..].iter().find_map(|e| text_edge(e, false)).flatten();
        if before.zip(after).is_some_and(|(b, a)| crate::model::cjk::joins(b, a)) {
            drop.push(i);
        }
    }
    for i in drop.into_iter().rev() {
        events.remove(i);
    }
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// Gives each heading without an explicit `{#id}` a GitHub-style id, unique in the page.
fn assign_heading_ids(events: &mut [Event]) -> Vec<Heading> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut toc = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = heading_level(*level);
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut title = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    title.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| github_slug(&title));
            let count = used.entry(base.clone()).or_insert(0);
            let unique = if *count == 0 { base.clone() } else { format!("{base}-{count}") };
            *count += 1;
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            toc.push(Heading { level, id: unique, title });
            i = j;
        }
        i += 1;
    }
    toc
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

/// GitHub's heading anchors: lowercase, spaces to `-`, punctuation dropped, letters of any
/// script kept.
pub fn github_slug(title: &str) -> String {
    title
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn md() -> Markdown {
        Markdown {
            links: LinkResolver { base_path: "/acme/".into(), pages: HashMap::new() },
            unsafe_html: false,
            highlight: true,
            highlighted: None,
            task_labels: TaskLabels::default(),
        }
    }

    #[test]
    fn headings_get_unique_github_ids() {
        let r = md().render("# Getting started\n## Getting started\n## Über uns & more\n", Path::new("content/a.md"));
        let ids: Vec<_> = r.toc.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["getting-started", "getting-started-1", "über-uns--more"]);
        assert!(r.html.contains("<h1 id=\"getting-started\">"));
    }

    #[test]
    fn a_line_break_between_cjk_characters_is_no_space() {
        let r = md()
            .render("技术决策机构，\n负责**路线\n图**与 `SIG`\n的管理。\nThe end\nof it.\n", Path::new("content/a.md"));
        assert_eq!(
            r.html,
            "<p>技术决策机构，负责<strong>路线图</strong>与 <code>SIG</code>\n的管理。\nThe end\nof it.</p>\n"
        );
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = md().render("```rust\nfn main() {}\n```\n", Path::new("content/a.md"));
        assert!(r.has_code);
        assert!(
            r.html.starts_with("<pre class=\"code\" data-lang=\"rust\" tabindex=\"0\"><code><span class=\"hl-"),
            "{}",
            r.html
        );
    }

    #[test]
    fn raw_html_is_sanitized_unless_allowed() {
        let text = "Hi <script>alert(1)</script><b onclick=\"x()\">there</b>\n";
        let safe = md().render(text, Path::new("content/a.md")).html;
        assert_eq!(safe, "<p>Hi <b>there</b></p>\n");
        let raw = Markdown { unsafe_html: true, ..md() }.render(text, Path::new("content/a.md")).html;
        assert!(raw.contains("<script>"));
    }

    #[test]
    fn gfm_extensions_are_on() {
        let html = md()
            .render("| a |\n|---|\n| b |\n\n~~x~~ and [^1]\n\n- [x] done\n\n[^1]: note\n", Path::new("content/a.md"))
            .html;
        for needle in ["<table>", "<del>x</del>", "type=\"checkbox\"", "footnote-definition"] {
            assert!(html.contains(needle), "{needle} missing in {html}");
        }
    }

    #[test]
    fn inline_fields_lose_their_paragraph() {
        assert_eq!(
            md().render_inline("See [the charter](/charter/).", Path::new("content/")),
            "See <a href=\"/acme/charter/\">the charter</a>."
        );
    }
}
