//! GOVERNANCE.md prose: the decision model, the majorities of named decisions, the
//! committee that decides (its name, size and members) and how often it meets.
//!
//! Read by words and short phrases, sentence by sentence, with the paragraph and the
//! heading around a sentence as its context: prose has no structure to parse, and a wrong
//! guess is worse than a TODO, so each fact is taken only when a sentence states it plainly.

use super::committee::committee;
pub use super::committee::Committee;
use std::rc::Rc;

/// The most context a sentence keeps, in bytes.
const CONTEXT: usize = 2000;

/// `text` cut to at most `max` bytes at a character boundary.
pub(super) fn cut(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
use super::people::{github_link, handle_in, plain};

/// What GOVERNANCE.md says, as far as it was understood.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Governance {
    /// `lazy-consensus`, `consensus`, `voting` or `bdfl`.
    pub model: Option<&'static str>,
    /// The majority of an ordinary vote: `simple`, `two-thirds`, `three-quarters`, `unanimous`.
    pub majority: Option<&'static str>,
    /// What an ordinary vote's majority is counted against: `all-members` or `votes-cast`.
    pub base: Option<&'static str>,
    /// Named decisions with their own majority: (`amendment` | `removal` | `new-maintainer`,
    /// majority), each once, in the order found.
    pub thresholds: Vec<(&'static str, &'static str)>,
    /// The committee that decides, when the file names one.
    pub committee: Option<Committee>,
    /// The BDFL's GitHub handle.
    pub lead: Option<String>,
}

/// One sentence with its context: the paragraph and the heading above it, all lowercase.
pub(super) struct Sentence {
    pub(super) text: String,
    // Shared by the paragraph's sentences, and cut to CONTEXT bytes: a 1 MiB paragraph of
    // short sentences must not cost a copy (or a scan) of the whole paragraph per sentence.
    paragraph: Rc<str>,
    heading: Rc<str>,
}

/// The words naming a majority, most specific first.
const MAJORITIES: &[(&str, &str)] = &[
    ("unanimous", "unanimous"),
    ("three-quarters", "three-quarters"),
    ("three quarters", "three-quarters"),
    ("3/4", "three-quarters"),
    ("75%", "three-quarters"),
    ("two-thirds", "two-thirds"),
    ("two thirds", "two-thirds"),
    ("2/3", "two-thirds"),
    ("supermajority", "two-thirds"),
    ("super-majority", "two-thirds"),
    ("super majority", "two-thirds"),
    ("simple majority", "simple"),
    ("majority", "simple"),
];

/// Reads GOVERNANCE.md's text.
pub fn read(text: &str) -> Governance {
    let sentences = sentences(text);
    let all = text.to_lowercase();
    let mut out = Governance { model: model(&sentences, &all), ..Governance::default() };
    for s in &sentences {
        let Some(majority) = majority(&s.text) else { continue };
        let mut subjects = subjects(&s.text);
        // "Other changes" and "decisions" in general are ordinary votes, whatever the context.
        if subjects.is_empty() && !s.text.contains("other") && !s.text.contains("decision") {
            subjects = subjects_of_context(&s.paragraph, &s.heading);
        }
        if subjects.is_empty() {
            if out.majority.is_none() {
                out.majority = Some(majority);
                out.base = base(&s.text);
            }
            continue;
        }
        for subject in subjects {
            if !out.thresholds.iter().any(|(d, _)| *d == subject) {
                out.thresholds.push((subject, majority));
            }
        }
    }
    out.committee = committee(text, &sentences);
    if out.model == Some("bdfl") {
        // Raw lines, not sentences: a handle keeps its case there.
        out.lead = text
            .lines()
            .filter(|l| {
                let l = l.to_lowercase();
                l.contains("bdfl") || l.contains("dictator")
            })
            .find_map(|l| handle_in(l).or_else(|| github_link(l)));
    }
    out
}

/// The text as sentences, with Markdown links reduced to their labels and list items,
/// table rows and headings kept apart. A list item's context is its own text after the
/// sentence that leads into the list (`… removed in one of these ways:`).
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut heading: Rc<str> = Rc::from("");
    let mut lead = String::new();
    for (block, item) in paragraphs(text) {
        if let Some(h) = block.strip_prefix('#') {
            heading = Rc::from(cut(&h.trim_start_matches('#').trim().to_lowercase(), CONTEXT));
            lead.clear();
            continue;
        }
        let own = plain(&block).to_lowercase();
        let paragraph: Rc<str> = Rc::from(if item {
            format!("{} {}", cut(&lead, CONTEXT), cut(&own, CONTEXT))
        } else {
            cut(&own, CONTEXT).to_string()
        });
        let mut start = 0;
        let bytes = own.as_bytes();
        for (i, c) in own.char_indices() {
            let end_of_sentence = matches!(c, '.' | '!' | '?' | ';')
                && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
                // `e.g.`, `i.e.`, `U.S.`: a one-letter word before the dot ends no sentence.
                && own[..i].rsplit(|c: char| !c.is_alphanumeric()).next().is_none_or(|w| w.chars().count() != 1);
            if end_of_sentence {
                out.push(Sentence {
                    text: own[start..=i].trim().to_string(),
                    paragraph: Rc::clone(&paragraph),
                    heading: Rc::clone(&heading),
                });
                start = i + 1;
            }
        }
        let rest = own[start..].trim();
        if !rest.is_empty() {
            out.push(Sentence {
                text: rest.to_string(),
                paragraph: Rc::clone(&paragraph),
                heading: Rc::clone(&heading),
            });
        }
        // The sentence that leads into a list is the last of the paragraph before it.
        if !item {
            lead = out.last().map(|s: &Sentence| s.text.clone()).unwrap_or_default();
        }
    }
    out
}

/// Paragraphs, list items (`true`) and headings, each joined into one line; tables and
/// code left out.
fn paragraphs(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut in_item = false;
    let mut code = false;
    let flush = |current: &mut String, out: &mut Vec<(String, bool)>, item: bool| {
        if !current.trim().is_empty() {
            out.push((current.trim().to_string(), item));
        }
        current.clear();
    };
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            code = !code;
            flush(&mut current, &mut out, in_item);
            continue;
        }
        if code || t.starts_with('|') || t.starts_with("<!--") {
            flush(&mut current, &mut out, in_item);
            continue;
        }
        let item = ["- ", "* ", "+ "].iter().find_map(|m| t.strip_prefix(m));
        let numbered = t.split_once(". ").filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if t.is_empty() || t.starts_with('#') || item.is_some() || numbered.is_some() {
            flush(&mut current, &mut out, in_item);
            in_item = item.is_some() || numbered.is_some();
        }
        if t.starts_with('#') {
            out.push((t.to_string(), false));
            continue;
        }
        current.push(' ');
        current.push_str(item.or(numbered.map(|(_, rest)| rest)).unwrap_or(t));
    }
    flush(&mut current, &mut out, in_item);
    out
}

/// The decision model: a BDFL anywhere decides it; else lazy consensus, consensus or voting
/// as a sentence about decisions states it.
fn model(sentences: &[Sentence], all: &str) -> Option<&'static str> {
    if all.contains("bdfl") || all.contains("benevolent dictator") {
        return Some("bdfl");
    }
    if all.contains("lazy consensus") || all.contains("lazy-consensus") {
        return Some("lazy-consensus");
    }
    let about_decisions = |s: &Sentence| s.text.contains("decision") || s.text.contains("decide");
    if sentences.iter().any(|s| about_decisions(s) && s.text.contains("consensus")) {
        return Some("consensus");
    }
    sentences
        .iter()
        .any(|s| (about_decisions(s) || s.text.contains("changes")) && s.text.contains("vote"))
        .then_some("voting")
}

fn majority(sentence: &str) -> Option<&'static str> {
    if !(sentence.contains("vote") || sentence.contains("majority") || sentence.contains("approv")) {
        return None;
    }
    MAJORITIES.iter().find(|(words, _)| sentence.contains(words)).map(|(_, m)| *m)
}

fn base(sentence: &str) -> Option<&'static str> {
    if sentence.contains("votes cast") || sentence.contains("those voting") || sentence.contains("present") {
        Some("votes-cast")
    } else if sentence.contains("of all") || sentence.contains("entire") || sentence.contains("whole") {
        Some("all-members")
    } else {
        None
    }
}

/// The named decisions a sentence is about.
fn subjects(text: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let member = text.contains("maintainer") || text.contains("member") || text.contains("committer");
    if text.contains("nominat")
        || text.contains("new maintainer")
        || text.contains("becoming a maintainer")
        || (member && (text.contains("added") || text.contains("adding") || text.contains(" add ")))
    {
        out.push("new-maintainer");
    }
    if member && (text.contains("remov") || text.contains("expel")) {
        out.push("removal");
    }
    let document = ["governance", "charter", "this document", "this policy", "bylaws"].iter().any(|w| text.contains(w));
    if document && ["change", "amend", "modif"].iter().any(|w| text.contains(w)) {
        out.push("amendment");
    }
    out
}

/// The named decision of a sentence that names none, from its paragraph or heading.
fn subjects_of_context(paragraph: &str, heading: &str) -> Vec<&'static str> {
    let from_paragraph = subjects(paragraph);
    if from_paragraph.len() == 1 {
        return from_paragraph;
    }
    let from_heading = subjects(heading);
    if from_heading.len() == 1 {
        return from_heading;
    }
    if heading.contains("becoming") || heading.contains("nominat") {
        return vec!["new-maintainer"];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_abbreviations_whole() {
        let s = sentences(
            "# Votes\n\nIf no one objects in 5 working days (U.S.), it passes. A vote, e.g. by mail, follows.\n",
        );
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["if no one objects in 5 working days (u.s.), it passes.", "a vote, e.g. by mail, follows."]);
        assert_eq!(&*s[0].heading, "votes");
    }

    #[test]
    fn a_list_item_takes_its_decision_from_the_sentence_leading_into_the_list() {
        let g = read("## Leaving\n\nCircumstances change. Maintainers may be removed in one of these ways:\n\n  * they resign\n  * by a 2/3 majority vote of the maintainers\n\n## Other changes\n\nAll other changes need a simple majority vote.\n");
        assert_eq!(g.thresholds, [("removal", "two-thirds")]);
        assert_eq!((g.model, g.majority), (Some("voting"), Some("simple")));
    }

    #[test]
    fn the_longest_name_of_a_committee_wins() {
        let g = read("# Governance\n\nThe project is run by a Steering Committee. The Committee has seven members and meets monthly.\n- Steering Committee vote: 3/4 of the Committee.\n").committee;
        let c = g.expect("a committee");
        assert_eq!((c.name.as_str(), c.size, c.cadence), ("Steering Committee", Some(7), Some("monthly")));
    }
}
