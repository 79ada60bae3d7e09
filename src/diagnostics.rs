//! The one diagnostic type every stage reports problems with, and its printers.

use crate::model::Pos;
use crate::wording::count;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
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

/// Renders one diagnostic cargo-style, with the source line and a caret under the span.
///
/// `root` is the site folder the diagnostic's file is relative to; if the file cannot be
/// read any more, the header and location are still printed.
pub fn render_human(diagnostic: &Diagnostic, root: &Path, color: bool) -> String {
    let source = std::fs::read_to_string(root.join(&diagnostic.file)).unwrap_or_default();
    // The loader drops a byte-order mark (`load::read_text`); so does this, so columns agree.
    let source = source.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(source);
    let name = diagnostic.file.display().to_string();
    let file = SimpleFile::new(name.as_str(), source.as_str());
    let start = byte_offset(&source, diagnostic.line, diagnostic.column);
    let end = span_end(&source, start, diagnostic.len);
    let mut report = match diagnostic.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_code(diagnostic.rule)
    .with_message(&diagnostic.message)
    .with_labels(vec![Label::primary((), start..end).with_message(diagnostic.label.clone().unwrap_or_default())]);
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

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The byte offset of a 1-based line and character column; clamped to the text.
fn byte_offset(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, text) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize =
                text.trim_end_matches(['\n', '\r']).chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
            return offset + within;
        }
        offset += text.len();
    }
    source.len()
}

/// The end of a span of `len` characters from `start`, kept on the start's line.
fn span_end(source: &str, start: usize, len: usize) -> usize {
    let rest = source.get(start..).unwrap_or("");
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    let chars = if len == 0 { line.chars().take_while(|c| !c.is_whitespace()).count().max(1) } else { len };
    start + line.chars().take(chars).map(char::len_utf8).sum::<usize>()
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
    fn offsets_count_characters_not_bytes() {
        let source = "name: Siobhán\nx: é1\n";
        assert_eq!(byte_offset(source, 2, 4), "name: Siobhán\n".len() + 3);
        let start = source.find("é1").unwrap();
        assert_eq!(span_end(source, start, 0), start + "é1".len());
    }
}
