//! MAINTAINERS.md: Markdown tables (columns recognised by their header) and lists
//! (`- Name (@handle), Company`), with emeritus sections recognised by their heading.

use super::people::{email_in, github_link, handle_in, plain, Found, Seat};

/// What a table column holds, from its header.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Name,
    Github,
    Email,
    Affiliation,
    Area,
    Other,
}

fn column(header: &str) -> Column {
    let h = plain(header).to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    if has(&["github", "handle", "username", "login", "user id", "account"]) {
        Column::Github
    } else if has(&["mail"]) {
        Column::Email
    } else if has(&["affiliation", "company", "organization", "organisation", "employer", "org"]) {
        Column::Affiliation
    } else if has(&["name", "maintainer", "person", "who"]) {
        Column::Name
    } else if has(&["area", "scope", "component", "focus", "responsib", "subsystem", "role"]) {
        Column::Area
    } else {
        Column::Other
    }
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| "|-: ".contains(c))
}

/// What the file held: the people, and how it was read (for the report).
pub struct Read {
    /// Everyone found.
    pub people: Vec<Found>,
    /// `table`, `list` or `table and list`.
    pub shape: &'static str,
}

/// Reads MAINTAINERS.md's text.
pub fn read(text: &str) -> Read {
    let lines: Vec<&str> = text.lines().collect();
    let (mut people, mut tables, mut lists) = (Vec::new(), false, false);
    let mut emeritus = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if let Some(heading) = line.strip_prefix('#') {
            let h = heading.to_lowercase();
            emeritus = ["emeritus", "former", "alumni", "retired", "past"].iter().any(|w| h.contains(w));
        } else if line.starts_with('|') && lines.get(i + 1).is_some_and(|l| is_separator(l)) {
            let columns: Vec<Column> = cells(line).iter().map(|c| column(c)).collect();
            i += 2;
            while i < lines.len() && lines[i].trim().starts_with('|') {
                if let Some(found) = table_row(&columns, &cells(lines[i]), emeritus) {
                    people.push(found);
                    tables = true;
                }
                i += 1;
            }
            continue;
        } else if let Some(item) = ["- ", "* ", "+ "].iter().find_map(|m| line.strip_prefix(m)) {
            let found = list_item(item, emeritus);
            lists |= !found.is_empty();
            people.extend(found);
        }
        i += 1;
    }
    let shape = match (tables, lists) {
        (true, true) => "table and list",
        (true, false) => "table",
        _ => "list",
    };
    Read { people, shape }
}

fn table_row(columns: &[Column], cells: &[String], emeritus: bool) -> Option<Found> {
    let mut found = Found { emeritus, seats: vec![Seat::Maintainer], ..Found::default() };
    for (kind, cell) in columns.iter().zip(cells) {
        let text = plain(cell);
        let value = (!text.is_empty() && text != "-").then(|| text.clone());
        match kind {
            Column::Name => {
                // A name column that holds only a handle (`[@ann](…)`) gives no name.
                let handle_only = text.strip_prefix('@').is_some_and(super::people::is_handle);
                found.name = value.filter(|_| !handle_only);
                found.github = found.github.take().or_else(|| github_link(cell));
            }
            Column::Github => {
                found.github = handle_in(cell).or_else(|| {
                    let bare = text.trim_start_matches('@');
                    super::people::is_handle(bare).then(|| bare.to_string())
                })
            }
            Column::Email => found.email = email_in(cell),
            Column::Affiliation => found.affiliation = value,
            Column::Area => found.area = value,
            Column::Other => {}
        }
    }
    (found.name.is_some() || found.github.is_some() || found.email.is_some()).then_some(found)
}

/// Every `@handle` of `text` (not parts of addresses, not `@org/team`).
fn handles(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(handle) = handle_in(rest) {
        let Some(at) = rest.find(&format!("@{handle}")).or_else(|| rest.find(&handle)) else { break };
        if !out.iter().any(|h| h.eq_ignore_ascii_case(&handle)) {
            out.push(handle.clone());
        }
        rest = &rest[at + handle.len()..];
    }
    out
}

/// A list item: `area: @a, @b` (each handle a person owning the area), or one person —
/// `Name (@handle) <email> - Company`, `[Name](https://github.com/handle), Company`, …
fn list_item(item: &str, emeritus: bool) -> Vec<Found> {
    let text = plain(item);
    if let Some((label, owners)) = text.split_once(':') {
        let found = handles(owners);
        if !label.contains('@') && !found.is_empty() && email_in(owners).is_none() {
            let area = label.trim().to_string();
            return found
                .into_iter()
                .map(|handle| Found {
                    github: Some(handle),
                    area: Some(area.clone()),
                    emeritus,
                    seats: vec![Seat::Maintainer],
                    ..Found::default()
                })
                .collect();
        }
    }
    person_item(item, emeritus).into_iter().collect()
}

/// One person. An item with neither a handle nor an address is prose, not a person.
fn person_item(item: &str, emeritus: bool) -> Option<Found> {
    let github = handle_in(item);
    let email = email_in(item);
    if github.is_none() && email.is_none() {
        return None;
    }
    let text = plain(item);
    let name_end = text.find(['(', '<', ',', '@', '|']).or_else(|| text.find(" - ")).or_else(|| text.find(" – "));
    let name = text[..name_end.unwrap_or(text.len())].trim().trim_end_matches([':', '-', '–']).trim();
    let name = (!name.is_empty() && !name.contains("://")).then(|| name.to_string());
    // The organisation: after a dash or comma following the name, or in parentheses that
    // hold neither the handle nor the address.
    let mut affiliation = None;
    for part in text.split(['(', ')', ',']).skip(1).chain(text.split(" - ").skip(1)) {
        let part = part.trim().trim_matches(['-', '–', ' ']);
        if !part.is_empty() && !part.contains('@') && !part.contains("://") && !part.contains('<') {
            affiliation = Some(part.to_string());
            break;
        }
    }
    Some(Found { name, github, email, affiliation, emeritus, seats: vec![Seat::Maintainer], ..Found::default() })
}

#[cfg(test)]
mod tests {
    #[test]
    fn tables_and_lists() {
        let text = "# Maintainers\n\n| Name | GitHub | Company | Area |\n|---|---|---|---|\n| Ann Lee | [@annlee](https://github.com/annlee) | Acme | Storage |\n\n## Emeritus\n\n- Bo Chen (@bochen), Initech\n- see the wiki\n- `tsdb`: @ann, @cy\n";
        let read = super::read(text);
        assert_eq!(read.shape, "table and list");
        assert_eq!(read.people.len(), 4);
        let tsdb: Vec<_> =
            read.people[2..].iter().map(|p| (p.github.as_deref(), p.area.as_deref(), p.name.is_none())).collect();
        assert_eq!(tsdb, [(Some("ann"), Some("tsdb"), true), (Some("cy"), Some("tsdb"), true)]);
        let ann = &read.people[0];
        assert_eq!(
            (ann.name.as_deref(), ann.github.as_deref(), ann.affiliation.as_deref(), ann.area.as_deref()),
            (Some("Ann Lee"), Some("annlee"), Some("Acme"), Some("Storage"))
        );
        let bo = &read.people[1];
        assert_eq!(
            (bo.name.as_deref(), bo.github.as_deref(), bo.affiliation.as_deref(), bo.emeritus),
            (Some("Bo Chen"), Some("bochen"), Some("Initech"), true)
        );
    }
}
