//! Markdown pages of `content/`: discovery and front matter.

use super::{read, LoadError, Reader};
use crate::diagnostics::Diagnostic;
use crate::model::{FrontMatter, Page, Pos};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Every `.md` file under `content/`, in publishing order (weight, then title, then path),
/// and every other file there (images next to the pages that show them), relative to
/// `content/`.
pub(super) fn load_pages(
    reader: &Reader,
    diagnostics: &mut Vec<Diagnostic>,
    mut kept: Option<&mut KeptPages>,
) -> Result<(Vec<Page>, Vec<PathBuf>), LoadError> {
    let root = reader.root;
    let folder = root.join("content");
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    for entry in reader.walk("content", diagnostics) {
        let is_markdown = entry.path().extension().is_some_and(|ext| ext == "md");
        if !is_markdown {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if let (false, Ok(rel)) = (hidden, entry.path().strip_prefix(&folder)) {
                assets.push(rel.to_path_buf());
            }
            continue;
        }
        if let Ok(rel) = entry.path().strip_prefix(root) {
            markdown.push((entry.path().to_path_buf(), rel.to_path_buf()));
        }
    }
    // Read and parsed in parallel (most of a `serve` rebuild's loading), then taken in the
    // order found, so the first error and the diagnostics are those of a reading in order.
    let last = kept.as_deref().map(|kept| &kept.by_file);
    let parsed: Vec<Result<(Parsed, Option<String>), LoadError>> = markdown
        .par_iter()
        .map(|(path, rel)| {
            let text = read(path)?;
            let same = last.and_then(|last| last.get(rel)).filter(|(was, _)| *was == text);
            Ok(match same {
                Some((_, parsed)) => (parsed.clone(), None),
                None => (parse_page(rel, &text), Some(text)),
            })
        })
        .collect();
    let mut pages = Vec::with_capacity(parsed.len());
    let mut next = HashMap::new();
    let mut last = kept.as_deref_mut().map(|kept| std::mem::take(&mut kept.by_file)).unwrap_or_default();
    for ((_, rel), parsed) in markdown.iter().zip(parsed) {
        let (page, text) = parsed?;
        if kept.is_some() {
            // A page taken from the last load keeps its entry; a page parsed now gets one.
            let entry = match text {
                Some(text) => Some((text, page.clone())),
                None => last.remove(rel),
            };
            if let Some(entry) = entry {
                next.insert(rel.clone(), entry);
            }
        }
        match page {
            Ok(page) => pages.push(page),
            Err(d) => diagnostics.push(d),
        }
    }
    if let Some(kept) = kept {
        kept.by_file = next;
    }
    pages.sort_by(|a, b| {
        (a.front.weight.unwrap_or(0), &a.front.title, &a.path).cmp(&(
            b.front.weight.unwrap_or(0),
            &b.front.title,
            &b.path,
        ))
    });
    Ok((pages, assets))
}

/// A page file, parsed: the page, or why it is not one.
type Parsed = Result<Page, Diagnostic>;

/// The Markdown pages of the last load, by file (relative to the site folder), with the text
/// they were parsed from: `serve` parses again only the files whose text changed.
#[derive(Default)]
pub struct KeptPages {
    by_file: HashMap<PathBuf, (String, Parsed)>,
}

impl std::fmt::Debug for KeptPages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptPages").field("pages", &self.by_file.len()).finish()
    }
}

/// Splits a page into front matter and body; `file` is relative to the site folder.
pub fn parse_page(file: &Path, text: &str) -> Result<Page, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let missing = || {
        Diagnostic::error("content/front-matter", file, Pos::START, "this page has no front matter")
            .with_help("start the file with a `---` line, a `title: …` line and another `---` line")
    };
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Err(missing());
    }
    let mut front_len = 0;
    let mut front_lines = 0;
    let mut closed = false;
    for line in lines.by_ref() {
        if line.trim_end() == "---" {
            closed = true;
            break;
        }
        front_len += line.len();
        front_lines += 1;
    }
    if !closed {
        return Err(Diagnostic::error("content/front-matter", file, Pos::START, "the front matter is never closed")
            .with_help("end the front matter with a line holding only `---`"));
    }
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let front_text = &text[start..start + front_len];
    let body_start = (start + front_len + text[start + front_len..].find('\n').map_or(0, |i| i + 1)).min(text.len());
    let doc = super::parse::<FrontMatter>(file, front_text).map_err(|mut d| {
        // Positions are relative to the front matter, which starts on line 2.
        d.rule = "content/front-matter";
        d.line += 1;
        d
    })?;
    if doc.title.trim().is_empty() {
        let pos = if doc.source.contains("title") {
            Pos { line: doc.pos("title").line + 1, ..doc.pos("title") }
        } else {
            Pos::START
        };
        return Err(Diagnostic::error("content/front-matter", file, pos, "this page has no title")
            .with_help("add `title: …` to the front matter"));
    }
    Ok(Page {
        file: file.to_path_buf(),
        path: url_path(file),
        front: doc.data,
        body: text[body_start..].to_string(),
        body_line: front_lines + 3,
        source: doc.source.shifted(1),
        language: None,
    })
}

/// In a multilingual site, a page whose file name ends in one of its languages
/// (`notes.zh-CN.md`, matched without regard to case) is that language's translation of the
/// untagged page (`notes.md`), published at the same path under the language's prefix.
pub(super) fn assign_languages(pages: &mut [Page], languages: &[&str]) {
    for page in pages {
        let Some(stem) = page.file.file_stem().map(|s| s.to_string_lossy().into_owned()) else { continue };
        let Some((name, tag)) = stem.rsplit_once('.') else { continue };
        let Some(language) = languages.iter().find(|l| l.eq_ignore_ascii_case(tag)) else { continue };
        page.language = Some(language.to_string());
        page.path = url_path(&page.file.with_file_name(format!("{name}.md")));
    }
}

/// `content/guides/release.md` → `guides/release`; `_index.md` and `index.md` name their folder.
fn url_path(file: &Path) -> String {
    let rel = file.strip_prefix("content").unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("_index" | "index")) {
        parts.pop();
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let page = parse_page(Path::new("content/guides/release.md"), "---\ntitle: Release\nweight: 2\n---\n# Hello\n")
            .unwrap();
        assert_eq!(page.path, "guides/release");
        assert_eq!(page.front.title, "Release");
        assert_eq!(page.body, "# Hello\n");
        assert_eq!(page.body_line, 5);
    }

    #[test]
    fn a_language_in_the_file_name_is_a_translation() {
        let parse = |file: &str| parse_page(Path::new(file), "---\ntitle: T\n---\n").unwrap();
        let mut pages = [parse("content/notes.zh-CN.md"), parse("content/a/_index.zh-cn.md"), parse("content/v1.2.md")];
        assign_languages(&mut pages, &["en", "zh-CN"]);
        let got: Vec<_> = pages.iter().map(|p| (p.path.as_str(), p.language.as_deref())).collect();
        assert_eq!(got, [("notes", Some("zh-CN")), ("a", Some("zh-CN")), ("v1.2", None)]);
    }

    #[test]
    fn index_pages_name_their_folder() {
        assert_eq!(url_path(Path::new("content/_index.md")), "");
        assert_eq!(url_path(Path::new("content/team/index.md")), "team");
    }

    #[test]
    fn unknown_front_matter_key_is_located_in_the_file() {
        let err = parse_page(Path::new("content/a.md"), "---\ntitle: A\ntags: [x]\n---\nbody\n").unwrap_err();
        assert_eq!((err.rule, err.line, err.column), ("content/front-matter", 3, 1));
    }

    #[test]
    fn missing_front_matter_is_reported() {
        let err = parse_page(Path::new("content/a.md"), "# Just a heading\n").unwrap_err();
        assert_eq!((err.rule, err.line), ("content/front-matter", 1));
    }
}
