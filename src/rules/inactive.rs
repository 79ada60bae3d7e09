//! `people/inactive`: an active role holder whose recorded `last_active` is older than the
//! ladder's `inactivity_months`.
//!
//! Only recorded dates are judged — the rule never reads a repository — so `check` stays a
//! pure function of the site; `govsite activity --write` keeps the dates current.

use crate::diagnostics::Diagnostic;
use crate::model::{seats, Site};
use crate::today::{iso, months_before, parse_iso, today};

/// `people/inactive`.
pub fn inactive(site: &Site, out: &mut Vec<Diagnostic>) {
    // Without a stated period there is no promise to hold people to: `ladder/no-inactivity`
    // asks for one.
    let Some(months) = site.ladder.as_ref().and_then(|l| l.inactivity_months) else { return };
    let Some(people) = &site.people else { return };
    let cutoff = months_before(today(), months);
    for (i, person) in people.people.iter().enumerate() {
        if person.emeritus {
            continue;
        }
        // An unreadable date is `schema/date`'s to report.
        let Some(date) = person.last_active.as_deref().and_then(parse_iso) else { continue };
        if date >= cutoff {
            continue;
        }
        let roles: Vec<String> =
            seats::listings(site, &person.id).roles.iter().map(|r| format!("`{}`", r.id)).collect();
        if roles.is_empty() {
            continue;
        }
        let path = format!("people[{i}].last_active");
        out.push(
            Diagnostic::warning(
                "people/inactive",
                &people.file,
                people.pos(&path),
                format!(
                    "`{}` holds {} {} but was last active on {}, more than {months} months ago",
                    person.id,
                    if roles.len() == 1 { "role" } else { "roles" },
                    roles.join(", "),
                    iso(date)
                ),
            )
            .with_label(format!("before {}", iso(cutoff)))
            .with_help(format!(
                "if `{}` has stepped down, set `emeritus: true` in {}; if not, update `last_active` (`govsite activity --git REPO --write` reads it from the history)",
                person.id,
                people.file.display()
            )),
        );
    }
}
