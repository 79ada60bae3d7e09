//! What counts as a placeholder in a text: `TODO`, `TBD`, `FIXME`, `[INSERT …]`, `$NAME`
//! template slots and "lorem ipsum".
//!
//! Matching is by whole words, so `TODOS`, `TBDs` or `Todoist` in running text are not
//! hits, and never inside a URL or a Markdown link destination (`…/TODO.md` names a file).
//! A `$NAME` inside Markdown code is a shell or template variable being shown, not a slot
//! left unfilled, so code spans and blocks are skipped for slots only. Links and code are
//! found by the parser that renders the text (`markdown::scan`).

use crate::markdown::scan::{self, Reading};
use std::ops::Range;

/// A placeholder in a text: its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// What kind of placeholder it is.
    pub kind: Kind,
}

/// The kinds of placeholder, for the help line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `TODO`, `TBD`, `FIXME`.
    Marker,
    /// `[INSERT …]`.
    Insert,
    /// `$PROJECT_NAME`, `${PROJECT_NAME}`.
    Slot,
    /// "lorem ipsum" filler.
    Lorem,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Maximal runs of word characters, as byte ranges.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Where a link runs from `from` on: up to whitespace or a character that closes it in
/// prose or Markdown.
fn link_end(text: &str, from: usize) -> usize {
    text[from..].find(|c: char| c.is_whitespace() || "<>\"'`)]".contains(c)).map_or(text.len(), |n| from + n)
}

/// URLs (`scheme://…`, `mailto:…`, `www.…`) and Markdown link destinations (`(…)`).
fn link_spans(text: &str, reading: &Reading) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for (at, _) in text.match_indices("://") {
        let scheme_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            .last()
            .map_or(at, |(i, _)| i);
        spans.push(scheme_start..link_end(text, at));
    }
    let lower = text.to_ascii_lowercase();
    for prefix in ["mailto:", "www."] {
        for (at, _) in lower.match_indices(prefix) {
            if !text[..at].chars().next_back().is_some_and(is_word) {
                spans.push(at..link_end(text, at));
            }
        }
    }
    // Inline destinations with their titles, and reference definitions.
    spans.extend(reading.destinations.iter().filter_map(|d| d.tail.clone()));
    spans
}

/// `PROJECT_NAME`: uppercase letters, digits and `_`, starting with a letter, with at
/// least two letters (so `$5` or `$A1` are not slots).
fn is_slot_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// The placeholder a word starts, if any: its range and kind.
fn hit_at(text: &str, words: &[Range<usize>], k: usize) -> Option<(Range<usize>, Kind)> {
    let w = words.get(k)?.clone();
    let word = &text[w.clone()];
    let before = &text[..w.start];
    if matches!(word, "TODO" | "TBD" | "FIXME") {
        return Some((w, Kind::Marker));
    }
    if word.eq_ignore_ascii_case("lorem") {
        let next = words.get(k + 1)?;
        let gap = &text[w.end..next.start];
        let follows = !gap.is_empty() && gap.chars().all(char::is_whitespace);
        return (follows && text[next.clone()].eq_ignore_ascii_case("ipsum"))
            .then_some((w.start..next.end, Kind::Lorem));
    }
    if is_slot_name(word) {
        if before.ends_with("${") && text[w.end..].starts_with('}') {
            return Some((w.start - 2..w.end + 1, Kind::Slot));
        }
        if before.ends_with('$') {
            return Some((w.start - 1..w.end, Kind::Slot));
        }
    }
    if word.eq_ignore_ascii_case("insert") && before.ends_with('[') {
        let line_end = text[w.end..].find('\n').map_or(text.len(), |n| w.end + n);
        let end = text[w.end..line_end].find(']').map_or(w.end, |n| w.end + n + 1);
        return Some((w.start - 1..end, Kind::Insert));
    }
    None
}

/// Every placeholder in `text`, in order.
pub(super) fn find(text: &str) -> Vec<Hit> {
    find_in(text, None)
}

/// Every placeholder in `text`, in order, with its Markdown `reading` when it was read
/// already (a page is: see [`super::reading`]).
pub(super) fn find_in(text: &str, reading: Option<&Reading>) -> Vec<Hit> {
    let words = words(text);
    let candidates: Vec<(Range<usize>, Kind)> = (0..words.len()).filter_map(|k| hit_at(text, &words, k)).collect();
    if candidates.is_empty() {
        // Most texts: no need to parse them.
        return Vec::new();
    }
    let read_now;
    let reading = match reading {
        Some(reading) => reading,
        None => {
            read_now = scan::read(text);
            &read_now
        }
    };
    let links = link_spans(text, reading);
    candidates
        .into_iter()
        .filter(|(range, kind)| {
            let in_link = links.iter().any(|l| l.contains(&range.start));
            let in_code = *kind == Kind::Slot && reading.code.iter().any(|c| c.range.contains(&range.start));
            !in_link && !in_code
        })
        .map(|(range, kind)| Hit { start: range.start, end: range.end, kind })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::find;

    fn found(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn finds_markers_as_whole_words() {
        assert_eq!(found("TODO: write this. TBD, FIXME!"), ["TODO", "TBD", "FIXME"]);
        assert!(found("TODOS and TBDs in Todoist, todo lists, MyTODO").is_empty());
    }

    #[test]
    fn finds_slots_inserts_and_filler() {
        assert_eq!(found("Email [INSERT CONTACT METHOD] now"), ["[INSERT CONTACT METHOD]"]);
        assert_eq!(found("Welcome to $PROJECT_NAME and ${ORG}."), ["$PROJECT_NAME", "${ORG}"]);
        assert!(found("It costs $5, $A1 or $Foo").is_empty());
        assert_eq!(found("Lorem  ipsum dolor sit amet"), ["Lorem  ipsum"]);
        assert!(found("lorem, ipsum").is_empty());
    }

    #[test]
    fn skips_links_and_code_slots() {
        assert!(found("See https://example.org/TODO/list and [x](docs/TODO.md)").is_empty());
        assert!(found("mailto:TBD@example.org or www.example.org/FIXME").is_empty());
        assert_eq!(found("[TODO](https://example.org/TODO)"), ["TODO"]);
        assert!(found("Add it to your `$PATH`.\n```sh\necho $HOME_DIR\n```\n").is_empty());
        assert_eq!(found("`TODO` still counts"), ["TODO"]);
        assert!(found("Run:\n\n    export $HOME_DIR\n\n~~~\n$A_B\n~~~\n").is_empty(), "indented and ~~~ code");
        assert!(
            found("[a](<docs/TODO list.md> \"FIXME later\")\n\n[r]: docs/TBD.md\n").is_empty(),
            "destinations and titles"
        );
        assert_eq!(found("``$NOT `code`` $SLOT_ONE"), ["$SLOT_ONE"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_text() {
        let text = "Siobhán: TODO";
        let hit = &find(text)[0];
        assert_eq!(&text[hit.start..hit.end], "TODO");
    }
}
