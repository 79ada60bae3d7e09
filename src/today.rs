//! "Today", as spec v2 §4 defines it for every date comparison: the UTC date of
//! `SOURCE_DATE_EPOCH` when it is set (reproducible builds, tests), else of the system clock.

use time::Date;

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// Today's UTC date.
pub fn today() -> Date {
    let seconds =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    utc_date(seconds)
}

/// The UTC calendar date of a Unix timestamp (seconds); out-of-range values clamp to the
/// dates `time` can represent, so a forged timestamp in a git history cannot panic.
pub fn utc_date(seconds: i64) -> Date {
    let day = UNIX_EPOCH_JULIAN_DAY + seconds.div_euclid(86_400);
    let day = i32::try_from(day).unwrap_or(if day < 0 { i32::MIN } else { i32::MAX });
    Date::from_julian_day(day).unwrap_or(if day < 0 { Date::MIN } else { Date::MAX })
}

/// `date` minus `months` calendar months, the day clamped to the month's length
/// (2025-03-31 minus one month is 2025-02-28).
pub fn months_before(date: Date, months: u32) -> Date {
    let total = i64::from(date.year()) * 12 + i64::from(date.month() as u8) - 1 - i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).unwrap_or(i32::MIN);
    let Ok(month) = time::Month::try_from((total.rem_euclid(12) + 1) as u8) else { return Date::MIN };
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
}

/// `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month() as u8, date.day())
}

/// A `YYYY-MM-DD` date, if `text` is one.
pub fn parse_iso(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = time::Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_timestamps_and_months_back() {
        assert_eq!(iso(utc_date(0)), "1970-01-01");
        assert_eq!(iso(utc_date(1_764_460_800)), "2025-11-30");
        assert_eq!(iso(utc_date(-1)), "1969-12-31");
        let end_of_march = parse_iso("2025-03-31").unwrap();
        assert_eq!(iso(months_before(end_of_march, 1)), "2025-02-28");
        assert_eq!(iso(months_before(end_of_march, 15)), "2023-12-31");
        assert_eq!(parse_iso("2025-02-30"), None);
        let _ = utc_date(i64::MAX);
        let _ = months_before(Date::MIN, 12);
    }
}
