//! From byte offsets to lines and columns: in a Markdown page's body, and inside a YAML string
//! value as its file writes it (plain, quoted, or a block scalar whose lines were folded).
//!
//! One place for what the link check, `content/unsafe-link` and `text/placeholder` all need,
//! and linear in the input: a 20,000-line value with a hit on every line, or 3,000 hits on one
//! line, costs one pass, not one pass per hit.

use super::Pos;
use std::ops::Range;

/// The start of every line of a text, found once.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts }
    }

    /// The 1-based line and column (in characters) of byte `offset`; clamped to the text and
    /// to a character boundary, so it never panics.
    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        Pos { line, column: self.text[start..offset].chars().count() + 1, len: 0 }
    }

    /// The byte offset of `pos`; a column past the end of its line gives the line's end, a
    /// line past the last gives `None`.
    pub fn offset(&self, pos: Pos) -> Option<usize> {
        let start = *self.starts.get(pos.line.checked_sub(1)?)?;
        let end = self.starts.get(pos.line).copied().unwrap_or(self.text.len());
        let content = self.text[start..end].trim_end_matches(['\n', '\r']);
        Some(start + content.char_indices().nth(pos.column.saturating_sub(1)).map_or(content.len(), |(i, _)| i))
    }
}

/// Where each of `spans` (byte ranges of the parsed string `text`, in increasing order) sits
/// in the file indexed by `file`, for a YAML value that starts at `start`.
///
/// A plain scalar on one line is the text itself, and a quoted one adds a quote before it;
/// anything else (block scalars, folded lines, escapes) is found in the file itself, each span
/// after the previous one, from where the value starts. A span that cannot be found is placed
/// at the value's start.
pub fn in_scalar(file: &LineIndex, start: Pos, text: &str, spans: &[Range<usize>]) -> Vec<Pos> {
    let chars = text.chars().count();
    let shift = match (text.contains('\n'), start.len) {
        (false, len) if len == chars => Some(0),
        (false, len) if len == chars + 2 => Some(1),
        _ => None,
    };
    let span_len = |span: &Range<usize>| text.get(span.clone()).map_or(0, |s| s.chars().count());
    if let Some(shift) = shift {
        let (mut at, mut column) = (0, 0);
        return spans
            .iter()
            .map(|span| {
                let to = span.start.clamp(at, text.len());
                column += text.get(at..to).map_or(0, |s| s.chars().count());
                at = to;
                Pos { line: start.line, column: start.column + shift + column, len: span_len(span) }
            })
            .collect();
    }
    let Some(mut cursor) = file.offset(start) else {
        return spans.iter().map(|span| Pos { len: span_len(span), ..start }).collect();
    };
    spans
        .iter()
        .map(|span| {
            let written = text.get(span.clone()).unwrap_or("");
            let found = (!written.is_empty()).then(|| file.text[cursor..].find(written)).flatten();
            match found {
                Some(i) => {
                    let at = cursor + i;
                    cursor = at + written.len();
                    Pos { len: written.chars().count(), ..file.pos(at) }
                }
                None => Pos { len: written.chars().count(), ..start },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_round_trip() {
        let text = "name: Siobhán\nx: é1\n";
        let index = LineIndex::new(text);
        let at = text.find("é1").unwrap_or(0);
        assert_eq!(index.pos(at), Pos { line: 2, column: 4, len: 0 });
        assert_eq!(index.offset(Pos { line: 2, column: 4, len: 0 }), Some(at));
        assert_eq!(index.pos(at + 1).column, 4, "inside a character: its start");
        assert_eq!(index.offset(Pos { line: 9, column: 1, len: 0 }), None);
    }

    #[test]
    fn scalars_plain_quoted_and_folded() {
        let file =
            "a: see [x](/gone/) now\nb: \"see [x](/gone/)\"\nc: >-\n  first line\n  then [x](/gone/) and [y](/gone/)\n";
        let index = LineIndex::new(file);
        let plain = "see [x](/gone/) now";
        let span = |t: &str| t.find("/gone/").map_or(0..0, |i| i..i + 6);
        let at = in_scalar(&index, Pos { line: 1, column: 4, len: plain.chars().count() }, plain, &[span(plain)]);
        assert_eq!(at, vec![Pos { line: 1, column: 12, len: 6 }]);
        let quoted = "see [x](/gone/)";
        let at =
            in_scalar(&index, Pos { line: 2, column: 4, len: quoted.chars().count() + 2 }, quoted, &[span(quoted)]);
        assert_eq!(at, vec![Pos { line: 2, column: 13, len: 6 }]);
        let folded = "first line then [x](/gone/) and [y](/gone/)";
        let first = span(folded);
        let second = folded.rfind("/gone/").map_or(0..0, |i| i..i + 6);
        let at = in_scalar(&index, Pos { line: 3, column: 4, len: 0 }, folded, &[first, second]);
        assert_eq!(at, vec![Pos { line: 5, column: 12, len: 6 }, Pos { line: 5, column: 28, len: 6 }]);
    }
}
