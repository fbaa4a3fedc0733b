//! A path typed by hand: where the desktop shows no file dialog, the window asks for the path in a
//! field instead of doing nothing, and says why.

use crate::command::Command;
use crate::command::PromptCommand;
use crate::view::{PathPrompt, PathPromptKind};
use egui::{Modal, RichText};

/// Draws the path field while one is asked for.
pub fn path_prompt_ui(ctx: &egui::Context, prompt: &mut Option<PathPrompt>, out: &mut Vec<Command>) {
    let Some(prompt) = prompt else { return };
    let response = Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading(&prompt.title);
        if !prompt.why.is_empty() {
            ui.label(RichText::new(&prompt.why).weak());
        }
        let label = ui.label(match prompt.kind {
            PathPromptKind::OpenMany => "Paths (one per line)",
            PathPromptKind::Folder => "Folder",
            _ => "Path",
        });
        let field = if prompt.kind == PathPromptKind::OpenMany {
            ui.add(egui::TextEdit::multiline(&mut prompt.text).desired_width(f32::INFINITY).desired_rows(4))
        } else {
            ui.add(egui::TextEdit::singleline(&mut prompt.text).desired_width(f32::INFINITY))
        }
        .labelled_by(label.id);
        // Ready to type into as soon as it opens, as a dialog's name field is.
        if !prompt.focused {
            prompt.focused = true;
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !prompt.problem.is_empty() {
            ui.label(RichText::new(&prompt.problem).color(super::theme::warning_color(ui.visuals())));
        }
        ui.horizontal(|ui| {
            let confirm = match prompt.kind {
                PathPromptKind::Open | PathPromptKind::OpenMany => "Open",
                PathPromptKind::Save => "Save",
                PathPromptKind::Folder => "Choose",
            };
            if ui.button(confirm).clicked() || (entered && prompt.kind != PathPromptKind::OpenMany) {
                out.push(Command::Prompt(PromptCommand::ConfirmPath));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Prompt(PromptCommand::CancelPath));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Prompt(PromptCommand::CancelPath));
    }
}
