//! Turning what the user chose into changes: the one place a proposal, decision or note is built,
//! stamped with who and when, given an id, and its undo step named.

use super::LadderApp;
use crate::command::Command;
use crate::model::change::cell_label;
use crate::model::{Change, Decision, Note, Proposal, Rating};
use jiff::Timestamp;

impl LadderApp {
    /// The undo step's name and the changes for an intent that edits the session; `None` for any
    /// other command, or when the person is not in the session.
    pub(super) fn changes_for(&self, command: &Command) -> Option<(String, Vec<Change>)> {
        let session = &self.session;
        let user = self.settings.user_name.clone();
        let now = Timestamp::now();
        let name_of = |id| session.person(id).map(|p| p.name.to_string());
        Some(match command.clone() {
            Command::Propose { person, target, rationale } => {
                let p = session.person(&person)?;
                let label = format!("propose {} {} → {target}", p.name, p.level);
                let proposal = Proposal { target, rationale, proposer: user, proposed_at: now };
                (label, vec![Change::Propose { person, proposal: Some(proposal) }])
            }
            Command::ConfirmProposal { person, to, rationale } => {
                let p = session.person(&person)?;
                let target = to.level.clone();
                let label = format!("move {} {} → {target}", p.name, p.level);
                let proposal = Proposal { target, rationale, proposer: user, proposed_at: now };
                let changes = vec![
                    Change::Place { person: person.clone(), placement: Some(to) },
                    Change::Propose { person, proposal: Some(proposal) },
                ];
                (label, changes)
            }
            Command::WithdrawProposal { person } => {
                let label = format!("withdraw proposal for {}", name_of(&person)?);
                (label, vec![Change::Propose { person, proposal: None }])
            }
            Command::Decide { person, outcome, new_level, rationale } => {
                let label = format!("decide {}: {outcome}", name_of(&person)?);
                // Decided in the presenter view: the time the room spent on the candidate goes on record.
                let presenting = self.view.presenter.as_ref().filter(|p| p.person == person);
                let time_spent_secs = presenting.map(|p| p.elapsed_secs);
                let decision =
                    Decision { outcome, new_level, rationale, decided_by: user, decided_at: now, time_spent_secs };
                (label, vec![Change::Decide { person, decision: Some(decision) }])
            }
            Command::ReopenDecision { person } => {
                let label = format!("reopen decision for {}", name_of(&person)?);
                (label, vec![Change::Decide { person, decision: None }])
            }
            Command::AddNote { person, text } => {
                let label = format!("add note on {}", name_of(&person)?);
                let note = Note { id: session.next_note_id(), person, at: now, author: user, text };
                (label, vec![Change::AddNote(note)])
            }
            Command::SetEvidence { person, level, dimension, rating, text, links } => {
                let name = name_of(&person)?;
                let before = session.evidence_for(&person, &level, &dimension);
                let label = if before.and_then(|e| e.rating) != rating {
                    format!("rate {name} {level} {dimension}: {}", rating.map_or("unrated", Rating::label))
                } else if before.map_or("", |e| e.text.as_str()) == text {
                    format!("record evidence links for {name} {level} {dimension}")
                } else {
                    format!("record evidence for {name} {level} {dimension}")
                };
                (label, vec![Change::SetEvidence { person, level, dimension, rating, text, links }])
            }
            Command::SettleConflict { conflict, chosen } => {
                let open = session.conflicts.iter().find(|c| c.id == conflict)?;
                let source = &open.options.get(chosen)?.source;
                let label = format!("settle {} {} from {source}", name_of(&open.person)?, open.subject.label());
                (label, vec![Change::Settle { conflict, chosen }])
            }
            Command::MoveCard { person, to } => {
                let p = session.person(&person)?;
                let ladder = &session.ladder;
                let from = session.placement(p);
                let label = format!("move {} {} → {}", p.name, cell_label(ladder, &from), cell_label(ladder, &to));
                (label, vec![Change::Place { person, placement: Some(to) }])
            }
            _ => return None,
        })
    }
}
