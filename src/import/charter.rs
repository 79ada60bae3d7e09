//! charter.yaml and groups.yaml of an import, from what GOVERNANCE.md said: the decision
//! model, the majorities, the deciding body. Every required fact it did not state stays a
//! `TODO:` marker, as everywhere in an import.

use super::governance::{Committee, Governance};
use super::people::{slug, Seat};
use super::{holders, Imported};
use std::fmt::Write;

fn q(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// The role id of a BDFL.
pub const LEAD_ROLE: &str = "project-lead";

/// The id of the committee's group: its acronym or its name as a slug.
pub fn committee_id(c: &Committee) -> String {
    c.short.as_deref().and_then(slug).or_else(|| slug(&c.name)).unwrap_or_else(|| "committee".to_string())
}

/// The deciding body: (id, name as prose).
fn body(g: Option<&Governance>) -> (String, String) {
    match g {
        Some(g) if g.model == Some("bdfl") => (LEAD_ROLE.to_string(), "the project lead (BDFL)".to_string()),
        Some(Governance { committee: Some(c), .. }) => (committee_id(c), format!("the {}", c.name)),
        _ => ("maintainer".to_string(), "the maintainers".to_string()),
    }
}

fn majority_words(m: &str) -> &'static str {
    match m {
        "two-thirds" => "a two-thirds majority",
        "three-quarters" => "a three-quarters majority",
        "unanimous" => "a unanimous vote",
        _ => "a simple majority",
    }
}

/// charter.yaml.
pub fn charter(imported: &Imported) -> String {
    let g = imported.governance.as_ref();
    let (body_id, body_name) = body(g);
    let mut out = String::from(
        "# Written by `govsite import`. Check every value; `govsite check` lists what is still\n# missing as `text/placeholder` warnings (the TODO markers).\n",
    );
    out.push_str("mission: \"TODO: why the project exists, in one or two sentences.\"\nscope:\n  in: [\"TODO: what the project covers.\"]\n");
    let model = g.and_then(|g| g.model);
    let _ = writeln!(out, "decision_making:\n  model: {}\n  body: {body_id}", model.unwrap_or("lazy-consensus"));
    let description = match (model, g) {
        (Some(model), Some(g)) => {
            let decide = if body_name == "the maintainers" { "decide" } else { "decides" };
            let how = match model {
                "bdfl" => "the project lead (BDFL) has the final say when consensus cannot be reached".to_string(),
                "lazy-consensus" => {
                    format!("{body_name} {decide} by lazy consensus: a proposal passes unless someone objects")
                }
                "consensus" => format!("{body_name} {decide} by consensus"),
                _ => format!("{body_name} {decide} by vote"),
            };
            let vote = g.majority.map_or(String::new(), |m| {
                let of = match g.base {
                    Some("all-members") => " of all members",
                    Some("votes-cast") => " of the votes cast",
                    _ => "",
                };
                format!("; a vote needs {}{of}", majority_words(m))
            });
            format!("As GOVERNANCE.md describes it, {how}{vote}.")
        }
        _ => format!("TODO: confirm how decisions are made; the import assumed lazy consensus of {body_name}."),
    };
    let _ = writeln!(out, "  description: {}", q(&description));
    if let Some(g) = g.filter(|g| g.majority.is_some() || g.model == Some("voting")) {
        let mut voting = Vec::new();
        if let Some(m) = g.majority {
            voting.push(format!("majority: {m}"));
        }
        if let Some(b) = g.base {
            voting.push(format!("base: {b}"));
        }
        let _ = writeln!(out, "  voting: {{ {} }}", voting.join(", "));
    }
    if let Some(g) = g.filter(|g| !g.thresholds.is_empty()) {
        out.push_str("  thresholds:\n");
        for (decision, majority) in &g.thresholds {
            let _ = writeln!(out, "    - {{ decision: {decision}, majority: {majority} }}");
        }
    }
    let amendment = g.and_then(|g| g.thresholds.iter().find(|(d, _)| *d == "amendment"));
    let amendments = match amendment {
        Some((_, m)) => {
            format!(
                "As GOVERNANCE.md describes it, a change to the governance needs {} of {body_name}.",
                majority_words(m)
            )
        }
        None => "TODO: how this charter is changed.".to_string(),
    };
    let _ = writeln!(out, "amendments: {}", q(&amendments));
    out
}

/// groups.yaml, when GOVERNANCE.md names a committee.
pub fn groups(imported: &Imported, ids: &[String]) -> Option<String> {
    let c = imported.governance.as_ref()?.committee.as_ref()?;
    let mut out = String::from("# Written by `govsite import` from GOVERNANCE.md. Check every value.\ngroups:\n");
    let _ = writeln!(out, "  - id: {}\n    name: {}", committee_id(c), q(&c.name));
    let members: Vec<&String> = holders(&imported.roster, Seat::Committee).map(|(i, _)| &ids[i]).collect();
    let who = if members.is_empty() && !c.of_maintainers { " and who is on it" } else { "" };
    let _ = writeln!(out, "    description: {}", q(&format!("TODO: what the {} does{who}.", c.name)));
    if c.of_maintainers {
        out.push_str("    members_from: maintainer\n");
    } else {
        if members.is_empty() {
            out.push_str("    members: []\n");
        } else {
            out.push_str("    members:\n");
            for id in members {
                let _ = writeln!(out, "      - {id}");
            }
        }
    }
    if let Some(size) = c.size {
        let _ = writeln!(out, "    min_members: {size}");
    }
    if let Some(cadence) = c.cadence {
        let name = q(&format!("{} meeting", c.name));
        let _ = writeln!(out, "    meetings:\n      - {{ name: {name}, cadence: {} }}", q(cadence));
    }
    Some(out)
}
