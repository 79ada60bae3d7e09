//! English wording shared by messages and exported files: counts with the right plural.
//!
//! One place, so that "1 errors" cannot come back and so that a later translation replaces
//! these two functions rather than a dozen inline `if n == 1`.

/// `""` for one, `"s"` otherwise: `format!("{n} day{}", plural_s(n))`.
pub fn plural_s(n: impl Into<u64>) -> &'static str {
    if n.into() == 1 {
        ""
    } else {
        "s"
    }
}

/// `1 error`, `2 errors`, `0 active members`: a count and its noun (plural by adding `s`).
pub fn count(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    format!("{n} {noun}{}", plural_s(n))
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts() {
        assert_eq!(super::count(1u32, "error"), "1 error");
        assert_eq!(super::count(0u32, "warning"), "0 warnings");
        assert_eq!(super::count(3u64, "active member"), "3 active members");
    }
}
