//! The code of conduct can be acted on: someone receives reports (`conduct/no-contact`)
//! and the consequences are written down (`conduct/no-enforcement`).

use crate::diagnostics::Diagnostic;
use crate::model::{Contact, Pos, Site};

fn given(value: Option<&String>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

/// A contact someone could actually write to: an e-mail address, a URL or a person.
fn reachable(c: &Contact) -> bool {
    given(c.email.as_ref()) || given(c.url.as_ref()) || given(c.person.as_ref())
}

/// `conduct/no-contact`: no reporting contact with an e-mail address, URL or person.
pub fn no_contact(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(coc) = &site.code_of_conduct else { return };
    let contacts = &coc.reporting.contacts;
    if contacts.iter().any(reachable) {
        return;
    }
    let pos = if coc.source.contains("reporting") { coc.key_pos("reporting") } else { Pos::START };
    let message = if contacts.is_empty() {
        "the code of conduct names no one to report a problem to"
    } else {
        "no reporting contact of the code of conduct has an e-mail address, URL or person"
    };
    out.push(
        Diagnostic::error("conduct/no-contact", &coc.file, pos, message)
            .with_label("no reporting contact")
            .with_help(
                "add a contact under `reporting.contacts`, e.g. `- { name: Conduct Committee, email: conduct@example.org }` or `- { person: <id> }`",
            ),
    );
}

/// `conduct/no-enforcement`: the enforcement ladder is empty.
pub fn no_enforcement(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(coc) = &site.code_of_conduct else { return };
    if !coc.enforcement.is_empty() {
        return;
    }
    let pos = if coc.source.contains("enforcement") { coc.key_pos("enforcement") } else { Pos::START };
    out.push(
        Diagnostic::error("conduct/no-enforcement", &coc.file, pos, "the code of conduct has no enforcement ladder")
            .with_label("no enforcement steps")
            .with_help(
                "list the consequences of a breach under `enforcement:`, mildest first, e.g. `- { level: Correction, impact: …, consequence: … }`",
            ),
    );
}
