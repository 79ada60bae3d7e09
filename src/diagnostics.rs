//! The one diagnostic type every stage reports problems with, and its printers.

use crate::model::Pos;
use crate::wording::count;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::term::{self, Chars, Config};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// How bad a problem is. Errors stop a build; warnings never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, but the build goes on.
    Warning,
    /// The site is not published until it is fixed.
    Error,
}

/// A problem in the input, pointing at the key or value it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Rule id, e.g. `people/unknown-person`.
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file, relative to the site folder.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Length of the offending span in characters (for the caret).
    #[serde(skip)]
    pub len: usize,
    /// Label under the caret.
    #[serde(skip)]
    pub label: Option<String>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error of `rule` at `pos` in `file`.
    pub fn error(rule: &'static str, file: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Error,
            message: message.into(),
            file: file.into(),
            line: pos.line.max(1),
            column: pos.column.max(1),
            len: pos.len,
            label: None,
            help: None,
        }
    }

    /// A warning of `rule` at `pos` in `file`.
    pub fn warning(rule: &'static str, file: impl Into<PathBuf>, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(rule, file, pos, message) }
    }

    /// Adds the `help:` line that tells the user what to change.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a label under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file and position, so output is stable whatever order rules ran in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.rule, &a.message).cmp(&(&b.file, b.line, b.column, b.rule, &b.message))
    });
}

/// Counts errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// The most characters of a source line a diagnostic shows around its caret: a 3,000-item
/// list on one line must not be printed once per item.
const EXCERPT: usize = 200;

/// Renders one diagnostic cargo-style, with the source line and a caret under the span.
///
/// `root` is the site folder the diagnostic's file is relative to; if the file cannot be
/// read any more (or leads outside `root`), the header and location are still printed.
pub fn render_human(diagnostic: &Diagnostic, root: &Path, color: bool) -> String {
    Sources::new(root).render(diagnostic, color)
}

/// Renders every diagnostic, reading each file they point into once.
pub fn render_all(diagnostics: &[Diagnostic], root: &Path, color: bool) -> String {
    let mut sources = Sources::new(root);
    diagnostics.iter().map(|d| sources.render(d, color)).collect()
}

/// The text of the files diagnostics point into, each read once, and never a file that
/// resolves outside the site folder (a diagnostic about a link must not print its target).
struct Sources {
    root: PathBuf,
    boundary: Option<crate::boundary::Boundary>,
    files: std::collections::HashMap<PathBuf, Option<SourceText>>,
}

/// A file's text with the byte offset of each line start.
struct SourceText {
    text: String,
    lines: Vec<usize>,
}

impl Sources {
    fn new(root: &Path) -> Sources {
        Sources { root: root.to_path_buf(), boundary: crate::boundary::Boundary::new(root), files: Default::default() }
    }

    fn text(&mut self, file: &Path) -> Option<&SourceText> {
        let (root, boundary) = (&self.root, &self.boundary);
        self.files
            .entry(file.to_path_buf())
            .or_insert_with(|| {
                let path = root.join(file);
                if !boundary.as_ref().is_some_and(|b| b.contains(&path)) {
                    return None;
                }
                let text = std::fs::read_to_string(path).ok()?;
                // The loader drops a byte-order mark (`load::read_text`); so does this, so columns agree.
                let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
                let lines = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
                Some(SourceText { text, lines })
            })
            .as_ref()
    }

    fn render(&mut self, diagnostic: &Diagnostic, color: bool) -> String {
        let name = diagnostic.file.display().to_string();
        let excerpt = self.text(&diagnostic.file).map(|s| s.excerpt(diagnostic)).unwrap_or_default();
        let file = Excerpt { name: &name, line: diagnostic.line, text: &excerpt.text };
        let mut report = match diagnostic.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_code(diagnostic.rule)
        .with_message(&diagnostic.message)
        .with_labels(vec![Label::primary((), excerpt.span).with_message(diagnostic.label.clone().unwrap_or_default())]);
        if let Some(help) = &diagnostic.help {
            report = report.with_notes(vec![format!("help: {help}")]);
        }
        let config = Config { chars: Chars::ascii(), ..Config::default() };
        let rendered = if color {
            let mut buffer = term::termcolor::Buffer::ansi();
            term::emit_to_write_style(&mut buffer, &config, &file, &report)
                .map(|()| String::from_utf8_lossy(buffer.as_slice()).into_owned())
        } else {
            term::emit_into_string(&config, &file, &report)
        };
        rendered.unwrap_or_else(|_| {
            format!(
                "{}[{}]: {}\n  --> {}:{}:{}\n",
                severity_word(diagnostic.severity),
                diagnostic.rule,
                diagnostic.message,
                name,
                diagnostic.line,
                diagnostic.column
            )
        })
    }
}

/// The part of a diagnostic's line that is shown, and the span of the caret in it.
#[derive(Default)]
struct Shown {
    text: String,
    span: std::ops::Range<usize>,
}

impl SourceText {
    /// At most [`EXCERPT`] characters of the diagnostic's line around its span, with `…`
    /// where the line was cut.
    fn excerpt(&self, d: &Diagnostic) -> Shown {
        let Some(&start) = self.lines.get(d.line.saturating_sub(1)) else { return Shown::default() };
        let end = self.lines.get(d.line).copied().unwrap_or(self.text.len());
        let line = self.text.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r']);
        let chars: Vec<char> = line.chars().collect();
        let at = d.column.saturating_sub(1).min(chars.len());
        let len = if d.len == 0 { chars[at..].iter().take_while(|c| !c.is_whitespace()).count().max(1) } else { d.len }
            .min(EXCERPT);
        let from = if chars.len() <= EXCERPT { 0 } else { at.saturating_sub(EXCERPT / 4).min(chars.len() - EXCERPT) };
        let to = (from + EXCERPT).min(chars.len());
        let mut text = String::new();
        if from > 0 {
            text.push('…');
        }
        let prefix = text.len();
        let before: String = chars[from..at].iter().collect();
        let shown: String = chars[from..to].iter().collect();
        text.push_str(&shown);
        if to < chars.len() {
            text.push('…');
        }
        let span_start = prefix + before.len();
        let span_len: usize = chars[at..(at + len).min(to)].iter().map(|c| c.len_utf8()).sum();
        Shown { span: span_start..(span_start + span_len), text }
    }
}

/// One line of a file, numbered as in the file, for codespan.
struct Excerpt<'a> {
    name: &'a str,
    line: usize,
    text: &'a str,
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.line.saturating_sub(1))
    }

    fn line_range(&'a self, (): (), _: usize) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        Ok(0..self.text.len())
    }
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A one-line summary: `error: 2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings) = counts(diagnostics);
    format!("{}, {}", count(errors as u64, "error"), count(warnings as u64, "warning"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_cargo_style_with_caret_and_help() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("governance")).unwrap();
        std::fs::write(dir.path().join("governance/roles.yaml"), "roles:\n  - id: x\n    members:\n      - carol\n")
            .unwrap();
        let d = Diagnostic::error(
            "people/unknown-person",
            "governance/roles.yaml",
            Pos { line: 4, column: 9, len: 5 },
            "role `x` lists `carol`, who is not in people.yaml",
        )
        .with_label("not a person id")
        .with_help("add `carol` to governance/people.yaml");
        let text = render_human(&d, dir.path(), false);
        assert!(text.starts_with("error[people/unknown-person]: role `x` lists `carol`"), "{text}");
        assert!(text.contains("--> governance/roles.yaml:4:9"), "{text}");
        assert!(text.contains("^^^^^ not a person id"), "{text}");
        assert!(text.contains("= help: add `carol` to governance/people.yaml"), "{text}");
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let dir = tempfile::tempdir().unwrap();
        let line = format!("ids: [{}, bad-id, {}]", "x".repeat(1000), "y".repeat(1000));
        std::fs::write(dir.path().join("a.yaml"), format!("first: é\n{line}\n")).unwrap();
        let column = line.find("bad-id").unwrap() + 1;
        let d = Diagnostic::error("people/unknown-person", "a.yaml", Pos { line: 2, column, len: 6 }, "m");
        let text = render_human(&d, dir.path(), false);
        let shown = text.lines().find(|l| l.contains("bad-id")).unwrap();
        assert!(shown.chars().count() < EXCERPT + 20, "{shown}");
        assert!(shown.contains('…'), "{shown}");
        let caret = text.lines().find(|l| l.contains('^')).unwrap();
        let column_of = |text: &str, byte: usize| text[..byte].chars().count();
        assert_eq!(column_of(caret, caret.find('^').unwrap()), column_of(shown, shown.find("bad-id").unwrap()));
        assert_eq!(caret.matches('^').count(), 6);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "name: Siobhán x\n").unwrap();
        let d = Diagnostic::error("schema/type", "a.yaml", Pos { line: 1, column: 15, len: 1 }, "m");
        let text = render_human(&d, dir.path(), false);
        let source = text.lines().find(|l| l.contains("Siobhán")).unwrap();
        let caret = text.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(caret.chars().position(|c| c == '^'), source.chars().position(|c| c == 'x'));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_outside_the_site_is_never_printed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("shadow"), "root:SECRET:0\n").unwrap();
        let site = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path().join("shadow"), site.path().join("leak.md")).unwrap();
        let d = Diagnostic::warning("files/outside-link", "leak.md", Pos::START, "leak.md leads outside");
        let text = render_all(&[d], site.path(), false);
        assert!(text.contains("leak.md") && !text.contains("SECRET"), "{text}");
    }
}
