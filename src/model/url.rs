//! Which links govsite publishes: the one allow-list of URL schemes, read by the YAML check
//! (`schema/url`) and by the Markdown renderer (`content/unsafe-link`), and what a portal's
//! `base_url` must be.
//!
//! A link is read the way a browser reads an `href` before following it: leading and
//! trailing spaces and control characters are dropped, tabs and line breaks anywhere are
//! removed, and the scheme is compared without regard to case — so `  JaVa\tScRiPt:` is
//! `javascript:`. govsite is stricter than the URL standard in one way: *every* control
//! character is ignored when finding the scheme (some older browsers skipped NUL and the
//! like), so `java\u{1}script:` is refused too. What a browser cannot read as a scheme is a
//! path and harmless: `%6Aavascript:alert(1)` stays a relative link (browsers do not decode
//! percent-escapes in a scheme), and so does `java script:`.
//!
//! Callers pass the text as the browser will see it: a raw HTML attribute after its
//! character references are decoded (`&#106;avascript:` is `javascript:`).

/// Schemes whose links are published.
pub const SAFE_SCHEMES: [&str; 8] = ["http", "https", "mailto", "tel", "irc", "ircs", "xmpp", "matrix"];

/// Schemes that run code or read local files: never published, whatever `unsafe_html` says.
pub const DANGEROUS_SCHEMES: [&str; 4] = ["javascript", "vbscript", "data", "file"];

/// What a link is, as a browser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlClass {
    /// `#anchor`: a place on the same page.
    Fragment,
    /// `/charter/`: a path from the site's root (`\` counts as `/`, as browsers read it).
    RootRelative,
    /// `//host/path`: another host over the page's own scheme, which is http or https.
    SchemeRelative,
    /// `guide.md`, `../x`, `?q=1`, or nothing: a path from the current page.
    Relative,
    /// A scheme of [`SAFE_SCHEMES`], lowercased: `https`, `mailto`…
    Safe(&'static str),
    /// A scheme of [`DANGEROUS_SCHEMES`], lowercased: never published.
    Dangerous(&'static str),
    /// Any other scheme, lowercased (`ftp`, `slack`): not published.
    UnknownScheme(String),
}

impl UrlClass {
    /// Whether a link of this class may be published.
    pub fn is_safe(&self) -> bool {
        !matches!(self, UrlClass::Dangerous(_) | UrlClass::UnknownScheme(_))
    }

    /// The scheme, lowercased, when the link has one.
    pub fn scheme(&self) -> Option<&str> {
        match self {
            UrlClass::Safe(s) | UrlClass::Dangerous(s) => Some(s),
            UrlClass::UnknownScheme(s) => Some(s),
            _ => None,
        }
    }
}

/// What `href` is, as a browser reads it (see the module documentation).
pub fn classify(href: &str) -> UrlClass {
    // Browsers strip leading and trailing C0 controls and spaces, and remove tabs and line
    // breaks anywhere; govsite ignores every control character (see the module docs).
    let cleaned: String = href.trim_matches(|c: char| c <= ' ').chars().filter(|c| !c.is_ascii_control()).collect();
    if let Some(scheme) = scheme(&cleaned) {
        let scheme = scheme.to_ascii_lowercase();
        if let Some(safe) = SAFE_SCHEMES.iter().find(|s| **s == scheme) {
            return UrlClass::Safe(safe);
        }
        if let Some(bad) = DANGEROUS_SCHEMES.iter().find(|s| **s == scheme) {
            return UrlClass::Dangerous(bad);
        }
        return UrlClass::UnknownScheme(scheme);
    }
    let mut chars = cleaned.chars();
    match (chars.next(), chars.next()) {
        (Some('#'), _) => UrlClass::Fragment,
        (Some('/' | '\\'), Some('/' | '\\')) => UrlClass::SchemeRelative,
        (Some('/' | '\\'), _) => UrlClass::RootRelative,
        _ => UrlClass::Relative,
    }
}

/// Whether a link to `href` may be published: a scheme of [`SAFE_SCHEMES`], a relative or
/// root-relative path, a `//host` link or a `#fragment`.
pub fn is_safe_url(href: &str) -> bool {
    classify(href).is_safe()
}

/// The scheme of a cleaned link, as the URL standard finds it: an ASCII letter, then
/// letters, digits, `+`, `-` or `.`, up to the first `:`.
fn scheme(cleaned: &str) -> Option<&str> {
    let (head, _) = cleaned.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(head)
}

/// Why a `base_url` cannot be the portal's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseUrlProblem {
    /// It holds a space, a line break or another control character (at this char index).
    Whitespace(usize),
    /// It has no scheme: `acme.github.io/acme/`.
    NotAbsolute,
    /// Its scheme (lowercased) is not http or https.
    Scheme(String),
    /// It has no host: `https:///acme/`.
    NoHost,
    /// It carries a user name or password, which every page would publish.
    Credentials,
    /// It has a `?query` or `#fragment`, which every link would inherit.
    QueryOrFragment,
    /// The URL parser refuses it, for this reason.
    Invalid(String),
}

impl std::fmt::Display for BaseUrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BaseUrlProblem::Whitespace(_) => f.write_str("it contains a space or a control character"),
            BaseUrlProblem::NotAbsolute => f.write_str("it has no `https://` scheme"),
            BaseUrlProblem::Scheme(s) => write!(f, "its scheme is `{s}:`, not http or https"),
            BaseUrlProblem::NoHost => f.write_str("it has no host name"),
            BaseUrlProblem::Credentials => f.write_str("it carries a user name or password"),
            BaseUrlProblem::QueryOrFragment => f.write_str("it has a `?query` or `#fragment`"),
            BaseUrlProblem::Invalid(why) => write!(f, "it is not a valid URL ({why})"),
        }
    }
}

/// Checks that `base_url` can be a portal's address: an absolute `http` or `https` URL with
/// a host, and nothing a browser would silently drop or every link would inherit (spaces or
/// control characters, credentials, a query or a fragment).
pub fn check_base_url(base_url: &str) -> Result<(), BaseUrlProblem> {
    // The URL parser quietly removes tabs and line breaks and trims spaces; refuse them first,
    // so what is written is what is published.
    if let Some(at) = base_url.chars().position(|c| c.is_whitespace() || c.is_control()) {
        return Err(BaseUrlProblem::Whitespace(at));
    }
    let parsed = match ::url::Url::parse(base_url) {
        Ok(parsed) => parsed,
        Err(::url::ParseError::RelativeUrlWithoutBase) => return Err(BaseUrlProblem::NotAbsolute),
        Err(::url::ParseError::EmptyHost) => return Err(BaseUrlProblem::NoHost),
        Err(e) => return Err(BaseUrlProblem::Invalid(e.to_string())),
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(BaseUrlProblem::Scheme(parsed.scheme().to_string()));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(BaseUrlProblem::NoHost);
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(BaseUrlProblem::Credentials);
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(BaseUrlProblem::QueryOrFragment);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_schemes_are_found_however_they_are_disguised() {
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\u{1}\u{20}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscr\ript:alert(1)",
            "java\u{0}script:alert(1)",
            "javascript:alert(1)//https://example.org",
        ] {
            assert_eq!(classify(href), UrlClass::Dangerous("javascript"), "{href:?}");
            assert!(!is_safe_url(href), "{href:?}");
        }
        assert_eq!(classify("VBScript:msgbox"), UrlClass::Dangerous("vbscript"));
        assert_eq!(classify("data:text/html,<script>"), UrlClass::Dangerous("data"));
        assert_eq!(classify("FILE:///etc/passwd"), UrlClass::Dangerous("file"));
    }

    #[test]
    fn what_a_browser_cannot_read_as_a_scheme_is_a_harmless_path() {
        // Browsers do not decode percent-escapes in a scheme: this is a relative path.
        assert_eq!(classify("%6Aavascript:alert(1)"), UrlClass::Relative);
        assert_eq!(classify("java script:alert(1)"), UrlClass::Relative);
        assert_eq!(classify("１javascript:alert(1)"), UrlClass::Relative);
        assert!(is_safe_url("%6Aavascript:alert(1)"));
    }

    #[test]
    fn safe_schemes_and_paths_are_published() {
        for (href, class) in [
            ("https://example.org/", UrlClass::Safe("https")),
            ("HTTP://example.org/", UrlClass::Safe("http")),
            ("mailto:a@example.org", UrlClass::Safe("mailto")),
            ("tel:+4930123", UrlClass::Safe("tel")),
            ("ircs://irc.libera.chat/#acme", UrlClass::Safe("ircs")),
            ("xmpp:room@example.org", UrlClass::Safe("xmpp")),
            ("matrix:r/acme:example.org", UrlClass::Safe("matrix")),
            ("#maintainer", UrlClass::Fragment),
            ("/charter/", UrlClass::RootRelative),
            ("\\charter", UrlClass::RootRelative),
            ("//cdn.example.org/x.png", UrlClass::SchemeRelative),
            ("/\\evil.example", UrlClass::SchemeRelative),
            ("guide.md#install", UrlClass::Relative),
            ("../a/b", UrlClass::Relative),
            ("?q=1", UrlClass::Relative),
            ("security@example.org", UrlClass::Relative),
            ("", UrlClass::Relative),
        ] {
            assert_eq!(classify(href), class, "{href:?}");
            assert!(class.is_safe(), "{href:?}");
        }
    }

    #[test]
    fn other_schemes_are_refused_and_named() {
        assert_eq!(classify("ftp://example.org"), UrlClass::UnknownScheme("ftp".into()));
        assert_eq!(classify("Slack://open"), UrlClass::UnknownScheme("slack".into()));
        assert_eq!(classify("localhost:8080"), UrlClass::UnknownScheme("localhost".into()));
        assert_eq!(classify("ftp://x").scheme(), Some("ftp"));
        assert_eq!(classify("/x").scheme(), None);
    }

    #[test]
    fn base_urls() {
        for ok in [
            "https://acme.github.io/acme/",
            "http://localhost:1111/",
            "https://[::1]/",
            "https://xn--bcher-kva.example/",
        ] {
            assert_eq!(check_base_url(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_base_url("javascript:alert(1)//"), Err(BaseUrlProblem::Scheme("javascript".into())));
        assert_eq!(check_base_url("acme.github.io/acme/"), Err(BaseUrlProblem::NotAbsolute));
        assert_eq!(check_base_url("/acme/"), Err(BaseUrlProblem::NotAbsolute));
        assert_eq!(check_base_url("https://acme.org/\r\nSet-Cookie: x"), Err(BaseUrlProblem::Whitespace(17)));
        assert_eq!(check_base_url(" https://acme.org/"), Err(BaseUrlProblem::Whitespace(0)));
        assert_eq!(check_base_url("https://"), Err(BaseUrlProblem::NoHost));
        assert_eq!(check_base_url("ftp://acme.org/"), Err(BaseUrlProblem::Scheme("ftp".into())));
        assert_eq!(check_base_url("https://me:pw@acme.org/"), Err(BaseUrlProblem::Credentials));
        assert_eq!(check_base_url("https://acme.org/?a=1"), Err(BaseUrlProblem::QueryOrFragment));
        assert_eq!(check_base_url("https://acme.org/#top"), Err(BaseUrlProblem::QueryOrFragment));
        assert!(matches!(check_base_url("https://exa mple.org"), Err(BaseUrlProblem::Whitespace(_))));
        assert!(matches!(check_base_url("https://acme.org:99999/"), Err(BaseUrlProblem::Invalid(_))));
    }
}
