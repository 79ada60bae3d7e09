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
    "decisions/unknown-ref" => "decisions--unknown-ref.md",
    "files/missing" => "files--missing.md",
    "files/outside-link" => "files--outside-link.md",
    "files/symlink-loop" => "files--symlink-loop.md",
    "files/unreadable" => "files--unreadable.md",
    "ladder/no-emeritus" => "ladder--no-emeritus.md",
    "ladder/no-inactivity" => "ladder--no-inactivity.md",
    "ladder/no-removal" => "ladder--no-removal.md",
    "ladder/no-requirements" => "ladder--no-requirements.md",
    "links/broken" => "links--broken.md",
    "people/duplicate-id" => "people--duplicate-id.md",
    "portfolio/duplicate-project" => "portfolio--duplicate-project.md",
    "people/no-contact" => "people--no-contact.md",
    "people/unknown-person" => "people--unknown-person.md",
    "project/license" => "project--license.md",
    "project/no-contributing" => "project--no-contributing.md",
    "project/no-public-channel" => "project--no-public-channel.md",
    "roles/bus-factor" => "roles--bus-factor.md",
    "roles/min-members" => "roles--min-members.md",
    "roles/no-affiliation" => "roles--no-affiliation.md",
    "roles/no-members" => "roles--no-members.md",
    "roles/org-diversity" => "roles--org-diversity.md",
    "roles/unknown-role" => "roles--unknown-role.md",
    "schema/date" => "schema--date.md",
    "schema/enum" => "schema--enum.md",
    "schema/language" => "schema--language.md",
    "schema/missing-field" => "schema--missing-field.md",
    "schema/name" => "schema--name.md",
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
    TEXTS.iter().find(|(id, _)| *id == rule).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_is_explained() {
        for rule in super::super::RULES {
            let text = super::text(rule.id).unwrap_or_else(|| panic!("{} has no explanation", rule.id));
            assert!(text.starts_with(&format!("# {} (", rule.id)), "{} explanation has the wrong title", rule.id);
        }
    }
}
