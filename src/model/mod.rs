//! The governance model: plain data, deserialized from the site's YAML, with no I/O.
//!
//! Each document has its own file. Every document keeps a [`SourceMap`] so that rules can
//! point at the exact key or list item a problem comes from.

mod charter;
pub mod cjk;
mod conduct;
mod de;
mod decisions;
pub mod documents;
mod groups;
pub mod independent;
mod ladder;
pub mod locale;
mod named;
mod page;
mod people;
mod portfolio;
pub mod required;
mod roles;
pub mod schema;
pub mod seats;
mod security;
mod site;
mod source;
pub mod spans;
mod text;
pub mod thresholds;
mod translate;
pub mod url;
pub mod values;
mod walk;

pub use charter::{Charter, DecisionMaking, Scope, Threshold, Value, Voting};
pub use conduct::{Attribution, BasedOn, CodeOfConduct, EnforcementStep, Reporting, Standards};
pub use decisions::{Candidate, Decision, DecisionLog, Votes};
pub use documents::{Document, DocumentData, DocumentSource, DocumentVisitor, DOCUMENTS};
pub use groups::{Group, Groups, Limit, Meeting};
pub use ladder::{Contact, Ladder, LadderLevel, Metric, Requirements, Sponsors};
pub use named::Named;
pub use page::{FrontMatter, Page};
pub use people::{Affiliation, People, Person};
pub use portfolio::PortfolioConfig;
pub use roles::{Elections, FormerMember, Member, Role, Roles};
pub use security::{SecurityContact, SecurityPolicy, SupportedVersion};
pub use site::{
    Channel, CheckConfig, DiversityConfig, Exemption, Foundation, MarkdownConfig, MaturityStep, NavItem, Project,
    SiteConfig,
};
pub use source::{field_path, item_path, Pos, SourceMap};
pub use text::{Label, Text};
pub use walk::{text_fields, DocStrings};

use serde::Serialize;
use std::path::PathBuf;

/// A YAML document as loaded: its parsed value and where each key and item came from.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Doc<T> {
    /// The document's data.
    #[serde(flatten)]
    pub data: T,
    /// The file it was read from, relative to the site folder (e.g. `governance/roles.yaml`).
    #[serde(skip)]
    pub file: PathBuf,
    /// Positions of every key and value in the file.
    #[serde(skip)]
    pub source: SourceMap,
    /// The file's text, for rules that must find a word inside a multi-line value.
    #[serde(skip)]
    pub text: String,
}

impl<T> Doc<T> {
    /// Where the value at `path` (e.g. `roles[1].members[0]`) starts; the document start if unknown.
    pub fn pos(&self, path: &str) -> Pos {
        self.source.value(path)
    }

    /// Where the key of `path` starts (for a list item: the item itself).
    pub fn key_pos(&self, path: &str) -> Pos {
        self.source.key(path)
    }
}

impl<T> Doc<T> {
    /// Where this document came from, without its data: what a rule needs to point into it.
    pub fn origin(&self) -> Origin<'_> {
        Origin { file: &self.file, source: &self.source }
    }
}

/// A document's file and positions, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file, relative to the site folder.
    pub file: &'a std::path::Path,
    /// Positions of its keys and values.
    pub source: &'a SourceMap,
}

impl Origin<'_> {
    /// Where the value at `path` starts.
    pub fn pos(&self, path: &str) -> Pos {
        self.source.value(path)
    }

    /// Where the key of `path` starts.
    pub fn key_pos(&self, path: &str) -> Pos {
        self.source.key(path)
    }
}

impl<T> std::ops::Deref for Doc<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

/// A whole site, loaded and immutable: configuration, governance documents and pages.
///
/// Documents that failed to load are `None`; the loader has reported why.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Site {
    /// The site folder.
    #[serde(skip)]
    pub root: PathBuf,
    /// `site.yaml`.
    pub site: Doc<SiteConfig>,
    /// `governance/charter.yaml`.
    pub charter: Option<Doc<Charter>>,
    /// `governance/people.yaml`.
    pub people: Option<Doc<People>>,
    /// `governance/roles.yaml`.
    pub roles: Option<Doc<Roles>>,
    /// `governance/ladder.yaml`.
    pub ladder: Option<Doc<Ladder>>,
    /// `governance/code-of-conduct.yaml`.
    pub code_of_conduct: Option<Doc<CodeOfConduct>>,
    /// `governance/security.yaml` (optional document).
    pub security: Option<Doc<SecurityPolicy>>,
    /// `governance/groups.yaml` (optional document).
    pub groups: Option<Doc<Groups>>,
    /// `governance/decisions.yaml` (optional document).
    pub decisions: Option<Doc<DecisionLog>>,
    /// Markdown pages under `content/`, in publishing order.
    #[serde(skip)]
    pub pages: Vec<Page>,
    /// Files under `content/` that are not pages (images beside the pages that show them),
    /// relative to it, published at the same place.
    #[serde(skip)]
    pub content_files: Vec<PathBuf>,
    /// Files under `static/`, relative to it, copied as they are.
    #[serde(skip)]
    pub static_files: Vec<PathBuf>,
    /// The site's own interface strings, `i18n/<tag>.yaml`, over govsite's locales.
    #[serde(skip)]
    pub locales: Vec<locale::LocaleFile>,
}

impl Site {
    /// A site of `root` with its configuration and nothing else yet: the loader fills in the
    /// documents, pages and files.
    pub fn new(root: PathBuf, site: Doc<SiteConfig>) -> Site {
        Site { root, site, ..Site::default() }
    }

    /// The person with this id, if people.yaml has one.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.as_ref()?.people.iter().find(|p| p.id == id)
    }

    /// The role with this id, if roles.yaml has one.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.as_ref()?.roles.iter().find(|r| r.id == id)
    }

    /// The group with this id, if groups.yaml has one.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.as_ref()?.groups.iter().find(|g| g.id == id)
    }
}
