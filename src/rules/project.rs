//! How to take part: a public channel (`project/no-public-channel`) and a contribution
//! guide that exists (`project/no-contributing`).

use crate::diagnostics::Diagnostic;
use crate::model::{Doc, Pos, Site, SiteConfig};
use crate::paths::{has_scheme, normalize};
use crate::suggest::did_you_mean;
use std::path::Path;

/// The first of `paths` that site.yaml has, as a key position; else its start.
fn key_or_start(s: &Doc<SiteConfig>, paths: &[&str]) -> Pos {
    paths.iter().find(|p| s.source.contains(p)).map_or(Pos::START, |p| s.key_pos(p))
}

/// `project/no-public-channel`: no channel with `public: true`.
pub fn no_public_channel(site: &Site, out: &mut Vec<Diagnostic>) {
    let s = &site.site;
    let channels = &s.project.channels;
    if channels.iter().any(|c| c.public) {
        return;
    }
    let message = if channels.is_empty() {
        "the project lists no communication channel"
    } else {
        "none of the project's communication channels is public"
    };
    out.push(
        Diagnostic::warning(
            "project/no-public-channel",
            &s.file,
            key_or_start(s, &["project.channels", "project"]),
            message,
        )
        .with_label("no public channel")
        .with_help(
            "add a channel anyone can read under `project.channels`, e.g. `- { id: discussions, type: forum, url: https://…, public: true }`, or set `public: true` on a listed channel that anyone may read",
        ),
    );
}

/// Whether `dest` is a URL (`https://…`, `mailto:…`, `//host/…`) or a root-relative link
/// to a generated page (`/contributing/`), rather than a file of the site.
fn is_link(dest: &str) -> bool {
    if dest.starts_with('/') || dest.starts_with('#') {
        return true;
    }
    has_scheme(dest)
}

/// `project/no-contributing`: no `project.contributing`, or it names a Markdown file of
/// the site that does not exist.
pub fn no_contributing(site: &Site, out: &mut Vec<Diagnostic>) {
    let s = &site.site;
    let value = s.project.contributing.as_deref().map(str::trim).unwrap_or("");
    if value.is_empty() {
        out.push(
            Diagnostic::warning(
                "project/no-contributing",
                &s.file,
                key_or_start(s, &["project.contributing", "project"]),
                "the project has no contribution guide",
            )
            .with_label("no `contributing`")
            .with_help(
                "set `project.contributing` to a page of this site (e.g. `content/contributing.md`) or to the URL of the project's CONTRIBUTING.md",
            ),
        );
        return;
    }
    let file = value.split(['#', '?']).next().unwrap_or(value);
    if is_link(value) || !file.ends_with(".md") {
        return; // a URL: `links/broken` and the reader's browser judge it
    }
    let target = normalize(Path::new(file));
    let exists = site.pages.iter().any(|p| normalize(&p.file) == target) || site.root.join(&target).is_file();
    if exists {
        return;
    }
    let pages: Vec<String> = site.pages.iter().map(|p| p.file.to_string_lossy().replace('\\', "/")).collect();
    let help = match did_you_mean(file, pages.iter().map(String::as_str)) {
        Some(question) => format!("{question} Otherwise create {file}, or point `contributing` at a URL"),
        None => format!("create {file} (a Markdown page with a `title`), or point `contributing` at a URL"),
    };
    out.push(
        Diagnostic::warning(
            "project/no-contributing",
            &s.file,
            s.pos("project.contributing"),
            format!("the contribution guide `{value}` does not exist"),
        )
        .with_label("no such page")
        .with_help(help),
    );
}

/// `project/maturity-log`: the foundation's maturity log is not in date order, or its last
/// phase is not `foundation.maturity`.
pub fn maturity_log(site: &Site, out: &mut Vec<Diagnostic>) {
    let s = &site.site;
    let Some(foundation) = &s.project.foundation else { return };
    let log = &foundation.maturity_log;
    let entry = |i: usize, key: &str| format!("project.foundation.maturity_log[{i}].{key}");
    // An unreadable date is `schema/date`'s to report; it neither breaks nor keeps the order.
    let mut latest: Option<(time::Date, usize)> = None;
    for (i, step) in log.iter().enumerate() {
        let Some(date) = crate::today::parse_iso(&step.date) else { continue };
        if let Some((before, j)) = latest.filter(|(before, _)| date < *before) {
            out.push(
                Diagnostic::error(
                    "project/maturity-log",
                    &s.file,
                    s.pos(&entry(i, "date")),
                    format!(
                        "the maturity log is out of order: `{}` on {} comes after `{}` on {}",
                        step.phase.trim(),
                        step.date.trim(),
                        log[j].phase.trim(),
                        crate::today::iso(before)
                    ),
                )
                .with_label("earlier than the entry above")
                .with_help("list the foundation's stage changes oldest first, each with the date it was decided"),
            );
        } else {
            latest = Some((date, i));
        }
    }
    let Some(last) = log.last() else { return };
    let phase = last.phase.trim();
    if phase.is_empty() {
        return; // `schema/missing-field` says so
    }
    let maturity = foundation.maturity.as_deref().map(str::trim).unwrap_or("");
    if maturity.eq_ignore_ascii_case(phase) {
        return;
    }
    let (message, help) = if maturity.is_empty() {
        (
            format!("the maturity log ends in `{phase}`, but `project.foundation` has no `maturity`"),
            format!("set `maturity: {phase}` under `project.foundation`"),
        )
    } else {
        (
            format!("the maturity log ends in `{phase}`, but `project.foundation.maturity` is `{maturity}`"),
            format!(
                "add the entry that moved the project to `{maturity}` (with its date and issue) at the end of `maturity_log`, or set `maturity: {phase}` if the log is right"
            ),
        )
    };
    out.push(
        Diagnostic::error("project/maturity-log", &s.file, s.pos(&entry(log.len() - 1, "phase")), message)
            .with_label(format!("`maturity` says `{}`", if maturity.is_empty() { "nothing" } else { maturity }))
            .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_are_not_files() {
        assert!(super::is_link("https://github.com/acme/acme/blob/main/CONTRIBUTING.md"));
        assert!(super::is_link("/contributing/"));
        assert!(!super::is_link("content/contributing.md"));
        assert_eq!(super::normalize("./content/a/../b.md".as_ref()), std::path::Path::new("content/b.md"));
    }
}
