//! "Save changes before …?" — asked before closing the window or replacing the open session.

use crate::command::PromptCommand;
use crate::command::{Command, Interrupted, UnsavedChoice};
use egui::{Modal, RichText};

/// Draws the prompt while an action waits on unsaved changes.
pub fn unsaved_prompt_ui(ctx: &egui::Context, prompt: Option<&Interrupted>, file_name: &str, out: &mut Vec<Command>) {
    let Some(action) = prompt else { return };
    let what = match action {
        Interrupted::CloseWindow => "closing".to_owned(),
        Interrupted::Open(path) => format!("opening {}", path.display()),
        Interrupted::ImportRoster(path) => format!("importing {}", path.display()),
        Interrupted::Merge(paths) => format!("merging {} prep files", paths.len()),
    };
    let response = Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH_SMALL);
        ui.heading("Save your changes?");
        ui.label(format!("{file_name} has changes that are not saved. Save them before {what}?"));
        ui.label(RichText::new("If you don't save, the changes since the last save are lost.").weak());
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                out.push(Command::Prompt(PromptCommand::ResolveUnsaved(UnsavedChoice::Save)));
            }
            if ui.button("Don't save").clicked() {
                out.push(Command::Prompt(PromptCommand::ResolveUnsaved(UnsavedChoice::Discard)));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Prompt(PromptCommand::ResolveUnsaved(UnsavedChoice::Cancel)));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Prompt(PromptCommand::ResolveUnsaved(UnsavedChoice::Cancel)));
    }
}
