//! Ids: unique within their document (`people/duplicate-id`) and slugs (`schema/type`).

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Doc, Origin, Pos, Site};
use std::collections::HashMap;

/// One list of id-carrying entries: where it is written, its ids in order, what they name.
struct IdList<'a> {
    origin: Origin<'a>,
    list: &'static str,
    ids: Vec<&'a str>,
    what: &'static str,
}

impl IdList<'_> {
    /// Where the id of entry `i` is written.
    fn pos(&self, i: usize) -> Pos {
        self.origin.pos(&field_path(&item_path(self.list, i), "id"))
    }
}

/// Every id-carrying list of the site.
fn id_lists(site: &Site) -> Vec<IdList<'_>> {
    fn list<'a, T>(
        doc: &'a Option<Doc<T>>,
        list: &'static str,
        what: &'static str,
        ids: impl Fn(&'a T) -> Vec<&'a str>,
    ) -> Option<IdList<'a>> {
        doc.as_ref().map(|d| IdList { origin: d.origin(), list, ids: ids(&d.data), what })
    }
    let channels = site.site.project.channels.iter().map(|c| c.id.as_str()).collect();
    [
        list(&site.people, "people", "person", |p| p.people.iter().map(|x| x.id.as_str()).collect()),
        list(&site.roles, "roles", "role", |r| r.roles.iter().map(|x| x.id.as_str()).collect()),
        list(&site.ladder, "levels", "ladder level", |l| l.levels.iter().map(|x| x.id.as_str()).collect()),
        list(&site.groups, "groups", "group", |g| g.groups.iter().map(|x| x.id.as_str()).collect()),
        list(&site.decisions, "decisions", "decision", |d| d.decisions.iter().map(|x| x.id.as_str()).collect()),
        Some(IdList { origin: site.site.origin(), list: "project.channels", ids: channels, what: "channel" }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `people/duplicate-id`: two entries of one list share an id.
pub fn duplicates(site: &Site, out: &mut Vec<Diagnostic>) {
    for list in id_lists(site) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in list.ids.iter().enumerate() {
            if id.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(id) {
                let first_line = list.pos(*first).line;
                out.push(
                    Diagnostic::error(
                        "people/duplicate-id",
                        list.origin.file,
                        list.pos(i),
                        format!("{} id `{id}` is used twice", list.what),
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
    for list in id_lists(site) {
        for (i, id) in list.ids.iter().enumerate() {
            if !id.is_empty() && !is_slug(id) {
                out.push(
                    Diagnostic::error(
                        "schema/type",
                        list.origin.file,
                        list.pos(i),
                        format!("{} id `{id}` is not a slug", list.what),
                    )
                    .with_label("not a slug")
                    .with_help(format!(
                        "use lowercase letters, digits and `-` only, e.g. `{}`",
                        suggest(id, list.what, i)
                    )),
                );
            }
        }
    }
}

/// Whether `id` is a slug.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug for `id`: its letters in Latin (`王芳` → `wang-fang`, `Zoë` → `zoe`), or, when
/// nothing of it can be written so, a neutral one from what it names (`person-3`). The name
/// is still shown as written; only the id is a slug.
fn suggest(id: &str, what: &str, index: usize) -> String {
    let slug = slugify(&deunicode::deunicode_with_tofu(id, ""));
    if slug.is_empty() {
        format!("{}-{}", slugify(what), index + 1)
    } else {
        slug
    }
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
        assert_eq!(super::suggest("王芳", "person", 0), "wang-fang");
        assert_eq!(super::suggest("撤销SIG", "group", 0), "che-xiao-sig");
        assert_eq!(super::suggest("Zoë", "person", 0), "zoe");
        assert_eq!(super::suggest("——", "role", 2), "role-3");
    }
}
