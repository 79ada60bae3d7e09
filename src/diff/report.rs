//! The four forms of a [`GovernanceDiff`]: `human` for a terminal, `markdown` for a
//! pull-request comment, `github` workflow annotations on the head's lines, `json` for scripts
//! (the shape of spec v2 §6; keys may be added, never renamed).

use super::leaves::show;
use super::{Delta, GovernanceDiff, Leaf, Place};
use crate::formats::{escape_data, escape_property, github_annotation, repo_path};
use serde_json::json;
use std::fmt::Write;
use std::path::Path;

fn leaves(list: &[(Leaf, Place)]) -> Vec<&Leaf> {
    list.iter().map(|(leaf, _)| leaf).collect()
}

/// `--format json`.
pub fn json(diff: &GovernanceDiff) -> String {
    let value = json!({
        "people": {
            "added": diff.people.added,
            "removed": diff.people.removed,
            "changed": leaves(&diff.people_changed),
        },
        "roles": diff.roles,
        "groups": diff.groups,
        "paths": leaves(&diff.paths),
        "deciding_body": diff.deciding_body,
        "policies": leaves(&diff.policies),
        "score": diff.score,
        "rules": { "newly_failing": diff.newly_failing, "fixed": diff.fixed },
        "charter_changed": diff.charter_changed,
    });
    format!("{value:#}\n")
}

fn delta_words(delta: &Delta, quote: fn(&str) -> String) -> String {
    let mut parts = Vec::new();
    if !delta.added.is_empty() {
        parts.push(format!("added {}", list(&delta.added, quote)));
    }
    if !delta.removed.is_empty() {
        parts.push(format!("removed {}", list(&delta.removed, quote)));
    }
    parts.join("; ")
}

fn list(ids: &[String], quote: fn(&str) -> String) -> String {
    ids.iter().map(|id| quote(id)).collect::<Vec<_>>().join(", ")
}

fn plain(id: &str) -> String {
    id.to_string()
}

/// The organisations of either side, head order first, with their seats before and after.
fn share_rows(diff: &GovernanceDiff) -> Vec<(&str, usize, usize)> {
    let body = &diff.deciding_body;
    let mut names: Vec<&str> = body.after.keys().map(String::as_str).collect();
    names.extend(body.before.keys().map(String::as_str).filter(|n| !body.after.contains_key(*n)));
    names
        .into_iter()
        .map(|n| (n, body.before.get(n).copied().unwrap_or(0), body.after.get(n).copied().unwrap_or(0)))
        .collect()
}

fn shares_changed(diff: &GovernanceDiff) -> bool {
    let body = &diff.deciding_body;
    body.before != body.after || body.body.before != body.body.after
}

fn body_name(diff: &GovernanceDiff) -> String {
    let body = &diff.deciding_body.body;
    match (&body.before, &body.after) {
        (Some(b), Some(a)) if b != a => format!("{b} → {a}"),
        (_, Some(a)) => a.clone(),
        (Some(b), None) => format!("{b} → none"),
        (None, None) => "none".to_string(),
    }
}

fn signed(before: u32, after: u32) -> String {
    let d = i64::from(after) - i64::from(before);
    if d == 0 {
        String::new()
    } else {
        format!(" ({d:+})")
    }
}

/// `--format human`: a plain summary, one change a line.
pub fn human(diff: &GovernanceDiff) -> String {
    let mut out = String::new();
    if diff.is_empty() {
        let _ = writeln!(out, "No governance changes; completeness score {}", diff.score.after);
        return out;
    }
    if !diff.people.is_empty() || !diff.people_changed.is_empty() {
        out.push_str("People\n");
        if !diff.people.is_empty() {
            let _ = writeln!(out, "  {}", delta_words(&diff.people, plain));
        }
        for (leaf, _) in &diff.people_changed {
            let _ = writeln!(out, "  {}: {} → {}", leaf.setting, show(&leaf.before), show(&leaf.after));
        }
    }
    for (title, map) in [("Roles", &diff.roles), ("Groups", &diff.groups)] {
        if !map.is_empty() {
            let _ = writeln!(out, "{title}");
            for (id, delta) in map {
                let _ = writeln!(out, "  {id}: {}", delta_words(delta, plain));
            }
        }
    }
    if !diff.paths.is_empty() {
        out.push_str("Owned paths (CODEOWNERS)\n");
        for (leaf, _) in &diff.paths {
            let _ = writeln!(out, "  {}: {} → {}", leaf.setting, show(&leaf.before), show(&leaf.after));
        }
    }
    if shares_changed(diff) {
        let _ = writeln!(out, "Deciding body ({}), active seats by organisation", body_name(diff));
        for (name, before, after) in share_rows(diff) {
            let _ = writeln!(out, "  {name}: {before} → {after}");
        }
    }
    if !diff.policies.is_empty() {
        out.push_str("Thresholds and policies\n");
        for (leaf, _) in &diff.policies {
            let _ = writeln!(out, "  {}: {} → {}", leaf.setting, show(&leaf.before), show(&leaf.after));
        }
    }
    if diff.charter_changed {
        out.push_str("The charter changed\n");
    }
    if !diff.newly_failing.is_empty() {
        let _ = writeln!(out, "Rules newly failing: {}", diff.newly_failing.join(", "));
    }
    if !diff.fixed.is_empty() {
        let _ = writeln!(out, "Rules fixed: {}", diff.fixed.join(", "));
    }
    let (b, a) = (diff.score.before, diff.score.after);
    let _ = writeln!(out, "Completeness score: {b} → {a}{}", signed(b, a));
    out
}

/// Text from YAML inside a Markdown table cell or sentence: everything that Markdown or
/// HTML would read as syntax is escaped, so a pull request cannot dress up its own summary.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '&' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An id in a code span; backticks cannot occur in one, so they are dropped.
fn code(id: &str) -> String {
    format!("`{}`", id.replace(['`', '\n', '\r'], ""))
}

/// `--format markdown`: a pull-request comment.
pub fn markdown(diff: &GovernanceDiff) -> String {
    let mut out = String::from("### Governance changes\n\n");
    let (b, a) = (diff.score.before, diff.score.after);
    if diff.is_empty() {
        let _ = writeln!(out, "No governance changes; completeness score {a}/100.");
        return out;
    }
    let _ = writeln!(out, "**Completeness score:** {b} → {a}{}\n", signed(b, a));
    if !diff.people.is_empty() {
        let _ = writeln!(out, "**People:** {}\n", delta_words(&diff.people, code));
    }
    let seat_rows: Vec<String> = [("role", &diff.roles), ("group", &diff.groups)]
        .into_iter()
        .flat_map(|(kind, map)| {
            map.iter().map(move |(id, d)| {
                format!("| {kind} {} | {} | {} |", code(id), list(&d.added, code), list(&d.removed, code))
            })
        })
        .collect();
    if !seat_rows.is_empty() {
        out.push_str("| Seats | Added | Removed |\n| --- | --- | --- |\n");
        out.push_str(&seat_rows.join("\n"));
        out.push_str("\n\n");
    }
    if shares_changed(diff) {
        let _ = writeln!(out, "**Deciding body** ({}), active seats by organisation:\n", md(&body_name(diff)));
        out.push_str("| Organisation | Before | After |\n| --- | --- | --- |\n");
        for (name, before, after) in share_rows(diff) {
            let _ = writeln!(out, "| {} | {before} | {after} |", md(name));
        }
        out.push('\n');
    }
    let changes: Vec<&Leaf> =
        diff.people_changed.iter().chain(&diff.paths).chain(&diff.policies).map(|(leaf, _)| leaf).collect();
    if !changes.is_empty() {
        out.push_str("| Setting | Before | After |\n| --- | --- | --- |\n");
        for leaf in changes {
            let _ =
                writeln!(out, "| {} | {} | {} |", code(&leaf.setting), md(&show(&leaf.before)), md(&show(&leaf.after)));
        }
        out.push('\n');
    }
    if diff.charter_changed {
        out.push_str("The charter changed.\n\n");
    }
    if !diff.newly_failing.is_empty() {
        let ids: Vec<String> = diff.newly_failing.iter().map(|id| code(id)).collect();
        let _ = writeln!(out, "**Rules newly failing:** {}\n", ids.join(", "));
    }
    if !diff.fixed.is_empty() {
        let ids: Vec<String> = diff.fixed.iter().map(|id| code(id)).collect();
        let _ = writeln!(out, "**Rules fixed:** {}\n", ids.join(", "));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn notice(out: &mut String, head: &Path, place: Option<&Place>, message: &str) {
    let mut properties = Vec::new();
    if let Some(place) = place.filter(|p| !p.file.as_os_str().is_empty()) {
        properties.push(format!("file={}", escape_property(&repo_path(head, &place.file))));
        if let Some(pos) = place.pos {
            properties.push(format!("line={},col={}", pos.line, pos.column));
        }
    }
    properties.push("title=govsite diff".to_string());
    let _ = writeln!(out, "::notice {}::{}", properties.join(","), escape_data(message));
}

/// `--format github`: a notice on the head's line of every change, the head's diagnostics of
/// every newly failing rule, then a summary notice. `head` is the head folder as given, so
/// files are named relative to the current folder (run it from the repository root).
pub fn github(diff: &GovernanceDiff, head: &Path) -> String {
    let mut out = String::new();
    for id in &diff.people.added {
        notice(&mut out, head, diff.places.get(&format!("person:{id}")), &format!("{id} joins people.yaml"));
    }
    for id in &diff.people.removed {
        notice(&mut out, head, None, &format!("{id} leaves people.yaml"));
    }
    for (id, delta) in &diff.roles {
        for person in &delta.added {
            let place = diff.places.get(&format!("role:{id}:{person}"));
            notice(&mut out, head, place, &format!("{person} takes a seat in role {id}"));
        }
        for person in &delta.removed {
            notice(&mut out, head, None, &format!("{person} leaves role {id}"));
        }
    }
    for (id, delta) in &diff.groups {
        if !delta.is_empty() {
            notice(&mut out, head, None, &format!("group {id}: {}", delta_words(delta, plain)));
        }
    }
    for (leaf, place) in diff.people_changed.iter().chain(&diff.paths).chain(&diff.policies) {
        let message = format!("{}: {} → {}", leaf.setting, show(&leaf.before), show(&leaf.after));
        notice(&mut out, head, Some(place), &message);
    }
    if shares_changed(diff) {
        let rows: Vec<String> = share_rows(diff).iter().map(|(n, b, a)| format!("{n} {b} → {a}")).collect();
        let message = format!("Deciding body ({}), active seats by organisation: {}", body_name(diff), rows.join(", "));
        notice(&mut out, head, None, &message);
    }
    for d in &diff.new_problems {
        out.push_str(&github_annotation(d, head));
    }
    let (b, a) = (diff.score.before, diff.score.after);
    let summary = format!(
        "Governance completeness score {b} → {a}{}; {} newly failing, {} fixed",
        signed(b, a),
        crate::wording::count(diff.newly_failing.len() as u64, "rule"),
        diff.fixed.len()
    );
    notice(&mut out, head, None, &summary);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_escapes_what_yaml_could_inject() {
        assert_eq!(super::md("<img src=x> | *b* [l](u)"), "\\<img src=x\\> \\| \\*b\\* \\[l\\](u)");
        assert_eq!(super::code("a`b"), "`ab`");
    }
}
