//! Two to four people side by side on one level's criteria: each criterion with each person's
//! rating, evidence and links, then each proposal's rationale. People are chosen with Ctrl+click
//! in the roster or on the board; the level is the one they are all proposed for, or another picked.

use crate::command::Command;
use crate::command::WindowCommand;
use crate::model::compare::{MAX_COMPARED, compare_rows, comparison_level};
use crate::model::{LevelId, Session};
use crate::view::CompareState;
use egui::{ComboBox, Grid, RichText, ScrollArea};

/// Width of one person's column, and of the criteria column.
const COLUMN: f32 = 220.0;

/// Draws the window while it is open.
pub fn compare_ui(ctx: &egui::Context, session: &Session, state: &mut Option<CompareState>, out: &mut Vec<Command>) {
    let Some(compare) = state else { return };
    let mut open = true;
    egui::Window::new("Compare people")
        .id(egui::Id::unique("compare"))
        .default_pos(super::theme::WINDOW_START)
        .default_width((COLUMN + 12.0) * (compare.people.len().max(2) + 1) as f32 + 24.0)
        // Three or four people need more than the first width: the window widens by its edge.
        .resizable(true)
        .hscroll(true)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(format!(
                    "Ctrl+click people in the roster or on the board to add or remove them (up to {MAX_COMPARED})."
                ))
                .weak(),
            );
            let people: Vec<_> = compare.people.iter().filter_map(|id| session.person(id)).collect();
            if people.len() < 2 {
                ui.label("Choose at least two people to compare.");
            }
            let Some(level) = compare.level.clone().or_else(|| comparison_level(session, &compare.people)) else {
                return;
            };
            let shared_target =
                compare.people.iter().all(|id| session.proposals.get(id).is_some_and(|p| p.target == level));
            let why = if shared_target { "their target" } else { "the level above the most senior" };
            level_ui(ui, session, compare.level.as_ref(), &level, why, out);
            ScrollArea::both().max_height(520.0).show(ui, |ui| {
                Grid::new("compare-grid").striped(true).min_col_width(COLUMN).max_col_width(COLUMN).show(ui, |ui| {
                    ui.label(RichText::new(format!("{level} criteria")).strong());
                    for person in &people {
                        ui.vertical(|ui| {
                            ui.set_max_width(COLUMN);
                            ui.label(RichText::new(person.name.as_str()).strong());
                            let placement = session.placement(person);
                            let band = session.ladder.bands.get(placement.band).map_or("", String::as_str);
                            ui.label(format!("{} {band} · {}", person.level, session.manager_name(person)));
                            let proposal = session.proposals.get(&person.id);
                            ui.label(
                                proposal
                                    .map_or_else(|| "no proposal".to_owned(), |p| format!("proposed for {}", p.target)),
                            );
                            if ui.small_button(format!("Remove {}", person.name)).clicked() {
                                out.push(Command::Window(WindowCommand::ToggleCompare(person.id.clone())));
                            }
                        });
                    }
                    ui.end_row();
                    for row in compare_rows(session, &compare.people, &level) {
                        ui.vertical(|ui| {
                            ui.set_max_width(COLUMN);
                            ui.label(RichText::new(row.dimension_name).strong());
                            ui.label(RichText::new(row.criterion).weak());
                        });
                        for evidence in &row.evidence {
                            ui.vertical(|ui| match evidence {
                                Some(e) => {
                                    ui.set_max_width(COLUMN);
                                    let rating = e.rating.map_or("unrated", |r| r.label());
                                    ui.label(RichText::new(rating).strong());
                                    if !e.text.is_empty() {
                                        super::long_text::long_text(ui, &e.text, |t| t);
                                    }
                                    for link in &e.links {
                                        ui.label(RichText::new(link).small().weak());
                                    }
                                }
                                None => {
                                    ui.label(RichText::new("no evidence").weak());
                                }
                            });
                        }
                        ui.end_row();
                    }
                    ui.label(RichText::new("Rationale").strong());
                    for person in &people {
                        let rationale = session.proposals.get(&person.id).map_or("—", |p| p.rationale.as_str());
                        ui.vertical(|ui| {
                            ui.set_max_width(COLUMN);
                            super::long_text::long_text(ui, rationale, |t| t);
                        });
                    }
                    ui.end_row();
                });
            });
        });
    if !open {
        *state = None;
    }
}

/// The level the people are weighed against: the rule's choice, or one picked from the ladder.
fn level_ui(
    ui: &mut egui::Ui,
    session: &Session,
    chosen: Option<&LevelId>,
    shown: &LevelId,
    why: &str,
    out: &mut Vec<Command>,
) {
    let mut pick = chosen.cloned();
    ComboBox::new("compare-level", "Against the criteria of")
        .selected_text(match chosen {
            Some(level) => level.to_string(),
            None => format!("{shown} ({why})"),
        })
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut pick, None, "Their target (or the level above the most senior)");
            for level in &session.ladder.levels {
                ui.selectable_value(&mut pick, Some(level.id.clone()), format!("{} {}", level.id, level.title));
            }
        });
    if pick.as_ref() != chosen {
        out.push(Command::Window(WindowCommand::SetCompareLevel(pick)));
    }
}
