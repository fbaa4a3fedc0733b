//! Text and choices being edited in the person panel, kept until committed. Drafts follow the
//! session: a change made elsewhere (a drag on the grid, undo) refreshes every field the user has
//! not edited, and leaves the ones they have.

use crate::model::{DimensionId, LevelId, Outcome, Person, PersonId, Session};
use std::collections::HashMap;

/// The person panel's drafts for one person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drafts {
    pub person: Option<PersonId>,
    /// The level whose criteria are compared against the current level.
    pub target: Option<LevelId>,
    pub evidence: HashMap<DimensionId, String>,
    /// Evidence links being edited, space-separated, per dimension.
    pub links: HashMap<DimensionId, String>,
    pub note: String,
    /// A note of the user's being corrected: its id and the text as typed so far.
    pub editing_note: Option<(u64, String)>,
    pub proposal_rationale: String,
    pub outcome: Option<Outcome>,
    pub new_level: Option<LevelId>,
    pub decision_rationale: String,
    pub reasons: Vec<crate::model::decision::Reason>,
    /// Why a promotion goes over the budget, when it does.
    pub over_budget: String,
    /// What the session held when these drafts were filled: a field still equal to it is unedited.
    basis: Basis,
}

/// The session's values behind the drafts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Basis {
    target: Option<LevelId>,
    evidence: HashMap<DimensionId, String>,
    links: HashMap<DimensionId, String>,
    proposal_rationale: String,
    outcome: Option<Outcome>,
    new_level: Option<LevelId>,
    decision_rationale: String,
}

impl Drafts {
    /// Drafts for `person`, filled from what the session holds: the proposal's target (or the next
    /// level up) to compare with, its evidence, the proposal and decision texts.
    #[must_use]
    pub fn for_person(session: &Session, person: &Person) -> Drafts {
        let ladder = &session.ladder;
        let target = session.proposals.get(&person.id).map(|p| p.target.clone()).or_else(|| {
            let rank = ladder.rank(&person.level).unwrap_or(0);
            ladder
                .track_levels(person.track)
                .nth(rank + 1)
                .or_else(|| ladder.level(&person.level))
                .map(|l| l.id.clone())
        });
        let mut drafts = Drafts { person: Some(person.id.clone()), ..Drafts::default() };
        drafts.set_target(session, &person.id, target);
        if let Some(decision) = session.decisions.get(&person.id) {
            drafts.outcome = Some(decision.outcome);
            drafts.new_level.clone_from(&decision.new_level);
            drafts.decision_rationale.clone_from(&decision.rationale);
            drafts.reasons.clone_from(&decision.reasons);
        }
        if let Some(proposal) = session.proposals.get(&person.id) {
            drafts.proposal_rationale.clone_from(&proposal.rationale);
        }
        drafts.basis = drafts.values();
        drafts
    }

    /// Compares against `target` from now on, with the evidence texts and links recorded for it.
    pub fn set_target(&mut self, session: &Session, person: &PersonId, target: Option<LevelId>) {
        self.evidence.clear();
        self.links.clear();
        if let Some(target) = &target {
            for dimension in &session.ladder.dimensions {
                let recorded = session.evidence_for(person, target, &dimension.id);
                let text = recorded.map(|e| e.text.clone()).unwrap_or_default();
                let links = recorded.map(|e| e.links.join(" ")).unwrap_or_default();
                self.evidence.insert(dimension.id.clone(), text);
                self.links.insert(dimension.id.clone(), links);
            }
        }
        self.basis.evidence.clone_from(&self.evidence);
        self.basis.links.clone_from(&self.links);
        self.target = target;
    }

    /// Brings the drafts up to date after the session changed: every field the user has not edited
    /// takes the session's new value; edited fields (and the unsent note) are kept.
    pub fn follow(&mut self, session: &Session) {
        let Some(person) = self.person.as_ref().and_then(|id| session.person(id)) else { return };
        let fresh = Drafts::for_person(session, person);
        let old = std::mem::take(&mut self.basis);
        if self.target == old.target && fresh.target != self.target {
            // Compared level changed under us (a proposal made by dragging): its evidence comes along.
            self.target.clone_from(&fresh.target);
            self.evidence.clone_from(&fresh.evidence);
            self.links.clone_from(&fresh.links);
        } else if self.target == fresh.target {
            follow_map(&mut self.evidence, &old.evidence, &fresh.evidence);
            follow_map(&mut self.links, &old.links, &fresh.links);
        }
        follow_field(&mut self.proposal_rationale, &old.proposal_rationale, &fresh.proposal_rationale);
        follow_field(&mut self.outcome, &old.outcome, &fresh.outcome);
        follow_field(&mut self.new_level, &old.new_level, &fresh.new_level);
        follow_field(&mut self.decision_rationale, &old.decision_rationale, &fresh.decision_rationale);
        self.basis = fresh.basis;
    }

    fn values(&self) -> Basis {
        Basis {
            target: self.target.clone(),
            evidence: self.evidence.clone(),
            links: self.links.clone(),
            proposal_rationale: self.proposal_rationale.clone(),
            outcome: self.outcome,
            new_level: self.new_level.clone(),
            decision_rationale: self.decision_rationale.clone(),
        }
    }
}

fn follow_field<T: PartialEq + Clone>(draft: &mut T, old: &T, fresh: &T) {
    if draft == old {
        draft.clone_from(fresh);
    }
}

fn follow_map(
    draft: &mut HashMap<DimensionId, String>,
    old: &HashMap<DimensionId, String>,
    fresh: &HashMap<DimensionId, String>,
) {
    for (dimension, value) in fresh {
        let entry = draft.entry(dimension.clone()).or_default();
        if old.get(dimension).is_none_or(|o| o == entry) {
            entry.clone_from(value);
        }
    }
}

/// Free text typed in the person panel but not yet added, kept per person across selection changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnsentText {
    pub note: String,
    pub editing_note: Option<(u64, String)>,
    pub proposal_rationale: String,
    pub decision_rationale: String,
}

impl From<&Drafts> for UnsentText {
    fn from(drafts: &Drafts) -> Self {
        UnsentText {
            note: drafts.note.clone(),
            editing_note: drafts.editing_note.clone(),
            proposal_rationale: drafts.proposal_rationale.clone(),
            decision_rationale: drafts.decision_rationale.clone(),
        }
    }
}

impl UnsentText {
    /// Puts non-empty unsent text back into freshly made drafts.
    pub fn restore_into(self, drafts: &mut Drafts) {
        if self.editing_note.is_some() {
            drafts.editing_note = self.editing_note;
        }
        for (kept, slot) in [
            (self.note, &mut drafts.note),
            (self.proposal_rationale, &mut drafts.proposal_rationale),
            (self.decision_rationale, &mut drafts.decision_rationale),
        ] {
            if !kept.trim().is_empty() {
                *slot = kept;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Proposal};

    fn session_and_person() -> (Session, PersonId) {
        let session = crate::fixtures::large_session(3);
        let id = session.people.iter().find(|p| p.level.as_str() == "P2").map(|p| p.id.clone()).expect("a P2");
        (session, id)
    }

    fn propose(session: &mut Session, id: &PersonId, rationale: &str) {
        let proposal = Proposal {
            target: "P3".into(),
            rationale: rationale.into(),
            proposer: "x".into(),
            proposed_at: jiff::Timestamp::UNIX_EPOCH,
        };
        let change = Change::Propose { person: id.clone(), proposal: Some(proposal) };
        session.apply(change, "x", jiff::Timestamp::UNIX_EPOCH).expect("valid proposal");
    }

    #[test]
    fn an_unedited_rationale_follows_a_proposal_made_elsewhere() {
        let (mut session, id) = session_and_person();
        let mut drafts = Drafts::for_person(&session, session.person(&id).expect("known"));
        assert_eq!(drafts.proposal_rationale, "");
        propose(&mut session, &id, "Led the ledger rewrite");
        drafts.follow(&session);
        assert_eq!(drafts.proposal_rationale, "Led the ledger rewrite");
        assert_eq!(drafts.target, Some("P3".into()));
    }

    #[test]
    fn an_edited_field_is_kept_when_the_session_changes() {
        let (mut session, id) = session_and_person();
        let mut drafts = Drafts::for_person(&session, session.person(&id).expect("known"));
        drafts.decision_rationale = "typing…".into();
        propose(&mut session, &id, "Led the ledger rewrite");
        drafts.follow(&session);
        assert_eq!(drafts.decision_rationale, "typing…");
        assert_eq!(drafts.proposal_rationale, "Led the ledger rewrite");
    }
}
