//! Drawing. Screens read the session and the view state (`crate::view`) and push `Command`s; they
//! never change the session themselves and know nothing of the app that owns them.

pub mod agenda;
pub mod bidi;
pub mod board;
pub mod board_cell;
pub mod card;
pub mod cell_list;
pub mod committee;
pub mod compare;
pub mod decision_extras;
pub mod decision_form;
pub mod demotion_prompt;
pub mod evidence;
pub mod export_dialog;
pub mod fairness;
pub mod fairness_outcomes;
pub mod find_combo;
pub mod fonts;
pub mod help;
pub mod hint;
pub mod history_window;
pub mod import_preview;
pub mod legend;
pub mod lock_prompt;
pub mod long_text;
pub mod menu_bar;
pub mod name_fit;
pub mod notes;
pub mod open_items;
pub mod palette;
pub mod path_prompt;
pub mod person_panel;
pub mod pre_read;
pub mod preferences;
pub mod presenter;
pub mod proposal_prompt;
pub mod record_prompt;
pub mod recovery_prompt;
pub mod roster_table;
pub mod shortcuts;
pub mod status_bar;
pub mod text_area;
pub mod theme;
pub mod unsaved_prompt;

/// A click on a person: selects them; with Ctrl (⌘ on a Mac) adds them to, or removes them from,
/// the people to compare side by side.
#[must_use]
pub fn click_command(ctx: &egui::Context, person: &crate::model::PersonId) -> crate::command::Command {
    if ctx.input(|i| i.modifiers.command) {
        crate::command::Command::Window(crate::command::WindowCommand::ToggleCompare(person.clone()))
    } else {
        crate::command::Command::Board(crate::command::BoardCommand::Select(Some(person.clone())))
    }
}
