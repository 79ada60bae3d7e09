use super::*;

#[test]
fn english_and_chinese_plurals_numbers_and_dates() {
    let en = Locale::bundled("en");
    let zh = Locale::bundled("zh-CN");
    assert_eq!(en.text("site.skip"), "Skip to content");
    assert_eq!(zh.text("site.skip"), "跳到正文");
    assert_eq!(en.date("2025-03-01"), "2025-03-01");
    assert_eq!(zh.date("2025-03-01"), "2025年3月1日");
    assert_eq!(zh.date("not a date"), "not a date");
    assert_eq!(en.number(1234567), "1,234,567");
    assert_eq!(zh.number(1234567), "1,234,567");
    assert_eq!(en.formats.plural_category(1), "one");
    assert_eq!(en.formats.plural_category(2), "other");
    assert_eq!(zh.formats.plural_category(1), "other");
}

#[test]
fn placeholders_are_filled_and_escaped_only_as_text() {
    let escape = |s: &str| s.replace('<', "&lt;");
    let filled = format::fill(
        "a {x} <b> {y} {n",
        |n| match n {
            "x" => Some(format::Filled::Text("<i>".into())),
            "y" => Some(format::Filled::Raw("<a>".into())),
            _ => None,
        },
        &escape,
    );
    assert_eq!(filled, Ok("a &lt;i> &lt;b> <a> {n".to_string()));
    assert_eq!(format::fill("{missing}", |_| None, &escape), Err("missing".to_string()));
}

#[test]
fn tags_find_their_bundled_locale_or_none() {
    assert_eq!(bundled_tag("en"), Some("en"));
    assert_eq!(bundled_tag("en-GB"), Some("en"));
    assert_eq!(bundled_tag("zh-cn"), Some("zh-CN"));
    assert_eq!(bundled_tag("zh"), Some("zh-CN"));
    assert_eq!(bundled_tag("zh-Hans-SG"), Some("zh-CN"));
    assert_eq!(bundled_tag("zh-TW"), None);
    assert_eq!(bundled_tag("zh-Hant"), None);
    assert_eq!(bundled_tag("fr"), None);
    let fr = Locale::bundled("fr");
    assert!(fr.is_fallback());
    assert_eq!(fr.text("site.skip"), "Skip to content");
}

#[test]
fn unknown_keys_and_missing_arguments_are_errors() {
    let en = Locale::bundled("en");
    assert_eq!(
        en.try_t("no.such.key", &[]),
        Err(MessageError::Unknown { key: "no.such.key".into(), tag: "en".into() })
    );
    assert_eq!(
        en.try_t("site.foundation_project", &[]),
        Err(MessageError::MissingArg { key: "site.foundation_project".into(), arg: "foundation".into() })
    );
}
