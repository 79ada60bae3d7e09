//! "Did you mean" suggestions by edit distance.

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "did you mean `x`?" for the candidate closest to `word`: the one wording of every suggestion.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_near_words_only() {
        assert_eq!(super::closest("membres", ["members", "name"]), Some("members"));
        assert_eq!(super::closest("zzz", ["members", "name"]), None);
        assert_eq!(super::did_you_mean("membres", ["members"]).as_deref(), Some("did you mean `members`?"));
    }
}
