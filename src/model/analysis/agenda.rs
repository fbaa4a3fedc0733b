//! The meeting's agenda and pre-read tally, computed over the session: every candidate with a
//! proposal, the members' marks on each, and the order the meeting takes them in.

use super::coverage::gaps;
use crate::model::ids::PersonId;
use crate::model::meeting::{AgendaItem, AgendaOrder, Mark, Tally, Vote};
use crate::model::session::Session;

impl Session {
    /// The marks on one candidate, oldest first.
    pub fn marks_for<'a>(&'a self, person: &'a PersonId) -> impl Iterator<Item = &'a Mark> + 'a {
        self.marks.iter().filter(move |m| &m.person == person)
    }

    /// The tally of the marks on one candidate; a recused member's or an observer's mark is not
    /// counted, only numbered.
    #[must_use]
    pub fn tally(&self, person: &PersonId) -> Tally {
        let mut tally = Tally::default();
        let judged = !self.meeting.members.is_empty() || !self.meeting.recusals.is_empty();
        for mark in self.marks_for(person) {
            if judged && !self.mark_counts(&mark.member, person) {
                tally.not_counted += 1;
                continue;
            }
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
    use crate::model::LevelId;
    use crate::model::meeting::Meeting;
    use crate::model::{Change, Proposal};
    use jiff::Timestamp;

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
        assert_eq!(s.tally(&PersonId::new("b")), Tally { agree: 0, question: 1, abstain: 1, not_counted: 0 });
        assert_eq!(s.tally(&PersonId::new("c")).describe(), "2 question");
        let order: Vec<String> = s.agenda(AgendaOrder::Disagreement).iter().map(|i| i.person.to_string()).collect();
        assert_eq!(order, ["c", "b", "a"]);
        // Every candidate has all five P3 criteria open: no evidence yet.
        assert!(s.agenda(AgendaOrder::Level).iter().all(|i| i.gaps == 5 && !i.decided));
    }

    #[test]
    fn by_hand_follows_the_chairs_order() {
        let mut s = session_with_three_candidates();
        let meeting = Meeting {
            minutes_per_candidate: 4,
            order: vec![PersonId::new("b"), PersonId::new("a")],
            ..Meeting::default()
        };
        s.apply(Change::SetMeeting(meeting), "chair", Timestamp::UNIX_EPOCH).expect("set");
        let order: Vec<String> = s.agenda(AgendaOrder::ByHand).iter().map(|i| i.person.to_string()).collect();
        // Those the chair has not placed come after, by name.
        assert_eq!(order, ["b", "a", "c"]);
    }
}
