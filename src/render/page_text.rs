//! The searchable text of a rendered page: what the one reading of each page (`scan.rs`)
//! collects for the search index (`search.rs`).

use super::html::Item;

/// The searchable part of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    /// The `<title>`, entities decoded.
    pub title: String,
    /// The text of `<main>` (the whole page when the theme has none), whitespace collapsed.
    pub text: String,
}

/// Collects a page's title, and the text of its `<main>` element (of the whole page when the
/// theme has none) without scripts and styles, whitespace collapsed; entities decoded in both.
/// It is fed the pieces of the page by the one reading of it (`scan.rs`).
pub(crate) struct TextCollector {
    title: Option<String>,
    in_title: bool,
    /// All text, a space for every tag (`a<br>b` is two words); `<main>` as a range of it.
    text: String,
    main: (Option<usize>, Option<usize>),
    raw: Option<String>,
}

impl TextCollector {
    /// A collector whose text buffer starts at `capacity` bytes.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        TextCollector {
            title: None,
            in_title: false,
            text: String::with_capacity(capacity),
            main: (None, None),
            raw: None,
        }
    }

    /// Takes the next piece of the page.
    pub(crate) fn visit(&mut self, item: &Item<'_>) {
        match *item {
            Item::Start(name, _) => {
                if name == "title" && self.title.is_none() {
                    self.in_title = true;
                    self.title = Some(String::new());
                }
                if name == "main" && self.main.0.is_none() {
                    self.main.0 = Some(self.text.len());
                }
                if matches!(name, "script" | "style") {
                    self.raw = Some(name.to_string());
                }
                self.text.push(' ');
            }
            Item::End(name) => {
                if name == "title" {
                    self.in_title = false;
                }
                if name == "main" && self.main.0.is_some() && self.main.1.is_none() {
                    self.main.1 = Some(self.text.len());
                }
                if self.raw.as_deref() == Some(name) {
                    self.raw = None;
                }
                self.text.push(' ');
            }
            Item::Text(t) => {
                if let (true, Some(title)) = (self.in_title, self.title.as_mut()) {
                    title.push_str(t);
                }
                if self.raw.is_none() {
                    self.text.push_str(t);
                }
            }
            Item::Other => self.text.push(' '),
        }
    }

    /// The title and the collapsed text.
    pub(crate) fn finish(self) -> PageText {
        let main = match self.main {
            (Some(start), end) => &self.text[start..end.unwrap_or(self.text.len())],
            (None, _) => &self.text,
        };
        PageText { title: self.title.unwrap_or_default(), text: main.split_whitespace().collect::<Vec<_>>().join(" ") }
    }
}
