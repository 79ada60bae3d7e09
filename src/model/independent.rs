//! The words that mean "works for no organisation" when written as an affiliation.
//!
//! A person whose affiliation is one of these counts as their own organisation in every count
//! and chart, exactly as `independent: true` does: two people who both write `独立开发者`
//! are two independents, not one organisation holding two seats. docs/format.md lists the
//! same words; a new language's word is one more row here.

/// Words for "independent / no employer", compared as [`super::seats::organisation_key`]
/// compares affiliations (case, surrounding space and a leading `@` ignored).
pub const INDEPENDENT_WORDS: &[&str] = &[
    // English; `Independent` is what version 1 recognised.
    "independent",
    "self-employed",
    "self employed",
    "freelance",
    "freelancer",
    "none",
    "no affiliation",
    "unaffiliated",
    "individual",
    // Chinese (simplified and traditional).
    "独立开发者",
    "独立贡献者",
    "个人开发者",
    "个人",
    "獨立開發者",
    "獨立貢獻者",
    "個人開發者",
    "個人",
    // Japanese and Korean.
    "個人開発者",
    "フリーランス",
    "개인",
    "프리랜서",
    // Spanish, Portuguese, French, Italian, German, Dutch, Russian.
    "independiente",
    "autónomo",
    "independente",
    "autônomo",
    "indépendant",
    "indépendante",
    "indipendente",
    "unabhängig",
    "selbstständig",
    "selbständig",
    "freiberuflich",
    "zelfstandig",
    "onafhankelijk",
    "независимый",
    "независимая",
];

/// Whether `affiliation` is one of [`INDEPENDENT_WORDS`].
pub fn is_independent_word(affiliation: &str) -> bool {
    let key = super::seats::organisation_key(affiliation);
    INDEPENDENT_WORDS.contains(&key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_no_employer_in_many_languages() {
        for word in [
            "Independent",
            " INDEPENDENT ",
            "独立开发者",
            "個人",
            "Independiente",
            "Indépendante",
            "Unabhängig",
            "none",
        ] {
            assert!(is_independent_word(word), "{word}");
        }
        for organisation in ["Acme", "Independent Software Inc.", "独立开发者协会", "", "Nonesuch"] {
            assert!(!is_independent_word(organisation), "{organisation}");
        }
    }

    #[test]
    fn the_table_is_written_as_it_is_compared() {
        for word in INDEPENDENT_WORDS {
            assert_eq!(super::super::seats::organisation_key(word), *word, "{word} would never match");
        }
    }
}
