//! A diff of two JSON values down to their leaves, for the settings `diff` compares
//! (thresholds, policies, role settings, a person's fields).
//!
//! The model is serialized rather than compared field by field so that fields added to the
//! model later (spec v2 adds seats, caps, elections…) are compared without touching this code.

use serde_json::Value;

/// One value that differs: where, and what it was and is (`Null` when absent).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Leaf {
    /// The setting as people read it: `decision_making.thresholds[amendment].majority`.
    pub setting: String,
    /// The path of the value in its document's source map (`decision_making.thresholds[0]
    /// .majority`) on the head side; `None` when the value was removed.
    #[serde(skip)]
    pub source_path: Option<String>,
    /// The base value.
    pub before: Value,
    /// The head value.
    pub after: Value,
}

/// Keys that name a list item, in the order they are tried: a list whose items all carry
/// one of them is compared item by item, so inserting an item does not shift the others.
const ITEM_KEYS: &[&str] = &["id", "decision", "person", "rule"];

/// Every leaf of `before` and `after` that differs, under `prefix` (the display path) and
/// `source` (the source-map path of the head value).
pub fn diff(prefix: &str, source: &str, before: &Value, after: &Value, out: &mut Vec<Leaf>) {
    match (before, after) {
        (Value::Null, Value::Object(_)) | (Value::Object(_), Value::Null) => {
            let empty = Value::Object(serde_json::Map::new());
            let (a, b) = if before.is_null() { (&empty, after) } else { (before, &empty) };
            diff(prefix, source, a, b, out);
        }
        (Value::Object(a), Value::Object(b)) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                let (x, y) = (a.get(key).unwrap_or(&Value::Null), b.get(key).unwrap_or(&Value::Null));
                let at = join(prefix, key);
                let src = join(source, key);
                diff(&at, &src, x, y, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => match item_key(a, b) {
            Some(key) => {
                let name = |v: &Value| v.get(key).and_then(Value::as_str).unwrap_or("").to_string();
                let names: Vec<String> = a.iter().map(name).chain(b.iter().map(name)).collect();
                let mut seen: Vec<&str> = Vec::new();
                for n in &names {
                    if seen.contains(&n.as_str()) {
                        continue;
                    }
                    seen.push(n);
                    let x = a.iter().find(|v| name(v) == *n).unwrap_or(&Value::Null);
                    let (y, src) = match b.iter().position(|v| name(v) == *n) {
                        Some(i) => (&b[i], format!("{source}[{i}]")),
                        None => (&Value::Null, String::new()),
                    };
                    // The key is in the path already; a new or removed item shows its fields.
                    let (x, y) = (without(x, key), without(y, key));
                    diff(&format!("{prefix}[{n}]"), &src, &x, &y, out);
                }
            }
            None => push(prefix, source, before, after, out),
        },
        _ => push(prefix, source, before, after, out),
    }
}

/// An item of a keyed list without its key (an absent item stays absent).
fn without(item: &Value, key: &str) -> Value {
    let mut item = item.clone();
    if let Value::Object(map) = &mut item {
        map.remove(key);
    }
    item
}

fn push(prefix: &str, source: &str, before: &Value, after: &Value, out: &mut Vec<Leaf>) {
    if before == after || (is_empty(before) && is_empty(after)) {
        return;
    }
    let source_path = (!after.is_null() && !source.is_empty()).then(|| source.to_string());
    out.push(Leaf { setting: prefix.to_string(), source_path, before: before.clone(), after: after.clone() });
}

/// Absent, `false`-free emptiness: null, an empty string, list or map. `false` and `0` are
/// values a setting can be changed to, so they are not empty.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else if key.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The key every item of both lists carries as a string, if any.
fn item_key(a: &[Value], b: &[Value]) -> Option<&'static str> {
    let items = || a.iter().chain(b.iter());
    items().next()?;
    ITEM_KEYS.iter().copied().find(|key| items().all(|v| v.get(*key).is_some_and(Value::is_string)))
}

/// A value for a sentence or a table cell: strings as they are (cut at 80 characters),
/// absent as `(none)`, anything else as compact JSON.
pub fn show(value: &Value) -> String {
    let text = match value {
        Value::Null => return "(none)".to_string(),
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    };
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(79).collect();
        format!("{cut}…")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_with_ids_are_compared_by_id() {
        let before = json!({"thresholds": [{"decision": "amendment", "majority": "two-thirds"}]});
        let after = json!({"thresholds": [{"decision": "removal", "majority": "simple"}, {"decision": "amendment", "majority": "simple"}]});
        let mut out = Vec::new();
        diff("dm", "decision_making", &before, &after, &mut out);
        let settings: Vec<_> = out.iter().map(|l| (l.setting.as_str(), l.source_path.as_deref())).collect();
        assert_eq!(
            settings,
            [
                ("dm.thresholds[amendment].majority", Some("decision_making.thresholds[1].majority")),
                ("dm.thresholds[removal].majority", Some("decision_making.thresholds[0].majority")),
            ]
        );
    }

    #[test]
    fn absent_and_empty_are_the_same_but_false_is_a_value() {
        let mut out = Vec::new();
        diff("", "", &json!({"a": null, "b": [], "c": false}), &json!({"a": "", "c": true}), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].setting, "c");
        assert_eq!(show(&out[0].before), "false");
        assert_eq!(show(&Value::Null), "(none)");
    }
}
