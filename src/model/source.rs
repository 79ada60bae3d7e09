use std::collections::HashMap;

/// A 1-based position in a source file, with the length of the span in characters
/// (for the caret under it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Length of the span in characters (0 when unknown).
    pub len: usize,
}

impl Pos {
    /// The start of a file.
    pub const START: Pos = Pos { line: 1, column: 1, len: 0 };

    /// Where byte `offset` of `text` is (with no length). An offset inside a character counts
    /// as that character, one past the end as the end: callers need not know the text's
    /// character boundaries, and a position is never a reason to panic.
    pub fn at_offset(text: &str, offset: usize) -> Pos {
        super::spans::LineIndex::new(text).pos(offset)
    }

    /// The byte offset of this line and column in `text`; a column past the end of its line
    /// gives the line's end, a line past the last gives `None`.
    pub fn offset_in(&self, text: &str) -> Option<usize> {
        super::spans::LineIndex::new(text).offset(*self)
    }
}

/// Where every key and value of a YAML document sits, by path.
///
/// Paths are written as serde_yaml writes them in its errors: `roles[1].members[0]`,
/// `charter.scope.in[2]`; the document root is the empty path.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
}

impl SourceMap {
    /// Records where the value at `path` starts.
    pub fn insert_value(&mut self, path: String, pos: Pos) {
        self.values.insert(path, pos);
    }

    /// Records where the key naming `path` starts.
    pub fn insert_key(&mut self, path: String, pos: Pos) {
        self.keys.insert(path, pos);
    }

    /// Where the value at `path` starts, falling back to its nearest known ancestor.
    pub fn value(&self, path: &str) -> Pos {
        self.lookup(&self.values, path)
    }

    /// Where the key of `path` starts; list items (which have no key) give the item.
    pub fn key(&self, path: &str) -> Pos {
        match self.keys.get(path) {
            Some(pos) => *pos,
            None => self.value(path),
        }
    }

    /// The keys of the mapping at `path`, with their positions (in no particular order).
    pub fn children<'a>(&'a self, path: &'a str) -> impl Iterator<Item = (&'a str, Pos)> + 'a {
        self.keys.iter().filter_map(move |(key, pos)| {
            let name = key.strip_prefix(path)?.strip_prefix('.').or_else(|| path.is_empty().then_some(key.as_str()))?;
            (!name.contains(['.', '['])).then_some((name, *pos))
        })
    }

    /// Every key at or below `path`, with its full path and position (in no particular order).
    pub fn keys_under<'a>(&'a self, path: &'a str) -> impl Iterator<Item = (&'a str, Pos)> + 'a {
        self.keys.iter().filter(move |(key, _)| key.starts_with(path)).map(|(key, pos)| (key.as_str(), *pos))
    }

    /// The same positions, `lines` lines further down: a page's front matter is parsed on its
    /// own but starts on the file's second line.
    pub fn shifted(mut self, lines: usize) -> SourceMap {
        for pos in self.values.values_mut().chain(self.keys.values_mut()) {
            pos.line += lines;
        }
        self
    }

    /// Whether the document has a value at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.values.contains_key(path)
    }

    /// The path of the node a *serialized* path came from, or `None` for a default value the
    /// file does not contain. The model serializes some shorthands in their long form: a
    /// requirements list as `{ all, any }`, a member id as `{ person, … }`, a version string
    /// as `{ version, … }`.
    pub fn written(&self, path: &str) -> Option<String> {
        if self.contains(path) {
            return Some(path.to_string());
        }
        if let Some((head, index)) = path.rsplit_once(".all[") {
            let list = format!("{head}[{index}");
            if self.contains(&list) {
                return Some(list);
            }
        }
        let (parent, _) = path.rsplit_once('.')?;
        self.contains(parent).then(|| parent.to_string())
    }

    fn lookup(&self, map: &HashMap<String, Pos>, path: &str) -> Pos {
        let mut path = path;
        loop {
            if let Some(pos) = map.get(path) {
                return *pos;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return self.values.get("").copied().unwrap_or(Pos::START),
            }
        }
    }
}

/// Joins a path and a field name: `field_path("roles[1]", "name")` is `roles[1].name`.
pub fn field_path(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Appends a list index: `item_path("roles", 1)` is `roles[1]`.
pub fn item_path(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_convert_both_ways() {
        let text = "ab\nSiobhán: x\r\nend";
        let x = text.find('x').unwrap();
        assert_eq!(Pos::at_offset(text, x), Pos { line: 2, column: 10, len: 0 });
        assert_eq!(Pos { line: 2, column: 10, len: 0 }.offset_in(text), Some(x));
        assert_eq!(Pos::at_offset(text, 0), Pos::START);
        assert_eq!(Pos::at_offset(text, text.len()), Pos { line: 3, column: 4, len: 0 });
        // Inside `á` (two bytes) and past the end: clamped, never a panic.
        assert_eq!(Pos::at_offset(text, text.find('á').unwrap() + 1).column, 6);
        assert_eq!(Pos::at_offset(text, 999), Pos { line: 3, column: 4, len: 0 });
        assert_eq!(Pos { line: 2, column: 99, len: 0 }.offset_in(text), Some(text.find('\r').unwrap()));
        assert_eq!(Pos { line: 4, column: 1, len: 0 }.offset_in(text), None);
    }

    #[test]
    fn shorthands_resolve_to_the_written_node() {
        let mut map = SourceMap::default();
        map.insert_value("levels[1].requirements[0]".into(), Pos::START);
        map.insert_value("roles[0].members[1]".into(), Pos::START);
        assert_eq!(map.written("levels[1].requirements.all[0]").as_deref(), Some("levels[1].requirements[0]"));
        assert_eq!(map.written("roles[0].members[1].person").as_deref(), Some("roles[0].members[1]"));
        assert_eq!(map.written("language"), None);
    }

    #[test]
    fn falls_back_to_nearest_ancestor() {
        let mut map = SourceMap::default();
        map.insert_value("roles".into(), Pos { line: 2, column: 3, len: 0 });
        map.insert_value("roles[1]".into(), Pos { line: 9, column: 5, len: 0 });
        assert_eq!(map.value("roles[1].members[4]").line, 9);
        assert_eq!(map.value("roles[7]").line, 2);
        assert_eq!(map.value("nothing"), Pos::START);
    }
}
