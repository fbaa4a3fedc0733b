//! Every change to a session as data: what the audit trail carries and undo inverts. Checking
//! and applying a change is `apply.rs`'s work; this file knows nothing of sessions or the trail.
#![deny(clippy::wildcard_enum_match_arm)]

use super::band_targets::BandTargets;
use super::conflict::{Conflict, ConflictValue, MergedFile};
use super::decision::Decision;
use super::evidence::Rating;
use super::ids::{DimensionId, LevelId, PersonId};
use super::ladder::Ladder;
use super::meeting::{Mark, Meeting};
use super::note::Note;
use super::person::Placement;
use super::proposal::Proposal;
use serde::{Deserialize, Serialize};

/// A change a user can make to a session. Each variant sets a value, so its inverse is the same
/// variant with the value that was there before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Move a person on the grid; `None` puts them back at their default cell.
    Place { person: PersonId, placement: Option<Placement> },
    /// Propose a target level; `None` withdraws the proposal.
    Propose { person: PersonId, proposal: Option<Proposal> },
    /// Record the committee's decision; `None` reopens it.
    Decide { person: PersonId, decision: Option<Decision> },
    /// Set the evidence for one criterion; empty rating, text and links remove it.
    SetEvidence {
        person: PersonId,
        level: LevelId,
        dimension: DimensionId,
        rating: Option<Rating>,
        text: String,
        links: Vec<String>,
    },
    /// Add a calibration note.
    AddNote(Note),
    /// Remove a note: its author deletes it, or undo takes back its adding. The trail keeps the
    /// text removed.
    RemoveNote { id: u64 },
    /// Put new text in a note (its author's correction); the trail keeps the old text beside it.
    EditNote { person: PersonId, id: u64, text: String },
    /// Settle an open conflict between prep files with one of its values.
    Settle { conflict: u64, chosen: usize },
    /// Reopen a settled conflict and put back the value before it (the undo of `Settle`).
    Reopen { conflict: Box<Conflict>, previous: Box<ConflictValue>, chosen: usize },
    /// Set (or with `None` clear) a member's pre-read mark on a candidate.
    SetMark { member: String, person: PersonId, mark: Option<Mark> },
    /// The meeting's time box and agenda order.
    SetMeeting(Meeting),
    /// The target share per band (with tolerance and minimum group); `None` goes back to the default.
    SetTargets(Option<BandTargets>),
    /// Turn blind mode on (names shown as codes) or off (revealing them).
    SetBlind { on: bool },
    /// Every person's state digest (space-separated, in the people's order) where the trail starts
    /// binding the state: after an import, a merge, or the first open of a file from before the
    /// check. Changes nothing itself.
    Baseline { source: String, digests: String },
    /// Prep files merged into this session. Changes nothing itself; it records the sources.
    Merge { files: Vec<MergedFile>, conflicts: usize },
    /// The record made final (`on`), after which nothing changes until it is reopened (`!on`)
    /// with a reason. The state lives in the trail itself, so no hand edit can set it.
    SetFinal { on: bool, reason: String },
}

impl Change {
    /// Whether the change touches a part of the document no one person owns (`doc_seal`), or is a
    /// baseline: its event then records the document's digest.
    #[must_use]
    pub fn touches_document(&self) -> bool {
        match self {
            Change::Settle { .. }
            | Change::Reopen { .. }
            | Change::SetMark { .. }
            | Change::SetMeeting(_)
            | Change::SetTargets(_)
            | Change::SetBlind { .. }
            | Change::Baseline { .. }
            | Change::Merge { .. }
            | Change::SetFinal { .. } => true,
            Change::Place { .. }
            | Change::Propose { .. }
            | Change::Decide { .. }
            | Change::SetEvidence { .. }
            | Change::AddNote(_)
            | Change::RemoveNote { .. }
            | Change::EditNote { .. } => false,
        }
    }

    /// The person the change is about, if any.
    #[must_use]
    pub fn person(&self) -> Option<&PersonId> {
        match self {
            Change::Place { person, .. }
            | Change::Propose { person, .. }
            | Change::Decide { person, .. }
            | Change::SetEvidence { person, .. }
            | Change::EditNote { person, .. }
            | Change::SetMark { person, .. } => Some(person),
            Change::AddNote(note) => Some(&note.person),
            Change::Reopen { conflict, .. } => Some(&conflict.person),
            Change::RemoveNote { .. }
            | Change::Settle { .. }
            | Change::Merge { .. }
            | Change::SetBlind { .. }
            | Change::SetMeeting(_)
            | Change::SetTargets(_)
            | Change::Baseline { .. }
            | Change::SetFinal { .. } => None,
        }
    }
}

/// "P3 solid".
#[must_use]
pub fn cell_label(ladder: &Ladder, placement: &Placement) -> String {
    match ladder.bands.get(placement.band) {
        Some(band) => format!("{} {band}", placement.level),
        None => placement.level.to_string(),
    }
}
