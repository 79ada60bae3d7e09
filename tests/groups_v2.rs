//! Groups and decisions v2 (spec v2 §4): archived groups, a group's own decision rules,
//! meeting times in an IANA zone with their UTC time, election results, and a role's
//! `body_name`. Each rule at its exact position.

mod common;

use common::{hits, read, rules, site, stderr};
use std::path::Path;

const GROUPS: &str = "governance/groups.yaml";
const ROLES: &str = "governance/roles.yaml";
const DECISIONS: &str = "governance/decisions.yaml";

fn at(found: &[(usize, usize, String, String)]) -> Vec<(usize, usize)> {
    found.iter().map(|h| (h.0, h.1)).collect()
}

/// Builds the site of `changes` with "today" fixed by `SOURCE_DATE_EPOCH`.
fn build_on(dir: &Path, epoch: &str) -> std::path::PathBuf {
    let public = dir.join("public");
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_govsite"))
        .args(["build", &dir.to_string_lossy(), "--output", &public.to_string_lossy()])
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run govsite");
    assert!(result.status.success(), "{}", stderr(&result));
    public
}

/// 2026-07-01 and 2026-12-01, 12:00 UTC.
const SUMMER: &str = "1782907200";
const WINTER: &str = "1796126400";

const ARCHIVED: &str = "groups:
  - id: sig-docs
    name: SIG Docs
    min_members: 3
    limits:
      maintainer: { min: 2 }
    archived_on: 2025-06-30
  - id: sig-old
    name: SIG Old
    status: archived
    archived_on: 2025-06-30
    min_members: 3
    limits:
      maintainer: { min: 2 }
  - id: sig-typo
    name: SIG Typo
    status: Archive
";

#[test]
fn archived_on_needs_status_archived() {
    let found = hits(&[(GROUPS, ARCHIVED)], "groups/archived-on");
    assert_eq!(at(&found), [(7, 5)], "{found:#?}");
    assert!(found[0].2.contains("its status is active (the default)"), "{}", found[0].2);
    let typo = hits(&[(GROUPS, ARCHIVED)], "schema/enum");
    assert_eq!(at(&typo), [(17, 13)], "{typo:#?}");
    assert!(typo[0].3.starts_with("did you mean `archived`?"), "{}", typo[0].3);
}

#[test]
fn archived_groups_are_left_out_of_limits_and_minimum_members() {
    let limits = hits(&[(GROUPS, ARCHIVED)], "groups/limits");
    assert_eq!(at(&limits), [(6, 7)], "only the active group: {limits:#?}");
    let minimum = hits(&[(GROUPS, ARCHIVED)], "roles/min-members");
    assert_eq!(at(&minimum), [(4, 5)], "{minimum:#?}");
}

#[test]
fn a_decision_may_name_an_archived_group() {
    let decisions =
        "decisions:\n  - { id: d1, date: 2025-07-01, title: Archive SIG Old, outcome: accepted, affects: [sig-old] }\n";
    let groups = ARCHIVED
        .replace("status: Archive", "status: archived")
        .replace("    archived_on: 2025-06-30\n  - id: sig-old", "  - id: sig-old");
    assert!(rules(&[(GROUPS, &groups), (DECISIONS, decisions)]).iter().all(|d| d.rule != "decisions/unknown-ref"));
}

const MEETINGS: &str = "groups:
  - id: sig-docs
    name: SIG Docs
    members: [alice]
    meetings:
      - { name: Call, time: \"25:00\", timezone: Asia/Shanghai }
      - { name: Sync, time: \"10:00\", timezone: \"\" }
      - { name: Triage, time: \"10:00\", timezone: Asia/Shangai }
      - { name: Review, time: \"10:00\", timezone: asia/shanghai }
      - { name: Old, time_utc: \"15:00+08:00\" }
      - { name: Range, time_utc: \"16:00-17:00\" }
      - { name: Utc, time_utc: \"16:00 UTC\" }
";

#[test]
fn meeting_times_are_hh_mm_in_a_zone() {
    let mut found = hits(&[(GROUPS, MEETINGS)], "schema/time");
    found.sort();
    assert_eq!(at(&found), [(6, 29), (7, 23), (10, 32), (12, 32)], "{found:#?}");
    assert!(found[1].2.contains("has a `time` but no `timezone`"), "{}", found[1].2);
    let offset = &found[2];
    assert!(offset.2.contains("`15:00+08:00`, which is not a time in UTC"), "{}", offset.2);
    assert!(
        offset.3.starts_with("give the local time and its zone instead: `time: \"15:00\"` and `timezone:"),
        "{}",
        offset.3
    );
}

#[test]
fn a_time_zone_is_an_iana_name_with_a_did_you_mean() {
    let found = hits(&[(GROUPS, MEETINGS)], "schema/enum");
    assert_eq!(at(&found), [(8, 50), (9, 50)], "{found:#?}");
    assert!(found[0].2.contains("not an IANA time zone name"), "{}", found[0].2);
    assert!(found[0].3.starts_with("did you mean `Asia/Shanghai`?"), "{}", found[0].3);
    assert!(found[1].3.starts_with("did you mean `Asia/Shanghai`?"), "{}", found[1].3);
}

const SIG: &str = "groups:
  - id: sig-docs
    name: SIG Docs
    members: [alice]
    decision_making:
      model: voting
      body: sig-docs
      voting: { majority: simple, base: votes-cast, period_days: 7 }
      thresholds:
        - { decision: Changing the style guide, majority: two-thirds, veto_by: maintainer }
    meetings:
      - { name: SIG call, cadence: weekly, time: \"17:00\", timezone: Europe/Berlin, public: true }
      - { name: Asia call, time: \"07:30\", timezone: Asia/Shanghai, public: true }
";

#[test]
fn the_groups_page_shows_local_and_utc_times_for_the_date_of_today() {
    let dir = site(&[(GROUPS, SIG)]);
    let summer = read(&build_on(dir.path(), SUMMER), "groups/index.html");
    assert!(
        summer.contains(r#"<br>Meets weekly, at <time>17:00</time> Europe/Berlin <span class="utc">(15:00 UTC, while the zone is UTC+02:00)</span>"#),
        "{summer}"
    );
    assert!(
        summer.contains(r#"<br>Meets at <time>07:30</time> Asia/Shanghai <span class="utc">(23:30 UTC, the day before, while the zone is UTC+08:00)</span>"#),
        "{summer}"
    );
    let winter = read(&build_on(dir.path(), WINTER), "groups/index.html");
    assert!(winter.contains("(16:00 UTC, while the zone is UTC+01:00)"), "{winter}");
}

#[test]
fn a_group_decides_by_its_own_rules_shown_as_the_charter_shows_them() {
    let dir = site(&[(GROUPS, SIG)]);
    let page = read(&build_on(dir.path(), SUMMER), "groups/index.html");
    assert!(page.contains(r#"<h3 id="sig-docs-decision-making">How SIG Docs decides</h3>"#), "{page}");
    assert!(page.contains(r#"<h3 id="sig-docs-voting">Voting</h3>"#), "{page}");
    assert!(page.contains(r#"<h3 id="sig-docs-thresholds">Decisions that need another majority</h3>"#), "{page}");
    assert!(page.contains(r#"<td><a href="/tiny/roles/#maintainer">Maintainer</a></td>"#), "the veto: {page}");
    let to = dir.path().join("exported");
    let result = common::govsite(&["export", &dir.path().to_string_lossy(), "--to", &to.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let governance = std::fs::read_to_string(to.join("GOVERNANCE.md")).expect("GOVERNANCE.md");
    assert!(
        governance
            .contains("### How SIG Docs decides\n\n**Decided by:** SIG Docs.\n\n**Model:** Voting.\n\n#### Voting\n"),
        "{governance}"
    );
    assert!(
        governance.contains("| Changing the style guide | Two-thirds majority | SIG Docs | — | — | Maintainer | — |"),
        "{governance}"
    );
}

#[test]
fn a_group_decision_block_is_checked_like_the_charters() {
    let sig = SIG
        .replace("      body: sig-docs\n", "      body: sig-dcos\n")
        .replace("majority: two-thirds", "majority: two-third");
    let unknown = hits(&[(GROUPS, &sig)], "roles/unknown-role");
    assert_eq!(at(&unknown), [(7, 13)], "{unknown:#?}");
    assert!(unknown[0].3.contains("did you mean `sig-docs`?"), "{}", unknown[0].3);
    let word = hits(&[(GROUPS, &sig)], "schema/enum");
    assert_eq!(at(&word), [(10, 59)], "{word:#?}");
    let missing = hits(&[(GROUPS, &SIG.replace("      body: sig-docs\n", ""))], "schema/missing-field");
    assert_eq!(at(&missing).len(), 1, "{missing:#?}");
    assert!(missing[0].2.contains("body"), "{}", missing[0].2);
}

const ELECTION: &str = "decisions:
  - id: 2025-election
    date: 2025-11-18
    title: Maintainer election
    outcome: elected
    body: maintainer
    candidates:
      - { person: alice, votes: 41, elected: true }
      - { person: bob, votes: 1 }
      - { person: carol, votes: 12 }
";

#[test]
fn candidates_are_people() {
    let found = hits(&[(DECISIONS, ELECTION)], "people/unknown-person");
    assert_eq!(at(&found), [(10, 19)], "{found:#?}");
    assert!(found[0].2.contains("decision `2025-election`'s candidates lists `carol`"), "{}", found[0].2);
}

const COUNCIL: &str = "roles:
  - id: maintainer
    name: Steering Council member
    body_name: Steering Council
    description: Keeps the project healthy.
    responsibilities: [Review changes]
    seats: 3
    max_per_organization: 2
    members:
      - alice
      - { person: bob, area: docs }
";

#[test]
fn the_decision_log_shows_results_and_the_body_by_its_body_name() {
    let election = ELECTION.replace("      - { person: carol, votes: 12 }\n", "");
    let dir = site(&[(DECISIONS, &election), (ROLES, COUNCIL)]);
    let public = build_on(dir.path(), SUMMER);
    let log = read(&public, "decisions/index.html");
    assert!(
        log.contains("<dt>Decided by</dt>\n        <dd><a href=\"/tiny/roles/#maintainer\">Steering Council</a></dd>"),
        "{log}"
    );
    assert!(
        log.contains(r#"<li class="elected"><a href="/tiny/people/#alice">Alice Zhang</a>: 41 votes · <strong>elected</strong></li>"#),
        "{log}"
    );
    assert!(log.contains(r#"<li><a href="/tiny/people/#bob">Bob Li</a>: 1 vote</li>"#), "{log}");
    let charter = read(&public, "charter/index.html");
    assert!(
        charter
            .contains("<dt>Deciding body</dt>\n    <dd><a href=\"/tiny/roles/#maintainer\">Steering Council</a></dd>"),
        "{charter}"
    );
    let home = read(&public, "index.html");
    assert!(home.contains("<dd><a href=\"/tiny/roles/#maintainer\">Steering Council</a></dd>"), "{home}");
    assert!(home.contains("<dd>3 seats · at most 2 per organisation · 1 vacant</dd>"), "{home}");
    let roles = read(&public, "roles/index.html");
    assert!(roles.contains("Steering Council member"), "a holder keeps the role's name: {roles}");
    let to = dir.path().join("exported");
    let result = common::govsite(&["export", &dir.path().to_string_lossy(), "--to", &to.to_string_lossy()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let governance = std::fs::read_to_string(to.join("GOVERNANCE.md")).expect("GOVERNANCE.md");
    assert!(governance.contains("## Steering Council: the deciding body\n\nThe [Steering Council]("), "{governance}");
}
