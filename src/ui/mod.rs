//! Drawing. Panels read the session and push `Command`s; they never change the session themselves.

pub mod board;
pub mod card;
pub mod decision_form;
pub mod evidence;
pub mod history_window;
pub mod lock_prompt;
pub mod menu_bar;
pub mod palette;
pub mod person_panel;
pub mod proposal_prompt;
pub mod recovery_prompt;
pub mod roster_table;
pub mod shortcuts;
pub mod status_bar;
pub mod text_area;
pub mod theme;
pub mod unsaved_prompt;

use crate::app::LadderApp;
use crate::command::Command;
use egui::{CentralPanel, Panel};

/// Draws the whole window.
pub fn window_ui(ui: &mut egui::Ui, app: &mut LadderApp, out: &mut Vec<Command>) {
    let before = (app.view.filters.clone(), app.view.sort, app.view.track);
    let selected_before = app.view.selected.clone();
    let file_name = app
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map_or_else(|| app.session.title.clone(), |n| n.to_string_lossy().into_owned());
    let LadderApp { session, view, derived, history, settings, status, .. } = app;
    Panel::top("menu").show(ui, |ui| {
        menu_bar::menu_bar_ui(ui, history, &settings.recent, &mut settings.user_name, out);
    });
    Panel::bottom("status").show(ui, |ui| {
        status_bar::status_bar_ui(ui, session, status.as_ref(), &mut view.status_details);
    });
    // Side panels scale with the window so the grid keeps every level visible down to 1024 px.
    let window_width = ui.max_rect().width();
    let left_width = (window_width * 0.24).clamp(220.0, 310.0);
    let right_width = (window_width * 0.25).clamp(250.0, 340.0);
    Panel::left("roster").default_size(left_width).min_size(200.0).resizable(true).show(ui, |ui| {
        roster_table::roster_ui(ui, session, view, derived, out);
    });
    if view.person_open {
        Panel::right("person").default_size(right_width).min_size(240.0).resizable(true).show(ui, |ui| {
            person_panel::person_ui(ui, session, view, &settings.user_name, out);
        });
    }
    CentralPanel::default().show(ui, |ui| {
        // On narrow windows the grid scrolls sideways rather than hiding levels under the panels.
        egui::ScrollArea::horizontal().id_salt("board").show(ui, |ui| board::board_ui(ui, session, view, derived, out));
    });
    history_window::history_ui(ui.ctx(), session, &mut view.history, out);
    palette::palette_ui(ui.ctx(), &mut view.palette, out);
    proposal_prompt::proposal_prompt_ui(ui.ctx(), session, &mut view.pending, out);
    lock_prompt::lock_prompt_ui(ui.ctx(), view.lock_prompt.as_ref(), out);
    recovery_prompt::recovery_prompt_ui(ui.ctx(), view.recovery_offer.as_ref(), out);
    unsaved_prompt::unsaved_prompt_ui(ui.ctx(), view.unsaved_prompt.as_ref(), &file_name, out);
    if (view.filters.clone(), view.sort, view.track) != before {
        view.generation += 1;
    }
    if view.selected != selected_before || out.iter().any(|c| matches!(c, Command::Select(_))) {
        view.scroll_to_selected = true;
    }
}
