//! Build-time code highlighting with syntect, as CSS classes so light and dark themes
//! switch in CSS alone.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use syntect::highlighting::{Color, ThemeSet};
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
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
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
    for line in LinesWithEndings::from(code) {
        generator.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(generator.finalize())
}

/// Highlighted code blocks by their language and code, kept across the rebuilds of `serve`:
/// highlighting is most of the cost of rendering a page, and an edit rarely touches code.
///
/// Keyed by the whole language and code (not a hash of them), so a cached block is always
/// the one asked for. Bounded: past [`Cache::MAX_BYTES`] it keeps what it has and remembers
/// nothing more, so a long session of edits cannot grow it without end, and a site with more
/// code than that does not throw away, again and again, blocks it will be asked for.
#[derive(Debug)]
pub struct Cache {
    blocks: Mutex<CacheBlocks>,
    limit: usize,
}

impl Default for Cache {
    fn default() -> Self {
        Cache { blocks: Mutex::default(), limit: Self::MAX_BYTES }
    }
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
        if blocks.bytes + size <= self.limit {
            blocks.bytes += size;
            blocks.by_code.insert(key, html.clone());
        }
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
    #[test]
    fn a_full_cache_keeps_what_it_has() {
        let first = "fn first() {}\n".repeat(20);
        let html = super::highlight(&first, "rust");
        let size = "rust".len() + first.len() + html.as_ref().map_or(0, String::len);
        // Room for the first block and not for a second.
        let cache = super::Cache { limit: size + 10, ..Default::default() };
        assert_eq!(cache.highlight(&first, "rust"), html);
        assert_eq!(cache.highlight("fn second() {}\n", "rust"), super::highlight("fn second() {}\n", "rust"));
        let kept = cache.lock();
        assert!(kept.by_code.contains_key(&("rust".to_string(), first)), "the first block is kept");
        assert_eq!((kept.by_code.len(), kept.bytes), (1, size), "nothing more is remembered");
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
