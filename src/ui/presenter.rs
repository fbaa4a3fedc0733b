//! The presenter view: one candidate at a time, for the shared screen, in type that grows with the
//! window (body 32 px at 1920 px wide) and full screen on F11. The target level's criteria with the
//! evidence and its links, the manager's rationale, the pre-read tally and comments, the notes, an
//! open disagreement between prep files, the budget's running total, who stepped out, the time box
//! counting down; the decision is taken here (a level picker for *level adjust*), then the next.

use super::decision_extras;
use crate::command::{Action, Command, MeetingCommand};
use crate::model::coverage::criteria_checks;
use crate::model::{Outcome, Session};
use crate::view::state::Presenter;
use egui::{RichText, ScrollArea, TextEdit};

/// The body size for a window `width` points wide: a sixtieth of it, never below the usual size.
#[must_use]
pub fn body_size(width: f32) -> f32 {
    (width / 60.0).clamp(16.0, 48.0)
}

/// Draws the presenter view in the central area.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    session: &Session,
    agenda: &[crate::model::meeting::AgendaItem],
    presenter: &mut Presenter,
    screen: (&str, bool),
    out: &mut Vec<Command>,
) {
    let (you, full_screen) = screen;
    let Some(person) = session.person(&presenter.person) else {
        out.push(Command::Meeting(MeetingCommand::EndPresentation));
        return;
    };
    let body = body_size(ui.ctx().content_rect().width());
    let heading = body * 1.6;
    let position = agenda.iter().position(|i| i.person == presenter.person).map_or(0, |i| i + 1);
    let box_secs = u64::from(session.meeting.minutes_per_candidate) * 60;
    let spent_before = session.decisions.get(&person.id).and_then(|d| d.time_spent_secs).unwrap_or(0);
    let elapsed = spent_before + presenter.elapsed_secs;
    let (over, left) = if elapsed > box_secs { (true, elapsed - box_secs) } else { (false, box_secs - elapsed) };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Candidate {position} of {}", agenda.len())).size(body));
        let clock = if over {
            RichText::new(format!("{}:{:02} over the time box", left / 60, left % 60))
                .color(super::theme::error_color(ui.visuals()))
        } else {
            RichText::new(format!("{}:{:02} left", left / 60, left % 60))
        };
        ui.label(clock.size(body).strong());
        if !session.meeting.budget.is_empty() {
            ui.label(RichText::new(format!("Budget: {}", session.budget_use().overall.describe())).size(body));
        }
        let screen = if full_screen { "Leave full screen (F11)" } else { "Full screen (F11)" };
        if ui.button(RichText::new(screen).size(body * 0.7)).clicked() {
            out.push(Command::Run(Action::FullScreen));
        }
        if ui.button(RichText::new("End meeting view").size(body * 0.7)).clicked() {
            out.push(Command::Meeting(MeetingCommand::EndPresentation));
        }
    });
    let proposal = session.proposals.get(&person.id);
    let target = proposal.map(|p| p.target.clone());
    let title = |id: &crate::model::LevelId| {
        session.ladder.level(id).map_or_else(|| id.to_string(), crate::model::Level::label)
    };
    let head = match &target {
        Some(target) => format!("{} — {} → {}", person.name, title(&person.level), title(target)),
        None => format!("{} — {}", person.name, title(&person.level)),
    };
    ui.add(egui::Label::new(RichText::new(head).size(heading).strong()).wrap());
    let years =
        person.years_in_level(jiff::Zoned::now().date()).map(|y| format!(" · {y} y in level")).unwrap_or_default();
    ui.label(RichText::new(format!("{} · {}{years}", session.manager_name(person), person.team)).size(body).weak());
    let disputed = session.conflicts.iter().filter(|c| c.person == person.id).count();
    if disputed > 0 {
        let text = format!("DISPUTED — {disputed} disagreement(s) between prep files still open (Open items)");
        ui.label(RichText::new(text).size(body).strong().color(super::theme::warning_color(ui.visuals())));
    }
    let decision_height = body * 9.0;
    ScrollArea::vertical()
        .auto_shrink(false)
        .max_height((ui.available_height() - decision_height).max(body * 4.0))
        .show(ui, |ui| {
            let text = |ui: &mut egui::Ui, s: &str, strong: bool| {
                let rich = RichText::new(s).size(body);
                ui.add(egui::Label::new(if strong { rich.strong() } else { rich }).wrap());
            };
            if let Some(p) = proposal {
                text(ui, &format!("Rationale ({})", p.proposer), true);
                text(ui, &p.rationale, false);
            }
            ui.add_space(body * 0.5);
            text(ui, &format!("Pre-read: {}", session.tally(&person.id).describe()), true);
            for mark in session.marks_for(&person.id) {
                let comment = if mark.comment.is_empty() { String::new() } else { format!(" — {}", mark.comment) };
                text(ui, &format!("{}: {}{comment}", mark.member, mark.vote.label()), false);
            }
            if let Some(target) = &target {
                ui.add_space(body * 0.5);
                text(ui, &format!("{} criteria and the evidence", title(target)), true);
                // One block per dimension, stacked: long criteria and evidence wrap at the screen's width.
                for check in criteria_checks(session, &person.id, target) {
                    let rating = check.evidence.and_then(|e| e.rating).map_or("no rating", crate::model::Rating::label);
                    let met = if check.is_met() { "met" } else { "not met yet" };
                    let head =
                        RichText::new(format!("{} — {rating} ({met})", check.dimension_name)).size(body).strong();
                    ui.label(if check.is_met() { head } else { head.color(super::theme::warning_color(ui.visuals())) });
                    ui.add(
                        egui::Label::new(RichText::new(format!("Asks: {}", check.criterion)).size(body).weak()).wrap(),
                    );
                    let evidence = check.evidence.map_or("No evidence recorded.", |e| e.text.as_str());
                    text(ui, &format!("Evidence: {evidence}"), false);
                    for link in check.evidence.map(|e| e.links.as_slice()).unwrap_or_default() {
                        ui.hyperlink_to(RichText::new(link).size(body * 0.8), link);
                    }
                    ui.add_space(body * 0.3);
                }
            }
            let notes: Vec<_> = session.notes_for(&person.id).collect();
            if !notes.is_empty() {
                ui.add_space(body * 0.5);
                text(ui, "Notes", true);
                for note in notes {
                    text(ui, &format!("{}: {}", note.author, note.text), false);
                }
            }
        });
    ui.separator();
    decision_ui(ui, session, presenter, (you, body), out);
}

/// The outcome, the level it leads to and the rationale the record needs; then the next candidate.
fn decision_ui(
    ui: &mut egui::Ui,
    session: &Session,
    presenter: &mut Presenter,
    (you, body): (&str, f32),
    out: &mut Vec<Command>,
) {
    let Some(person) = session.person(&presenter.person) else { return };
    if let Some(decision) = session.decisions.get(&presenter.person) {
        let text = format!("Decided: {} — {}", decision.outcome, decision.rationale);
        ui.add(egui::Label::new(RichText::new(text).size(body)).truncate());
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Outcome").size(body));
        for outcome in Outcome::ALL {
            let selected = presenter.outcome == Some(outcome);
            if ui.selectable_label(selected, RichText::new(outcome.label()).size(body)).clicked() {
                presenter.outcome = Some(outcome);
                if outcome == Outcome::LevelAdjust {
                    presenter.new_level = None;
                }
            }
        }
        if presenter.outcome.is_some_and(Outcome::changes_level) {
            decision_extras::new_level_ui(ui, session, person, presenter.outcome, &mut presenter.new_level, body);
        }
    });
    let label = ui.label(RichText::new("Decision rationale (required)").size(body));
    ui.add(
        TextEdit::multiline(&mut presenter.rationale)
            .font(egui::FontId::proportional(body))
            .char_limit(crate::model::text_limits::TEXT_LIMIT / 4)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    decision_extras::reasons_ui(ui, session, &mut presenter.reasons, body * 0.7);
    let promote_to = decision_extras::promotion_level(presenter.outcome, presenter.new_level.as_ref());
    let budget_ok = decision_extras::budget_ui(ui, session, person, promote_to, &mut presenter.over_budget, body * 0.7);
    let may_decide = decision_extras::recusal_ui(ui, session, person, you, body * 0.7);
    let ready = presenter.outcome.is_some()
        && !presenter.rationale.trim().is_empty()
        && (!presenter.outcome.is_some_and(Outcome::changes_level) || presenter.new_level.is_some())
        && decision_extras::reasons_ready(session, &presenter.reasons)
        && budget_ok
        && may_decide;
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new(RichText::new("Record decision and next").size(body))).clicked() {
            out.push(Command::Meeting(MeetingCommand::DecideAndNext));
        }
        if ui.button(RichText::new("Skip to next").size(body)).clicked() {
            out.push(Command::Meeting(MeetingCommand::NextCandidate));
        }
    });
}
