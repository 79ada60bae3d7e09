//! CODE_OF_CONDUCT.md, SECURITY.md, CONTRIBUTING.md and LICENSE: the few facts govsite
//! needs from each, recognised by links and short phrases rather than by copying text.

use super::people::email_in;

/// A code of conduct recognised by its link or its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Conduct {
    /// `Contributor Covenant`, `CNCF Code of Conduct`, or `None` when not recognised.
    pub based_on: Option<&'static str>,
    /// `1.4`, `2.0`, `2.1`, `3.0` for the Contributor Covenant.
    pub version: Option<String>,
    /// Where the adopted text is published.
    pub url: Option<String>,
    /// The reporting address, unless the file still holds the template's `[INSERT …]`.
    pub contact: Option<String>,
}

const COVENANT_VERSIONS: &[&str] = crate::model::values::COVENANT_VERSIONS.values;

/// Reads CODE_OF_CONDUCT.md: the Contributor Covenant by its versioned link
/// (`contributor-covenant.org/version/2/1`) or its attribution sentence (`version 2.1`), the
/// CNCF code by its link, and the first e-mail address as the reporting contact.
pub fn conduct(text: &str) -> Conduct {
    let lower = text.to_lowercase();
    let mut version = None;
    if let Some(at) = lower.find("contributor-covenant.org/version/") {
        let rest = &lower[at + "contributor-covenant.org/version/".len()..];
        let v: String = rest.chars().take(3).collect::<String>().replace('/', ".");
        version = COVENANT_VERSIONS.iter().find(|known| **known == v).map(|v| v.to_string());
    }
    if version.is_none() && lower.contains("contributor covenant") {
        version = COVENANT_VERSIONS.iter().find(|v| lower.contains(&format!("version {v}"))).map(|v| v.to_string());
    }
    let cncf = lower.contains("github.com/cncf/foundation/blob/main/code-of-conduct.md")
        || lower.contains("cncf code of conduct");
    let (based_on, url) = match (&version, cncf) {
        (Some(v), _) => (
            Some("Contributor Covenant"),
            Some(format!("https://www.contributor-covenant.org/version/{}/code_of_conduct/", v.replace('.', "/"))),
        ),
        (None, true) => (
            Some("CNCF Code of Conduct"),
            Some("https://github.com/cncf/foundation/blob/main/code-of-conduct.md".into()),
        ),
        (None, false) if lower.contains("contributor covenant") => (Some("Contributor Covenant"), None),
        _ => (None, None),
    };
    let contact = if lower.contains("[insert") { None } else { email_in(text) };
    Conduct { based_on, version, url, contact }
}

/// The enforcement ladder's level names of a Contributor Covenant version: the headings of
/// its "Enforcement Guidelines" (2.0 and 2.1) or of its "Addressing and Repairing Harm"
/// (3.0). Other versions get one placeholder step.
pub fn covenant_levels(version: Option<&str>) -> &'static [&'static str] {
    match version {
        Some("2.0" | "2.1") => &["Correction", "Warning", "Temporary Ban", "Permanent Ban"],
        Some("3.0") => &["Warning", "Temporarily Limited Activities", "Temporary Suspension", "Permanent Ban"],
        _ => &[],
    }
}

/// SECURITY.md: a private reporting address, or GitHub's private vulnerability reporting.
#[derive(Debug, Clone, PartialEq)]
pub enum SecurityContact {
    /// An e-mail address.
    Email(String),
    /// A URL (GitHub's `security/advisories/new`).
    Url(String),
}

/// Reads SECURITY.md.
pub fn security(text: &str) -> Option<SecurityContact> {
    if let Some(email) = email_in(text) {
        return Some(SecurityContact::Email(email));
    }
    let at = text.find("https://github.com/")?;
    let url: String = text[at..].chars().take_while(|c| !c.is_whitespace() && !")>]\"'".contains(*c)).collect();
    url.contains("/security/advisories/new").then_some(SecurityContact::Url(url))
}

/// CONTRIBUTING.md: `dco` when it asks for `Signed-off-by` or the Developer Certificate of
/// Origin, `cla` when it asks for a Contributor License Agreement.
pub fn sign_off(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    if lower.contains("signed-off-by") || lower.contains("developer certificate of origin") || lower.contains(" dco") {
        Some("dco")
    } else if lower.contains("contributor license agreement") || lower.contains(" cla ") || lower.contains(" cla.") {
        Some("cla")
    } else {
        None
    }
}

/// LICENSE: the SPDX identifier of the few licences recognisable by their title.
pub fn license(text: &str) -> Option<&'static str> {
    let head: String = text.chars().take(600).collect::<String>().to_lowercase();
    let head = head.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        ("apache license version 2.0", "Apache-2.0"),
        ("apache license, version 2.0", "Apache-2.0"),
        ("mit license", "MIT"),
        ("mozilla public license version 2.0", "MPL-2.0"),
        ("gnu general public license version 3", "GPL-3.0-only"),
        ("bsd 3-clause", "BSD-3-Clause"),
        ("isc license", "ISC"),
    ]
    .iter()
    .find(|(title, _)| head.contains(title))
    .map(|(_, spdx)| *spdx)
}

/// An email address that is the template's example rather than a real one.
pub fn is_example(email: &str) -> bool {
    email.ends_with("@example.com") || email.ends_with("@example.org")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_covenant_versions_by_link_or_text() {
        let by_link = conduct("Adapted from https://www.contributor-covenant.org/version/2/1/code_of_conduct.html\nReport to conduct@acme.example.");
        assert_eq!(by_link.version.as_deref(), Some("2.1"));
        assert_eq!(by_link.contact.as_deref(), Some("conduct@acme.example"));
        let by_text = conduct(
            "This Code of Conduct is adapted from the Contributor Covenant, version 1.4.\n[INSERT EMAIL ADDRESS]",
        );
        assert_eq!((by_text.version.as_deref(), by_text.contact), (Some("1.4"), None));
        assert_eq!(conduct("We follow the CNCF Code of Conduct.").based_on, Some("CNCF Code of Conduct"));
        assert_eq!(conduct("Be nice.").based_on, None);
        assert_eq!(sign_off("All commits need a Signed-off-by line."), Some("dco"));
        assert_eq!(
            license(
                "                                 Apache License\n                           Version 2.0, January 2004"
            ),
            Some("Apache-2.0")
        );
    }
}
