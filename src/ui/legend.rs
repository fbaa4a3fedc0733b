//! What the board's marks mean, one click away from the board: the badges on cards, the dots in
//! the roster, the column flags and the density view's colours.

use super::theme;
use crate::model::Status;
use egui::RichText;

/// The "Legend" button and its popup.
pub fn legend_button(ui: &mut egui::Ui) {
    ui.menu_button("Legend", |ui| {
        ui.set_min_width(360.0);
        let visuals = ui.visuals().clone();
        let row = |ui: &mut egui::Ui, mark: RichText, meaning: &str| {
            ui.horizontal(|ui| {
                ui.add_sized([56.0, 16.0], egui::Label::new(mark));
                ui.label(meaning);
            });
        };
        ui.label(RichText::new("Cards").strong());
        let proposed = theme::status_color(&visuals, Status::Proposed);
        let decided = theme::status_color(&visuals, Status::Decided);
        row(ui, RichText::new("→P4").color(proposed), "proposed for P4, not yet decided");
        row(
            ui,
            RichText::new("▬▬▭").color(proposed),
            "bar along a proposed card's foot: share of P4's criteria the evidence meets",
        );
        row(ui, RichText::new("✔P4").color(decided), "decided: promoted (or adjusted) to P4");
        row(ui, RichText::new("✔").color(decided), "decided: stays at this level (held, not this cycle)");
        row(ui, RichText::new("+3 more"), "more people than fit: opens the cell's full, searchable list");
        ui.label(RichText::new("Roster dots").strong());
        row(ui, RichText::new("●").color(theme::status_color(&visuals, Status::NoProposal)), "no proposal");
        row(ui, RichText::new("●").color(proposed), "proposed");
        row(ui, RichText::new("●").color(decided), "decided");
        ui.label(RichText::new("Column headers").strong());
        row(
            ui,
            RichText::new("⚑").color(theme::warning_color(&visuals)),
            "the level's spread over bands strays from the target (Fairness, Ctrl+R)",
        );
        ui.label(RichText::new("Roster").strong());
        row(
            ui,
            RichText::new("⚑ Name").color(theme::warning_color(&visuals)),
            "the manager's people, all levels together, stray from the target",
        );
        row(ui, RichText::new("≈ M2"), "the equivalent level on the other track");
        ui.label(RichText::new("Density view").strong());
        row(
            ui,
            RichText::new("■").color(theme::density_fill(&visuals, 0, 0.5, 0.1)),
            "more people than the target share",
        );
        row(
            ui,
            RichText::new("■").color(theme::density_fill(&visuals, 0, -0.5, 0.1)),
            "fewer people than the target share",
        );
    });
}
