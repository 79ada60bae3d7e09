//! Plurals, numbers and dates per language (ICU4X and its compiled CLDR data), and the
//! filling of `{name}` placeholders.

use icu_datetime::fieldsets::YMD;
use icu_datetime::input::Date;
use icu_datetime::DateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_plurals::{PluralCategory, PluralRules};

/// A value for a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A count or other number: formatted for the language, and `n` chooses the plural form.
    Number(i64),
    /// Text, inserted as it is (escaped in HTML unless `safe`).
    Text(String),
    /// HTML already safe to insert (a link built by the template).
    Safe(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(n.into())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

/// What a placeholder's value becomes in the output.
pub(super) enum Filled {
    /// Text to pass through the literal writer (escaped for HTML).
    Text(String),
    /// Inserted as it is.
    Raw(String),
}

/// How one language writes plurals, numbers and dates.
pub(super) struct Formats {
    plurals: Option<PluralRules>,
    decimal: Option<DecimalFormatter>,
    /// `None`: dates stay `YYYY-MM-DD` (the locale's `format.date: iso`).
    date: Option<DateTimeFormatter<YMD>>,
}

impl Formats {
    /// The formats of `tag`; `date_style` is the locale's `format.date` (`iso`, `long`,
    /// `medium` or `short`).
    pub(super) fn new(tag: &str, date_style: &str) -> Formats {
        let locale = icu_locale_core::Locale::try_from_str(tag).unwrap_or(icu_locale_core::locale!("en"));
        let date = match date_style {
            "long" => Some(YMD::long()),
            "medium" => Some(YMD::medium()),
            "short" => Some(YMD::short()),
            _ => None,
        };
        Formats {
            plurals: PluralRules::try_new_cardinal((&locale).into()).ok(),
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            date: date.and_then(|fields| DateTimeFormatter::try_new((&locale).into(), fields).ok()),
        }
    }

    /// The plural category of `n` (`one`, `other`, …).
    pub(super) fn plural_category(&self, n: i64) -> &'static str {
        let Some(rules) = &self.plurals else { return if n == 1 { "one" } else { "other" } };
        match rules.category_for(n) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    pub(super) fn number(&self, n: i64) -> String {
        match &self.decimal {
            Some(decimal) => decimal.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        }
    }

    pub(super) fn date(&self, iso: &str) -> String {
        let Some(formatter) = &self.date else { return iso.to_string() };
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        if iso.len() != 10 {
            return iso.to_string();
        }
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
            return iso.to_string();
        };
        match Date::try_new_iso(y, m, d) {
            Ok(date) => formatter.format(&date).to_string(),
            Err(_) => iso.to_string(),
        }
    }

    pub(super) fn arg(&self, arg: super::Arg) -> Filled {
        match arg {
            Arg::Number(n) => Filled::Text(self.number(n)),
            Arg::Text(text) => Filled::Text(text),
            Arg::Safe(html) => Filled::Raw(html),
        }
    }
}

/// `text` with each `{name}` replaced by `arg(name)`; the text around them and text
/// arguments go through `literal`. A `{` that starts no placeholder is text. `Err(name)`
/// names a placeholder without an argument.
pub(super) fn fill(
    text: &str,
    arg: impl Fn(&str) -> Option<Filled>,
    literal: &dyn Fn(&str) -> String,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        if name_len == 0 || !after[name_len..].starts_with('}') {
            out.push_str(&literal(&rest[..=open]));
            rest = after;
            continue;
        }
        out.push_str(&literal(&rest[..open]));
        let name = &after[..name_len];
        match arg(name).ok_or_else(|| name.to_string())? {
            Filled::Text(t) => out.push_str(&literal(&t)),
            Filled::Raw(html) => out.push_str(&html),
        }
        rest = &after[name_len + 1..];
    }
    out.push_str(&literal(rest));
    Ok(out)
}
