//! The workspace's settings, folded from its records: who holds which roles,
//! the review rules, and local profiles. The latest record of each wins.

use dateline_store::Record;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entries::Entry;
use crate::model::{same_person, Profile, Role, Rules};
use crate::ReviewError;

/// The roles of one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleAssignment {
    /// The person's name.
    pub person: String,
    /// The roles they hold.
    pub roles: Vec<Role>,
}

/// The workspace's review settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Workspace {
    /// Who holds which roles. While it is empty (nobody assigned yet), everyone
    /// holds every role: a newsroom of one can still work.
    pub roles: Vec<RoleAssignment>,
    /// The review rules.
    pub rules: Rules,
    /// Local profiles (name, email).
    pub profiles: Vec<Profile>,
}

impl Workspace {
    /// The settings recorded in `records` (the records of [`crate::WORKSPACE`]).
    pub fn from_records(records: &[Record]) -> Result<Workspace, ReviewError> {
        let mut w = Workspace::default();
        for r in records {
            match Entry::from_record(r)? {
                Some(Entry::Roles { person, roles }) => {
                    w.roles.retain(|a| !same_person(&a.person, &person));
                    w.roles.push(RoleAssignment { person, roles });
                }
                Some(Entry::Rules(rules)) => w.rules = rules,
                Some(Entry::Profile(p)) => {
                    w.profiles.retain(|q| !same_person(&q.name, &p.name));
                    w.profiles.push(p);
                }
                _ => {}
            }
        }
        Ok(w)
    }

    /// The roles `person` holds.
    pub fn roles_of(&self, person: &str) -> Vec<Role> {
        if self.roles.is_empty() {
            return Role::ALL.to_vec();
        }
        self.roles
            .iter()
            .find(|a| same_person(&a.person, person))
            .map(|a| a.roles.clone())
            .unwrap_or_default()
    }

    /// Whether `person` holds `role`.
    pub fn has_role(&self, person: &str, role: Role) -> bool {
        self.roles_of(person).contains(&role)
    }

    /// `MissingRole` unless `person` holds one of `roles`.
    pub fn require(&self, person: &str, roles: &[Role]) -> Result<(), ReviewError> {
        let held = self.roles_of(person);
        if roles.iter().any(|r| held.contains(r)) {
            return Ok(());
        }
        let names = |rs: &[Role]| {
            if rs.is_empty() {
                "none".to_string()
            } else {
                rs.iter().map(|r| r.name()).collect::<Vec<_>>().join(", ")
            }
        };
        Err(ReviewError::MissingRole {
            who: person.to_string(),
            needed: names(roles).replace(", ", " or "),
            held: names(&held),
        })
    }
}
