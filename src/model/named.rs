//! What an id names. People, roles, groups and ladder levels share one id space in prose
//! and in fields such as `decision_making.body` or a decision's `affects`, so a reader (or a
//! page) needs one answer to "who or what is `docs`?".

use super::{Group, LadderLevel, Person, Role, Site};

/// The entry an id names.
#[derive(Debug, Clone, Copy)]
pub enum Named<'a> {
    /// A person of people.yaml.
    Person(&'a Person),
    /// A role of roles.yaml.
    Role(&'a Role),
    /// A group of groups.yaml.
    Group(&'a Group),
    /// A level of ladder.yaml.
    Level(&'a LadderLevel),
}

impl<'a> Named<'a> {
    /// Its display name.
    pub fn name(&self) -> &'a str {
        match self {
            Named::Person(p) => &p.name,
            Named::Role(r) => &r.name,
            Named::Group(g) => &g.name,
            Named::Level(l) => &l.name,
        }
    }

    /// Its name where a text speaks of it as a body that decides, votes or vetoes: a role's
    /// `body_name` when it has one (`Steering Council`), else its display name.
    pub fn body_name(&self) -> &'a str {
        match self {
            Named::Role(r) => r.body_name.as_deref().map(str::trim).filter(|n| !n.is_empty()).unwrap_or(&r.name),
            _ => self.name(),
        }
    }

    /// `person`, `role`, `group` or `level`.
    pub fn kind(&self) -> &'static str {
        match self {
            Named::Person(_) => "person",
            Named::Role(_) => "role",
            Named::Group(_) => "group",
            Named::Level(_) => "level",
        }
    }

    /// The portal page whose anchor `#id` it is: `people`, `roles`, `groups` or `ladder`.
    pub fn page(&self) -> &'static str {
        match self {
            Named::Person(_) => "people",
            Named::Role(_) => "roles",
            Named::Group(_) => "groups",
            Named::Level(_) => "ladder",
        }
    }
}

impl Site {
    /// The ladder level with this id, if ladder.yaml has one.
    pub fn level(&self, id: &str) -> Option<&LadderLevel> {
        self.ladder.as_ref()?.levels.iter().find(|l| l.id == id)
    }

    /// What `id` names. When ids collide across documents, a person wins over a role, a
    /// role over a group and a group over a level: the order a reader would guess.
    pub fn named(&self, id: &str) -> Option<Named<'_>> {
        self.person(id)
            .map(Named::Person)
            .or_else(|| self.role(id).map(Named::Role))
            .or_else(|| self.group(id).map(Named::Group))
            .or_else(|| self.level(id).map(Named::Level))
    }

    /// The name of whatever `id` names, else the id itself.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.named(id).map_or(id, |n| n.name())
    }

    /// [`Named::body_name`] of whatever `id` names, else the id itself.
    pub fn body_name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.named(id).map_or(id, |n| n.body_name())
    }
}
