//! `people/inactive`: an active role holder whose recorded `last_active` is older than the
//! ladder's `inactivity_months`.
//!
//! Only recorded dates are judged — the rule never reads a repository — so `check` stays a
//! pure function of the site; `govsite activity --write` keeps the dates current.

use crate::diagnostics::Diagnostic;
use crate::model::{seats, Person, Site};
use crate::today::{iso, months_before, parse_iso, today};
use time::Date;

/// The day before which a recorded `last_active` is too old: `inactivity_months` before
/// today. `None` when the ladder states no period.
fn cutoff(site: &Site) -> Option<Date> {
    let months = site.ladder.as_ref().and_then(|l| l.inactivity_months)?;
    Some(months_before(today(), months))
}

/// Whether `person` was last active before `cutoff`. No date, or an unreadable one
/// (`schema/date`'s to report), is no evidence of inactivity.
fn inactive_since(person: &Person, cutoff: Date) -> bool {
    person.last_active.as_deref().and_then(parse_iso).is_some_and(|date| date < cutoff)
}

/// The deciding body as the organisational-diversity figures count it — the one definition
/// that `roles/org-diversity`, the portal's chart and `govsite diff` share. With site.yaml's
/// `diversity.active_only` and the ladder's `inactivity_months`, members whose
/// `last_active` is older than the period are left out; otherwise every active (not
/// emeritus) member counts, as `seats::deciding_body` lists them.
pub fn diversity_body(site: &Site) -> Option<seats::Body<'_>> {
    let mut body = seats::deciding_body(site)?;
    if let Some(cutoff) = cutoff(site).filter(|_| site.site.diversity.active_only) {
        body.seats.retain(|seat| site.person(seat.person).is_none_or(|p| !inactive_since(p, cutoff)));
    }
    Some(body)
}

/// `people/inactive`.
pub fn inactive(site: &Site, out: &mut Vec<Diagnostic>) {
    // Without a stated period there is no promise to hold people to: `ladder/no-inactivity`
    // asks for one.
    let Some(months) = site.ladder.as_ref().and_then(|l| l.inactivity_months) else { return };
    let Some(cutoff) = cutoff(site) else { return };
    let Some(people) = &site.people else { return };
    for (i, person) in people.people.iter().enumerate() {
        if person.emeritus || !inactive_since(person, cutoff) {
            continue;
        }
        let Some(date) = person.last_active.as_deref().and_then(parse_iso) else { continue };
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
