//! Meeting times in IANA time zones: which names are zones, and what a local time is in UTC
//! on a given date, with the zone's daylight-saving rules (the `jiff` crate and the tz
//! database it bundles, so every machine gives the same answer).

use jiff::tz::TimeZone;

/// The zone named exactly `name` (`Asia/Shanghai`, not `asia/shanghai`), if there is one.
fn zone(name: &str) -> Option<TimeZone> {
    let tz = jiff::tz::db().get(name).ok()?;
    (tz.iana_name() == Some(name)).then_some(tz)
}

/// Whether `name` is an IANA time zone name, spelled as the database spells it.
pub fn is_zone(name: &str) -> bool {
    zone(name).is_some()
}

/// Every zone name of the database, for did-you-mean.
pub fn names() -> Vec<String> {
    jiff::tz::db().available().map(|n| n.as_str().to_string()).collect()
}

/// The zone name `name` means when only its case is wrong (`asia/shanghai`).
pub fn spelled(name: &str) -> Option<String> {
    jiff::tz::db().get(name).ok()?.iana_name().map(str::to_string)
}

/// `HH:MM`, 24-hour, as hours and minutes.
pub fn parse_time(text: &str) -> Option<(i8, i8)> {
    let (h, m) = text.trim().split_once(':')?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(h, 2) || digits(h, 1)) || !digits(m, 2) {
        return None;
    }
    let (h, m) = (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// A local time converted to UTC on one date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InUtc {
    /// `HH:MM` in UTC.
    pub time: String,
    /// The UTC date minus the local date, in days: -1, 0 or 1.
    pub day_shift: i8,
    /// The zone's offset from UTC on that date, e.g. `+08:00` or `+02:00`.
    pub offset: String,
}

/// What `time` (`HH:MM`) in zone `name` is in UTC on `date` (the local calendar date).
/// A local time that a daylight-saving change skips is taken as the time after the gap.
pub fn to_utc(time: &str, name: &str, date: time::Date) -> Option<InUtc> {
    let (h, m) = parse_time(time)?;
    let tz = zone(name)?;
    let day = jiff::civil::date(
        i16::try_from(date.year()).ok()?,
        i8::try_from(date.month() as u8).ok()?,
        i8::try_from(date.day()).ok()?,
    );
    let local = day.at(h, m, 0, 0).to_zoned(tz).ok()?;
    let utc = local.with_time_zone(TimeZone::UTC);
    let shift = (utc.date() - local.date()).get_days();
    let seconds = local.offset().seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    Some(InUtc {
        time: format!("{:02}:{:02}", utc.hour(), utc.minute()),
        day_shift: i8::try_from(shift.signum()).unwrap_or(0),
        offset: format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> time::Date {
        crate::today::parse_iso(text).unwrap()
    }

    #[test]
    fn local_times_in_utc_follow_daylight_saving() {
        let shanghai = to_utc("10:00", "Asia/Shanghai", on("2026-07-01")).unwrap();
        assert_eq!((shanghai.time.as_str(), shanghai.day_shift, shanghai.offset.as_str()), ("02:00", 0, "+08:00"));
        let summer = to_utc("17:00", "Europe/Berlin", on("2026-07-01")).unwrap();
        assert_eq!((summer.time.as_str(), summer.offset.as_str()), ("15:00", "+02:00"));
        let winter = to_utc("17:00", "Europe/Berlin", on("2026-12-01")).unwrap();
        assert_eq!((winter.time.as_str(), winter.offset.as_str()), ("16:00", "+01:00"));
        let early = to_utc("07:00", "Asia/Shanghai", on("2026-07-01")).unwrap();
        assert_eq!((early.time.as_str(), early.day_shift), ("23:00", -1));
        let late = to_utc("20:00", "America/Los_Angeles", on("2026-01-15")).unwrap();
        assert_eq!((late.time.as_str(), late.day_shift, late.offset.as_str()), ("04:00", 1, "-08:00"));
        let india = to_utc("09:30", "Asia/Kolkata", on("2026-01-15")).unwrap();
        assert_eq!((india.time.as_str(), india.offset.as_str()), ("04:00", "+05:30"));
    }

    #[test]
    fn zone_names_are_spelled_as_the_database_spells_them() {
        assert!(is_zone("Asia/Shanghai") && is_zone("UTC") && is_zone("Europe/Berlin"));
        assert!(!is_zone("asia/shanghai") && !is_zone("Beijing") && !is_zone("") && !is_zone("../etc/passwd"));
        assert_eq!(spelled("asia/shanghai").as_deref(), Some("Asia/Shanghai"));
        assert!(names().iter().any(|n| n == "Asia/Shanghai"));
        assert_eq!(to_utc("10:00", "Mars/Olympus", on("2026-01-01")), None);
    }

    #[test]
    fn times_are_24_hour_hh_mm() {
        assert_eq!(parse_time("09:05"), Some((9, 5)));
        assert_eq!(parse_time("9:05"), Some((9, 5)));
        for bad in ["24:00", "10:60", "10", "10:0", "10:00+08:00", "10h", "", "١٠:٠٠"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
