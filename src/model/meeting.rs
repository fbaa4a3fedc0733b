//! The committee meeting: members' pre-read marks, the agenda of candidates with its order and time
//! box, and the tally the room sees. All derived from the session but the marks and the meeting's
//! settings, which are saved in it.

use super::coverage::gaps;
use super::ids::{LevelId, PersonId};
use super::session::Session;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A member's pre-read view of one candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Vote {
    Agree,
    Question,
    Abstain,
}

impl Vote {
    pub const ALL: [Vote; 3] = [Vote::Agree, Vote::Question, Vote::Abstain];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Vote::Agree => "agree",
            Vote::Question => "question",
            Vote::Abstain => "abstain",
        }
    }
}

/// One member's mark on one candidate, with a short comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub member: String,
    pub person: PersonId,
    pub vote: Vote,
    #[serde(default)]
    pub comment: String,
    pub at: Timestamp,
}

/// How the members marked one candidate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub agree: usize,
    pub question: usize,
    pub abstain: usize,
}

impl Tally {
    /// "2 agree · 1 question", or "no marks".
    #[must_use]
    pub fn describe(self) -> String {
        let parts: Vec<String> = [(self.agree, "agree"), (self.question, "question"), (self.abstain, "abstain")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, label)| format!("{n} {label}"))
            .collect();
        if parts.is_empty() { "no marks".to_owned() } else { parts.join(" · ") }
    }
}

/// The meeting's settings, saved with the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Minutes each candidate is given.
    pub minutes_per_candidate: u32,
    /// The chair's own order (dragged), used when the agenda is ordered by hand.
    #[serde(default)]
    pub order: Vec<PersonId>,
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting { minutes_per_candidate: 6, order: Vec::new() }
    }
}

impl Meeting {
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Meeting::default()
    }
}

/// How the agenda is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AgendaOrder {
    /// Most "question" marks first, then the thinnest evidence: the hardest cases get the time.
    #[default]
    Disagreement,
    Level,
    Manager,
    /// The chair's dragged order.
    ByHand,
}

impl AgendaOrder {
    pub const ALL: [AgendaOrder; 4] =
        [AgendaOrder::Disagreement, AgendaOrder::Level, AgendaOrder::Manager, AgendaOrder::ByHand];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            AgendaOrder::Disagreement => "Most disagreement first",
            AgendaOrder::Level => "By target level",
            AgendaOrder::Manager => "By manager",
            AgendaOrder::ByHand => "By hand (drag)",
        }
    }
}

/// One candidate on the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub person: PersonId,
    pub target: LevelId,
    pub tally: Tally,
    /// Target criteria without evidence or rated below "meets".
    pub gaps: usize,
    pub decided: bool,
}

impl Session {
    /// The marks on one candidate, oldest first.
    pub fn marks_for<'a>(&'a self, person: &'a PersonId) -> impl Iterator<Item = &'a Mark> + 'a {
        self.marks.iter().filter(move |m| &m.person == person)
    }

    /// The tally of the marks on one candidate.
    #[must_use]
    pub fn tally(&self, person: &PersonId) -> Tally {
        let mut tally = Tally::default();
        for mark in self.marks_for(person) {
            match mark.vote {
                Vote::Agree => tally.agree += 1,
                Vote::Question => tally.question += 1,
                Vote::Abstain => tally.abstain += 1,
            }
        }
        tally
    }

    /// A member's mark on a candidate, if any.
    #[must_use]
    pub fn mark_of(&self, member: &str, person: &PersonId) -> Option<&Mark> {
        self.marks.iter().find(|m| m.member == member && &m.person == person)
    }

    /// Everyone with a proposal, in `order`.
    #[must_use]
    pub fn agenda(&self, order: AgendaOrder) -> Vec<AgendaItem> {
        let mut items: Vec<AgendaItem> = self
            .proposals
            .iter()
            .map(|(person, proposal)| AgendaItem {
                person: person.clone(),
                target: proposal.target.clone(),
                tally: self.tally(person),
                gaps: gaps(self, person, &proposal.target).len(),
                decided: self.decisions.contains_key(person),
            })
            .collect();
        let name = |id: &PersonId| self.person(id).map(|p| p.name.to_string()).unwrap_or_default();
        match order {
            AgendaOrder::Disagreement => items.sort_by(|a, b| {
                (b.tally.question, b.gaps)
                    .cmp(&(a.tally.question, a.gaps))
                    .then_with(|| name(&a.person).cmp(&name(&b.person)))
            }),
            AgendaOrder::Level => items.sort_by(|a, b| {
                (self.ladder.rank(&b.target), name(&a.person)).cmp(&(self.ladder.rank(&a.target), name(&b.person)))
            }),
            AgendaOrder::Manager => items.sort_by_key(|i| {
                let manager = self.person(&i.person).map(|p| self.manager_name(p).to_owned()).unwrap_or_default();
                (manager, name(&i.person))
            }),
            AgendaOrder::ByHand => {
                let position = |id: &PersonId| self.meeting.order.iter().position(|o| o == id).unwrap_or(usize::MAX);
                items.sort_by_key(|i| (position(&i.person), name(&i.person)));
            }
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Proposal};

    fn session_with_three_candidates() -> Session {
        let ladder = crate::io::ladder_ron::default_ladder();
        let person = |id: &str, name: &str| crate::model::Person::for_tests(id, name, "M", "T", "P2");
        let mut s = Session::new("t", ladder, vec![person("a", "Ann"), person("b", "Bea"), person("c", "Cal")]);
        for id in ["a", "b", "c"] {
            let proposal = Proposal {
                target: LevelId::new("P3"),
                rationale: "ready".into(),
                proposer: "M".into(),
                proposed_at: Timestamp::UNIX_EPOCH,
            };
            s.apply(
                Change::Propose { person: PersonId::new(id), proposal: Some(proposal) },
                "M",
                Timestamp::UNIX_EPOCH,
            )
            .expect("proposed");
        }
        s
    }

    fn mark(s: &mut Session, member: &str, who: &str, vote: Vote) {
        let mark = Mark {
            member: member.into(),
            person: PersonId::new(who),
            vote,
            comment: String::new(),
            at: Timestamp::UNIX_EPOCH,
        };
        s.apply(
            Change::SetMark { member: member.into(), person: PersonId::new(who), mark: Some(mark) },
            member,
            Timestamp::UNIX_EPOCH,
        )
        .expect("marked");
    }

    #[test]
    fn the_agenda_puts_the_most_questioned_first_and_tallies_each_member_once() {
        let mut s = session_with_three_candidates();
        mark(&mut s, "x", "c", Vote::Question);
        mark(&mut s, "y", "c", Vote::Question);
        mark(&mut s, "x", "b", Vote::Question);
        mark(&mut s, "y", "b", Vote::Agree);
        // A member who changes their mind has one mark, the latest.
        mark(&mut s, "y", "b", Vote::Abstain);
        assert_eq!(s.tally(&PersonId::new("b")), Tally { agree: 0, question: 1, abstain: 1 });
        assert_eq!(s.tally(&PersonId::new("c")).describe(), "2 question");
        let order: Vec<String> = s.agenda(AgendaOrder::Disagreement).iter().map(|i| i.person.to_string()).collect();
        assert_eq!(order, ["c", "b", "a"]);
        // Every candidate has all five P3 criteria open: no evidence yet.
        assert!(s.agenda(AgendaOrder::Level).iter().all(|i| i.gaps == 5 && !i.decided));
    }

    #[test]
    fn by_hand_follows_the_chairs_order() {
        let mut s = session_with_three_candidates();
        let meeting = Meeting { minutes_per_candidate: 4, order: vec![PersonId::new("b"), PersonId::new("a")] };
        s.apply(Change::SetMeeting(meeting), "chair", Timestamp::UNIX_EPOCH).expect("set");
        let order: Vec<String> = s.agenda(AgendaOrder::ByHand).iter().map(|i| i.person.to_string()).collect();
        // Those the chair has not placed come after, by name.
        assert_eq!(order, ["b", "a", "c"]);
    }
}
