//! What a site asks of the checks: a profile, per-rule overrides and exemptions, applied to
//! the diagnostics the rules found.

use super::level::Level;
use super::profiles::{self, Profile};
use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, CheckConfig, Doc, Exemption, Origin, SiteConfig, Text};
use crate::suggest::did_you_mean;

/// The severities in force for one site.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The profile in force.
    pub profile: &'static Profile,
    overrides: Vec<(&'static str, Level)>,
    /// Rules switched off with a reason.
    pub exemptions: Vec<Exemption>,
    /// Levels a portfolio sets for all its projects; a project may only be stricter.
    floor: Vec<(&'static str, Level)>,
}

impl Policy {
    /// The policy of site.yaml's `check:` block, with `profile` (from `--profile`) winning.
    ///
    /// Problems in the block itself are returned as diagnostics; an unknown profile falls back
    /// to `default`.
    pub fn from_site(site: &Doc<SiteConfig>, profile: Option<&str>) -> (Policy, Vec<Diagnostic>) {
        Policy::from_check(&site.check, site.origin(), profile)
    }

    /// The policy of a project of a portfolio: the portfolio's `check:` block sets the least
    /// every project must meet; the project's own block may only be stricter.
    pub fn for_project(
        portfolio: &Policy,
        project: &Doc<SiteConfig>,
        profile: Option<&str>,
    ) -> (Policy, Vec<Diagnostic>) {
        let (mut policy, mut problems) = Policy::from_site(project, profile);
        if project.check.profile.is_none() && profile.is_none() {
            policy.profile = portfolio.profile;
        }
        policy.floor = super::RULES.iter().map(|r| (r.id, portfolio.level(r.id))).collect();
        let (allowed, refused): (Vec<Exemption>, Vec<Exemption>) =
            policy.exemptions.drain(..).partition(|e| portfolio.level(&e.rule) < Level::Error);
        policy.exemptions = allowed;
        for e in refused {
            let index = project.check.exemptions.iter().position(|x| x.rule == e.rule).unwrap_or(0);
            let at = project.pos(&field_path(&item_path("check.exemptions", index), "rule"));
            problems.push(
                Diagnostic::error(
                    "check/config",
                    &project.file,
                    at,
                    format!("the portfolio makes `{}` an error; a project cannot exempt it", e.rule),
                )
                .with_label("exemption refused")
                .with_help("fix what the rule reports, or ask for the exemption in portfolio.yaml"),
            );
        }
        for e in &portfolio.exemptions {
            if !policy.is_exempt(&e.rule) {
                policy.exemptions.push(e.clone());
            }
        }
        (policy, problems)
    }

    /// The policy of a `check:` block (of site.yaml or portfolio.yaml) written in `origin`.
    pub fn from_check(config: &CheckConfig, site: Origin, profile: Option<&str>) -> (Policy, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let wanted = profile.or(config.profile.as_deref()).unwrap_or("default");
        let profile = profiles::find(wanted).unwrap_or_else(|| {
            let mut d = Diagnostic::error(
                "check/config",
                site.file,
                site.pos("check.profile"),
                format!("`{wanted}` is not a govsite profile"),
            )
            .with_label("unknown profile");
            d.help = Some(
                did_you_mean(wanted, profiles::names())
                    .unwrap_or_else(|| format!("use one of: {}", profiles::names().collect::<Vec<_>>().join(", "))),
            );
            problems.push(d);
            &profiles::PROFILES[0]
        });
        let mut overrides = Vec::new();
        for (rule, level) in &config.rules {
            let path = field_path("check.rules", rule);
            let Some(known) = super::find(rule) else {
                problems.push(unknown_rule(site, site.key_pos(&path), rule));
                continue;
            };
            if is_structural(known.id) {
                problems.push(structural(site, site.key_pos(&path), rule));
                continue;
            }
            match Level::parse(level) {
                Some(level) => overrides.push((known.id, level)),
                None => problems.push(
                    Diagnostic::error(
                        "check/config",
                        site.file,
                        site.pos(&path),
                        format!("`{level}` is not a severity"),
                    )
                    .with_label("expected allow, warning or error")
                    .with_help(format!("write `{rule}: allow`, `{rule}: warning` or `{rule}: error`")),
                ),
            }
        }
        let mut exemptions = Vec::new();
        for (i, e) in config.exemptions.iter().enumerate() {
            if e.rule.is_empty() {
                continue; // schema/missing-field reports it
            }
            let at = site.pos(&field_path(&item_path("check.exemptions", i), "rule"));
            if super::find(&e.rule).is_none() {
                problems.push(unknown_rule(site, at, &e.rule));
            } else if is_structural(&e.rule) {
                problems.push(structural(site, at, &e.rule));
            } else if !e.reason.is_blank() {
                // Trimmed: a block scalar's final newline is not part of the published reason.
                exemptions.push(Exemption { rule: e.rule.clone(), reason: Text::from(e.reason.as_str().trim()) });
            }
        }
        (Policy { profile, overrides, exemptions, floor: Vec::new() }, problems)
    }

    /// The level of `rule` under this policy (exemptions aside).
    pub fn level(&self, rule: &str) -> Level {
        let floor = self.floor.iter().find(|(r, _)| *r == rule).map_or(Level::Allow, |(_, l)| *l);
        self.own_level(rule).max(floor)
    }

    fn own_level(&self, rule: &str) -> Level {
        if let Some((_, level)) = self.overrides.iter().rev().find(|(r, _)| *r == rule) {
            return *level;
        }
        if let Some((_, level, _)) = self.profile.rules.iter().find(|(r, _, _)| *r == rule) {
            return *level;
        }
        super::find(rule).map_or(Level::Error, |r| r.default.into())
    }

    /// Whether `rule` is exempted.
    pub fn is_exempt(&self, rule: &str) -> bool {
        self.exemptions.iter().any(|e| e.rule == rule)
    }

    /// Sets each diagnostic's severity; drops those of allowed and exempted rules.
    ///
    /// Problems that make a site unreadable (`yaml/…`, `schema/…`, `files/…`) cannot be
    /// switched off: there would be nothing left to check or publish.
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                if is_structural(d.rule) {
                    return Some(d);
                }
                if self.is_exempt(d.rule) {
                    return None;
                }
                d.severity = self.level(d.rule).severity()?;
                Some(d)
            })
            .collect()
    }
}

/// Rules that guard the input's shape; overrides never switch them off.
pub fn is_structural(rule: &str) -> bool {
    ["yaml/", "schema/", "files/", "check/", "portfolio/"].iter().any(|p| rule.starts_with(p))
}

fn structural(site: Origin, pos: crate::model::Pos, rule: &str) -> Diagnostic {
    Diagnostic::error(
        "check/config",
        site.file,
        pos,
        format!("`{rule}` guards the shape of the input and cannot be changed"),
    )
    .with_label("structural rule")
    .with_help(
        "fix the input instead: yaml/*, schema/*, files/* and check/* problems keep govsite from reading the site",
    )
}

fn unknown_rule(site: Origin, pos: crate::model::Pos, rule: &str) -> Diagnostic {
    let ids = super::RULES.iter().map(|r| r.id);
    let help = match did_you_mean(rule, ids) {
        Some(question) => format!("{question} `govsite check --explain RULE` describes each rule"),
        None => "run `govsite check --explain` with a rule id from docs/checks.md".to_string(),
    };
    Diagnostic::error("check/config", site.file, pos, format!("`{rule}` is not a govsite rule"))
        .with_label("unknown rule")
        .with_help(help)
}
