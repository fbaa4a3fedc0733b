//! Every change a user can make to the session, as one enum, and the one `match` that turns an
//! edit into the model's changes: the only place a proposal, decision, note or mark is built,
//! stamped with who and when, and its undo step named. The record (sealing, the final state,
//! signatures) therefore has one door to guard.
#![deny(clippy::wildcard_enum_match_arm)]

use super::Stamp;
use crate::model::change::cell_label;
use crate::model::decision::Reason;
use crate::model::fairness::BandTargets;
use crate::model::meeting::{AgendaOrder, Mark, Meeting, Vote};
use crate::model::{
    Change, Decision, DimensionId, LevelId, Note, Outcome, PersonId, Placement, Proposal, Rating, RuleError, Session,
};

/// An intent that changes the session. The UI and the CLI say what; `Document::apply` stamps it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Propose `target` for `person`, with the case for it.
    Propose {
        person: PersonId,
        target: LevelId,
        rationale: String,
    },
    WithdrawProposal {
        person: PersonId,
    },
    /// Record the committee's decision; `new_level` only for outcomes that change the level.
    /// `time_spent_secs`: how long the room was on the candidate (the presenter's clock), if it was.
    Decide {
        person: PersonId,
        outcome: Outcome,
        new_level: Option<LevelId>,
        rationale: String,
        time_spent_secs: Option<u64>,
        /// Reason codes beside the rationale.
        reasons: Vec<Reason>,
        /// Why a promotion goes over the budget; required when it does.
        over_budget: String,
    },
    ReopenDecision {
        person: PersonId,
    },
    AddNote {
        person: PersonId,
        text: String,
    },
    /// Correct a note's text; only its author may.
    EditNote {
        id: u64,
        text: String,
    },
    /// Delete a note; only its author may. The trail keeps what it said.
    DeleteNote {
        id: u64,
    },
    /// Set the rating, text and links recorded against one criterion of `level`.
    SetEvidence {
        person: PersonId,
        level: LevelId,
        dimension: DimensionId,
        rating: Option<Rating>,
        text: String,
        links: Vec<String>,
    },
    /// Put a card in another cell (at or below the person's level, or the one already proposed).
    Move {
        person: PersonId,
        to: Placement,
    },
    /// Put a card above the person's level and propose that level, with the case for it.
    MoveAndPropose {
        person: PersonId,
        to: Placement,
        rationale: String,
    },
    /// Put a card below the person's level and settle their proposal in the same step: `None`
    /// withdraws it, `Some(level)` proposes that level instead, with the case already written.
    MoveAndRepropose {
        person: PersonId,
        to: Placement,
        target: Option<LevelId>,
    },
    /// Settle an open disagreement between prep files with one of its values.
    SettleConflict {
        conflict: u64,
        chosen: usize,
    },
    /// The user's pre-read mark on a candidate (`None` clears it); the stamp names the member.
    SetMark {
        person: PersonId,
        vote: Option<Vote>,
        comment: String,
    },
    /// Move a candidate to position `to` of the agenda's order by hand.
    MoveOnAgenda {
        person: PersonId,
        to: usize,
        /// The candidates in the order on screen, which the move starts from: the agenda then
        /// keeps it, by hand (sorting again could order the blinded names otherwise).
        shown: Vec<PersonId>,
    },
    /// Minutes per candidate.
    SetTimeBox(u32),
    /// The committee, attendance, recusals, budget and minutes (`committee_edit.rs`).
    Committee(super::CommitteeEdit),
    /// The chair's target share per band; `None` goes back to the default.
    SetTargets(Option<BandTargets>),
    /// Blind mode on (names shown as codes) or off (revealing them).
    SetBlind(bool),
    /// Make the record final: nothing changes until it is reopened.
    Finalize {
        note: String,
    },
    /// Reopen a final record, saying why.
    ReopenRecord {
        reason: String,
    },
    /// Take the file as it is after a change made outside Ladderboard: a baseline naming who
    /// accepted it and why, from which the trail checks again.
    AcceptOutsideEdit {
        reason: String,
    },
    /// Put back, from the values the trail recorded, what was changed outside Ladderboard (each
    /// person and part the trail can vouch for); `reason` is said in every event it writes.
    RestoreFromTrail {
        reason: String,
    },
    /// Take back the last step.
    Undo,
    /// Make again the last step taken back.
    Redo,
}

/// What an edit comes to: a named step of changes, or a walk through the history.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Planned {
    /// `why`, when not empty, is said in every event the step writes.
    Step {
        label: String,
        changes: Vec<Change>,
        why: String,
    },
    Undo,
    Redo,
}

/// Why an edit was not made.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EditError {
    #[error("{0}")]
    Rule(#[from] RuleError),
    #[error("Read-only: {0} has this session open. Use Save as… to work on a copy.")]
    ReadOnly(crate::io::session::lock::LockInfo),
    #[error("no person with id \"{0}\" in this session")]
    UnknownPerson(PersonId),
    #[error("no open item {0}")]
    UnknownConflict(u64),
    #[error("no note {0} in this session")]
    UnknownNote(u64),
    #[error("only {author}, who wrote this note, can change or delete it; add a note of your own instead")]
    NotYourNote { author: String },
    #[error("the trail holds none of the values that were changed: compare the file with a backup")]
    NothingToRestore,
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("could not undo \"{label}\": {error}")]
    Undo { label: String, error: RuleError },
    #[error("could not redo \"{label}\": {error}")]
    Redo { label: String, error: RuleError },
}

impl Edit {
    /// The words that say an edit was refused ("Not moved: …").
    #[must_use]
    pub fn refused(&self) -> &'static str {
        match self {
            Edit::Move { .. } | Edit::MoveAndRepropose { .. } => "Not moved",
            Edit::MoveAndPropose { .. } => "Not proposed",
            Edit::SettleConflict { .. } => "Not settled",
            Edit::Propose { .. }
            | Edit::WithdrawProposal { .. }
            | Edit::Decide { .. }
            | Edit::ReopenDecision { .. }
            | Edit::AddNote { .. }
            | Edit::EditNote { .. }
            | Edit::DeleteNote { .. }
            | Edit::SetEvidence { .. }
            | Edit::SetMark { .. }
            | Edit::MoveOnAgenda { .. }
            | Edit::SetTimeBox(_)
            | Edit::Committee(_)
            | Edit::SetTargets(_)
            | Edit::SetBlind(_)
            | Edit::Finalize { .. }
            | Edit::ReopenRecord { .. }
            | Edit::AcceptOutsideEdit { .. }
            | Edit::RestoreFromTrail { .. }
            | Edit::Undo
            | Edit::Redo => "Not changed",
        }
    }

    /// The step this edit makes on `session`, stamped: the one place edits become changes.
    pub(super) fn plan(self, session: &Session, stamp: &Stamp) -> Result<Planned, EditError> {
        let user = stamp.actor.clone();
        let now = stamp.at;
        let person_of = |id: &PersonId| session.person(id).ok_or_else(|| EditError::UnknownPerson(id.clone()));
        let name_of = |id: &PersonId| person_of(id).map(|p| p.name.to_string());
        let (label, changes) = match self {
            Edit::Propose { person, target, rationale } => {
                let p = person_of(&person)?;
                let label = format!("propose {} {} → {target}", p.name, p.level);
                let proposal = Proposal { target, rationale, proposer: user, proposed_at: now };
                (label, vec![Change::Propose { person, proposal: Some(proposal) }])
            }
            Edit::MoveAndPropose { person, to, rationale } => {
                let p = person_of(&person)?;
                let target = to.level.clone();
                let label = format!("move {} {} → {target}", p.name, p.level);
                let proposal = Proposal { target, rationale, proposer: user, proposed_at: now };
                let changes = vec![
                    Change::Place { person: person.clone(), placement: Some(to) },
                    Change::Propose { person, proposal: Some(proposal) },
                ];
                (label, changes)
            }
            Edit::MoveAndRepropose { person, to, target } => repropose_step(session, person, to, target, stamp)?,
            Edit::WithdrawProposal { person } => {
                let label = format!("withdraw proposal for {}", name_of(&person)?);
                (label, vec![Change::Propose { person, proposal: None }])
            }
            Edit::Decide { person, outcome, new_level, rationale, time_spent_secs, reasons, over_budget } => {
                let label = format!("decide {}: {outcome}", name_of(&person)?);
                let mut decision = Decision::new(outcome, new_level, &rationale, &user, now);
                decision.time_spent_secs = time_spent_secs;
                decision.reasons = reasons;
                over_budget.trim().clone_into(&mut decision.over_budget);
                in_the_room(session, &person, &mut decision)?;
                (label, vec![Change::Decide { person, decision: Some(decision) }])
            }
            Edit::ReopenDecision { person } => {
                let label = format!("reopen decision for {}", name_of(&person)?);
                (label, vec![Change::Decide { person, decision: None }])
            }
            Edit::AddNote { person, text } => {
                let label = format!("add note on {}", name_of(&person)?);
                let note = Note { id: session.next_note_id(), person, at: now, author: user, text };
                (label, vec![Change::AddNote(note)])
            }
            Edit::EditNote { id, text } => change_note(session, id, Some(text), &user)?,
            Edit::DeleteNote { id } => change_note(session, id, None, &user)?,
            Edit::SetEvidence { person, level, dimension, rating, text, links } => {
                let name = name_of(&person)?;
                (
                    evidence_label(session, &name, &person, &level, &dimension, rating, &text),
                    vec![Change::SetEvidence { person, level, dimension, rating, text, links }],
                )
            }
            Edit::SettleConflict { conflict, chosen } => {
                let open = session.conflicts.iter().find(|c| c.id == conflict);
                let open = open.ok_or(EditError::UnknownConflict(conflict))?;
                let source = open.options.get(chosen).map_or("?", |o| o.source.as_str());
                let label = format!("settle {} {} from {source}", name_of(&open.person)?, open.subject.label());
                (label, vec![Change::Settle { conflict, chosen }])
            }
            Edit::Move { person, to } => {
                let p = person_of(&person)?;
                let ladder = &session.ladder;
                let from = session.placement(p);
                let label = format!("move {} {} → {}", p.name, cell_label(ladder, &from), cell_label(ladder, &to));
                (label, vec![Change::Place { person, placement: Some(to) }])
            }
            Edit::SetMark { person, vote, comment } => mark_step(person, vote, &comment, stamp),
            Edit::MoveOnAgenda { person, to, shown } => {
                let meeting = moved_on_agenda(session, &person, to, shown);
                ("reorder agenda".to_owned(), vec![Change::SetMeeting(meeting)])
            }
            Edit::Committee(edit) => edit.plan(session, stamp)?,
            Edit::SetTimeBox(minutes) => {
                let meeting = Meeting { minutes_per_candidate: minutes, ..session.meeting.clone() };
                (format!("time box {minutes} min"), vec![Change::SetMeeting(meeting)])
            }
            Edit::SetTargets(targets) => {
                let label = if targets.is_some() { "set target curve" } else { "default target curve" };
                (label.to_owned(), vec![Change::SetTargets(targets)])
            }
            Edit::SetBlind(on) => {
                let label = if on { "blind names" } else { "reveal names" };
                (label.to_owned(), vec![Change::SetBlind { on }])
            }
            Edit::Finalize { note } => {
                ("finalize the record".to_owned(), vec![Change::SetFinal { on: true, reason: note }])
            }
            Edit::ReopenRecord { reason } => {
                ("reopen the record".to_owned(), vec![Change::SetFinal { on: false, reason }])
            }
            Edit::AcceptOutsideEdit { reason } => accept_step(session, stamp, &reason)?,
            Edit::RestoreFromTrail { reason } => return restore_step(session, &reason),
            Edit::Undo => return Ok(Planned::Undo),
            Edit::Redo => return Ok(Planned::Redo),
        };
        Ok(Planned::Step { label, changes, why: String::new() })
    }
}

/// The meeting's side of a decision: the decider is not recused, a promotion over the budget says
/// why, the reasons are the ladder's; the decision keeps who was in the room and who stepped out.
fn in_the_room(session: &Session, person: &PersonId, decision: &mut Decision) -> Result<(), RuleError> {
    let recused = session.recused_members(person);
    if recused.contains(&decision.decided_by) {
        let name = session.name_of(person);
        return Err(RuleError::Recused { member: decision.decided_by.clone(), person: name });
    }
    if decision.outcome == Outcome::Promote
        && let Some(level) = &decision.new_level
        && let Some(over) = session.over_budget(person, level)
        && decision.over_budget.is_empty()
    {
        return Err(RuleError::OverBudget(over));
    }
    let codes = session.ladder.reason_codes();
    for reason in &decision.reasons {
        let code = codes.iter().find(|c| c.code == reason.code).ok_or_else(|| RuleError::UnknownReason {
            code: reason.code.clone(),
            valid: codes.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", "),
        })?;
        if code.names_criterion && reason.criterion.is_none() {
            return Err(RuleError::ReasonNeedsCriterion(code.label.clone()));
        }
    }
    // Who stepped out is not counted as present; a reason to go over the budget belongs to a
    // promotion only; the effective date stays the cycle's (`Meeting::effective`) unless set here.
    decision.present =
        session.present_members().into_iter().filter(|m| !recused.iter().any(|r| r == m)).map(str::to_owned).collect();
    decision.recused = recused;
    if decision.outcome != Outcome::Promote {
        decision.over_budget.clear();
    }
    Ok(())
}

/// The meeting with `person` moved to position `to` of the agenda's order by hand.
fn moved_on_agenda(session: &Session, person: &PersonId, to: usize, shown: Vec<PersonId>) -> Meeting {
    // The order on screen, with any candidate it lacks (proposed since it was drawn) at its end.
    let mut order: Vec<PersonId> = shown.into_iter().filter(|p| session.proposals.contains_key(p)).collect();
    for item in session.agenda(AgendaOrder::ByHand) {
        if !order.contains(&item.person) {
            order.push(item.person);
        }
    }
    if let Some(from) = order.iter().position(|p| p == person) {
        let id = order.remove(from);
        order.insert(to.min(order.len()), id);
    }
    Meeting { order, ..session.meeting.clone() }
}

/// A member's pre-read mark (`None` clears it): the stamp names the member.
fn mark_step(person: PersonId, vote: Option<Vote>, comment: &str, stamp: &Stamp) -> (String, Vec<Change>) {
    let mark = vote.map(|vote| Mark {
        member: stamp.actor.clone(),
        person: person.clone(),
        vote,
        comment: comment.trim().to_owned(),
        at: stamp.at,
    });
    let label = format!("pre-read mark: {}", vote.map_or("cleared", |v| v.label()));
    (label, vec![Change::SetMark { member: stamp.actor.clone(), person, mark }])
}

/// A baseline over the session as the file holds it, naming who accepted it and why.
fn accept_step(session: &Session, stamp: &Stamp, reason: &str) -> Result<(String, Vec<Change>), EditError> {
    if session.is_final() {
        return Err(RuleError::Final.into());
    }
    if reason.trim().is_empty() {
        return Err(RuleError::MissingRationale { what: "accepting a change made outside Ladderboard" }.into());
    }
    let digests: Vec<String> = session.people.iter().map(|p| session.state_digest(&p.id)).collect();
    let source = format!("outside edit accepted by {}: {}", stamp.actor, reason.trim());
    Ok(("accept the outside edit".to_owned(), vec![Change::Baseline { source, digests: digests.join(" ") }]))
}

/// The changes that put back what the trail can vouch for, each event saying why.
fn restore_step(session: &Session, reason: &str) -> Result<Planned, EditError> {
    if session.is_final() {
        return Err(RuleError::Final.into());
    }
    let restoration = session.restoration();
    if restoration.changes.is_empty() {
        return Err(EditError::NothingToRestore);
    }
    let why = match reason.trim() {
        "" => "restored from the trail after an edit outside Ladderboard".to_owned(),
        given => format!("restored from the trail after an edit outside Ladderboard ({given})"),
    };
    let label = format!("restore from the trail: {}", restoration.restored.join("; "));
    Ok(Planned::Step { label, changes: restoration.changes, why })
}

/// The note `id`, if `user` wrote it: a note is its author's observation, so no one else may put
/// words in it or take it away.
fn own_note<'s>(session: &'s Session, id: u64, user: &str) -> Result<&'s Note, EditError> {
    let note = session.notes.iter().find(|n| n.id == id).ok_or(EditError::UnknownNote(id))?;
    if note.author == user { Ok(note) } else { Err(EditError::NotYourNote { author: note.author.clone() }) }
}

/// A move below the level of someone proposed, with their proposal withdrawn (`target: None`) or
/// changed to `target`, keeping the case already written: one step.
fn repropose_step(
    session: &Session,
    person: PersonId,
    to: Placement,
    target: Option<LevelId>,
    stamp: &Stamp,
) -> Result<(String, Vec<Change>), EditError> {
    let p = session.person(&person).ok_or_else(|| EditError::UnknownPerson(person.clone()))?;
    let ladder = &session.ladder;
    let moved = format!("move {} {} → {}", p.name, cell_label(ladder, &session.placement(p)), cell_label(ladder, &to));
    let (label, proposal) = match target {
        None => (format!("{moved}, proposal withdrawn"), None),
        Some(target) => {
            let rationale = session.proposals.get(&person).map(|pr| pr.rationale.clone()).unwrap_or_default();
            let proposal = Proposal { target, rationale, proposer: stamp.actor.clone(), proposed_at: stamp.at };
            (format!("{moved}, proposal now {}", proposal.target), Some(proposal))
        }
    };
    Ok((
        label,
        vec![Change::Place { person: person.clone(), placement: Some(to) }, Change::Propose { person, proposal }],
    ))
}

/// A note's author correcting it (`text`) or deleting it (`None`).
fn change_note(
    session: &Session,
    id: u64,
    text: Option<String>,
    user: &str,
) -> Result<(String, Vec<Change>), EditError> {
    let note = own_note(session, id, user)?;
    let name = session.person(&note.person).map_or_else(|| note.person.to_string(), |p| p.name.to_string());
    Ok(match text {
        Some(text) => {
            (format!("edit note on {name}"), vec![Change::EditNote { person: note.person.clone(), id, text }])
        }
        None => (format!("delete note on {name}"), vec![Change::RemoveNote { id }]),
    })
}

/// "rate Ada P4 scope: meets", or "record evidence (links) for …" when the rating stays.
fn evidence_label(
    session: &Session,
    name: &str,
    person: &PersonId,
    level: &LevelId,
    dimension: &DimensionId,
    rating: Option<Rating>,
    text: &str,
) -> String {
    let before = session.evidence_for(person, level, dimension);
    if before.and_then(|e| e.rating) == rating {
        let links_only = before.map_or("", |e| e.text.as_str()) == text;
        let kind = if links_only { "evidence links" } else { "evidence" };
        format!("record {kind} for {name} {level} {dimension}")
    } else {
        format!("rate {name} {level} {dimension}: {}", rating.map_or("unrated", Rating::label))
    }
}
