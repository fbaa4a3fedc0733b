//! The roster import preview: what the file will become before anything changes. The user sees the
//! encoding, which column gives each field (and can choose another from the file's headers), the
//! first people as they will be imported and every problem; Import commits exactly that.

use crate::command::ImportCommand;
use crate::command::{Command, ImportChange};
use crate::model::Field;
use crate::view::ImportPreview;
use crate::view::import_preview::OFFERED_ENCODINGS;
use egui::{ComboBox, Grid, Modal, RichText, ScrollArea};

/// The level-codes choice that reads only the ladder's own level names and aliases.
const LADDER_NAMES: &str = "The ladder's level names";
/// The sheet choice that finds the sheet whose header names roster columns.
const FIND_SHEET: &str = "Find the roster sheet";
/// The label of the "no column" choice.
const NO_COLUMN: &str = "(none)";

/// Draws the preview while a roster waits to be imported.
pub fn import_preview_ui(ctx: &egui::Context, preview: Option<&ImportPreview>, out: &mut Vec<Command>) {
    let Some(preview) = preview else { return };
    let response = Modal::new(egui::Id::unique("import-preview")).show(ctx, |ui| {
        ui.set_width(super::theme::IMPORT_PREVIEW_WIDTH);
        ui.heading(format!("Import roster — {}", preview.file_name));
        choices_ui(ui, preview, out);
        ui.separator();
        columns_ui(ui, preview, out);
        ui.separator();
        if preview.problems.is_empty() {
            rows_ui(ui, preview);
        } else {
            problems_ui(ui, preview);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let label = match preview.people {
                1 => "Import 1 person".to_owned(),
                n => format!("Import {n} people"),
            };
            if ui.add_enabled(preview.can_import(), egui::Button::new(label)).clicked() {
                out.push(Command::Import(ImportCommand::Confirm));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Import(ImportCommand::Cancel));
            }
        });
    });
    if response.should_close() {
        out.push(Command::Import(ImportCommand::Cancel));
    }
}

/// The sheet (for a workbook) or the encoding (for text), and the level-code scheme.
fn choices_ui(ui: &mut egui::Ui, preview: &ImportPreview, out: &mut Vec<Command>) {
    if preview.sheets.is_empty() {
        encoding_ui(ui, preview, out);
    } else {
        sheet_ui(ui, preview, out);
    }
    if !preview.schemes.is_empty() {
        let mut chosen = preview.chosen_scheme.clone();
        let shown = chosen.as_deref().map_or_else(|| LADDER_NAMES.to_owned(), |s| format!("{s} codes"));
        ComboBox::new("import-scheme", "Level codes").selected_text(shown).show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, LADDER_NAMES);
            for scheme in &preview.schemes {
                ui.selectable_value(&mut chosen, Some(scheme.clone()), format!("{scheme} codes"));
            }
        });
        if chosen != preview.chosen_scheme {
            out.push(Command::Import(ImportCommand::Change(ImportChange::LevelScheme(chosen))));
        }
    }
}

/// How text is decoded: detected, or the user's choice.
fn encoding_ui(ui: &mut egui::Ui, preview: &ImportPreview, out: &mut Vec<Command>) {
    let shown = preview.chosen_encoding.clone().unwrap_or_else(|| format!("Detect: {}", preview.encoding));
    let mut chosen = preview.chosen_encoding.clone();
    ComboBox::new("import-encoding", "Encoding").selected_text(shown).show_ui(ui, |ui| {
        ui.selectable_value(&mut chosen, None, "Detect");
        for label in OFFERED_ENCODINGS {
            ui.selectable_value(&mut chosen, Some(label.to_owned()), label);
        }
    });
    if chosen != preview.chosen_encoding {
        out.push(Command::Import(ImportCommand::Change(ImportChange::Encoding(chosen))));
    }
}

/// Which sheet of a workbook holds the roster: found by its header, or the user's choice.
fn sheet_ui(ui: &mut egui::Ui, preview: &ImportPreview, out: &mut Vec<Command>) {
    let mut chosen = preview.chosen_sheet.clone();
    let shown = chosen.clone().unwrap_or_else(|| {
        if preview.can_import() { format!("Found: {}", preview.encoding) } else { FIND_SHEET.to_owned() }
    });
    ComboBox::new("import-sheet", "Sheet").selected_text(shown).show_ui(ui, |ui| {
        ui.selectable_value(&mut chosen, None, FIND_SHEET);
        for sheet in &preview.sheets {
            ui.selectable_value(&mut chosen, Some(sheet.clone()), sheet);
        }
    });
    if chosen != preview.chosen_sheet {
        out.push(Command::Import(ImportCommand::Change(ImportChange::Sheet(chosen))));
    }
}

/// Field → column, each changeable to any of the file's headers.
fn columns_ui(ui: &mut egui::Ui, preview: &ImportPreview, out: &mut Vec<Command>) {
    ui.label(RichText::new("Columns").strong());
    Grid::new("import-columns").num_columns(2).striped(true).show(ui, |ui| {
        for mapped in &preview.mapping {
            // "Level column": the board behind has its own "Level" filter.
            let label = format!("{} column", field_label(mapped.field));
            let mut chosen = mapped.header.clone();
            let shown = chosen.clone().unwrap_or_else(|| NO_COLUMN.to_owned());
            // Labelled by its field (shown beside it), so a screen reader, and a test, finds "Level".
            ComboBox::new(("import-column", mapped.field.key()), &label).selected_text(shown).show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, NO_COLUMN);
                for header in &preview.headers {
                    ui.selectable_value(&mut chosen, Some(header.clone()), header);
                }
            });
            if chosen != mapped.header {
                out.push(Command::Import(ImportCommand::Change(ImportChange::Column(mapped.field, chosen))));
            }
            ui.label(RichText::new(&mapped.note).weak().small());
            ui.end_row();
        }
    });
    let kept = preview.headers.len().saturating_sub(preview.mapping.iter().filter(|m| m.header.is_some()).count());
    let kept = match kept {
        0 => None,
        1 => Some("1 other column is kept as it is, for reference and export.".to_owned()),
        n => Some(format!("{n} other columns are kept as they are, for reference and export.")),
    };
    if let Some(kept) = kept {
        ui.label(RichText::new(kept).weak());
    }
}

/// The first people as they will be imported.
fn rows_ui(ui: &mut egui::Ui, preview: &ImportPreview) {
    let shown = preview.rows.len();
    ui.label(RichText::new(format!("{} people; the first {shown}:", preview.people)).strong());
    Grid::new("import-rows").num_columns(6).striped(true).show(ui, |ui| {
        for header in ["Id", "Name", "Manager", "Team", "Track", "Level"] {
            ui.label(RichText::new(header).strong());
        }
        ui.end_row();
        for row in &preview.rows {
            ui.label(&row.id);
            ui.label(&row.name);
            ui.label(&row.manager);
            ui.label(&row.team);
            ui.label(&row.track);
            if row.level_as_written.is_empty() {
                ui.label(&row.level);
            } else {
                ui.label(format!("{} (file: {})", row.level, row.level_as_written));
            }
            ui.end_row();
        }
    });
    // The columns are shown above; the rest of what the importer decided (encoding, delimiter,
    // two-digit years, level codes) is listed here.
    for line in preview.summary.iter().filter(|l| !l.contains(" ← column ")) {
        ui.label(RichText::new(line).weak().small());
    }
}

fn problems_ui(ui: &mut egui::Ui, preview: &ImportPreview) {
    let count = preview.problems.len();
    let heading = format!(
        "{} — nothing is imported until {} fixed in the file or by a choice above",
        crate::model::wording::counted(count, "problem", "problems"),
        if count == 1 { "it is" } else { "they are" }
    );
    ui.label(RichText::new(heading).color(super::theme::error_color(ui.visuals())).strong());
    // A file with a bad column can have a problem on every row: the list scrolls, the buttons stay.
    ScrollArea::vertical().max_height(super::theme::IMPORT_PROBLEMS_HEIGHT).show(ui, |ui| {
        for problem in &preview.problems {
            ui.label(problem);
        }
    });
}

/// The field's name as the preview shows it.
fn field_label(field: Field) -> &'static str {
    match field {
        Field::Id => "Employee id",
        Field::Name => "Name",
        Field::FirstName => "First name",
        Field::LastName => "Last name",
        Field::Manager => "Manager",
        Field::Team => "Team",
        Field::Level => "Level",
        Field::Track => "Track",
        Field::StartDate => "Start date",
        Field::LevelSince => "At level since",
    }
}
