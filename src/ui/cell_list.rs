//! Everyone in one crowded cell of the grid, in a window: searchable by name, manager or team, and
//! each card draggable from here onto any cell of the board, as on the board itself.

use super::board_cell::person_card;
use super::theme;
use crate::command::Command;
use crate::view::{CellList, ViewContext, ViewState};
use egui::{RichText, ScrollArea};

/// Draws the list while it is open. `view.windows.cell_list` is taken out by the caller for the frame.
pub fn cell_list_ui(
    ctx: &egui::Context,
    cx: &ViewContext<'_>,
    view: &ViewState,
    list: &mut Option<CellList>,
    out: &mut Vec<Command>,
) {
    let ViewContext { session, derived, .. } = *cx;
    let Some(cell) = list else { return };
    let people = derived.cell(&cell.level, cell.band);
    let band = session.ladder.bands.get(cell.band).map_or("", String::as_str);
    let title =
        session.ladder.level(&cell.level).map_or_else(|| cell.level.to_string(), |l| format!("{} {}", l.id, l.title));
    let mut open = true;
    egui::Window::new(format!("{title} · {band}"))
        .id(egui::Id::unique("cell-list"))
        .default_pos(theme::WINDOW_START)
        .default_size([300.0, 460.0])
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(RichText::new(format!("{} people · drag a card onto the board to move it", people.len())).weak());
            let label = ui.label("Search this cell");
            ui.text_edit_singleline(&mut cell.query).labelled_by(label.id);
            let query = cell.query.to_lowercase();
            let matching: Vec<usize> = people
                .iter()
                .copied()
                .filter(|&i| {
                    let p = &session.people[i];
                    query.is_empty()
                        || p.name.to_lowercase().contains(&query)
                        || session.manager_name(p).to_lowercase().contains(&query)
                        || p.team.to_lowercase().contains(&query)
                })
                .collect();
            if matching.is_empty() {
                ui.label("No one here matches.");
            }
            ScrollArea::vertical().auto_shrink(false).show_rows(
                ui,
                theme::CARD_HEIGHT + theme::CARD_GAP,
                matching.len(),
                |ui, range| {
                    ui.spacing_mut().item_spacing.y = theme::CARD_GAP;
                    for &i in &matching[range] {
                        person_card(ui, session, view, &session.people[i], out);
                    }
                },
            );
        });
    if !open {
        *list = None;
    }
}
