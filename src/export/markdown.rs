//! Markdown in, Markdown out: links made absolute to the portal, plain text escaped, and the
//! rendered files tidied.
//!
//! The exported files are read on a forge (GitHub renders them), far from the portal, so a link
//! like `/charter/` or `meetings.md` must become `https://…/charter/` to keep working.

use crate::markdown::{options, LinkResolver};
use pulldown_cmark::{Event, LinkType, Parser, Tag};
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
    let mut parser = Parser::new_ext(text, options()).into_offset_iter();
    for (event, range) in parser.by_ref() {
        let (Event::Start(Tag::Link { link_type, dest_url, .. })
        | Event::Start(Tag::Image { link_type, dest_url, .. })) = event
        else {
            continue;
        };
        if !matches!(link_type, LinkType::Inline) {
            // Reference links are rewritten at their definition; autolinks are absolute already.
            continue;
        }
        let source = &text[range.clone()];
        let Some(open) = source.rfind("](") else { continue };
        let start = range.start + open + 2;
        if let Some(at) = destination_at(text, start, &dest_url) {
            push_edit(&mut edits, at, links.resolve(&dest_url, from), &dest_url);
        }
    }
    for (_, definition) in parser.reference_definitions().iter() {
        let source = &text[definition.span.clone()];
        let Some(colon) = source.find("]:") else { continue };
        let start = definition.span.start + colon + 2;
        if let Some(at) = destination_at(text, start, &definition.dest) {
            push_edit(&mut edits, at, links.resolve(&definition.dest, from), &definition.dest);
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

fn push_edit(edits: &mut Vec<(Range<usize>, String)>, at: Range<usize>, resolved: String, original: &str) {
    if resolved != original {
        edits.push((at, resolved));
    }
}

/// Where `dest` is written, starting at `start` after optional blanks and a `<`.
fn destination_at(text: &str, start: usize, dest: &str) -> Option<Range<usize>> {
    if dest.is_empty() {
        return None;
    }
    let rest = text.get(start..)?;
    let skipped = rest.len() - rest.trim_start().len();
    let mut begin = start + skipped;
    if text[begin..].starts_with('<') {
        begin += 1;
    }
    text[begin..].starts_with(dest).then(|| begin..begin + dest.len())
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
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<(char, usize)> = None;
    let mut blank_run = 0;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let marker = fence_marker(trimmed).filter(|_| indent <= 3);
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some((c, n)), Some((c2, n2))) if c == c2 && n2 >= n && trimmed.trim_end().chars().all(|x| x == c) => {
                fence = None;
                out.push_str(line);
                out.push('\n');
                blank_run = 0;
                continue;
            }
            _ => {}
        }
        if fence.is_some() {
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
        out.push_str(line.trim_end_matches(['\r']));
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The character and length of a code fence opening a line (```` ``` ```` or `~~~`).
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
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
        LinkResolver { base_path: "https://x.org/acme/".into(), pages }
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
    fn list_items_keep_their_paragraphs() {
        assert_eq!(indent_rest("One.\n\nTwo.\nThree.", 2), "One.\n\n  Two.\n  Three.");
    }
}
