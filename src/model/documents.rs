//! The governance documents, in one table that every stage reads: the loader finds their
//! files, the text walk reads their strings, the renderer gives each a page and a menu entry,
//! the export links those pages, and `govsite schema` describes them.
//!
//! A new document is one row in [`DOCUMENTS`], one field of [`Site`] and one line of the
//! `documents!` list below, which binds the two; nothing else lists documents.

use super::{Charter, CodeOfConduct, DecisionLog, Doc, Groups, Ladder, People, Roles, SecurityPolicy, Site};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A governance document of `governance/`.
#[derive(Debug)]
pub struct Document {
    /// File stem, page address, menu key and schema name: `code-of-conduct`.
    pub key: &'static str,
    /// Its path in a site folder.
    pub file: &'static str,
    /// Its name in templates (`gov.code_of_conduct`) and in governance.json.
    pub field: &'static str,
    /// The portal page's title, as the menu shows it.
    pub title: &'static str,
    /// What it is, in running text ("the contributor ladder").
    pub noun: &'static str,
    /// Whether the format requires it.
    pub required: bool,
    /// For a document that is one list (`people:`), the list's key: templates see
    /// `gov.people` as the list itself.
    pub list: Option<&'static str>,
    /// What it holds, in one line (the JSON Schema's description).
    pub summary: &'static str,
}

impl Document {
    /// The portal page's path under the base path, `code-of-conduct/`.
    pub fn page(&self) -> String {
        format!("{}/", self.key)
    }
}

/// Every governance document, in the order the format describes them (and the menu shows them).
pub const DOCUMENTS: [&Document; 8] =
    [&CHARTER, &PEOPLE, &ROLES, &LADDER, &CODE_OF_CONDUCT, &SECURITY, &GROUPS, &DECISIONS];

const CHARTER: Document = Document {
    key: "charter",
    file: "governance/charter.yaml",
    field: "charter",
    title: "Charter",
    noun: "charter",
    required: true,
    list: None,
    summary: "Why the project exists, what it covers and how it decides.",
};
const PEOPLE: Document = Document {
    key: "people",
    file: "governance/people.yaml",
    field: "people",
    title: "People",
    noun: "people",
    required: true,
    list: Some("people"),
    summary: "Everyone the other documents mention, once.",
};
const ROLES: Document = Document {
    key: "roles",
    file: "governance/roles.yaml",
    field: "roles",
    title: "Roles",
    noun: "roles",
    required: true,
    list: Some("roles"),
    summary: "The roles of the project and who holds them.",
};
const LADDER: Document = Document {
    key: "ladder",
    file: "governance/ladder.yaml",
    field: "ladder",
    title: "Ladder",
    noun: "contributor ladder",
    required: true,
    list: None,
    summary: "The contributor ladder: its levels, what each requires, and how people leave it.",
};
const CODE_OF_CONDUCT: Document = Document {
    key: "code-of-conduct",
    file: "governance/code-of-conduct.yaml",
    field: "code_of_conduct",
    title: "Code of Conduct",
    noun: "code of conduct",
    required: true,
    list: None,
    summary: "The code of conduct: standards, how to report a problem, and the enforcement ladder.",
};
const SECURITY: Document = Document {
    key: "security",
    file: "governance/security.yaml",
    field: "security",
    title: "Security",
    noun: "security policy",
    required: false,
    list: None,
    summary: "How to report a vulnerability, and what happens next.",
};
const GROUPS: Document = Document {
    key: "groups",
    file: "governance/groups.yaml",
    field: "groups",
    title: "Groups",
    noun: "groups",
    required: false,
    list: Some("groups"),
    summary: "Working groups, SIGs, committees and teams.",
};
const DECISIONS: Document = Document {
    key: "decisions",
    file: "governance/decisions.yaml",
    field: "decisions",
    title: "Decisions",
    noun: "decision log",
    required: false,
    list: Some("decisions"),
    summary: "The decision log.",
};

/// What every document type can do: be read from YAML, written to JSON, and described.
pub trait DocumentData: Serialize + DeserializeOwned + JsonSchema + Default + 'static {}
impl<T: Serialize + DeserializeOwned + JsonSchema + Default + 'static> DocumentData for T {}

/// Reads each governance document of a site, whatever its type.
pub trait DocumentVisitor<'a> {
    /// Called once per row of [`DOCUMENTS`], in order, with the site's document if it has one.
    fn visit<T: DocumentData>(&mut self, document: &'static Document, doc: Option<&'a Doc<T>>);
}

/// Produces each governance document of a site (the loader).
pub trait DocumentSource {
    /// Why a document could not be produced at all.
    type Error;
    /// The document of this row, `None` when the site has none (or it did not parse).
    fn load<T: DocumentData>(&mut self, document: &'static Document) -> Result<Option<Doc<T>>, Self::Error>;
}

/// Binds each row of the table to its field of [`Site`] and its model type, once.
macro_rules! documents {
    ($($field:ident: $ty:ty = $row:ident),* $(,)?) => {
        impl Site {
            /// Calls `visitor` with each governance document, in table order.
            pub fn visit_documents<'a>(&'a self, visitor: &mut impl DocumentVisitor<'a>) {
                $( visitor.visit::<$ty>(&$row, self.$field.as_ref()); )*
            }

            /// Fills every governance document from `source`, in table order.
            pub fn load_documents<S: DocumentSource>(&mut self, source: &mut S) -> Result<(), S::Error> {
                $( self.$field = source.load::<$ty>(&$row)?; )*
                Ok(())
            }

            /// Whether the site has the document `key` (`code-of-conduct`).
            pub fn has_document(&self, key: &str) -> bool {
                $( ($row.key == key && self.$field.is_some()) || )* false
            }
        }

        /// Calls `visitor` once per document type, without a site (for schemas).
        pub fn visit_document_types(visitor: &mut impl DocumentVisitor<'static>) {
            $( visitor.visit::<$ty>(&$row, None); )*
        }
    };
}

documents! {
    charter: Charter = CHARTER,
    people: People = PEOPLE,
    roles: Roles = ROLES,
    ladder: Ladder = LADDER,
    code_of_conduct: CodeOfConduct = CODE_OF_CONDUCT,
    security: SecurityPolicy = SECURITY,
    groups: Groups = GROUPS,
    decisions: DecisionLog = DECISIONS,
}

/// The row with this key.
pub fn document(key: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().copied().find(|d| d.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Keys(Vec<&'static str>);
    impl DocumentVisitor<'static> for Keys {
        fn visit<T: DocumentData>(&mut self, document: &'static Document, _: Option<&'static Doc<T>>) {
            self.0.push(document.key);
        }
    }

    #[test]
    fn the_binding_follows_the_table() {
        let mut keys = Keys(Vec::new());
        visit_document_types(&mut keys);
        assert_eq!(keys.0, DOCUMENTS.iter().map(|d| d.key).collect::<Vec<_>>());
        for d in DOCUMENTS {
            assert_eq!(d.file, format!("governance/{}.yaml", d.key));
            assert_eq!(d.field, d.key.replace('-', "_"));
        }
    }
}
