//! What templates see: the site, the governance model, lookups and the navigation.

use crate::markdown::{Heading, Markdown, Rendered};
use crate::model::{Page, Person, Project, Site};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Context;

/// Values shared by every page, computed once per build.
pub struct Globals<'a> {
    site: SiteView<'a>,
    gov: &'a Site,
    people_by_id: BTreeMap<&'a str, &'a Person>,
    pages: Vec<PageLink<'a>>,
    menu: Vec<MenuItem>,
    deciding_body: Option<BodyView<'a>>,
    score: u32,
    profile: &'static str,
    exemptions: &'a [crate::model::Exemption],
}

/// The deciding body and its organisations, for the diversity chart.
#[derive(Serialize)]
struct BodyView<'a> {
    id: &'a str,
    kind: &'static str,
    members: usize,
    organisations: Vec<crate::model::seats::Share>,
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
}

impl<'a> PageView<'a> {
    /// The view of `page`, whose body rendered to `rendered`.
    pub fn new(page: &'a Page, rendered: Rendered, base_path: &str) -> Self {
        PageView {
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
    /// Computes the shared values for `site` published at `base_url`.
    pub fn new(
        checked: &'a crate::Checked,
        base_url: &'a str,
        base_path: &'a str,
        pages: &[&'a Page],
        markdown: &Markdown,
    ) -> Self {
        let site = &checked.site;
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
                title: n.title.clone(),
                url: markdown.links.resolve(&n.url, from_site),
            })
            .collect();
        let mut menu = Vec::new();
        for (key, title, present) in [
            ("charter", "Charter", site.charter.is_some()),
            ("people", "People", site.people.is_some()),
            ("roles", "Roles", site.roles.is_some()),
            ("ladder", "Ladder", site.ladder.is_some()),
            ("code-of-conduct", "Code of Conduct", site.code_of_conduct.is_some()),
            ("security", "Security", site.security.is_some()),
            ("groups", "Groups", site.groups.is_some()),
            ("decisions", "Decisions", site.decisions.is_some()),
        ] {
            if present {
                menu.push(MenuItem { key: key.into(), title: title.into(), url: format!("{base_path}{key}/") });
            }
        }
        menu.extend(nav.iter().cloned());
        Globals {
            site: SiteView {
                title: &config.title,
                description: &config.description,
                base_url,
                base_path,
                language: &config.language,
                project: ProjectView { project: &config.project, logo_url, contributing_url },
                nav,
            },
            gov: site,
            people_by_id: site.people.iter().flat_map(|p| p.people.iter()).map(|p| (p.id.as_str(), p)).collect(),
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
            deciding_body: crate::model::seats::deciding_body(site).map(|body| BodyView {
                id: body.id,
                kind: body.kind,
                members: body.seats.len(),
                organisations: crate::model::seats::organisations(site, &body),
            }),
            score: checked.score,
            profile: checked.policy.profile.name,
            exemptions: &checked.policy.exemptions,
        }
    }

    /// Puts the shared values into a template context.
    pub fn insert_into(&self, context: &mut Context) {
        context.insert("site", &self.site);
        context.insert("gov", &GovView::from(self.gov));
        context.insert("people_by_id", &self.people_by_id);
        context.insert("pages", &self.pages);
        context.insert("menu", &self.menu);
        context.insert("deciding_body", &self.deciding_body);
        context.insert("score", &self.score);
        context.insert("profile", self.profile);
        context.insert("exemptions", self.exemptions);
    }
}

/// The governance documents with their lists unwrapped (`gov.people` is the list of people).
#[derive(Serialize)]
struct GovView<'a> {
    charter: Option<&'a crate::model::Charter>,
    people: Option<&'a [Person]>,
    roles: Option<&'a [crate::model::Role]>,
    ladder: Option<&'a crate::model::Ladder>,
    code_of_conduct: Option<&'a crate::model::CodeOfConduct>,
    security: Option<&'a crate::model::SecurityPolicy>,
    groups: Option<&'a [crate::model::Group]>,
    decisions: Option<&'a [crate::model::Decision]>,
}

impl<'a> From<&'a Site> for GovView<'a> {
    fn from(site: &'a Site) -> Self {
        GovView {
            charter: site.charter.as_deref(),
            people: site.people.as_ref().map(|d| d.people.as_slice()),
            roles: site.roles.as_ref().map(|d| d.roles.as_slice()),
            ladder: site.ladder.as_deref(),
            code_of_conduct: site.code_of_conduct.as_deref(),
            security: site.security.as_deref(),
            groups: site.groups.as_ref().map(|d| d.groups.as_slice()),
            decisions: site.decisions.as_ref().map(|d| d.decisions.as_slice()),
        }
    }
}
