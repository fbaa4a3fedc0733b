//! The History window: the audit trail, newest first, filterable by person and author, exportable.

use super::long_text::one_line;
use crate::command::{Action, Command};
use crate::model::Session;
use crate::view::HistoryFilter;
use egui::{ComboBox, RichText};
use egui_extras::{Column, TableBuilder};
use std::collections::BTreeSet;

/// Draws the window while it is open.
pub fn history_ui(ctx: &egui::Context, session: &Session, filter: &mut Option<HistoryFilter>, out: &mut Vec<Command>) {
    let Some(f) = filter.as_mut() else { return };
    let mut open = true;
    egui::Window::new("History").open(&mut open).default_size([760.0, 460.0]).show(ctx, |ui| {
        ui.label(record_line(session));
        ui.horizontal(|ui| {
            // Ten thousand people: typed for, never all laid out.
            let mut people: Vec<(crate::model::PersonId, String)> =
                session.people.iter().map(|p| (p.id.clone(), format!("{} ({})", p.name, p.id))).collect();
            people.sort_by(|a, b| a.1.cmp(&b.1));
            super::find_combo::find_combo(ui, "Person", &mut f.person, people.into_iter(), 220.0);
            let label = ui.label("Author");
            let authors: BTreeSet<&str> = session.audit.iter().map(|e| e.actor.as_str()).collect();
            ComboBox::from_id_salt("history-author")
                .selected_text(f.author.as_deref().unwrap_or("All"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.author, None, "All");
                    for author in authors {
                        ui.selectable_value(&mut f.author, Some(author.to_owned()), author);
                    }
                })
                .response
                .labelled_by(label.id);
            if ui.button("Export history CSV…").clicked() {
                out.push(Command::Run(Action::ExportHistory));
            }
        });
        let events: Vec<_> = session
            .audit
            .iter()
            .rev()
            .filter(|e| f.person.is_none() || e.person == f.person)
            .filter(|e| f.author.as_ref().is_none_or(|a| &e.actor == a))
            .collect();
        ui.label(RichText::new(format!("{} of {} events", events.len(), session.audit.len())).small().weak());
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("history-table")
            .striped(true)
            .column(Column::exact(36.0))
            .column(Column::exact(120.0))
            .column(Column::initial(110.0).clip(true))
            .column(Column::initial(260.0).clip(true))
            .column(Column::remainder().clip(true))
            .header(20.0, |mut header| {
                for title in ["#", "When", "Who", "What", "Why"] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, events.len(), |mut row| {
                    let event = events[row.index()];
                    let name = event.person.as_ref().map(|p| session.name_of(p)).unwrap_or_default();
                    row.col(|ui| {
                        ui.label(event.seq.to_string());
                    });
                    row.col(|ui| {
                        ui.label(event.at.strftime("%Y-%m-%d %H:%M").to_string());
                    });
                    row.col(|ui| {
                        ui.label(&event.actor);
                    });
                    // A row has one line: long texts are cut, and the person panel's History
                    // shows an event whole.
                    row.col(|ui| {
                        ui.label(one_line(&event.summary(&name)));
                    });
                    row.col(|ui| {
                        ui.label(one_line(&event.why));
                    });
                });
            });
    });
    if !open {
        *filter = None;
    }
}

/// The record's state, head and signers, as the title bar and outputs carry them: "Record: final ·
/// 94 · 149ba97e1c2d… · signed as chair@example.org (names not checked)".
fn record_line(session: &Session) -> String {
    let signers: Vec<&str> = session.signatures.iter().map(|s| s.signer.as_str()).collect();
    let signed = if signers.is_empty() {
        "not signed".to_owned()
    } else {
        format!("signed as {} (names not checked)", signers.join(", "))
    };
    format!("Record: {} · {signed}", session.head_summary())
}
