//! `project/license`: the project declares its licence as an SPDX identifier or expression.
//!
//! The `spdx` crate carries the whole SPDX licence list and the expression grammar
//! (`Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`, `LicenseRef-…`), so a
//! typo is caught and a near miss can be named.

use crate::diagnostics::Diagnostic;
use crate::model::{Pos, Site};

/// Strict SPDX, except that deprecated ids (`GPL-2.0`) are still SPDX ids.
const MODE: spdx::ParseMode = spdx::ParseMode { allow_deprecated: true, ..spdx::ParseMode::STRICT };

/// `project/license`: `license` is missing or not an SPDX identifier.
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    let s = &site.site;
    let value = s.project.license.as_deref().map(str::trim).unwrap_or("");
    if value.is_empty() {
        let pos = if s.source.contains("project.license") {
            s.key_pos("project.license")
        } else if s.source.contains("project") {
            s.key_pos("project")
        } else {
            Pos::START
        };
        out.push(
            Diagnostic::warning("project/license", &s.file, pos, "the project does not declare its licence")
                .with_label("no `license`")
                .with_help("add `license:` under `project` with the SPDX identifier of the licence, e.g. `license: Apache-2.0`"),
        );
        return;
    }
    let Err(error) = spdx::Expression::parse_mode(value, MODE) else { return };
    // In an expression, name the term that is wrong; a lone name is wrong as a whole
    // (`Apache 2` is one mistaken name, not an unknown `Apache` followed by `2`).
    let expression = value.contains('(')
        || value.split_whitespace().any(|w| ["AND", "OR", "WITH"].iter().any(|op| w.eq_ignore_ascii_case(op)));
    let term = if expression {
        value.get(error.span.clone()).map(str::trim).filter(|t| !t.is_empty()).unwrap_or(value)
    } else {
        value
    };
    let mut help = match suggestion(value, term) {
        Some(id) if term == value => format!("did you mean `{id}`? "),
        Some(id) => format!("did you mean `{id}` instead of `{term}`? "),
        None => String::new(),
    };
    help.push_str("Use an identifier of https://spdx.org/licenses/, or an expression such as `Apache-2.0 OR MIT`");
    let message = if term == value {
        format!("`{value}` is not an SPDX licence identifier")
    } else {
        format!("`{value}` is not a valid SPDX licence expression: `{term}` is not recognised")
    };
    out.push(
        Diagnostic::warning("project/license", &s.file, s.pos("project.license"), message)
            .with_label("not SPDX")
            .with_help(help),
    );
}

/// The SPDX id the author most likely meant.
fn suggestion(value: &str, term: &str) -> Option<&'static str> {
    let ids = || spdx::identifiers::LICENSES.iter().filter(|l| l.flags & spdx::flags::IS_DEPRECATED == 0);
    // Case is the commonest slip: `mit`, `apache-2.0`.
    if let Some(l) = ids().find(|l| l.name.eq_ignore_ascii_case(term)) {
        return Some(l.name);
    }
    // Then names people write instead of ids: `Apache 2.0`, `BSD 3-Clause`, `GPLv3`.
    if let Some((id, _)) = spdx::imprecise_license_id(value).or_else(|| spdx::imprecise_license_id(term)) {
        return Some(id.name);
    }
    crate::suggest::closest(term, ids().map(|l| l.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(text: &str) -> bool {
        spdx::Expression::parse_mode(text, MODE).is_ok()
    }

    #[test]
    fn accepts_ids_and_expressions() {
        assert!(valid("Apache-2.0"));
        assert!(valid("Apache-2.0 OR MIT"));
        assert!(valid("GPL-2.0-only WITH Classpath-exception-2.0"));
        assert!(valid("LicenseRef-Acme-Proprietary"));
        assert!(!valid("Apache 2"));
        assert!(!valid("mit"));
    }

    #[test]
    fn suggests_the_meant_id() {
        assert_eq!(suggestion("mit", "mit"), Some("MIT"));
        assert_eq!(suggestion("Apache 2.0", "Apache"), Some("Apache-2.0"));
        assert_eq!(suggestion("MTI", "MTI"), Some("MIT"));
        assert_eq!(suggestion("Apache-2.0 OR mit", "mit"), Some("MIT"));
    }
}
