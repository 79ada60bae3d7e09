//! `schema/date`, `schema/url`, `schema/enum`, `schema/language` and `schema/name`: values
//! that are checked, not trusted.
//!
//! Where such values sit is stated once, in `model::values`; this module walks that table
//! over site.yaml, every governance document, each page's front matter and portfolio.yaml,
//! and reports each written value that is not of its form, at the value.

use crate::diagnostics::Diagnostic;
use crate::model::url::{check_base_url, classify, UrlClass, SAFE_SCHEMES};
use crate::model::values::{is_name, site_values, written_values, Enumeration, Form, WrittenValue, COVENANT_VERSIONS};
use crate::model::{Doc, Pos, Site};
use crate::suggest::did_you_mean;
use serde::Serialize;

/// `schema/date`: a date that is not a real calendar date written `YYYY-MM-DD`.
pub fn dates(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::Date), out);
}

/// `schema/url`: a link with a scheme govsite does not publish, or a `base_url` that cannot be
/// the portal's address.
pub fn urls(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::Url | Form::BaseUrl), out);
}

/// `schema/enum`: a word that is not one of its key's values, a time zone that is not an IANA
/// name, or an `accounts` key that is not a platform govsite knows.
pub fn enums(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::OneOf(_) | Form::TimeZone), out);
    super::accounts::platforms(site, out);
    covenant_version(site, out);
}

/// `schema/handle`: an account handle that cannot be a user name on its platform.
pub fn handles(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::Handle), out);
}

/// `schema/time`: a meeting `time` that is not `HH:MM`, or a `time_utc` with an offset.
pub fn times(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::Time | Form::UtcTime), out);
    super::groups::meeting_zones(site, out);
}

/// The Contributor Covenant's version is one of its published versions; other codes number
/// theirs as they like, so this one value is checked only when the name says which code.
fn covenant_version(site: &Site, out: &mut Vec<Diagnostic>) {
    let Some(coc) = &site.code_of_conduct else { return };
    let Some(based) = &coc.based_on else { return };
    let Some(version) = based.version.as_deref().map(str::trim).filter(|v| !v.is_empty()) else { return };
    if !based.name.trim().eq_ignore_ascii_case("contributor covenant") {
        return;
    }
    let path = "based_on.version";
    if let Some(problem) = enum_problem(&COVENANT_VERSIONS, version, path) {
        out.push(problem.at("schema/enum", &coc.file, coc.source.value(path)));
    }
}

/// `schema/language`: a language that is not a BCP 47 tag.
pub fn languages(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::Language), out);
}

/// `schema/name`: a theme or template given as a path.
pub fn names(site: &Site, out: &mut Vec<Diagnostic>) {
    check_site(site, |f| matches!(f, Form::Name), out);
}

/// Every checked value of one document (`portfolio` for portfolio.yaml), whatever its form.
pub fn check_document<T: Serialize>(doc: &Doc<T>, document: &str, out: &mut Vec<Diagnostic>) {
    written_values(&doc.data, &doc.file, &doc.source, document, |_| true, &mut |value| report(value, out));
}

/// The values of `only`'s forms in site.yaml, the governance documents and the pages.
fn check_site(site: &Site, only: fn(&Form) -> bool, out: &mut Vec<Diagnostic>) {
    site_values(site, only, &mut |value| report(value, out));
}

/// Reports `value` when it is not of its row's form.
fn report(value: WrittenValue<'_>, out: &mut Vec<Diagnostic>) {
    // An empty date or link is left out of the portal (or, where required,
    // `schema/missing-field`'s to report); an empty language or name would be used as it is,
    // so it is refused here.
    let empty_is_absent = !matches!(value.row.form, Form::Name | Form::Language);
    if empty_is_absent && value.text.trim().is_empty() {
        return;
    }
    if let Some(problem) = problem(&value.row.form, value.text, &value.path) {
        out.push(problem.at(value.row.form.rule(), value.file, value.source.value(&value.path)));
    }
}

/// `schema/enum` for a mapping key of a closed list (a platform of `accounts`), at the key.
pub(super) fn enum_key(
    file: &std::path::Path,
    pos: Pos,
    list: &Enumeration,
    key: &str,
    path: &str,
) -> Option<Diagnostic> {
    Some(enum_problem(list, key, path)?.at("schema/enum", file, pos))
}

/// What is wrong with a value, in the words of a diagnostic.
struct Problem {
    message: String,
    label: String,
    help: String,
}

impl Problem {
    /// The error `rule` reports for this problem at `pos` (at least one column wide).
    fn at(self, rule: &'static str, file: &std::path::Path, pos: Pos) -> Diagnostic {
        Diagnostic::error(rule, file, Pos { len: pos.len.max(1), ..pos }, self.message)
            .with_label(self.label)
            .with_help(self.help)
    }
}

fn problem(form: &Form, text: &str, path: &str) -> Option<Problem> {
    match form {
        Form::Date => date_problem(text, path),
        Form::Url => url_problem(text, path),
        Form::BaseUrl => base_url_problem(text, path),
        Form::OneOf(list) => enum_problem(list, text, path),
        Form::Language => language_problem(text, path),
        Form::Name => name_problem(text, path),
        Form::Handle => handle_problem(text, path),
        Form::Time => time_problem(text, path),
        Form::UtcTime => utc_time_problem(text, path),
        Form::TimeZone => zone_problem(text, path),
    }
}

fn handle_problem(text: &str, path: &str) -> Option<Problem> {
    if crate::model::values::handle(text).is_some() {
        return None;
    }
    let looks_like_url = text.contains("://") || text.contains('/');
    Some(Problem {
        message: format!("`{path}` is {}, which cannot be an account handle", shown(text)),
        label: "not a handle".into(),
        help: if looks_like_url {
            "write the user name only, e.g. `wang-fang` for https://gitee.com/wang-fang; the portal builds the link"
                .into()
        } else {
            "write the user name as the platform shows it: letters, digits, `-`, `_` and `.`, starting with a letter or digit".into()
        },
    })
}

fn time_problem(text: &str, path: &str) -> Option<Problem> {
    if crate::zones::parse_time(text).is_some() {
        return None;
    }
    Some(Problem {
        message: format!("`{path}` is {}, which is not a time of day written HH:MM", shown(text)),
        label: "not HH:MM".into(),
        help:
            "write the local time on a 24-hour clock, e.g. \"10:00\" or \"16:30\" (quoted), and the zone in `timezone`"
                .into(),
    })
}

/// A `time_utc` is free text (version 1), but an offset or a zone of its own would be printed
/// as `15:00+08:00 UTC`, which says two different times.
fn utc_time_problem(text: &str, path: &str) -> Option<Problem> {
    let lower = text.to_lowercase();
    let bytes = text.as_bytes();
    // `-` is left alone: `16:00-17:00` is a time range, not an offset.
    let signed_digit = bytes.windows(2).any(|w| w[0] == b'+' && w[1].is_ascii_digit());
    let names_a_zone = ["utc", "gmt", "cst", "cet", "pst", "est", "z"]
        .iter()
        .any(|z| lower.split(|c: char| !c.is_ascii_alphabetic()).any(|word| word == *z));
    if !signed_digit && !names_a_zone {
        return None;
    }
    let local = text.split(['+', ' ']).next().unwrap_or(text).trim();
    Some(Problem {
        message: format!("`{path}` is {}, which is not a time in UTC: it carries its own offset or zone", shown(text)),
        label: "not a UTC time".into(),
        help: format!(
            "give the local time and its zone instead: `time: \"{local}\"` and `timezone: Asia/Shanghai` (any IANA name); the portal shows the UTC time for you. Or write `time_utc` as the UTC time alone, e.g. \"07:00\""
        ),
    })
}

fn zone_problem(text: &str, path: &str) -> Option<Problem> {
    if crate::zones::is_zone(text) {
        return None;
    }
    let question = crate::zones::spelled(text).map(|z| format!("did you mean `{z}`?")).or_else(|| {
        let names = crate::zones::names();
        did_you_mean(text, names.iter().map(String::as_str))
    });
    let example = "an IANA time zone name such as `Asia/Shanghai`, `Europe/Berlin` or `America/New_York`";
    Some(Problem {
        message: format!("`{path}` is {}, which is not an IANA time zone name", shown(text)),
        label: "not a time zone".into(),
        help: match question {
            Some(question) => format!("{question} Write {example}"),
            None => format!("write {example}; UTC offsets change with daylight saving, zone names do not"),
        },
    })
}

fn date_problem(text: &str, path: &str) -> Option<Problem> {
    let why = match why_not_a_date(text) {
        Ok(()) => return None,
        Err(why) => why,
    };
    Some(Problem {
        message: format!("`{path}` is not a calendar date: {why}"),
        label: "not a date".into(),
        help: "write the date as YYYY-MM-DD, e.g. 2024-03-01".into(),
    })
}

/// Whether `text` is a real date written `YYYY-MM-DD`; the calendar is the `time` crate's.
fn why_not_a_date(text: &str) -> Result<(), String> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(format!("{} is not written YYYY-MM-DD", shown(text)));
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u16>().unwrap_or(0);
    let (year, month, day) = (i32::from(number(0..4)), number(5..7), number(8..10));
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(|| format!("there is no month {month:02}"))?;
    time::Date::from_calendar_date(year, month, u8::try_from(day).unwrap_or(0))
        .map(|_| ())
        .map_err(|_| format!("{month} {year} has {} days, not {day}", time::util::days_in_month(month, year)))
}

fn url_problem(text: &str, path: &str) -> Option<Problem> {
    let allowed = SAFE_SCHEMES.join(", ");
    let (message, label) = match classify(text) {
        UrlClass::Dangerous(scheme) => {
            (format!("`{path}` is a `{scheme}:` link, which govsite never publishes"), "runs code or reads local files")
        }
        UrlClass::UnknownScheme(scheme) => {
            (format!("`{path}` is a `{scheme}:` link, a scheme govsite does not publish"), "unknown scheme")
        }
        _ => return None,
    };
    Some(Problem {
        message,
        label: label.into(),
        help: format!(
            "link to a web page (https://…), a mailto: or tel: address, or a page of this site; allowed schemes: {allowed}"
        ),
    })
}

fn base_url_problem(text: &str, path: &str) -> Option<Problem> {
    let problem = check_base_url(text).err()?;
    Some(Problem {
        message: format!("`{path}` cannot be the portal's address: {problem}"),
        label: "not an http(s) address".into(),
        help: "write the absolute address the portal is published at, e.g. https://acme.github.io/acme/".into(),
    })
}

fn enum_problem(list: &Enumeration, text: &str, path: &str) -> Option<Problem> {
    if list.values.contains(&text) {
        return None;
    }
    let known = list.values.join(", ");
    // A word in the wrong case is the likeliest slip; say so before guessing by distance.
    let lower = text.to_lowercase();
    let question = list
        .values
        .iter()
        .find(|v| **v == lower)
        .map(|v| format!("did you mean `{v}`?"))
        .or_else(|| did_you_mean(text, list.values.iter().copied()));
    Some(Problem {
        message: format!("`{path}` is {}, which is not a {} govsite knows", shown(text), list.what),
        label: format!("not one of: {known}"),
        help: match question {
            Some(question) => format!("{question} Known values: {known}"),
            None => format!("use one of: {known}"),
        },
    })
}

fn language_problem(text: &str, path: &str) -> Option<Problem> {
    if is_language_tag(text) {
        return None;
    }
    let dashed = text.replace('_', "-");
    let help = if dashed != text && is_language_tag(&dashed) {
        format!("did you mean `{dashed}`? BCP 47 separates subtags with `-`")
    } else if let Some(tag) = language_named(text) {
        format!("did you mean `{tag}`? `language` is a BCP 47 tag, not the language's name")
    } else {
        "write a BCP 47 language tag such as `en`, `zh-CN` or `pt-BR`".into()
    };
    Some(Problem {
        message: format!("`{path}` is {}, which is not a BCP 47 language tag", shown(text)),
        label: "not a language tag".into(),
        help,
    })
}

/// The tag of a language written by its name, in English or in itself (`中文` → `zh-CN`).
fn language_named(text: &str) -> Option<&'static str> {
    const NAMES: &[(&[&str], &str)] = &[
        (&["中文", "汉语", "漢語", "简体中文", "简体", "中文简体", "普通话", "chinese", "simplified chinese"], "zh-CN"),
        (&["繁體中文", "繁体中文", "繁體", "正體中文", "traditional chinese"], "zh-TW"),
        (&["english", "英文", "英语", "英語"], "en"),
        (&["日本語", "japanese", "日语", "日文"], "ja"),
        (&["한국어", "korean", "韩语", "韩文"], "ko"),
        (&["español", "espanol", "spanish"], "es"),
        (&["français", "francais", "french"], "fr"),
        (&["deutsch", "german"], "de"),
        (&["português", "portugues", "portuguese", "português brasileiro"], "pt-BR"),
        (&["русский", "russian"], "ru"),
    ];
    // Names are compared without regard to case: `English` and `english` are one name.
    let wanted = text.trim().to_lowercase();
    NAMES.iter().find(|(names, _)| names.contains(&wanted.as_str())).map(|(_, tag)| *tag)
}

/// A well-formed BCP 47 tag, as Unicode's locale identifiers read it (ICU4X).
fn is_language_tag(text: &str) -> bool {
    icu_locale_core::Locale::try_from_str(text).is_ok()
}

fn name_problem(text: &str, path: &str) -> Option<Problem> {
    if is_name(text) {
        return None;
    }
    let theme = path == "theme";
    let what = if theme { "theme" } else { "template" };
    let help = if theme {
        "name a folder of the site's themes/, or a bundled theme such as `default`; a theme is never loaded from outside the site"
    } else {
        "name a template of the theme or of the site's templates/ folder, such as `page.html`"
    };
    let why = if text.trim().is_empty() { "empty".to_string() } else { format!("{}, a path", shown(text)) };
    Some(Problem {
        message: format!("`{path}` is {why}, not the name of a {what}"),
        label: format!("not a {what} name"),
        help: help.into(),
    })
}

/// A value as a message shows it: in backticks, control characters escaped, at most 60
/// characters (the source line is printed under the message anyway); or `empty`.
fn shown(text: &str) -> String {
    if text.is_empty() {
        return "empty".into();
    }
    let mut out: String = text.chars().take(60).flat_map(char::escape_debug).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    format!("`{out}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_calendar_dates() {
        for ok in ["2024-02-29", "2023-12-31", "0001-01-01", "2000-02-29"] {
            assert_eq!(why_not_a_date(ok), Ok(()), "{ok}");
        }
        assert_eq!(why_not_a_date("2024-13-01").unwrap_err(), "there is no month 13");
        assert_eq!(why_not_a_date("2024-00-10").unwrap_err(), "there is no month 00");
        assert_eq!(why_not_a_date("2023-02-29").unwrap_err(), "February 2023 has 28 days, not 29");
        assert_eq!(why_not_a_date("2024-04-31").unwrap_err(), "April 2024 has 30 days, not 31");
        assert_eq!(why_not_a_date("1900-02-29").unwrap_err(), "February 1900 has 28 days, not 29");
        for bad in
            ["last spring", "2024-1-01", "2024/01/01", "24-01-01", " 2024-01-01", "2024-01-01T00:00", "２０２４-01-01"]
        {
            assert!(why_not_a_date(bad).unwrap_err().contains("is not written YYYY-MM-DD"), "{bad}");
        }
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "zh-CN", "pt-BR", "zh-Hant-TW", "EN-us", "de-CH-1996", "sr-Latn", "en-US-x-twain"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["中文", "english", "en_US", "e", "en-", "zh--CN", ""] {
            assert!(!is_language_tag(bad), "{bad}");
        }
        let p = language_problem("en_US", "language").unwrap();
        assert!(p.help.starts_with("did you mean `en-US`?"), "{}", p.help);
    }

    #[test]
    fn enums_suggest_the_near_word() {
        use crate::model::values::MAJORITIES;
        assert!(enum_problem(&MAJORITIES, "simple", "m").is_none());
        let p = enum_problem(&MAJORITIES, "two-third", "m").unwrap();
        assert!(p.help.starts_with("did you mean `two-thirds`?"), "{}", p.help);
        let p = enum_problem(&MAJORITIES, "Unanimous", "m").unwrap();
        assert!(p.help.starts_with("did you mean `unanimous`?"), "{}", p.help);
        let p = enum_problem(&MAJORITIES, "strict", "m").unwrap();
        assert_eq!(p.help, "use one of: simple, two-thirds, three-quarters, unanimous");
    }

    #[test]
    fn values_are_shown_escaped_and_short() {
        assert_eq!(shown("a\r\nb"), "`a\\r\\nb`");
        assert_eq!(shown(&"x".repeat(70)).chars().count(), 63);
    }
}
