//! Running the committee meeting: the agenda's order and time box, the presenter view's clock, and
//! "decide and next", which records the decision with the time the room spent on the candidate.

use super::LadderApp;
use crate::command::Command;
use crate::model::meeting::{AgendaOrder, Mark, Meeting};
use crate::model::{Change, PersonId};
use crate::view::state::Presenter;
use std::time::Instant;

impl LadderApp {
    /// Handles the meeting's commands.
    pub(super) fn handle_meeting(&mut self, command: &Command) {
        match command {
            Command::SetMark { person, vote, comment } => {
                let member = self.settings.user_name.clone();
                let mark = vote.map(|vote| Mark {
                    member: member.clone(),
                    person: person.clone(),
                    vote,
                    comment: comment.trim().to_owned(),
                    at: jiff::Timestamp::now(),
                });
                let label = format!("pre-read mark: {}", vote.map_or("cleared", |v| v.label()));
                self.step_or_say(label, vec![Change::SetMark { member, person: person.clone(), mark }]);
            }
            Command::SetAgendaOrder(order) => self.view.agenda = Some(*order),
            Command::MoveOnAgenda { person, to } => {
                let mut order: Vec<PersonId> =
                    self.session.agenda(AgendaOrder::ByHand).into_iter().map(|i| i.person).collect();
                if let Some(from) = order.iter().position(|p| p == person) {
                    let id = order.remove(from);
                    order.insert((*to).min(order.len()), id);
                }
                let meeting = Meeting { order, ..self.session.meeting.clone() };
                self.step_or_say("reorder agenda".to_owned(), vec![Change::SetMeeting(meeting)]);
                self.view.agenda = Some(AgendaOrder::ByHand);
            }
            Command::SetTimeBox(minutes) => {
                let meeting = Meeting { minutes_per_candidate: *minutes, ..self.session.meeting.clone() };
                self.step_or_say(format!("time box {minutes} min"), vec![Change::SetMeeting(meeting)]);
            }
            Command::Present(person) => self.present(person.clone()),
            Command::SetTargets(targets) => {
                let label = if targets.is_some() { "set target curve" } else { "default target curve" };
                self.step_or_say(label.to_owned(), vec![Change::SetTargets(targets.clone())]);
            }
            Command::FilterManager(manager) => {
                self.view.filters.manager = Some(manager.clone());
                self.info(format!("Showing the people of {manager}"));
            }
            Command::DecideAndNext => self.decide_and_next(),
            Command::NextCandidate => self.next_candidate(),
            Command::EndPresentation => {
                self.view.presenter = None;
                self.presenting_since = None;
            }
            _ => {}
        }
    }

    fn step_or_say(&mut self, label: String, changes: Vec<Change>) {
        if let Err(e) = self.apply_step(label, changes) {
            self.error(format!("Not changed: {e}"));
        }
    }

    /// Puts `person` on the shared screen and starts their clock.
    fn present(&mut self, person: PersonId) {
        let order = self.view.agenda.unwrap_or_default();
        let target = self.session.proposals.get(&person).map(|p| p.target.clone());
        self.view.presenter = Some(Presenter {
            person: person.clone(),
            order,
            elapsed_secs: 0,
            outcome: None,
            new_level: target,
            rationale: String::new(),
        });
        self.view.selected = Some(person);
        self.presenting_since = Some(Instant::now());
    }

    /// Records the presenter view's decision (with the time spent) and moves to the next candidate.
    fn decide_and_next(&mut self) {
        let Some(p) = self.view.presenter.clone() else { return };
        let Some(outcome) = p.outcome else {
            self.error("Choose an outcome first");
            return;
        };
        let new_level = if outcome.changes_level() { p.new_level.clone() } else { None };
        let decide = Command::Decide { person: p.person.clone(), outcome, new_level, rationale: p.rationale.clone() };
        if self.apply_intent(&decide, "Not decided") {
            self.next_candidate();
        }
    }

    /// The next candidate on the agenda not yet decided, after the one on screen; the view closes
    /// after the last.
    fn next_candidate(&mut self) {
        let Some(p) = self.view.presenter.clone() else { return };
        let agenda = self.session.agenda(p.order);
        let at = agenda.iter().position(|i| i.person == p.person).unwrap_or(0);
        let next =
            agenda.iter().skip(at + 1).chain(agenda.iter().take(at)).find(|i| !i.decided && i.person != p.person);
        if let Some(item) = next {
            let person = item.person.clone();
            self.present(person);
            if let Some(presenter) = &mut self.view.presenter {
                presenter.order = p.order;
            }
        } else {
            self.view.presenter = None;
            self.presenting_since = None;
            self.info("Every candidate on the agenda is decided");
        }
    }

    /// Each frame: the time on the candidate, for the countdown and the record.
    pub(super) fn tick_presenter(&mut self, ctx: &egui::Context) {
        if let (Some(presenter), Some(since)) = (&mut self.view.presenter, self.presenting_since) {
            presenter.elapsed_secs = since.elapsed().as_secs();
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }
}
