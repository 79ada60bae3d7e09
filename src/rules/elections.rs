//! Elected bodies: `elections/overdue`, and the date rules compare against.

use crate::diagnostics::Diagnostic;
use crate::model::{field_path, item_path, Site};

/// Today's UTC date as `YYYY-MM-DD`: from `SOURCE_DATE_EPOCH` when it is set (reproducible
/// builds, and tests that must not depend on the day they run), else the system clock.
///
/// A `SOURCE_DATE_EPOCH` that is not a number of seconds is ignored, as reproducible-builds.org
/// asks of tools that cannot use it, rather than failing the check.
pub fn today() -> String {
    let from_env = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    let seconds = from_env.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    });
    date_of(seconds)
}

/// The UTC date of a Unix time; the calendar is the `time` crate's.
fn date_of(seconds: i64) -> String {
    // 2440588 is the Julian day of 1970-01-01; the clamp keeps absurd epochs in range.
    let julian = (seconds.div_euclid(86_400) + 2_440_588).clamp(0, 5_000_000);
    match time::Date::from_julian_day(i32::try_from(julian).unwrap_or(0)) {
        Ok(d) => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
        Err(_) => "1970-01-01".to_string(),
    }
}

/// `elections/overdue`: a role's `elections.next` is in the past.
pub fn overdue(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(roles) = &site.roles else { return };
    let today = today();
    for (i, role) in roles.roles.iter().enumerate() {
        let Some(next) = role.elections.as_ref().and_then(|e| e.next.as_deref()).map(str::trim) else { continue };
        // Only a well-formed date is compared: `schema/date` reports any other.
        let shaped =
            next.len() == 10 && next.bytes().enumerate().all(|(i, b)| matches!(i, 4 | 7) || b.is_ascii_digit());
        if !shaped || next >= today.as_str() {
            continue;
        }
        let path = field_path(&field_path(&item_path("roles", i), "elections"), "next");
        out.push(
            Diagnostic::warning(
                "elections/overdue",
                &roles.file,
                roles.source.value(&path),
                format!("the next election of role `{}` was due on {next}, which has passed (today is {today})", role.id),
            )
            .with_label("in the past")
            .with_help(format!(
                "set `next` to the date of the coming election of `{}`, and record the last one in governance/decisions.yaml (`outcome: elected`)",
                role.id
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn unix_times_become_utc_dates() {
        assert_eq!(super::date_of(0), "1970-01-01");
        assert_eq!(super::date_of(1_700_000_000), "2023-11-14");
        assert_eq!(super::date_of(1_709_164_800), "2024-02-29");
        assert_eq!(super::date_of(-1), "1969-12-31");
    }
}
