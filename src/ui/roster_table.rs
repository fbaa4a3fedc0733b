//! The roster list: fuzzy search, filters (shared with the grid) and a sortable, virtualised table.

use super::hint::Hint as _;
use super::theme;
use crate::command::Command;
use crate::model::Status;
use crate::model::{Session, Track};
use crate::view::{Derived, Filters, SortColumn, ViewContext, ViewState};
use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

/// Draws the search box, filters and table.
pub fn roster_ui(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut ViewState, out: &mut Vec<Command>) {
    let ViewContext { session, derived, .. } = *cx;
    let label = ui.label(RichText::new("Search people").small().weak());
    let search = ui.add(
        TextEdit::singleline(&mut view.filters.search)
            .hint_text("Name, id, manager, team (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    let search = search.labelled_by(label.id);
    if std::mem::take(&mut view.focus_search) {
        search.request_focus();
    }
    filters_ui(ui, session, view, derived);
    ui.label(RichText::new(format!("{} of {} people", derived.rows.len(), session.people.len())).small().weak());
    table_ui(ui, session, view, derived, out);
}

fn filters_ui(ui: &mut Ui, session: &Session, view: &mut ViewState, derived: &Derived) {
    let filters = &mut view.filters;
    egui::Grid::new("filters").num_columns(2).spacing([6.0, 4.0]).show(ui, |ui| {
        option_combo(ui, "Manager", &mut filters.manager, derived.managers.iter().cloned());
        ui.end_row();
        option_combo(ui, "Team", &mut filters.team, derived.teams.iter().map(|t| (t.clone(), t.clone())));
        ui.end_row();
        option_combo(ui, "Level", &mut filters.level, session.ladder.levels.iter().map(|l| (l.id.clone(), l.label())));
        ui.end_row();
        option_combo(ui, "Track", &mut filters.track, Track::ALL.iter().map(|t| (*t, t.label().to_owned())));
        ui.end_row();
        option_combo(ui, "Status", &mut filters.status, Status::ALL.iter().map(|s| (*s, s.label().to_owned())));
        ui.end_row();
    });
    let unfiltered = Filters { search: filters.search.clone(), ..Filters::default() };
    if *filters != unfiltered && ui.small_button("Clear filters").clicked() {
        *filters = unfiltered;
    }
}

fn option_combo<T: PartialEq + Clone>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    choices: impl Iterator<Item = (T, String)>,
) {
    // As wide as the panel allows, up to 170 px: a narrow roster panel leaves the board its levels.
    super::find_combo::find_combo(ui, label, value, choices, 170.0);
}

fn table_ui(ui: &mut Ui, session: &Session, view: &mut ViewState, derived: &Derived, out: &mut Vec<Command>) {
    // Selectable text would take the click meant for the row.
    ui.style_mut().interaction.selectable_labels = false;
    let selected_row =
        view.selected.as_ref().and_then(|id| derived.rows.iter().position(|&i| &session.people[i].id == id));
    // Read before the table borrows `ui`: a click's modifiers decide between select and compare.
    let ctx = ui.ctx().clone();
    // Manager and team share what the name leaves, so the panel can be as narrow as the board needs.
    let spare = ui.available_width() - 64.0 - 40.0 - 4.0 * ui.spacing().item_spacing.x - 12.0;
    let manager = (spare * 0.55).clamp(40.0, 64.0);
    let team = (spare * 0.45).clamp(36.0, 50.0);
    let mut table = TableBuilder::new(ui)
        .id_salt("roster")
        .striped(true)
        .sense(egui::Sense::click())
        .column(Column::remainder().at_least(64.0).clip(true))
        .column(Column::exact(40.0))
        .column(Column::exact(manager).clip(true))
        .column(Column::exact(team).clip(true));
    if let Some(row) = selected_row.filter(|_| view.scroll_to_selected) {
        table = table.scroll_to_row(row, None);
    }
    table
        .header(20.0, |mut header| {
            for (column, title) in [
                (SortColumn::Name, "Name"),
                (SortColumn::Level, "Level"),
                (SortColumn::Manager, "Manager"),
                (SortColumn::Team, "Team"),
            ] {
                header.col(|ui| {
                    let arrow = match view.sort {
                        (c, true) if c == column => " ↑",
                        (c, false) if c == column => " ↓",
                        _ => "",
                    };
                    if ui
                        .button(RichText::new(format!("{title}{arrow}")).strong())
                        .hint(format!("Sort by {title}"))
                        .clicked()
                    {
                        view.sort = if view.sort.0 == column { (column, !view.sort.1) } else { (column, true) };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(20.0, derived.rows.len(), |mut row| {
                let person = &session.people[derived.rows[row.index()]];
                row.set_selected(view.selected.as_ref() == Some(&person.id));
                let status = Status::of(session, &person.id);
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        let color = theme::status_color(ui.visuals(), status);
                        ui.label(RichText::new("●").color(color).small()).hint(status.label());
                        // Cut in the middle when it must be, so namesakes stay apart.
                        let font = egui::TextStyle::Body.resolve(ui.style());
                        let color = ui.visuals().text_color();
                        // A clipped column lets content run on under the next: its visible width is
                        // up to the clip's edge.
                        let width = ui.available_width().min(ui.clip_rect().right() - ui.cursor().min.x);
                        let galley = super::name_fit::fit_name(ui.ctx(), &person.name, &font, color, width, 1);
                        ui.label(galley).on_hover_text(person.name.as_str());
                    });
                });
                row.col(|ui| {
                    ui.label(person.level.as_str());
                });
                row.col(|ui| match derived.flagged_managers.get(person.manager.as_str()) {
                    Some(why) => {
                        let text = format!("⚑ {}", session.manager_name(person));
                        let flag = RichText::new(text).color(theme::warning_color(ui.visuals()));
                        ui.label(flag).hint(format!(
                            "This manager's people, all levels together: {why} (Fairness window, Ctrl+R)"
                        ));
                    }
                    None => {
                        ui.label(session.manager_name(person));
                    }
                });
                row.col(|ui| {
                    ui.label(person.team.as_str());
                });
                if row.response().clicked() {
                    out.push(super::click_command(&ctx, &person.id));
                }
                if row.response().double_clicked() {
                    out.push(Command::Run(crate::command::Action::OpenPerson));
                }
            });
        });
    view.scroll_to_selected = false;
}
