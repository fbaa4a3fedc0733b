//! The committee in the room: its members and their roles, who is present, who steps out for which
//! candidate, the cycle's promotion budget, and the minutes' action items and deferrals. All of it
//! is kept in `Meeting`, so the record seals it with the agenda (`doc_seal`'s part `a`) and an
//! older file, which has none of it, keeps the digest it was sealed with.

use super::ids::{LevelId, PersonId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a member does in the meeting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Chair,
    #[default]
    Member,
    HrPartner,
    Observer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Chair, Role::Member, Role::HrPartner, Role::Observer];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Member => "member",
            Role::HrPartner => "HR partner",
            Role::Observer => "observer",
        }
    }

    /// Whether a member in this role has a say: an observer's marks are shown, never counted.
    #[must_use]
    pub fn votes(self) -> bool {
        matches!(self, Role::Chair | Role::Member)
    }
}

/// A member of the committee, by the name they use in Ladderboard (File → Preferences).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    pub role: Role,
}

/// A member's time in the room: when they came and, once they left, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub member: String,
    pub arrived: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Timestamp>,
}

/// The chair's word on one member and one candidate: stepped out (`recused`), or stays in despite
/// the proposal (`!recused`), with the reason. A proposal with no word yet counts as recused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recusal {
    pub person: PersonId,
    pub member: String,
    pub recused: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// How many promotions the cycle can afford, overall and per target level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub per_level: BTreeMap<LevelId, u32>,
}

impl Budget {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.overall.is_none() && self.per_level.is_empty()
    }
}

/// A follow-up the meeting agreed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: u64,
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// The candidate it is about, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// A candidate the meeting put off, to when and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deferral {
    pub person: PersonId,
    /// When it comes back: "2027 H1", "next meeting".
    pub until: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Whether a member's name and a person of the roster are the same one: by name or by employee
/// id, ignoring case and surrounding spaces.
#[must_use]
pub fn names_match(member: &str, name: &str, id: &str) -> bool {
    let member = member.trim();
    !member.is_empty()
        && (member.eq_ignore_ascii_case(id.trim()) || member.to_lowercase() == name.trim().to_lowercase())
}
