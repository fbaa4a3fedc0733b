//! The person panel: who they are, the criteria of their level beside the target level's with
//! evidence per criterion, calibration notes, the proposal and decision, and their history.

use super::hint::Hint as _;
use super::{decision_form, evidence};
use crate::command::{Action, Command};
use crate::model::{Person, Session};
use crate::view::{Drafts, UnsentText, ViewContext, ViewState};
use egui::{CollapsingHeader, RichText, ScrollArea, Ui};

/// Draws the panel for the selected person.
pub fn person_ui(ui: &mut Ui, cx: &ViewContext<'_>, view: &mut ViewState, out: &mut Vec<Command>) {
    let ViewContext { session, today, you, person_record, .. } = *cx;
    let Some(person) = view.selected.as_ref().and_then(|id| session.person(id)) else {
        ui.label("Select a person on the grid or in the list.");
        return;
    };
    if view.drafts.person.as_ref() != Some(&person.id) {
        let mut fresh = Drafts::for_person(session, person);
        // Text typed for someone else but not yet added is kept, not dropped, when the selection moves.
        let previous = std::mem::take(&mut view.drafts);
        if let Some(id) = previous.person.clone() {
            view.unsent.insert(id, UnsentText::from(&previous));
        }
        if let Some(unsent) = view.unsent.remove(&person.id) {
            unsent.restore_into(&mut fresh);
        }
        view.drafts = fresh;
    }
    let drafts = &mut view.drafts;
    ui.horizontal(|ui| {
        ui.heading(format!("{} — {}", person.name, level_label(session, person)));
        if ui.small_button("✕").hint("Close (Esc)").clicked() {
            out.push(Command::Run(Action::ClosePerson));
        }
    });
    let placement = session.placement(person);
    let band = session.ladder.bands.get(placement.band).map_or("", String::as_str);
    // Empty roster fields (no manager for the head of the org, no team) are left out, not shown as " · ".
    let placed = format!("placed at {} {band}", placement.level);
    // Blind mode codes the employee id too: it would name the person to anyone with HR's list.
    let id = if session.blind { String::new() } else { format!("id {}", person.id) };
    let parts = [session.manager_name(person), person.team.as_str(), person.track.label(), &placed, &id];
    let line: Vec<&str> = parts.into_iter().filter(|part| !part.is_empty()).collect();
    ui.label(RichText::new(line.join(" · ")).weak());
    if let Some(since) = person.level_since {
        let years = person.years_in_level(today).unwrap_or(0);
        ui.label(RichText::new(format!("At this level since {since} ({years} y)")).weak().small());
    }
    // The roster's other columns (job title, location …), as the HR export had them.
    let extra: Vec<String> = session
        .kept_columns()
        .enumerate()
        .map(|(i, header)| (header, person.extra.get(i)))
        .filter(|(_, value)| !value.is_empty())
        .map(|(header, value)| format!("{header}: {value}"))
        .collect();
    if !extra.is_empty() {
        ui.label(RichText::new(extra.join(" · ")).weak().small());
    }
    ui.separator();
    // One scroll position per person: another person's record opens at its top.
    ScrollArea::vertical().id_salt(("person-panel", person.id.as_str())).auto_shrink(false).show(ui, |ui| {
        CollapsingHeader::new("Criteria and evidence").default_open(true).show(ui, |ui| {
            evidence::evidence_ui(ui, session, person, drafts, out);
        });
        CollapsingHeader::new("Proposal and decision").default_open(true).show(ui, |ui| {
            decision_form::proposal_ui(ui, session, person, drafts, out);
            ui.separator();
            decision_form::decision_ui(ui, session, person, you, drafts, out);
        });
        if session.proposals.contains_key(&person.id) {
            CollapsingHeader::new(format!("Pre-read ({})", session.tally(&person.id).describe()))
                .default_open(true)
                .show(ui, |ui| super::pre_read::pre_read_ui(ui, session, person, you, &mut view.mark_draft, out));
        }
        let notes: Vec<_> = person_record.notes(session, &person.id).collect();
        CollapsingHeader::new(format!("Calibration notes ({})", notes.len()))
            .default_open(true)
            .show(ui, |ui| super::notes::notes_ui(ui, &notes, person, you, drafts, out));
        CollapsingHeader::new(format!("History ({})", person_record.events(session, &person.id).count()))
            .default_open(false)
            .show(ui, |ui| {
                for event in person_record.events(session, &person.id).rev() {
                    ui.label(
                        RichText::new(format!("{} · {}", event.at.strftime("%Y-%m-%d %H:%M"), event.actor))
                            .small()
                            .weak(),
                    );
                    super::long_text::long_text(ui, &event.summary(""), |t| t);
                    if !event.why.is_empty() {
                        super::long_text::long_text(ui, &format!("why: {}", event.why), RichText::italics);
                    }
                    ui.add_space(4.0);
                }
            });
    });
}

fn level_label(session: &Session, person: &Person) -> String {
    session.ladder.level(&person.level).map_or_else(|| person.level.to_string(), crate::model::Level::label)
}
