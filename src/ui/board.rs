//! The ladder grid: a column per level of the shown track, a row per band (strongest on top), a card
//! per person. Dragging a card to a cell emits a move; each cell lays out only its visible cards.

use super::card::card_ui;
use super::theme;
use crate::command::{Action, Command};
use crate::model::{Ladder, PersonId, Placement, Session, Track};
use crate::view::{Derived, ViewState};
use egui::{Frame, Margin, RichText, ScrollArea, Ui};

/// Draws the grid for `view.track`.
pub fn board_ui(ui: &mut Ui, session: &Session, view: &ViewState, derived: &Derived, out: &mut Vec<Command>) {
    let ladder = &session.ladder;
    let levels: Vec<_> = ladder.track_levels(view.track).collect();
    if levels.is_empty() {
        ui.label("This ladder has no levels on this track.");
        return;
    }
    toolbar_ui(ui, view, derived, out);
    let band_label_width = if ui.available_width() < 560.0 { 64.0 } else { 76.0 };
    let gap = ui.spacing().item_spacing.x;
    let column_width = ((ui.available_width() - band_label_width) / levels.len() as f32 - gap).max(56.0);
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
                    ui.label(RichText::new(format!("{} {}", level.id, level.title)).strong())
                        .on_hover_text(&level.summary);
                    ui.label(RichText::new(format!("{total} placed")).small().weak());
                    if let Some(why) = derived.flagged.get(&level.id) {
                        let flag =
                            RichText::new("⚑ off target").small().color(super::theme::warning_color(ui.visuals()));
                        ui.label(flag).on_hover_text(format!("{why} (Fairness window, Ctrl+R)"));
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
                cell_ui(ui, session, view, derived, ladder, (&level.id, band), (column_width, row_height), out);
            }
        });
    }
}

fn toolbar_ui(ui: &mut Ui, view: &ViewState, derived: &Derived, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
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
        ui.label(RichText::new("Drag a card, or select it and press Ctrl+arrow").weak().small());
    });
}

#[expect(
    clippy::too_many_arguments,
    reason = "a cell needs its place, its data and the output; bundling them hides nothing"
)]
fn cell_ui(
    ui: &mut Ui,
    session: &Session,
    view: &ViewState,
    derived: &Derived,
    ladder: &Ladder,
    (level, band): (&crate::model::LevelId, usize),
    (width, height): (f32, f32),
    out: &mut Vec<Command>,
) {
    let people = derived.cell(level, band);
    let band_name = ladder.bands.get(band).map_or("", String::as_str);
    let frame =
        Frame::new().fill(theme::cell_fill(ui.visuals(), band)).inner_margin(Margin::same(3)).corner_radius(4.0);
    let (_, dropped) = ui.dnd_drop_zone::<PersonId, _>(frame, |ui| {
        ui.set_width(width - 6.0);
        ui.set_height(height - 6.0);
        // The row of cells is horizontal; a cell stacks its cards.
        ui.vertical(|ui| cell_contents_ui(ui, session, view, people, (level, band_name, band), out));
    });
    if let Some(person) = dropped {
        out.push(Command::MoveCard { person: (*person).clone(), to: Placement { level: level.clone(), band } });
    }
}

fn cell_contents_ui(
    ui: &mut Ui,
    session: &Session,
    view: &ViewState,
    people: &[usize],
    (level, band_name, band): (&crate::model::LevelId, &str, usize),
    out: &mut Vec<Command>,
) {
    {
        let caption = ui.label(RichText::new(format!("{band_name} · {}", people.len())).small().weak());
        caption.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Label,
                true,
                format!("{level} {band_name}: {}", people_count(people.len())),
            )
        });
        ScrollArea::vertical().id_salt(("cell", level.as_str(), band)).auto_shrink(false).show_rows(
            ui,
            theme::CARD_HEIGHT + theme::CARD_GAP,
            people.len(),
            |ui, range| {
                ui.spacing_mut().item_spacing.y = theme::CARD_GAP;
                for &i in &people[range] {
                    let person = &session.people[i];
                    let selected = view.selected.as_ref() == Some(&person.id);
                    let card = card_ui(ui, session, person, selected);
                    if card.clicked() {
                        out.push(super::click_command(ui.ctx(), &person.id));
                    }
                    if card.double_clicked() {
                        out.push(Command::Run(Action::OpenPerson));
                    }
                }
            },
        );
    }
}

/// "1 person", "3 people".
fn people_count(count: usize) -> String {
    if count == 1 { "1 person".to_owned() } else { format!("{count} people") }
}
