//! The contributor ladder's levels, their sponsors and measures, and the contributing guide.

use super::absolute;
use crate::i18n::Locale;
use crate::markdown::LinkResolver;
use crate::model::{LadderLevel, Metric, Site, Sponsors};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub(super) struct LevelView<'a> {
    #[serde(flatten)]
    level: &'a LadderLevel,
    number: usize,
    role_name: Option<String>,
    role_url: Option<String>,
    sponsors_text: Option<String>,
    measures: Vec<MeasureRow>,
    keep: Vec<MeasureRow>,
}

#[derive(Serialize)]
struct MeasureRow {
    name: String,
    count: String,
    per: Option<String>,
    source: Option<String>,
}

#[derive(Serialize, Default)]
pub(super) struct ContributingView {
    /// The guide's page title, when it is a page of the site.
    title: Option<String>,
    /// The page's Markdown, links made absolute.
    body: Option<String>,
    /// Where the guide is published.
    url: Option<String>,
    /// The guide is the repository's own CONTRIBUTING.md: the file export writes, so no link.
    self_reference: bool,
}

pub(super) fn levels<'a>(site: &'a Site, links: &LinkResolver, locale: &Locale) -> Vec<LevelView<'a>> {
    let Some(ladder) = &site.ladder else { return Vec::new() };
    ladder
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| LevelView {
            level,
            number: i + 1,
            role_name: level.role.as_deref().map(|r| site.name_of(r).to_string()),
            role_url: level
                .role
                .as_deref()
                .filter(|r| site.role(r).is_some())
                .map(|r| absolute(links, &format!("/roles/#{r}"))),
            sponsors_text: level.sponsors.as_ref().map(|s| sponsors(site, s, locale)),
            measures: measures(&level.metrics, locale),
            keep: measures(&level.upkeep, locale),
        })
        .collect()
}

/// A level's sponsors in a sentence: `2 sponsors at the Maintainer level or above, from at
/// least 2 different organisations.`
fn sponsors(site: &Site, sponsors: &Sponsors, locale: &Locale) -> String {
    let count = |n: u32| locale.t("export_text.contributing.sponsors", &[("n", n.into())]);
    let mut text = match sponsors {
        Sponsors::Count(n) => count(*n),
        Sponsors::Detailed { count: n, from, distinct_affiliations } => {
            let mut text = count(*n);
            if let Some(from) = from {
                text.push_str(
                    &locale.t("export_text.contributing.sponsors_from", &[("level", site.name_of(from).into())]),
                );
            }
            match distinct_affiliations {
                Some(serde_json::Value::Number(k)) => {
                    let k = i64::try_from(k.as_u64().unwrap_or(0)).unwrap_or(i64::MAX);
                    text.push_str(&locale.t("export_text.contributing.sponsors_orgs", &[("n", k.into())]));
                }
                Some(serde_json::Value::Bool(true)) => {
                    text.push_str(&locale.text("export_text.contributing.sponsors_distinct"));
                }
                _ => {}
            }
            text
        }
    };
    text.push_str(&locale.text("export_text.end"));
    text
}

/// A level's measures; a metric's name comes from the locale's `metric.*` when it has one.
fn measures(map: &indexmap::IndexMap<String, Metric>, locale: &Locale) -> Vec<MeasureRow> {
    let number = |n: f64| if n.fract() == 0.0 { format!("{n:.0}") } else { n.to_string() };
    map.iter()
        .map(|(key, metric)| {
            let name = locale.text_or(&format!("metric.{key}"), || {
                let name = key.replace('_', " ");
                match name.get(..1) {
                    Some(first) => format!("{}{}", first.to_uppercase(), &name[1..]),
                    None => name,
                }
            });
            match metric {
                Metric::Count(n) => MeasureRow { name, count: number(*n), per: None, source: None },
                Metric::Detailed { count, per, source } => MeasureRow {
                    name,
                    count: number(*count),
                    per: per.as_deref().map(|p| per_label(p, locale)),
                    source: source.clone(),
                },
            }
        })
        .collect()
}

pub(super) fn contributing(site: &Site, links: &LinkResolver) -> ContributingView {
    let Some(guide) = site.site.project.contributing.as_deref().map(str::trim).filter(|g| !g.is_empty()) else {
        return ContributingView::default();
    };
    let file = Path::new(guide.strip_prefix("./").unwrap_or(guide));
    if let Some(page) = site.pages.iter().find(|p| p.file == file) {
        let body = crate::export::markdown::absolutize(&page.body, &page.file, links);
        return ContributingView {
            title: Some(page.front.title.clone()),
            body: Some(body.trim().to_string()),
            url: Some(links.resolve(guide, Path::new("site.yaml"))),
            self_reference: false,
        };
    }
    let url = links.resolve(guide, Path::new("site.yaml"));
    let last = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let self_reference = last.eq_ignore_ascii_case("CONTRIBUTING.md");
    ContributingView { title: None, body: None, url: (!self_reference).then_some(url), self_reference }
}

/// A measure's period: `in total`, `per month`, in the locale's words (a period it has no
/// word for is shown as written).
fn per_label(per: &str, locale: &Locale) -> String {
    if per == "total" {
        return locale.text("metrics.in_total");
    }
    let key = format!("period.{per}");
    let period = locale.text_or(&key, || per.to_string());
    locale.t("metrics.per", &[("period", period.into())])
}
