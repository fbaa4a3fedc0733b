//! The window's layout: which panel goes where, drawn from the app's state. It lives with the app
//! (as egui's demo keeps its `wrap_app.rs`), so the screens under `ui/` never see `LadderApp`.

use super::LadderApp;
use crate::command::BoardCommand;
use crate::command::Command;
use crate::ui::{
    agenda, board, cell_list, compare, demotion_prompt, export_dialog, fairness, help, history_window, import_preview,
    lock_prompt, menu_bar, open_items, palette, path_prompt, person_panel, presenter, proposal_prompt, record_prompt,
    recovery_prompt, roster_table, status_bar, theme, unsaved_prompt,
};
use crate::view::ViewContext;
use egui::{CentralPanel, Panel};

impl LadderApp {
    /// Draws the whole window; the screens push what the user chose into `out`.
    pub(super) fn window_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let selected_before = self.view.selected.clone();
        let file_name = self
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(|| self.session().title.clone(), |n| n.to_string_lossy().into_owned());
        // While blind mode is on, undo labels name people by their codes too.
        let history = self.document.history();
        let undo = history.undo_label().map(|l| self.document.blind_text(l.to_owned()));
        let redo = history.redo_label().map(|l| self.document.blind_text(l.to_owned()));
        let today = super::today();
        let LadderApp { document, view, caches, settings, status, autosave, .. } = self;
        // Every screen draws the blinded copy while blind mode is on.
        let session = document.shown();
        let read_only = document.read_only();
        // The menu bar edits the name; the panels read it as it was when the frame began.
        // As the screens show names: your code while blind, so your marks and recusals are found.
        let you = document.shown_actor(&settings.user_name);
        let cx = ViewContext {
            session,
            derived: caches.derived(),
            person_record: caches.person_record(),
            today,
            you: &you,
            read_only,
        };
        Panel::top("menu").show(ui, |ui| {
            let edit = menu_bar::EditState { undo: undo.as_deref(), redo: redo.as_deref() };
            let stale = caches.signatures.get().map_or(&[][..], Vec::as_slice);
            let holder = read_only.map(|h| document.holder_text(h));
            let banners =
                menu_bar::Banners { blind: session.blind, read_only: holder.as_deref(), stale_signatures: stale };
            menu_bar::menu_bar_ui(ui, &edit, &settings.recent, &settings.user_name, &banners, out);
        });
        Panel::bottom("status").show(ui, |ui| {
            status_bar::status_bar_ui(ui, session, status.as_ref(), &mut view.status_details);
        });
        if let Some(presenter) = &mut view.windows.presenter {
            // The shared screen: one candidate, nothing else.
            // The agenda the meeting walks (the same cache as the agenda window's).
            let agenda = caches.agenda.get().map_or(&[][..], Vec::as_slice);
            let screen = (you.as_str(), view.full_screen);
            CentralPanel::default().show(ui, |ui| presenter::presenter_ui(ui, session, agenda, presenter, screen, out));
        } else {
            board_panels(ui, &cx, view, out);
        }
        history_window::history_ui(ui.ctx(), session, &mut view.windows.history, out);
        help::help_ui(ui.ctx(), &mut view.windows.help, autosave.dir.as_deref());
        open_items::open_items_ui(ui.ctx(), session, &mut view.windows.open_items, out);
        super::super::ui::committee::committee_ui(ui.ctx(), session, &mut view.windows.committee, out);
        super::super::ui::preferences::preferences_ui(ui.ctx(), &mut view.windows.preferences, out);
        if view.windows.presenter.is_none() {
            let items = caches.agenda.get().map_or(&[][..], Vec::as_slice);
            agenda::agenda_ui(ui.ctx(), session, &mut view.windows.agenda, items, out);
            let data = fairness::FairnessData {
                figures: caches.figures.get(),
                groups: caches.groups.get().map_or(&[][..], Vec::as_slice),
                outcomes: caches.outcomes.get(),
            };
            fairness::fairness_ui(ui.ctx(), session, &data, &mut view.windows.fairness, out);
        }
        compare::compare_ui(ui.ctx(), session, &mut view.windows.compare, out);
        let mut cell_list = view.windows.cell_list.take();
        cell_list::cell_list_ui(ui.ctx(), &cx, view, &mut cell_list, out);
        view.windows.cell_list = cell_list;
        palette::palette_ui(ui.ctx(), &mut view.palette, out);
        proposal_prompt::proposal_prompt_ui(ui.ctx(), session, &mut view.pending, out);
        demotion_prompt::demotion_prompt_ui(ui.ctx(), session, &mut view.demotion, out);
        lock_prompt::lock_prompt_ui(ui.ctx(), view.lock_prompt.as_ref(), out);
        recovery_prompt::recovery_prompt_ui(ui.ctx(), &view.recovery_offers, out);
        import_preview::import_preview_ui(ui.ctx(), view.import_preview.as_ref(), out);
        export_dialog::export_dialog_ui(ui.ctx(), view.export_csv, !session.roster_columns.is_empty(), out);
        unsaved_prompt::unsaved_prompt_ui(ui.ctx(), view.unsaved_prompt.as_ref(), &file_name, out);
        path_prompt::path_prompt_ui(ui.ctx(), &mut view.path_prompt, out);
        record_prompt::record_prompt_ui(ui.ctx(), document.session(), &mut view.record_prompt, out);
        if view.selected != selected_before || out.iter().any(|c| matches!(c, Command::Board(BoardCommand::Select(_))))
        {
            view.scroll_to_selected = true;
        }
    }
}

/// The roster, the person panel and the board: the window when no one is presenting.
fn board_panels(ui: &mut egui::Ui, cx: &ViewContext<'_>, view: &mut crate::view::ViewState, out: &mut Vec<Command>) {
    // Side panels scale with the window so the grid keeps every level visible down to 1024 px.
    let window_width = ui.max_rect().width();
    let mut left_width = (window_width * theme::ROSTER_PANEL_SHARE).clamp(theme::ROSTER_PANEL_MIN, 310.0);
    let mut right_width =
        if view.person_open { (window_width * theme::PERSON_PANEL_SHARE).clamp(250.0, 340.0) } else { 0.0 };
    // On a laptop screen the panels give way until every level's column is readable.
    let levels = cx.session.ladder.track_levels(view.track).count() as f32;
    let board_needs = 96.0 + levels * (board::COMFORTABLE_COLUMN_WIDTH + ui.spacing().item_spacing.x);
    let short = board_needs - (window_width - left_width - right_width);
    if short > 0.0 {
        let left_room = left_width - theme::ROSTER_PANEL_MIN;
        let right_room = if view.person_open { right_width - theme::PERSON_PANEL_MIN } else { 0.0 };
        let share = (short / (left_room + right_room).max(1.0)).min(1.0);
        left_width -= left_room * share;
        right_width -= right_room * share;
    }
    Panel::left("roster").default_size(left_width).min_size(theme::ROSTER_PANEL_MIN).resizable(true).show(ui, |ui| {
        roster_table::roster_ui(ui, cx, view, out);
    });
    if view.person_open {
        Panel::right("person").default_size(right_width).min_size(theme::PERSON_PANEL_MIN).resizable(true).show(
            ui,
            |ui| {
                person_panel::person_ui(ui, cx, view, out);
            },
        );
    }
    CentralPanel::default().show(ui, |ui| {
        // On narrow windows the grid scrolls sideways rather than hiding levels under the panels.
        egui::ScrollArea::horizontal().id_salt("board").show(ui, |ui| board::board_ui(ui, cx, view, out));
    });
}
