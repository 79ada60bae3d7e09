//! The health of the deciding body: `roles/bus-factor`, `roles/org-diversity` and
//! `roles/no-affiliation`.

use super::members;
use crate::diagnostics::Diagnostic;
use crate::model::seats::{deciding_body, organisation_key as organisation};
use crate::model::Site;

/// `roles/bus-factor`: the deciding body has fewer than 2 active members.
pub fn bus_factor(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(body) = deciding_body(site) else { return };
    let n = body.seats.len();
    if n >= 2 {
        return;
    }
    let message = match body.seats.first() {
        Some(seat) => format!("the deciding body, {}, has only one active member, `{}`", body.name(), seat.person),
        None => format!("the deciding body, {}, has no active members", body.name()),
    };
    out.push(
        Diagnostic::warning("roles/bus-factor", body.origin.file, body.pos, message).with_label(members(n)).with_help(
            format!(
                "add at least {} more active member{} to `{}` in {}, so that no decision rests on a single person",
                2 - n,
                if n == 0 { "s" } else { "" },
                body.id,
                body.file.display()
            ),
        ),
    );
}

/// `roles/org-diversity`: one affiliation holds more than half of the deciding body.
///
/// Every active member counts in the total; members without an affiliation (reported by
/// `roles/no-affiliation`) and `Independent` members each stand for themselves.
pub fn org_diversity(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(body) = deciding_body(site) else { return };
    let total = body.seats.len();
    // (organisation key, spelling first seen, seats held), in order of first appearance.
    let mut held: Vec<(String, &str, usize)> = Vec::new();
    for seat in &body.seats {
        let Some(affiliation) = site.person(seat.person).and_then(|p| p.affiliation.as_deref()) else { continue };
        let key = organisation(affiliation);
        if key.is_empty() || key == "independent" {
            continue;
        }
        match held.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => held.push((key, affiliation.trim(), 1)),
        }
    }
    for (_, name, n) in held {
        if n * 2 <= total {
            continue;
        }
        // Seats from other organisations needed so that `n` is at most half of the body.
        let more = 2 * n - total;
        out.push(
            Diagnostic::warning(
                "roles/org-diversity",
                body.origin.file,
                body.pos,
                format!("{name} holds {n} of the {total} active seats of the deciding body, {}, more than half", body.name()),
            )
            .with_label(format!("{n} of {total} from {name}"))
            .with_help(format!(
                "add at least {more} active member{} from other organisations to `{}`, or correct the affiliations in governance/people.yaml",
                crate::wording::plural_s(more as u64),
                body.id
            )),
        );
    }
}

/// `roles/no-affiliation`: an active member of the deciding body without an affiliation.
pub fn no_affiliation(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(body) = deciding_body(site) else { return };
    let known: Vec<&str> = site
        .people
        .iter()
        .flat_map(|p| p.people.iter())
        .filter_map(|p| p.affiliation.as_deref().map(str::trim))
        .filter(|a| !a.is_empty())
        .collect();
    for seat in &body.seats {
        // An unknown id is `people/unknown-person`'s to report.
        let Some(person) = site.person(seat.person) else { continue };
        if person.affiliation.as_deref().is_some_and(|a| !organisation(a).is_empty()) {
            continue;
        }
        let example = known.first().copied().unwrap_or("Example Corp");
        out.push(
            Diagnostic::warning(
                "roles/no-affiliation",
                seat.origin.file,
                seat.pos(),
                format!("`{}`, an active member of the deciding body, {}, has no affiliation", seat.person, body.name()),
            )
            .with_label("no affiliation")
            .with_help(format!(
                "add `affiliation:` to `{}` in governance/people.yaml: their employer (e.g. `{example}`), or `Independent`",
                seat.person
            )),
        );
    }
}
