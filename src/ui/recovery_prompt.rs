//! Offered on start when a recovery file holds changes that were never saved (a crash, a kill).

use crate::command::Command;
use crate::command::FileCommand;
use crate::view::RecoveryOffer;
use egui::{Modal, RichText};

/// Draws the Restore / Discard prompt for the first offer while any is open.
pub fn recovery_prompt_ui(ctx: &egui::Context, offers: &[RecoveryOffer], out: &mut Vec<Command>) {
    let Some(offer) = offers.first() else { return };
    Modal::new(egui::Id::unique("recovery-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading("Restore unsaved changes?");
        if offers.len() > 1 {
            ui.label(RichText::new(format!("1 of {} sessions with unsaved changes", offers.len())).strong());
        }
        let session = offer.session_path.as_ref().map_or_else(
            || "a session that was never saved".to_owned(),
            |p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
        );
        ui.label(format!("Session: {session}"));
        if let Some(path) = &offer.session_path {
            ui.label(RichText::new(path.display().to_string()).small().weak());
        }
        ui.label(format!(
            "Ladderboard found {} change(s) that were not saved, autosaved at {}.",
            offer.unsaved_changes, offer.written_at
        ));
        if !offer.last_change.is_empty() {
            ui.label(RichText::new(format!("Last change: {}", offer.last_change)).weak());
        }
        ui.label(RichText::new("Restore opens them unsaved; Discard deletes the recovery copy.").small().weak());
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                out.push(Command::File(FileCommand::RestoreRecovery));
            }
            if ui.button("Discard").clicked() {
                out.push(Command::File(FileCommand::DiscardRecovery));
            }
        });
    });
}
