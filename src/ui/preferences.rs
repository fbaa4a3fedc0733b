//! File → Preferences: who you are. The name is written into every change, mark and note, so two
//! members at one default name would overwrite each other's marks on merge; the first start asks.

use crate::command::{Action, Command, WindowCommand};
use crate::view::windows::PreferencesState;
use egui::{RichText, TextEdit};

/// Draws the preferences window while it is open.
pub fn preferences_ui(ctx: &egui::Context, state: &mut Option<PreferencesState>, out: &mut Vec<Command>) {
    let Some(st) = state else { return };
    let mut open = true;
    let mut close = false;
    egui::Window::new("Preferences").default_pos(super::theme::WINDOW_START).collapsible(false).open(&mut open).show(
        ctx,
        |ui| {
            if st.first_start {
                ui.label(RichText::new("Welcome to Ladderboard").heading());
                ui.label(
                    "Ladderboard is where a promotion committee calibrates: each engineer placed on the career \
                     ladder against its criteria, the evidence recorded, proposals made and decided, and a record of \
                     every decision that can be defended. Everything stays in files on this computer.",
                );
                ui.label(
                    RichText::new("What you see behind this window is a sample session: 45 invented people.")
                        .color(super::theme::warning_color(ui.visuals())),
                );
                ui.add_space(6.0);
                ui.label(RichText::new("Who are you?").strong());
            }
            ui.label(
                "Your name is written into every change, pre-read mark and note you make. Use the name the \
                 committee knows you by: two members under one name would have their marks merged as one.",
            );
            let label = ui.label("Your name (written in the audit trail)");
            let limit = crate::model::text_limits::NAME_LIMIT / 4;
            let field =
                ui.add(TextEdit::singleline(&mut st.name).char_limit(limit).desired_width(280.0)).labelled_by(label.id);
            if !st.focused {
                field.request_focus();
                st.focused = true;
            }
            let ready = !st.name.trim().is_empty();
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.add_enabled(ready, egui::Button::new("Save name")).clicked() || (enter && ready) {
                    out.push(Command::Window(WindowCommand::SetUserName(st.name.trim().to_owned())));
                    close = true;
                }
                if ui.button(if st.first_start { "Later" } else { "Cancel" }).clicked() {
                    close = true;
                }
            });
            if st.first_start {
                ui.separator();
                ui.label("Then:");
                ui.horizontal_wrapped(|ui| {
                    let next = [
                        ("Start from your roster (CSV or Excel)…", Some(Action::NewFromRoster)),
                        ("Open a session…", Some(Action::Open)),
                        ("Explore the sample", None),
                    ];
                    for (label, action) in next {
                        if ui.button(label).clicked() {
                            if ready {
                                out.push(Command::Window(WindowCommand::SetUserName(st.name.trim().to_owned())));
                            }
                            if let Some(action) = action {
                                out.push(Command::Run(action));
                            }
                            close = true;
                        }
                    }
                });
                ui.label(RichText::new("F1 lists what the mouse and the keys do.").weak().small());
            }
        },
    );
    if !open || close {
        *state = None;
    }
}
