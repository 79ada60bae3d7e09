//! Ids: unique within their document (`people/duplicate-id`) and slugs (`schema/type`).

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Doc, Site};
use std::collections::HashMap;

/// Every id-carrying list of the site: (document, list path, ids in order, what they are).
fn id_lists(site: &Site) -> Vec<(&std::path::Path, &crate::model::SourceMap, &'static str, Vec<&str>, &'static str)> {
    let mut lists = Vec::new();
    fn push<'a, T>(
        lists: &mut Vec<(&'a std::path::Path, &'a crate::model::SourceMap, &'static str, Vec<&'a str>, &'static str)>,
        doc: &'a Option<Doc<T>>,
        list: &'static str,
        what: &'static str,
        ids: impl Fn(&'a T) -> Vec<&'a str>,
    ) {
        if let Some(d) = doc {
            lists.push((d.file.as_path(), &d.source, list, ids(&d.data), what));
        }
    }
    push(&mut lists, &site.people, "people", "person", |p| p.people.iter().map(|x| x.id.as_str()).collect());
    push(&mut lists, &site.roles, "roles", "role", |r| r.roles.iter().map(|x| x.id.as_str()).collect());
    push(&mut lists, &site.ladder, "levels", "ladder level", |l| l.levels.iter().map(|x| x.id.as_str()).collect());
    push(&mut lists, &site.groups, "groups", "group", |g| g.groups.iter().map(|x| x.id.as_str()).collect());
    push(&mut lists, &site.decisions, "decisions", "decision", |d| d.decisions.iter().map(|x| x.id.as_str()).collect());
    let channels = site.site.project.channels.iter().map(|c| c.id.as_str()).collect();
    lists.push((site.site.file.as_path(), &site.site.source, "project.channels", channels, "channel"));
    lists
}

/// `people/duplicate-id`: two entries of one list share an id.
pub fn duplicates(site: &Site, out: &mut Vec<Diagnostic>) {
    for (file, source, list, ids, what) in id_lists(site) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            if id.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(id) {
                let first_line = source.value(&field_path(&item_path(list, *first), "id")).line;
                out.push(
                    Diagnostic::error(
                        "people/duplicate-id",
                        file,
                        source.value(&field_path(&item_path(list, i), "id")),
                        format!("{what} id `{id}` is used twice"),
                    )
                    .with_label("second use")
                    .with_help(format!(
                        "ids must be unique: the first `{id}` is on line {first_line}; rename or merge one of them"
                    )),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }
}

/// `schema/type`: ids are slugs — lowercase ASCII letters, digits and `-`.
pub fn slugs(site: &Site, out: &mut Vec<Diagnostic>) {
    for (file, source, list, ids, what) in id_lists(site) {
        for (i, id) in ids.iter().enumerate() {
            if !id.is_empty() && !is_slug(id) {
                out.push(
                    Diagnostic::error(
                        "schema/type",
                        file,
                        source.value(&field_path(&item_path(list, i), "id")),
                        format!("{what} id `{id}` is not a slug"),
                    )
                    .with_label("not a slug")
                    .with_help(format!("use lowercase letters, digits and `-` only, e.g. `{}`", slugify(id))),
                );
            }
        }
    }
}

/// Whether `id` is a slug.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert!(super::is_slug("code-of-conduct-2"));
        assert!(!super::is_slug("Alice"));
        assert_eq!(super::slugify("Alice Zhang!"), "alice-zhang");
    }
}
