//! Running the committee meeting: the agenda's order and time box, the presenter view's clock, and
//! "decide and next", which records the decision with the time the room spent on the candidate.
#![deny(clippy::wildcard_enum_match_arm)]

use super::LadderApp;
use crate::command::{Edit, MeetingCommand};
use crate::model::PersonId;
use crate::view::state::Presenter;
use std::time::Instant;

impl LadderApp {
    /// Handles the meeting's commands.
    pub(super) fn handle_meeting(&mut self, command: MeetingCommand) {
        match command {
            MeetingCommand::SetAgendaOrder(order) => {
                self.view.windows.agenda = Some(order);
                self.view.agenda_order = order;
            }
            MeetingCommand::Present(person) => self.present(person),
            MeetingCommand::DecideAndNext => self.decide_and_next(),
            MeetingCommand::NextCandidate => self.next_candidate(),
            MeetingCommand::EndPresentation => self.view.windows.presenter = None,
        }
    }

    /// Puts `person` on the shared screen and starts their clock.
    fn present(&mut self, person: PersonId) {
        let order = self.view.windows.agenda.unwrap_or_default();
        let target = self.session().proposals.get(&person).map(|p| p.target.clone());
        self.view.windows.presenter = Some(Presenter {
            person: person.clone(),
            order,
            since: Instant::now(),
            elapsed_secs: 0,
            outcome: None,
            new_level: target,
            rationale: String::new(),
            reasons: Vec::new(),
            over_budget: String::new(),
        });
        self.view.selected = Some(person);
    }

    /// Records the presenter view's decision (with the time spent) and moves to the next candidate.
    fn decide_and_next(&mut self) {
        let Some(p) = self.view.windows.presenter.clone() else { return };
        let Some(outcome) = p.outcome else {
            self.error("Choose an outcome first");
            return;
        };
        let new_level = if outcome.changes_level() { p.new_level.clone() } else { None };
        let decide = Edit::Decide {
            person: p.person.clone(),
            outcome,
            new_level,
            rationale: p.rationale.clone(),
            time_spent_secs: None,
            reasons: p.reasons.clone(),
            over_budget: p.over_budget.clone(),
        };
        if self.edit(decide) {
            self.next_candidate();
        }
    }

    /// The next candidate on the agenda not yet decided, after the one on screen; the view closes
    /// after the last.
    fn next_candidate(&mut self) {
        let Some(p) = self.view.windows.presenter.clone() else { return };
        let agenda = self.session().agenda(p.order);
        let at = agenda.iter().position(|i| i.person == p.person).unwrap_or(0);
        let next =
            agenda.iter().skip(at + 1).chain(agenda.iter().take(at)).find(|i| !i.decided && i.person != p.person);
        if let Some(item) = next {
            let person = item.person.clone();
            self.present(person);
            if let Some(presenter) = &mut self.view.windows.presenter {
                presenter.order = p.order;
            }
        } else {
            self.view.windows.presenter = None;
            self.info("Every candidate on the agenda is decided");
        }
    }

    /// Each frame: the time on the candidate, for the countdown and the record.
    pub(super) fn tick_presenter(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = &mut self.view.windows.presenter {
            presenter.elapsed_secs = presenter.since.elapsed().as_secs();
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }
}
