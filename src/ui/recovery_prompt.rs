//! Offered on start when a recovery file holds changes that were never saved (a crash, a kill).

use crate::command::Command;
use crate::view::RecoveryOffer;
use egui::{Modal, RichText};

/// Draws the Restore / Discard prompt while an offer is open.
pub fn recovery_prompt_ui(ctx: &egui::Context, offer: Option<&RecoveryOffer>, out: &mut Vec<Command>) {
    let Some(offer) = offer else { return };
    Modal::new(egui::Id::unique("recovery-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading("Restore unsaved changes?");
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
                out.push(Command::RestoreRecovery);
            }
            if ui.button("Discard").clicked() {
                out.push(Command::DiscardRecovery);
            }
        });
    });
}
