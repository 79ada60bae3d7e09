//! `govsite check --explain RULE`: what a rule checks, why it matters (the public criterion
//! behind it) and how to fix it. The texts are Markdown files in `explain/`, one per rule.

macro_rules! explanations {
    ($($id:literal => $file:literal),* $(,)?) => {
        /// (rule id, explanation).
        const TEXTS: &[(&str, &str)] = &[$(($id, include_str!(concat!("explain/", $file)))),*];
    };
}

explanations! {
    "check/config" => "check--config.md",
    "conduct/no-contact" => "conduct--no-contact.md",
    "conduct/no-enforcement" => "conduct--no-enforcement.md",
    "content/front-matter" => "content--front-matter.md",
    "content/path-conflict" => "content--path-conflict.md",
    "content/unsafe-link" => "content--unsafe-link.md",
    "elections/overdue" => "elections--overdue.md",
    "decisions/unknown-ref" => "decisions--unknown-ref.md",
    "files/missing" => "files--missing.md",
    "files/outside-link" => "files--outside-link.md",
    "files/symlink-loop" => "files--symlink-loop.md",
    "files/unreadable" => "files--unreadable.md",
    "groups/archived-on" => "groups--archived-on.md",
    "groups/limits" => "groups--limits.md",
    "i18n/missing" => "i18n--missing.md",
    "ladder/no-emeritus" => "ladder--no-emeritus.md",
    "ladder/no-inactivity" => "ladder--no-inactivity.md",
    "ladder/no-removal" => "ladder--no-removal.md",
    "ladder/no-requirements" => "ladder--no-requirements.md",
    "links/broken" => "links--broken.md",
    "people/account-mismatch" => "people--account-mismatch.md",
    "people/affiliation-history" => "people--affiliation-history.md",
    "people/affiliation-mismatch" => "people--affiliation-mismatch.md",
    "people/duplicate-id" => "people--duplicate-id.md",
    "portfolio/duplicate-project" => "portfolio--duplicate-project.md",
    "people/no-contact" => "people--no-contact.md",
    "people/inactive" => "people--inactive.md",
    "people/unknown-person" => "people--unknown-person.md",
    "project/license" => "project--license.md",
    "project/maturity-log" => "project--maturity-log.md",
    "project/no-contributing" => "project--no-contributing.md",
    "project/no-public-channel" => "project--no-public-channel.md",
    "roles/bad-path" => "roles--bad-path.md",
    "roles/bus-factor" => "roles--bus-factor.md",
    "roles/former-active" => "roles--former-active.md",
    "i18n/no-locale" => "i18n--no-locale.md",
    "roles/min-members" => "roles--min-members.md",
    "roles/no-affiliation" => "roles--no-affiliation.md",
    "roles/no-members" => "roles--no-members.md",
    "roles/org-cap" => "roles--org-cap.md",
    "roles/org-diversity" => "roles--org-diversity.md",
    "roles/over-seats" => "roles--over-seats.md",
    "roles/unknown-role" => "roles--unknown-role.md",
    "roles/vacancies" => "roles--vacancies.md",
    "schema/date" => "schema--date.md",
    "schema/enum" => "schema--enum.md",
    "schema/handle" => "schema--handle.md",
    "schema/language" => "schema--language.md",
    "schema/missing-field" => "schema--missing-field.md",
    "schema/name" => "schema--name.md",
    "schema/time" => "schema--time.md",
    "schema/type" => "schema--type.md",
    "schema/unknown-field" => "schema--unknown-field.md",
    "schema/url" => "schema--url.md",
    "security/no-policy" => "security--no-policy.md",
    "security/no-timeline" => "security--no-timeline.md",
    "text/placeholder" => "text--placeholder.md",
    "yaml/syntax" => "yaml--syntax.md",
}

/// The explanation of `rule`, if it has one.
pub fn text(rule: &str) -> Option<&'static str> {
    let full = TEXTS.iter().find(|(id, _)| *id == rule);
    // A short name (`org-diversity`) is enough when one rule has it.
    let mut short = TEXTS.iter().filter(|(id, _)| id.rsplit_once('/').is_some_and(|(_, name)| name == rule));
    let unique = match (short.next(), short.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    };
    full.or(unique).map(|(_, text)| *text)
}

/// Every rule, one per line: its id, default severity and what it finds.
pub fn index() -> String {
    let mut out = String::from("Every rule govsite checks (`govsite check --explain RULE` for one):\n\n");
    for rule in super::RULES {
        let severity = match rule.default {
            crate::diagnostics::Severity::Error => "error",
            crate::diagnostics::Severity::Warning => "warning",
        };
        out.push_str(&format!("  {:<28} {:<8} {}\n", rule.id, severity, rule.summary));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_unique_short_name_finds_its_rule() {
        assert_eq!(super::text("org-diversity"), super::text("roles/org-diversity"));
        assert!(super::text("org-diversity").is_some());
        assert!(super::index().lines().any(|l| l.trim_start().starts_with("links/broken") && l.contains("error")));
    }

    #[test]
    fn every_rule_is_explained() {
        for rule in super::super::RULES {
            let text = super::text(rule.id).unwrap_or_else(|| panic!("{} has no explanation", rule.id));
            assert!(text.starts_with(&format!("# {} (", rule.id)), "{} explanation has the wrong title", rule.id);
        }
    }
}
