use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::Cell;

/// Prose written by people: Markdown, rendered by the theme.
///
/// A newtype rather than a bare `String` so that a later translation map
/// (`{en: …, zh: …}`) can be accepted here without reshaping the model, and so that the text
/// walk can tell prose (parsed as Markdown) from plain text (names, ids, e-mail addresses),
/// which is never parsed as Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq, JsonSchema)]
#[serde(transparent)]
#[schemars(inline, description = "Markdown, rendered by the theme; links in it are rewritten and checked.")]
pub struct Text(pub String);

/// A null (`~`) is no text at all, never the word "null" (see `super::de`).
impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A folded YAML line break between CJK characters is no space (see `super::cjk`).
        Ok(Text(super::cjk::unfold(Option::<String>::deserialize(deserializer)?.unwrap_or_default())))
    }
}

impl Text {
    /// The Markdown source.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when there is nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

/// The key of the one-entry map a [`Text`] serializes to while [`mark_prose`] runs.
pub(super) const PROSE_MARK: &str = "\u{0}govsite:prose";

thread_local! {
    static MARKING: Cell<bool> = const { Cell::new(false) };
}

/// Serializes `value` with every [`Text`] wrapped as `{PROSE_MARK: text}`, so that a generic
/// walk over the JSON knows which strings are Markdown.
///
/// Serde keeps no trace of a newtype in a `serde_json::Value`, and a serializer of our own
/// would be hundreds of lines for one bit; the mark is a thread-local switch, on only for
/// the duration of this call (everywhere else — governance.json, templates — a `Text` is
/// its plain string).
pub(super) fn mark_prose<T: Serialize>(value: &T) -> serde_json::Result<serde_json::Value> {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            MARKING.with(|m| m.set(self.0));
        }
    }
    let _reset = Reset(MARKING.with(|m| m.replace(true)));
    serde_json::to_value(value)
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if MARKING.with(Cell::get) {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry(PROSE_MARK, &self.0)?;
            map.end()
        } else {
            serializer.serialize_str(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_its_string_unless_marking() {
        let text = Text("Hi *there*".into());
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Hi *there*\"");
        let marked = mark_prose(&vec![text.clone()]).unwrap();
        assert_eq!(marked[0][PROSE_MARK], "Hi *there*");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Hi *there*\"", "the mark is reset");
    }
}
