//! The full decision record as RON: per person, where they stand, the proposal, the decision,
//! the evidence and the notes, plus the audit events about them.

use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::io::session::pretty_config;
use crate::model::{AuditEvent, Decision, Evidence, LevelId, Note, PersonId, Placement, Proposal, Session, Track};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// A self-contained record of a calibration's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    pub format_version: u32,
    pub title: String,
    pub cycle: String,
    pub ladder: String,
    pub exported_at: Timestamp,
    pub people: Vec<PersonRecord>,
}

/// Everything decided and recorded about one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRecord {
    pub id: PersonId,
    pub name: String,
    pub manager: String,
    pub team: String,
    pub track: Track,
    pub current_level: LevelId,
    pub placement: Placement,
    pub proposal: Option<Proposal>,
    pub decision: Option<Decision>,
    pub evidence: Vec<Evidence>,
    pub notes: Vec<Note>,
    pub history: Vec<AuditEvent>,
}

/// Builds the record from a session.
#[must_use]
pub fn decision_record(session: &Session, exported_at: Timestamp) -> DecisionRecord {
    let mut notes: HashMap<&PersonId, Vec<Note>> = HashMap::new();
    for note in &session.notes {
        notes.entry(&note.person).or_default().push(note.clone());
    }
    let mut history: HashMap<&PersonId, Vec<AuditEvent>> = HashMap::new();
    for event in &session.audit {
        if let Some(person) = &event.person {
            history.entry(person).or_default().push(event.clone());
        }
    }
    let people = session
        .people
        .iter()
        .map(|p| PersonRecord {
            id: p.id.clone(),
            name: p.name.to_string(),
            manager: p.manager.to_string(),
            team: p.team.to_string(),
            track: p.track,
            current_level: p.level.clone(),
            placement: session.placement(p),
            proposal: session.proposals.get(&p.id).cloned(),
            decision: session.decisions.get(&p.id).cloned(),
            evidence: session.evidence_of(&p.id).to_vec(),
            notes: notes.remove(&p.id).unwrap_or_default(),
            history: history.remove(&p.id).unwrap_or_default(),
        })
        .collect();
    DecisionRecord {
        format_version: 1,
        title: session.title.clone(),
        cycle: session.cycle.clone(),
        ladder: session.ladder.name.clone(),
        exported_at,
        people,
    }
}

/// Writes the decision record atomically with owner-only permissions.
pub fn export_decision_ron(session: &Session, path: &Path, exported_at: Timestamp) -> Result<(), FileError> {
    let record = decision_record(session, exported_at);
    let mut text = ron::ser::to_string_pretty(&record, pretty_config())
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}
