//! The completeness score: the weighted share of the checks that pass.

use super::policy::Policy;
use super::{Rule, RULES};
use crate::diagnostics::{Diagnostic, Severity};

/// A rule's weight: rules that are errors by default say more about a site's governance.
pub fn weight(rule: &Rule) -> u32 {
    match rule.default {
        Severity::Error => 3,
        Severity::Warning => 1,
    }
}

/// Whether a rule counts in the score. Rules about portfolio.yaml say nothing of a project's
/// governance; a translation not yet written (`i18n/missing`) is work on the portal, not on
/// the governance, and is listed by `check` without lowering the score.
pub fn counts(rule: &Rule) -> bool {
    !rule.id.starts_with("portfolio/") && rule.id != "i18n/missing"
}

/// The score, 0–100: the weight of passing rules over the weight of all rules, rounded.
///
/// A rule passes when it reported nothing (after the policy); exempted and allowed rules
/// count as passed, so an exemption is a published decision, not a penalty.
pub fn score(diagnostics: &[Diagnostic], policy: &Policy) -> u32 {
    let (mut passed, mut total) = (0, 0);
    for rule in RULES.iter().filter(|r| counts(r)) {
        let w = weight(rule);
        total += w;
        let failed = diagnostics.iter().any(|d| d.rule == rule.id) && !policy.is_exempt(rule.id);
        if !failed {
            passed += w;
        }
    }
    if total == 0 {
        return 100;
    }
    (passed * 100 + total / 2) / total
}
