//! A way to report a vulnerability (`security/no-policy`) with stated response times
//! (`security/no-timeline`).

use crate::diagnostics::Diagnostic;
use crate::model::{item_path, Pos, Site};

/// `security/no-policy`: no governance/security.yaml.
pub fn no_policy(site: &Site, out: &mut Vec<Diagnostic>) {
    if site.security.is_some() {
        return;
    }
    // A security.yaml that failed to load is there all the same; the loader said why.
    let on_disk = ["yaml", "yml"].iter().any(|ext| site.root.join(format!("governance/security.{ext}")).is_file());
    if on_disk {
        return;
    }
    out.push(
        Diagnostic::warning(
            "security/no-policy",
            &site.site.file,
            Pos::START,
            "the site has no security policy, so there is no documented way to report a vulnerability",
        )
        .with_label("no governance/security.yaml")
        .with_help(
            "create governance/security.yaml with a private `contact: { email: security@… }`, `acknowledge_days` and `disclosure_days`; if the foundation handles reports, say so in a `check.exemptions` entry",
        ),
    );
}

/// `security/no-timeline`: no acknowledgement time (`acknowledge_days`, top-level or on every
/// contact) or no disclosure timeline (`disclosure_days`, or a `disclosure` text: a date
/// negotiated with the reporter is a timeline too).
pub fn no_timeline(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(sec) = &site.security else { return };
    if sec.acknowledge_days.is_none() {
        if sec.contacts.is_empty() {
            out.push(
                Diagnostic::warning(
                    "security/no-timeline",
                    &sec.file,
                    Pos::START,
                    "the security policy does not say how soon a report is acknowledged",
                )
                .with_label("no `acknowledge_days`")
                .with_help("add `acknowledge_days: 3` (or the number of days you commit to) to the security policy"),
            );
        }
        // With routes of their own, each route without a time is the one to fix.
        for (i, contact) in sec.contacts.iter().enumerate().filter(|(_, c)| c.acknowledge_days.is_none()) {
            let which = match contact.address.trim() {
                "" => format!("number {}", i + 1),
                address => format!("`{address}`"),
            };
            out.push(
                Diagnostic::warning(
                    "security/no-timeline",
                    &sec.file,
                    sec.pos(&item_path("contacts", i)),
                    format!("the security contact {which} does not say how soon a report is acknowledged"),
                )
                .with_label("no `acknowledge_days`")
                .with_help(
                    "add `acknowledge_days:` to this contact, or a top-level `acknowledge_days:` for all of them",
                ),
            );
        }
    }
    let described = sec.disclosure.as_ref().is_some_and(|d| !d.is_blank());
    if sec.disclosure_days.is_none() && !described {
        // A blank `disclosure:` is where the timeline was meant to go.
        let pos = if sec.source.contains("disclosure") { sec.key_pos("disclosure") } else { Pos::START };
        out.push(
            Diagnostic::warning(
                "security/no-timeline",
                &sec.file,
                pos,
                "the security policy does not say when a vulnerability is disclosed",
            )
            .with_label("no `disclosure_days` or `disclosure`")
            .with_help(
                "add `disclosure_days: 90` (or the timeline you commit to), or describe in `disclosure:` how the disclosure date is agreed",
            ),
        );
    }
}
