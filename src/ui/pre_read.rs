//! A committee member's pre-read of a candidate: agree, question or abstain, with a short comment,
//! and the marks of the others. Marks are saved in the member's copy of the session, which the chair
//! merges like a prep file; the agenda shows the tally.

use crate::command::Command;
use crate::command::Edit;
use crate::model::meeting::Vote;
use crate::model::{Person, Session};
use egui::RichText;

/// Draws the pre-read section for `person`; `draft` holds the comment being written.
pub fn pre_read_ui(
    ui: &mut egui::Ui,
    session: &Session,
    person: &Person,
    you: &str,
    draft: &mut (crate::model::PersonId, String),
    out: &mut Vec<Command>,
) {
    if !session.proposals.contains_key(&person.id) {
        ui.label(RichText::new("Pre-read marks are for candidates with a proposal.").weak());
        return;
    }
    let mine = session.mark_of(you, &person.id);
    if draft.0 != person.id {
        *draft = (person.id.clone(), mine.map(|m| m.comment.clone()).unwrap_or_default());
    }
    ui.label(format!("Tally: {}", session.tally(&person.id).describe()));
    for mark in session.marks_for(&person.id).filter(|m| m.member != you) {
        let comment = if mark.comment.is_empty() { String::new() } else { format!(" — {}", mark.comment) };
        super::long_text::long_text(ui, &format!("{}: {}{comment}", mark.member, mark.vote.label()), RichText::small);
    }
    let label = ui.label("Your comment");
    ui.text_edit_singleline(&mut draft.1).labelled_by(label.id);
    ui.horizontal(|ui| {
        ui.label("Your mark:");
        for vote in Vote::ALL {
            let selected = mine.is_some_and(|m| m.vote == vote);
            if ui.selectable_label(selected, vote.label()).clicked() {
                let vote =
                    if selected && mine.is_some_and(|m| m.comment == draft.1.trim()) { None } else { Some(vote) };
                out.push(Command::Edit(Edit::SetMark { person: person.id.clone(), vote, comment: draft.1.clone() }));
            }
        }
    });
}
