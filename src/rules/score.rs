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

/// The score, 0–100: the weight of passing rules over the weight of all rules, rounded.
///
/// A rule passes when it reported nothing (after the policy); exempted and allowed rules
/// count as passed, so an exemption is a published decision, not a penalty.
pub fn score(diagnostics: &[Diagnostic], policy: &Policy) -> u32 {
    let (mut passed, mut total) = (0, 0);
    // Rules about portfolio.yaml say nothing of a project's governance.
    for rule in RULES.iter().filter(|r| !r.id.starts_with("portfolio/")) {
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
