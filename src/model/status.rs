//! Where a person is in the calibration: a rule of the session, shown on cards, in the list and
//! used by filters.

use super::ids::PersonId;
use super::session::Session;

/// Where a person is in the calibration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    NoProposal,
    Proposed,
    Decided,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NoProposal, Status::Proposed, Status::Decided];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Status::NoProposal => "no proposal",
            Status::Proposed => "proposed",
            Status::Decided => "decided",
        }
    }

    /// The status of a person in a session: a decision settles it, else a proposal opens it.
    #[must_use]
    pub fn of(session: &Session, id: &PersonId) -> Status {
        if session.decisions.contains_key(id) {
            Status::Decided
        } else if session.proposals.contains_key(id) {
            Status::Proposed
        } else {
            Status::NoProposal
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, Outcome, Proposal};

    #[test]
    fn a_decision_outranks_a_proposal() {
        let mut session = crate::fixtures::large_session(2);
        let id = session.people[0].id.clone();
        assert_eq!(Status::of(&session, &id), Status::NoProposal);
        let at = jiff::Timestamp::UNIX_EPOCH;
        let proposal = Proposal { target: "P4".into(), rationale: "r".into(), proposer: "x".into(), proposed_at: at };
        session.proposals.insert(id.clone(), proposal);
        assert_eq!(Status::of(&session, &id), Status::Proposed);
        let decision = Decision::new(Outcome::Hold, None, "r", "x", at);
        session.decisions.insert(id.clone(), decision);
        assert_eq!(Status::of(&session, &id), Status::Decided);
    }
}
