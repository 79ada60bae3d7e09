//! `govsite check --explain RULE`: what a rule checks, why it matters (the public criterion
//! behind it) and how to fix it. The texts are Markdown files in `explain/`, one per rule.

macro_rules! explanations {
    ($($id:literal => $file:literal),* $(,)?) => {
        /// (rule id, explanation).
        const TEXTS: &[(&str, &str)] = &[$(($id, include_str!(concat!("explain/", $file)))),*];
    };
}

explanations! {}

/// The explanation of `rule`, if it has one.
pub fn text(rule: &str) -> Option<&'static str> {
    TEXTS.iter().find(|(id, _)| *id == rule).map(|(_, text)| *text)
}
