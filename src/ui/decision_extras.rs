//! What a decision needs beside its outcome and rationale, shared by the person panel and the
//! presenter: the reason codes, the budget's running total (and why a promotion goes over it), and
//! who steps out for the candidate — a recused user is told they cannot record the decision.

use super::committee::Named as _;
use crate::model::decision::Reason;
use crate::model::{LevelId, Outcome, Person, Session};
use egui::{ComboBox, RichText, Ui};

/// The reason codes as check boxes; a code that names a criterion gets a criterion picker.
pub fn reasons_ui(ui: &mut Ui, session: &Session, reasons: &mut Vec<Reason>, size: f32) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Reasons").size(size));
        for code in session.ladder.reason_codes() {
            let at = reasons.iter().position(|r| r.code == code.code);
            let mut on = at.is_some();
            if ui.checkbox(&mut on, RichText::new(&code.label).size(size)).changed() {
                match (on, at) {
                    (true, None) => reasons.push(Reason { code: code.code.clone(), criterion: None }),
                    (false, Some(i)) => {
                        reasons.remove(i);
                    }
                    (true, Some(_)) | (false, None) => {}
                }
            }
            if code.names_criterion
                && let Some(reason) = reasons.iter_mut().find(|r| r.code == code.code)
            {
                let chosen =
                    reason.criterion.as_ref().and_then(|d| session.ladder.dimensions.iter().find(|x| &x.id == d));
                ComboBox::from_id_salt(("reason-criterion", &code.code))
                    .selected_text(chosen.map_or("which criterion?", |d| d.name.as_str()))
                    .show_ui(ui, |ui| {
                        for dimension in &session.ladder.dimensions {
                            ui.selectable_value(&mut reason.criterion, Some(dimension.id.clone()), &dimension.name);
                        }
                    })
                    .response
                    .named(&format!("Criterion for \"{}\"", code.label));
            }
        }
    });
}

/// Whether the reasons are complete: each code that names a criterion has one.
#[must_use]
pub fn reasons_ready(session: &Session, reasons: &[Reason]) -> bool {
    let codes = session.ladder.reason_codes();
    reasons.iter().all(|r| r.criterion.is_some() || !codes.iter().any(|c| c.code == r.code && c.names_criterion))
}

/// The budget's running total and, when this promotion would go over it, the field for why.
/// Returns whether the decision may be recorded as far as the budget goes.
pub fn budget_ui(
    ui: &mut Ui,
    session: &Session,
    person: &Person,
    promote_to: Option<&LevelId>,
    over_budget: &mut String,
    size: f32,
) -> bool {
    if session.meeting.budget.is_empty() {
        return true;
    }
    let spent = session.budget_use();
    ui.label(RichText::new(format!("Budget: {}", spent.overall.describe())).size(size));
    if let Some(level) = promote_to
        && let Some((_, line)) = spent.per_level.iter().find(|(l, _)| l == level).filter(|(_, l)| l.budget.is_some())
    {
        ui.label(RichText::new(format!("{level}: {}", line.describe())).size(size));
    }
    let Some(over) = promote_to.and_then(|level| session.over_budget(&person.id, level)) else { return true };
    ui.label(RichText::new(format!("Over budget: {over}")).size(size).color(super::theme::warning_color(ui.visuals())));
    super::text_area::labelled_text_area(ui, "Why over budget", over_budget, "Required to go over the budget");
    !over_budget.trim().is_empty()
}

/// Who steps out for this candidate; `false` when the user is one of them (they cannot decide).
pub fn recusal_ui(ui: &mut Ui, session: &Session, person: &Person, you: &str, size: f32) -> bool {
    let recused = session.recused_members(&person.id);
    if !recused.is_empty() {
        ui.label(RichText::new(format!("Recused: {}", recused.join(", "))).size(size).weak());
    }
    if recused.iter().any(|m| m == you) {
        ui.label(
            RichText::new(format!("You ({you}) are recused for {}: another member records the decision.", person.name))
                .size(size)
                .color(super::theme::warning_color(ui.visuals())),
        );
        return false;
    }
    true
}

/// The new level's picker: a higher level on the person's track for a promotion, any other level
/// for a level adjustment.
pub fn new_level_ui(
    ui: &mut Ui,
    session: &Session,
    person: &Person,
    outcome: Option<Outcome>,
    new_level: &mut Option<LevelId>,
    size: f32,
) {
    let ladder = &session.ladder;
    let promote = outcome == Some(Outcome::Promote);
    let label = ui.label(RichText::new("New level").size(size));
    let chosen = new_level.as_ref().map_or_else(|| "choose…".to_owned(), ToString::to_string);
    ComboBox::from_id_salt("new-level")
        .selected_text(RichText::new(chosen).size(size))
        .show_ui(ui, |ui| {
            for level in &ladder.levels {
                let allowed = if promote {
                    level.track == person.track && ladder.rank(&level.id) > ladder.rank(&person.level)
                } else {
                    level.id != person.level
                };
                if allowed {
                    ui.selectable_value(new_level, Some(level.id.clone()), RichText::new(level.label()).size(size));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The level a promotion goes to, if the outcome is one.
#[must_use]
pub fn promotion_level(outcome: Option<Outcome>, level: Option<&LevelId>) -> Option<&LevelId> {
    level.filter(|_| outcome == Some(Outcome::Promote))
}
