//! The top menu: File, Edit and View, each entry an `Action` with its shortcut shown.

use crate::app::history::History;
use crate::command::{Action, Command};
use egui::Ui;
use std::path::PathBuf;

/// Draws the menu bar.
/// `user_name` is the author written into the audit trail and notes; it is a setting, not session data.
pub fn menu_bar_ui(ui: &mut Ui, history: &History, recent: &[PathBuf], user_name: &mut String, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for action in [Action::NewFromRoster, Action::Open] {
                action_button(ui, action, None, out);
            }
            ui.menu_button("Recent files", |ui| {
                if recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::Open(path.clone()));
                    }
                }
            });
            ui.separator();
            for action in [Action::Save, Action::SaveAs] {
                action_button(ui, action, None, out);
            }
            ui.separator();
            for action in [Action::ExportCsv, Action::ExportRon, Action::ExportHistory] {
                action_button(ui, action, None, out);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = history.undo_label().map(|l| format!("Undo: {l}"));
            let redo = history.redo_label().map(|l| format!("Redo: {l}"));
            action_button(ui, Action::Undo, Some(undo.unwrap_or_else(|| "Nothing to undo".to_owned())), out);
            action_button(ui, Action::Redo, Some(redo.unwrap_or_else(|| "Nothing to redo".to_owned())), out);
            ui.separator();
            for action in [Action::MoveCardLeft, Action::MoveCardRight, Action::MoveCardUp, Action::MoveCardDown] {
                action_button(ui, action, None, out);
            }
        });
        ui.menu_button("View", |ui| {
            for action in [
                Action::ToggleTrack,
                Action::ToggleTheme,
                Action::FocusSearch,
                Action::OpenPerson,
                Action::History,
                Action::Palette,
            ] {
                action_button(ui, action, None, out);
            }
            ui.separator();
            let label = ui.label("Your name (written in the audit trail)");
            ui.text_edit_singleline(user_name).labelled_by(label.id);
        });
    });
}

fn action_button(ui: &mut Ui, action: Action, label: Option<String>, out: &mut Vec<Command>) {
    let enabled = label.as_deref().is_none_or(|l| !l.starts_with("Nothing"));
    let text = label.unwrap_or_else(|| action.label().to_owned());
    let button = egui::Button::new(text).shortcut_text(action.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        out.push(Command::Run(action));
        ui.close();
    }
}
