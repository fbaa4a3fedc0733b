//! A manager's proposal to move a person to a target level.

use super::ids::LevelId;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Proposed target level and the case for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub target: LevelId,
    pub rationale: String,
    pub proposer: String,
    pub proposed_at: Timestamp,
}

/// Proposes `person` for `target` at the epoch, as unit tests set up their sessions.
#[cfg(test)]
pub(crate) fn propose_for_tests(session: &mut super::Session, person: &str, target: &str) {
    let at = jiff::Timestamp::UNIX_EPOCH;
    let proposal = Proposal {
        target: super::LevelId::new(target),
        rationale: "ready".into(),
        proposer: "manager".into(),
        proposed_at: at,
    };
    let change = super::Change::Propose { person: super::PersonId::new(person), proposal: Some(proposal) };
    session.apply(change, "manager", at).expect("the proposal is valid");
}
