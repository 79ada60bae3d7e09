//! Build-time code highlighting with syntect, as CSS classes so light and dark themes
//! switch in CSS alone.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use syntect::highlighting::{Color, ThemeSet};
use syntect::html::{css_for_theme_with_class_style, line_tokens_to_classed_spans, ClassStyle};
use syntect::parsing::{ParseState, ScopeStack, ScopeStackOp, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Class prefix, so highlighting never collides with the theme's own classes.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// The theme for dark mode when the site picks only a light one.
pub const DARK_THEME: &str = "base16-ocean.dark";

/// The light theme when the site names none.
pub const LIGHT_THEME: &str = "InspiredGitHub";

// Loaded once per process and only when a page has code: most governance pages have none.
fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn themes() -> &'static ThemeSet {
    static THEMES: OnceLock<ThemeSet> = OnceLock::new();
    THEMES.get_or_init(ThemeSet::load_defaults)
}

/// Names of the built-in highlight themes.
pub fn theme_names() -> Vec<&'static str> {
    themes().themes.keys().map(String::as_str).collect()
}

/// `code` as classed HTML spans; `None` when the language is unknown (shown plain).
///
/// What syntect's `ClassedHTMLGenerator` writes, line by line, with each line's parse taken
/// from [`LineMemo`] when the same line was parsed from the same state before.
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut state = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut html = String::with_capacity(code.len() * 4);
    let mut open_spans: isize = 0;
    LINES.with_borrow_mut(|memo| {
        for line in LinesWithEndings::from(code) {
            let ops = memo.parse(&mut state, line, set)?;
            let (spans, delta) = line_tokens_to_classed_spans(line, ops, STYLE, &mut scopes).ok()?;
            open_spans += delta;
            html.push_str(&spans);
        }
        Some(())
    })?;
    for _ in 0..open_spans {
        html.push_str("</span>");
    }
    Some(html)
}

thread_local! {
    static LINES: RefCell<LineMemo> = RefCell::new(LineMemo::default());
}

/// Parsed lines, by their text and the parser's state before them (one memo per render
/// thread). Parsing a line is a function of those two alone, and the regular expressions
/// of the syntax definitions are most of a build's time; code repeats lines (`}`, `fi`,
/// an empty line, an import) in the same state, and a repeated line is not parsed again.
///
/// Bounded: once full it keeps what it has (the lines that repeat most are met early) and
/// remembers nothing more, so code whose lines never repeat costs at most
/// [`LineMemo::MAX_ENTRIES`] parses' memory per thread (~2.5 KB each) and a lookup per line.
#[derive(Default)]
struct LineMemo {
    by_line: HashMap<String, Vec<ParsedLine>, foldhash::fast::RandomState>,
    entries: usize,
    /// The last parse that was not kept (the memo is full).
    unkept: Vec<(usize, ScopeStackOp)>,
}

/// A line's parse from one state: the scope operations and the state after it.
struct ParsedLine {
    before: ParseState,
    ops: Vec<(usize, ScopeStackOp)>,
    after: ParseState,
}

impl LineMemo {
    /// The most parses kept by one thread.
    const MAX_ENTRIES: usize = 1 << 13;
    /// The most states kept for one line's text (an empty line occurs in many).
    const MAX_STATES: usize = 16;

    /// The scope operations of `line` parsed from `state`, which moves on past the line.
    fn parse(&mut self, state: &mut ParseState, line: &str, set: &SyntaxSet) -> Option<&[(usize, ScopeStackOp)]> {
        let found = self.by_line.get(line).and_then(|parses| parses.iter().position(|p| p.before == *state));
        let index = match found {
            Some(index) => index,
            None => {
                let known = self.by_line.get(line).map(Vec::len);
                if self.entries >= Self::MAX_ENTRIES || known.is_some_and(|n| n >= Self::MAX_STATES) {
                    self.unkept = state.parse_line(line, set).ok()?;
                    return Some(&self.unkept);
                }
                let before = state.clone();
                let ops = state.parse_line(line, set).ok()?;
                if known.is_none() {
                    self.by_line.insert(line.to_string(), Vec::new());
                }
                self.entries += 1;
                let parses = self.by_line.get_mut(line)?;
                parses.push(ParsedLine { before, ops, after: state.clone() });
                return parses.last().map(|p| p.ops.as_slice());
            }
        };
        let parsed = &self.by_line.get(line)?[index];
        state.clone_from(&parsed.after);
        Some(&parsed.ops)
    }
}

/// Highlighted code blocks by their language and code, kept across the rebuilds of `serve`:
/// highlighting is most of the cost of rendering a page, and an edit rarely touches code.
///
/// Keyed by the whole language and code (not a hash of them), so a cached block is always
/// the one asked for. Bounded: past [`Cache::MAX_BYTES`] it starts over, so a long session
/// of edits cannot grow it without end.
#[derive(Debug, Default)]
pub struct Cache {
    blocks: Mutex<CacheBlocks>,
}

#[derive(Debug, Default)]
struct CacheBlocks {
    by_code: HashMap<(String, String), Option<String>>,
    bytes: usize,
}

impl Cache {
    /// The most code and HTML kept, in bytes.
    pub const MAX_BYTES: usize = 64 << 20;

    /// [`highlight`] of `code` in `lang`, from the cache when it was highlighted before.
    pub fn highlight(&self, code: &str, lang: &str) -> Option<String> {
        let key = (lang.to_string(), code.to_string());
        if let Some(found) = self.lock().by_code.get(&key) {
            return found.clone();
        }
        // Highlighted outside the lock: pages render in parallel.
        let html = highlight(code, lang);
        let mut blocks = self.lock();
        let size = key.0.len() + key.1.len() + html.as_ref().map_or(0, String::len);
        if blocks.bytes + size > Self::MAX_BYTES {
            blocks.by_code.clear();
            blocks.bytes = 0;
        }
        blocks.bytes += size;
        blocks.by_code.insert(key, html.clone());
        html
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CacheBlocks> {
        // A panic elsewhere while holding the lock leaves a usable map.
        self.blocks.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The stylesheet for a highlight theme; `None` if no theme has that name.
///
/// Colours too faint to read on the theme's background (many themes grey their comments
/// out) are darkened or lightened to a contrast of at least 4.5:1 (WCAG AA), and code blocks
/// take the theme's background, so the ratio holds where the code is shown.
pub fn stylesheet(theme: &str) -> Option<String> {
    let mut theme = themes().themes.get(theme)?.clone();
    let background = theme.settings.background.unwrap_or(Color::WHITE);
    for item in &mut theme.scopes {
        if let Some(fg) = item.style.foreground.as_mut() {
            *fg = readable(*fg, item.style.background.unwrap_or(background));
        }
    }
    let foreground = theme.settings.foreground.map(|fg| readable(fg, background));
    theme.settings.foreground = foreground;
    let mut css = css_for_theme_with_class_style(&theme, STYLE).ok()?;
    let fg = foreground.map_or(String::new(), |c| format!(" color: {};", hex(c)));
    css.push_str(&format!("pre.code {{ background-color: {};{fg} }}\n", hex(background)));
    Some(css)
}

fn hex(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

/// WCAG relative luminance.
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `fg`, moved towards black (on light backgrounds) or white (on dark ones) until it reads
/// at 4.5:1 on `bg`.
fn readable(fg: Color, bg: Color) -> Color {
    let target = if luminance(bg) > 0.18 { Color::BLACK } else { Color::WHITE };
    let mix = |t: f64| {
        let channel = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Color { r: channel(fg.r, target.r), g: channel(fg.g, target.g), b: channel(fg.b, target.b), a: fg.a }
    };
    (0..=20).map(|step| mix(f64::from(step) * 0.05)).find(|c| contrast(*c, bg) >= 4.5).unwrap_or(target)
}

#[cfg(test)]
mod tests {
    /// What syntect's own generator writes for `code`.
    fn generated(code: &str, lang: &str) -> String {
        let set = super::syntaxes();
        let syntax = set.find_syntax_by_token(lang).unwrap();
        let mut generator = syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, set, super::STYLE);
        for line in super::LinesWithEndings::from(code) {
            generator.parse_html_for_line_which_includes_newline(line).unwrap();
        }
        generator.finalize()
    }

    #[test]
    fn remembered_lines_highlight_as_syntect_does() {
        // The same lines in other states: inside a string, a comment, a heredoc.
        let blocks = [
            ("python", "x = 1\ns = '''\nx = 1\n'''\nx = 1\n"),
            ("rust", "fn a() {}\n/*\nfn a() {}\n*/\nfn a() {}\n\"fn a() {}\nfn a() {}\"\n"),
            ("bash", "echo hi\ncat <<EOF\necho hi\nEOF\necho hi\n"),
            ("yaml", "a: 1\nb: |\n  a: 1\na: 1\n"),
            ("rust", "fn a() {}\n/*\nfn a() {}\n"),
        ];
        for _ in 0..2 {
            for (lang, code) in blocks {
                assert_eq!(super::highlight(code, lang).unwrap(), generated(code, lang), "{lang}: {code}");
            }
        }
    }

    #[test]
    fn highlights_known_languages_only() {
        let html = super::highlight("fn main() {}\n", "rust").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(super::highlight("x", "no-such-language").is_none());
        assert!(super::stylesheet(super::LIGHT_THEME).unwrap().contains(".hl-"));
    }

    #[test]
    fn every_colour_reads_at_aa_contrast() {
        for theme in [super::LIGHT_THEME, super::DARK_THEME] {
            let css = super::stylesheet(theme).unwrap();
            let bg = css.split("pre.code { background-color: #").nth(1).unwrap();
            let parse = |h: &str| super::Color {
                r: u8::from_str_radix(&h[0..2], 16).unwrap(),
                g: u8::from_str_radix(&h[2..4], 16).unwrap(),
                b: u8::from_str_radix(&h[4..6], 16).unwrap(),
                a: 255,
            };
            let bg = parse(bg);
            for block in css.split('}') {
                // A rule with its own background is read against that background.
                let own = block.split("background-color: #").nth(1).map(parse).unwrap_or(bg);
                for part in block.split(" color: #").skip(1) {
                    let c = parse(part);
                    assert!(super::contrast(c, own) >= 4.5, "{theme}: #{} in {block}", &part[..6]);
                }
            }
        }
    }
}
