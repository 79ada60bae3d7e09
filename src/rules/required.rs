//! `schema/missing-field`: required keys that are absent or empty.
//!
//! Which keys are required is stated once, in `model::required`; this rule walks that table
//! over each document, then checks the few requirements that depend on another value.

use crate::diagnostics::Diagnostic;
use crate::model::required::required_in;
use crate::model::values::find;
use crate::model::{field_path, Doc, DocumentData, DocumentVisitor, Site};
use serde::Serialize;
use serde_json::Value;

/// Reports each required field that is absent or empty.
pub fn check(site: &Site, out: &mut Vec<Diagnostic>) {
    check_document(&site.site, "site", out);
    struct Documents<'o>(&'o mut Vec<Diagnostic>);
    impl<'a> DocumentVisitor<'a> for Documents<'_> {
        fn visit<T: DocumentData>(&mut self, document: &'static crate::model::Document, doc: Option<&'a Doc<T>>) {
            if let Some(doc) = doc {
                check_document(doc, document.key, self.0);
            }
        }
    }
    site.visit_documents(&mut Documents(out));

    if let Some(c) = &site.charter {
        let dm = &c.decision_making;
        require(out, c, "decision_making", "voting", dm.model == "voting" && dm.voting.is_none());
    }
    if let Some(c) = &site.code_of_conduct {
        let by_reference = c.based_on.as_ref().is_some_and(|b| b.by_reference);
        if !by_reference {
            require(out, c, "", "pledge", c.pledge.as_ref().is_none_or(|t| t.is_blank()));
            require(out, c, "", "standards", c.standards.is_none());
            require(out, c, "", "scope", c.scope.as_ref().is_none_or(|t| t.is_blank()));
        }
    }
    if let Some(sec) = &site.security {
        require(out, sec, "", "contact", sec.contact.is_none() && sec.contacts.is_empty());
    }
}

/// Reports the required keys of `model::required` that `doc` (the document `document`,
/// e.g. `site` or `roles`) lacks or leaves empty.
pub fn check_document<T: Serialize>(doc: &Doc<T>, document: &str, out: &mut Vec<Diagnostic>) {
    let Ok(value) = serde_json::to_value(&doc.data) else { return };
    for requirement in required_in(document) {
        for (path, mapping) in mappings(&value, requirement.parent, &|path| doc.source.contains(path)) {
            for key in requirement.keys {
                let missing = match mapping.get(*key) {
                    None | Some(Value::Null) => true,
                    Some(Value::String(text)) => text.trim().is_empty(),
                    Some(Value::Array(items)) => {
                        items.iter().all(|item| item.as_str().is_some_and(|t| t.trim().is_empty()))
                    }
                    // A mapping the model defaults: missing when it was not written.
                    Some(Value::Object(_)) => !doc.source.contains(&field_path(&path, key)),
                    Some(_) => false,
                };
                require(out, doc, &path, key, missing);
            }
        }
    }
}

/// The mappings at `pattern` (`nav[]`: every item of `nav`; `` the root), with their paths,
/// found by the model's one path walk; a nested mapping that the file does not write is
/// skipped (its absence is reported on its parent).
fn mappings<'v>(root: &'v Value, pattern: &str, written: &dyn Fn(&str) -> bool) -> Vec<(String, &'v Value)> {
    if pattern.is_empty() {
        return vec![(String::new(), root)];
    }
    find(root, pattern)
        .into_iter()
        .filter(|(path, value)| value.is_object() && (pattern.ends_with("[]") || written(path)))
        .collect()
}

/// Reports `field` of the mapping at `parent` when `missing`: at the empty value if the key
/// is there, else at the mapping that lacks it.
fn require<T>(out: &mut Vec<Diagnostic>, doc: &Doc<T>, parent: &str, field: &str, missing: bool) {
    if !missing {
        return;
    }
    let path = field_path(parent, field);
    let whereabouts = if parent.is_empty() { String::new() } else { format!(" in `{parent}`") };
    let diagnostic = if doc.source.contains(&path) {
        Diagnostic::error(
            "schema/missing-field",
            &doc.file,
            doc.key_pos(&path),
            format!("required key `{field}` is empty{whereabouts}"),
        )
        .with_label("empty")
        .with_help(format!("give `{field}` a value (see docs/format.md)"))
    } else {
        Diagnostic::error(
            "schema/missing-field",
            &doc.file,
            doc.key_pos(parent),
            format!("required key `{field}` is missing{whereabouts}"),
        )
        .with_help(format!("add `{field}:` here (see docs/format.md)"))
    };
    out.push(diagnostic);
}
