//! `people/no-contact`: everyone listed can be reached; `people/affiliation-mismatch` and
//! `people/affiliation-history`: one current affiliation, and a history that reads forwards.

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Site};

fn blank(value: Option<&String>) -> bool {
    value.is_none_or(|v| v.trim().is_empty())
}

/// `people/no-contact`: a person with neither `github` nor `email`.
pub fn no_contact(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(people) = &site.people else { return };
    for (i, person) in people.people.iter().enumerate() {
        let reachable = !blank(person.github.as_ref())
            || !blank(person.email.as_ref())
            || person.accounts.values().any(|h| !h.trim().is_empty())
            || person.emails.iter().any(|e| !e.trim().is_empty());
        if reachable {
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

/// `people/affiliation-mismatch`: `affiliation` and the current entry of `affiliations` (the
/// one without `until`) name different organisations; counts would follow `affiliation`.
pub fn affiliation_mismatch(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(people) = &site.people else { return };
    for (i, person) in people.people.iter().enumerate() {
        let (Some(stated), Some(open)) = (person.affiliation.as_deref(), person.open_affiliation()) else { continue };
        let key = crate::model::seats::organisation_key;
        if key(stated) == key(&open.name) {
            continue;
        }
        let at = item_path("people", i);
        let j = person.affiliations.iter().position(|a| a.until.is_none()).unwrap_or(0);
        let entry = people.pos(&item_path(&field_path(&at, "affiliations"), j));
        out.push(
            Diagnostic::error(
                "people/affiliation-mismatch",
                &people.file,
                people.pos(&field_path(&at, "affiliation")),
                format!(
                    "`{}`'s affiliation is `{}`, but the current entry of `affiliations` (line {}) is `{}`",
                    person.id,
                    stated.trim(),
                    entry.line,
                    open.name.trim()
                ),
            )
            .with_label("differs from the current affiliation")
            .with_help(format!(
                "make `affiliation` `{}`, or end that entry with `until:` and add the new one; or drop `affiliation`, since the history says it",
                open.name.trim()
            )),
        );
    }
}

/// `people/affiliation-history`: an entry of `affiliations` that ends before it starts, or
/// more than one entry without `until` (which one is current?).
pub fn affiliation_history(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(people) = &site.people else { return };
    for (i, person) in people.people.iter().enumerate() {
        let list = field_path(&item_path("people", i), "affiliations");
        let mut first_open: Option<usize> = None;
        for (j, entry) in person.affiliations.iter().enumerate() {
            let at = item_path(&list, j);
            let dates = entry
                .from
                .as_deref()
                .and_then(crate::today::parse_iso)
                .zip(entry.until.as_deref().and_then(crate::today::parse_iso));
            if let Some((from, until)) = dates.filter(|(from, until)| from > until) {
                out.push(
                    Diagnostic::error(
                        "people/affiliation-history",
                        &people.file,
                        people.pos(&field_path(&at, "until")),
                        format!(
                            "`{}`'s affiliation with `{}` ends on {} before it starts on {}",
                            person.id,
                            entry.name.trim(),
                            crate::today::iso(until),
                            crate::today::iso(from)
                        ),
                    )
                    .with_label("before `from`")
                    .with_help("swap `from` and `until`, or correct the date"),
                );
            }
            if entry.until.is_some() {
                continue;
            }
            match first_open {
                None => first_open = Some(j),
                Some(k) => out.push(
                    Diagnostic::error(
                        "people/affiliation-history",
                        &people.file,
                        people.pos(&at),
                        format!(
                            "`{}` has two current affiliations: `{}` and `{}` (line {}) both lack `until`",
                            person.id,
                            entry.name.trim(),
                            person.affiliations[k].name.trim(),
                            people.pos(&item_path(&list, k)).line
                        ),
                    )
                    .with_label("a second entry without `until`")
                    .with_help("give every past affiliation an `until:` date; only the current one has none"),
                ),
            }
        }
    }
}
