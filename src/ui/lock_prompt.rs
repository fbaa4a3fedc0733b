//! Shown when the session to open is held by someone else: open it read-only, or don't.

use crate::command::Command;
use crate::command::FileCommand;
use crate::view::LockPrompt;
use egui::{Modal, RichText};

/// Draws the prompt while an open waits on a held lock.
pub fn lock_prompt_ui(ctx: &egui::Context, prompt: Option<&LockPrompt>, out: &mut Vec<Command>) {
    let Some(LockPrompt { path, holder }) = prompt else { return };
    let response = Modal::new(egui::Id::unique("lock-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading("This session is open elsewhere");
        ui.label(format!("{} is open by {holder}.", path.display()));
        ui.label(RichText::new("Read-only lets you look and Save as… a copy without overwriting their work.").weak());
        ui.horizontal(|ui| {
            if ui.button("Open read-only").clicked() {
                out.push(Command::File(FileCommand::OpenReadOnly(path.clone())));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::File(FileCommand::CancelOpen));
            }
        });
    });
    if response.should_close() {
        out.push(Command::File(FileCommand::CancelOpen));
    }
}
