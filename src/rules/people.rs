//! `people/no-contact`: everyone listed can be reached.

use crate::diagnostics::Diagnostic;
use crate::model::{item_path, Site};

fn blank(value: Option<&String>) -> bool {
    value.is_none_or(|v| v.trim().is_empty())
}

/// `people/no-contact`: a person with neither `github` nor `email`.
pub fn no_contact(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(people) = &site.people else { return };
    for (i, person) in people.people.iter().enumerate() {
        if !blank(person.github.as_ref()) || !blank(person.email.as_ref()) {
            continue;
        }
        let who = if person.name.trim().is_empty() {
            format!("`{}`", person.id)
        } else {
            format!("`{}` ({})", person.id, person.name.trim())
        };
        out.push(
            Diagnostic::warning(
                "people/no-contact",
                &people.file,
                people.pos(&item_path("people", i)),
                format!("{who} has neither a GitHub handle nor an e-mail address"),
            )
            .with_label("no way to reach this person")
            .with_help(format!(
                "add `github: <handle>` or `email: <address>` to `{}` in {}",
                person.id,
                people.file.display()
            )),
        );
    }
}
