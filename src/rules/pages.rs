//! `content/path-conflict`: two pages published at the same address.

use crate::diagnostics::Diagnostic;
use crate::model::{Pos, Site};
use std::collections::HashMap;

/// Addresses govsite publishes besides the documents' pages; a Markdown page there would be
/// overwritten.
const GENERATED: [&str; 2] = ["search", "assets"];

/// Reports a page whose address is a generated page's or another page's.
pub fn conflicts(site: &Site, out: &mut Vec<Diagnostic>) {
    let default = site.site.default_language();
    // A further language's pages are published under its prefix (`zh-cn/`).
    let prefixes: Vec<String> =
        site.site.languages().into_iter().filter(|l| *l != default).map(|l| l.to_lowercase()).collect();
    let mut seen: HashMap<(&str, &str), &std::path::Path> = HashMap::new();
    for page in &site.pages {
        let first = page.path.split('/').next().unwrap_or("");
        let generated = GENERATED.contains(&first) || crate::model::documents::document(first).is_some();
        if page.path == first && generated {
            out.push(
                Diagnostic::error(
                    "content/path-conflict",
                    &page.file,
                    Pos::START,
                    format!("this page would be published at `/{}/`, where govsite publishes its own page", page.path),
                )
                .with_help("rename the file (its name is its address), e.g. add a suffix like `-notes`"),
            );
        } else if prefixes.iter().any(|p| p == first) {
            out.push(
                Diagnostic::error(
                    "content/path-conflict",
                    &page.file,
                    Pos::START,
                    format!("this page would be published under `/{first}/`, where the portal's {first} pages are"),
                )
                .with_help(format!(
                    "rename the folder or file; a translation is written beside its page, as `name.{first}.md`"
                )),
            );
        } else if let Some(other) = seen.get(&(page.path.as_str(), page.language_or(default))) {
            out.push(
                Diagnostic::error(
                    "content/path-conflict",
                    &page.file,
                    Pos::START,
                    format!("this page and {} are both published at `/{}/`", other.display(), page.path),
                )
                .with_help("rename one of them: `a.md` and `a/index.md` (or `a/_index.md`) share an address"),
            );
        } else {
            seen.insert((&page.path, page.language_or(default)), &page.file);
        }
    }
}
