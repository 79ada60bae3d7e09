//! The prepared data on a small site whose edge cases (an emeritus member, a person listed
//! twice, an id people.yaml lacks, one id used by a person and a group) would each be
//! easy to miscount in a template.

use super::{bodies, documents, people};
use crate::markdown::LinkResolver;
use crate::model::{Doc, Site};
use serde_json::{json, Value};
use std::path::PathBuf;

fn doc<T: serde::de::DeserializeOwned>(yaml: &str) -> Option<Doc<T>> {
    let data = serde_yaml::from_str(yaml).expect("test YAML parses");
    Some(Doc { data, file: PathBuf::new(), source: Default::default(), text: String::new() })
}

fn site() -> Site {
    Site {
        root: PathBuf::new(),
        site: doc(r#"
title: Acme
base_url: https://acme.org/acme/
project:
  name: Acme
  channels: [{ id: announce, type: mailing-list, url: "https://lists.acme.org/announce", public: true }]
"#)
        .expect("site"),
        charter: doc("decision_making: { model: consensus, body: maintainer }"),
        people: doc(r#"
people:
  - { id: ann, name: Ann, affiliation: Acme, email: ann@acme.org }
  - { id: bob, name: Bob, affiliation: Acme, emeritus: true }
  - { id: cy, name: Cy, affiliation: Beta }
  - { id: docs, name: Doc Brown }
"#),
        roles: doc(r#"
roles:
  - id: maintainer
    name: Maintainer
    members: [ann, { person: bob, area: Storage }, { person: ann, area: Again }, ghost]
  - { id: reviewer, name: Reviewer, members: [cy] }
"#),
        ladder: doc(r#"
levels:
  - { id: contributor, name: Contributor }
  - { id: reviewing, name: Reviewing, role: reviewer, sponsors: { count: 1, from: maintaining } }
  - { id: maintaining, name: Maintaining, role: maintainer, sponsors: { count: 2, from: nowhere } }
"#),
        code_of_conduct: None,
        security: doc("bulletins: [announce, nope]"),
        groups: doc(r#"
groups:
  - { id: docs, name: Docs WG, chairs: [bob], members: [cy], members_from: maintainer }
"#),
        decisions: doc(r#"
decisions:
  - { id: a, date: 2024-01-01, title: A, outcome: accepted }
  - { id: b, date: 2024-02-01, title: B, outcome: pending }
  - { id: c, date: 2024-03-01, title: C, outcome: accepted }
  - { id: d, date: 2024-04-01, title: D, outcome: rejected }
"#),
        pages: Vec::new(),
        content_files: Vec::new(),
        static_files: Vec::new(),
        locales: Vec::new(),
    }
}

fn links() -> LinkResolver {
    LinkResolver { base_path: "/acme/".into(), ..Default::default() }
}

fn value(x: impl serde::Serialize) -> Value {
    serde_json::to_value(x).expect("views serialize")
}

/// The person ids of a list of seats.
fn persons(seats: &Value) -> Vec<&str> {
    seats.as_array().into_iter().flatten().filter_map(|s| s["person"].as_str()).collect()
}

#[test]
fn roles_count_active_holders_once_and_resolve_every_seat() {
    let site = site();
    let roles = value(bodies::roles(&site, &links()));
    let maintainer = &roles[0];
    assert_eq!(maintainer["name"], "Maintainer");
    // Bob is emeritus; Ann counts once; `ghost` is unknown, so still counted (as the rules do).
    assert_eq!(persons(&maintainer["holders"]), ["ann", "ghost"]);
    assert_eq!(persons(&maintainer["member_seats"]), ["ann", "bob", "ann", "ghost"]);
    assert_eq!(maintainer["member_seats"][1]["who"]["name"], "Bob");
    assert_eq!(maintainer["member_seats"][1]["area"], "Storage");
    assert_eq!(maintainer["member_seats"][3]["who"], Value::Null);
    assert_eq!(
        maintainer["levels"],
        json!([{ "id": "maintaining", "name": "Maintaining", "url": "/acme/ladder/#maintaining" }])
    );

    let levels = value(bodies::levels(&site, &links()));
    let holders: Vec<Vec<&str>> = (0..3).map(|i| persons(&levels[i]["holders"])).collect();
    assert_eq!(holders, [vec![], vec!["cy"], vec!["ann", "ghost"]]);
    assert_eq!(levels[1]["sponsors_from"]["name"], "Maintaining");
    assert_eq!(levels[2]["sponsors_from"], Value::Null);

    let groups = value(bodies::groups(&site, &links()));
    assert_eq!(groups[0]["chair_seats"][0]["who"]["emeritus"], true);
    assert_eq!(persons(&groups[0]["from_role"]["holders"]), ["ann", "ghost"]);

    let (role, group) = bodies::body(&site, &links());
    assert_eq!(value(role)["id"], "maintainer");
    assert!(group.is_none());
}

#[test]
fn the_deciding_body_names_its_majority_and_half() {
    let site = site();
    let body = value(bodies::deciding_body(&site, &crate::i18n::Locale::bundled("en")));
    assert_eq!(body["name"], "Maintainer");
    assert_eq!(body["members"], 2);
    assert_eq!(
        body["organisations"],
        json!([
            { "name": "Acme", "seats": 1, "percent": 50, "over_half": false, "warn": false },
            { "name": "No affiliation", "seats": 1, "percent": 50, "over_half": false, "warn": false },
        ])
    );
    assert_eq!(body["majority"], Value::Null);
    assert_eq!(body["half"]["name"], "Acme");
}

#[test]
fn refs_prefer_a_person_and_people_know_what_lists_them() {
    let site = site();
    let refs = value(people::refs(&site, &links()));
    assert_eq!(
        refs["docs"],
        json!({ "kind": "person", "name": "Doc Brown", "body": "Doc Brown", "url": "/acme/people/#docs", "email": null })
    );
    assert_eq!(refs["ann"]["email"], "ann@acme.org");
    assert_eq!(refs["reviewer"]["kind"], "role");
    assert_eq!(refs["maintaining"]["url"], "/acme/ladder/#maintaining");
    assert!(refs.get("ghost").is_none());

    let (active, emeriti) = people::people(&site, &links());
    let ids = |list: &Value| -> Vec<String> {
        list.as_array().into_iter().flatten().filter_map(|p| p["id"].as_str().map(String::from)).collect()
    };
    assert_eq!(ids(&value(&active)), ["ann", "cy", "docs"]);
    let bob = &value(&emeriti)[0];
    assert_eq!(bob["id"], "bob");
    assert_eq!(
        bob["held_roles"],
        json!([{ "id": "maintainer", "name": "Maintainer", "url": "/acme/roles/#maintainer" }])
    );
    assert_eq!(bob["chaired"][0]["url"], "/acme/groups/#docs");
    assert_eq!(bob["joined"], json!([]));
}

#[test]
fn outcomes_and_bulletins() {
    let site = site();
    assert_eq!(
        value(documents::outcomes(&site)),
        json!([{ "outcome": "accepted", "count": 2 }, { "outcome": "rejected", "count": 1 }])
    );
    let announce = json!({ "id": "announce", "type": "mailing-list", "url": "https://lists.acme.org/announce", "public": true, "purpose": null });
    assert_eq!(
        value(documents::bulletins(&site)),
        json!([{ "id": "announce", "channel": announce }, { "id": "nope", "channel": null }])
    );
}
