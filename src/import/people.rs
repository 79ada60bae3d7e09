//! The people an import finds, merged across files by GitHub handle or e-mail address, and
//! the small text scanners the readers share (handles, addresses, Markdown links).

/// A role an imported person is found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Seat {
    /// Maintainers (MAINTAINERS.md, OWNERS approvers, `.project` maintainers).
    Maintainer,
    /// Reviewers (OWNERS reviewers).
    Reviewer,
    /// Code owners (CODEOWNERS), with the paths they own.
    CodeOwner,
    /// Members of the committee GOVERNANCE.md names (its tables), or its BDFL.
    Committee,
}

/// One person as found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Display name, if a file gives one.
    pub name: Option<String>,
    /// GitHub handle, without `@`.
    pub github: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Employer or organisation.
    pub affiliation: Option<String>,
    /// Area of responsibility.
    pub area: Option<String>,
    /// Listed as emeritus, former or alumni.
    pub emeritus: bool,
    /// The roles they were found in, each once.
    pub seats: Vec<Seat>,
    /// Paths they own (CODEOWNERS).
    pub paths: Vec<String>,
}

/// Everyone found, in the order first seen.
#[derive(Debug, Default)]
pub struct Roster {
    /// The people.
    pub people: Vec<Found>,
}

impl Roster {
    /// Adds `found`, merging it into a person with the same handle or address.
    pub fn add(&mut self, found: Found) {
        let same = |p: &Found| {
            let handle = |f: &Found| f.github.as_deref().map(str::to_lowercase);
            let email = |f: &Found| f.email.as_deref().map(str::to_lowercase);
            (handle(p).is_some() && handle(p) == handle(&found)) || (email(p).is_some() && email(p) == email(&found))
        };
        let Some(person) = self.people.iter_mut().find(|p| same(p)) else {
            self.people.push(found);
            return;
        };
        for (mine, theirs) in [
            (&mut person.name, found.name),
            (&mut person.github, found.github),
            (&mut person.email, found.email),
            (&mut person.affiliation, found.affiliation),
            (&mut person.area, found.area),
        ] {
            if mine.is_none() {
                *mine = theirs;
            }
        }
        person.emeritus &= found.emeritus;
        for seat in found.seats {
            if !person.seats.contains(&seat) {
                person.seats.push(seat);
            }
        }
        for path in found.paths {
            if !person.paths.contains(&path) {
                person.paths.push(path);
            }
        }
    }
}

/// A GitHub handle: letters, digits and inner hyphens, at most 39 characters.
pub fn is_handle(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 39
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

/// The first `@handle` in `text` that is not part of an e-mail address.
pub fn handle_in(text: &str) -> Option<String> {
    for (at, _) in text.match_indices('@') {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '-' || c == '+') {
            continue;
        }
        let rest = &text[at + 1..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
        // `@org/team` is a team, not a person.
        if rest[end..].starts_with('/') {
            continue;
        }
        if is_handle(&rest[..end]) {
            return Some(rest[..end].to_string());
        }
    }
    github_link(text)
}

/// The handle of the first `https://github.com/handle` link in `text`.
pub fn github_link(text: &str) -> Option<String> {
    let at = text.find("github.com/")? + "github.com/".len();
    let rest = &text[at..];
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
    let after = rest[end..].chars().next();
    (is_handle(&rest[..end]) && after.is_none_or(|c| c != '/')).then(|| rest[..end].to_string())
}

/// The first e-mail address in `text` (`a@b.c`, in `<…>`, `mailto:` or plain).
pub fn email_in(text: &str) -> Option<String> {
    let is_part = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    for (at, _) in text.match_indices('@') {
        let start = text[..at].rfind(|c: char| !is_part(c)).map_or(0, |i| i + 1);
        let tail = &text[at + 1..];
        let end = tail.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-')).unwrap_or(tail.len());
        let (local, domain) = (&text[start..at], tail[..end].trim_end_matches('.'));
        if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') {
            return Some(format!("{local}@{domain}"));
        }
    }
    None
}

/// `text` with Markdown links `[label](url)` replaced by their labels and emphasis removed.
pub fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](").and_then(|close| after[close..].find(')').map(|end| (close, close + end))) {
            Some((close, end)) => {
                out.push_str(&after[..close]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace(['*', '`'], "").replace("__", "").trim().to_string()
}

/// A slug for a person id: the handle, or the name folded to ASCII letters, digits and
/// hyphens; `None` when nothing is left (a name in another script).
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanners() {
        assert_eq!(handle_in("Alice (@alicez), Example"), Some("alicez".into()));
        assert_eq!(handle_in("mail a@b.org or @org/team"), None);
        assert_eq!(handle_in("[Bob](https://github.com/bob-li)"), Some("bob-li".into()));
        assert_eq!(github_link("https://github.com/org/repo"), None);
        assert_eq!(email_in("Ann <ann.lee@corp.example>."), Some("ann.lee@corp.example".into()));
        assert_eq!(email_in("@handle only"), None);
        assert_eq!(plain("**[Ann Lee](https://x.org)** `x`"), "Ann Lee x");
        assert_eq!(slug("Siobhán O'Neill"), Some("siobh-n-o-neill".into()));
        assert_eq!(slug("王芳"), None);
    }
}
