//! Fairness views: the spread of people over each level's bands against the chair's target curve
//! (chart and table, for everyone or one manager, team or roster column value), which groups stray
//! by more than noise, each manager against the organisation at the same levels, and the evidence
//! coverage of every open proposal. Figures are computed once per change (`view::FairnessState`).

use crate::command::Command;
use crate::command::{BoardCommand, Edit, WindowCommand};
use crate::model::Session;
use crate::model::fairness::figures::{Figures, describe};
use crate::model::fairness::outcomes::Outcomes;
use crate::model::fairness::{BandTargets, Group, Verdict};
use crate::view::state::{FairnessState, FairnessTab};
use egui::{ComboBox, DragValue, Grid, RichText, ScrollArea};
use egui_plot::{Bar, BarChart, HLine, Legend, Plot};

/// The figures the window shows, computed by the app for the window's track and group.
pub struct FairnessData<'a> {
    pub figures: Option<&'a Figures>,
    pub groups: &'a [Group],
    pub outcomes: Option<&'a Outcomes>,
}

/// Draws the window while it is open.
pub fn fairness_ui(
    ctx: &egui::Context,
    session: &Session,
    data: &FairnessData<'_>,
    state: &mut Option<FairnessState>,
    out: &mut Vec<Command>,
) {
    let Some(s) = state else { return };
    let mut open = true;
    egui::Window::new("Fairness")
        .id(egui::Id::unique("fairness"))
        .default_pos(super::theme::WINDOW_START)
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for tab in FairnessTab::ALL {
                    if ui.selectable_label(s.tab == tab, tab.label()).clicked() {
                        s.tab = tab;
                    }
                }
            });
            ui.separator();
            let (Some(figures), Some(outcomes)) = (data.figures, data.outcomes) else {
                ui.spinner();
                return;
            };
            match s.tab {
                FairnessTab::Distribution => {
                    group_ui(ui, data.groups, &mut s.group);
                    distribution_ui(ui, session, figures);
                    targets_ui(ui, session, figures, &mut s.draft, out);
                }
                FairnessTab::Managers => managers_ui(ui, session, figures, out),
                FairnessTab::Coverage => coverage_ui(ui, figures, out),
                FairnessTab::BeforeAfter => super::fairness_outcomes::before_after_ui(ui, outcomes),
                FairnessTab::TimeInLevel => super::fairness_outcomes::time_in_level_ui(ui, outcomes, out),
            }
        });
    if !open {
        *state = None;
    }
}

/// The group the figures are for.
fn group_ui(ui: &mut egui::Ui, options: &[Group], group: &mut Group) {
    let label = |g: &Group| match g {
        Group::Everyone => "Everyone".to_owned(),
        Group::Manager(m) => format!("Manager: {m}"),
        Group::Team(t) => format!("Team: {t}"),
        Group::Column(h, v) => format!("{h}: {v}"),
    };
    ComboBox::new("fairness-group", "People").selected_text(label(group)).show_ui(ui, |ui| {
        for option in options {
            ui.selectable_value(group, option.clone(), label(option));
        }
    });
}

fn distribution_ui(ui: &mut egui::Ui, session: &Session, figures: &Figures) {
    let bands = &session.ladder.bands;
    // Stacked shares per level, lowest band at the bottom; the target's band edges as lines.
    let mut charts: Vec<BarChart> = Vec::new();
    for (band, name) in bands.iter().enumerate() {
        let bars = figures
            .distribution
            .iter()
            .enumerate()
            .map(|(x, (level, spread, _))| {
                Bar::new(x as f64, spread.shares()[band] * 100.0).width(0.6).name(format!("{level} {name}"))
            })
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart =
            BarChart::new(name.clone(), bars).color(super::theme::band_color(ui.visuals(), band)).stack_on(&refs);
        charts.push(chart);
    }
    let levels: Vec<String> = figures.distribution.iter().map(|(l, _, _)| l.to_string()).collect();
    Plot::new("fairness-distribution")
        .height(180.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(100.0)
        .x_axis_formatter(move |mark, _| level_at(&levels, mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
            let mut edge = 0.0;
            for share in figures.targets.shares.iter().take(bands.len().saturating_sub(1)) {
                edge += share * 100.0;
                plot.hline(HLine::new("target", edge));
            }
        });
    Grid::new("fairness-table").striped(true).show(ui, |ui| {
        ui.label(RichText::new("Level").strong());
        ui.label(RichText::new("People").strong());
        for band in bands {
            ui.label(RichText::new(band).strong());
        }
        ui.label(RichText::new("Against the target").strong());
        ui.end_row();
        for (level, spread, verdict) in &figures.distribution {
            ui.label(level.as_str());
            ui.label(spread.total().to_string());
            for (count, share) in spread.counts.iter().zip(spread.shares()) {
                ui.label(format!("{count} ({:.0} %)", share * 100.0));
            }
            let text = RichText::new(describe(verdict, bands));
            ui.label(if matches!(verdict, Verdict::Strays(_)) {
                text.color(super::theme::warning_color(ui.visuals()))
            } else {
                text.weak()
            });
            ui.end_row();
        }
    });
}

/// The level under a tick of the chart's x axis (bars sit at 0, 1, 2 …).
#[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small, non-negative index")]
fn level_at(levels: &[String], x: f64) -> String {
    if x < -0.5 { String::new() } else { levels.get(x.round() as usize).cloned().unwrap_or_default() }
}

/// The chair's target share per band, tolerance and minimum group.
fn targets_ui(
    ui: &mut egui::Ui,
    session: &Session,
    figures: &Figures,
    draft: &mut Option<BandTargets>,
    out: &mut Vec<Command>,
) {
    ui.separator();
    let targets = draft.get_or_insert_with(|| figures.targets.clone());
    ui.horizontal_wrapped(|ui| {
        ui.label("Target:");
        for (band, share) in session.ladder.bands.iter().zip(targets.shares.iter_mut()) {
            let mut percent = (*share * 100.0).round();
            let label = ui.label(band);
            if ui.add(DragValue::new(&mut percent).range(0.0..=100.0).suffix(" %")).labelled_by(label.id).changed() {
                *share = percent / 100.0;
            }
        }
        let mut points = (targets.tolerance * 100.0).round();
        let label = ui.label("tolerance");
        if ui.add(DragValue::new(&mut points).range(1.0..=50.0).suffix(" points")).labelled_by(label.id).changed() {
            targets.tolerance = points / 100.0;
        }
        let label = ui.label("too few under");
        ui.add(DragValue::new(&mut targets.min_group).range(2..=100)).labelled_by(label.id);
    });
    let sum: f64 = targets.shares.iter().sum::<f64>() * 100.0;
    let valid = (sum - 100.0).abs() < 0.5;
    let chosen = targets.clone();
    ui.horizontal(|ui| {
        if ui.add_enabled(valid, egui::Button::new("Set target")).clicked() {
            out.push(Command::Edit(Edit::SetTargets(Some(chosen))));
        }
        if ui.button("Default target").clicked() {
            out.push(Command::Edit(Edit::SetTargets(None)));
            *draft = None;
        }
        if !valid {
            ui.label(
                RichText::new(format!("The shares add up to {sum:.0} %, not 100 %"))
                    .color(super::theme::error_color(ui.visuals())),
            );
        }
    });
}

fn managers_ui(ui: &mut egui::Ui, session: &Session, figures: &Figures, out: &mut Vec<Command>) {
    ui.label(RichText::new("Each manager's people against the organisation at the same levels, farthest first. Bands count from 1 (lowest).").weak());
    ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        Grid::new("fairness-managers").striped(true).show(ui, |ui| {
            for heading in ["Manager", "People", "Mean band (org)", "Proposed (org)", "Promoted", ""] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for d in &figures.drift {
                ui.label(&d.manager);
                ui.label(d.people.to_string());
                if d.too_few {
                    ui.label(RichText::new("too few to compare").weak());
                    ui.label("");
                } else {
                    ui.label(format!("{:.2} ({:.2})", d.mean_band + 1.0, d.expected_band + 1.0));
                    ui.label(format!("{:.0} % ({:.0} %)", d.proposed * 100.0, d.expected_proposed * 100.0));
                }
                ui.label(d.promoted.map_or_else(|| "—".to_owned(), |p| format!("{:.0} %", p * 100.0)));
                let raw = d.people_ids.first().and_then(|id| session.person(id)).map(|p| p.manager.to_string());
                if ui.button(format!("Show {}'s people", d.manager)).clicked()
                    && let Some(raw) = raw
                {
                    out.push(Command::Window(WindowCommand::FilterManager(raw)));
                }
                ui.end_row();
            }
        });
    });
}

fn coverage_ui(ui: &mut egui::Ui, figures: &Figures, out: &mut Vec<Command>) {
    if figures.coverage.is_empty() {
        ui.label("No open proposals.");
        return;
    }
    ui.label(
        RichText::new("Open proposals, thinnest evidence first: criteria of the target level not yet rated \"meets\".")
            .weak(),
    );
    ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        for c in &figures.coverage {
            ui.horizontal_wrapped(|ui| {
                if ui.button(format!("{} → {}", c.name, c.target)).clicked() {
                    out.push(Command::Board(BoardCommand::Select(Some(c.person.clone()))));
                }
                let met = c.total - c.open.len();
                let text = format!(
                    "{met} of {} criteria met{}",
                    c.total,
                    if c.open.is_empty() { String::new() } else { format!(" · open: {}", c.open.join(", ")) }
                );
                ui.label(text);
            });
        }
    });
}
