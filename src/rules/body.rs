//! The health of the deciding body: `roles/bus-factor`, `roles/org-diversity` and
//! `roles/no-affiliation`.

use super::members;
use crate::diagnostics::Diagnostic;
use crate::model::seats::{self, deciding_body, organisation_key as organisation};
use crate::model::{field_path, item_path, Site};

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

/// `roles/org-diversity`: one affiliation holds more than half of the deciding body — or,
/// when the body is a role with `max_per_organization`, more than that cap.
///
/// Every active member counts in the total; members without an affiliation (reported by
/// `roles/no-affiliation`) and independent members each stand for themselves. A cap is the
/// project's own answer to "how much may one employer hold": PEP 13 allows 2 of 5 seats,
/// so 2 of 3 during a vacancy is fine and 3 of 7 is not, which "more than half" gets wrong
/// both ways.
pub fn org_diversity(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(body) = super::diversity_body(site) else { return };
    let total = body.seats.len();
    let cap = seats::cap(site, &body);
    // A capped body is pointed at where the cap is written; a version-1 body, as before.
    let (origin, pos) = match (cap, site.roles.as_ref()) {
        (Some(_), Some(roles)) => {
            let i = roles.roles.iter().position(|r| r.id == body.id).unwrap_or_default();
            (roles.origin(), roles.key_pos(&field_path(&item_path("roles", i), "max_per_organization")))
        }
        _ => (body.origin, body.pos),
    };
    for (name, n) in seats::seats_by_organisation(site, &body.seats) {
        let (over, why, more) = match cap {
            Some(cap) => {
                let limit = usize::try_from(cap).unwrap_or(usize::MAX);
                (n > limit, format!("more than its cap of {cap} per organisation"), n.saturating_sub(limit))
            }
            // Seats from other organisations needed so that `n` is at most half of the body.
            None => (n * 2 > total, "more than half".to_string(), (2 * n).saturating_sub(total)),
        };
        if !over {
            continue;
        }
        let help = match cap {
            Some(_) => format!(
                "{} from {name} must leave `{}`, or correct the affiliations in governance/people.yaml",
                crate::wording::count(more as u64, "member"),
                body.id
            ),
            None => format!(
                "add at least {more} active member{} from other organisations to `{}`, or correct the affiliations in governance/people.yaml",
                crate::wording::plural_s(more as u64),
                body.id
            ),
        };
        out.push(
            Diagnostic::warning(
                "roles/org-diversity",
                origin.file,
                pos,
                format!("{name} holds {n} of the {total} active seats of the deciding body, {}, {why}", body.name()),
            )
            .with_label(format!("{n} of {total} from {name}"))
            .with_help(help),
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
        .filter_map(|p| p.current_affiliation().map(str::trim))
        .filter(|a| !a.is_empty())
        .collect();
    for seat in &body.seats {
        // An unknown id is `people/unknown-person`'s to report.
        let Some(person) = site.person(seat.person) else { continue };
        if person.independent || person.current_affiliation().is_some_and(|a| !organisation(a).is_empty()) {
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
