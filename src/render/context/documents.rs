//! The decision log's outcome summary and the security policy's advisory channels.

use crate::model::{Channel, Site};
use serde::Serialize;

/// The outcomes decisions.yaml documents, in the order the summary lists them.
const OUTCOMES: [&str; 5] = ["accepted", "rejected", "deferred", "withdrawn", "superseded"];

/// How many decisions ended one way.
#[derive(Serialize)]
pub(super) struct OutcomeCount {
    outcome: &'static str,
    count: usize,
}

/// The documented outcomes that at least one decision has, with how many; an outcome
/// spelled otherwise is shown on its decision but not counted.
pub(super) fn outcomes(site: &Site) -> Vec<OutcomeCount> {
    let decisions = site.decisions.iter().flat_map(|d| d.decisions.iter());
    OUTCOMES
        .iter()
        .map(|&outcome| OutcomeCount {
            outcome,
            count: decisions.clone().filter(|d| d.outcome.as_deref() == Some(outcome)).count(),
        })
        .filter(|o| o.count > 0)
        .collect()
}

/// A channel the security policy publishes advisories on: the id as written and the
/// site.yaml channel it names (none when there is no such channel).
#[derive(Serialize)]
pub(super) struct Bulletin<'a> {
    id: &'a str,
    channel: Option<&'a Channel>,
}

/// The security policy's `bulletins`, in order; empty without a policy.
pub(super) fn bulletins(site: &Site) -> Vec<Bulletin<'_>> {
    let channels = &site.site.project.channels;
    let ids = site.security.iter().flat_map(|s| s.bulletins.iter());
    ids.map(|id| Bulletin { id, channel: channels.iter().find(|c| &c.id == id) }).collect()
}
