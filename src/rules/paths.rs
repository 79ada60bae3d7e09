//! `roles/bad-path`: a membership's `paths` entry that CODEOWNERS cannot hold as a
//! repository-relative pattern.
//!
//! Export writes each path anchored at the repository root, so a path that climbs out of
//! the repository, starts at the file system's root or would be split or misread by
//! GitHub's CODEOWNERS parser is refused here, where it is written, rather than turning
//! into a CODEOWNERS line that silently owns nothing (or everything).

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Member, Origin, Site};

/// `roles/bad-path`.
pub fn bad_paths(site: &Site, out: &mut Vec<Diagnostic>) {
    if let Some(roles) = &site.roles {
        for (i, role) in roles.roles.iter().enumerate() {
            let list = field_path(&item_path("roles", i), "members");
            check_list(roles.origin(), &list, &role.members, out);
        }
    }
    if let Some(groups) = &site.groups {
        for (i, group) in groups.groups.iter().enumerate() {
            let at = item_path("groups", i);
            check_list(groups.origin(), &field_path(&at, "chairs"), &group.chairs, out);
            check_list(groups.origin(), &field_path(&at, "members"), &group.members, out);
        }
    }
}

fn check_list(origin: Origin<'_>, list: &str, members: &[Member], out: &mut Vec<Diagnostic>) {
    for (j, member) in members.iter().enumerate() {
        for (k, path) in member.paths.iter().enumerate() {
            let Some((problem, help)) = problem(path) else { continue };
            let at = item_path(&field_path(&item_path(list, j), "paths"), k);
            out.push(
                Diagnostic::error(
                    "roles/bad-path",
                    origin.file,
                    origin.pos(&at),
                    format!("`{}` owns the path `{}`, which {problem}", member.person, path.trim()),
                )
                .with_label("not a repository-relative path")
                .with_help(help),
            );
        }
    }
}

/// What is wrong with `path` as a repository-relative CODEOWNERS pattern, and what to write.
pub fn problem(path: &str) -> Option<(&'static str, String)> {
    let p = path.trim();
    let relative = |p: &str| p.trim_start_matches(['/', '\\']).to_string();
    if p.is_empty() {
        return Some((
            "is empty",
            "give a folder (`storage/`), a file or a pattern (`docs/*.md`), or remove the entry".into(),
        ));
    }
    if p.starts_with('/') || p.starts_with('\\') {
        return Some((
            "is absolute",
            format!("write it relative to the repository root: `{}` (export anchors it at the root)", relative(p)),
        ));
    }
    let bytes = p.as_bytes();
    if p.starts_with('~') || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':') {
        return Some((
            "is a path of a computer, not of the repository",
            "write it relative to the repository root, e.g. `storage/`".into(),
        ));
    }
    if p.contains('\\') {
        return Some(("uses `\\`", format!("separate folders with `/`: `{}`", p.replace('\\', "/"))));
    }
    if p.split('/').any(|part| part == "..") {
        return Some((
            "climbs out of its folder with `..`",
            "name the folder from the repository root instead, e.g. `storage/engine/`".into(),
        ));
    }
    if p.split('/').any(|part| part == ".") {
        return Some((
            "has a `.` folder",
            format!("leave out the `./`: `{}`", p.split('/').filter(|s| *s != ".").collect::<Vec<_>>().join("/")),
        ));
    }
    if p.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(("contains a space", "CODEOWNERS splits a line at spaces: rename the folder, or give a pattern without the space (`docs/user*guide/`)".into()));
    }
    if p.starts_with('#') || p.starts_with('!') || p.contains(['[', ']']) {
        return Some((
            "uses a pattern CODEOWNERS does not support (`#`, `!` or `[…]`)",
            "CODEOWNERS has no comments inside patterns, no negation and no character ranges: list the paths one by one".into(),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn repository_relative_paths_pass_and_others_say_why() {
        for good in ["storage/", "docs/*.md", "**/BUILD", ".github/workflows/", "Makefile", "a/b.c"] {
            assert_eq!(problem(good), None, "{good}");
        }
        let why = |p: &str| problem(p).map(|(w, _)| w);
        assert_eq!(why("/storage/"), Some("is absolute"));
        assert_eq!(
            problem("/storage/").unwrap().1,
            "write it relative to the repository root: `storage/` (export anchors it at the root)"
        );
        assert_eq!(why("../other/"), Some("climbs out of its folder with `..`"));
        assert_eq!(why("storage/../../x"), Some("climbs out of its folder with `..`"));
        assert_eq!(why("C:/repo"), Some("is a path of a computer, not of the repository"));
        assert_eq!(why("~/x"), Some("is a path of a computer, not of the repository"));
        assert_eq!(why("docs\\api"), Some("uses `\\`"));
        assert_eq!(why("./docs"), Some("has a `.` folder"));
        assert_eq!(why("user guide/"), Some("contains a space"));
        assert_eq!(why("!vendor/"), Some("uses a pattern CODEOWNERS does not support (`#`, `!` or `[…]`)"));
        assert_eq!(why("  "), Some("is empty"));
    }
}
