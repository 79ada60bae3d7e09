//! One YAML document → typed model + positions of every key and value.
//!
//! serde_yaml (the maintained `yaml_serde`) deserializes into the model and words the
//! schema errors; it keeps no positions for values it accepted, so saphyr's marked tree is
//! walked once to record where each key and list item sits for the rules that come later.

use crate::diagnostics::Diagnostic;
use crate::model::{cjk, field_path, item_path, Doc, Pos, SourceMap};
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::path::Path;

/// Parses `text` (the contents of `file`, relative to the site folder) into a document.
pub fn parse<T: DeserializeOwned + Default>(file: &Path, text: &str) -> Result<Doc<T>, Diagnostic> {
    let (source, unfolded) = source_map(file, text)?;
    // An empty file is an empty mapping: its required fields are reported one by one.
    let data = if text.trim().is_empty() {
        T::default()
    } else {
        cjk::with_unfolded(unfolded, || serde_yaml::from_str::<T>(text)).map_err(|e| schema_error(file, &source, &e))?
    };
    Ok(Doc { data, file: file.to_path_buf(), source, text: text.to_string() })
}

/// Walks the marked tree; a YAML syntax error (or a duplicate key) becomes `yaml/syntax`.
/// Also returns the multi-line scalars whose folding put a space between two CJK
/// characters, with that space taken out (see [`cjk`]).
fn source_map(file: &Path, text: &str) -> Result<(SourceMap, HashMap<String, String>), Diagnostic> {
    let docs = MarkedYaml::load_from_str(text).map_err(|e| syntax_error(file, text, &e))?;
    if docs.len() > 1 {
        let pos = docs.get(1).map(|d| marker_pos(d, 1)).unwrap_or(Pos::START);
        return Err(Diagnostic::error("yaml/syntax", file, pos, "this file holds more than one YAML document")
            .with_help("remove the `---` separator: each governance file is one document"));
    }
    let mut map = SourceMap::default();
    let mut unfolded = HashMap::new();
    if let Some(root) = docs.first() {
        record(root, String::new(), &mut map);
        let lines: Vec<&str> = text.lines().collect();
        find_folds(root, &lines, &mut unfolded);
    }
    Ok((map, unfolded))
}

/// Multi-line string scalars (folded, plain or quoted; a literal block keeps its line
/// breaks, which Markdown then treats as soft breaks) whose folds joined CJK characters.
fn find_folds(node: &MarkedYaml, lines: &[&str], out: &mut HashMap<String, String>) {
    match &node.data {
        YamlData::Mapping(entries) => entries.values().for_each(|v| find_folds(v, lines, out)),
        YamlData::Sequence(items) => items.iter().for_each(|v| find_folds(v, lines, out)),
        YamlData::Value(Scalar::String(value)) if node.span.end.line() > node.span.start.line() => {
            let from = node.span.start.line().saturating_sub(1);
            let to = node.span.end.line().min(lines.len());
            let Some(source) = lines.get(from..to) else { return };
            if source.first().is_some_and(|first| first.trim_end().ends_with(['|', '+', '-']) && first.contains('|')) {
                return;
            }
            if let Some(fixed) = cjk::refold(value, &source.join("\n")) {
                out.insert(value.to_string(), fixed);
            }
        }
        _ => {}
    }
}

/// The tab a tab error reported on line `from` is about: the first one from that line on
/// that stands in a line's indentation, else the first one at all.
fn find_tab(text: &str, from: usize) -> Option<Pos> {
    let (mut line, mut column, mut leading) = (1, 1, true);
    let mut first = None;
    for c in text.chars() {
        if c == '\t' && line >= from {
            let pos = Pos { line, column, len: 1 };
            if leading {
                return Some(pos);
            }
            first.get_or_insert(pos);
        }
        if c == '\n' {
            (line, column, leading) = (line + 1, 1, true);
        } else {
            column += 1;
            leading &= c == ' ' || c == '\t';
        }
    }
    first
}

/// A saphyr error as `yaml/syntax`; a tab where YAML wants spaces gets its own position and help.
fn syntax_error(file: &Path, text: &str, e: &saphyr::ScanError) -> Diagnostic {
    let m = e.marker();
    let pos = Pos { line: m.line(), column: m.col() + 1, len: 1 };
    let info = e.info();
    if let Some(tab) = tab_position(text, m, info) {
        return Diagnostic::error("yaml/syntax", file, tab, "this file is not valid YAML: a tab where YAML expects spaces")
            .with_label("tab")
            .with_help("YAML indents with spaces, never tabs: replace this tab with spaces (and set your editor to insert spaces in YAML files)");
    }
    let help = if info.contains("duplicated key") {
        "each key may appear once in a mapping: remove or rename one of them"
    } else if info.contains("cannot start any token") {
        "YAML indents with spaces, never tabs; quote values that start with `@`, `` ` `` or `%`"
    } else {
        "fix the YAML syntax here; quoting the value often helps"
    };
    Diagnostic::error("yaml/syntax", file, pos, format!("this file is not valid YAML: {info}")).with_help(help)
}

/// Where the tab an error is about sits, if it is about a tab. saphyr points at the tab, just
/// after it, or — for a tab in the indentation of a plain scalar's next line — at the start of
/// that scalar, a line or more before the tab.
fn tab_position(text: &str, m: &saphyr::Marker, info: &str) -> Option<Pos> {
    let pos = Pos { line: m.line(), column: m.col() + 1, len: 1 };
    let before = m.index().checked_sub(1).and_then(|i| text.chars().nth(i));
    if text.chars().nth(m.index()) == Some('\t') {
        Some(pos)
    } else if before == Some('\t') && pos.column > 1 && (info.contains("tab") || info.contains("whitespace")) {
        Some(Pos { column: pos.column - 1, ..pos })
    } else if info.contains("tab") {
        find_tab(text, m.line())
    } else {
        None
    }
}

fn marker_pos(node: &MarkedYaml, len: usize) -> Pos {
    Pos { line: node.span.start.line(), column: node.span.start.col() + 1, len }
}

fn scalar_len(node: &MarkedYaml) -> usize {
    let (start, end) = (node.span.start, node.span.end);
    if start.line() == end.line() {
        end.index().saturating_sub(start.index())
    } else {
        0
    }
}

fn key_text(node: &MarkedYaml) -> Option<String> {
    match &node.data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Value(Scalar::Boolean(b)) => Some(b.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(f.to_string()),
        _ => None,
    }
}

fn record(node: &MarkedYaml, path: String, map: &mut SourceMap) {
    match &node.data {
        YamlData::Mapping(entries) => {
            map.insert_value(path.clone(), marker_pos(node, 0));
            for (key, value) in entries {
                let Some(name) = key_text(key) else { continue };
                let child = field_path(&path, &name);
                map.insert_key(child.clone(), marker_pos(key, name.chars().count()));
                record(value, child, map);
            }
        }
        YamlData::Sequence(items) => {
            map.insert_value(path.clone(), marker_pos(node, 0));
            for (i, item) in items.iter().enumerate() {
                record(item, item_path(&path, i), map);
            }
        }
        _ => map.insert_value(path, marker_pos(node, scalar_len(node))),
    }
}

/// Turns a serde_yaml error into the schema diagnostic it stands for.
fn schema_error(file: &Path, source: &SourceMap, error: &serde_yaml::Error) -> Diagnostic {
    let text = error.to_string();
    // serde_yaml words its errors as `path: message at line L column C`.
    let (path, rest) = match text.split_once(": ") {
        Some((p, r)) if !p.contains(' ') => (p.to_string(), r.to_string()),
        _ => (String::new(), text.clone()),
    };
    let message = rest.split(" at line ").next().unwrap_or(&rest).to_string();
    let located = error.location().map(|l| Pos { line: l.line(), column: l.column(), len: 0 });
    if let Some(field) = between(&message, "unknown field `", "`") {
        let expected = expected_fields(&message);
        let key = field_path(&path, &field);
        let pos = Pos { len: field.chars().count(), ..source.key(&key) };
        let help = match crate::suggest::did_you_mean(&field, expected.iter().map(String::as_str)) {
            Some(question) => format!("{question} Known keys here: {}", expected.join(", ")),
            None => format!("remove it; known keys here: {}", expected.join(", ")),
        };
        return Diagnostic::error("schema/unknown-field", file, pos, format!("unknown key `{field}`{}", place(&path)))
            .with_label("unknown key")
            .with_help(help);
    }
    if let Some(field) = between(&message, "missing field `", "`") {
        let pos = located.filter(|p| p.line > 1 || p.column > 1).unwrap_or_else(|| source.key(&path));
        return Diagnostic::error(
            "schema/missing-field",
            file,
            pos,
            format!("required key `{field}` is missing{}", place(&path)),
        )
        .with_help(format!("add `{field}:` here"));
    }
    if let Some(name) = message.strip_prefix("data did not match any variant of untagged enum ") {
        if let Some(form) = FORMS.iter().find(|f| f.name == name.trim()) {
            return form_error(file, source, &path, form, located.unwrap_or_else(|| source.value(&path)));
        }
    }
    let pos = if source.contains(&path) { source.value(&path) } else { located.unwrap_or_else(|| source.value(&path)) };
    let what = if path.is_empty() { "the document".to_string() } else { format!("`{path}`") };
    Diagnostic::error("schema/type", file, pos, format!("{what} has the wrong type: {}", tidy(&message)))
        .with_label("wrong type")
        .with_help("see docs/format.md for the type this key takes")
}

fn place(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" in `{path}`")
    }
}

fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(text[from..from + len].to_string())
}

fn expected_fields(message: &str) -> Vec<String> {
    let Some(list) = message.split("expected one of ").nth(1).or_else(|| message.split("expected ").nth(1)) else {
        return Vec::new();
    };
    list.split(", ").filter_map(|f| between(f, "`", "`")).collect()
}

/// A value that may be written in several forms: its model type, the key it sits under
/// (when serde_yaml reports its parent instead), the keys its long form takes, and the forms.
struct Form {
    name: &'static str,
    field: Option<&'static str>,
    keys: &'static [&'static str],
    description: &'static str,
}

const FORMS: [Form; 5] = [
    Form {
        name: "Requirements",
        field: Some("requirements"),
        keys: &["all", "any"],
        description: "a list of requirements, or a mapping with only `all` and `any` lists",
    },
    Form {
        name: "Metric",
        field: None,
        keys: &["count", "per", "source"],
        description: "a number, or a mapping with only `count`, `per` and `source`",
    },
    Form {
        name: "Sponsors",
        field: Some("sponsors"),
        keys: &["count", "from", "distinct_affiliations"],
        description: "a number, or a mapping with only `count`, `from` and `distinct_affiliations`",
    },
    Form {
        name: "SupportedVersion",
        field: None,
        keys: &["version", "supported", "status"],
        description: "a version string, or a mapping with only `version`, `supported` and `status`",
    },
    Form {
        name: "MemberForm",
        field: None,
        keys: &["person", "area", "since"],
        description: "a person id, or a mapping with only `person`, `area` and `since`",
    },
];

/// A value that fits none of its forms: a misspelt key of its long form, or the wrong type.
fn form_error(file: &Path, source: &SourceMap, path: &str, form: &Form, fallback: Pos) -> Diagnostic {
    let at = form.field.map(|f| field_path(path, f)).filter(|p| source.contains(p)).unwrap_or_else(|| path.to_string());
    // A long form with a misspelt key: a mapping below that has some of the form's keys and
    // one it does not know.
    let misspelt = source.keys_under(&at).find(|(key, _)| {
        let Some((parent, name)) = key.rsplit_once('.') else { return false };
        !form.keys.contains(&name) && source.children(parent).any(|(k, _)| form.keys.contains(&k))
    });
    if let Some((key, pos)) = misspelt {
        let (parent, name) = key.rsplit_once('.').unwrap_or(("", key));
        let help = match crate::suggest::did_you_mean(name, form.keys.iter().copied()) {
            Some(question) => format!("{question} Known keys here: {}", form.keys.join(", ")),
            None => format!("remove it; known keys here: {}", form.keys.join(", ")),
        };
        return Diagnostic::error(
            "schema/unknown-field",
            file,
            Pos { len: name.chars().count(), ..pos },
            format!("unknown key `{name}`{}", place(parent)),
        )
        .with_label("unknown key")
        .with_help(help);
    }
    let pos = if source.contains(&at) { source.value(&at) } else { fallback };
    Diagnostic::error("schema/type", file, pos, format!("`{at}` has the wrong type: expected {}", form.description))
        .with_label("wrong type")
        .with_help("see docs/format.md for the forms this key takes")
}

/// serde's wording names Rust types; say it in YAML terms.
fn tidy(message: &str) -> String {
    message
        .replace("expected a nonzero u32", "expected a whole number above 0")
        .replace("expected u32", "expected a whole number")
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a boolean", "expected true or false")
        .replace("a sequence", "a list")
        .replace("expected struct ", "expected a mapping: ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Roles;

    fn roles(text: &str) -> Result<Doc<Roles>, Diagnostic> {
        parse::<Roles>(Path::new("governance/roles.yaml"), text)
    }

    #[test]
    fn folded_and_plain_scalars_join_cjk_lines_without_a_space() {
        let text = "roles:\n  - id: tsc\n    name: 技术委员会\n    description: >-\n      技术决策机构，\n      负责撤销 SIG 和\n      release planning.\n    term: 两年一届，\n      可以连任\n  - id: x\n    name: X\n    description: |\n      第一行\n      第二行\n";
        let doc = roles(text).unwrap();
        let role = &doc.data.roles[0];
        assert_eq!(role.description.as_str(), "技术决策机构，负责撤销 SIG 和 release planning.");
        assert_eq!(role.term.as_ref().map(|t| t.as_str()), Some("两年一届，可以连任"));
        // A literal block keeps its line break (Markdown then joins it).
        assert_eq!(doc.data.roles[1].description.as_str(), "第一行\n第二行\n");
    }

    #[test]
    fn records_positions_of_keys_and_items() {
        let doc = roles("roles:\n  - id: maintainer\n    members:\n      - alice\n      - bob\n").unwrap();
        assert_eq!(doc.pos("roles[0].members[1]"), Pos { line: 5, column: 9, len: 3 });
        assert_eq!(doc.key_pos("roles[0].members"), Pos { line: 3, column: 5, len: 7 });
    }

    #[test]
    fn unknown_key_points_at_the_key_with_a_suggestion() {
        let err = roles("roles:\n  - id: maintainer\n    membres: [alice]\n").unwrap_err();
        assert_eq!((err.rule, err.line, err.column), ("schema/unknown-field", 3, 5));
        assert!(err.help.unwrap().starts_with("did you mean `members`?"));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = roles("roles:\n  - id: [a, b\n").unwrap_err();
        assert_eq!(err.rule, "yaml/syntax");
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn a_tab_is_reported_where_it_is_with_tab_help() {
        for (text, line, column) in [
            ("roles:\n  - id: a\n\tname: b\n", 3, 1),
            ("roles:\n  - id: a\n    name: b\n\t  open: true\n", 4, 1),
            ("roles:\n\t- id: a\n", 2, 1),
            ("roles:\n  - id: a\t# note\n    name:\tb\n", 3, 10),
            ("roles:\n  - id: x\ty\n  \t  name: b\n", 3, 3),
        ] {
            let err = roles(text).unwrap_err();
            assert_eq!((err.rule, err.line, err.column), ("yaml/syntax", line, column), "{text:?}: {err:?}");
            assert!(err.help.as_deref().is_some_and(|h| h.contains("never tabs")), "{err:?}");
        }
    }

    #[test]
    fn duplicate_key_is_located() {
        let err = roles("roles:\n  - id: a\n    id: b\n").unwrap_err();
        assert_eq!((err.rule, err.line, err.column), ("yaml/syntax", 3, 5));
    }

    #[test]
    fn a_misspelt_key_in_a_long_form_is_refused() {
        let err = parse::<crate::model::Ladder>(
            Path::new("governance/ladder.yaml"),
            "levels:\n  - id: a\n    name: A\n    requirements: { all: [x], anyy: [y] }\n",
        )
        .unwrap_err();
        assert_eq!((err.rule, err.line, err.column), ("schema/unknown-field", 4, 31), "{err:?}");
        assert_eq!(err.help.as_deref(), Some("did you mean `any`? Known keys here: all, any"));
        let err = parse::<crate::model::Ladder>(
            Path::new("governance/ladder.yaml"),
            "levels:\n  - id: a\n    name: A\n    requirements: yes please\n",
        )
        .unwrap_err();
        assert_eq!((err.rule, err.line, err.column), ("schema/type", 4, 19), "{err:?}");
    }

    #[test]
    fn wrong_type_names_the_path() {
        let err = roles("roles:\n  - id: a\n    open: sometimes\n").unwrap_err();
        assert_eq!((err.rule, err.line, err.column), ("schema/type", 3, 11));
        assert!(err.message.contains("roles[0].open"), "{}", err.message);
    }
}
