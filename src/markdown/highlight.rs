//! Build-time code highlighting with syntect, as CSS classes so light and dark themes
//! switch in CSS alone.

use std::sync::OnceLock;
use syntect::highlighting::ThemeSet;
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

/// The stylesheet for a highlight theme; `None` if no theme has that name.
pub fn stylesheet(theme: &str) -> Option<String> {
    let theme = themes().themes.get(theme)?;
    css_for_theme_with_class_style(theme, STYLE).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn highlights_known_languages_only() {
        let html = super::highlight("fn main() {}\n", "rust").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(super::highlight("x", "no-such-language").is_none());
        assert!(super::stylesheet(super::LIGHT_THEME).unwrap().contains(".hl-"));
    }
}
