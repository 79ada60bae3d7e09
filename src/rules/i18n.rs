//! `i18n/no-locale`: a portal language for which there are no interface strings.

use crate::diagnostics::Diagnostic;
use crate::model::Site;

/// `i18n/no-locale`: site.yaml's `language` is a good tag, but neither govsite nor the site's
/// `i18n/<tag>.yaml` has interface strings for it, so the portal's own words are English.
pub fn no_locale(site: &Site, out: &mut Vec<Diagnostic>) {
    let tag = site.site.language.as_str();
    // A tag that is not BCP 47 is `schema/language`'s to report.
    if icu_locale_core::Locale::try_from_str(tag).is_err() || !crate::i18n::Locale::for_site(site, tag).is_fallback() {
        return;
    }
    let bundled: Vec<String> = crate::i18n::BUNDLED.iter().map(|(t, _)| format!("`{t}`")).collect();
    out.push(
        Diagnostic::warning(
            "i18n/no-locale",
            &site.site.file,
            site.site.pos("language"),
            format!(
                "`language` is `{tag}`, but govsite has no interface text in that language; the portal's navigation, headings and labels are in English"
            ),
        )
        .with_label("no locale for this language")
        .with_help(format!(
            "add i18n/{tag}.yaml with the translated strings (copy a bundled locale, see docs/i18n.md), or write a language govsite ships: {}",
            bundled.join(", ")
        )),
    );
}
