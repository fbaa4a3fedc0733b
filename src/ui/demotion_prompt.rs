//! The question a move below a proposed person's level raises: the proposal no longer follows
//! from where the card stands, so the user keeps it, withdraws it, or changes its level — or
//! leaves the card where it was. Nothing moves until one is chosen.

use crate::command::{Command, Edit, PromptCommand};
use crate::model::change::cell_label;
use crate::model::{Level, Session};
use crate::view::PendingDemotion;
use egui::{ComboBox, Modal, RichText};

/// Draws the question while such a move waits.
pub fn demotion_prompt_ui(
    ctx: &egui::Context,
    session: &Session,
    pending: &mut Option<PendingDemotion>,
    out: &mut Vec<Command>,
) {
    let Some(d) = pending.as_mut() else { return };
    let (Some(person), Some(proposal)) = (session.person(&d.person), session.proposals.get(&d.person)) else {
        *pending = None;
        return;
    };
    let ladder = &session.ladder;
    let edit = |target| Command::Edit(Edit::MoveAndRepropose { person: d.person.clone(), to: d.to.clone(), target });
    let response = Modal::new(egui::Id::unique("demotion-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        ui.heading(format!("{} is proposed for {}", person.name, proposal.target));
        ui.label(format!(
            "Moving {} from {} to {} puts them below their level, {}. What becomes of the proposal for {}?",
            person.name,
            cell_label(ladder, &session.placement(person)),
            cell_label(ladder, &d.to),
            person.level,
            proposal.target,
        ));
        ui.add_space(4.0);
        if ui.button(format!("Keep the proposal for {}", proposal.target)).clicked() {
            out.push(Command::Edit(Edit::Move { person: d.person.clone(), to: d.to.clone() }));
        }
        if ui.button("Withdraw the proposal").clicked() {
            out.push(edit(None));
        }
        ui.horizontal(|ui| {
            let label = ui.label("Change it to");
            let chosen = d.change_to.as_ref().and_then(|l| ladder.level(l)).map_or_else(String::new, Level::label);
            ComboBox::from_id_salt("demotion-change-to")
                .selected_text(chosen)
                .show_ui(ui, |ui| {
                    // The levels of their track above their own: a proposal is a promotion.
                    let floor = ladder.rank(&person.level);
                    for level in ladder.track_levels(person.track).filter(|l| ladder.rank(&l.id) > floor) {
                        ui.selectable_value(&mut d.change_to, Some(level.id.clone()), level.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let changed = d.change_to.as_ref().filter(|t| **t != proposal.target);
            if ui.add_enabled(changed.is_some(), egui::Button::new("Change the proposal")).clicked() {
                out.push(edit(changed.cloned()));
            }
        });
        ui.label(
            RichText::new("The case already written stays with the proposal; the trail records the step.")
                .small()
                .weak(),
        );
        ui.separator();
        if ui.button("Cancel: leave the card where it was").clicked() {
            out.push(Command::Prompt(PromptCommand::CancelDemotion));
        }
    });
    if response.should_close() {
        out.push(Command::Prompt(PromptCommand::CancelDemotion));
    }
}
