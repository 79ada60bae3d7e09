//! Markdown in, Markdown out: links made absolute to the portal, plain text escaped, and the
//! rendered files tidied.
//!
//! The exported files are read on a forge (GitHub renders them), far from the portal, so a link
//! like `/charter/` or `meetings.md` must become `https://…/charter/` to keep working.

use crate::markdown::{scan, LinkResolver};
use pulldown_cmark::LinkType;
use std::ops::Range;
use std::path::Path;

/// `text` with the destination of every link and image rewritten by `links` (which, built on
/// the portal's full URL, makes them absolute). `from` is the file the text was written in.
///
/// Only destinations are touched, in place: the rest of the text keeps its exact bytes. A
/// destination written with escapes or entities (which differ from their parsed form) is left
/// as written.
pub fn absolutize(text: &str, from: &Path, links: &LinkResolver) -> String {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for destination in scan::destinations(text) {
        // Reference links are rewritten at their definition (`link_type` `None`); autolinks
        // are absolute already.
        if !matches!(destination.link_type, Some(LinkType::Inline) | None) {
            continue;
        }
        let Some(at) = destination.written else { continue };
        let resolved = links.resolve(&destination.url, from);
        if resolved != destination.url {
            edits.push((at, resolved));
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    edits.dedup_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len() + edits.len() * 32);
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Plain text (a name, a handle, an id) made safe to put inside Markdown: the characters that
/// would start emphasis, code, links or HTML are backslash-escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Plain text for a table cell: escaped, on one line.
pub fn escape_cell(text: &str) -> String {
    escape_text(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Text as an inline code span that survives a table cell.
pub fn code_span(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// Indents every line but the first by `width` spaces (blank lines stay empty), so that a
/// multi-paragraph text stays inside the list item it starts.
pub fn indent_rest(text: &str, width: usize) -> String {
    let pad = " ".repeat(width);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(if line.trim().is_empty() { "" } else { line });
    }
    out
}

/// Tidies a rendered Markdown file: whitespace-only lines emptied and runs of blank lines
/// collapsed to one (outside fenced code blocks, whose text is kept as written), and exactly
/// one newline at the end. Templates can then be written for readability.
pub fn tidy(text: &str) -> String {
    let fenced = scan::fenced_code(text);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let (from, to) = (start, start + raw.len());
        start = to;
        let line = raw.strip_suffix('\n').map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
        if fenced.iter().any(|f| from < f.end && f.start < to) {
            out.push_str(line);
            out.push('\n');
            blank_run = 0;
            continue;
        }
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run == 1 && !out.is_empty() {
                out.push('\n');
            }
            continue;
        }
        blank_run = 0;
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::path::PathBuf;

    fn resolver() -> LinkResolver {
        let mut pages = HashMap::new();
        pages.insert(PathBuf::from("content/meetings.md"), "meetings".to_string());
        pages.insert(PathBuf::from("content/guides/release.md"), "guides/release".to_string());
        LinkResolver { base_path: "https://x.org/acme/".into(), pages, ..LinkResolver::default() }
    }

    #[test]
    fn links_become_absolute_and_nothing_else_changes() {
        let text = "See [the charter](/charter/ \"Charter\"), [calls](meetings.md#agenda),\n\
                    ![logo](../static/logo.svg) and <https://a.org/>, [ext](https://b.org/x.md), [top](#top).\n\n\
                    A [ref] link.\n\n[ref]: guides/release.md\n";
        let out = absolutize(text, Path::new("content/contributing.md"), &resolver());
        assert_eq!(
            out,
            "See [the charter](https://x.org/acme/charter/ \"Charter\"), [calls](https://x.org/acme/meetings/#agenda),\n\
             ![logo](https://x.org/acme/logo.svg) and <https://a.org/>, [ext](https://b.org/x.md), [top](#top).\n\n\
             A [ref] link.\n\n[ref]: https://x.org/acme/guides/release/\n"
        );
    }

    #[test]
    fn nested_image_links_and_angle_destinations() {
        let text = "[![b](/badge.svg)](/charter/) and [x](</a b/>)";
        let out = absolutize(text, Path::new(crate::markdown::PROSE_FROM), &resolver());
        assert_eq!(
            out,
            "[![b](https://x.org/acme/badge.svg)](https://x.org/acme/charter/) and [x](<https://x.org/acme/a b/>)"
        );
    }

    #[test]
    fn code_is_not_a_link() {
        let text = "`[a](/b/)`\n\n```\n[a](/b/)\n```\n";
        assert_eq!(absolutize(text, Path::new("content/a.md"), &resolver()), text);
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_text("a_b *c* [d]"), "a\\_b \\*c\\* \\[d\\]");
        assert_eq!(escape_cell("a |\n b"), "a \\| b");
        assert_eq!(code_span("<= 2.0"), "`<= 2.0`");
        assert_eq!(code_span("a`b"), "`` a`b ``");
    }

    #[test]
    fn tidy_collapses_blank_lines_outside_fences() {
        let text = "# T\n\n\n\nText  \n   \n```\na\n\n\nb\n```\n\n\n";
        assert_eq!(tidy(text), "# T\n\nText  \n\n```\na\n\n\nb\n```\n");
    }

    #[test]
    fn tidy_keeps_every_fenced_block_as_written() {
        // A fence in a list item, and a `~~~~` block that a shorter or other fence does not close.
        let text = "- item\n\n  ```\n  a\n\n\n  b\n  ```\n\n\n~~~~\nx\n```\n\n\ny\n~~~~\n\n\nend\n";
        assert_eq!(tidy(text), "- item\n\n  ```\n  a\n\n\n  b\n  ```\n\n~~~~\nx\n```\n\n\ny\n~~~~\n\nend\n");
    }

    #[test]
    fn list_items_keep_their_paragraphs() {
        assert_eq!(indent_rest("One.\n\nTwo.\nThree.", 2), "One.\n\n  Two.\n  Three.");
    }
}
