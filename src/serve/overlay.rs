//! The error overlay: what open pages show while the newest edit does not build.

use crate::diagnostics::{render_human, Diagnostic};
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
/// is still shown under it.
pub fn for_diagnostics(diagnostics: &[Diagnostic], root: &Path, built: bool) -> String {
    let (text, hidden) = shown(diagnostics, root);
    let title = if built {
        "The site has errors; the last good build is shown"
    } else {
        "The site has errors, and nothing has built yet"
    };
    render(title, built, &text, hidden)
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
pub fn for_error(message: &str, built: bool) -> String {
    let title = if built {
        "The site could not be built; the last good build is shown"
    } else {
        "The site could not be built, and nothing has built yet"
    };
    render(title, built, message, 0)
}

fn render(title: &str, built: bool, text: &str, hidden: usize) -> String {
    let next = if built {
        "Fix the input and save; this page reloads by itself."
    } else {
        "Fix the problem below and save; this page then shows the site."
    };
    let more = if hidden == 0 {
        String::new()
    } else {
        format!(
            "<p style=\"margin:1rem 0 0;padding:0;background:none;color:#f5f5f5;font:inherit\">…and {hidden} more; <code style=\"background:none;border:0;padding:0;color:inherit;font:inherit\">govsite check</code> lists them all.</p>"
        )
    };
    let escape = crate::markdown::escape;
    // The placeholders are filled in order and the text last, so nothing in the text can be
    // taken for a placeholder.
    TEMPLATE.trim_end().replace("{title}", &escape(title)).replace("{next}", next).replace("{more}", &more).replacen(
        "{text}",
        &escape(text),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;

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
        let shown = for_diagnostics(&errors(230), Path::new("/site"), true);
        assert!(shown.contains("problem number 49"));
        assert!(!shown.contains("problem number 50"), "the 51st is not shown");
        assert!(shown.contains("…and 180 more;"), "{shown}");
        let few = for_diagnostics(&errors(3), Path::new("/site"), true);
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
        let shown = for_diagnostics(&found, Path::new("/site"), true);
        assert!(shown.contains("problem number 0"), "the error is shown");
        assert!(shown.contains("…and 11 more;"));
    }

    #[test]
    fn says_whether_anything_was_built() {
        let before = for_diagnostics(&errors(1), Path::new("/site"), false);
        assert!(before.contains("nothing has built yet"), "{before}");
        assert!(!before.contains("last good build"), "{before}");
        assert!(for_diagnostics(&errors(1), Path::new("/site"), true).contains("the last good build is shown"));
        let failed = for_error("cannot read content/: permission denied <x>", false);
        assert!(failed.contains("nothing has built yet") && failed.contains("permission denied &lt;x&gt;"));
    }

    #[test]
    fn sets_its_own_colours_on_the_preformatted_text() {
        let shown = for_diagnostics(&errors(1), Path::new("/site"), true);
        let pre = shown.split("<pre ").nth(1).unwrap_or_default();
        let style = pre.split('>').next().unwrap_or_default();
        assert!(style.contains("background:#") && style.contains("color:#"), "{style}");
        assert!(shown.starts_with("<div id=\"govsite-overlay\" role=\"alertdialog\""));
    }
}
