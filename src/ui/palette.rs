//! The command palette (Ctrl+K / Ctrl+P): every action with its shortcut, filtered as you type.

use crate::command::{Action, Command};
use egui::{Modal, RichText, TextEdit};

/// Draws the palette when it is open; closing or choosing an action clears `query`.
pub fn palette_ui(ctx: &egui::Context, query: &mut Option<String>, out: &mut Vec<Command>) {
    let Some(text) = query.as_mut() else { return };
    let mut chosen = None;
    let mut close = false;
    let needle = text.to_lowercase();
    let matches: Vec<Action> = Action::ALL
        .iter()
        .copied()
        .filter(|a| needle.split_whitespace().all(|word| a.label().to_lowercase().contains(word)))
        .filter(|a| *a != Action::Palette)
        .collect();
    let response = Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH_SMALL);
        let label = ui.label(RichText::new("Command palette").strong());
        let input = ui.add(TextEdit::singleline(text).hint_text("Type a command…").desired_width(f32::INFINITY));
        let input = input.labelled_by(label.id);
        input.request_focus();
        if input.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = matches.first().copied();
        }
        ui.separator();
        // Every command is more than a laptop screen holds: the list scrolls, the field stays.
        let height = ui.ctx().content_rect().height() * 0.7;
        // A bar beside the list, not over it, so no shortcut is hidden under it.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::vertical().max_height(height).auto_shrink([false, true]).show(ui, |ui| {
            for action in &matches {
                let shortcut = action.shortcut_text(ui.ctx());
                let button = egui::Button::new(action.label()).shortcut_text(shortcut).frame(false);
                if ui.add_sized([ui.available_width(), 22.0], button).clicked() {
                    chosen = Some(*action);
                }
            }
            if matches.is_empty() {
                ui.label(RichText::new("No command matches").weak());
            }
        });
    });
    if response.should_close() {
        close = true;
    }
    if let Some(action) = chosen {
        out.push(Command::Run(action));
        close = true;
    }
    if close {
        *query = None;
    }
}
