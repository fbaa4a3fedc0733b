//! The Fairness window's last two tabs: before / after (what the committee made of each manager's
//! and each level's proposals, and the reasons it gave per manager and team) and time in level
//! (per team, and the people longest at theirs).

use crate::command::BoardCommand;
use crate::command::Command;
use crate::model::fairness::outcomes::{Moved, Outcomes};
use egui::{Grid, RichText, ScrollArea};

/// People listed by time in level, longest first; the team table covers everyone.
const LONGEST_SHOWN: usize = 100;

pub fn before_after_ui(ui: &mut egui::Ui, outcomes: &Outcomes) {
    if outcomes.by_manager.is_empty() {
        ui.label("No proposals yet.");
        return;
    }
    if outcomes.by_manager.iter().all(|m| m.decided == 0) {
        ui.label(RichText::new("No proposal is decided yet: this fills in as the committee decides.").weak());
    }
    ui.label(
        RichText::new(
            "\"Changed\" is the share of decided proposals the committee did not promote as proposed (another level, held, not this cycle, or adjusted).",
        )
        .weak(),
    );
    ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
        moved_grid(ui, "fairness-moved-managers", "Manager", &outcomes.by_manager);
        ui.add_space(8.0);
        moved_grid(ui, "fairness-moved-levels", "Proposed from", &outcomes.by_level);
        ui.add_space(8.0);
        ui.label(RichText::new("Reasons given with the decisions").strong());
        if outcomes.reasons_by_manager.is_empty() {
            ui.label(RichText::new("No decision gives a reason code yet.").weak());
        }
        for (id, first, rows) in [
            ("fairness-reasons-managers", "Manager", &outcomes.reasons_by_manager),
            ("fairness-reasons-teams", "Team", &outcomes.reasons_by_team),
        ] {
            if rows.is_empty() {
                continue;
            }
            Grid::new(id).striped(true).show(ui, |ui| {
                for heading in [first, "Reason", "Decisions"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for r in rows {
                    ui.label(&r.group);
                    ui.label(&r.reason);
                    ui.label(r.decisions.to_string());
                    ui.end_row();
                }
            });
            ui.add_space(6.0);
        }
    });
}

fn moved_grid(ui: &mut egui::Ui, id: &str, first: &str, rows: &[Moved]) {
    Grid::new(id).striped(true).show(ui, |ui| {
        for heading in
            [first, "Proposed", "Decided", "As proposed", "Other level", "Not promoted", "Adjusted", "Changed"]
        {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for m in rows {
            ui.label(&m.group);
            for n in [m.proposed, m.decided, m.as_proposed, m.other_level, m.not_promoted, m.adjusted] {
                ui.label(n.to_string());
            }
            ui.label(m.changed_share().map_or_else(|| "—".to_owned(), |s| format!("{:.0} %", s * 100.0)));
            ui.end_row();
        }
    });
}

pub fn time_in_level_ui(ui: &mut egui::Ui, outcomes: &Outcomes, out: &mut Vec<Command>) {
    if outcomes.people.is_empty() {
        ui.label("The roster gave no \"level since\" dates, so time in level is unknown.");
        return;
    }
    if outcomes.unknown > 0 {
        ui.label(
            RichText::new(format!("{} people have no \"level since\" date in the roster.", outcomes.unknown)).weak(),
        );
    }
    ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
        Grid::new("fairness-time-teams").striped(true).show(ui, |ui| {
            for heading in ["Team", "People", "Mean years at level", "Longest"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for t in &outcomes.teams {
                ui.label(&t.team);
                ui.label(t.people.to_string());
                ui.label(format!("{:.1}", t.mean_years));
                ui.label(t.longest_years.to_string());
                ui.end_row();
            }
        });
        ui.add_space(8.0);
        ui.label(RichText::new("Longest at their level").strong());
        Grid::new("fairness-time-people").striped(true).show(ui, |ui| {
            for p in outcomes.people.iter().take(LONGEST_SHOWN) {
                if ui.button(&p.name).clicked() {
                    out.push(Command::Board(BoardCommand::Select(Some(p.person.clone()))));
                }
                ui.label(&p.team);
                ui.label(p.level.as_str());
                ui.label(if p.years == 1 { "1 year".to_owned() } else { format!("{} years", p.years) });
                ui.end_row();
            }
        });
    });
}
