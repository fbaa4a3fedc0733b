//! The audit trail as CSV: one row per event, formula-like cells neutralised.

use super::csv::neutralise;
use crate::io::atomic::write_atomic;
use crate::io::error::FileError;
use crate::model::{AuditEvent, Session};
use std::path::Path;

/// Header of the history CSV.
pub const HISTORY_HEADERS: [&str; 10] =
    ["seq", "at", "actor", "person id", "person", "action", "from", "to", "why", "hash"];

/// The given events as CSV bytes.
pub fn history_csv<'a>(session: &Session, events: impl Iterator<Item = &'a AuditEvent>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(super::csv::UTF8_BOM.to_vec());
    writer.write_record(HISTORY_HEADERS)?;
    for event in events {
        let person_id = event.person.as_ref().map(ToString::to_string).unwrap_or_default();
        let person = event.person.as_ref().map(|p| session.name_of(p)).unwrap_or_default();
        let row = [
            event.seq.to_string(),
            event.at.to_string(),
            event.actor.clone(),
            person_id,
            person,
            event.action.clone(),
            event.from.clone(),
            event.to.clone(),
            event.why.clone(),
            event.hash.clone(),
        ];
        writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes the whole audit trail as CSV, atomically and 0600.
pub fn export_history_csv(session: &Session, path: &Path) -> Result<(), FileError> {
    let bytes = history_csv(session, session.audit.iter())
        .map_err(|e| FileError::Write { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    write_atomic(path, &bytes)
}
