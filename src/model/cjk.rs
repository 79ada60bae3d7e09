//! Chinese and Japanese text: a line break between two of their characters is no space.
//!
//! These scripts write no spaces between words, so a line broken inside a sentence (as an
//! editor wraps it) must join without one: "技术决策机构，\n负责" is "技术决策机构，负责", not
//! "技术决策机构， 负责". Markdown's soft breaks (`markdown::render`) and YAML's folded and
//! plain multi-line scalars (the loader, through [`unfold`]) follow this rule. Korean is
//! not included: it separates words with spaces, so its line breaks stay spaces (as in the
//! CSS Text specification's segment-break rule).

use std::cell::RefCell;
use std::collections::HashMap;

/// Whether `c` is a character of a script written without spaces between words: Han
/// ideographs, kana, Bopomofo, and the full-width punctuation and forms used with them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // CJK radicals, Kangxi radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation (、。「」)
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x312F    // Bopomofo
        | 0x31A0..=0x31FF    // Bopomofo extended, CJK strokes, Katakana extensions
        | 0x3200..=0x33FF    // Enclosed CJK, CJK compatibility
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF01..=0xFF60    // Full-width forms (，！：（）)
        | 0xFFE0..=0xFFE6    // Full-width signs
        | 0x20000..=0x3FFFF  // Extensions B and later
    )
}

/// Whether a line break between `before` and `after` disappears.
pub fn joins(before: char, after: char) -> bool {
    is_cjk(before) && is_cjk(after)
}

/// The value a YAML parser folded from the lines of `source` (a scalar's text as written,
/// its indicator line included), with the spaces that folding put between two CJK
/// characters taken out again. `folded` is the parser's value; each line break of the
/// source between CJK characters removes the first `X Y` space left at or after the
/// previous one, so spaces written on one line are kept.
pub fn refold(folded: &str, source: &str) -> Option<String> {
    let lines: Vec<&str> = source.lines().map(str::trim).collect();
    let mut pairs = Vec::new();
    for window in lines.windows(2) {
        let (Some(before), Some(after)) = (window[0].chars().last(), window[1].chars().next()) else { continue };
        if joins(before, after) {
            pairs.push((before, after));
        }
    }
    if pairs.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded;
    for (before, after) in pairs {
        let needle = format!("{before} {after}");
        let Some(at) = rest.find(&needle) else { continue };
        let space = at + before.len_utf8();
        out.push_str(&rest[..space]);
        rest = &rest[space + 1..];
    }
    out.push_str(rest);
    (out != folded).then_some(out)
}

thread_local! {
    /// Values folded by the YAML parser → the same values unfolded, for the document being
    /// deserialized on this thread (see [`with_unfolded`]).
    static UNFOLDED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Runs `f` (a deserialization) with `unfolded` in effect: each prose value equal to a key
/// becomes its value. The YAML loader finds the folded scalars in its marked tree, where the
/// source lines are known; serde sees only the folded string.
pub fn with_unfolded<R>(unfolded: HashMap<String, String>, f: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            UNFOLDED.with(|u| u.borrow_mut().clear());
        }
    }
    if unfolded.is_empty() {
        return f();
    }
    UNFOLDED.with(|u| *u.borrow_mut() = unfolded);
    let _reset = Reset;
    f()
}

/// `text`, unfolded if the document being loaded folded it between CJK characters.
pub fn unfold(text: String) -> String {
    UNFOLDED.with(|u| u.borrow().get(&text).cloned()).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_breaks_between_cjk_characters_join() {
        let source = ">\n  技术决策机构，\n  负责社区的\n  technical direction and\n  路线图。\n";
        let folded = "技术决策机构， 负责社区的 technical direction and 路线图。\n";
        assert_eq!(
            refold(folded, source).as_deref(),
            Some("技术决策机构，负责社区的 technical direction and 路线图。\n")
        );
    }

    #[test]
    fn spaces_written_on_one_line_stay() {
        let source = "撤销 SIG 由\n  委员会决定";
        assert_eq!(refold("撤销 SIG 由 委员会决定", source).as_deref(), Some("撤销 SIG 由委员会决定"));
        assert_eq!(refold("a b", "a\nb"), None);
    }

    #[test]
    fn korean_keeps_its_spaces() {
        assert!(!joins('다', '그'));
        assert!(joins('。', 'の'));
    }
}
