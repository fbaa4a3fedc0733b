//! The presenter view: one candidate at a time, in large type, for the shared screen. The target
//! level's criteria with the evidence against each, the manager's rationale, the pre-read tally and
//! comments, the notes, the time box counting down; the decision is taken here, then the next.

use crate::command::Command;
use crate::command::MeetingCommand;
use crate::model::coverage::criteria_checks;
use crate::model::{Outcome, Session};
use crate::view::state::Presenter;
use egui::{RichText, ScrollArea, TextEdit};

/// Type sizes on the shared screen.
const HEADING: f32 = 30.0;
const BODY: f32 = 18.0;

/// Draws the presenter view in the central area.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    session: &Session,
    agenda: &[crate::model::meeting::AgendaItem],
    presenter: &mut Presenter,
    out: &mut Vec<Command>,
) {
    let Some(person) = session.person(&presenter.person) else {
        out.push(Command::Meeting(MeetingCommand::EndPresentation));
        return;
    };
    let position = agenda.iter().position(|i| i.person == presenter.person).map_or(0, |i| i + 1);
    let box_secs = u64::from(session.meeting.minutes_per_candidate) * 60;
    let (over, left) = if presenter.elapsed_secs > box_secs {
        (true, presenter.elapsed_secs - box_secs)
    } else {
        (false, box_secs - presenter.elapsed_secs)
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Candidate {position} of {}", agenda.len())).size(BODY));
        let clock = if over {
            RichText::new(format!("{}:{:02} over the time box", left / 60, left % 60))
                .color(super::theme::error_color(ui.visuals()))
        } else {
            RichText::new(format!("{}:{:02} left", left / 60, left % 60))
        };
        ui.label(clock.size(BODY).strong());
        if ui.button("End meeting view").clicked() {
            out.push(Command::Meeting(MeetingCommand::EndPresentation));
        }
    });
    let proposal = session.proposals.get(&person.id);
    let target = proposal.map(|p| p.target.clone());
    let title = |id: &crate::model::LevelId| {
        session.ladder.level(id).map_or_else(|| id.to_string(), crate::model::Level::label)
    };
    let heading = match &target {
        Some(target) => format!("{} — {} → {}", person.name, title(&person.level), title(target)),
        None => format!("{} — {}", person.name, title(&person.level)),
    };
    ui.label(RichText::new(heading).size(HEADING).strong());
    ui.label(RichText::new(format!("{} · {}", session.manager_name(person), person.team)).size(BODY).weak());
    ScrollArea::vertical().auto_shrink(false).max_height(ui.available_height() - 190.0).show(ui, |ui| {
        if let Some(p) = proposal {
            ui.label(RichText::new(format!("Rationale ({})", p.proposer)).size(BODY).strong());
            ui.label(RichText::new(&p.rationale).size(BODY));
        }
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Pre-read: {}", session.tally(&person.id).describe())).size(BODY).strong());
        for mark in session.marks_for(&person.id) {
            let comment = if mark.comment.is_empty() { String::new() } else { format!(" — {}", mark.comment) };
            ui.label(RichText::new(format!("{}: {}{comment}", mark.member, mark.vote.label())).size(BODY));
        }
        if let Some(target) = &target {
            ui.add_space(8.0);
            ui.label(RichText::new(format!("{} criteria and the evidence", title(target))).size(BODY).strong());
            // One block per dimension, stacked: long criteria and evidence wrap at the screen's width.
            for check in criteria_checks(session, &person.id, target) {
                let rating = check.evidence.and_then(|e| e.rating).map_or("no rating", crate::model::Rating::label);
                let met = if check.is_met() { "met" } else { "not met yet" };
                let head = RichText::new(format!("{} — {rating} ({met})", check.dimension_name)).size(BODY).strong();
                ui.label(if check.is_met() { head } else { head.color(super::theme::warning_color(ui.visuals())) });
                ui.add(egui::Label::new(RichText::new(format!("Asks: {}", check.criterion)).size(BODY).weak()).wrap());
                let evidence = check.evidence.map_or("No evidence recorded.", |e| e.text.as_str());
                ui.add(egui::Label::new(RichText::new(format!("Evidence: {evidence}")).size(BODY)).wrap());
                ui.add_space(6.0);
            }
        }
        let notes: Vec<_> = session.notes_for(&person.id).collect();
        if !notes.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Notes").size(BODY).strong());
            for note in notes {
                ui.label(RichText::new(format!("{}: {}", note.author, note.text)).size(BODY));
            }
        }
    });
    ui.separator();
    decision_ui(ui, session, presenter, out);
}

/// The outcome, the level it leads to and the rationale the record needs; then the next candidate.
fn decision_ui(ui: &mut egui::Ui, session: &Session, presenter: &mut Presenter, out: &mut Vec<Command>) {
    if let Some(decision) = session.decisions.get(&presenter.person) {
        ui.label(RichText::new(format!("Decided: {} — {}", decision.outcome, decision.rationale)).size(BODY));
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new("Outcome").size(BODY));
        for outcome in Outcome::ALL {
            let selected = presenter.outcome == Some(outcome);
            if ui.selectable_label(selected, RichText::new(outcome.label()).size(BODY)).clicked() {
                presenter.outcome = Some(outcome);
            }
        }
    });
    let label = ui.label(RichText::new("Decision rationale (required)").size(BODY));
    ui.add(
        TextEdit::multiline(&mut presenter.rationale)
            .char_limit(crate::model::text_limits::TEXT_LIMIT / 4)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let ready = presenter.outcome.is_some() && !presenter.rationale.trim().is_empty();
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new(RichText::new("Record decision and next").size(BODY))).clicked() {
            out.push(Command::Meeting(MeetingCommand::DecideAndNext));
        }
        if ui.button(RichText::new("Skip to next").size(BODY)).clicked() {
            out.push(Command::Meeting(MeetingCommand::NextCandidate));
        }
    });
}
