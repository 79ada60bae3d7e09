//! What the export templates see: the governance model, with people resolved, URLs made
//! absolute to the portal, and the few values only code can work out (seat holders, dates).

mod dotproject;
mod insights;
mod ladder;
mod people;
mod roster;
mod security;

use crate::i18n::Locale;
use crate::markdown::LinkResolver;
use crate::model::Site;
use insights::{insights, Insights};
use ladder::{contributing, levels, ContributingView, LevelView};
use people::{body_rows, contact, deciding_body, emeritus_rows, other_rows, BodyView, ContactView, GroupView, Row};
use security::{report, ReportView};
use serde::Serialize;
use std::path::Path;

pub(super) use dotproject::csv_field;
pub(super) use insights::{latest_date, si_url};
pub(super) use roster::unnamed_owners;

pub(super) use crate::markdown::PROSE_FROM;

/// Everything the templates read.
#[derive(Serialize)]
pub(super) struct Export<'a> {
    notice: Notice,
    project: ProjectView<'a>,
    portal: PortalUrls,
    charter: Option<&'a crate::model::Charter>,
    ladder: Option<&'a crate::model::Ladder>,
    conduct: Option<&'a crate::model::CodeOfConduct>,
    security: Option<&'a crate::model::SecurityPolicy>,
    /// The deciding body.
    body: Option<BodyView<'a>>,
    /// Who may call a vote, by name.
    vote_caller: Option<String>,
    /// Whether the people tables show an `Account` column (a handle on any forge) rather
    /// than `GitHub`: when someone has an account elsewhere but none on GitHub.
    accounts: bool,
    /// The charter's thresholds with who votes and who may veto, by name.
    thresholds: Option<crate::model::thresholds::Thresholds<'a>>,
    groups: Vec<GroupView<'a>>,
    /// Active members of the deciding body.
    maintainers: Vec<Row>,
    /// Active holders of the other roles (not open ones), top of the ladder first.
    others: Vec<Row>,
    /// Emeritus people.
    emeritus: Vec<Row>,
    /// Every role's dated seat history.
    former: Vec<people::FormerRow>,
    /// Everyone's affiliation history.
    affiliations: Vec<people::AffiliationRow<'a>>,
    conduct_contacts: Vec<ContactView>,
    ladder_contact: Option<ContactView>,
    /// What the project calls its emeritus status, when it says (`ladder.emeritus_name`).
    emeritus_name: Option<&'a str>,
    levels: Vec<LevelView<'a>>,
    contributing: ContributingView,
    report: Option<ReportView>,
    insights: Insights,
    /// CODEOWNERS lines, broadest first.
    codeowners: Vec<roster::OwnedPath>,
    /// OWNERS_ALIASES: one alias per role.
    aliases: Vec<roster::Alias>,
    /// `.project/` and the foundation CSV.
    dot: dotproject::DotProject,
}

/// The generated-file notice.
#[derive(Serialize)]
pub(super) struct Notice {
    /// `governance/` as seen from the export folder (`example-site/governance/`).
    pub governance: String,
    /// `site.yaml`, likewise.
    pub config: String,
    /// The command that regenerates the files.
    pub command: String,
}

#[derive(Serialize)]
struct ProjectView<'a> {
    name: &'a str,
    repository: Option<&'a str>,
    license: Option<&'a str>,
    foundation: Option<&'a crate::model::Foundation>,
    /// `a` or `an`, before the foundation maturity.
    maturity_article: &'static str,
    sign_off: Option<&'a str>,
    cla_url: Option<String>,
}

/// A page of the portal.
#[derive(Serialize)]
struct PageLink {
    /// The document's key, which names the page in the locale (`export_text.noun.<key>`).
    key: &'static str,
    url: String,
}

#[derive(Serialize)]
struct PortalUrls {
    home: String,
    /// The pages beside the charter, for a sentence that lists them.
    pages: Vec<PageLink>,
    /// Each governance document's page by its field name (`code_of_conduct`); `None` when the
    /// site does not have the document.
    #[serde(flatten)]
    documents: indexmap::IndexMap<&'static str, Option<String>>,
}

impl PortalUrls {
    /// The page of the document `field`, if the site has it.
    fn document(&self, field: &str) -> Option<&str> {
        self.documents.get(field).and_then(|url| url.as_deref())
    }
}

/// The published URL of `url` as written in the YAML: root-relative ones are made absolute.
pub(super) fn absolute(links: &LinkResolver, url: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        links.resolve(url, Path::new(PROSE_FROM))
    } else {
        url.to_string()
    }
}

impl<'a> Export<'a> {
    /// The context for `site`, whose portal `links` point into; the phrases it builds are
    /// in `locale`'s language.
    pub(super) fn new(site: &'a Site, links: &LinkResolver, notice: Notice, locale: &Locale) -> Self {
        let config = &site.site.project;
        let page_url = |key: &str| absolute(links, &format!("/{key}/"));
        let present = || crate::model::DOCUMENTS.into_iter().filter(|d| site.has_document(d.key));
        // The charter, the code of conduct and the security policy have export files of their
        // own; the sentence lists the other pages.
        let pages = present()
            .filter(|d| !matches!(d.key, "charter" | "code-of-conduct" | "security"))
            .map(|d| PageLink { key: d.key, url: page_url(d.key) })
            .collect();
        let portal = PortalUrls {
            home: links.base_path.clone(),
            pages,
            documents: crate::model::DOCUMENTS
                .iter()
                .map(|d| (d.field, site.has_document(d.key).then(|| page_url(d.key))))
                .collect(),
        };
        let body = deciding_body(site, links, locale);
        let maintainers = body_rows(site, locale);
        let others = other_rows(site);
        let emeritus = emeritus_rows(site, locale);
        let vote_caller = site
            .charter
            .as_ref()
            .and_then(|c| c.decision_making.voting.as_ref())
            .and_then(|v| v.on_demand_by.as_deref())
            .map(|id| vote_caller(site, id, locale));
        let groups = site
            .groups
            .iter()
            .flat_map(|g| g.groups.iter())
            .map(|g| GroupView {
                id: &g.id,
                name: &g.name,
                url: absolute(links, &format!("/groups/#{}", g.id)),
                description: g.description.as_ref(),
                chairs: g.chairs.iter().map(|m| site.name_of(&m.person).to_string()).collect(),
                archived: g.is_archived(),
                archived_on: g.archived_on.as_deref(),
                decision_making: g.decision_making.as_ref(),
                thresholds: g.decision_making.as_ref().map(|dm| crate::model::thresholds::thresholds(site, dm)),
                vote_caller: g
                    .decision_making
                    .as_ref()
                    .and_then(|dm| dm.voting.as_ref())
                    .and_then(|v| v.on_demand_by.as_deref())
                    .map(|id| self::vote_caller(site, id, locale)),
                decided_by: g.decision_making.as_ref().map(|dm| site.body_name_of(dm.body.trim())),
            })
            .collect();
        let conduct_contacts = site
            .code_of_conduct
            .iter()
            .flat_map(|c| c.reporting.contacts.iter())
            .map(|c| contact(site, links, c))
            .collect();
        let ladder_contact = site.ladder.as_ref().and_then(|l| l.contact.as_ref()).map(|c| contact(site, links, c));
        let levels = levels(site, links, locale);
        let contributing = contributing(site, links);
        let report = site.security.as_ref().map(|s| report(site, links, s, locale));
        let insights = insights(site, links, &portal, &maintainers, report.as_ref());
        let aliases = roster::aliases(site);
        let body_id = site.charter.as_ref().map(|c| c.decision_making.body.trim()).unwrap_or("");
        let teams = aliases
            .iter()
            .filter(|a| a.name != body_id)
            .map(|a| dotproject::Team { name: a.name.clone(), members: a.handles.clone() })
            .collect();
        let dot = dotproject::dot_project(site, &portal, &maintainers, teams);
        Export {
            notice,
            project: ProjectView {
                name: &config.name,
                repository: config.repository.as_deref(),
                license: config.license.as_deref(),
                foundation: config.foundation.as_ref(),
                maturity_article: article(config.foundation.as_ref().and_then(|f| f.maturity.as_deref()).unwrap_or("")),
                sign_off: config.sign_off.as_deref(),
                cla_url: config.cla_url.as_deref().map(|u| absolute(links, u)),
            },
            portal,
            charter: site.charter.as_deref(),
            ladder: site.ladder.as_deref(),
            conduct: site.code_of_conduct.as_deref(),
            security: site.security.as_deref(),
            body,
            vote_caller,
            accounts: people::accounts_column(site),
            thresholds: site.charter.as_ref().map(|c| crate::model::thresholds::thresholds(site, &c.decision_making)),
            groups,
            maintainers,
            others,
            emeritus,
            former: people::former_rows(site, locale),
            affiliations: people::affiliation_rows(site),
            conduct_contacts,
            ladder_contact,
            emeritus_name: site.ladder.as_ref().and_then(|l| l.emeritus_name()),
            levels,
            contributing,
            report,
            insights,
            codeowners: roster::codeowners(site),
            aliases,
            dot,
        }
    }
}

impl Export<'_> {
    /// Why the file `name` is not written, when the site lacks what it needs; its existing
    /// copy is then left alone.
    pub(super) fn skip_reason(&self, site: &Site, name: &str) -> Option<&'static str> {
        match name {
            "SECURITY.md" | "security-insights.yml" if site.security.is_none() => {
                Some("the site has no governance/security.yaml")
            }
            "CODEOWNERS" if self.codeowners.is_empty() => {
                Some("no current membership in roles.yaml or groups.yaml has `paths`")
            }
            "OWNERS_ALIASES" if self.aliases.is_empty() => Some("no current holder of a role has a `github` handle"),
            ".project/project.yaml" | ".project/maintainers.yaml" if dotproject::missing(site).is_some() => {
                dotproject::missing(site)
            }
            ".project/maintainers.yaml" if self.dot.maintainers.is_empty() => {
                Some("no current member of the deciding body has a `github` handle for `project-maintainers`")
            }
            "project-maintainers.csv" if self.maintainers.is_empty() => {
                Some("the deciding body has no current members to list")
            }
            "project-maintainers.csv" if self.dot.csv_status_missing() => {
                Some("site.yaml has no `project.foundation.maturity` for the CSV's first column")
            }
            _ => None,
        }
    }
}

/// Who may call a vote, as a phrase: `any Maintainer`, `any member of the Steering Committee`.
fn vote_caller(site: &Site, id: &str, locale: &Locale) -> String {
    if let Some(r) = site.role(id) {
        return locale.t("export_text.people.any_role", &[("name", r.name.as_str().into())]);
    }
    if let Some(g) = site.group(id) {
        return locale.t("export_text.people.any_member", &[("name", g.name.as_str().into())]);
    }
    site.name_of(id).to_string()
}

fn article(word: &str) -> &'static str {
    match word.trim().chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}
