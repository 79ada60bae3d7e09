//! `schema/missing-field`: required keys that are absent or empty.

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Doc, Site};

/// Reports each required field that is absent or empty.
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    let s = &site.site;
    require(out, s, "", "title", s.title.trim().is_empty());
    require(out, s, "", "base_url", s.base_url.trim().is_empty());
    require(out, s, "", "project", s.project.name.trim().is_empty() && !s.source.contains("project"));
    if s.source.contains("project") {
        require(out, s, "project", "name", s.project.name.trim().is_empty());
    }
    for (i, nav) in s.nav.iter().enumerate() {
        let at = item_path("nav", i);
        require(out, s, &at, "title", nav.title.trim().is_empty());
        require(out, s, &at, "url", nav.url.trim().is_empty());
    }
    for (i, e) in s.check.exemptions.iter().enumerate() {
        let at = item_path("check.exemptions", i);
        require(out, s, &at, "rule", e.rule.trim().is_empty());
        require(out, s, &at, "reason", e.reason.is_blank());
    }

    if let Some(c) = &site.charter {
        require(out, c, "", "mission", c.mission.is_blank());
        require(out, c, "", "scope", c.scope.in_scope.is_empty() && !c.source.contains("scope"));
        if c.source.contains("scope") {
            require(out, c, "scope", "in", c.scope.in_scope.is_empty());
        }
        let dm = &c.decision_making;
        if c.source.contains("decision_making") {
            require(out, c, "decision_making", "model", dm.model.trim().is_empty());
            require(out, c, "decision_making", "body", dm.body.trim().is_empty());
            require(out, c, "decision_making", "voting", dm.model == "voting" && dm.voting.is_none());
        } else {
            require(out, c, "", "decision_making", true);
        }
        require(out, c, "", "amendments", c.amendments.is_blank());
    }
    if let Some(p) = &site.people {
        for (i, person) in p.people.iter().enumerate() {
            let at = item_path("people", i);
            require(out, p, &at, "id", person.id.trim().is_empty());
            require(out, p, &at, "name", person.name.trim().is_empty());
        }
    }
    if let Some(r) = &site.roles {
        for (i, role) in r.roles.iter().enumerate() {
            let at = item_path("roles", i);
            require(out, r, &at, "id", role.id.trim().is_empty());
            require(out, r, &at, "name", role.name.trim().is_empty());
            require(out, r, &at, "description", role.description.is_blank());
            require(out, r, &at, "responsibilities", role.responsibilities.iter().all(|t| t.is_blank()));
        }
    }
    if let Some(l) = &site.ladder {
        require(out, l, "", "levels", l.levels.is_empty());
        for (i, level) in l.levels.iter().enumerate() {
            let at = item_path("levels", i);
            require(out, l, &at, "id", level.id.trim().is_empty());
            require(out, l, &at, "name", level.name.trim().is_empty());
        }
    }
    if let Some(c) = &site.code_of_conduct {
        let by_reference = c.based_on.as_ref().is_some_and(|b| b.by_reference);
        if !by_reference {
            require(out, c, "", "pledge", c.pledge.as_ref().is_none_or(|t| t.is_blank()));
            require(out, c, "", "standards", c.standards.is_none());
            require(out, c, "", "scope", c.scope.as_ref().is_none_or(|t| t.is_blank()));
        }
    }
    if let Some(sec) = &site.security {
        require(out, sec, "", "contact", sec.contact.is_none() && sec.contacts.is_empty());
    }
    if let Some(g) = &site.groups {
        for (i, group) in g.groups.iter().enumerate() {
            let at = item_path("groups", i);
            require(out, g, &at, "id", group.id.trim().is_empty());
            require(out, g, &at, "name", group.name.trim().is_empty());
        }
    }
    if let Some(d) = &site.decisions {
        for (i, decision) in d.decisions.iter().enumerate() {
            let at = item_path("decisions", i);
            require(out, d, &at, "id", decision.id.trim().is_empty());
            require(out, d, &at, "date", decision.date.trim().is_empty());
            require(out, d, &at, "title", decision.title.trim().is_empty());
        }
    }
}

/// Reports `field` of the mapping at `parent` when `missing`: at the empty value if the key
/// is there, else at the mapping that lacks it.
fn require<T>(out: &mut Vec<Diagnostic>, doc: &Doc<T>, parent: &str, field: &str, missing: bool) {
    if !missing {
        return;
    }
    let path = field_path(parent, field);
    let whereabouts = if parent.is_empty() { String::new() } else { format!(" in `{parent}`") };
    let diagnostic = if doc.source.contains(&path) {
        Diagnostic::error(
            "schema/missing-field",
            &doc.file,
            doc.key_pos(&path),
            format!("required key `{field}` is empty{whereabouts}"),
        )
        .with_label("empty")
        .with_help(format!("give `{field}` a value (see docs/format.md)"))
    } else {
        Diagnostic::error(
            "schema/missing-field",
            &doc.file,
            doc.key_pos(parent),
            format!("required key `{field}` is missing{whereabouts}"),
        )
        .with_help(format!("add `{field}:` here (see docs/format.md)"))
    };
    out.push(diagnostic);
}
