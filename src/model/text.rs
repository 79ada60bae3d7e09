use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::{Cell, RefCell};
use std::fmt;

/// Prose written by people: Markdown, rendered by the theme.
///
/// Either one Markdown string, or a map of translations by BCP 47 tag
/// (`mission: { en: …, zh-CN: … }`). [`Text::as_str`] is the text in the language the model
/// was read for: the site's default language after loading, each language in turn when the
/// renderer reads the model again for that language ([`super::Site::in_language`]). The text
/// walk tells prose (parsed as Markdown) from plain text (names, ids, e-mail addresses), which
/// is never parsed as Markdown, and sees every translation with its own path
/// (`mission.zh-CN`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The Markdown in the language read for (or a fallback's, when that one is missing).
    text: String,
    /// Every translation as written, in file order; empty for a plain string.
    translations: IndexMap<String, String>,
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text { text, translations: IndexMap::new() }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::from(text.to_string())
    }
}

impl Text {
    /// The Markdown source, in the language the model was read for.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True when there is nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The translations as written (tag, Markdown), in file order; empty for a plain string.
    pub fn translations(&self) -> impl Iterator<Item = (&str, &str)> {
        self.translations.iter().map(|(tag, text)| (tag.as_str(), text.as_str()))
    }

    /// Whether it was written as a map of translations.
    pub fn is_translated(&self) -> bool {
        !self.translations.is_empty()
    }

    /// The text of `wanted`, else of `default`, else the first translation written.
    fn resolve(translations: &IndexMap<String, String>, wanted: Option<&(String, String)>) -> String {
        let given = |tag: &str| translations.get(tag).filter(|t| !t.trim().is_empty());
        let chosen = wanted.and_then(|(wanted, default)| given(wanted).or_else(|| given(default)));
        chosen.or_else(|| translations.values().find(|t| !t.trim().is_empty())).cloned().unwrap_or_default()
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        translatable_schema(
            "Markdown, rendered by the theme; links in it are rewritten and checked. \
                In a multilingual site, a map of translations by language tag (`{en: …, zh-CN: …}`).",
        )
    }
}

/// A text written plainly or as a map of translations by language tag (or left empty).
fn translatable_schema(description: &str) -> schemars::Schema {
    schemars::json_schema!({
        "description": description,
        "anyOf": [
            { "type": "string" },
            { "type": "object", "additionalProperties": { "type": ["string", "null"] } },
            { "type": "null" }
        ]
    })
}

thread_local! {
    /// How a [`Text`] serializes just now (see [`Mode`]).
    static MODE: Cell<Mode> = const { Cell::new(Mode::Plain) };
    /// The (wanted, default) language a [`Text`] written as a map is read for.
    static LANGUAGE: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// How a [`Text`] serializes: its text (everywhere — governance.json, templates), marked as
/// prose for the text walk, or as written (for reading the model again in another language).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    Prose,
    Faithful,
}

/// The key of the one-entry map a [`Text`] serializes to while [`mark_prose`] runs.
pub(super) const PROSE_MARK: &str = "\u{0}govsite:prose";

/// The key of the one-entry map a translated [`Label`] serializes to while [`mark_prose`]
/// runs: its translations, which are plain text.
pub(super) const PLAIN_MARK: &str = "\u{0}govsite:plain";

/// Runs `f` with [`MODE`] set to `mode`, and sets it back even if `f` fails.
fn in_mode<R>(mode: Mode, f: impl FnOnce() -> R) -> R {
    struct Reset(Mode);
    impl Drop for Reset {
        fn drop(&mut self) {
            MODE.with(|m| m.set(self.0));
        }
    }
    let _reset = Reset(MODE.with(|m| m.replace(mode)));
    f()
}

/// Serializes `value` with every [`Text`] wrapped as `{PROSE_MARK: text}` (a translated one
/// as `{PROSE_MARK: {tag: text, …}}`), so that a generic walk over the JSON knows which
/// strings are Markdown, and in which language.
///
/// Serde keeps no trace of a newtype in a `serde_json::Value`, and a serializer of our own
/// would be hundreds of lines for one bit; the mark is a thread-local switch, on only for
/// the duration of this call (everywhere else — governance.json, templates — a `Text` is
/// its plain string).
pub(super) fn mark_prose<T: Serialize>(value: &T) -> serde_json::Result<serde_json::Value> {
    in_mode(Mode::Prose, || serde_json::to_value(value))
}

/// Reads `value` again with every translated [`Text`] taking its `wanted` language's text,
/// else `default`'s: a document of the model in one language of the portal.
#[cfg(test)]
fn in_language<T: Serialize + serde::de::DeserializeOwned>(
    value: &T,
    wanted: &str,
    default: &str,
) -> serde_json::Result<T> {
    read_in(written(value)?, wanted, default)
}

/// `value` serialized as written: a translated [`Text`] as its map of translations.
pub(super) fn written<T: Serialize>(value: &T) -> serde_json::Result<serde_json::Value> {
    in_mode(Mode::Faithful, || serde_json::to_value(value))
}

/// Deserializes [`written`]'s output with every translated [`Text`] read for `wanted`.
pub(super) fn read_in<T: serde::de::DeserializeOwned>(
    written: serde_json::Value,
    wanted: &str,
    default: &str,
) -> serde_json::Result<T> {
    struct Reset(Option<(String, String)>);
    impl Drop for Reset {
        fn drop(&mut self) {
            LANGUAGE.with(|l| *l.borrow_mut() = self.0.take());
        }
    }
    let _reset = Reset(LANGUAGE.with(|l| l.borrow_mut().replace((wanted.to_string(), default.to_string()))));
    serde_json::from_value(written)
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match MODE.with(Cell::get) {
            Mode::Prose => {
                let mut map = serializer.serialize_map(Some(1))?;
                if self.is_translated() {
                    map.serialize_entry(PROSE_MARK, &self.translations)?;
                } else {
                    map.serialize_entry(PROSE_MARK, &self.text)?;
                }
                map.end()
            }
            Mode::Faithful if self.is_translated() => self.translations.serialize(serializer),
            _ => serializer.serialize_str(&self.text),
        }
    }
}

/// A null (`~`) is no text at all, never the word "null" (see `super::de`); so is a null
/// translation. A map is a translation map.
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor("Markdown text"))
    }
}

/// Reads a [`Text`] or a [`Label`]; the text says what a wrong value should have been.
struct TextVisitor(&'static str);

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}, or a map of translations such as `{{en: …, zh-CN: …}}`", self.0)
    }

    // A folded YAML line break between CJK characters is no space (see `super::cjk`).
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::from(super::cjk::unfold(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::from(super::cjk::unfold(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
        Ok(Text::from(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text::from(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text::from(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text::from(v.to_string()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut translations = IndexMap::new();
        while let Some((tag, text)) = map.next_entry::<String, Option<String>>()? {
            if let Some(text) = text {
                translations.insert(tag, super::cjk::unfold(text));
            }
        }
        let text = LANGUAGE.with(|l| Text::resolve(&translations, l.borrow().as_ref()));
        Ok(Text { text, translations })
    }
}

/// Plain text that a multilingual site may translate: every name and title the portal shows
/// (the portal's title, a menu entry, a role's, level's, group's or value's name, a
/// decision's title…), never people's names. Never parsed as Markdown; written as a plain string it is
/// language-neutral (the same in every language, never reported as untranslated), written as
/// a map of translations it reads like a [`Text`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Label(Text);

impl Label {
    /// The text, in the language the model was read for.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// True when there is nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.is_blank()
    }
}

impl From<&str> for Label {
    fn from(text: &str) -> Self {
        Label(Text::from(text))
    }
}

/// A label reads as its text in the language the model was read for, like a `String` reads as
/// a `str`: rules, exports and charts use names and titles as text.
impl std::ops::Deref for Label {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor("plain text")).map(Label)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match MODE.with(Cell::get) {
            Mode::Prose if self.0.is_translated() => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(PLAIN_MARK, &self.0.translations)?;
                map.end()
            }
            Mode::Faithful if self.0.is_translated() => self.0.translations.serialize(serializer),
            _ => serializer.serialize_str(self.as_str()),
        }
    }
}

impl JsonSchema for Label {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Label".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        translatable_schema(
            "Plain text (never Markdown). In a multilingual site, a map of translations by \
                language tag (`{en: …, zh-CN: …}`).",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_its_string_unless_marking() {
        let text = Text::from("Hi *there*");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Hi *there*\"");
        let marked = mark_prose(&vec![text.clone()]).unwrap();
        assert_eq!(marked[0][PROSE_MARK], "Hi *there*");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Hi *there*\"", "the mark is reset");
    }

    #[test]
    fn a_translation_map_reads_in_each_language() {
        let text: Text = serde_yaml::from_str("{en: Hello, zh-CN: 你好, fr: ~}").unwrap();
        assert_eq!(text.as_str(), "Hello", "without a language, the first written");
        assert_eq!(text.translations().collect::<Vec<_>>(), [("en", "Hello"), ("zh-CN", "你好")]);
        assert_eq!(in_language(&text, "zh-CN", "en").unwrap().as_str(), "你好");
        assert_eq!(in_language(&text, "fr", "en").unwrap().as_str(), "Hello", "missing: the default's");
        assert_eq!(in_language(&text, "fr", "de").unwrap().as_str(), "Hello", "no default: the first");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Hello\"");
        let marked = mark_prose(&text).unwrap();
        assert_eq!(marked[PROSE_MARK]["zh-CN"], "你好");
        let plain: Text = serde_yaml::from_str("Just *text*").unwrap();
        assert_eq!(in_language(&plain, "zh-CN", "en").unwrap(), plain);
        let null: Text = serde_yaml::from_str("~").unwrap();
        assert!(null.is_blank());
    }

    #[test]
    fn a_label_is_plain_text_in_the_walk() {
        let label: Label = serde_yaml::from_str("{en: Lumen Community, zh-CN: Lumen 社区}").unwrap();
        assert_eq!(serde_json::to_string(&label).unwrap(), "\"Lumen Community\"");
        assert_eq!(mark_prose(&label).unwrap()[PLAIN_MARK]["zh-CN"], "Lumen 社区");
        let plain = Label::from("Lumen");
        assert_eq!(mark_prose(&plain).unwrap(), "Lumen");
        let wrong = serde_yaml::from_str::<Label>("[Lumen]").unwrap_err().to_string();
        assert!(wrong.starts_with("invalid type: sequence, expected plain text, or a map of translations"), "{wrong}");
        let wrong = serde_yaml::from_str::<Text>("[Lumen]").unwrap_err().to_string();
        assert!(wrong.starts_with("invalid type: sequence, expected Markdown text, or a map"), "{wrong}");
    }
}
