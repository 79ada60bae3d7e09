//! Groups as records: `groups/archived-on` (an archive date on a group that is still active)
//! and the meeting checks of `schema/time` that need two keys (`time` without `timezone`).

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Site};

/// `groups/archived-on`: `archived_on` on a group whose `status` is not `archived`.
pub fn archived_on(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(groups) = &site.groups else { return };
    for (i, group) in groups.groups.iter().enumerate() {
        if group.archived_on.is_none() || group.is_archived() {
            continue;
        }
        let at = item_path("groups", i);
        let status = group.status.as_deref().map_or("active (the default)".to_string(), |s| format!("`{}`", s.trim()));
        out.push(
            Diagnostic::error(
                "groups/archived-on",
                &groups.file,
                groups.key_pos(&field_path(&at, "archived_on")),
                format!("group `{}` has an `archived_on` date, but its status is {status}", group.id),
            )
            .with_label("archived, or not?")
            .with_help("add `status: archived` if the group was archived, or remove `archived_on`"),
        );
    }
}

/// `schema/time`: a meeting `time` without the `timezone` it is in.
pub fn meeting_zones(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(groups) = &site.groups else { return };
    for (i, group) in groups.groups.iter().enumerate() {
        for (j, meeting) in group.meetings.iter().enumerate() {
            let zoned = meeting.timezone.as_deref().is_some_and(|z| !z.trim().is_empty());
            if meeting.time.is_none() || zoned {
                continue;
            }
            let at = item_path(&field_path(&item_path("groups", i), "meetings"), j);
            out.push(
                Diagnostic::error(
                    "schema/time",
                    &groups.file,
                    groups.key_pos(&field_path(&at, "time")),
                    format!("meeting `{}` of group `{}` has a `time` but no `timezone`", meeting.name, group.id),
                )
                .with_label("in which time zone?")
                .with_help("add `timezone:` with an IANA name such as `Asia/Shanghai` or `Europe/Berlin`, or write the UTC time as `time_utc`"),
            );
        }
    }
}
