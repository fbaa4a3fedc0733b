//! The prompt that a move above a person's level raises: a proposal needs a written rationale.

use crate::command::Command;
use crate::command::{Edit, PromptCommand};
use crate::model::Session;
use crate::model::change::cell_label;
use crate::view::PendingProposal;
use egui::{Modal, RichText, TextEdit};

/// Draws the prompt while a move waits for its rationale.
pub fn proposal_prompt_ui(
    ctx: &egui::Context,
    session: &Session,
    pending: &mut Option<PendingProposal>,
    out: &mut Vec<Command>,
) {
    let Some(p) = pending.as_mut() else { return };
    let Some(person) = session.person(&p.person) else {
        *pending = None;
        return;
    };
    let ladder = &session.ladder;
    let target = ladder.level(&p.to.level).map_or_else(|| p.to.level.to_string(), crate::model::Level::label);
    let response = Modal::new(egui::Id::unique("proposal-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading(format!("Propose {} for {target}?", person.name));
        ui.label(format!(
            "Moving {} from {} to {} proposes a promotion. Write the case against the {} criteria.",
            person.name,
            cell_label(ladder, &session.placement(person)),
            cell_label(ladder, &p.to),
            p.to.level
        ));
        if let Some(level) = ladder.level(&p.to.level) {
            for criterion in &level.criteria {
                let name =
                    ladder.dimension(&criterion.dimension).map_or(criterion.dimension.as_str(), |d| d.name.as_str());
                ui.label(RichText::new(format!("{name}: {}", criterion.text)).small().weak());
            }
        }
        let label = ui.label("Rationale for the proposal");
        let edit = ui.add(
            TextEdit::multiline(&mut p.rationale)
                .char_limit(crate::model::text_limits::TEXT_LIMIT / 4)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        edit.clone().labelled_by(label.id);
        // The user came here to write the case: typing starts in the box, without a click first.
        if !p.focused {
            edit.request_focus();
            p.focused = true;
        }
        ui.horizontal(|ui| {
            let ready = !p.rationale.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Propose")).clicked() {
                out.push(Command::Edit(Edit::MoveAndPropose {
                    person: p.person.clone(),
                    to: p.to.clone(),
                    rationale: p.rationale.trim().to_owned(),
                }));
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::Prompt(PromptCommand::CancelProposal));
            }
            if !ready {
                ui.label(RichText::new("A rationale is required").small().weak());
            }
        });
    });
    if response.should_close() {
        out.push(Command::Prompt(PromptCommand::CancelProposal));
    }
}
