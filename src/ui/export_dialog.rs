//! The decisions-CSV export's options, asked before the file dialog: Ladderboard's own columns, or
//! the roster's own columns with the decisions added, so a chair hands HR their file back.

use crate::command::Command;
use crate::command::{PromptCommand, WindowCommand};
use crate::view::ExportCsvOptions;
use egui::{Modal, RichText};

/// Draws the dialog while the export waits on its options.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    options: Option<ExportCsvOptions>,
    roster_columns_known: bool,
    out: &mut Vec<Command>,
) {
    let Some(mut options) = options else { return };
    let response = Modal::new(egui::Id::unique("export-csv")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading("Export decisions");
        ui.label("One row per person with the proposal and the decision, for the HR system.");
        ui.horizontal(|ui| {
            ui.label("File type:");
            let csv = ui.radio_value(&mut options.workbook, false, "CSV");
            let xlsx = ui.radio_value(&mut options.workbook, true, "Excel workbook (.xlsx)");
            if csv.changed() || xlsx.changed() {
                out.push(Command::Window(WindowCommand::SetExportCsvOptions(Some(options))));
            }
        });
        let checkbox = ui.add_enabled(
            roster_columns_known,
            egui::Checkbox::new(&mut options.with_roster_columns, "Start with the roster's own columns"),
        );
        if roster_columns_known {
            ui.label(
                RichText::new(
                    "Every column of the imported file, in its order and with its values (level codes as HR wrote \
                     them), then the decision columns: HR's own file, handed back with the decisions added.",
                )
                .weak(),
            );
        } else {
            ui.label(
                RichText::new("This session does not record its roster's columns (it was not imported from a file, or was saved by an older Ladderboard).")
                    .weak(),
            );
        }
        if checkbox.changed() {
            out.push(Command::Window(WindowCommand::SetExportCsvOptions(Some(options))));
        }
        ui.horizontal(|ui| {
            if ui.button("Choose file…").clicked() {
                out.push(Command::Prompt(PromptCommand::ChooseExportCsvPath(options)));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Window(WindowCommand::SetExportCsvOptions(None)));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Window(WindowCommand::SetExportCsvOptions(None)));
    }
}
