//! The proposal (target level and rationale) and the committee's decision (outcome, new level,
//! required rationale) for one person.

use super::decision_extras;
use super::text_area::labelled_text_area;
use crate::command::Command;
use crate::command::Edit;
use crate::model::{Outcome, Person, Session};
use crate::view::Drafts;
use egui::{ComboBox, RichText, Ui};

/// The manager's proposal.
pub fn proposal_ui(ui: &mut Ui, session: &Session, person: &Person, drafts: &mut Drafts, out: &mut Vec<Command>) {
    let existing = session.proposals.get(&person.id);
    match existing {
        Some(p) => {
            ui.label(
                RichText::new(format!(
                    "Proposed {} by {} on {}",
                    p.target,
                    p.proposer,
                    p.proposed_at.strftime("%Y-%m-%d")
                ))
                .strong(),
            );
        }
        None => {
            ui.label(RichText::new("No proposal").weak());
        }
    }
    let ladder = &session.ladder;
    let current_rank = ladder.rank(&person.level);
    let target = drafts.target.clone().filter(|t| ladder.rank(t) > current_rank);
    let hint = "Why this person works at the target level, against its criteria";
    labelled_text_area(ui, "Proposal rationale", &mut drafts.proposal_rationale, hint);
    ui.horizontal(|ui| {
        let ready = target.is_some() && !drafts.proposal_rationale.trim().is_empty();
        let text = match &target {
            Some(t) => format!("Propose {t}"),
            None => "Propose (choose a higher level under Compare with)".to_owned(),
        };
        if ui.add_enabled(ready, egui::Button::new(text)).clicked()
            && let Some(target) = target
        {
            let rationale = drafts.proposal_rationale.trim().to_owned();
            out.push(Command::Edit(Edit::Propose { person: person.id.clone(), target, rationale }));
        }
        if existing.is_some() && ui.button("Withdraw proposal").clicked() {
            out.push(Command::Edit(Edit::WithdrawProposal { person: person.id.clone() }));
        }
    });
}

/// The committee's decision.
pub fn decision_ui(
    ui: &mut Ui,
    session: &Session,
    person: &Person,
    you: &str,
    drafts: &mut Drafts,
    out: &mut Vec<Command>,
) {
    if let Some(d) = session.decisions.get(&person.id) {
        let level = d.new_level.as_ref().map(|l| format!(" to {l}")).unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "Decided: {}{level} by {} on {}",
                d.outcome,
                d.decided_by,
                d.decided_at.strftime("%Y-%m-%d")
            ))
            .strong(),
        );
    }
    ui.horizontal(|ui| {
        let label = ui.label("Outcome");
        ComboBox::from_id_salt("outcome")
            .selected_text(drafts.outcome.map_or("choose…", Outcome::label))
            .show_ui(ui, |ui| {
                for outcome in Outcome::ALL {
                    ui.selectable_value(&mut drafts.outcome, Some(outcome), outcome.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    let changes_level = drafts.outcome.is_some_and(Outcome::changes_level);
    if changes_level {
        if drafts.new_level.is_none() {
            drafts.new_level = session.proposals.get(&person.id).map(|p| p.target.clone());
        }
        ui.horizontal(|ui| {
            let size = egui::TextStyle::Body.resolve(ui.style()).size;
            decision_extras::new_level_ui(ui, session, person, drafts.outcome, &mut drafts.new_level, size);
        });
    }
    let hint = "Required: the committee's reason, against the criteria. A paragraph starting \"Internal:\" stays out of letters";
    labelled_text_area(ui, "Decision rationale", &mut drafts.decision_rationale, hint);
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    decision_extras::reasons_ui(ui, session, &mut drafts.reasons, size);
    let promote_to = decision_extras::promotion_level(drafts.outcome, drafts.new_level.as_ref());
    let budget_ok = decision_extras::budget_ui(ui, session, person, promote_to, &mut drafts.over_budget, size);
    let may_decide = decision_extras::recusal_ui(ui, session, person, you, size);
    let ready = drafts.outcome.is_some()
        && !drafts.decision_rationale.trim().is_empty()
        && (!changes_level || drafts.new_level.is_some())
        && decision_extras::reasons_ready(session, &drafts.reasons)
        && budget_ok
        && may_decide;
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new("Record decision")).clicked()
            && let Some(outcome) = drafts.outcome
        {
            out.push(Command::Edit(Edit::Decide {
                person: person.id.clone(),
                outcome,
                new_level: if changes_level { drafts.new_level.clone() } else { None },
                rationale: drafts.decision_rationale.trim().to_owned(),
                time_spent_secs: None,
                reasons: drafts.reasons.clone(),
                over_budget: drafts.over_budget.trim().to_owned(),
            }));
        }
        if session.decisions.contains_key(&person.id) && ui.button("Reopen decision").clicked() {
            out.push(Command::Edit(Edit::ReopenDecision { person: person.id.clone() }));
        }
    });
    if !ready {
        ui.label(
            RichText::new(
                "A decision needs an outcome, a rationale, the new level to change the level, a criterion for \"evidence missing\", and a reason to go over the budget.",
            )
                .small()
                .weak(),
        );
    }
}
