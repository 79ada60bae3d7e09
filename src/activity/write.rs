//! `activity --write`: `last_active` set in people.yaml by editing its text, not by
//! serializing the model again, so comments, blank lines, key order, quoting and flow
//! mappings stay as their authors wrote them.
//!
//! The edit is checked before it is accepted: the edited text must parse to the same people
//! with only the new dates changed, or nothing is written.

use crate::model::{Doc, People, Pos};

/// Why people.yaml was not edited.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A person's entry has a shape the edit does not handle (e.g. a flow mapping spread
    /// over several lines).
    #[error("cannot add `last_active` to `{0}` in governance/people.yaml without reformatting it; add `last_active: {1}` by hand")]
    Shape(String, String),
    /// The edited text did not read back as intended: a bug, reported rather than written.
    #[error("editing governance/people.yaml would change more than `last_active`; nothing was written")]
    Verify,
}

/// `text` (people.yaml, loaded as `doc`) with `last_active` set for each `(person id, date)`.
pub fn set_last_active(doc: &Doc<People>, text: &str, updates: &[(String, String)]) -> Result<String, WriteError> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    // Edits are applied from the end of the file backwards, so each position stays valid.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (id, date) in updates {
        let Some(i) = doc.people.iter().position(|p| &p.id == id) else { continue };
        edits.push(edit(doc, text, i, date, newline).ok_or_else(|| WriteError::Shape(id.clone(), date.clone()))?);
    }
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = text.to_string();
    for (range, insert) in edits {
        out.replace_range(range, &insert);
    }
    verify(doc, &out, updates)?;
    Ok(out)
}

/// One edit of `text`: the byte range to replace (empty for an insertion) and its new text.
fn edit(
    doc: &Doc<People>,
    text: &str,
    i: usize,
    date: &str,
    newline: &str,
) -> Option<(std::ops::Range<usize>, String)> {
    let item = format!("people[{i}]");
    let value = format!("{item}.last_active");
    if doc.source.contains(&value) {
        return replace_value(doc.pos(&value), text, date);
    }
    let start = doc.key_pos(&item);
    let line = text.lines().nth(start.line.checked_sub(1)?)?;
    let from = line.char_indices().nth(start.column.checked_sub(1)?).map(|(at, _)| at)?;
    if line[from..].starts_with('{') {
        let close = flow_end(&line[from..])?;
        // After the last value, so the space before `}` stays where the author put it.
        let at = start.offset_in(text)? + line[from..from + close].trim_end().len();
        return Some((at..at, format!(", last_active: {date}")));
    }
    // A block mapping: a line at the indentation of its keys, after its last line.
    let indent = start.column - 1;
    let next =
        doc.source.contains(&format!("people[{}]", i + 1)).then(|| doc.key_pos(&format!("people[{}]", i + 1)).line);
    let mut last = start.line;
    for (n, l) in text.lines().enumerate().map(|(n, l)| (n + 1, l)).skip(start.line) {
        if next.is_some_and(|next| n >= next) {
            break;
        }
        let spaces = l.len() - l.trim_start_matches(' ').len();
        if !l.trim().is_empty() && spaces >= indent {
            last = n;
        } else if !l.trim().is_empty() {
            break;
        }
    }
    let end_of_last = Pos { line: last, column: usize::MAX, len: 0 }.offset_in(text)?;
    let at = text[end_of_last..].find('\n').map_or(text.len(), |n| end_of_last + n + 1);
    let prefix = if at == text.len() && !text.ends_with('\n') { newline } else { "" };
    Some((at..at, format!("{prefix}{}last_active: {date}{newline}", " ".repeat(indent))))
}

/// The written value at `pos` (quotes included) replaced by `date`.
fn replace_value(pos: Pos, text: &str, date: &str) -> Option<(std::ops::Range<usize>, String)> {
    if pos.len == 0 {
        return None;
    }
    let from = pos.offset_in(text)?;
    let to = text[from..].char_indices().nth(pos.len).map_or(text.len(), |(n, _)| from + n);
    Some((from..to, date.to_string()))
}

/// The byte offset of the `}` that closes the flow mapping `text` starts with, if it closes
/// on this line (quotes and nested brackets skipped).
fn flow_end(text: &str) -> Option<usize> {
    let (mut depth, mut quote) = (0usize, None::<char>);
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at);
                }
            }
            (None, '#') if text[..at].ends_with(' ') => return None,
            _ => {}
        }
    }
    None
}

/// The edited text must read back as the same people with only the new dates.
fn verify(doc: &Doc<People>, text: &str, updates: &[(String, String)]) -> Result<(), WriteError> {
    let edited: People = serde_yaml::from_str(text).map_err(|_| WriteError::Verify)?;
    let mut expected = doc.data.clone();
    for person in &mut expected.people {
        if let Some((_, date)) = updates.iter().find(|(id, _)| *id == person.id) {
            person.last_active = Some(date.clone());
        }
    }
    let same = serde_json::to_value(&edited).ok() == serde_json::to_value(&expected).ok();
    if same {
        Ok(())
    } else {
        Err(WriteError::Verify)
    }
}
