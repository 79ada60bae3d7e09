//! The thresholds of a `decision_making` block as the portal and GOVERNANCE.md show them:
//! each with its label, the body that votes on it and the body that may veto it, by name.
//!
//! Worked out once here so that the charter page, the groups page and the export say the
//! same thing, and so that a version-1 charter (no threshold details) is shown as before.

use super::{DecisionMaking, Site, Threshold};
use serde::Serialize;

/// A threshold with what a reader needs resolved.
#[derive(Debug, Serialize)]
pub struct ThresholdView<'a> {
    /// The threshold as written.
    #[serde(flatten)]
    pub threshold: &'a Threshold,
    /// The decision as shown (see [`Threshold::label`]).
    pub label: String,
    /// The id of the role or group that votes: its own `body`, else the block's.
    pub voted_by: &'a str,
    /// That body's name.
    pub voted_by_name: &'a str,
    /// The name of the role or group that may veto.
    pub veto_name: Option<&'a str>,
}

/// The thresholds of one `decision_making` block.
#[derive(Debug, Serialize)]
pub struct Thresholds<'a> {
    /// Whether any threshold states a version-2 detail: then every one is shown with who
    /// votes, for how long, the quorum, the veto and the seconds; else as version 1 did.
    pub detailed: bool,
    /// Whether any threshold has `conditions`.
    pub conditions: bool,
    /// Each threshold, in file order.
    pub items: Vec<ThresholdView<'a>>,
}

/// The thresholds of `dm`, with ids resolved against `site`.
pub fn thresholds<'a>(site: &'a Site, dm: &'a DecisionMaking) -> Thresholds<'a> {
    let items = dm
        .thresholds
        .iter()
        .map(|t| {
            let voted_by = t.body.as_deref().map(str::trim).filter(|b| !b.is_empty()).unwrap_or(dm.body.trim());
            ThresholdView {
                threshold: t,
                label: t.label(),
                voted_by,
                voted_by_name: site.body_name_of(voted_by),
                veto_name: t.veto_by.as_deref().map(|v| site.body_name_of(v.trim())),
            }
        })
        .collect();
    Thresholds {
        detailed: dm.thresholds.iter().any(Threshold::has_details),
        conditions: dm.thresholds.iter().any(|t| t.conditions.is_some()),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Threshold;

    #[test]
    fn labels_keep_free_text_and_phrase_ids() {
        let label = |d: &str| Threshold { decision: d.into(), ..Default::default() }.label();
        assert_eq!(label("amendment"), "Amendment");
        assert_eq!(label("new-maintainer"), "New maintainer");
        assert_eq!(label("Changing PEP 13"), "Changing PEP 13");
        assert_eq!(label("修改章程"), "修改章程");
        assert_eq!(label(""), "");
    }
}
