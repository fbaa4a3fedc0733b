//! One cell of the grid: its cards, as many as fit, and "+N more" opening the rest in a list; or,
//! in the density view, its count and its share of the level coloured against the target.

use super::card::card_ui;
use super::hint::Hint as _;
use super::theme;
use crate::command::BoardCommand;
use crate::command::{Action, Command};
use crate::model::fairness::BandTargets;
use crate::model::{LevelId, PersonId, Placement, Session};
use crate::view::{Derived, ViewState};
use egui::{Frame, Margin, RichText, Ui};

/// Height of the caption line above a cell's cards.
const CAPTION_HEIGHT: f32 = 16.0;

/// Where a cell is and how big.
pub struct CellPlace<'a> {
    pub level: &'a LevelId,
    pub band: usize,
    pub band_name: &'a str,
    pub size: egui::Vec2,
}

/// Draws the cell and takes the cards dropped on it.
pub fn cell_ui(
    ui: &mut Ui,
    session: &Session,
    view: &ViewState,
    derived: &Derived,
    place: &CellPlace<'_>,
    out: &mut Vec<Command>,
) {
    let people = derived.cell(place.level, place.band);
    let fill = if view.density {
        let targets =
            session.band_targets.clone().unwrap_or_else(|| BandTargets::default_for(session.ladder.bands.len()));
        let total = shown_in_level(session, derived, place.level);
        let share = if total == 0 { 0.0 } else { people.len() as f32 / total as f32 };
        #[expect(clippy::cast_possible_truncation, reason = "a share, far inside f32")]
        let target = targets.shares.get(place.band).copied().unwrap_or(0.0) as f32;
        #[expect(clippy::cast_possible_truncation, reason = "a share, far inside f32")]
        let tolerance = targets.tolerance as f32;
        theme::density_fill(ui.visuals(), place.band, if total == 0 { 0.0 } else { share - target }, tolerance)
    } else {
        theme::cell_fill(ui.visuals(), place.band)
    };
    let frame = Frame::new().fill(fill).inner_margin(Margin::same(3)).corner_radius(4.0);
    let (_, dropped) = ui.dnd_drop_zone::<PersonId, _>(frame, |ui| {
        ui.set_width(place.size.x - 6.0);
        ui.set_height(place.size.y - 6.0);
        // The row of cells is horizontal; a cell stacks its cards.
        ui.vertical(|ui| {
            if view.density {
                density_ui(ui, session, derived, people.len(), place);
            } else {
                cards_ui(ui, session, view, people, place, out);
            }
        });
    });
    if let Some(person) = dropped {
        out.push(Command::Board(BoardCommand::MoveCard {
            person: (*person).clone(),
            to: Placement { level: place.level.clone(), band: place.band },
        }));
    }
}

fn cards_ui(
    ui: &mut Ui,
    session: &Session,
    view: &ViewState,
    people: &[usize],
    place: &CellPlace<'_>,
    out: &mut Vec<Command>,
) {
    let caption = ui.label(RichText::new(format!("{} · {}", place.band_name, people.len())).small().weak());
    let level = place.level;
    caption.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("{level} {}: {}", place.band_name, people_count(people.len())),
        )
    });
    let room = ((place.size.y - 6.0 - CAPTION_HEIGHT) / (theme::CARD_HEIGHT + theme::CARD_GAP)).floor().max(1.0);
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small positive count")]
    let room = room as usize;
    // Every card fits, or all but one slot's worth, and that slot says how many are hidden.
    let shown = if people.len() <= room { people.len() } else { room.saturating_sub(1) };
    ui.spacing_mut().item_spacing.y = theme::CARD_GAP;
    for &i in &people[..shown] {
        person_card(ui, session, view, &session.people[i], out);
    }
    if shown < people.len() {
        let hidden = people.len() - shown;
        let button = egui::Button::new(format!("+{hidden} more")).min_size(egui::vec2(ui.available_width(), 22.0));
        let response = ui.add(button).hint("Show everyone in this cell, searchable; drag from the list to move");
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("+{hidden} more in {level} {}", place.band_name),
            )
        });
        if response.clicked() {
            out.push(Command::Board(BoardCommand::OpenCellList { level: level.clone(), band: place.band }));
        }
    }
}

/// A card that selects on click (Ctrl+click: compare), opens on double click and drags to move.
pub fn person_card(
    ui: &mut Ui,
    session: &Session,
    view: &ViewState,
    person: &crate::model::Person,
    out: &mut Vec<Command>,
) {
    let selected = view.selected.as_ref() == Some(&person.id);
    let card = card_ui(ui, session, person, selected);
    if card.clicked() {
        out.push(super::click_command(ui.ctx(), &person.id));
    }
    if card.double_clicked() {
        out.push(Command::Run(Action::OpenPerson));
    }
}

/// People shown (through the filters) in all of a level's bands: a filtered cell's share is of
/// the filtered level, so the bands add up to 100 %.
fn shown_in_level(session: &Session, derived: &Derived, level: &LevelId) -> usize {
    (0..session.ladder.bands.len()).map(|band| derived.cell(level, band).len()).sum()
}

fn density_ui(ui: &mut Ui, session: &Session, derived: &Derived, count: usize, place: &CellPlace<'_>) {
    let total = shown_in_level(session, derived, place.level);
    let share = if total == 0 { 0.0 } else { 100.0 * count as f64 / total as f64 };
    ui.label(RichText::new(place.band_name).small().weak());
    let text = format!("{count}");
    let label = ui.label(RichText::new(text).heading().strong());
    ui.label(RichText::new(format!("{share:.0} % of {}", place.level)).small());
    let level = place.level;
    label.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("{level} {}: {} ({share:.0} %)", place.band_name, people_count(count)),
        )
    });
}

fn people_count(count: usize) -> String {
    crate::model::wording::counted(count, "person", "people")
}
