//! The meeting agenda: every candidate with a proposal, ordered by disagreement, level, manager or
//! by hand (drag a row, or its ↑ ↓ buttons), with the pre-read tally, the open criteria, the time
//! box and the meeting's total estimate. "Present" puts a candidate on the shared screen.

use super::hint::Hint as _;
use crate::command::Command;
use crate::command::{Edit, MeetingCommand};
use crate::model::Session;
use crate::model::meeting::{AgendaItem, AgendaOrder};
use egui::{ComboBox, DragValue, RichText, ScrollArea};

/// Draws the agenda window while it is open (`order` is `None` when closed).
pub fn agenda_ui(
    ctx: &egui::Context,
    session: &Session,
    order: &mut Option<AgendaOrder>,
    items: &[AgendaItem],
    out: &mut Vec<Command>,
) {
    let Some(current) = *order else { return };
    let mut open = true;
    egui::Window::new("Meeting agenda")
        .default_pos(super::theme::WINDOW_START)
        .id(egui::Id::unique("agenda"))
        .open(&mut open)
        .default_width(super::theme::DIALOG_WIDTH * 1.5)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let mut chosen = current;
                ComboBox::new("agenda-order", "Order").selected_text(current.label()).show_ui(ui, |ui| {
                    for option in AgendaOrder::ALL {
                        ui.selectable_value(&mut chosen, option, option.label());
                    }
                });
                if chosen != current {
                    out.push(Command::Meeting(MeetingCommand::SetAgendaOrder(chosen)));
                }
                let mut minutes = session.meeting.minutes_per_candidate;
                let label = ui.label("Minutes per candidate");
                let drag = ui.add(DragValue::new(&mut minutes).range(1..=60)).labelled_by(label.id);
                if drag.changed() {
                    out.push(Command::Edit(Edit::SetTimeBox(minutes)));
                }
            });
            let decided = items.iter().filter(|i| i.decided).count();
            let left = items.len() - decided;
            let minutes = left * session.meeting.minutes_per_candidate as usize;
            let to_go = if minutes < 60 {
                format!("{minutes} min")
            } else {
                format!("{} h {:02} min", minutes / 60, minutes % 60)
            };
            ui.label(
                RichText::new(format!("{} candidates · {decided} decided · about {to_go} to go", items.len())).weak(),
            );
            if !session.meeting.budget.is_empty() {
                ui.label(format!("Budget: {}", session.budget_use().overall.describe()));
            }
            if items.is_empty() {
                ui.label("No one is proposed yet: a proposal puts a candidate on the agenda.");
                return;
            }
            ui.separator();
            // Only the rows in view are laid out: a meeting of hundreds stays quick to draw.
            let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            let height = ctx.content_rect().height() * 0.6;
            let shown = || items.iter().map(|i| i.person.clone()).collect::<Vec<_>>();
            ScrollArea::vertical().max_height(height).show_rows(ui, row_height, items.len(), |ui, range| {
                for (index, item) in items.iter().enumerate().skip(range.start).take(range.len()) {
                    let Some(person) = session.person(&item.person) else { continue };
                    let row = |ui: &mut egui::Ui| row_ui(ui, session, index, item, person);
                    ui.horizontal(|ui| {
                        if ui.small_button("Present").hint("Show on the shared screen").clicked() {
                            out.push(Command::Meeting(MeetingCommand::Present(item.person.clone())));
                        }
                        let up = ui.add_enabled(index > 0, egui::Button::new("↑").small());
                        if up.hint(format!("Move {} up", person.name)).clicked() {
                            out.push(Command::Edit(Edit::MoveOnAgenda {
                                person: item.person.clone(),
                                to: index - 1,
                                shown: shown(),
                            }));
                        }
                        let down = ui.add_enabled(index + 1 < items.len(), egui::Button::new("↓").small());
                        if down.hint(format!("Move {} down", person.name)).clicked() {
                            out.push(Command::Edit(Edit::MoveOnAgenda {
                                person: item.person.clone(),
                                to: index + 1,
                                shown: shown(),
                            }));
                        }
                        // The row drags onto another row's place.
                        let id = egui::Id::unique(("agenda-row", item.person.as_str()));
                        let response = ui.dnd_drag_source(id, item.person.clone(), row).response;
                        if let Some(moved) = response.dnd_release_payload::<crate::model::PersonId>() {
                            out.push(Command::Edit(Edit::MoveOnAgenda {
                                person: (*moved).clone(),
                                to: index,
                                shown: shown(),
                            }));
                        }
                    });
                }
            });
        });
    if !open {
        *order = None;
    }
}

/// One candidate's line: place, name and levels, tally, open criteria, comments, decision.
fn row_ui(ui: &mut egui::Ui, session: &Session, index: usize, item: &AgendaItem, person: &crate::model::Person) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{}.", index + 1)).weak());
        let name = RichText::new(format!("{} {} → {}", person.name, person.level, item.target));
        ui.label(if item.decided { name.weak() } else { name.strong() });
        let manager = session.manager_name(person);
        if !manager.is_empty() {
            ui.label(RichText::new(format!("mgr {manager}")).small());
        }
        let gaps = match item.gaps {
            0 => "evidence complete".to_owned(),
            1 => "1 criterion open".to_owned(),
            n => format!("{n} criteria open"),
        };
        ui.label(RichText::new(format!("{} · {gaps}", item.tally.describe())).small());
        // The members' comments, each with who wrote it, on the row.
        let comments: Vec<String> = session
            .marks_for(&item.person)
            .filter(|m| !m.comment.is_empty())
            .map(|m| format!("“{}” ({})", m.comment, m.member))
            .collect();
        if !comments.is_empty() {
            // Long comments wrap within the window rather than running off it.
            super::long_text::long_text(ui, &comments.join(" · "), |t| t.small().italics());
        }
        if let Some(d) = session.decisions.get(&item.person) {
            let spent = d.time_spent_secs.map(|s| format!(" in {}:{:02}", s / 60, s % 60)).unwrap_or_default();
            ui.label(RichText::new(format!("decided: {}{spent}", d.outcome)).small());
        }
    });
}
