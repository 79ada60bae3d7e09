//! A person's `accounts`: platforms govsite knows, and one GitHub handle.

use crate::diagnostics::Diagnostic;
use crate::model::values::PLATFORMS;
use crate::model::{field_path, item_path, Site};

/// `schema/enum` for an `accounts` key that is not a platform of [`PLATFORMS`], at the key.
pub fn platforms(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(people) = &site.people else { return };
    for (i, person) in people.people.iter().enumerate() {
        for platform in person.accounts.keys() {
            let path = field_path(&field_path(&item_path("people", i), "accounts"), platform);
            let pos = people.key_pos(&path);
            out.extend(super::values::enum_key(&people.file, pos, &PLATFORMS, platform, &path));
        }
    }
}

/// `people/account-mismatch`: `github` (version 1's shorthand) and `accounts.github` name two
/// different handles, so the portal could not tell which profile to link.
pub fn github_mismatch(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(people) = &site.people else { return };
    let same = |a: &str, b: &str| {
        let bare = |h: &str| h.trim().trim_start_matches('@').to_lowercase();
        bare(a) == bare(b)
    };
    for (i, person) in people.people.iter().enumerate() {
        let (Some(short), Some(long)) = (person.github.as_deref(), person.accounts.get("github")) else { continue };
        if same(short, long) {
            continue;
        }
        let at = item_path("people", i);
        let long_path = field_path(&field_path(&at, "accounts"), "github");
        let short_pos = people.pos(&field_path(&at, "github"));
        out.push(
            Diagnostic::error(
                "people/account-mismatch",
                &people.file,
                people.pos(&long_path),
                format!(
                    "`{}` has two GitHub handles: `accounts.github: {}` here and `github: {}` on line {}",
                    person.id,
                    long.trim(),
                    short.trim(),
                    short_pos.line
                ),
            )
            .with_label("differs from `github`")
            .with_help("`github` is a shorthand for `accounts.github`: keep one of them, or give both the same handle"),
        );
    }
}
