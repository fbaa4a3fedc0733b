//! File → Preferences: who you are. The name is written into every change, mark and note, so two
//! members at one default name would overwrite each other's marks on merge; the first start asks.

use crate::command::{Command, WindowCommand};
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
                ui.label(RichText::new("Welcome to Ladderboard. Who are you?").strong());
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
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        },
    );
    if !open || close {
        *state = None;
    }
}
