//! The contributor ladder is complete: every level above the first says what it takes
//! (`ladder/no-requirements`), and the ladder says how people leave it
//! (`ladder/no-inactivity`, `ladder/no-removal`, `ladder/no-emeritus`).

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Doc, Ladder, Pos, Site, Text};

/// `ladder/no-requirements`: a level above the first without requirements.
pub fn no_requirements(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(ladder) = &site.ladder else { return };
    // The entry level is open to anyone, so it alone may go without requirements.
    for (i, level) in ladder.levels.iter().enumerate().skip(1) {
        let written = level.requirements.as_ref().is_some_and(|r| {
            let (all, any): (&[Text], &[Text]) = match r {
                crate::model::Requirements::All(items) => (items, &[]),
                crate::model::Requirements::Grouped { all, any } => (all, any),
            };
            all.iter().chain(any).any(|t| !t.is_blank())
        });
        if written {
            continue;
        }
        let at = item_path("levels", i);
        let key = field_path(&at, "requirements");
        let (pos, how) = if ladder.source.contains(&key) {
            (ladder.key_pos(&key), "are empty")
        } else {
            (ladder.pos(&at), "are missing")
        };
        let below = ladder.levels.get(i - 1).map_or("", |l| l.id.as_str());
        out.push(
            Diagnostic::error(
                "ladder/no-requirements",
                &ladder.file,
                pos,
                format!("the requirements of ladder level `{}` {how}", level.id),
            )
            .with_label("no requirements")
            .with_help(format!(
                "add `requirements:` to `{}`: a list of what someone must have done as `{below}` before being nominated (or `{{ all: [...], any: [...] }}`)",
                level.id
            )),
        );
    }
}

/// Reports a lifecycle policy that is absent or blank: at its key if written, else at the
/// start of ladder.yaml.
fn policy(
    out: &mut Vec<Diagnostic>,
    ladder: &Doc<Ladder>,
    rule: &'static str,
    key: &str,
    missing: bool,
    what: &str,
    example: &str,
) {
    if !missing {
        return;
    }
    let pos = if ladder.source.contains(key) { ladder.key_pos(key) } else { Pos::START };
    out.push(
        Diagnostic::warning(rule, &ladder.file, pos, format!("the contributor ladder has no `{key}` policy ({what})"))
            .with_label(format!("no `{key}` policy"))
            .with_help(format!("add `{key}:` to {} describing {what}, e.g. {example}", ladder.file.display())),
    );
}

fn blank(text: Option<&Text>) -> bool {
    text.is_none_or(Text::is_blank)
}

/// `ladder/no-inactivity`: no `inactivity` policy (`inactivity_months` alone also counts,
/// being the same policy as a number).
pub fn no_inactivity(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(l) = &site.ladder else { return };
    let missing = blank(l.inactivity.as_ref()) && l.inactivity_months.is_none();
    policy(
        out,
        l,
        "ladder/no-inactivity",
        "inactivity",
        missing,
        "when someone counts as inactive and what follows",
        "\"After twelve months without activity a maintainer becomes emeritus.\"",
    );
}

/// `ladder/no-removal`: no involuntary `removal` policy.
pub fn no_removal(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(l) = &site.ladder else { return };
    policy(
        out,
        l,
        "ladder/no-removal",
        "removal",
        blank(l.removal.as_ref()),
        "the grounds for removing someone against their will and who decides",
        "\"A maintainer may be removed for a code of conduct breach by a two-thirds vote of the others.\"",
    );
}

/// `ladder/no-emeritus`: no `emeritus` policy.
pub fn no_emeritus(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(l) = &site.ladder else { return };
    policy(
        out,
        l,
        "ladder/no-emeritus",
        "emeritus",
        blank(l.emeritus.as_ref()),
        "what emeritus status means and the way back",
        "\"Emeritus maintainers are thanked by name and may return by lazy consensus.\"",
    );
}
