//! The portfolio's own pages: the home page comparing its projects, the organisation-wide
//! people page, and the 404 page, sitemap and robots.txt of the whole portal.

use super::{compile, render_template, theme, Content, OutputFile, RenderError};
use crate::markdown::{LinkResolver, Markdown};
use crate::rules::CheckedPortfolio as Portfolio;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;
use tera::Context;

#[derive(Serialize)]
struct ProjectCard<'a> {
    name: &'a str,
    title: &'a str,
    description: &'a str,
    url: String,
    badge_url: String,
    score: u32,
    warnings: usize,
    failing: Vec<&'static str>,
    profile: &'static str,
    exemptions: &'a [crate::model::Exemption],
}

#[derive(Serialize, Default)]
struct PersonCard<'a> {
    id: &'a str,
    name: &'a str,
    affiliation: Option<&'a str>,
    github: Option<&'a str>,
    seats: Vec<Seat>,
}

#[derive(Serialize)]
struct Seat {
    project: String,
    project_url: String,
    title: String,
    url: String,
}

/// The portfolio's pages, addressed under `base_url`; `project_pages` are the projects'
/// page addresses under it (`alpha/charter/`), for the sitemap.
pub fn pages(
    portfolio: &Portfolio,
    root: &std::path::Path,
    base_url: &str,
    project_pages: &[String],
) -> Result<Vec<OutputFile>, RenderError> {
    let base_path = super::base_path(base_url);
    let theme = theme::load(root, "default")?;
    let locales = Arc::new(crate::i18n::Locales::bundled(&portfolio.config.language));
    let markdown = Arc::new(Markdown {
        links: LinkResolver { base_path: base_path.clone(), ..Default::default() },
        unsafe_html: false,
        highlight: false,
        task_labels: Default::default(),
        highlighted: None,
    });
    let tera = compile(&theme, &markdown, &base_path, Arc::clone(&locales))?;

    let projects: Vec<ProjectCard> = portfolio
        .projects
        .iter()
        .map(|p| {
            let mut failing: Vec<&'static str> = p.checked.diagnostics.iter().map(|d| d.rule).collect();
            failing.sort_unstable();
            failing.dedup();
            ProjectCard {
                name: &p.name,
                title: p.checked.site.site.title.as_str(),
                description: p.checked.site.site.description.as_str(),
                url: format!("{base_path}{}/", p.name),
                badge_url: format!("{base_path}{}/badge.svg", p.name),
                score: p.checked.score,
                warnings: p.checked.diagnostics.len(),
                failing,
                profile: p.checked.policy.profile.name,
                exemptions: &p.checked.policy.exemptions,
            }
        })
        .collect();
    let people = people(portfolio, &base_path);
    let config = &portfolio.config;
    let site = serde_json::json!({
        "title": config.title, "description": config.description, "base_url": base_url, "base_path": base_path,
        "language": config.language, "project": { "name": config.title }, "nav": []
    });
    let locale = crate::i18n::Locale::bundled(&config.language);
    let menu = serde_json::json!([
        { "key": "home", "title": locale.text("portfolio.projects"), "url": base_path },
        { "key": "people", "title": locale.text("doc.people"), "url": format!("{base_path}people/") }
    ]);
    let mut base = Context::new();
    base.insert("site", &site);
    base.insert("menu", &menu);
    base.insert("pages", &Vec::<()>::new());
    base.insert("has_code", &false);
    base.insert(
        "portfolio",
        &serde_json::json!({ "title": config.title, "description": config.description, "score": portfolio.score() }),
    );
    base.insert("projects", &projects);
    base.insert("people", &people);
    base.insert("locale", locale.tag());

    let mut files = Vec::new();
    for (key, template, out) in [
        ("home", "portfolio.html", "index.html"),
        ("people", "portfolio-people.html", "people/index.html"),
        ("404", "404.html", "404.html"),
    ] {
        let mut context = base.clone();
        context.insert("current", key);
        let html = render_template(&tera, template, &context)?;
        files.push(OutputFile { path: out.into(), content: Content::Bytes(html.into_bytes()) });
    }
    let mut urls = vec![base_url.to_string(), format!("{base_url}people/")];
    urls.extend(project_pages.iter().map(|page| format!("{base_url}{page}")));
    files.extend(super::crawler_files(&tera, &base, base_url, urls, Vec::new())?);
    files.push(OutputFile {
        path: "badge.svg".into(),
        content: Content::Bytes(super::badge::svg(portfolio.score()).into_bytes()),
    });
    let governance: BTreeMap<&str, &crate::model::Site> =
        portfolio.projects.iter().map(|p| (p.name.as_str(), &p.checked.site)).collect();
    files.push(OutputFile {
        path: "governance.json".into(),
        content: Content::Bytes(serde_json::to_vec_pretty(&governance)?),
    });
    files.extend(super::theme_assets(&theme));
    Ok(files)
}

/// Everyone holding a role or a group seat in any project, with where they serve.
fn people<'a>(portfolio: &'a Portfolio, base_path: &str) -> Vec<PersonCard<'a>> {
    let mut cards: BTreeMap<(&str, &str), PersonCard<'a>> = BTreeMap::new();
    for project in &portfolio.projects {
        let site = &project.checked.site;
        let project_url = format!("{base_path}{}/", project.name);
        let chair = crate::i18n::Locale::bundled(&portfolio.config.language);
        let mut seat = |id: &str, title: String, url: String| {
            let Some(person) = site.person(id) else { return };
            if person.emeritus {
                return;
            }
            let card = cards.entry((person.name.as_str(), person.id.as_str())).or_insert_with(|| PersonCard {
                id: &person.id,
                name: &person.name,
                affiliation: person.current_affiliation(),
                github: person.github_handle().and_then(crate::model::values::handle),
                seats: Vec::new(),
            });
            card.seats.push(Seat { project: project.name.clone(), project_url: project_url.clone(), title, url });
        };
        for role in site.roles.iter().flat_map(|r| r.roles.iter()).filter(|r| !r.open) {
            for m in &role.members {
                seat(&m.person, role.name.to_string(), format!("{project_url}roles/#{}", role.id));
            }
        }
        for group in site.groups.iter().flat_map(|g| g.groups.iter()) {
            for m in group.chairs.iter() {
                seat(
                    &m.person,
                    format!("{}{}", group.name, chair.text("people.chair_suffix")),
                    format!("{project_url}groups/#{}", group.id),
                );
            }
            for m in group.members.iter() {
                seat(&m.person, group.name.to_string(), format!("{project_url}groups/#{}", group.id));
            }
        }
    }
    cards.into_values().collect()
}
