//! The error overlay: what open pages show while the newest edit does not build.

use crate::diagnostics::{render_human, Diagnostic};
use crate::i18n::{Arg, Locale};
use std::path::Path;

/// Diagnostics the overlay lists; the rest are counted. Every open page receives the overlay
/// on every failed save, so a site with thousands of problems must not make it megabytes
/// long, and the first fifty are what one fixes first anyway.
pub const MAX_SHOWN: usize = 50;

/// Characters of one diagnostic shown; a longer one is cut. A diagnostic quoting a
/// 30,000-character value would otherwise make even fifty of them megabytes long.
pub const MAX_DIAGNOSTIC_CHARS: usize = 4000;

/// The markup, with `{title}`, `{next}`, `{text}` and `{more}` to fill in. Every element sets
/// its own colours, so no theme's rules (a light `pre` background, say) can make it
/// unreadable.
const TEMPLATE: &str = include_str!("overlay.html");

/// The overlay for a build stopped by `diagnostics`; `built` tells whether an earlier build
/// is still shown under it. Its own words are in the site's language (`locale`); the
/// diagnostics are govsite's messages, which are English.
pub fn for_diagnostics(diagnostics: &[Diagnostic], root: &Path, built: bool, locale: &Locale) -> String {
    let (text, hidden) = shown(diagnostics, root);
    let title = locale.text(if built { "serve.errors_built" } else { "serve.errors_unbuilt" });
    render(&title, built, &text, hidden, locale)
}

/// The first [`MAX_SHOWN`] diagnostics as text, errors first (they are what stops the build,
/// and must not be pushed out by warnings), each cut at [`MAX_DIAGNOSTIC_CHARS`]; and how
/// many were left out.
pub fn shown(diagnostics: &[Diagnostic], root: &Path) -> (String, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error());
    let ordered = errors.chain(diagnostics.iter().filter(|d| !d.is_error()));
    let mut text = String::new();
    for d in ordered.take(MAX_SHOWN) {
        let mut one = render_human(d, root, false);
        if let Some((cut, _)) = one.char_indices().nth(MAX_DIAGNOSTIC_CHARS) {
            one.truncate(cut);
            one.push_str("…\n\n");
        }
        text.push_str(&one);
    }
    (text, diagnostics.len().saturating_sub(MAX_SHOWN))
}

/// The overlay for a build that failed for another reason (an unreadable folder, say).
pub fn for_error(message: &str, built: bool, locale: &Locale) -> String {
    let title = locale.text(if built { "serve.failed_built" } else { "serve.failed_unbuilt" });
    render(&title, built, message, 0, locale)
}

fn render(title: &str, built: bool, text: &str, hidden: usize, locale: &Locale) -> String {
    let escape = crate::markdown::escape;
    let next = escape(&locale.text(if built { "serve.next_built" } else { "serve.next_unbuilt" }));
    let more = if hidden == 0 {
        String::new()
    } else {
        let command =
            "<code style=\"background:none;border:0;padding:0;color:inherit;font:inherit\">govsite check</code>";
        let line = locale
            .write(
                "serve.more",
                |name| match name {
                    "n" => Some(Arg::Number(i64::try_from(hidden).unwrap_or(i64::MAX))),
                    "command" => Some(Arg::Safe(command.into())),
                    _ => None,
                },
                &escape,
            )
            .unwrap_or_default();
        format!("<p style=\"margin:1rem 0 0;padding:0;background:none;color:#f5f5f5;font:inherit\">{line}</p>")
    };
    // The placeholders are filled in order and the text last, so nothing in the text can be
    // taken for a placeholder.
    TEMPLATE.trim_end().replace("{title}", &escape(title)).replace("{next}", &next).replace("{more}", &more).replacen(
        "{text}",
        &escape(text),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

    fn en() -> Locale {
        Locale::bundled("en")
    }

    #[test]
    fn speaks_the_site_language() {
        let zh = Locale::bundled("zh-CN");
        let shown = for_diagnostics(&errors(52), Path::new("/site"), true, &zh);
        assert!(shown.contains("站点有错误"), "{shown}");
        assert!(shown.contains("还有 2 个问题"), "{shown}");
        assert!(!shown.contains("last good build"), "{shown}");
    }

    fn errors(n: usize) -> Vec<Diagnostic> {
        (0..n)
            .map(|i| {
                Diagnostic::error(
                    "people/unknown-person",
                    "governance/roles.yaml",
                    Pos::default(),
                    format!("problem number {i}"),
                )
            })
            .collect()
    }

    #[test]
    fn shows_at_most_fifty_and_counts_the_rest() {
        let shown = for_diagnostics(&errors(230), Path::new("/site"), true, &en());
        assert!(shown.contains("problem number 49"));
        assert!(!shown.contains("problem number 50"), "the 51st is not shown");
        assert!(shown.contains("…and 180 more;"), "{shown}");
        let few = for_diagnostics(&errors(3), Path::new("/site"), true, &en());
        assert!(few.contains("problem number 2") && !few.contains("more;"));
    }

    #[test]
    fn a_long_diagnostic_is_cut() {
        let long = vec![Diagnostic::error("x/y", "a.yaml", Pos::default(), "z".repeat(50_000))];
        let (text, hidden) = shown(&long, Path::new("/site"));
        assert!(text.chars().count() <= MAX_DIAGNOSTIC_CHARS + 3 && text.ends_with("…\n\n"), "{}", text.len());
        assert_eq!(hidden, 0);
    }

    #[test]
    fn errors_come_before_warnings() {
        let mut found: Vec<Diagnostic> = (0..60)
            .map(|i| Diagnostic::warning("content/x", "content/a.md", Pos::default(), format!("a warning {i}")))
            .collect();
        found.extend(errors(1));
        let shown = for_diagnostics(&found, Path::new("/site"), true, &en());
        assert!(shown.contains("problem number 0"), "the error is shown");
        assert!(shown.contains("…and 11 more;"));
    }

    #[test]
    fn says_whether_anything_was_built() {
        let before = for_diagnostics(&errors(1), Path::new("/site"), false, &en());
        assert!(before.contains("nothing has built yet"), "{before}");
        assert!(!before.contains("last good build"), "{before}");
        assert!(for_diagnostics(&errors(1), Path::new("/site"), true, &en()).contains("the last good build is shown"));
        let failed = for_error("cannot read content/: permission denied <x>", false, &en());
        assert!(failed.contains("nothing has built yet") && failed.contains("permission denied &lt;x&gt;"));
    }

    #[test]
    fn sets_its_own_colours_on_the_preformatted_text() {
        let shown = for_diagnostics(&errors(1), Path::new("/site"), true, &en());
        let pre = shown.split("<pre ").nth(1).unwrap_or_default();
        let style = pre.split('>').next().unwrap_or_default();
        assert!(style.contains("background:#") && style.contains("color:#"), "{style}");
        assert!(shown.starts_with("<div id=\"govsite-overlay\" role=\"alertdialog\""));
    }
}
