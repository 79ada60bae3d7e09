//! The committee GOVERNANCE.md names: its name and acronym, size, meetings, and the people
//! its tables list. Split from [`super::governance`], which reads the rest of the prose.

use super::governance::Sentence;
use super::maintainers;
use super::people::{plain, Found, Seat};

/// The most distinct committee names weighed: each costs a scan of the file.
const MAX_NAMES: usize = 32;

/// What names a committee: the last word of its name.
const BODIES: &[&str] = &["committee", "council", "board", "core team"];

/// A steering committee, TSC, council or core team.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Committee {
    /// Its name as written (`Technical Steering Committee`).
    pub name: String,
    /// Its acronym, when the file defines one (`TSC`).
    pub short: Option<String>,
    /// How many members it has, when a sentence says so.
    pub size: Option<u32>,
    /// Whether it is made of the maintainers (then its members are the maintainer role's).
    pub of_maintainers: bool,
    /// How often it meets (`weekly`, `every two weeks`, `monthly`, `quarterly`, `yearly`).
    pub cadence: Option<&'static str>,
    /// The people its tables list (seat [`Seat::Committee`]).
    pub members: Vec<Found>,
}

/// The committee named most often, with its acronym, size, cadence and listed members.
pub(super) fn committee(text: &str, sentences: &[Sentence]) -> Option<Committee> {
    let mut names = body_names(text);
    // `Committee` alone is the tail of `Steering Committee`, not another body.
    if names.iter().any(|(n, _)| n.contains(' ')) {
        names.retain(|(n, _)| n.contains(' '));
    }
    // The name used most often; a longer one (`New Steering Committee`, from a sentence's
    // start) counts within its shorter tail, and wins only where it is as frequent.
    let lower = text.to_lowercase();
    let (name, short) = names
        .iter()
        .max_by_key(|(name, short)| {
            let n = lower.matches(&name.to_lowercase()).count();
            (n + short.as_ref().map_or(0, |s| text.matches(s.as_str()).count()), name.len())
        })
        .cloned()?;
    let lower_name = name.to_lowercase();
    let lower_short = short.as_ref().map(|s| s.to_lowercase());
    // With one body named, "the committee" is that body.
    let tail = (names.len() == 1).then(|| lower_name.rsplit(' ').next().unwrap_or_default().to_string());
    let mentions = |s: &str| {
        s.contains(&lower_name)
            || lower_short.as_ref().is_some_and(|a| s.split(|c: char| !c.is_alphanumeric()).any(|w| w == a))
            || tail.as_ref().is_some_and(|t| s.contains(&format!("the {t}")))
    };
    let about: Vec<&Sentence> = sentences.iter().filter(|s| mentions(&s.text)).collect();
    let size = about.iter().find_map(|s| size(&s.text));
    let of_maintainers = about.iter().any(|s| {
        s.text.contains("maintainers")
            && ["composed of", "consists of", "made up of", "formed by", "comprised of", "all maintainers"]
                .iter()
                .any(|w| s.text.contains(w))
    });
    let cadence = about
        .iter()
        .filter(|s| ["meet", "call", "conference"].iter().any(|w| s.text.contains(w)))
        .find_map(|s| cadence(&s.text));
    Some(Committee { name, short, size, of_maintainers, cadence, members: members(text) })
}

/// Capitalised names ending in a body word (`Project Leadership Committee`), each with the
/// acronym in parentheses after it, if any.
fn body_names(text: &str) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let flat = plain(&text.replace('\n', " "));
    let words: Vec<&str> = flat.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let two = words.get(i + 1).map(|n| format!("{bare} {}", n.trim_matches(|c: char| !c.is_alphanumeric())));
        let (end, last) = if two.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("core team")) {
            (i + 1, "Team")
        } else if BODIES.iter().any(|b| bare.eq_ignore_ascii_case(b)) {
            (i, bare)
        } else {
            continue;
        };
        if !last.starts_with(char::is_uppercase) {
            continue;
        }
        // The capitalised words before it, at most three, the first of a sentence included.
        let mut start = if end > i { i } else { end };
        while start > 0 && end - start < 3 {
            let prev = words[start - 1];
            let clean = prev.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            if clean.is_empty() || !clean.starts_with(char::is_uppercase) || prev.ends_with(['.', ',', ':', ';']) {
                break;
            }
            if ["the", "our", "a", "an", "this", "its", "their", "each", "any"]
                .iter()
                .any(|d| clean.eq_ignore_ascii_case(d))
            {
                break;
            }
            start -= 1;
        }
        let name: Vec<&str> =
            words[start..=end].iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')).collect();
        let name = name.join(" ");
        let short = words.get(end + 1).and_then(|w| {
            let inner = w.strip_prefix('(')?.trim_end_matches([')', '.', ',', ':']);
            (inner.len() >= 2 && inner.len() <= 6 && inner.chars().all(|c| c.is_ascii_uppercase()))
                .then(|| inner.to_string())
        });
        let full = out.len() >= MAX_NAMES;
        match out.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            Some(known) => known.1 = known.1.take().or(short),
            None if !full => out.push((name, short)),
            None => {}
        }
    }
    out
}

const NUMBERS: &[(&str, u32)] = &[
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fifteen", 15),
];

/// `seven members`, `9 seats`, `(7 seats)`: a fixed size; a range (`between 6 and 12`) is none.
fn size(sentence: &str) -> Option<u32> {
    if sentence.contains("between") || sentence.contains("at least") || sentence.contains("up to") {
        return None;
    }
    let words: Vec<&str> = sentence.split(|c: char| c.is_whitespace() || c == '(').collect();
    words.windows(2).find_map(|pair| {
        let noun = pair[1].trim_matches(|c: char| !c.is_alphanumeric());
        if !["members", "seats", "people", "individuals"].contains(&noun) {
            return None;
        }
        let n = pair[0].trim_matches(|c: char| !c.is_alphanumeric());
        n.parse::<u32>().ok().or_else(|| NUMBERS.iter().find(|(w, _)| *w == n).map(|(_, v)| *v)).filter(|v| *v >= 2)
    })
}

fn cadence(sentence: &str) -> Option<&'static str> {
    [
        ("biweekly", "every two weeks"),
        ("bi-weekly", "every two weeks"),
        ("fortnightly", "every two weeks"),
        ("every two weeks", "every two weeks"),
        ("every other week", "every two weeks"),
        ("weekly", "weekly"),
        ("every week", "weekly"),
        ("monthly", "monthly"),
        ("every month", "monthly"),
        ("quarterly", "quarterly"),
        ("every quarter", "quarterly"),
        ("annually", "yearly"),
        ("yearly", "yearly"),
        ("once a year", "yearly"),
    ]
    .iter()
    .find(|(words, _)| sentence.contains(words))
    .map(|(_, c)| *c)
}

/// The people of the file's tables, as committee members; a table right after a line that
/// says emeritus, former or past lists emeritus members.
fn members(text: &str) -> Vec<Found> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim().starts_with('|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].trim().starts_with('|') {
            i += 1;
        }
        let before = lines[..start].iter().rev().filter(|l| !l.trim().is_empty()).take(2);
        let emeritus = before
            .map(|l| l.to_lowercase())
            .any(|l| ["emeritus", "former", "past members", "alumni", "retired"].iter().any(|w| l.contains(w)));
        for mut found in maintainers::read(&lines[start..i].join("\n")).people {
            found.emeritus = emeritus;
            found.seats = vec![Seat::Committee];
            out.push(found);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_cadences() {
        assert_eq!(size("the committee has seven members."), Some(7));
        assert_eq!(size("the council (9 seats) is elected."), Some(9));
        assert_eq!(size("between 6 and 12 members."), None);
        assert_eq!(cadence("the tsc meets every two weeks."), Some("every two weeks"));
        assert_eq!(cadence("a quarterly video conference."), Some("quarterly"));
    }

    #[test]
    fn body_names_with_acronyms() {
        let names = body_names("The Technical Steering Committee (TSC) decides. Ask the TSC.\nOur Core Team reviews.");
        assert_eq!(
            names,
            [("Technical Steering Committee".to_string(), Some("TSC".to_string())), ("Core Team".to_string(), None)]
        );
    }
}
