//! The ladder grid: a column per level of the shown track, a row per band (strongest on top), a card
//! per person. Dragging a card to a cell emits a move; each cell lays out only its visible cards.

use super::board_cell::{CellPlace, cell_ui};
use super::hint::Hint as _;
use super::theme;
use crate::command::BoardCommand;
use crate::command::{Action, Command};
use crate::model::Track;
use crate::view::{Derived, ViewContext, ViewState};
use egui::{RichText, Ui};

/// People on the shown track above which the density view is offered.
const DENSITY_OFFERED_ABOVE: usize = 300;
/// The narrowest a level's column gets; below it the board scrolls sideways.
pub const MIN_COLUMN_WIDTH: f32 = 56.0;
/// The width a column needs for a card to show a name and its manager readably: the side panels
/// give way on a narrow window until every level has it.
pub const COMFORTABLE_COLUMN_WIDTH: f32 = 84.0;

/// Draws the grid for `view.track`.
pub fn board_ui(ui: &mut Ui, cx: &ViewContext<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let ViewContext { session, derived, .. } = *cx;
    let ladder = &session.ladder;
    let levels: Vec<_> = ladder.track_levels(view.track).collect();
    if levels.is_empty() {
        ui.label("This ladder has no levels on this track.");
        return;
    }
    // The width on screen, taken before anything is laid out: the grid is sized to it, so every
    // level is in view (the toolbar wraps rather than widening the board past the screen).
    let width = ui.available_width();
    toolbar_ui(ui, view, derived, out);
    let band_label_width = if width < 560.0 { 64.0 } else { 76.0 };
    let gap = ui.spacing().item_spacing.x;
    let column_width = ((width - band_label_width) / levels.len() as f32 - gap).max(MIN_COLUMN_WIDTH);
    let header_height = if view.track == Track::Management || !ladder.equivalences.is_empty() { 46.0 } else { 30.0 };
    let bands = ladder.bands.len().max(1);
    let row_height = ((ui.available_height() - header_height) / bands as f32 - gap).max(theme::CARD_HEIGHT * 2.0);
    ui.horizontal(|ui| {
        ui.add_space(band_label_width);
        for level in &levels {
            ui.allocate_ui(egui::vec2(column_width, header_height), |ui| {
                ui.set_width(column_width);
                ui.vertical(|ui| {
                    let total = derived.level_totals.get(&level.id).copied().unwrap_or(0);
                    ui.label(RichText::new(format!("{} {}", level.id, level.title)).strong()).hint(&level.summary);
                    ui.label(RichText::new(format!("{total} placed")).small().weak());
                    if let Some(why) = derived.flagged.get(&level.id) {
                        let flag =
                            RichText::new("⚑ off target").small().color(super::theme::warning_color(ui.visuals()));
                        ui.label(flag).hint(format!("{why} (Fairness window, Ctrl+R)"));
                    }
                    let equivalents = ladder.equivalents(&level.id);
                    if !equivalents.is_empty() {
                        let names: Vec<String> = equivalents.iter().map(ToString::to_string).collect();
                        ui.label(RichText::new(format!("≈ {}", names.join(", "))).small().weak());
                    }
                });
            });
        }
    });
    for band in (0..bands).rev() {
        ui.horizontal(|ui| {
            ui.allocate_ui(egui::vec2(band_label_width, row_height), |ui| {
                ui.set_width(band_label_width - gap);
                ui.add(
                    egui::Label::new(RichText::new(ladder.bands.get(band).map_or("", String::as_str)).weak())
                        .truncate(),
                );
            });
            for level in &levels {
                let band_name = ladder.bands.get(band).map_or("", String::as_str);
                let size = egui::vec2(column_width, row_height);
                let place = CellPlace { level: &level.id, band, band_name, size };
                cell_ui(ui, session, view, derived, &place, out);
            }
        });
    }
}

fn toolbar_ui(ui: &mut Ui, view: &ViewState, derived: &Derived, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for track in Track::ALL {
            if ui.selectable_label(view.track == track, format!("{} track", track.label())).clicked()
                && view.track != track
            {
                out.push(Command::Run(Action::ToggleTrack));
            }
        }
        ui.separator();
        let shown: usize = derived.cells.values().map(Vec::len).sum();
        ui.label(RichText::new(format!("{shown} shown on this track")).weak());
        ui.separator();
        // Above a few hundred people the cards are too many to read: counts and shares instead.
        if shown > DENSITY_OFFERED_ABOVE || view.density {
            let label = if view.density { "Show cards" } else { "Density view" };
            if ui.selectable_label(view.density, label).clicked() {
                out.push(Command::Board(BoardCommand::SetDensity(!view.density)));
            }
            ui.separator();
        }
        super::legend::legend_button(ui);
        ui.separator();
        ui.label(RichText::new("Drag a card, or select it and press Ctrl+arrow").weak().small());
    });
}
