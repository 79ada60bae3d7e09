//! Interface strings of a locale as plain data: what govsite's bundled `locales/<tag>.yaml`
//! and a site's `i18n/<tag>.yaml` hold. `crate::i18n` turns them into a usable locale.
//!
//! A file is a (possibly nested) mapping of keys to messages; nesting is only a way to
//! group keys, `nav: {skip: …}` is the key `nav.skip`. A mapping whose keys are all plural
//! categories (`zero`, `one`, `two`, `few`, `many`, `other`) and that has `other` is one
//! message with a form per plural category.

use indexmap::IndexMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The plural categories of Unicode's plural rules, as locale files name them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Messages by their dotted key (`nav.skip`).
pub type Strings = BTreeMap<String, Message>;

/// One message: a text with `{name}` placeholders, or one text per plural category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The same text for every count.
    Text(String),
    /// A text per plural category (`one`, `other`, …); `other` is always there.
    Plural(BTreeMap<String, String>),
}

/// A locale file as written: nested mappings of text.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct LocaleTree(pub IndexMap<String, Node>);

/// A value of a locale file: a text or a group of keys (or of plural forms).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Node {
    /// A message.
    Text(String),
    /// A group of keys, or the plural forms of one message.
    Map(IndexMap<String, Node>),
}

/// A site's `i18n/<tag>.yaml`.
#[derive(Debug, Clone, Default)]
pub struct LocaleFile {
    /// The language tag, from the file name.
    pub tag: String,
    /// The file, relative to the site folder.
    pub file: PathBuf,
    /// Its messages.
    pub strings: Strings,
}

impl LocaleTree {
    /// The messages by dotted key.
    pub fn flatten(&self) -> Strings {
        let mut out = Strings::new();
        flatten_into(&self.0, "", &mut out);
        out
    }
}

fn flatten_into(map: &IndexMap<String, Node>, prefix: &str, out: &mut Strings) {
    for (key, node) in map {
        let key = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match node {
            Node::Text(text) => {
                out.insert(key, Message::Text(text.clone()));
            }
            Node::Map(inner) => match plural_forms(inner) {
                Some(forms) => {
                    out.insert(key, Message::Plural(forms));
                }
                None => flatten_into(inner, &key, out),
            },
        }
    }
}

/// The forms of a plural message: every key a category, every value a text, `other` present.
fn plural_forms(map: &IndexMap<String, Node>) -> Option<BTreeMap<String, String>> {
    if !map.contains_key("other") {
        return None;
    }
    map.iter()
        .map(|(k, v)| match v {
            Node::Text(text) if PLURAL_CATEGORIES.contains(&k.as_str()) => Some((k.clone(), text.clone())),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_and_plural_forms() {
        let tree: LocaleTree =
            serde_yaml::from_str("nav:\n  skip: Skip\nseats:\n  one: '{n} seat'\n  other: '{n} seats'\n").unwrap();
        let strings = tree.flatten();
        assert_eq!(strings["nav.skip"], Message::Text("Skip".into()));
        let Message::Plural(forms) = &strings["seats"] else { panic!("not plural: {strings:?}") };
        assert_eq!(forms["one"], "{n} seat");
        assert_eq!(forms["other"], "{n} seats");
    }
}
