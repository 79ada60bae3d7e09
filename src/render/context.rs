//! What templates see: the site, the governance model, lookups and the navigation.
//!
//! Templates present; Rust decides. Who holds a seat, who is active, what an id names and
//! how many hold a role are worked out here, once per build, with the model's own
//! functions (`model::seats`, `Site::named`), so that every page and every theme counts
//! the way the rules do.

mod bodies;
mod documents;
mod people;
#[cfg(test)]
mod tests;

use crate::markdown::{Heading, LinkResolver, Markdown, Rendered};
use crate::model::{Page, Project, Site};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Context;

/// Values shared by every page, computed once per build.
pub struct Globals<'a> {
    site: SiteView<'a>,
    gov: &'a Site,
    people_by_id: BTreeMap<&'a str, people::Who<'a>>,
    pages: Vec<PageLink<'a>>,
    menu: Vec<MenuItem>,
    deciding_body: Option<bodies::BodyView<'a>>,
    prepared: Prepared<'a>,
    score: u32,
    profile: &'static str,
    exemptions: &'a [crate::model::Exemption],
    /// govsite's words for emeritus in the locale: (heading, tag).
    emeritus: (String, String),
}

/// The governance documents prepared for display: seats with their people, the active
/// holders of each role, what each id names.
struct Prepared<'a> {
    refs: BTreeMap<&'a str, people::Ref<'a>>,
    roles: Vec<bodies::RoleView<'a>>,
    groups: Option<Vec<bodies::GroupView<'a>>>,
    levels: Vec<bodies::LevelView<'a>>,
    body_role: Option<bodies::RoleView<'a>>,
    body_group: Option<bodies::GroupView<'a>>,
    active_people: Vec<people::PersonView<'a>>,
    emeritus_people: Vec<people::PersonView<'a>>,
    decision_outcomes: Vec<documents::OutcomeCount>,
    bulletins: Vec<documents::Bulletin<'a>>,
    /// The charter's thresholds with who votes and who may veto.
    thresholds: Option<crate::model::thresholds::Thresholds<'a>>,
    /// Whether any group is archived: the groups page then lists those apart.
    archived_groups: bool,
}

impl<'a> Prepared<'a> {
    fn new(site: &'a Site, links: &LinkResolver) -> Self {
        let (body_role, body_group) = bodies::body(site, links);
        let (active_people, emeritus_people) = people::people(site, links);
        Prepared {
            refs: people::refs(site, links),
            roles: bodies::roles(site, links),
            groups: bodies::groups(site, links),
            levels: bodies::levels(site, links),
            body_role,
            body_group,
            active_people,
            emeritus_people,
            decision_outcomes: documents::outcomes(site),
            bulletins: documents::bulletins(site),
            thresholds: site.charter.as_ref().map(|c| crate::model::thresholds::thresholds(site, &c.decision_making)),
            archived_groups: site.groups.iter().flat_map(|g| g.groups.iter()).any(crate::model::Group::is_archived),
        }
    }

    fn insert_into(&self, context: &mut Context) {
        context.insert("refs", &self.refs);
        context.insert("roles", &self.roles);
        context.insert("groups", &self.groups);
        context.insert("levels", &self.levels);
        context.insert("body_role", &self.body_role);
        context.insert("body_group", &self.body_group);
        context.insert("active_people", &self.active_people);
        context.insert("emeritus_people", &self.emeritus_people);
        context.insert("decision_outcomes", &self.decision_outcomes);
        context.insert("bulletins", &self.bulletins);
        context.insert("thresholds", &self.thresholds);
        context.insert("archived_groups", &self.archived_groups);
        // The date meeting times are converted to UTC on (daylight saving depends on it).
        context.insert("today", &crate::today::iso(crate::today::today()));
    }
}

/// A link to an entry of a governance page: `{id, name, url}`.
#[derive(Serialize)]
struct Link<'a> {
    id: &'a str,
    name: &'a str,
    url: String,
}

impl<'a> Link<'a> {
    fn new(links: &LinkResolver, page: &str, id: &'a str, name: &'a str) -> Self {
        Link { id, name, url: anchor(links, page, id) }
    }
}

/// The address of `#id` on a governance page, base path included: what
/// `("/people/#" ~ id) | url` gives in a template.
fn anchor(links: &LinkResolver, page: &str, id: &str) -> String {
    links.resolve(&format!("/{page}/#{id}"), Path::new(super::PROSE_FROM))
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    base_path: &'a str,
    language: &'a str,
    project: ProjectView<'a>,
    nav: Vec<MenuItem>,
}

#[derive(Serialize)]
struct ProjectView<'a> {
    #[serde(flatten)]
    project: &'a Project,
    logo_url: Option<String>,
    contributing_url: Option<String>,
}

#[derive(Serialize)]
struct PageLink<'a> {
    title: &'a str,
    description: Option<&'a str>,
    url: String,
    path: &'a str,
}

#[derive(Serialize, Clone)]
struct MenuItem {
    key: String,
    title: String,
    url: String,
}

/// A Markdown page as templates see it.
#[derive(Serialize)]
pub struct PageView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    date: Option<&'a str>,
    content: String,
    toc: Vec<Heading>,
    extra: &'a serde_json::Value,
    url: String,
    /// The language the page is written in when it is not the one rendered (a page without a
    /// translation, shown in the default language): the theme marks its content with it.
    lang: Option<&'a str>,
}

impl<'a> PageView<'a> {
    /// The view of `page`, whose body rendered to `rendered`; `lang` is its language when it
    /// is shown in another one's portal.
    pub fn new(page: &'a Page, rendered: Rendered, base_path: &str, lang: Option<&'a str>) -> Self {
        PageView {
            lang,
            title: &page.front.title,
            description: page.front.description.as_deref(),
            date: page.front.date.as_deref(),
            content: rendered.html,
            toc: rendered.toc,
            extra: &page.front.extra,
            url: page_path_url(base_path, &page.path),
        }
    }
}

fn page_path_url(base_path: &str, path: &str) -> String {
    if path.is_empty() {
        base_path.to_string()
    } else {
        format!("{base_path}{path}/")
    }
}

impl<'a> Globals<'a> {
    /// Computes the shared values for `site` (the model read for `language`) published at
    /// the language's address.
    pub(super) fn new(
        checked: &'a crate::rules::Checked,
        site: &'a Site,
        language: &'a super::languages::Language<'a>,
        pages: &[&'a Page],
        markdown: &Markdown,
        locale: &crate::i18n::Locale,
    ) -> Self {
        let (base_url, base_path) = (language.base_url.as_str(), language.base_path.as_str());
        let config = &site.site;
        let from_site = Path::new("site.yaml");
        let logo_url = config.project.logo.as_deref().map(|logo| {
            let logo = logo.strip_prefix("static/").map(|rest| format!("/{rest}")).unwrap_or_else(|| logo.to_string());
            let rooted = if logo.starts_with('/') || logo.contains("://") { logo } else { format!("/{logo}") };
            markdown.links.resolve(&rooted, from_site)
        });
        let contributing_url = config.project.contributing.as_deref().map(|c| markdown.links.resolve(c, from_site));
        let nav: Vec<MenuItem> = config
            .nav
            .iter()
            .map(|n| MenuItem {
                key: format!("nav:{}", n.url),
                title: n.title.to_string(),
                url: markdown.links.resolve(&n.url, from_site),
            })
            .collect();
        let mut menu: Vec<MenuItem> = crate::model::DOCUMENTS
            .iter()
            .filter(|d| site.has_document(d.key))
            .map(|d| MenuItem {
                key: d.key.into(),
                title: locale.text(&format!("doc.{}", d.key)),
                url: format!("{base_path}{}", d.page()),
            })
            .collect();
        menu.extend(nav.iter().cloned());
        Globals {
            site: SiteView {
                title: config.title.as_str(),
                description: config.description.as_str(),
                base_url,
                base_path,
                language: language.tag,
                project: ProjectView { project: &config.project, logo_url, contributing_url },
                nav,
            },
            gov: site,
            people_by_id: site
                .people
                .iter()
                .flat_map(|p| p.people.iter())
                .map(|p| (p.id.as_str(), people::Who::new(p)))
                .collect(),
            pages: pages
                .iter()
                .filter(|p| !p.path.is_empty())
                .map(|p| PageLink {
                    title: &p.front.title,
                    description: p.front.description.as_deref(),
                    url: page_path_url(base_path, &p.path),
                    path: &p.path,
                })
                .collect(),
            menu,
            deciding_body: bodies::deciding_body(site, locale),
            prepared: Prepared::new(site, &markdown.links),
            score: checked.score,
            profile: checked.policy.profile.name,
            exemptions: &checked.policy.exemptions,
            emeritus: (locale.text("people.emeritus"), locale.text("people.emeritus_tag")),
        }
    }

    /// Puts the shared values into a template context.
    pub fn insert_into(&self, context: &mut Context) {
        context.insert("site", &self.site);
        context.insert_value("gov", gov_view(self.gov));
        context.insert("people_by_id", &self.people_by_id);
        context.insert("pages", &self.pages);
        context.insert("menu", &self.menu);
        context.insert("deciding_body", &self.deciding_body);
        self.prepared.insert_into(context);
        context.insert("score", &self.score);
        context.insert("profile", self.profile);
        context.insert("exemptions", self.exemptions);
        // The project's word for emeritus, as written (user text is never case-folded);
        // without one, govsite's own: "Emeritus" as a heading, "emeritus" as a tag.
        let named = self.gov.ladder.as_ref().and_then(|l| l.emeritus_name());
        context.insert("emeritus_named", &named.is_some());
        context.insert("emeritus_name", named.unwrap_or(&self.emeritus.0));
        context.insert("emeritus_tag", named.unwrap_or(&self.emeritus.1));
    }
}

/// The governance documents by their field name, a list document (`people:`) unwrapped to
/// its list, so templates write `gov.people` for the list of people.
fn gov_view(site: &Site) -> tera::Value {
    use crate::model::{Doc, Document, DocumentData, DocumentVisitor};
    struct Gov(Vec<(&'static str, tera::Value)>);
    impl<'a> DocumentVisitor<'a> for Gov {
        fn visit<T: DocumentData>(&mut self, document: &'static Document, doc: Option<&'a Doc<T>>) {
            let value = doc.map_or_else(tera::Value::none, |doc| {
                let value = tera::Value::from_serializable(&doc.data);
                match document.list {
                    Some(list) => value.get_from_path(list).cloned().unwrap_or_else(tera::Value::none),
                    None => value,
                }
            });
            self.0.push((document.field, value));
        }
    }
    let mut gov = Gov(Vec::new());
    site.visit_documents(&mut gov);
    tera::Value::from(gov.0.into_iter().collect::<indexmap::IndexMap<_, _>>())
}
